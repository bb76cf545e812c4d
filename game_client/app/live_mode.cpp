#include "app/live_mode.h"

#include <algorithm>
#include <iostream>
#include <utility>

#include "app/words.h"

namespace client {

namespace {

constexpr int kMaxAttempts = 10;
const sf::Time kFirstRetry = sf::seconds(1);
const sf::Time kLongestRetry = sf::seconds(8);

// Errors that a new connection cannot cure.
bool worthRetrying(proto::ErrorCode code) {
  switch (code) {
    case proto::ErrorCode::UnsupportedVersion:
    case proto::ErrorCode::GameUnavailable:
    case proto::ErrorCode::SeatTaken:
    case proto::ErrorCode::BadReconnectToken:
    case proto::ErrorCode::Malformed:
    case proto::ErrorCode::UnexpectedPacket: return false;
    default: return true;
  }
}

}  // namespace

LiveMode::LiveMode(LiveOptions options) : options_(std::move(options)) { connect(); }

void LiveMode::connect() {
  Options hello = options_.session;
  if (hadGame_) hello.reconnect = token_;
  session_ = std::make_unique<Session>(hello);
  received_.clear();
  if (session_->failure()) {
    lost(session_->failure()->text, false);
    return;
  }
  const std::string where = options_.host + ":" + std::to_string(options_.port);
  stage_ = Stage::Connecting;
  status_ = attempts_ == 0 ? "Connecting to " + where + "…"
                           : "Reconnecting to " + where + " (attempt " + std::to_string(attempts_) + " of " +
                                 std::to_string(kMaxAttempts) + ")…";
  link_.connect(options_.host, options_.port);
  refreshPanel();
}

void LiveMode::lost(const std::string& why, bool retry) {
  link_.close();
  if (retry && attempts_ < kMaxAttempts) {
    ++attempts_;
    retryDelay_ = std::min(kLongestRetry, kFirstRetry * static_cast<float>(1 << std::min(attempts_ - 1, 4)));
    retryClock_.restart();
    stage_ = Stage::Retrying;
    status_ = (hadGame_ ? "Connection lost: " : "No connection: ") + why + ". Reconnecting in " +
              std::to_string(static_cast<int>(retryDelay_.asSeconds())) + " s (attempt " + std::to_string(attempts_) +
              " of " + std::to_string(kMaxAttempts) + ")…";
  } else {
    stage_ = Stage::Failed;
    status_ = retry ? "Gave up after " + std::to_string(kMaxAttempts) + " attempts to reconnect." : "Disconnected.";
    error_ = why;
    std::cerr << "game_client: " << why << '\n';  // for scripts, as the window says it
  }
  if (board_) board_->setMover(game::Seat::None);
  refreshPanel();
}

void LiveMode::idle(sf::Time timeout) { link_.waitReadable(timeout); }

bool LiveMode::update() {
  if (stage_ == Stage::Retrying) {
    if (retryClock_.getElapsedTime() < retryDelay_) return false;
    connect();
    return true;
  }
  if (stage_ == Stage::Over || stage_ == Stage::Failed) return false;

  const auto before = link_.state();
  std::size_t sent = 0;
  const auto state = link_.pump(session_->outgoing(), sent, received_);
  session_->sent(sent);
  bool changed = state != before;
  if (!received_.empty()) {
    session_->receive(received_);
    received_.clear();
    changed = true;
  }
  if (state == NetworkLink::State::Connected && before != state && attempts_ > 0)
    status_ = "Connected again; taking the seat back…";

  handleEvents();
  if (const auto& failure = session_->failure()) {
    lost(failure->text, worthRetrying(failure->code));
    return true;
  }
  if (state == NetworkLink::State::Closed) {
    session_->closed();
    if (const auto& failure = session_->failure()) {
      lost(link_.closeReason(), worthRetrying(failure->code));
      return true;
    }
  }
  if (!changed) return false;

  switch (session_->phase()) {
    case proto::Phase::AwaitingHello: break;
    case proto::Phase::WaitingForOpponent: stage_ = Stage::Waiting; break;
    case proto::Phase::Playing: stage_ = Stage::Playing; break;
    case proto::Phase::Over:
      stage_ = Stage::Over;
      result_ = session_->result();
      notice_.clear();  // the result says it all; "seat held" and offers are moot now
      link_.close();
      break;
  }
  syncBoard();
  refreshPanel();
  return true;
}

void LiveMode::handleEvents() {
  for (const proto::Packet& packet : session_->takeEvents()) {
    if (const auto* p = std::get_if<proto::Welcome>(&packet)) {
      seat_ = p->seat;
      matchId_ = p->matchId;
      token_ = p->reconnect;
      attempts_ = 0;
      if (!board_) {
        std::string error;
        board_ = makeBoardView(session_->setup(), error);
        if (!board_) error_ = "cannot show this game: " + error;
      }
      if (p->resumed) notice_ = "Reconnected: the game goes on.";
    } else if (std::holds_alternative<proto::MatchStart>(packet)) {
      hadGame_ = true;
    } else if (const auto* p = std::get_if<proto::MoveAccepted>(&packet)) {
      // Indexed by ply, so the replay after a reconnect rewrites rather than repeats.
      notation_.resize(p->ply - 1u);
      notation_.emplace_back(proto::text(p->notation));
      // A new move (not one replayed after a reconnect) makes older news stale.
      const bool fresh = !board_ || p->ply > board_->plies();
      if (fresh && p->seat == seat_) error_.clear();
      if (fresh && p->seat != seat_) notice_.clear();
    } else if (const auto* p = std::get_if<proto::MoveRejected>(&packet)) {
      if (board_) board_->rejected(proto::fromWire(p->move));
      const std::string why(proto::text(p->why));
      error_ = "Move refused: " + (why.empty() ? std::string(game::describe(p->reject)) : why) + ".";
    } else if (std::holds_alternative<proto::DrawOffer>(packet)) {
      notice_ = "Your opponent offers a draw.";
    } else if (std::holds_alternative<proto::DrawDecline>(packet)) {
      notice_ = "Your opponent declined the draw.";
    } else if (const auto* p = std::get_if<proto::OpponentStatus>(&packet)) {
      notice_ = p->state == proto::OpponentState::Disconnected
                    ? "Your opponent lost the connection; their seat is held for " +
                          std::to_string(p->graceSeconds) + " s."
                    : "Your opponent is back.";
    } else if (const auto* p = std::get_if<proto::Error>(&packet)) {
      error_ = std::string(proto::text(p->text));
    }
  }
}

void LiveMode::syncBoard() {
  if (!board_ || !session_->game()) return;
  const auto& history = session_->history();
  // A new session after a reconnect replays the game from its first move.
  if (board_->plies() > static_cast<int>(history.size())) board_->reset();
  for (auto i = static_cast<std::size_t>(board_->plies()); i < history.size(); ++i) {
    if (!board_->apply(history[i])) {
      error_ = "the board cannot show move " + std::to_string(i + 1);
      break;
    }
  }
  const bool mayMove = stage_ == Stage::Playing && session_->myTurn() && !session_->awaitingReply();
  board_->setMover(mayMove ? seat_ : game::Seat::None);
}

void LiveMode::requestMove(const game::Move& move) {
  std::string error;
  if (!session_->move(move, error)) error_ = "Not sent: " + error + ".";
  else error_.clear();
  syncBoard();  // no gestures while the move is in flight
  refreshPanel();
}

bool LiveMode::request(bool (Session::*call)(std::string&)) {
  std::string error;
  const bool sent = ((*session_).*call)(error);
  error_ = sent ? std::string() : error;  // the session says why a request makes no sense now
  return sent;
}

bool LiveMode::act(Action action) {
  if (stage_ != Stage::Playing) return false;
  const bool armed = std::exchange(resignArmed_, false);
  switch (action) {
    case Action::Resign:
      // The first click asks for confirmation, so a slip does not lose the game.
      if (armed) request(&Session::resign);
      else resignArmed_ = true;
      break;
    case Action::OfferDraw:
      if (request(&Session::offerDraw)) notice_ = "You offered a draw.";
      break;
    case Action::AcceptDraw: request(&Session::acceptDraw); break;
    case Action::DeclineDraw:
      if (request(&Session::declineDraw)) notice_.clear();
      break;
    case Action::ClaimDraw: request(&Session::claimDraw); break;
    default: return false;
  }
  refreshPanel();
  return true;
}

void LiveMode::refreshPanel() {
  const std::string where = options_.host + ":" + std::to_string(options_.port);
  panel_.title = board_ ? gameTitle(session_->setup()) : stage_ == Stage::Failed ? "Not connected" : "Omok & chess";
  panel_.subtitle = matchId_ ? "match " + std::to_string(matchId_) + " · seat " +
                                   std::to_string(static_cast<int>(seat_)) + " · " + where
                             : where;

  const auto& names = session_->players();
  const game::Game* game = session_->game();
  for (int i = 0; i < 2; ++i) {
    const auto seat = static_cast<game::Seat>(i + 1);
    PanelPlayer& p = panel_.players[static_cast<std::size_t>(i)];
    p.you = seat == seat_;
    if (names) p.name = std::string(proto::text(i == 0 ? names->player1 : names->player2));
    else p.name = p.you ? options_.session.name : seat_ != game::Seat::None ? "waiting…" : "";
    p.colour = board_ ? board_->side(seat).name : "";
    p.dark = board_ && board_->side(seat).dark;
    p.toMove = stage_ == Stage::Playing && game && game->toMove() == seat;
  }

  panel_.moves = notation_;
  panel_.current = static_cast<int>(panel_.moves.size()) - 1;

  const std::string you = board_ && seat_ != game::Seat::None ? board_->side(seat_).name : "";
  switch (stage_) {
    case Stage::Connecting:
    case Stage::Retrying:
    case Stage::Failed: break;  // status_ was set where the stage was entered
    case Stage::Waiting: status_ = "You play " + you + ". Waiting for an opponent…"; break;
    case Stage::Playing:
      status_ = session_->myTurn() ? (session_->awaitingReply() ? "Sending your move…" : "Your move.")
                                   : "Waiting for your opponent's move.";
      break;
    case Stage::Over: {
      const game::Status status = result_.value_or(game::Status{});
      const bool won = status.result == game::winFor(seat_);
      const bool draw = status.result == game::Result::Draw;
      status_ = std::string(draw ? "Game over. " : won ? "You won! " : "You lost. ") + resultSentence(status, *board_);
      break;
    }
  }
  panel_.status = notice_.empty() ? status_ : status_ + " " + notice_;
  panel_.error = error_;

  panel_.buttons.clear();
  if (stage_ == Stage::Playing) {
    panel_.buttons.push_back({Action::Resign, resignArmed_ ? "Confirm resign" : "Resign"});
    if (board_ && board_->hasDrawOffers()) {
      if (session_->drawOffered()) {
        panel_.buttons.push_back({Action::AcceptDraw, "Accept draw"});
        panel_.buttons.push_back({Action::DeclineDraw, "Decline draw"});
      } else {
        panel_.buttons.push_back({Action::OfferDraw, "Offer draw"});
      }
      const bool claimable = game && session_->myTurn() && game->claimableDraw() != game::EndReason::None;
      panel_.buttons.push_back({Action::ClaimDraw, "Claim draw", claimable});
    }
  }
}

}  // namespace client
