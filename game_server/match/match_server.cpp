#include "game_server/match/match_server.h"

#include <atomic>
#include <cassert>
#include <thread>

#include "game_server/match/log.h"
#include "game_server/match/outbox.h"
#include "game_server/match/session_timer.h"
#include "game_server/status/counters.h"
#include "shared/protocol/framer.h"

namespace server {

// Per-connection state, in the connection's context(). Touched only by that
// connection's callbacks, which never run on two threads at once, except
// where a member says otherwise.
struct MatchServer::Session {
  explicit Session(TimerQueue& timers) : timer(timers) {}

  proto::Framer framer;
  // What the framer checks packets against: from a client, and once in a
  // match its game and board (moves are refused before that anyway).
  proto::Context context{proto::Sender::Client, std::nullopt, 0};
  std::shared_ptr<Match> match;
  game::Seat seat = game::Seat::None;  // None in a match: a spectator
  Budget budget;
  // The hello timeout, then the keep-alive rounds; any thread.
  SessionTimer timer;
  // Set by the connection's callbacks, read by its timers on the timer thread.
  std::atomic<bool> heard{false};  // something arrived since the last keep-alive round
  bool pingOutstanding = false;    // keep-alive rounds only (one timer thread)
  std::uint64_t pings = 0;
};

MatchServer::Session& MatchServer::sessionOf(Connection& connection) {
  return *std::any_cast<std::shared_ptr<Session>&>(connection.context());
}

namespace {

proto::Error errorPacket(proto::ErrorCode code, std::string_view text) {
  proto::Error error;
  error.code = code;
  proto::setText(error.text, text);
  return error;
}

constexpr std::chrono::seconds kThrottle{1};

}  // namespace

std::string MatchServer::Throttle::pass(std::string line, TimerQueue::Clock::time_point now) {
  std::lock_guard lock(mutex_);
  ++total_;
  if (last_ != TimerQueue::Clock::time_point{} && now - last_ < kThrottle) {
    ++heldBack_;
    return {};
  }
  last_ = now;
  if (heldBack_ != 0) line += " (and " + std::to_string(heldBack_) + " more like it before, not shown)";
  heldBack_ = 0;
  return line;
}

std::size_t MatchServer::Throttle::heldBack() {
  std::lock_guard lock(mutex_);
  return std::exchange(heldBack_, 0);
}

namespace {

MatchConfig withStore(MatchConfig config, MatchStore* store) {
  config.store = store;
  return config;
}

}  // namespace

MatchServer::MatchServer(ServerConfig config)
    : config_(std::move(config)),
      store_(config_.records ? std::make_unique<RecordDirectory>(config_.recordDir) : nullptr),
      lobby_(withStore(config_.match, store_.get()), config_.hosting, timers_),
      tcp_(TcpServerOptions{config_.host, config_.port, config_.threads, 4, Connection::kDefaultSendLimit,
                            config_.maxConnections, config_.maxPerAddress, config_.io},
           TcpServerCallbacks{[this](const ConnectionPtr& c) { onConnection(c); },
                              [this](const ConnectionPtr& c, std::span<const std::byte> b) { onMessage(c, b); },
                              [this](const ConnectionPtr& c) { onClose(c); },
                              [this](std::error_code e) { onAcceptError(e); },
                              [this](const TurnedAway& why) { return onTurnedAway(why); }},
           timers_) {}

MatchServer::~MatchServer() { tcp_.stop(); }

std::error_code MatchServer::start() {
  // The port first: a second server started by mistake on the same
  // directory must fail before it appends to the first one's records.
  if (std::error_code error = tcp_.listen()) return error;
  recover();
  if (std::error_code error = tcp_.start()) return error;
  readiness_ = Readiness::Serving;
  return {};
}

Metrics MatchServer::metrics() {
  Metrics m;
  m.connections = tcp_.connectionCount();
  m.matches = lobby_.census();
  m.movesAccepted = counters().movesAccepted();
  m.sendQueueDrops = Connection::sendQueueDrops();
  for (std::size_t reason = 0; reason < kRefusalReasons; ++reason) m.refusals[reason] = counters().refusals(reason);
  m.start = processStart();
  return m;
}

StatusSource MatchServer::statusSource() {
  return {[this] { return readiness(); }, [this] { return metrics(); }};
}

void MatchServer::recover() {
  if (!store_) return;
  if (!store_->keyProblem().empty())
    logEvent({}, "records: " + store_->keyProblem() + "; games of this run cannot be resumed after a restart");
  Recovery recovery = store_->recover();
  for (const std::string& problem : recovery.problems) logEvent({}, "not resumed: " + problem);
  for (const std::string& done : recovery.completed) logEvent({}, "finished: " + done + "; the end line is written now");
  const std::size_t found = recovery.unfinished.size();
  lobby_.restore(std::move(recovery.unfinished), recovery.highestId);
  if (found != 0 || !recovery.problems.empty())
    logEvent({}, "recovery: " + std::to_string(found) + " unfinished matches found, " +
                     std::to_string(recovery.problems.size()) + " records left as they are");
}

void MatchServer::stop(std::chrono::seconds drain, const std::function<bool()>& hurry,
                       std::chrono::milliseconds linger) {
  readiness_ = Readiness::Draining;
  tcp_.stopAccepting();
  lobby_.announceRestart();
  const auto until = std::chrono::steady_clock::now() + drain;
  while (std::chrono::steady_clock::now() < until && !hurry() && lobby_.running() != 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  lobby_.suspend();
  // Connections without a match (no hello yet) are told too; those in a
  // match were hung up on by it and are already closing.
  for (const ConnectionPtr& c : tcp_.connections()) {
    if (!c->closing()) sendError(c, proto::ErrorCode::ServerShutdown, "the server is shutting down", timers_);
  }
  auto deadline = std::chrono::steady_clock::now() + linger;
  while (!tcp_.connections().empty() && std::chrono::steady_clock::now() < deadline && !hurry()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  tcp_.stop();
  if (const std::size_t n = turnedAway_.heldBack()) logEvent({}, std::to_string(n) + " more turned away, not shown");
  if (const std::size_t n = acceptErrors_.heldBack()) logEvent({}, std::to_string(n) + " more failed accepts, not shown");
}

std::vector<std::byte> MatchServer::onTurnedAway(const TurnedAway& why) {
  std::string text;
  switch (why.reason) {
    case TurnedAway::Reason::ServerFull:
      text = "the server is full: it serves at most " + std::to_string(why.limit) + " connections";
      break;
    case TurnedAway::Reason::AddressFull:
      text = "too many connections from " + net::addressGroup(why.peer) + ": at most " +
             std::to_string(why.limit) + " from one address";
      break;
    case TurnedAway::Reason::OutOfDescriptors: text = "the server is full: it has no descriptor left"; break;
  }
  counters().refused(proto::ErrorCode::ServerFull);
  if (std::string line = turnedAway_.pass("turned away: " + text, timers_.now()); !line.empty())
    logEvent(why.peer, line);
  std::vector<std::uint8_t> bytes;
  proto::append(bytes, errorPacket(proto::ErrorCode::ServerFull, text));
  const auto words = std::as_bytes(std::span(bytes));
  return {words.begin(), words.end()};
}

void MatchServer::onAcceptError(std::error_code error) {
  if (std::string line = acceptErrors_.pass("accept failed: " + net::errorText(error), timers_.now()); !line.empty())
    logEvent({}, line);
}

void MatchServer::onConnection(const ConnectionPtr& connection) {
  auto session = std::make_shared<Session>(timers_);
  connection->context() = session;
  logEvent(connection->peer(), "connected");  // once per connection: outside its budget
  // A silent connection must not hold a descriptor for ever.
  session->timer.arm(config_.helloTimeout, [this, weak = std::weak_ptr<Connection>(connection),
                                            session = std::weak_ptr<Session>(session)](TimerQueue::Id) {
    ConnectionPtr c = weak.lock();
    std::shared_ptr<Session> s = session.lock();
    if (!c || !s || c->closing() || !s->timer.expire()) return;  // gone, or the hello won
    logEvent(c->peer(), "no hello in time");  // the timer thread: not the session's budget, once per connection
    counters().refused(proto::ErrorCode::Timeout);
    sendError(c, proto::ErrorCode::Timeout, "no hello within " + std::to_string(config_.helloTimeout.count()) + " s",
              timers_);
  });
}

void MatchServer::keepAlive(const ConnectionPtr& connection) {
  sessionOf(*connection).timer.arm(config_.pingInterval, [this, weak = std::weak_ptr<Connection>(connection)](
                                                             TimerQueue::Id) {
    ConnectionPtr c = weak.lock();
    if (!c || c->closing()) return;
    Session& s = sessionOf(*c);
    if (s.heard.exchange(false)) {
      s.pingOutstanding = false;
    } else if (s.pingOutstanding) {
      // A whole interval without a byte after our ping: the peer is gone
      // without a word (cable, crash, sleep). Drop it now so its seat's
      // grace period starts; a live peer that ignores pings reads why.
      logEvent(c->peer(), "no pong in time");
      counters().refused(proto::ErrorCode::Timeout);
      sendPacket(*c, errorPacket(proto::ErrorCode::Timeout, "no answer to a ping"));
      c->close();
      return;
    } else {
      proto::Ping ping;
      ping.nonce = ++s.pings;
      sendPacket(*c, ping);
      s.pingOutstanding = true;
    }
    keepAlive(c);  // arms nothing once the connection has closed
  });
}

void MatchServer::onMessage(const ConnectionPtr& connection, std::span<const std::byte> bytes) {
  Session& session = sessionOf(*connection);
  session.heard = true;
  auto data = std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  while (!data.empty()) {
    // The framer holds several packets; what does not fit is fed after the
    // packets before it are taken.
    data = data.subspan(session.framer.feed(data));
    for (;;) {
      proto::ReadResult next = session.framer.next(session.context);
      if (std::holds_alternative<proto::NeedMore>(next)) break;
      if (const auto* error = std::get_if<proto::ProtocolError>(&next)) {
        log(session, connection, "protocol error: " + error->text);
        counters().refused(error->code);
        sendError(connection, error->code, error->text, timers_);
        leaveMatch(session, connection);  // every framer error is fatal: the stream cannot be trusted
        return;
      }
      if (!handle(session, connection, std::get<proto::Parsed>(next).packet)) return;
    }
  }
}

bool MatchServer::allow(Session& session, const ConnectionPtr& connection, Action action) {
  switch (session.budget.spend(action, timers_.now())) {
    case Budget::Verdict::Allowed: return true;
    case Budget::Verdict::Limited:
      counters().refused(proto::ErrorCode::RateLimited);
      log(session, connection, "over the limit: " + describe(action));
      sendError(connection, proto::ErrorCode::RateLimited, describe(action) + "; this one was dropped", timers_);
      return false;
    case Budget::Verdict::Flooding:
      counters().refused(proto::ErrorCode::Flooding);
      log(session, connection, "dropped for flooding");
      sendError(connection, proto::ErrorCode::Flooding,
                "past the rate limits " + std::to_string(kStrikes.events) + " times in " +
                    std::to_string(kStrikes.window.count()) + " s; disconnected",
                timers_);
      leaveMatch(session, connection);
      return false;
  }
  return false;
}

void MatchServer::refuse(Session& session, const ConnectionPtr& connection, const PacketRefusal& refused) {
  // Counted as refused whether or not the budget lets the answer go out.
  if (const auto* error = std::get_if<proto::Error>(&refused.answer)) {
    counters().refused(error->code);
  } else {
    assert(std::holds_alternative<proto::MoveRejected>(refused.answer));
    counters().moveRejected();
  }
  if (!allow(session, connection, Action::Refusal)) return;
  sendPacket(*connection, refused.answer);
  log(session, connection, refused.why);
}

void MatchServer::log(Session& session, const ConnectionPtr& connection, std::string_view what) {
  if (session.budget.mayLog(timers_.now())) logEvent(connection->peer(), what);
}

void MatchServer::follow(Session& session, const ConnectionPtr& connection) {
  while (auto next = session.match->successorOf(connection)) std::tie(session.match, session.seat) = *next;
}

bool MatchServer::handle(Session& session, const ConnectionPtr& connection, const proto::Packet& packet) {
  const proto::Type type = proto::typeOf(packet);
  proto::Phase phase = session.match ? session.match->phase() : proto::Phase::AwaitingHello;
  if (phase == proto::Phase::Over) {
    // The player may have gone on to a rematch; only then is the lookup paid.
    follow(session, connection);
    phase = session.match->phase();
  }
  if (!proto::allowedIn(type, phase)) {
    // Not fatal: a correct client can lose this race (a move crossing the game's end).
    std::string text = std::string(proto::name(type)) + " is not expected while " + std::string(proto::name(phase));
    refuse(session, connection, {errorPacket(proto::ErrorCode::UnexpectedPacket, text), "protocol error: " + text});
    return !connection->finishing();
  }
  // Actions with a budget of their own are spent before the work.
  const auto spend = [&](Action action) { return allow(session, connection, action); };
  // Every packet left belongs to a match phase, so the session has a match.
  const auto toMatch = [&] {
    if (auto refused = session.match->handle(session.seat, connection, packet)) refuse(session, connection, *refused);
    return true;
  };
  const bool goOn = std::visit(
      proto::Overloaded{
          [&](const proto::Ping& ping) {
            if (spend(Action::Ping)) sendPacket(*connection, proto::Pong{{}, ping.nonce, ping.sentAtMs});
            return true;
          },
          [](const proto::Pong&) { return true; },  // heard: that is all a pong is for
          [&](const proto::Hello& hello) {
            // False when it timed out while the hello was on its way.
            return session.timer.greet() && enter(session, connection, type, lobby_.admit(connection, hello));
          },
          [&](const proto::Watch& watch) {
            return session.timer.greet() && enter(session, connection, type, lobby_.watch(connection, watch));
          },
          [&](const proto::ListMatches&) {
            if (spend(Action::MatchList)) sendMatchList(*connection);  // still awaiting a hello: its timeout runs on
            return true;
          },
          // Over its limit an action is told and not done; the reading goes on.
          [&](const proto::Chat&) { return !spend(Action::Chat) || toMatch(); },
          [&](const proto::DrawOffer&) { return !spend(Action::DrawOffer) || toMatch(); },
          [&](const proto::TakebackRequest&) { return !spend(Action::TakebackRequest) || toMatch(); },
          [&](const proto::RematchOffer&) {
            if (!spend(Action::RematchOffer)) return true;
            const std::shared_ptr<Match> finished = session.match;
            auto answer = finished->offerRematch(session.seat, connection);
            if (const auto* refused = std::get_if<PacketRefusal>(&answer)) {
              refuse(session, connection, *refused);
            } else if (std::get<Match::RematchAnswer>(answer) == Match::RematchAnswer::Agreed) {
              lobby_.rematch(finished);
              follow(session, connection);
            }
            return true;
          },
          [&](const proto::RematchDecline&) {
            session.match->declineRematch(session.seat, connection);
            return true;
          },
          [&]<typename P>(const P&)
            requires proto::OneOf<P, proto::Move, proto::Decide, proto::Resign, proto::DrawAccept, proto::DrawDecline,
                                  proto::DrawClaim, proto::TakebackAccept, proto::TakebackDecline>
          { return toMatch(); },
          [](const proto::FromServerOnly auto&) {
            assert(false && "the decoder refuses what only a server sends");
            return false;
          },
      },
      packet);
  return goOn && !connection->finishing();
}

bool MatchServer::enter(Session& session, const ConnectionPtr& connection, proto::Type asked,
                        const std::variant<Lobby::Seated, Refusal>& admitted) {
  if (const auto* refusal = std::get_if<Refusal>(&admitted)) {
    counters().refused(refusal->code);
    log(session, connection, std::string(proto::name(asked)) + " refused: " + refusal->text);
    return !sendError(connection, refusal->code, refusal->text, timers_);
  }
  const auto& seated = std::get<Lobby::Seated>(admitted);
  session.match = seated.match;
  session.seat = seated.seat;
  session.context.game = seated.match->setup().kind;
  session.context.boardSize = seated.match->setup().boardSize;
  keepAlive(connection);
  return !connection->finishing();
}

void MatchServer::sendMatchList(Connection& connection) {
  const Lobby::List entries = lobby_.list();
  std::vector<std::uint8_t> bytes;
  bytes.reserve(entries->size() * sizeof(proto::MatchEntry) + sizeof(proto::MatchListEnd));
  for (const proto::MatchEntry& entry : *entries) proto::append(bytes, entry);
  proto::MatchListEnd end;
  end.count = static_cast<std::uint16_t>(entries->size());
  proto::append(bytes, end);
  connection.send(std::as_bytes(std::span(bytes)));
}

void MatchServer::onClose(const ConnectionPtr& connection) {
  Session& session = sessionOf(*connection);
  logEvent(connection->peer(), "disconnected");
  session.timer.close();
  leaveMatch(session, connection);
}

void MatchServer::leaveMatch(Session& session, const ConnectionPtr& connection) {
  if (!session.match) return;
  follow(session, connection);
  session.match->leave(session.seat, connection);
  session.match.reset();  // a match holds its players' connections: break the cycle
}

}  // namespace server
