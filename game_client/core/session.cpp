#include "game_client/core/session.h"

#include <cassert>
#include <chrono>
#include <utility>

#include "shared/protocol/refusals.h"

namespace client {
namespace {

std::string seatText(game::Seat s) { return std::to_string(static_cast<int>(s)); }


std::array<game::Clock::Ms, 2> times(const proto::Clocks& clocks) {
  const auto ms = proto::fromWire(clocks);  // copies: duration's constructor takes a reference
  return {game::Clock::Ms(ms[0]), game::Clock::Ms(ms[1])};
}

}  // namespace

Session::Session(const Options& options) {
  context_.from = proto::Sender::Server;
  open(options);
}

bool Session::open(const Options& options) {
  // The same checks the server will apply, so a bad option is reported here
  // rather than as a malformed-packet error from the server.
  proto::Context asClient;
  asClient.from = proto::Sender::Client;
  const auto queue = [&](const auto& packet, bool fits) {
    if (!fits) {
      fail(proto::ErrorCode::Malformed, "the name or match code is too long");
    } else if (auto error = proto::validate(packet, asClient)) {
      fail(error->code, error->text);
    } else {
      intent_ = options.intent;
      send(packet);
      return true;
    }
    return false;
  };
  switch (options.intent) {
    case Intent::List: return queue(proto::ListMatches{}, true);
    case Intent::Watch: {
      proto::Watch watch;
      watch.matchId = options.watchMatch;
      return queue(watch,
                   proto::setText(watch.name, options.name) && proto::setText(watch.matchCode, options.matchCode));
    }
    case Intent::Play: break;
  }
  proto::Hello hello;
  hello.game = options.game;
  hello.rule = options.rule;
  hello.boardSize = options.boardSize;
  hello.opening = options.opening;
  if (options.time) proto::askTimeControl(hello, *options.time);
  hello.seat = options.seat;
  hello.reconnect = options.reconnect;
  return queue(hello, proto::setText(hello.name, options.name) && proto::setText(hello.matchCode, options.matchCode));
}

bool Session::join(const Options& options, std::string& error) {
  if (failure_) error = "the session has failed: " + failure_->text;
  else if (intent_ != Intent::List) error = "this connection has already asked for a match";
  else if (!listed_) error = "the match list has not arrived yet";
  else if (options.intent == Intent::List) error = "the match list is already here";
  else if (open(options)) return true;
  else error = failure_->text;
  return false;
}

template <typename P>
void Session::send(const P& packet) {
  proto::append(outgoing_, packet);
}

void Session::sent(std::size_t n) {
  outgoing_.erase(outgoing_.begin(), outgoing_.begin() + static_cast<std::ptrdiff_t>(std::min(n, outgoing_.size())));
}

std::vector<proto::Packet> Session::takeEvents() { return std::exchange(events_, {}); }

void Session::fail(proto::ErrorCode code, std::string text) {
  if (!failure_) failure_ = proto::ProtocolError{code, std::move(text)};
}

void Session::outOfStep(const std::string& what) {
  fail(proto::ErrorCode::ServerError, "out of step with the server: " + what);
}

bool Session::receive(std::span<const std::uint8_t> bytes) {
  while (!failure_ && !bytes.empty()) {
    bytes = bytes.subspan(framer_.feed(bytes));
    for (bool more = true; more && !failure_;) {
      auto next = framer_.next(context_);
      if (auto* parsed = std::get_if<proto::Parsed>(&next)) {
        handle(parsed->packet);
      } else if (auto* error = std::get_if<proto::ProtocolError>(&next)) {
        fail(error->code, "the server sent a bad packet: " + error->text);
      } else {
        more = false;
      }
    }
  }
  return !failure_;
}

void Session::closed() {
  if (phase_ == proto::Phase::Over) {
    if (rematchOpen_) endRematch("the server closed the connection");
    return;
  }
  if (restarting_) fail(proto::ErrorCode::ServerRestarting, "the server is restarting");
  else fail(proto::ErrorCode::ServerError, "the server closed the connection");
}

void Session::handle(const proto::Packet& packet) {
  const proto::Type type = proto::typeOf(packet);
  if (!proto::allowedIn(type, phase_)) {
    fail(proto::ErrorCode::UnexpectedPacket, "the server sent " + std::string(proto::name(type)) + " while " +
                                                 std::string(proto::name(phase_)));
    return;
  }
  if (const auto* ping = std::get_if<proto::Ping>(&packet)) {
    send(proto::Pong{{}, ping->nonce, ping->sentAtMs});
    return;
  }
  std::visit(proto::Overloaded{
                 [&](const proto::Welcome& p) { onWelcome(p); },
                 [&](const proto::MatchStart& p) {
                   players_ = p;
                   phase_ = proto::Phase::Playing;
                 },
                 [&](const proto::MoveAccepted& p) { onMoveAccepted(p); },
                 [&](const proto::MoveRejected&) { moveInFlight_ = false; },
                 [&](const proto::OpeningStatus& p) { onOpeningStatus(p); },
                 [&](const proto::GameOver& p) { onGameOver(p); },
                 [&](const proto::ClockSync& p) {
                   clock_.sync(times(p.clocks), p.running, std::chrono::steady_clock::now());
                 },
                 [&](const proto::DrawOffer&) { opponentOffersDraw_ = true; },
                 [&](const proto::DrawDecline&) { ownOfferPending_ = false; },
                 [&](const proto::TakebackRequest&) { opponentRequestsTakeback_ = true; },
                 [&](const proto::TakebackDecline&) { ownTakebackPending_ = false; },
                 [&](const proto::TakenBack& p) { onTakenBack(p); },
                 [&](const proto::RematchOffer&) { opponentOffersRematch_ = rematchOpen_; },
                 [&](const proto::RematchDecline&) { endRematch("declined"); },
                 [&](const proto::Spectators& p) { spectators_ = p.count; },
                 [&](const proto::ChatMessage& p) { onChat(p); },
                 [&](const proto::MatchEntry& p) {
                   if (intent_ != Intent::List || listed_) outOfStep("it sent a match entry without being asked");
                   else matches_.push_back(p);
                 },
                 [&](const proto::MatchListEnd& p) { onListed(p); },
                 [&](const proto::Error& p) { onError(p); },
                 // Events for the caller and nothing else to keep.
                 []<typename P>(const P&) requires proto::OneOf<P, proto::OpponentStatus, proto::Pong> {},
                 [](const proto::Ping&) {},  // answered above
                 [](const proto::FromClientOnly auto&) {
                   assert(false && "the decoder refuses what only a client sends");
                 },
             },
             packet);
  if (!failure_) events_.push_back(packet);
}

void Session::onWelcome(const proto::Welcome& welcome) {
  if (intent_ == Intent::List) {
    outOfStep("it sent a welcome before we asked for a match");
    return;
  }
  if (phase_ == proto::Phase::Over) {
    // A rematch's welcome: only to a player who offered or accepted one.
    if (!rematchOpen_ || !ownRematchPending_ || welcome.resumed != 0) {
      outOfStep("it sent a welcome to a rematch we did not agree to");
      return;
    }
    ++rematches_;
    players_.reset();
    result_.reset();
    resigned_ = opponentOffersDraw_ = ownOfferPending_ = false;
    opponentRequestsTakeback_ = ownTakebackPending_ = false;
    rematchOpen_ = opponentOffersRematch_ = ownRematchPending_ = false;
    spectators_ = 0;
  }
  if ((welcome.seat == game::Seat::None) != (intent_ == Intent::Watch)) {
    outOfStep(intent_ == Intent::Watch ? "it seated us although we asked to watch"
                                       : "it made us a spectator although we asked to play");
    return;
  }
  setup_ = {welcome.game, welcome.rule, welcome.boardSize, std::string(proto::text(welcome.startFen)), welcome.opening};
  std::string error;
  game_ = game::makeGame(setup_, error);
  if (!game_) {
    fail(proto::ErrorCode::ServerError, "cannot set up the server's game: " + error);
    return;
  }
  welcome_ = welcome;
  context_.game = welcome.game;
  context_.boardSize = welcome.boardSize;
  history_.clear();
  clock_ = game::Clock({welcome.clockBaseMs, welcome.clockIncrementMs});
  phase_ = proto::Phase::WaitingForOpponent;
}

void Session::onMoveAccepted(const proto::MoveAccepted& accepted) {
  const auto expectedPly = static_cast<int>(history_.size()) + 1;
  if (accepted.ply != expectedPly || accepted.seat != game_->toMove()) {
    fail(proto::ErrorCode::ServerError, "out of step with the server: it sent ply " + std::to_string(accepted.ply) +
                                            " by seat " + seatText(accepted.seat) + ", expected ply " +
                                            std::to_string(expectedPly) + " by seat " + seatText(game_->toMove()));
    return;
  }
  const game::Move move = proto::fromWire(accepted.move);
  const game::Played played = game_->play(move);
  const game::Status status{accepted.result, accepted.reason};
  if (!played.accepted() || played.notation != proto::text(accepted.notation) || played.status != status) {
    fail(proto::ErrorCode::ServerError,
         "out of step with the server at ply " + std::to_string(accepted.ply) + ": it played " +
             std::string(proto::text(accepted.notation)) + ", here " +
             (played.accepted() ? "that is " + played.notation + " with status " + std::string(game::name(played.status.result))
                                : "it is illegal: " + played.why));
    return;
  }
  history_.push_back(move);
  // The mirror knows who is next: in an opening the mover may be asked again.
  if (clock_.timed()) clock_.sync(times(accepted.clocks), game_->toMove(), std::chrono::steady_clock::now());
  // An offer or a take-back request stands until the player it was made to moves.
  if (accepted.seat == seat()) {
    moveInFlight_ = false;
    opponentOffersDraw_ = false;
    opponentRequestsTakeback_ = false;
  } else {
    ownOfferPending_ = false;
    ownTakebackPending_ = false;
  }
}

void Session::onOpeningStatus(const proto::OpeningStatus& status) {
  if (status.choice != 0) {
    // A decision: the mirror makes it too (an offer's points are the
    // candidates it leaves to pick from).
    if (status.by != game_->toMove()) {
      outOfStep("it sent a decision by seat " + seatText(status.by) + " on seat " + seatText(game_->toMove()) +
                "'s turn");
      return;
    }
    game::Decision decision{static_cast<game::Choice>(status.choice), status.value, {}};
    if (decision.choice == game::Choice::Offer) decision.points = proto::fromWire(status).candidates;
    const game::Played played = game_->decide(decision);
    if (!played.accepted()) {
      outOfStep("its decision " + played.notation + " is refused here: " + played.why);
      return;
    }
    if (status.by == seat()) moveInFlight_ = false;
  }
  const game::OpeningState here = game_->opening();
  const game::OpeningState there = proto::fromWire(status);
  if (here.step != there.step || here.decider != there.decider || here.exchanged != there.exchanged ||
      here.area != there.area || here.offerCount != there.offerCount || here.candidates != there.candidates)
    outOfStep("its opening is at " + std::string(game::name(there.step)) + ", here at " +
              std::string(game::name(here.step)));
}

void Session::onTakenBack(const proto::TakenBack& taken) {
  // The server takes back the requester's last move and the reply after it
  // if there was one, so exactly one count fits the mirror.
  const auto have = static_cast<int>(history_.size());
  const bool replied = have > 0 && game_->toMove() == taken.by;
  const int expected = have - (replied ? 2 : 1);
  if (expected < 0 || taken.moves != expected || game_->status().over()) {
    outOfStep("it took back to " + std::to_string(taken.moves) + " moves for seat " + seatText(taken.by) +
              ", here " + (game_->status().over() ? std::string("the game is over") :
                           expected < 0 ? "that seat has no move to take back"
                                        : "that leaves " + std::to_string(expected)));
    return;
  }
  while (static_cast<int>(history_.size()) > expected) {
    if (!game_->takeback()) {
      outOfStep("this game cannot take back move " + std::to_string(history_.size()));
      return;
    }
    history_.pop_back();
  }
  if (clock_.timed()) clock_.sync(times(taken.clocks), taken.by, std::chrono::steady_clock::now());
  opponentRequestsTakeback_ = false;
  ownTakebackPending_ = false;
}

void Session::onChat(const proto::ChatMessage& message) {
  if (chat_.size() == kChatKept) chat_.erase(chat_.begin());
  chat_.push_back({message.seat, std::string(proto::text(message.name)), std::string(proto::text(message.text))});
}

void Session::onListed(const proto::MatchListEnd& end) {
  if (intent_ != Intent::List || listed_) {
    outOfStep("it ended a match list we did not ask for");
  } else if (end.count != matches_.size()) {
    outOfStep("it counted " + std::to_string(end.count) + " matches and sent " + std::to_string(matches_.size()));
  } else {
    listed_ = true;
  }
}

void Session::onError(const proto::Error& error) {
  // The non-closing errors are races lost on the wire (an offer answered
  // twice, a move that crossed the game's end) or refusals: events for the
  // UI. A refused take-back request is no longer pending. A restart notice
  // is news: the game goes on after it.
  // After the game, a closing error only ends the wait for a rematch.
  if (phase_ == proto::Phase::Over && proto::closesConnection(error.code))
    endRematch(std::string(proto::text(error.text)));
  else if (proto::closesConnection(error.code)) fail(error.code, "server: " + std::string(proto::text(error.text)));
  else if (error.code == proto::ErrorCode::RematchRefused) ownRematchPending_ = false;
  else if (error.code == proto::ErrorCode::TakebackRefused) ownTakebackPending_ = false;
  else if (error.code == proto::ErrorCode::ServerRestarting) restarting_ = true;
}

void Session::onGameOver(const proto::GameOver& over) {
  const game::Status status{over.result, over.reason};
  if (game_->status().over() && game_->status() != status) {
    fail(proto::ErrorCode::ServerError, "out of step with the server: it says " + std::string(game::name(over.reason)) +
                                            ", here the game ended by " + std::string(game::name(game_->status().reason)));
    return;
  }
  game_->finish(status);
  if (clock_.timed()) clock_.sync(times(over.clocks), game::Seat::None, std::chrono::steady_clock::now());
  result_ = status;
  moveInFlight_ = false;
  phase_ = proto::Phase::Over;
  rematchOpen_ = over.rematchSeconds != 0 && !spectating();
}

void Session::endRematch(std::string why) {
  if (!rematchOpen_) return;
  rematchOpen_ = opponentOffersRematch_ = ownRematchPending_ = false;
  rematchEnded_ = std::move(why);
}

bool Session::offerRematch(std::string& error) {
  if (failure_) error = "the session has failed: " + failure_->text;
  else if (!rematchOpen_)
    error = phase_ == proto::Phase::Over ? "no rematch can be agreed now" : "the game is not over";
  else if (ownRematchPending_) error = "your rematch offer is pending already";
  else {
    send(proto::RematchOffer{});
    ownRematchPending_ = true;
    return true;
  }
  return false;
}

bool Session::declineRematch(std::string& error) {
  if (failure_) error = "the session has failed: " + failure_->text;
  else if (!rematchOpen_) error = "no rematch can be agreed now";
  else {
    send(proto::RematchDecline{});
    endRematch("you declined");
    return true;
  }
  return false;
}

bool Session::myTurn() const {
  return phase_ == proto::Phase::Playing && game_ && !game_->status().over() && !resigned_ &&
         game_->toMove() == seat();
}

bool Session::hasMoved() const {
  // Moves alternate: after two plies both sides have moved; after one, the
  // mover is whoever is not to move now.
  if (seat() == game::Seat::None || history_.empty()) return false;
  return history_.size() >= 2 || game_->toMove() != seat();
}

bool Session::canPlay(std::string& error) const {
  if (failure_) error = "the session has failed: " + failure_->text;
  else if (phase_ != proto::Phase::Playing) error = "no game is being played (" + std::string(proto::name(phase_)) + ")";
  else if (spectating()) error = "you are watching this game, not playing it";
  else if (game_->status().over()) error = "the game is over";
  else return true;
  return false;
}

bool Session::move(const game::Move& move, std::string& error) {
  if (!canPlay(error)) return false;
  if (!myTurn()) {
    error = "it is not your turn";
    return false;
  }
  return sendInTurn(proto::Move{{}, proto::toWire(move)}, error);
}

template <typename P>
bool Session::sendInTurn(const P& packet, std::string& error) {
  if (moveInFlight_) {
    error = "the previous move has not been answered yet";
    return false;
  }
  proto::Context asClient = context_;
  asClient.from = proto::Sender::Client;
  if (auto problem = proto::validate(packet, asClient)) {
    error = problem->text;
    return false;
  }
  send(packet);
  moveInFlight_ = true;
  return true;
}

bool Session::decide(const game::Decision& decision, std::string& error) {
  if (!canPlay(error)) return false;
  if (!myTurn() || !game_->opening().inProgress()) {
    error = myTurn() ? "the opening is over" : "it is not your decision";
    return false;
  }
  if (decision.points.size() > proto::kMaxCandidates) {
    error = "at most " + std::to_string(proto::kMaxCandidates) + " fifth moves are offered";
    return false;
  }
  return sendInTurn(proto::toWire(decision), error);
}

bool Session::resign(std::string& error) {
  if (!canPlay(error)) return false;
  if (resigned_) {
    error = "you have already resigned";
    return false;
  }
  send(proto::Resign{});
  resigned_ = true;
  return true;
}

bool Session::offerDraw(std::string& error) {
  if (!canPlay(error)) return false;
  if (ownOfferPending_) {
    error = proto::refusals::kOwnDrawOfferPending;
    return false;
  }
  send(proto::DrawOffer{});
  ownOfferPending_ = true;
  return true;
}

template <typename P>
bool Session::answer(bool& pending, std::string_view none, std::string& error) {
  if (!canPlay(error)) return false;
  if (!pending) {
    error = none;
    return false;
  }
  send(P{});
  pending = false;
  return true;
}

bool Session::acceptDraw(std::string& error) {
  return answer<proto::DrawAccept>(opponentOffersDraw_, proto::refusals::kNoDrawOffer, error);
}

bool Session::declineDraw(std::string& error) {
  return answer<proto::DrawDecline>(opponentOffersDraw_, proto::refusals::kNoDrawOffer, error);
}

bool Session::claimDraw(std::string& error) {
  if (!canPlay(error)) return false;
  if (!myTurn() || game_->claimableDraw() == game::EndReason::None) {
    error = proto::refusals::kNoClaimableDraw;
    return false;
  }
  send(proto::DrawClaim{});
  return true;
}

bool Session::requestTakeback(std::string& error) {
  if (!canPlay(error)) return false;
  if (!takebacksAllowed()) error = proto::refusals::kNoTakebacks;
  else if (ownTakebackPending_) error = proto::refusals::kOwnTakebackPending;
  else if (!hasMoved()) error = proto::refusals::kNothingToTakeback;
  else {
    send(proto::TakebackRequest{});
    ownTakebackPending_ = true;
    return true;
  }
  return false;
}

bool Session::acceptTakeback(std::string& error) {
  return answer<proto::TakebackAccept>(opponentRequestsTakeback_, proto::refusals::kNoTakebackRequest, error);
}

bool Session::declineTakeback(std::string& error) {
  return answer<proto::TakebackDecline>(opponentRequestsTakeback_, proto::refusals::kNoTakebackRequest, error);
}

bool Session::chat(const std::string& text, std::string& error) {
  proto::Chat line;
  proto::Context asClient = context_;
  asClient.from = proto::Sender::Client;
  if (failure_) {
    error = "the session has failed: " + failure_->text;
  } else if (!proto::allowedIn(proto::Type::Chat, phase_)) {
    error = "the chat opens once you are in a match";
  } else if (phase_ == proto::Phase::Over && !rematchOpen_) {
    error = "the chat has closed with the game";
  } else if (!proto::setText(line.text, text)) {
    error = "the line is too long (at most " + std::to_string(proto::kTextSize - 1) + " bytes)";
  } else if (auto problem = proto::validate(line, asClient)) {
    error = text.empty() ? "the line is empty" : problem->text;
  } else {
    send(line);
    return true;
  }
  return false;
}


}  // namespace client
