#include "game_server/match/match.h"

#include <algorithm>
#include <cassert>

#include "game_server/match/log.h"
#include "game_server/match/outbox.h"
#include "game_server/status/counters.h"
#include "shared/protocol/codec.h"
#include "shared/protocol/refusals.h"

namespace server {
namespace {

constexpr game::Seat kSeats[] = {game::Seat::Player1, game::Seat::Player2};

std::string_view seatName(game::Seat s) { return s == game::Seat::Player1 ? "player1" : "player2"; }

PacketRefusal refusal(proto::ErrorCode code, std::string text) {
  proto::Error error;
  error.code = code;
  proto::setText(error.text, text);
  return {error, std::move(text)};
}

std::span<const std::uint8_t> bytesOf(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

PacketRefusal noDrawOffer() {
  return refusal(proto::ErrorCode::NoDrawOffer, std::string(proto::refusals::kNoDrawOffer));
}
PacketRefusal noTakebackRequest() {
  return refusal(proto::ErrorCode::NoTakebackRequest, std::string(proto::refusals::kNoTakebackRequest));
}

}  // namespace

template <typename F>
void Match::forEveryone(F f) {
  for (Player& p : players_) {
    if (p.connection) f(p.connection);
  }
  for (Spectator& s : spectators_) f(s.connection);
}

template <typename F>
void Match::writeRecord(F write) {
  assert(mutex_.heldHere());
  if (record_ && !write(*record_)) logEvent({}, label() + ": record write failed: " + record_->error());
}

template <typename F>
void Match::writeNote(F write) {
  if (!record_) return;
  if (notes_ < kMaxRecordNotes) {
    ++notes_;
    writeRecord(write);
  } else if (notesLeftOut_++ == 0) {
    writeRecord([](record::Writer& w) { return w.event("record-full", game::Seat::None); });
  }
}

Match::Match(std::uint32_t id, const MatchConfig& config, std::unique_ptr<game::Game> game, TimerQueue& timers,
             std::string code)
    : id_(id),
      config_(config),
      timers_(timers),
      code_(std::move(code)),
      game_(std::move(game)),
      clock_(config.timeControl) {}

Match::~Match() = default;

std::shared_ptr<Match> Match::restore(StoredMatch&& stored, const MatchConfig& config, TimerQueue& timers,
                                      std::string& error) {
  assert(config.store && "only a stored match is restored");
  auto writer = config.store->reopen(stored, error);
  if (!writer) return nullptr;
  record::Record& r = stored.record;
  MatchConfig own = config;
  own.setup = r.setup;
  own.timeControl = r.timeControl;
  auto match = std::make_shared<Match>(r.matchId, own, std::move(r.game), timers, std::string());
  match->resumeFrom(r, std::move(writer));
  return match;
}

void Match::resumeFrom(const record::Record& r, std::unique_ptr<record::Writer> writer) {
  std::lock_guard lock(mutex_);
  record_ = std::move(writer);
  codeDigest_ = r.code;
  started_ = true;
  resuming_ = true;
  players_[0] = Player{nullptr, r.player1, {}, true, 0, r.resume[0]};
  players_[1] = Player{nullptr, r.player2, {}, true, 0, r.resume[1]};
  // The game so far as the players heard it, for the replay to each who comes back.
  std::array<std::uint32_t, 2> clocks{config_.timeControl.baseMs, config_.timeControl.baseMs};
  for (const record::MoveLine& line : r.moves) {
    if (line.clockMs) clocks[line.seat == game::Seat::Player1 ? 0 : 1] = *line.clockMs;
    proto::MoveAccepted a;
    a.ply = static_cast<std::uint16_t>(line.ply);
    a.seat = line.seat;
    a.move = proto::toWire(line.move);
    proto::setText(a.notation, line.notation);
    if (clock_.timed()) a.clocks = proto::toWire(clocks);
    moves_.push_back(a);
  }
  restoreDecisions(r);
  const auto now = timers_.now();
  if (clock_.timed() && r.clocks) {
    const auto& left = *r.clocks;
    clock_.sync({game::Clock::Ms(left[0]), game::Clock::Ms(left[1])}, game::Seat::None, now);
  }
  drawOfferBy_ = r.drawOfferBy;
  takebackBy_ = r.takebackBy;
  takebacks_ = static_cast<int>(r.takebacks.size());
  notes_ = r.events.size() + r.chat.size();
  notesLeftOut_ = std::any_of(r.events.begin(), r.events.end(), [](const auto& e) { return e.what == "record-full"; });
  resumeUntil_ = now + config_.resumeGrace;
  for (game::Seat seat : kSeats) holdSeat(seat, config_.resumeGrace);
  writeRecord([](record::Writer& w) { return w.event("resumed", game::Seat::None); });
  logEvent({}, label() + " restored from " + record_->path().string() + ": " + players_[0].name + " vs " +
                   players_[1].name + " after " + std::to_string(moves_.size()) + " moves; seats held for " +
                   std::to_string(config_.resumeGrace.count()) + " s");
}

bool Match::holds(const Player& p, const proto::Token& token, std::string_view digest) const {
  if (p.resumeDigest.empty()) return p.token == token;
  // A token the lobby knew itself was issued in this run, never a restored seat's.
  return !digest.empty() && digest == p.resumeDigest;
}

bool Match::admits(std::string_view code) const {
  if (codeDigest_.empty()) return code == code_;
  return config_.store->digest(bytesOf(code)) == codeDigest_;
}

std::string Match::label() const { return "match " + std::to_string(id_); }

std::string Match::watching() const {
  return std::to_string(spectators_.size()) + (spectators_.size() == 1 ? " spectator" : " spectators");
}

proto::Phase Match::phase() const {
  std::lock_guard lock(mutex_);
  return phaseLocked();
}

proto::Phase Match::phaseLocked() const {
  assert(mutex_.heldHere());
  if (over_) return proto::Phase::Over;
  return started_ ? proto::Phase::Playing : proto::Phase::WaitingForOpponent;
}

bool Match::running() const {
  std::lock_guard lock(mutex_);
  return started_ && !over_ && !resuming_;
}

bool Match::joinable() const {
  std::lock_guard lock(mutex_);
  return !started_ && !over_ && !(players_[0].seated && players_[1].seated);
}

bool Match::empty() const {
  std::lock_guard lock(mutex_);
  return !players_[0].seated && !players_[1].seated;
}

std::optional<proto::MatchEntry> Match::entry() const {
  std::lock_guard lock(mutex_);
  const bool isPrivate = !code_.empty() || !codeDigest_.empty();
  if (isPrivate || over_ || (!players_[0].seated && !players_[1].seated)) return std::nullopt;
  proto::MatchEntry e;
  e.matchId = id_;
  e.game = config_.setup.kind;
  e.rule = config_.setup.rule;
  e.boardSize = static_cast<std::uint8_t>(config_.setup.boardSize);
  e.state = started_ ? proto::MatchState::Playing : proto::MatchState::Waiting;
  e.moves = static_cast<std::uint16_t>(moves_.size());
  e.spectators = static_cast<std::uint16_t>(spectators_.size());
  e.clockBaseMs = config_.timeControl.baseMs;
  e.clockIncrementMs = config_.timeControl.incrementMs;
  e.opening = config_.setup.opening;
  proto::setText(e.player1, players_[0].name);  // a free seat's name is empty
  proto::setText(e.player2, players_[1].name);
  return e;
}

MatchCensus Match::census() const {
  std::lock_guard lock(mutex_);
  const bool seated = players_[0].seated || players_[1].seated;
  return {.waiting = !started_ && !over_ && seated,
          .running = started_ && !over_,
          .recordsOpen = record_ && !over_,  // the end closes it; a suspension lets it go
          .spectators = spectators_.size()};
}

const Match::Spectator* Match::spectator(const ConnectionPtr& connection) const {
  auto it = std::find_if(spectators_.begin(), spectators_.end(),
                         [&](const Spectator& s) { return s.connection == connection; });
  return it == spectators_.end() ? nullptr : &*it;
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
  p = Player{connection, std::move(name), token, true, 0, {}};
  welcome(connection, seat, token, false);
  logEvent(connection->peer(), label() + ": " + p.name + " takes " + std::string(seatName(seat)));
  if (players_[0].seated && players_[1].seated) {
    start();
  } else {
    armWait();
  }
  return seat;
}

void Match::armWait() {
  if (waitTimer_ != 0) timers_.cancel(waitTimer_);
  // Weakly: an abandoned match need not live until its timer.
  waitTimer_ = timers_.schedule(config_.waitTimeout, [weak = weak_from_this()](TimerQueue::Id id) {
    if (auto self = weak.lock()) self->waitExpired(id);
  });
}

void Match::waitExpired(TimerQueue::Id timer) {
  std::lock_guard lock(mutex_);
  if (started_ || over_ || waitTimer_ != timer) return;
  waitTimer_ = 0;
  over_ = true;
  const std::string why = "nobody joined " + label() + " within " + std::to_string(config_.waitTimeout.count()) + " s";
  logEvent({}, label() + " expired: " + why);
  forEveryone([&](const ConnectionPtr& c) { sendError(c, proto::ErrorCode::Timeout, why, timers_); });
  releaseEveryone();
}

void Match::welcome(const ConnectionPtr& to, game::Seat seat, const proto::Token& token, bool resumed) {
  proto::Welcome w;
  w.seat = seat;
  w.game = config_.setup.kind;
  w.rule = config_.setup.rule;
  w.boardSize = static_cast<std::uint8_t>(config_.setup.boardSize);
  w.matchId = id_;
  w.reconnect = token;
  w.resumed = resumed ? 1 : 0;
  proto::setText(w.startFen, config_.setup.fen);
  w.clockBaseMs = config_.timeControl.baseMs;
  w.clockIncrementMs = config_.timeControl.incrementMs;
  w.opening = config_.setup.opening;
  sendPacket(*to, w);
}

proto::MatchStart Match::matchStart() const {
  proto::MatchStart m;
  proto::setText(m.player1, players_[0].name);
  proto::setText(m.player2, players_[1].name);
  return m;
}

void Match::start() {
  assert(mutex_.heldHere());
  if (waitTimer_ != 0) timers_.cancel(waitTimer_);
  waitTimer_ = 0;
  std::string error;
  if (MatchStore* store = config_.store) {
    // The store keeps the tokens (and a private code) only as digests: enough
    // to give a seat back after a restart, useless to a reader of the record.
    const record::MatchInfo info{id_,
                                 config_.setup,
                                 players_[0].name,
                                 players_[1].name,
                                 config_.timeControl,
                                 {store->digest(players_[0].token), store->digest(players_[1].token)},
                                 code_.empty() ? std::string() : store->digest(bytesOf(code_))};
    record_ = store->create(info, error);
  }
  if (config_.store && !record_) {
    // Not played unrecorded: everybody is told and let go.
    logEvent({}, label() + " refused: cannot open its record: " + error);
    forEveryone([&](const ConnectionPtr& c) {
      sendError(c, proto::ErrorCode::ServerError, "the server cannot record this match: " + error, timers_);
    });
    releaseEveryone();
    over_ = true;
    return;
  }
  started_ = true;
  for (const EarlyChat& line : earlyChat_)
    writeNote([&](record::Writer& w) { return w.chat(line.seat, line.name, line.text, line.at); });
  earlyChat_.clear();
  sendAll(matchStart());
  if (config_.setup.opening != game::Opening::None) sendAll(openingStatus({}));
  if (clock_.timed()) {
    clock_.start(game_->toMove(), timers_.now());
    sendAll(clockSync());
    armFlag();
  }
  logEvent({}, label() + " starts: " + players_[0].name + " vs " + players_[1].name + ", " +
                   std::string(game::name(config_.setup.kind)) + " " + std::string(game::name(config_.setup.rule)) +
                   ", " + game::describe(config_.timeControl) +
                   (record_ ? ", record " + record_->path().string() : ", not recorded"));
}

void Match::replay(const ConnectionPtr& to, game::Seat viewer) {
  assert(mutex_.heldHere());
  if (!started_) return;
  // One burst past the live send limit: however long the game (a chess
  // game ends by the 75-move rule within about 19,000 plies, 38 bytes each),
  // it reaches the newcomer whole.
  std::vector<std::uint8_t> bytes;
  bytes.reserve(sizeof(proto::MatchStart) + moves_.size() * sizeof(proto::MoveAccepted) +
                (decisions_.size() + 1) * sizeof(proto::OpeningStatus) + 64);
  proto::append(bytes, matchStart());
  // The opening's decisions where they were made, between its stones.
  std::size_t next = 0;
  for (std::size_t plies = 0; plies <= moves_.size(); ++plies) {
    for (; next < decisions_.size() && decisions_[next].plies == plies; ++next)
      proto::append(bytes, decisions_[next].status);
    if (plies < moves_.size()) proto::append(bytes, moves_[plies]);
  }
  if (config_.setup.opening != game::Opening::None) proto::append(bytes, openingStatus({}));
  if (viewer != game::Seat::None) {
    const game::Seat other = game::opponent(viewer);
    if (drawOfferBy_ == other) proto::append(bytes, proto::DrawOffer{});
    if (takebackBy_ == other) proto::append(bytes, proto::TakebackRequest{});
  }
  if (clock_.timed()) proto::append(bytes, clockSync());
  to->sendBurst(std::as_bytes(std::span(bytes)));
}

std::variant<game::Seat, Refusal> Match::resume(const ConnectionPtr& connection, const proto::Token& token,
                                                std::string_view digest) {
  std::lock_guard lock(mutex_);
  for (game::Seat seat : kSeats) {
    Player& p = player(seat);
    if (!p.seated || over_ || !holds(p, token, digest)) continue;
    p.token = token;
    p.resumeDigest.clear();
    if (p.connection) {
      // The old connection may not know it is dead yet: the token wins.
      logEvent(p.connection->peer(), label() + ": connection replaced by a reconnection");
      p.connection->close();
    }
    if (p.grace != 0) timers_.cancel(p.grace);
    p.grace = 0;
    bool wasAway = !p.connection;
    p.connection = connection;
    welcome(connection, seat, p.token, true);
    replay(connection, seat);
    if (started_ && wasAway) {
      proto::OpponentStatus back;
      back.state = proto::OpponentState::Reconnected;
      sendTo(game::opponent(seat), back);
      recordEvent("reconnected", seat);
    }
    if (resuming_) backAfterRestart(seat);
    logEvent(connection->peer(), label() + ": " + p.name + " resumes " + std::string(seatName(seat)) + " after " +
                                     std::to_string(moves_.size()) + " moves");
    return seat;
  }
  return Refusal{proto::ErrorCode::BadReconnectToken, "no seat is held for that reconnection token"};
}

void Match::restoreDecisions(const record::Record& r) {
  if (r.decisions.empty()) return;
  // The opening status each decision was announced with, from a game played
  // again up to it: the record keeps the decisions, not the packets.
  std::string error;
  std::unique_ptr<game::Game> scratch = game::makeGame(config_.setup, error);
  assert(scratch && "the record was read with this setup");
  std::size_t plies = 0;
  for (const record::DecisionLine& line : r.decisions) {
    for (; plies < r.moves.size() && r.moves[plies].line < line.line; ++plies) scratch->play(r.moves[plies].move);
    [[maybe_unused]] const game::Played played = scratch->decide(line.decision);
    assert(played.accepted() && "the reader accepted it");
    proto::OpeningStatus status = proto::toWire(scratch->opening());
    status.by = line.seat;
    status.choice = static_cast<std::uint8_t>(line.decision.choice);
    status.value = static_cast<std::uint8_t>(line.decision.value);
    decisions_.push_back({plies, status});
  }
}

void Match::backAfterRestart(game::Seat seat) {
  assert(resuming_);
  const auto now = timers_.now();
  if (!player(game::opponent(seat)).connection) {
    proto::OpponentStatus away;
    away.state = proto::OpponentState::Disconnected;
    away.graceSeconds = static_cast<std::uint16_t>(
        std::max<std::int64_t>(0, std::chrono::ceil<std::chrono::seconds>(resumeUntil_ - now).count()));
    sendTo(seat, away);
    return;
  }
  resuming_ = false;
  if (clock_.timed()) {
    clock_.start(game_->toMove(), now);
    sendAll(clockSync());
    armFlag();
  }
  logEvent({}, label() + ": both players are back; the game goes on");
}

std::variant<game::Seat, Refusal> Match::watch(const ConnectionPtr& connection, std::string name,
                                                std::string_view code) {
  std::lock_guard lock(mutex_);
  if (!admits(code)) {
    // Said as for a match that does not exist: an id alone must not tell
    // a stranger that a private match is there.
    return noSuchMatch(id_);
  }
  if (over_) return Refusal{proto::ErrorCode::NoSuchMatch, label() + " is over"};
  if (spectators_.size() >= kMaxSpectators) {
    return Refusal{proto::ErrorCode::ServerFull,
                   label() + " has " + std::to_string(kMaxSpectators) + " spectators already"};
  }
  spectators_.push_back({connection, std::move(name)});
  welcome(connection, game::Seat::None, {}, started_);
  replay(connection, game::Seat::None);
  sendSpectatorCount();
  logEvent(connection->peer(), label() + ": " + spectators_.back().name + " watches (" + watching() + ")");
  return game::Seat::None;
}

void Match::leave(game::Seat seat, const ConnectionPtr& connection) {
  std::lock_guard lock(mutex_);
  if (seat == game::Seat::None) {
    const Spectator* s = spectator(connection);
    if (!s) return;  // let go at the end of the game
    const std::string name = s->name;
    spectators_.erase(spectators_.begin() + (s - spectators_.data()));
    sendSpectatorCount();
    logEvent(connection->peer(), label() + ": " + name + " stops watching (" + watching() + ")");
    return;
  }
  Player& p = player(seat);
  if (p.connection != connection) return;  // replaced by a reconnection, or already let go
  p.connection.reset();
  if (rematchOpen_) {
    logEvent(connection->peer(), label() + ": " + p.name + " left: no rematch");
    closeRematch(proto::RematchDecline{});
  }
  if (over_) return;
  if (!started_) {
    logEvent(connection->peer(), label() + ": " + p.name + " left before the start; the seat is free again");
    p = Player{};
    if (!players_[0].seated && !players_[1].seated && waitTimer_ != 0) {
      timers_.cancel(waitTimer_);
      waitTimer_ = 0;
    }
    return;
  }
  proto::OpponentStatus away;
  away.state = proto::OpponentState::Disconnected;
  away.graceSeconds = static_cast<std::uint16_t>(config_.grace.count());
  sendTo(game::opponent(seat), away);
  recordEvent("disconnected", seat);
  holdSeat(seat, config_.grace);
  logEvent(connection->peer(), label() + ": " + p.name + " dropped; seat held for " +
                                   std::to_string(config_.grace.count()) + " s");
}

void Match::holdSeat(game::Seat seat, std::chrono::seconds grace) {
  // The timer holds the match: it must end (and close its record) even if
  // both players are gone by then.
  player(seat).grace =
      timers_.schedule(grace, [self = shared_from_this(), seat](TimerQueue::Id id) { self->graceExpired(seat, id); });
}

void Match::graceExpired(game::Seat seat, TimerQueue::Id timer) {
  std::lock_guard lock(mutex_);
  Player& p = player(seat);
  if (over_ || p.grace != timer) return;  // came back (or the game ended) in time
  p.grace = 0;
  if (resuming_ && !player(game::opponent(seat)).connection) {
    adjourn();
    return;
  }
  logEvent({}, label() + ": " + p.name + " did not come back in time");
  end({game::winFor(game::opponent(seat)), game::EndReason::OpponentLeft});
}

void Match::adjourn() {
  assert(mutex_.heldHere() && resuming_);
  over_ = true;
  cancelTimers();
  const auto clocks = clock_.remainingMs(timers_.now());
  writeRecord([&](record::Writer& w) {
    return w.finish({game::Result::Ongoing, game::EndReason::Adjourned}, record::Clock::now(), clocks);
  });
  const std::string why = "neither player of " + label() + " came back after the server restarted: it is adjourned";
  forEveryone([&](const ConnectionPtr& c) { sendError(c, proto::ErrorCode::Timeout, why, timers_); });
  releaseEveryone();
  logEvent({}, label() + " adjourned after " + std::to_string(moves_.size()) + " moves: neither player came back");
}

void Match::cancelTimers() {
  for (Player& p : players_) {
    if (p.grace != 0) timers_.cancel(p.grace);
    p.grace = 0;
  }
  if (waitTimer_ != 0) timers_.cancel(waitTimer_);
  waitTimer_ = 0;
  if (flagTimer_ != 0) timers_.cancel(flagTimer_);
  flagTimer_ = 0;
  if (rematchTimer_ != 0) timers_.cancel(rematchTimer_);
  rematchTimer_ = 0;
}

proto::ClockSync Match::clockSync() const {
  proto::ClockSync sync;
  sync.clocks = proto::toWire(clock_.remainingMs(timers_.now()));
  sync.running = clock_.running();
  return sync;
}

void Match::armFlag() {
  if (flagTimer_ != 0) timers_.cancel(flagTimer_);
  flagTimer_ = 0;
  if (clock_.running() == game::Seat::None) return;
  // The timer holds the match, like a grace timer: time runs out even when
  // both players are gone.
  flagTimer_ = timers_.schedule(clock_.untilFlag(timers_.now()),
                                [self = shared_from_this()](TimerQueue::Id id) { self->flagFell(id); });
}

void Match::flagFell(TimerQueue::Id timer) {
  std::lock_guard lock(mutex_);
  if (over_ || flagTimer_ != timer) return;  // the side moved in time, or the game ended
  flagTimer_ = 0;
  if (!outOfTime(timers_.now())) armFlag();  // woke a little early
}

bool Match::outOfTime(TimerQueue::Clock::time_point now) {
  if (!clock_.timed() || clock_.running() == game::Seat::None || clock_.untilFlag(now) > game::Clock::Ms(0))
    return false;
  const game::Seat flagged = clock_.running();
  logEvent({}, label() + ": " + player(flagged).name + " ran out of time");
  end({game::winFor(game::opponent(flagged)), game::EndReason::Timeout});
  return true;
}

std::optional<PacketRefusal> Match::handle(game::Seat seat, const ConnectionPtr& from, const proto::Packet& packet) {
  std::lock_guard lock(mutex_);
  // A replaced connection's leftovers, or a player or spectator already let go.
  if (seat == game::Seat::None ? !spectator(from) : player(seat).connection != from) return std::nullopt;
  // After the game only the players waiting for a rematch are still here: they may talk.
  if (const auto* line = std::get_if<proto::Chat>(&packet)) return chat(seat, from, proto::text(line->text));
  if (!started_ || over_) return std::nullopt;
  if (seat == game::Seat::None) return refuseSpectator(packet);
  const game::Seat other = game::opponent(seat);
  using Answer = std::optional<PacketRefusal>;
  return std::visit(
      proto::Overloaded{
          [&](const proto::Move& move) { return play(seat, move.move); },
          [&](const proto::Decide& decision) { return decide(seat, proto::fromWire(decision)); },
          [&](const proto::Resign&) -> Answer {
            recordEvent("resign", seat);
            end({game::winFor(other), game::EndReason::Resignation});
            return std::nullopt;
          },
          [&](const proto::DrawOffer&) { return offerDraw(seat); },
          [&](const proto::DrawAccept&) -> Answer {
            if (drawOfferBy_ != other) return noDrawOffer();
            end({game::Result::Draw, game::EndReason::Agreement});
            return std::nullopt;
          },
          [&](const proto::DrawDecline&) -> Answer {
            if (drawOfferBy_ != other) return noDrawOffer();
            decline(drawOfferBy_, seat, "draw-decline", proto::DrawDecline{});
            return std::nullopt;
          },
          [&](const proto::DrawClaim&) -> Answer {
            const game::EndReason claim = game_->toMove() == seat ? game_->claimableDraw() : game::EndReason::None;
            if (claim == game::EndReason::None)
              return refusal(proto::ErrorCode::NoClaimableDraw, std::string(proto::refusals::kNoClaimableDraw));
            end({game::Result::Draw, claim});
            return std::nullopt;
          },
          [&](const proto::TakebackRequest&) { return requestTakeback(seat); },
          [&](const proto::TakebackAccept&) -> Answer {
            if (takebackBy_ != other) return noTakebackRequest();
            takeback(other);
            return std::nullopt;
          },
          [&](const proto::TakebackDecline&) -> Answer {
            if (takebackBy_ != other) return noTakebackRequest();
            decline(takebackBy_, seat, "takeback-decline", proto::TakebackDecline{});
            return std::nullopt;
          },
          [](const proto::Chat&) -> Answer { return std::nullopt; },  // answered above, for spectators too
          // The session's own business, never a match's (rematches: offerRematch, declineRematch).
          []<typename P>(const P&) -> Answer
            requires proto::OneOf<P, proto::Hello, proto::Watch, proto::ListMatches, proto::Ping, proto::Pong,
                                  proto::RematchOffer, proto::RematchDecline>
          {
            assert(false && "the session answers these itself");
            return std::nullopt;
          },
          [](const proto::FromServerOnly auto&) -> Answer {
            assert(false && "the decoder refuses what only a server sends");
            return std::nullopt;
          },
      },
      packet);
}

PacketRefusal Match::refuseSpectator(const proto::Packet& packet) const {
  if (const auto* move = std::get_if<proto::Move>(&packet)) {
    proto::MoveRejected r;
    r.move = move->move;
    r.reject = game::Reject::NotASpectator;
    proto::setText(r.why, game::describe(game::Reject::NotASpectator));
    return {r, label() + ": a spectator's move refused"};
  }
  return refusal(proto::ErrorCode::NotAPlayer,
                 "a spectator cannot send " + std::string(proto::name(proto::typeOf(packet))));
}

std::optional<PacketRefusal> Match::chat(game::Seat seat, const ConnectionPtr& from, std::string_view text) {
  if (seat == game::Seat::None && !spectatorChat_.allow(timers_.now())) {
    return refusal(proto::ErrorCode::RateLimited, "the spectators of " + label() + " may write at most " +
                                                      std::to_string(kSpectatorChatLines) + " lines in " +
                                                      std::to_string(kSpectatorChatWindow.count()) +
                                                      " s together; this one was dropped");
  }
  const std::string& name = seat == game::Seat::None ? spectator(from)->name : player(seat).name;
  proto::ChatMessage m;
  m.seat = seat;
  proto::setText(m.name, name);
  proto::setText(m.text, text);
  // The record is created when the match starts: lines before that wait
  // for it (a bounded number; the oldest make room). It has ended with the
  // game: what the players say while a rematch may be agreed is not kept.
  if (started_ && !over_) {
    writeNote([&](record::Writer& w) { return w.chat(seat, name, text); });
  } else if (!started_) {
    if (earlyChat_.size() == kEarlyChatKept) earlyChat_.erase(earlyChat_.begin());
    earlyChat_.push_back({seat, name, std::string(text), record::Clock::now()});
  }
  sendAll(m);
  return std::nullopt;
}

std::optional<PacketRefusal> Match::offerDraw(game::Seat seat) {
  if (drawOfferBy_ == seat)
    return refusal(proto::ErrorCode::UnexpectedPacket, std::string(proto::refusals::kOwnDrawOfferPending));
  if (drawOfferBy_ == game::opponent(seat)) {
    // Both want a draw: that is an agreement.
    recordEvent("draw-offer", seat);
    end({game::Result::Draw, game::EndReason::Agreement});
    return std::nullopt;
  }
  propose(drawOfferBy_, seat, "draw-offer", proto::DrawOffer{});
  return std::nullopt;
}

void Match::propose(game::Seat& pending, game::Seat seat, std::string_view event, const proto::Packet& relay) {
  pending = seat;
  recordEvent(event, seat);
  sendTo(game::opponent(seat), relay);
}

void Match::decline(game::Seat& pending, game::Seat seat, std::string_view event, const proto::Packet& relay) {
  pending = game::Seat::None;
  recordEvent(event, seat);
  sendTo(game::opponent(seat), relay);
}

std::optional<PacketRefusal> Match::requestTakeback(game::Seat seat) {
  const bool hasMoved = std::any_of(moves_.begin(), moves_.end(), [&](const auto& m) { return m.seat == seat; });
  std::string refused;
  if (takebackBy_ != game::Seat::None) {
    refused = proto::refusals::kTakebackPending;
  } else if (!hasMoved) {
    refused = proto::refusals::kNothingToTakeback;
  } else if (!game_->canTakeback()) {
    refused = proto::refusals::kNoTakebacks;
  } else if (takebacks_ >= kMaxTakebacks) {
    refused = "this match has had its " + std::to_string(kMaxTakebacks) + " take-backs";
  }
  if (!refused.empty()) return refusal(proto::ErrorCode::TakebackRefused, refused);
  propose(takebackBy_, seat, "takeback-request", proto::TakebackRequest{});
  return std::nullopt;
}

void Match::takeback(game::Seat requester) {
  const auto now = timers_.now();
  if (outOfTime(now)) return;  // the flag fell before the answer arrived
  takebackBy_ = game::Seat::None;
  ++takebacks_;
  // The opponent's reply goes first if there was one, then the requester's move.
  while (!moves_.empty() && game_->takeback()) {
    const game::Seat mover = moves_.back().seat;
    moves_.pop_back();
    if (mover == requester) break;
  }
  proto::TakenBack t;
  t.moves = static_cast<std::uint16_t>(game_->moveCount());
  t.by = requester;
  if (clock_.timed()) {
    // The time the running side spent so far counts; the requester moves
    // next (once both are back, after a restart).
    clock_.stop(now);
    if (!resuming_) clock_.start(requester, now);
    t.clocks = proto::toWire(clock_.remainingMs(now));
    armFlag();
  }
  writeRecord([&](record::Writer& w) {
    return w.takeback(requester, game_->moveCount(), record::Clock::now(), clock_.remainingMs(now));
  });
  sendAll(t);
  logEvent({}, label() + ": " + player(requester).name + " takes back to " + std::to_string(t.moves) +
                   " moves, accepted by " + player(game::opponent(requester)).name);
}

template <typename Act>
std::optional<game::Played> Match::onTurn(game::Seat seat, TimerQueue::Clock::time_point now, Act act) {
  if (game_->toMove() != seat) {
    game::Played played;
    played.reject = game::Reject::NotYourTurn;
    played.why = std::string(game::describe(game::Reject::NotYourTurn));
    return played;
  }
  if (outOfTime(now)) return std::nullopt;  // too late: the flag fell before it arrived
  return act();
}

std::optional<PacketRefusal> Match::play(game::Seat seat, const proto::WireMove& wire) {
  const auto now = timers_.now();
  const bool opening = game_->opening().inProgress();
  const auto played = onTurn(seat, now, [&] { return game_->play(proto::fromWire(wire)); });
  if (!played) return std::nullopt;
  if (!played->accepted()) return rejected(seat, *played, wire, "move");
  accepted(seat, *played, wire, now, opening);
  return std::nullopt;
}

std::optional<PacketRefusal> Match::decide(game::Seat seat, const game::Decision& decision) {
  const auto now = timers_.now();
  const auto played = onTurn(seat, now, [&] { return game_->decide(decision); });
  if (!played) return std::nullopt;
  if (!played->accepted()) return rejected(seat, *played, {}, "decision");
  pressClock(seat, now, played->status);
  const std::uint32_t deciderClock = proto::clockOf(proto::toWire(clock_.remainingMs(now)), seat);
  // Recorded before the players hear of it, as a move is.
  writeRecord([&](record::Writer& w) { return w.decision(seat, *played, record::Clock::now(), deciderClock); });
  proto::OpeningStatus status = openingStatus(decision);
  status.by = seat;
  decisions_.push_back({moves_.size(), status});
  sendAll(status);
  if (clock_.timed()) sendAll(clockSync());
  logEvent({}, label() + ": " + player(seat).name + " decides: " + played->notation);
  return std::nullopt;
}

PacketRefusal Match::rejected(game::Seat seat, const game::Played& played, const proto::WireMove& wire,
                              std::string_view what) {
  proto::MoveRejected r;
  r.move = wire;
  r.reject = played.reject;
  proto::setText(r.why, played.why);
  return PacketRefusal{r, label() + ": " + std::string(what) + " by " + player(seat).name + " rejected: " + played.why};
}

void Match::pressClock(game::Seat seat, TimerQueue::Clock::time_point now, const game::Status& status) {
  if (!clock_.timed()) return;
  // After a restart with the opponent not back yet, the move is made on
  // a clock that stands still: it is not charged, but earns its increment.
  if (clock_.running() == game::Seat::None) clock_.start(seat, now);
  if (status.over()) {
    clock_.stop(now);
  } else {
    clock_.press(now, game_->toMove());
    if (resuming_) clock_.stop(now);
  }
  armFlag();
}

void Match::accepted(game::Seat seat, const game::Played& played, const proto::WireMove& wire,
                     TimerQueue::Clock::time_point now, bool opening) {
  proto::MoveAccepted a;
  a.ply = static_cast<std::uint16_t>(game_->moveCount());
  a.seat = seat;
  a.move = wire;
  a.result = played.status.result;
  a.reason = played.status.reason;
  proto::setText(a.notation, played.notation);
  pressClock(seat, now, played.status);
  if (clock_.timed()) a.clocks = proto::toWire(clock_.remainingMs(now));
  moves_.push_back(a);
  counters().moveAccepted();
  // Recorded before the players hear of it: a crash between the two must not
  // leave a record behind what both players saw.
  const std::uint32_t moverClock = proto::clockOf(a.clocks, seat);
  writeRecord([&](record::Writer& w) { return w.move(seat, played, record::Clock::now(), moverClock); });
  sendAll(a);
  // A stone of the opening: what it asks for next.
  if (opening) sendAll(openingStatus({}));
  // Moving on declines what the opponent proposed.
  if (drawOfferBy_ == game::opponent(seat)) drawOfferBy_ = game::Seat::None;
  if (takebackBy_ == game::opponent(seat)) takebackBy_ = game::Seat::None;
  if (played.status.over()) end(played.status);
}

proto::OpeningStatus Match::openingStatus(const std::optional<game::Decision>& last) const {
  proto::OpeningStatus status = proto::toWire(game_->opening());
  if (last) {
    status.choice = static_cast<std::uint8_t>(last->choice);
    status.value = static_cast<std::uint8_t>(last->value);
  }
  return status;
}

void Match::end(game::Status status) {
  assert(mutex_.heldHere());
  if (over_) return;
  over_ = true;
  game_->finish(status);
  const game::Status final = game_->status();
  const auto now = timers_.now();
  clock_.stop(now);
  cancelTimers();
  resuming_ = false;
  const auto clocks = clock_.remainingMs(now);
  writeRecord([&](record::Writer& w) { return w.finish(final, record::Clock::now(), clocks); });
  proto::GameOver over;
  over.result = final.result;
  over.reason = final.reason;
  over.moves = static_cast<std::uint16_t>(game_->moveCount());
  over.clocks = proto::toWire(clocks);
  // The spectators' part ends here; the players may agree on a rematch.
  const Encoded toSpectators(over);
  for (const Spectator& s : spectators_) {
    s.connection->send(toSpectators.bytes());
    hangUp(s.connection, timers_);
  }
  spectators_.clear();
  rematchOpen_ = rematchPossible();
  if (rematchOpen_) over.rematchSeconds = static_cast<std::uint16_t>(config_.rematchWindow.count());
  for (game::Seat seat : kSeats) sendTo(seat, over);
  if (rematchOpen_) {
    armRematch();
  } else {
    forEveryone([&](const ConnectionPtr& c) { hangUp(c, timers_); });
    releaseEveryone();
  }
  logEvent({}, label() + " over: " + std::string(game::name(final.result)) + " by " +
                   std::string(game::name(final.reason)) + " after " + std::to_string(over.moves) + " moves" +
                   (notesLeftOut_ == 0 ? ""
                                       : "; " + std::to_string(notesLeftOut_) + " events and chat lines left out of " +
                                             "its full record"));
}

bool Match::rematchPossible() const {
  assert(mutex_.heldHere());
  return config_.rematchWindow.count() > 0 && players_[0].connection && players_[1].connection;
}

void Match::armRematch() {
  assert(rematchOpen_ && rematchTimer_ == 0);
  // Weakly: the players' sessions hold the match while they are here.
  rematchTimer_ = timers_.schedule(config_.rematchWindow, [weak = weak_from_this()](TimerQueue::Id id) {
    if (auto self = weak.lock()) self->rematchExpired(id);
  });
}

void Match::rematchExpired(TimerQueue::Id timer) {
  std::lock_guard lock(mutex_);
  if (!rematchOpen_ || rematchTimer_ != timer) return;
  rematchTimer_ = 0;
  proto::Error error;
  error.code = proto::ErrorCode::Timeout;
  proto::setText(error.text, "no rematch was agreed within " + std::to_string(config_.rematchWindow.count()) + " s");
  closeRematch(error);
}

void Match::closeRematch(const proto::Packet& word) {
  assert(mutex_.heldHere() && rematchOpen_);
  rematchOpen_ = false;
  rematchBy_ = game::Seat::None;
  if (rematchTimer_ != 0) timers_.cancel(rematchTimer_);
  rematchTimer_ = 0;
  forEveryone([&](const ConnectionPtr& c) {
    sendPacket(*c, word);
    hangUp(c, timers_);
  });
  releaseEveryone();
}

std::variant<Match::RematchAnswer, PacketRefusal> Match::offerRematch(game::Seat seat, const ConnectionPtr& from) {
  std::lock_guard lock(mutex_);
  assert(seat != game::Seat::None && "spectators are let go at the end");
  if (!rematchOpen_ || player(seat).connection != from)
    return refusal(proto::ErrorCode::RematchRefused, "no rematch can be agreed now");
  if (rematchBy_ == seat) return refusal(proto::ErrorCode::RematchRefused, "your rematch offer is pending already");
  if (rematchBy_ == game::opponent(seat)) return RematchAnswer::Agreed;
  rematchBy_ = seat;
  sendTo(game::opponent(seat), proto::RematchOffer{});
  logEvent(from->peer(), label() + ": " + player(seat).name + " offers a rematch");
  return RematchAnswer::Relayed;
}

void Match::declineRematch(game::Seat seat, const ConnectionPtr& from) {
  std::lock_guard lock(mutex_);
  if (!rematchOpen_ || player(seat).connection != from) return;  // the wait is over anyway
  logEvent(from->peer(), label() + ": " + player(seat).name + " declines a rematch");
  closeRematch(proto::RematchDecline{});
}

void Match::refuseRematch(proto::ErrorCode code, std::string_view why) {
  std::lock_guard lock(mutex_);
  if (!rematchOpen_) return;
  proto::Error error;
  error.code = code;
  proto::setText(error.text, why);
  closeRematch(error);
}

bool Match::handOver(const std::shared_ptr<Match>& next, const std::array<proto::Token, 2>& tokens) {
  std::lock_guard lock(mutex_);
  if (!rematchOpen_ || !players_[0].connection || !players_[1].connection) return false;
  assert(next->setup().kind == config_.setup.kind && next->timeControl() == config_.timeControl);
  rematchOpen_ = false;
  rematchBy_ = game::Seat::None;
  if (rematchTimer_ != 0) timers_.cancel(rematchTimer_);
  rematchTimer_ = 0;
  successor_ = next;
  if (!codeDigest_.empty()) {
    // A restored private match knows its code only as a digest: so will its rematch.
    std::lock_guard nextLock(next->mutex_);
    next->codeDigest_ = codeDigest_;
  }
  // The colours exchanged: this match's Player2 opens the next one.
  [[maybe_unused]] const auto first =
      next->join(players_[1].connection, game::Seat::Player1, players_[1].name, tokens[0]);
  [[maybe_unused]] const auto second =
      next->join(players_[0].connection, game::Seat::Player2, players_[0].name, tokens[1]);
  assert(std::holds_alternative<game::Seat>(first) && std::holds_alternative<game::Seat>(second));
  logEvent({}, "match " + std::to_string(next->id()) + " is the rematch of " + label());
  releaseEveryone();
  return true;
}

std::optional<std::pair<std::shared_ptr<Match>, game::Seat>> Match::successorOf(const ConnectionPtr& connection) const {
  std::lock_guard lock(mutex_);
  if (!successor_) return std::nullopt;
  const game::Seat seat = successor_->seatOf(connection);
  if (seat == game::Seat::None) return std::nullopt;
  return std::pair{successor_, seat};
}

game::Seat Match::seatOf(const ConnectionPtr& connection) const {
  std::lock_guard lock(mutex_);
  for (game::Seat seat : kSeats)
    if (player(seat).connection == connection) return seat;
  return game::Seat::None;
}

void Match::announceRestart() {
  std::lock_guard lock(mutex_);
  if (over_) return;
  const std::string_view text = started_ ? "the server is restarting: the game goes on after it"
                                         : "the server is restarting: say hello again after it";
  forEveryone([&](const ConnectionPtr& c) { sendError(c, proto::ErrorCode::ServerRestarting, text, timers_); });
}

void Match::suspend() {
  std::lock_guard lock(mutex_);
  if (rematchOpen_) {
    proto::Error error;
    error.code = proto::ErrorCode::ServerShutdown;
    proto::setText(error.text, "the server is shutting down: no rematch");
    closeRematch(error);
  }
  if (over_) return;
  over_ = true;
  cancelTimers();
  if (started_) {
    const auto now = timers_.now();
    clock_.stop(now);
    const auto clocks = clock_.remainingMs(now);
    // No end line: the next server restores the game from here.
    writeRecord([&](record::Writer& w) { return w.event("suspended", game::Seat::None, record::Clock::now(), clocks); });
    record_.reset();
    logEvent({}, label() + " suspended after " + std::to_string(moves_.size()) + " moves");
  }
  forEveryone([&](const ConnectionPtr& c) { hangUp(c, timers_); });
  releaseEveryone();
}

void Match::releaseEveryone() {
  for (Player& p : players_) p.connection.reset();
  spectators_.clear();
}

void Match::sendTo(game::Seat seat, const proto::Packet& packet) {
  if (const ConnectionPtr& c = player(seat).connection) sendPacket(*c, packet);
}

void Match::sendAll(const proto::Packet& packet) {
  assert(mutex_.heldHere());
  const Encoded encoded(packet);
  forEveryone([&](const ConnectionPtr& c) { c->send(encoded.bytes()); });
}

void Match::sendSpectatorCount() {
  proto::Spectators count;
  count.count = static_cast<std::uint16_t>(spectators_.size());
  sendAll(count);
}

void Match::recordEvent(std::string_view what, game::Seat seat) {
  writeNote([&](record::Writer& w) { return w.event(what, seat); });
}

}  // namespace server
