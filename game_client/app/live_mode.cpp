#include "game_client/app/live_mode.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <iostream>
#include <utility>

#include "game_client/app/words.h"
#include "game_client/ui/clock_face.h"

namespace client {

namespace {

using SteadyClock = std::chrono::steady_clock;

}  // namespace

LiveMode::LiveMode(LiveOptions options)
    : options_(std::move(options)), link_(std::make_unique<NetworkLink>()),
      backoff_(std::chrono::seconds(options_.retrySeconds)), chatInput_(proto::kTextSize - 1) {
  connect();
}

LiveMode::LiveMode(LiveOptions options, std::unique_ptr<NetworkLink> link, std::unique_ptr<Session> session)
    : options_(std::move(options)), link_(std::move(link)), session_(std::move(session)),
      backoff_(std::chrono::seconds(options_.retrySeconds)), chatInput_(proto::kTextSize - 1) {
  status_ = "Asking for the match…";
  refreshPanel();
}

void LiveMode::connect() {
  Options hello = options_.session;
  if (hadGame_) hello.reconnect = token_;
  // An attempt that was never answered has nothing to show.
  if (session_ && session_->welcome()) previous_ = std::move(session_);
  session_ = std::make_unique<Session>(hello);
  if (session_->failure()) {
    lost(session_->failure()->text, false);
    return;
  }
  stage_ = Stage::Connecting;
  if (!backoff_.inGap()) status_ = "Connecting to " + options_.host + ":" + std::to_string(options_.port) + "…";
  link_->connect(options_.host, options_.port);
  refreshPanel();
}

void LiveMode::lost(const std::string& why, bool retry) {
  const bool neverAnswered = matchId_ == 0;  // no welcome yet: the address or the request is wrong
  if (options_.back && neverAnswered) retry = false;
  link_->close();
  if (board_) board_->setMover(game::Seat::None);
  const bool opens = !backoff_.inGap();
  if (retry && backoff_.failed(SteadyClock::now())) {
    stage_ = Stage::Retrying;
    if (opens) {
      gapCause_ = why;
      gapRestart_ = session_->restarting();
      notice_.clear();  // offers and the restart notice are moot; a resumed seat hears its offers again
      error_.clear();
    }
  } else {
    stage_ = Stage::Failed;
    status_ = retry && options_.retrySeconds > 0
                  ? "Gave up reconnecting after " + std::to_string(options_.retrySeconds) + " s."
                  : "Disconnected.";
    error_ = why;
  }
  refreshPanel();
  // For scripts, as the window says it: when a gap opens, and the end.
  if (stage_ == Stage::Failed) std::cerr << "game_client: " << status_ << " " << why << '\n';
  else if (opens) std::cerr << "game_client: " << panel_.status << '\n';
  if (stage_ == Stage::Failed && options_.back && neverAnswered) next_ = options_.back(why);
}

bool LiveMode::leave() {
  if (!options_.back || (stage_ != Stage::Over && stage_ != Stage::Failed)) return false;
  next_ = options_.back("");
  return true;
}

int LiveMode::secondsLeft() const {
  return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(backoff_.left(SteadyClock::now())).count());
}

bool LiveMode::countDown() {
  if (!backoff_.inGap() || secondsLeft() == shownLeft_) return false;
  refreshPanel();
  return true;
}

void LiveMode::idle(sf::Time timeout) { link_->waitReadable(timeout); }

bool LiveMode::tickClocks() {
  const sf::Time kTick = sf::milliseconds(100);
  const game::Clock& clock = shown().clock();
  // In a gap the faces stand where they were when the connection went.
  if (backoff_.inGap() || !clock.timed() || clock.running() == game::Seat::None || sinceTick_.getElapsedTime() < kTick)
    return false;
  sinceTick_.restart();
  const auto before = panel_.players;
  refreshPlayers();
  return panel_.players[0].clock != before[0].clock || panel_.players[1].clock != before[1].clock ||
         panel_.players[0].clockLow != before[0].clockLow || panel_.players[1].clockLow != before[1].clockLow;
}

bool LiveMode::settled() const {
  if (stage_ == Stage::Failed) return true;
  return stage_ == Stage::Over && (!session_->rematchOpen() || session_->rematchOffered());
}

bool LiveMode::update() {
  // After the game the connection is kept only while a rematch may be agreed.
  if (stage_ == Stage::Failed || (stage_ == Stage::Over && link_->state() != NetworkLink::State::Connected))
    return false;
  const bool counted = countDown();
  if (stage_ == Stage::Retrying) {
    if (!backoff_.due(SteadyClock::now())) return counted;
    connect();
    return true;
  }
  const bool ticked = tickClocks() || counted;

  const auto [state, changed] = link_->pump(*session_);

  handleEvents();
  // The moves that came with a failure (a restart's last words) are shown
  // too: the board keeps the last position through the gap.
  if (changed) syncBoard();
  if (const auto& failure = session_->failure()) {
    // A game that is over has no seat left to take back.
    lost(failure->text, worthRetrying(failure->code) && stage_ != Stage::Over);
    return true;
  }
  if (state == NetworkLink::State::Closed) {
    session_->closed();
    if (const auto& failure = session_->failure()) {
      lost(link_->closeReason(), worthRetrying(failure->code));
      return true;
    }
  }
  if (!changed) return ticked;

  switch (session_->phase()) {
    case proto::Phase::AwaitingHello: break;
    case proto::Phase::WaitingForOpponent: stage_ = Stage::Waiting; break;
    case proto::Phase::Playing: stage_ = Stage::Playing; break;
    case proto::Phase::Over:
      stage_ = Stage::Over;
      result_ = session_->result();
      notice_.clear();  // the result says it all; "seat held" and offers are moot now
      // The server hangs up once no rematch may be agreed; our side follows.
      if (!session_->rematchOpen()) link_->close();
      break;
  }
  syncBoard();
  refreshPanel();
  return true;
}

void LiveMode::handleEvents() {
  for (const proto::Packet& packet : session_->takeEvents()) {
    std::visit(
        proto::Overloaded{
            [&](const proto::Welcome& p) {
              // A welcome after the game is the rematch's: a new match on this connection.
              if (stage_ == Stage::Over) startRematch();
              seat_ = p.seat;
              matchId_ = p.matchId;
              token_ = p.reconnect;
              if (!board_) {
                std::string error;
                board_ = makeBoardView(session_->setup(), error);
                if (!board_) error_ = "cannot show this game: " + error;
                // Until the opponent's first move: a rematch's seats are the other way round.
                else if (session_->rematches() > 0) notice_ = "Rematch: you play " + board_->side(seat_).name + " now.";
              }
              // A resumed seat, or a watch of a game under way, is answered by the replay that follows.
              if (!p.resumed) answered();
            },
            [&](const proto::MatchStart&) {
              hadGame_ = true;
              if (session_->welcome()->resumed) answered();
            },
            [&](const proto::MoveAccepted& p) {
              // A new move (not one replayed after a reconnect) makes older news stale.
              const bool fresh = p.ply > notation_.size();
              // Indexed by ply, so the replay after a reconnect rewrites rather than repeats.
              notation_.resize(p.ply - 1u);
              notation_.emplace_back(proto::text(p.notation));
              if (fresh && p.seat == seat_) error_.clear();
              if (fresh && p.seat != seat_) notice_.clear();
            },
            [&](const proto::MoveRejected& p) {
              // A refused decision comes with a zero move: there is no point to mark.
              if (board_ && !decisionSent_) board_->rejected(proto::fromWire(p.move));
              const std::string why(proto::text(p.why));
              error_ = (decisionSent_ ? "Refused: " : "Move refused: ") +
                       (why.empty() ? std::string(game::describe(p.reject)) : why) + ".";
            },
            [&](const proto::OpeningStatus& p) {
              // What the opening asks next is the status line; the other side's decision is news until the
              // next step.
              decided_.clear();
              if (p.choice == 0 || p.by == seat_) return;
              const game::Decision made{static_cast<game::Choice>(p.choice), p.value,
                                        proto::fromWire(p).candidates};
              const std::string who = seat_ == game::Seat::None
                                          ? "Player " + std::to_string(static_cast<int>(p.by))
                                          : "Your opponent";
              decided_ = who + " " + describeDecision(made) + ".";
            },
            [&](const proto::DrawOffer&) { notice_ = "Your opponent offers a draw."; },
            [&](const proto::DrawDecline&) { notice_ = "Your opponent declined the draw."; },
            [&](const proto::TakebackRequest&) { notice_ = "Your opponent asks to take back their last move."; },
            [&](const proto::TakebackDecline&) { notice_ = "Your opponent declined your take-back request."; },
            [&](const proto::TakenBack& p) {
              notation_.resize(p.moves);
              boardStale_ = true;
              notice_ = p.by == seat_ ? "Take-back accepted: your move again."
                        : seat_ != game::Seat::None ? "Move taken back: your opponent moves again."
                        : board_ ? capitalized(board_->side(p.by).name) + " took a move back."
                                 : "A move was taken back.";
            },
            [&](const proto::OpponentStatus& p) {
              notice_ = p.state == proto::OpponentState::Disconnected
                            ? "Your opponent lost the connection; their seat is held for " +
                                  std::to_string(p.graceSeconds) + " s."
                            : "Your opponent is back.";
            },
            [&](const proto::Error& p) {
              if (p.code == proto::ErrorCode::ServerRestarting)
                notice_ = "The server is restarting; the game will go on after it.";
              // One that closes is a failure, which lost() says, or after the game the end of the wait for
              // a rematch, which the status says.
              else if (!proto::closesConnection(p.code))
                error_ = describe(p);
            },
            // Shown from the session's own state (result, clocks, chat, spectators) or not at all.
            []<typename P>(const P&)
              requires proto::OneOf<P, proto::GameOver, proto::ClockSync, proto::ChatMessage, proto::Spectators,
                                    proto::RematchOffer, proto::RematchDecline, proto::MatchEntry,
                                    proto::MatchListEnd, proto::Ping, proto::Pong>
            {},
            [](const proto::FromClientOnly auto&) {},  // the decoder refuses what only a client sends
        },
        packet);
  }
}

void LiveMode::startRematch() {
  assert(stage_ == Stage::Over && session_->rematches() > 0);
  stage_ = Stage::Waiting;  // until match-start, as for any match
  board_.reset();           // the seats are exchanged: the board is made again, seen from the new one
  notation_.clear();
  result_.reset();
  notice_.clear();
  decided_.clear();
  error_.clear();
  resignArmed_ = false;
  offer_.clear();
  offering_ = false;
  fifths_ = 1;
  decisionSent_ = false;
}

void LiveMode::answered() {
  previous_.reset();
  // A new session rebuilds the game from its first move; so does the board.
  boardStale_ = true;
  const bool resumed = session_->welcome()->resumed;
  if (resumed && (seat_ != game::Seat::None || backoff_.inGap())) notice_ = "Reconnected: the game goes on.";
  if (!backoff_.inGap()) return;
  backoff_.recovered();
  if (resumed) std::cerr << "game_client: " << notice_ << '\n';
}

void LiveMode::syncBoard() {
  if (!board_ || previous_ || !session_->game()) return;  // the last game stays until the new one is whole
  const auto& history = session_->history();
  if (std::exchange(boardStale_, false) || board_->plies() > static_cast<int>(history.size())) board_->reset();
  for (auto i = static_cast<std::size_t>(board_->plies()); i < history.size(); ++i) {
    if (!board_->apply(history[i])) {
      error_ = "the board cannot show move " + std::to_string(i + 1);
      break;
    }
  }
  const game::OpeningState opening = session_->game()->opening();
  // The draft lasts while an offer may be ours to make.
  const bool offerOurs = seat_ != game::Seat::None && opening.decider == seat_ &&
                         (opening.step == game::OpeningStep::Offer || opening.step == game::OpeningStep::SwapOrOffer);
  if (!offerOurs) {
    offer_.clear();
    offering_ = false;
  }
  const bool stone = opening.step == game::OpeningStep::Place || opening.step == game::OpeningStep::Pick ||
                     opening.step == game::OpeningStep::Done || choosingOffer(opening);
  const bool mayMove = stage_ == Stage::Playing && session_->myTurn() && !session_->awaitingReply() && stone;
  board_->setMover(mayMove ? seat_ : game::Seat::None);
  OpeningMarks marks{opening.exchanged, game::OpeningState::kWholeBoard, {}};
  // A game that ended in its opening (time, resignation) asks for no stone any more.
  if (opening.step == game::OpeningStep::Place && !session_->game()->status().over()) marks.area = opening.area;
  if (opening.step == game::OpeningStep::Pick) marks.candidates = opening.candidates;
  else if (choosingOffer(opening)) marks.candidates = offer_.points();
  board_->showOpening(marks);
}

bool LiveMode::choosingOffer(const game::OpeningState& opening) const {
  return seat_ != game::Seat::None && opening.decider == seat_ &&
         (opening.step == game::OpeningStep::Offer || (opening.step == game::OpeningStep::SwapOrOffer && offering_));
}

void LiveMode::requestMove(const game::Move& move) {
  chatInput_.blur();  // a move on the board means the keyboard is no longer for the chat
  std::string error;
  const game::OpeningState opening = session_->game() ? session_->game()->opening() : game::OpeningState{};
  if (choosingOffer(opening)) {
    // A point of the offer being put together, not a move: nothing is sent until it is whole.
    if (offer_.toggle(*session_->game(), move, opening.offerCount, error)) {
      error_.clear();
    } else {
      board_->rejected(move);
      error_ = "Not a fifth move to offer: " + error + ".";
    }
  } else if (!session_->move(move, error)) {
    error_ = "Not sent: " + error + ".";
  } else {
    decisionSent_ = false;
    error_.clear();
  }
  syncBoard();  // no gestures while the move is in flight
  refreshPanel();
}

bool LiveMode::decide(const game::Decision& decision) {
  std::string error;
  const bool sent = session_->decide(decision, error);
  if (sent) decisionSent_ = true;
  error_ = sent ? std::string() : "Not sent: " + error + ".";
  syncBoard();
  return sent;
}

bool LiveMode::request(bool (Session::*call)(std::string&)) {
  std::string error;
  const bool sent = ((*session_).*call)(error);
  error_ = sent ? std::string() : error;  // the session says why a request makes no sense now
  return sent;
}

bool LiveMode::act(Action action) {
  if (action == Action::FocusChat) {
    if (!panel_.chat.open) return false;
    chatInput_.focus();
    refreshPanel();
    return true;
  }
  if (action == Action::Leave) return leave();
  if (stage_ == Stage::Over) {
    switch (action) {
      case Action::Rematch:
      case Action::AcceptRematch: request(&Session::offerRematch); break;  // the same packet either way
      case Action::DeclineRematch: request(&Session::declineRematch); break;
      default: return false;
    }
    refreshPanel();
    return true;
  }
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
    case Action::RequestTakeback:
      if (request(&Session::requestTakeback)) notice_ = "You asked to take back your last move.";
      break;
    case Action::AcceptTakeback: request(&Session::acceptTakeback); break;
    case Action::DeclineTakeback:
      if (request(&Session::declineTakeback)) notice_.clear();
      break;
    case Action::Swap: decide({game::Choice::Swap, 1, {}}); break;
    case Action::Keep: decide({game::Choice::Swap, 0, {}}); break;
    case Action::TakeBlack: decide({game::Choice::ChooseColor, 1, {}}); break;
    case Action::TakeWhite: decide({game::Choice::ChooseColor, 2, {}}); break;
    case Action::OptionBlack: decide({game::Choice::ChooseOption, 1, {}}); break;
    case Action::OptionWhite: decide({game::Choice::ChooseOption, 2, {}}); break;
    case Action::OptionStones: decide({game::Choice::ChooseOption, 3, {}}); break;
    case Action::FewerFifths: fifths_ = std::max(1, fifths_ - 1); break;
    case Action::MoreFifths: fifths_ = std::min(8, fifths_ + 1); break;
    case Action::Declare: decide({game::Choice::Declare, fifths_, {}}); break;
    case Action::StartOffer:
      offering_ = true;
      syncBoard();  // the board takes the points now
      break;
    case Action::Offer: decide(offer_.decision()); break;
    default: return false;
  }
  refreshPanel();
  return true;
}

bool LiveMode::sendChat() {
  if (chatInput_.text().empty()) return false;
  std::string error;
  if (session_->chat(chatInput_.text(), error)) {
    chatInput_.clear();
    error_.clear();
  } else {
    error_ = "Not sent: " + error + ".";
  }
  return true;
}

bool LiveMode::key(sf::Keyboard::Key key) {
  bool changed = false;
  if (key == sf::Keyboard::Enter) changed = chatInput_.focused() ? sendChat() : panel_.chat.open && chatInput_.focus();
  else if (key == sf::Keyboard::Escape) changed = chatInput_.blur() || leave();
  else if (key == sf::Keyboard::BackSpace) changed = chatInput_.focused() && chatInput_.backspace();
  if (changed) refreshPanel();
  return changed;
}

bool LiveMode::text(char32_t c) {
  if (chatInput_.focused()) {
    if (!chatInput_.type(c)) return false;
    refreshPanel();
    return true;
  }
  const auto shown = [&](Action action) {
    return std::any_of(panel_.buttons.begin(), panel_.buttons.end(),
                       [&](const PanelButton& b) { return b.action == action && b.enabled; });
  };
  if (c >= U'1' && c <= U'8' && shown(Action::Declare)) {
    fifths_ = static_cast<int>(c - U'0');
    refreshPanel();
    return true;
  }
  const std::optional<Action> pressed = shortcut(panel_, c);
  return pressed && act(*pressed);
}

void LiveMode::refreshPanel() {
  const std::string where = options_.host + ":" + std::to_string(options_.port);
  const Session& shown = this->shown();
  panel_.title = board_ ? gameTitle(shown.setup()) : stage_ == Stage::Failed ? "Not connected" : "Omok & chess";
  panel_.subtitle = matchId_ ? "match " + std::to_string(matchId_) + " · " +
                                   game::describe(shown.clock().control()) + " · " + where
                             : where;
  const int watching = shown.spectators();
  panel_.watching = watching > 0 ? std::to_string(watching) + " watching" : "";
  refreshPlayers();
  panel_.moves = notation_;
  panel_.current = static_cast<int>(panel_.moves.size()) - 1;
  refreshStatus();
  refreshChat();
  refreshButtons();
}

void LiveMode::refreshPlayers() {
  const auto& names = shown().players();
  const game::Game* game = shown().game();
  const game::Clock& clock = shown().clock();
  const auto now = backoff_.inGap() ? backoff_.lostAt() : SteadyClock::now();
  for (int i = 0; i < 2; ++i) {
    const auto seat = static_cast<game::Seat>(i + 1);
    PanelPlayer& p = panel_.players[static_cast<std::size_t>(i)];
    p.you = seat == seat_;
    if (names) p.name = std::string(proto::text(i == 0 ? names->player1 : names->player2));
    else p.name = p.you ? options_.session.name : board_ ? "waiting…" : "";
    p.colour = board_ ? board_->side(seat).name : "";
    p.dark = board_ && board_->side(seat).dark;
    p.toMove = stage_ == Stage::Playing && game && game->toMove() == seat;
    const auto left = clock.remaining(seat, now);
    p.clock = clock.timed() && board_ ? clockFace(left) : "";
    p.clockRunning = !backoff_.inGap() && clock.running() == seat;
    p.clockLow = clock.timed() && lowTime(left);
  }
}

void LiveMode::refreshStatus() {
  const bool watching = seat_ == game::Seat::None;
  const std::string you = board_ && !watching ? board_->side(seat_).name : "";
  const game::Game* game = session_->game();
  switch (stage_) {
    case Stage::Connecting:
    case Stage::Retrying:
    case Stage::Failed: break;  // status_ was set where the stage was entered
    case Stage::Waiting:
      status_ = watching ? "Watching: the match waits for a second player…"
                         : "You play " + you + ". Waiting for an opponent…";
      break;
    case Stage::Playing: {
      const int stones = static_cast<int>(session_->history().size());
      game::OpeningState asked = game ? game->opening() : game::OpeningState{};
      // Taraguchi-10's offer, once chosen: its points are due.
      if (choosingOffer(asked)) asked.step = game::OpeningStep::Offer;
      const std::string opening = describeOpening(asked, stones, seat_);
      if (watching) {
        status_ = !opening.empty() ? "Watching. " + opening
                  : board_ && game ? "Watching. " + capitalized(board_->side(game->toMove()).name) + " to move."
                                   : "Watching.";
      } else if (session_->myTurn() && session_->awaitingReply()) {
        const bool stone = asked.step == game::OpeningStep::Done || asked.step == game::OpeningStep::Place ||
                           asked.step == game::OpeningStep::Pick;
        status_ = stone ? "Sending your move…" : "Sending your decision…";
      } else if (!opening.empty()) {
        status_ = opening + " You play " + you + " for now.";  // the opening may exchange the colours yet
      } else {
        status_ = session_->myTurn() ? "Your move." : "Waiting for your opponent's move.";
      }
      break;
    }
    case Stage::Over: {
      const game::Status status = result_.value_or(game::Status{});
      const bool won = status.result == game::winFor(seat_);
      const bool draw = status.result == game::Result::Draw;
      status_ = std::string(watching ? "Game over. " : draw ? "Game over. " : won ? "You won! " : "You lost. ") +
                resultSentence(status, *board_);
      if (session_->rematchOffered()) status_ += " Your opponent offers a rematch.";
      else if (!session_->rematchEnded().empty()) status_ += " " + noRematchSentence(session_->rematchEnded());
      break;
    }
  }
  if (backoff_.inGap() && stage_ != Stage::Failed) {
    // The countdown stays until the new session is answered, whatever stage it is in.
    shownLeft_ = secondsLeft();
    const std::string left = std::to_string(shownLeft_) + " s left";
    status_ = gapRestart_    ? "Server restarting, reconnecting… " + left
              : matchId_ != 0 ? "Connection lost: " + gapCause_ + ". Reconnecting… " + left
                              : "No connection: " + gapCause_ + ". Retrying… " + left;
  }
  std::string status = decided_.empty() || stage_ != Stage::Playing ? status_ : decided_ + " " + status_;
  panel_.status = notice_.empty() ? status : status + " " + notice_;
  panel_.error = error_;
}

void LiveMode::refreshChat() {
  PanelChat& chat = panel_.chat;
  // The lines stay in view after the game; the input line only while the server listens.
  chat.shown = stage_ == Stage::Waiting || stage_ == Stage::Playing || (stage_ == Stage::Over && board_);
  // After the game the players may talk while a rematch may be agreed.
  chat.open =
      stage_ == Stage::Waiting || stage_ == Stage::Playing || (stage_ == Stage::Over && session_->rematchOpen());
  if (!chat.open) chatInput_.blur();
  chat.lines.clear();
  for (const ChatLine& line : shown().chatLines())
    chat.lines.push_back({line.name, line.text,
                          line.seat == seat_ && (line.seat != game::Seat::None || line.name == options_.session.name)});
  chat.input = chatInput_.text();
  chat.focused = chatInput_.focused();
}

void LiveMode::refreshButtons() {
  const game::Game* game = session_->game();
  panel_.buttons.clear();
  if (stage_ == Stage::Over) refreshRematchButtons();
  if ((stage_ == Stage::Over || stage_ == Stage::Failed) && options_.back)
    panel_.buttons.push_back({Action::Leave, "Back to start"});
  if (stage_ != Stage::Playing || seat_ == game::Seat::None) return;
  refreshOpeningButtons();
  panel_.buttons.push_back({Action::Resign, resignArmed_ ? "Confirm resign" : "Resign"});
  if (session_->takebacksAllowed()) {
    if (session_->takebackRequested()) {
      panel_.buttons.push_back({Action::AcceptTakeback, "Accept take-back"});
      panel_.buttons.push_back({Action::DeclineTakeback, "Decline take-back"});
    } else {
      const bool pending = session_->takebackPending();
      // No take-back reaches into an opening: some move after it must be there to take back.
      const bool takeable = game && game->canTakeback();
      panel_.buttons.push_back({Action::RequestTakeback, pending ? "Take-back asked" : "Take back",
                                !pending && session_->hasMoved() && takeable});
    }
  }
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

void LiveMode::refreshRematchButtons() {
  if (!session_->rematchOpen()) return;
  if (session_->rematchOffered()) {
    panel_.buttons.push_back({Action::AcceptRematch, "Accept rematch", true, true});
    panel_.buttons.push_back({Action::DeclineRematch, "Decline"});
  } else {
    const bool pending = session_->rematchPending();
    panel_.buttons.push_back({Action::Rematch, pending ? "Rematch offered…" : "Rematch", !pending, !pending});
  }
}

void LiveMode::refreshOpeningButtons() {
  const game::Game* game = session_->game();
  if (!game || !session_->myTurn()) return;
  const game::OpeningState opening = game->opening();
  const bool free = !session_->awaitingReply();
  const auto add = [&](Action action, std::string label, bool enabled = true) {
    panel_.buttons.push_back({action, std::move(label), free && enabled, true});
  };
  const auto offer = [&] {
    const int chosen = static_cast<int>(offer_.points().size());
    add(Action::Offer,
        chosen == opening.offerCount
            ? "Offer these " + std::to_string(chosen)
            : "Offer (" + std::to_string(chosen) + " of " + std::to_string(opening.offerCount) + ")",
        chosen == opening.offerCount);
  };
  switch (opening.step) {
    case game::OpeningStep::SwapOrOffer:
      add(Action::Swap, "Swap");
      add(Action::Keep, "Keep");
      if (offering_) offer();
      else add(Action::StartOffer, "Offer " + std::to_string(opening.offerCount));
      break;
    case game::OpeningStep::Swap:
      add(Action::Swap, "Swap");
      add(Action::Keep, "Keep");
      break;
    case game::OpeningStep::ChooseColor:
      add(Action::TakeBlack, "Black");
      add(Action::TakeWhite, "White");
      break;
    case game::OpeningStep::ChooseOption:
      add(Action::OptionBlack, "Take black");  // options 1..3, their keys
      add(Action::OptionWhite, "Stay white");
      add(Action::OptionStones, "Two stones");
      break;
    case game::OpeningStep::Declare:
      add(Action::FewerFifths, "−", fifths_ > 1);
      add(Action::MoreFifths, "+", fifths_ < 8);
      add(Action::Declare, "Declare " + std::to_string(fifths_));
      break;
    case game::OpeningStep::Offer: offer(); break;
    case game::OpeningStep::Place:
    case game::OpeningStep::Pick:
    case game::OpeningStep::Done: break;  // stones: on the board
  }
}

}  // namespace client
