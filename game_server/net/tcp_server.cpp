#include "game_server/net/tcp_server.h"

#include <algorithm>
#include <cassert>
#include <optional>

namespace server {

TcpServer::TcpServer(TcpServerOptions options, TcpServerCallbacks callbacks, TimerQueue& timers)
    : options_(std::move(options)),
      callbacks_(std::move(callbacks)),
      timers_(timers),
      port_(std::make_shared<CompletionPort>(options_.io)) {}

TcpServer::~TcpServer() { stop(); }

std::error_code TcpServer::listen() {
  assert(!listener_ && !acceptor_ && "listens once");
  std::error_code error;
  net::Listener listener = net::listenTcp(options_.host, options_.port, error);
  if (error) return error;
  boundPort_ = listener.port;
  listener_ = std::move(listener.socket);
  return {};
}

std::error_code TcpServer::start() {
  if (!listener_) {
    if (std::error_code error = listen()) return error;
  }
  acceptor_ = std::make_unique<Acceptor>(
      *port_, timers_, std::move(listener_), options_.pendingAccepts,
      [this](net::Socket s) { onAccepted(std::move(s)); },
      [this](net::Socket s) {
        std::string peer = net::peerAddress(s.native());
        turnAway(std::move(s), {TurnedAway::Reason::OutOfDescriptors, std::move(peer), 0});
      },
      callbacks_.onAcceptError);
  int threads = options_.threads > 0 ? options_.threads : static_cast<int>(std::thread::hardware_concurrency());
  for (int i = 0; i < std::max(threads, 1); ++i) workers_.emplace_back([this] { runWorker(); });
  acceptor_->start();
  accepting_ = true;
  return {};
}

void TcpServer::stopAccepting() {
  if (!accepting_) return;
  accepting_ = false;
  acceptor_->stop();
  // Every accept came back: the registration can go, and with it the port.
  acceptor_.reset();
}

void TcpServer::stop() {
  if (workers_.empty()) return;
  stopAccepting();
  for (const ConnectionPtr& c : connections()) c->close();
  port_->wake(static_cast<int>(workers_.size()));
  for (std::thread& t : workers_) t.join();
  workers_.clear();
  // Completions queued behind the wake-ups (the cancelled operations of the
  // connections just closed) are handled here, the only thread left, so no
  // connection stays pinned by an operation that never came back.
  CompletionBatch batch;
  while (port_->dequeue(batch, std::chrono::milliseconds::zero()) > 0 || port_->inFlight() > 0) dispatch(batch);
}

std::size_t TcpServer::connectionCount() const {
  std::lock_guard lock(mutex_);
  return connections_.size();
}

std::vector<ConnectionPtr> TcpServer::connections() const {
  std::lock_guard lock(mutex_);
  std::vector<ConnectionPtr> all;
  all.reserve(connections_.size());
  for (const auto& [id, c] : connections_) all.push_back(c);
  return all;
}

void TcpServer::onAccepted(net::Socket socket) {
  std::string peer = net::peerAddress(socket.native());
  const std::string host = net::addressGroup(peer);
  // Accepts are handled one at a time (the listener is one registration),
  // so no other accept can slip in between this check and the insert below.
  std::optional<TurnedAway> refused;
  {
    std::lock_guard lock(mutex_);
    if (options_.maxConnections != 0 && connections_.size() >= options_.maxConnections) {
      refused = TurnedAway{TurnedAway::Reason::ServerFull, peer, options_.maxConnections};
    } else if (options_.maxPerAddress != 0 && perAddress_[host] >= options_.maxPerAddress) {
      refused = TurnedAway{TurnedAway::Reason::AddressFull, peer, options_.maxPerAddress};
    }
  }
  if (refused) {
    turnAway(std::move(socket), *refused);
    return;
  }
  net::setNoDelay(socket.native(), true);
  ConnectionCallbacks callbacks{callbacks_.onMessage, [this](const ConnectionPtr& c) { onClosed(c); }};
  auto connection = std::make_shared<Connection>(port_, std::move(socket), std::move(peer), nextId_++,
                                                 std::move(callbacks), options_.sendLimit);
  {
    std::lock_guard lock(mutex_);
    connections_.emplace(connection->id(), connection);
    if (options_.maxPerAddress != 0) ++perAddress_[host];
  }
  if (callbacks_.onConnection) callbacks_.onConnection(connection);
  connection->start();
}

void TcpServer::turnAway(net::Socket socket, TurnedAway why) {
  std::vector<std::byte> words;
  if (callbacks_.onTurnedAway) words = callbacks_.onTurnedAway(why);
  net::closeWithLastWords(std::move(socket), words);
}

void TcpServer::onClosed(const ConnectionPtr& connection) {
  {
    std::lock_guard lock(mutex_);
    connections_.erase(connection->id());
    if (options_.maxPerAddress != 0) {
      auto it = perAddress_.find(net::addressGroup(connection->peer()));
      assert(it != perAddress_.end() && it->second > 0 && "every connection was counted at its address");
      if (--it->second == 0) perAddress_.erase(it);
    }
  }
  if (callbacks_.onClose) callbacks_.onClose(connection);
}

void TcpServer::dispatch(const CompletionBatch& batch) {
  for (const Completion& c : batch.completions()) {
    if (!c.isWake()) c.key->onCompletion(*c.op, c.bytes, c.error);
  }
}

void TcpServer::runWorker() {
  CompletionBatch batch;
  for (;;) {
    port_->dequeue(batch, CompletionPort::kInfinite);
    if (batch.completions().size() == 1 && batch.completions()[0].isWake()) return;
    dispatch(batch);
  }
}

}  // namespace server
