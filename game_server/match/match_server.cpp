#include "game_server/match/match_server.h"

#include <atomic>
#include <thread>

#include "game_server/match/log.h"
#include "game_server/match/outbox.h"
#include "game_server/match/rate_limiter.h"
#include "protocol/framer.h"

namespace server {
namespace {

// The chat limit the protocol states: 5 lines in any 10 seconds per connection.
constexpr std::size_t kChatLines = 5;
constexpr std::chrono::seconds kChatWindow{10};

}  // namespace

// Per-connection state, in the connection's context(). Touched only by that
// connection's callbacks, which never run on two threads at once.
struct MatchServer::Session {
  proto::Framer framer;
  std::shared_ptr<Match> match;
  game::Seat seat = game::Seat::None;  // None in a match: a spectator
  RateLimiter chat{kChatLines, kChatWindow};
  // Set by the connection's callbacks, read by its timers on the timer thread.
  std::atomic<bool> greeted{false};
  std::atomic<bool> heard{false};  // something arrived since the last keep-alive round
  bool pingOutstanding = false;    // keep-alive rounds only (one timer thread)
  std::uint64_t pings = 0;
  // The pending hello-timeout or keep-alive timer, cancelled when the
  // connection closes: a timer's callback holds the connection's memory
  // (weakly, but the object shares its allocation with the count), so a
  // burst of dropped connections would otherwise stay in memory until
  // their timers ran out.
  std::atomic<TimerQueue::Id> timer{0};
};

MatchServer::MatchServer(ServerConfig config)
    : config_(std::move(config)),
      lobby_(config_.match, timers_),
      tcp_(TcpServerOptions{config_.host, config_.port, config_.threads},
           TcpServerCallbacks{[this](const ConnectionPtr& c) { onConnection(c); },
                              [this](const ConnectionPtr& c, std::span<const std::byte> b) { onMessage(c, b); },
                              [this](const ConnectionPtr& c) { onClose(c); },
                              [](std::error_code e) { logEvent({}, "accept failed: " + e.message()); }}) {
  context_.from = proto::Sender::Client;
  context_.game = config_.match.setup.kind;
  context_.boardSize = config_.match.setup.boardSize;
}

MatchServer::~MatchServer() { tcp_.stop(); }

std::error_code MatchServer::start() { return tcp_.start(); }

void MatchServer::shutdown(std::chrono::milliseconds linger) {
  tcp_.stopAccepting();
  lobby_.shutdown();
  // Connections without a match (no hello yet) are told too; those in a
  // match were told by it and are already closing.
  for (const ConnectionPtr& c : tcp_.connections()) {
    if (!c->closing()) sendError(c, proto::ErrorCode::ServerShutdown, "the server is shutting down", timers_);
  }
  auto deadline = std::chrono::steady_clock::now() + linger;
  while (!tcp_.connections().empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  tcp_.stop();
}

void MatchServer::onConnection(const ConnectionPtr& connection) {
  auto session = std::make_shared<Session>();
  connection->context() = session;
  logEvent(connection->peer(), "connected");
  // A silent connection must not hold a descriptor for ever.
  session->timer = timers_.schedule(config_.helloTimeout, [this, weak = std::weak_ptr<Connection>(connection),
                                          session = std::weak_ptr<Session>(session)](TimerQueue::Id) {
    ConnectionPtr c = weak.lock();
    std::shared_ptr<Session> s = session.lock();
    if (!c || !s || s->greeted.load() || c->closing()) return;
    logEvent(c->peer(), "no hello in time");
    sendError(c, proto::ErrorCode::Timeout, "no hello within " + std::to_string(config_.helloTimeout.count()) + " s",
              timers_);
  });
}

void MatchServer::keepAlive(const ConnectionPtr& connection) {
  Session& session = *std::any_cast<std::shared_ptr<Session>&>(connection->context());
  session.timer = timers_.schedule(config_.pingInterval, [this, weak = std::weak_ptr<Connection>(connection)](
                                                             TimerQueue::Id) {
    ConnectionPtr c = weak.lock();
    if (!c || c->closing()) return;
    Session& s = *std::any_cast<std::shared_ptr<Session>&>(c->context());
    if (s.heard.exchange(false)) {
      s.pingOutstanding = false;
    } else if (s.pingOutstanding) {
      // A whole interval without a byte after our ping: the peer is gone
      // without a word (cable, crash, sleep). Drop it now so its seat's
      // grace period starts; a live peer that ignores pings reads why.
      logEvent(c->peer(), "no pong in time");
      proto::Error error;
      error.code = proto::ErrorCode::Timeout;
      proto::setText(error.text, "no answer to a ping");
      sendPacket(*c, error);
      c->close();
      return;
    } else {
      proto::Ping ping;
      ping.nonce = ++s.pings;
      sendPacket(*c, ping);
      s.pingOutstanding = true;
    }
    keepAlive(c);
  });
}

void MatchServer::onMessage(const ConnectionPtr& connection, std::span<const std::byte> bytes) {
  Session& session = *std::any_cast<std::shared_ptr<Session>&>(connection->context());
  session.heard = true;
  auto data = std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  while (!data.empty()) {
    // The framer holds several packets; what does not fit is fed after the
    // packets before it are taken.
    data = data.subspan(session.framer.feed(data));
    for (;;) {
      proto::ReadResult next = session.framer.next(context_);
      if (std::holds_alternative<proto::NeedMore>(next)) break;
      if (const auto* error = std::get_if<proto::ProtocolError>(&next)) {
        logEvent(connection->peer(), "protocol error: " + error->text);
        sendError(connection, error->code, error->text, timers_);
        leaveMatch(session, connection);  // every framer error is fatal: the stream cannot be trusted
        return;
      }
      if (!handle(session, connection, std::get<proto::Parsed>(next).packet)) return;
    }
  }
}

bool MatchServer::handle(Session& session, const ConnectionPtr& connection, const proto::Packet& packet) {
  const proto::Type type = proto::typeOf(packet);
  const proto::Phase phase = session.match ? session.match->phase() : proto::Phase::AwaitingHello;
  if (!proto::allowedIn(type, phase)) {
    std::string text = std::string(proto::name(type)) + " is not expected while " + std::string(proto::name(phase));
    logEvent(connection->peer(), "protocol error: " + text);
    sendError(connection, proto::ErrorCode::UnexpectedPacket, text, timers_);
    return true;  // not fatal: a correct client can lose this race (a move crossing the game's end)
  }
  if (const auto* ping = std::get_if<proto::Ping>(&packet)) {
    proto::Pong pong;
    pong.nonce = ping->nonce;
    pong.sentAtMs = ping->sentAtMs;
    sendPacket(*connection, pong);
  } else if (const auto* hello = std::get_if<proto::Hello>(&packet)) {
    return enter(session, connection, type, lobby_.admit(connection, *hello));
  } else if (const auto* watch = std::get_if<proto::Watch>(&packet)) {
    return enter(session, connection, type, lobby_.watch(connection, *watch));
  } else if (std::holds_alternative<proto::ListMatches>(packet)) {
    sendMatchList(*connection);  // still awaiting a hello: its timeout runs on
  } else if (std::holds_alternative<proto::Chat>(packet) && !session.chat.allow(RateLimiter::Clock::now())) {
    logEvent(connection->peer(), "match " + std::to_string(session.match->id()) + ": chat over the limit, dropped");
    sendError(connection, proto::ErrorCode::ChatLimited,
              "at most " + std::to_string(kChatLines) + " chat lines in " + std::to_string(kChatWindow.count()) +
                  " s; that line was dropped",
              timers_);
  } else if (!std::holds_alternative<proto::Pong>(packet)) {
    // Every packet left belongs to a match phase, so the session has a match.
    session.match->handle(session.seat, connection, packet);
  }
  return !connection->closing();
}

bool MatchServer::enter(Session& session, const ConnectionPtr& connection, proto::Type asked,
                        const std::variant<Lobby::Seated, Refusal>& admitted) {
  if (const auto* refusal = std::get_if<Refusal>(&admitted)) {
    logEvent(connection->peer(), std::string(proto::name(asked)) + " refused: " + refusal->text);
    return !sendError(connection, refusal->code, refusal->text, timers_);
  }
  const auto& seated = std::get<Lobby::Seated>(admitted);
  session.match = seated.match;
  session.seat = seated.seat;
  session.greeted = true;
  timers_.cancel(session.timer);  // the hello timeout's job is done
  keepAlive(connection);
  return !connection->closing();
}

void MatchServer::sendMatchList(Connection& connection) {
  const std::vector<proto::MatchEntry> entries = lobby_.list();
  for (const proto::MatchEntry& entry : entries) sendPacket(connection, entry);
  proto::MatchListEnd end;
  end.count = static_cast<std::uint16_t>(entries.size());
  sendPacket(connection, end);
}

void MatchServer::onClose(const ConnectionPtr& connection) {
  logEvent(connection->peer(), "disconnected");
  Session& session = *std::any_cast<std::shared_ptr<Session>&>(connection->context());
  timers_.cancel(session.timer);
  leaveMatch(session, connection);
}

void MatchServer::leaveMatch(Session& session, const ConnectionPtr& connection) {
  if (session.match) session.match->leave(session.seat, connection);
  session.match.reset();  // a match holds its players' connections: break the cycle
}

}  // namespace server
