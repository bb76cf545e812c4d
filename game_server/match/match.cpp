#include "game_server/match/match.h"

#include "game_server/match/log.h"
#include "game_server/match/outbox.h"

namespace server {
namespace {

constexpr game::Seat kSeats[] = {game::Seat::Player1, game::Seat::Player2};

std::string_view seatName(game::Seat s) { return s == game::Seat::Player1 ? "player1" : "player2"; }

}  // namespace

Match::Match(std::uint32_t id, const MatchConfig& config, std::unique_ptr<game::Game> game, TimerQueue& timers)
    : id_(id), config_(config), timers_(timers), game_(std::move(game)), clock_(config.timeControl) {}

Match::~Match() = default;

std::string Match::label() const { return "match " + std::to_string(id_); }

proto::Phase Match::phase() const {
  std::lock_guard lock(mutex_);
  return phaseLocked();
}

proto::Phase Match::phaseLocked() const {
  if (over_) return proto::Phase::Over;
  return started_ ? proto::Phase::Playing : proto::Phase::WaitingForOpponent;
}

bool Match::joinable() const {
  std::lock_guard lock(mutex_);
  return !started_ && !over_ && !(players_[0].seated && players_[1].seated);
}

bool Match::empty() const {
  std::lock_guard lock(mutex_);
  return !players_[0].seated && !players_[1].seated;
}

std::variant<game::Seat, Refusal> Match::join(const ConnectionPtr& connection, game::Seat wanted, std::string name,
                                               const proto::Token& token) {
  std::lock_guard lock(mutex_);
  if (started_ || over_) return Refusal{proto::ErrorCode::SeatTaken, "that match has already started"};
  game::Seat seat = wanted;
  if (seat == game::Seat::None) seat = players_[0].seated ? game::Seat::Player2 : game::Seat::Player1;
  Player& p = player(seat);
  if (p.seated) {
    return Refusal{proto::ErrorCode::SeatTaken,
                   std::string(seatName(seat)) + " of " + label() + " is taken by " + p.name};
  }
  p = Player{connection, std::move(name), token, true, 0};
  welcome(seat, false);
  logEvent(connection->peer(), label() + ": " + p.name + " takes " + std::string(seatName(seat)));
  if (players_[0].seated && players_[1].seated) start();
  return seat;
}

void Match::welcome(game::Seat seat, bool resumed) {
  const Player& p = player(seat);
  proto::Welcome w;
  w.seat = seat;
  w.game = config_.setup.kind;
  w.rule = config_.setup.rule;
  w.boardSize = static_cast<std::uint8_t>(config_.setup.boardSize);
  w.matchId = id_;
  w.reconnect = p.token;
  w.resumed = resumed ? 1 : 0;
  proto::setText(w.startFen, config_.setup.fen);
  w.clockBaseMs = config_.timeControl.baseMs;
  w.clockIncrementMs = config_.timeControl.incrementMs;
  sendTo(seat, w);
}

void Match::start() {
  record::MatchInfo info{id_, config_.setup, players_[0].name, players_[1].name, config_.timeControl};
  std::string error;
  if (config_.records) record_ = record::Writer::create(config_.recordDir, info, error);
  if (config_.records && !record_) {
    // Not played unrecorded: both players are told and let go.
    logEvent({}, label() + " refused: cannot open its record: " + error);
    for (game::Seat s : kSeats) {
      if (ConnectionPtr& c = player(s).connection) {
        sendError(c, proto::ErrorCode::ServerError, "the server cannot record this match: " + error, timers_);
        c.reset();
      }
    }
    over_ = true;
    return;
  }
  started_ = true;
  proto::MatchStart m;
  proto::setText(m.player1, players_[0].name);
  proto::setText(m.player2, players_[1].name);
  sendBoth(m);
  if (clock_.timed()) {
    clock_.start(game::Seat::Player1, TimerQueue::Clock::now());
    sendBoth(clockSync());
    armFlag();
  }
  logEvent({}, label() + " starts: " + players_[0].name + " vs " + players_[1].name + ", " +
                   std::string(game::name(config_.setup.kind)) + " " + std::string(game::name(config_.setup.rule)) +
                   ", " + game::describe(config_.timeControl) +
                   (record_ ? ", record " + record_->path().string() : ", not recorded"));
}

std::variant<game::Seat, Refusal> Match::resume(const ConnectionPtr& connection, const proto::Token& token) {
  std::lock_guard lock(mutex_);
  for (game::Seat seat : kSeats) {
    Player& p = player(seat);
    if (!p.seated || p.token != token || over_) continue;
    if (p.connection) {
      // The old connection may not know it is dead yet: the token wins.
      logEvent(p.connection->peer(), label() + ": connection replaced by a reconnection");
      p.connection->close();
    }
    if (p.grace != 0) timers_.cancel(p.grace);
    p.grace = 0;
    bool wasAway = !p.connection;
    p.connection = connection;
    welcome(seat, true);
    if (started_) {
      proto::MatchStart m;
      proto::setText(m.player1, players_[0].name);
      proto::setText(m.player2, players_[1].name);
      sendTo(seat, m);
      for (const proto::MoveAccepted& move : moves_) sendTo(seat, move);
      if (drawOfferBy_ == game::opponent(seat)) sendTo(seat, proto::DrawOffer{});
      if (clock_.timed()) sendTo(seat, clockSync());
      if (wasAway) {
        proto::OpponentStatus back;
        back.state = proto::OpponentState::Reconnected;
        sendTo(game::opponent(seat), back);
        recordEvent("reconnected", seat);
      }
    }
    logEvent(connection->peer(), label() + ": " + p.name + " resumes " + std::string(seatName(seat)) + " after " +
                                     std::to_string(moves_.size()) + " moves");
    return seat;
  }
  return Refusal{proto::ErrorCode::BadReconnectToken, "no seat is held for that reconnection token"};
}

void Match::leave(game::Seat seat, const ConnectionPtr& connection) {
  std::lock_guard lock(mutex_);
  Player& p = player(seat);
  if (p.connection != connection) return;  // replaced by a reconnection, or already let go
  p.connection.reset();
  if (over_) return;
  if (!started_) {
    logEvent(connection->peer(), label() + ": " + p.name + " left before the start; the seat is free again");
    p = Player{};
    return;
  }
  proto::OpponentStatus away;
  away.state = proto::OpponentState::Disconnected;
  away.graceSeconds = static_cast<std::uint16_t>(config_.grace.count());
  sendTo(game::opponent(seat), away);
  recordEvent("disconnected", seat);
  // The timer holds the match: it must end (and close its record) even if
  // both players are gone by then.
  p.grace = timers_.schedule(config_.grace,
                             [self = shared_from_this(), seat](TimerQueue::Id id) { self->graceExpired(seat, id); });
  logEvent(connection->peer(), label() + ": " + p.name + " dropped; seat held for " +
                                   std::to_string(config_.grace.count()) + " s");
}

void Match::graceExpired(game::Seat seat, TimerQueue::Id timer) {
  std::lock_guard lock(mutex_);
  Player& p = player(seat);
  if (over_ || p.grace != timer) return;  // came back (or the game ended) in time
  p.grace = 0;
  logEvent({}, label() + ": " + p.name + " did not come back in time");
  end({game::winFor(game::opponent(seat)), game::EndReason::OpponentLeft});
}

proto::ClockSync Match::clockSync() const {
  proto::ClockSync sync;
  sync.clocks = clock_.remainingMs(TimerQueue::Clock::now());
  sync.running = clock_.running();
  return sync;
}

void Match::armFlag() {
  if (flagTimer_ != 0) timers_.cancel(flagTimer_);
  flagTimer_ = 0;
  if (clock_.running() == game::Seat::None) return;
  // The timer holds the match, like a grace timer: time runs out even when
  // both players are gone.
  flagTimer_ = timers_.schedule(clock_.untilFlag(TimerQueue::Clock::now()),
                                [self = shared_from_this()](TimerQueue::Id id) { self->flagFell(id); });
}

void Match::flagFell(TimerQueue::Id timer) {
  std::lock_guard lock(mutex_);
  if (over_ || flagTimer_ != timer) return;  // the side moved in time, or the game ended
  flagTimer_ = 0;
  if (clock_.untilFlag(TimerQueue::Clock::now()) > game::Clock::Ms(0)) {
    armFlag();  // woke a little early
    return;
  }
  const game::Seat flagged = clock_.running();
  logEvent({}, label() + ": " + player(flagged).name + " ran out of time");
  end({game::winFor(game::opponent(flagged)), game::EndReason::Timeout});
}

void Match::handle(game::Seat seat, const ConnectionPtr& from, const proto::Packet& packet) {
  std::lock_guard lock(mutex_);
  if (player(seat).connection != from || over_ || !started_) return;  // a replaced connection's leftovers
  const game::Seat other = game::opponent(seat);
  if (const auto* move = std::get_if<proto::Move>(&packet)) {
    play(seat, from, move->move);
  } else if (std::holds_alternative<proto::Resign>(packet)) {
    recordEvent("resign", seat);
    end({game::winFor(other), game::EndReason::Resignation});
  } else if (std::holds_alternative<proto::DrawOffer>(packet)) {
    drawOfferBy_ = seat;
    recordEvent("draw-offer", seat);
    sendTo(other, proto::DrawOffer{});
  } else if (std::holds_alternative<proto::DrawAccept>(packet)) {
    if (drawOfferBy_ != other) {
      sendError(from, proto::ErrorCode::NoDrawOffer, "your opponent has not offered a draw", timers_);
      return;
    }
    end({game::Result::Draw, game::EndReason::Agreement});
  } else if (std::holds_alternative<proto::DrawDecline>(packet)) {
    if (drawOfferBy_ != other) {
      sendError(from, proto::ErrorCode::NoDrawOffer, "your opponent has not offered a draw", timers_);
      return;
    }
    drawOfferBy_ = game::Seat::None;
    recordEvent("draw-decline", seat);
    sendTo(other, proto::DrawDecline{});
  } else if (std::holds_alternative<proto::DrawClaim>(packet)) {
    game::EndReason claim = game_->toMove() == seat ? game_->claimableDraw() : game::EndReason::None;
    if (claim == game::EndReason::None) {
      sendError(from, proto::ErrorCode::NoClaimableDraw, "no draw can be claimed by you now", timers_);
      return;
    }
    end({game::Result::Draw, claim});
  }
}

void Match::play(game::Seat seat, const ConnectionPtr& from, const proto::WireMove& wire) {
  game::Played played;
  const auto now = TimerQueue::Clock::now();
  if (game_->toMove() != seat) {
    played.reject = game::Reject::NotYourTurn;
    played.why = std::string(game::describe(game::Reject::NotYourTurn));
  } else if (clock_.timed() && clock_.untilFlag(now) <= game::Clock::Ms(0)) {
    // Too late: the flag fell before the move arrived, whatever the timer thread has done so far.
    logEvent(from->peer(), label() + ": move by " + player(seat).name + " came after the flag fell");
    end({game::winFor(game::opponent(seat)), game::EndReason::Timeout});
    return;
  } else {
    played = game_->play(proto::fromWire(wire));
  }
  if (!played.accepted()) {
    proto::MoveRejected r;
    r.move = wire;
    r.reject = played.reject;
    proto::setText(r.why, played.why);
    sendPacket(*from, r);
    logEvent(from->peer(), label() + ": move by " + player(seat).name + " rejected: " + played.why);
    return;
  }
  proto::MoveAccepted a;
  a.ply = static_cast<std::uint16_t>(game_->moveCount());
  a.seat = seat;
  a.move = wire;
  a.result = played.status.result;
  a.reason = played.status.reason;
  proto::setText(a.notation, played.notation);
  if (clock_.timed()) {
    if (played.status.over()) {
      clock_.stop(now);
    } else {
      clock_.press(now);
    }
    a.clocks = clock_.remainingMs(now);
    armFlag();
  }
  moves_.push_back(a);
  // Recorded before the players hear of it: a crash between the two must not
  // leave a record behind what both players saw.
  const std::uint32_t moverClock = a.clocks[static_cast<int>(seat) - 1];
  if (record_ && !record_->move(seat, played, record::Clock::now(), moverClock))
    logEvent({}, label() + ": record write failed: " + record_->error());
  sendBoth(a);
  if (drawOfferBy_ == game::opponent(seat)) drawOfferBy_ = game::Seat::None;  // moving on declines the offer
  if (played.status.over()) end(played.status);
}

void Match::end(game::Status status) {
  if (over_) return;
  over_ = true;
  game_->finish(status);
  const game::Status final = game_->status();
  const auto now = TimerQueue::Clock::now();
  clock_.stop(now);
  armFlag();  // cancels the flag timer
  const proto::Clocks clocks = clock_.remainingMs(now);
  if (record_ && !record_->finish(final, record::Clock::now(), clocks))
    logEvent({}, label() + ": record write failed: " + record_->error());
  proto::GameOver over;
  over.result = final.result;
  over.reason = final.reason;
  over.moves = static_cast<std::uint16_t>(game_->moveCount());
  over.clocks = clocks;
  sendBoth(over);
  for (Player& p : players_) {
    if (p.grace != 0) timers_.cancel(p.grace);
    p.grace = 0;
    if (p.connection) hangUp(p.connection, timers_);
    p.connection.reset();
  }
  logEvent({}, label() + " over: " + std::string(game::name(final.result)) + " by " +
                   std::string(game::name(final.reason)) + " after " + std::to_string(over.moves) + " moves");
}

void Match::shutdown() {
  std::lock_guard lock(mutex_);
  if (over_) return;
  if (started_) {
    end({game::Result::Draw, game::EndReason::ServerShutdown});
    return;
  }
  over_ = true;
  for (Player& p : players_) {
    if (p.connection) sendError(p.connection, proto::ErrorCode::ServerShutdown, "the server is shutting down", timers_);
    p.connection.reset();
  }
}

void Match::sendTo(game::Seat seat, const proto::Packet& packet) {
  if (const ConnectionPtr& c = player(seat).connection) sendPacket(*c, packet);
}

void Match::sendBoth(const proto::Packet& packet) {
  for (game::Seat s : kSeats) sendTo(s, packet);
}

void Match::recordEvent(std::string_view what, game::Seat seat) {
  if (record_ && !record_->event(what, seat)) logEvent({}, label() + ": record write failed: " + record_->error());
}

}  // namespace server
