#include "game_server/status/status_server.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <span>
#include <variant>

namespace server {

std::optional<HttpAddress> parseHttpAddress(std::string_view text, std::string& error) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    error = "'" + std::string(text) + "' is not HOST:PORT, e.g. 127.0.0.1:9100";
    return std::nullopt;
  }
  std::string_view host = text.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);  // [::1]:9100
  const std::string_view digits = text.substr(colon + 1);
  unsigned port = 0;
  const auto [end, failed] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (host.empty() || digits.empty() || failed != std::errc() || end != digits.data() + digits.size() ||
      port > 65535) {
    error = "'" + std::string(text) + "' is not HOST:PORT with a port from 0 to 65535";
    return std::nullopt;
  }
  return HttpAddress{std::string(host), static_cast<std::uint16_t>(port)};
}

StatusServer::StatusServer(StatusSource source) : source_(std::move(source)) {
  assert(source_.readiness && source_.metrics);
}

StatusServer::~StatusServer() { stop(); }

std::error_code StatusServer::start(const HttpAddress& address) {
  assert(!thread_.joinable() && "started once");
  std::error_code error;
  net::Listener listener = net::listenTcp(address.host, address.port, error);
  if (error) return error;
  // Accepting without blocking: a newcomer that resets between poll() and accept() must not stall the thread.
  if ((error = net::setNonBlocking(listener.socket.native(), true))) return error;
  listener_ = std::move(listener.socket);
  port_ = listener.port;
  thread_ = std::thread([this] { run(); });
  return {};
}

void StatusServer::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  for (Client& client : clients_) client.socket.close();
  listener_.close();
}

void StatusServer::run() {
  // Room for the listener and every connection.
  static_assert(kMaxClients + 1 <= net::kMaxWatched);
  while (!stopping_) {
    std::array<net::Watched, kMaxClients + 1> watched;
    std::array<Client*, kMaxClients + 1> whose{};  // null: the listener
    std::size_t count = 0;
    if (Clock::now() >= acceptPausedUntil_) watched[count++] = {listener_.native()};
    for (Client& client : clients_) {
      if (!client.socket) continue;
      whose[count] = &client;
      watched[count++] = {client.socket.native()};
    }
    std::error_code error;
    if (net::waitReadable(std::span(watched).first(count), kTick, error) == 0 && error) {
      std::this_thread::sleep_for(kTick);  // poll itself failed: do not spin on it
      continue;
    }
    const auto now = Clock::now();
    for (std::size_t i = 0; i < count; ++i) {
      if (!watched[i].ready) continue;
      if (whose[i]) {
        receive(*whose[i]);
      } else {
        acceptNewcomers(now);
      }
    }
    for (Client& client : clients_) {
      if (client.socket && now >= client.deadline) {
        answer(client, http::response(408, "the request did not arrive within " +
                                               std::to_string(kRequestTime.count()) + " s\n"));
      }
    }
  }
}

void StatusServer::acceptNewcomers(Clock::time_point now) {
  // Bounded, so a flood of connects cannot keep the thread from the requests it has.
  constexpr int kAcceptsPerRound = 64;
  for (int i = 0; i < kAcceptsPerRound; ++i) {
    std::error_code error;
    net::Socket socket = net::acceptConnection(listener_.native(), error);
    if (!socket) {
      // Would block (nobody left), a newcomer gone already, or no descriptor left: then the listener stays
      // readable, so it is left alone for a tick rather than polled in a busy loop.
      if (net::outOfDescriptors(error)) acceptPausedUntil_ = now + kTick;
      return;
    }
    auto free = std::find_if(clients_.begin(), clients_.end(), [](const Client& c) { return !c.socket; });
    if (free == clients_.end()) {
      const std::string busy = http::response(
          503, "busy: at most " + std::to_string(kMaxClients) + " status connections at once\n");
      net::closeWithLastWords(std::move(socket), std::as_bytes(std::span(busy)));
      continue;
    }
    free->socket = std::move(socket);
    free->deadline = now + kRequestTime;
    free->size = 0;
  }
}

void StatusServer::receive(Client& client) {
  std::error_code error;
  const auto room = std::as_writable_bytes(std::span(client.head).subspan(client.size));
  const std::size_t n = net::receiveSome(client.socket.native(), room, std::chrono::milliseconds(0), error);
  if (error == std::errc::timed_out) return;  // nothing to read after all
  if (n == 0) {
    client.socket.close();  // gone before its request was whole: nobody to answer
    return;
  }
  const std::string_view fresh(client.head.data() + client.size, n);
  client.size += n;
  const std::string_view received(client.head.data(), client.size);
  if (!http::mayBeHead(fresh)) return answer(client, http::response(400, "bad request: bytes that are not text\n"));
  if (const std::size_t end = http::headEnd(received)) return answer(client, respond(received.substr(0, end)));
  if (client.size == client.head.size()) {
    answer(client, http::response(400, "bad request: the request head is longer than " +
                                           std::to_string(http::kMaxHead) + " bytes\n"));
  }
}

void StatusServer::answer(Client& client, const std::string& response) {
  net::closeWithLastWords(std::move(client.socket), std::as_bytes(std::span(response)));
}

std::string StatusServer::respond(std::string_view head) {
  const auto parsed = http::parseHead(head);
  if (const auto* why = std::get_if<std::string>(&parsed)) return http::response(400, "bad request: " + *why + "\n");
  const http::Request& request = std::get<http::Request>(parsed);
  const bool headOnly = request.method == "HEAD";
  if (request.method != "GET" && !headOnly) return http::response(405, "only GET and HEAD are served here\n");
  if (request.path == "/healthz") return http::response(200, "ok\n", http::kPlainText, !headOnly);
  if (request.path == "/readyz") {
    const Readiness readiness = source_.readiness();
    return http::response(readiness == Readiness::Serving ? 200 : 503, std::string(describe(readiness)) + "\n",
                          http::kPlainText, !headOnly);
  }
  if (request.path == "/metrics") return http::response(200, metricsText(), http::kPrometheusText, !headOnly);
  return http::response(404, "not found: /healthz, /readyz and /metrics are served here\n", http::kPlainText,
                        !headOnly);
}

const std::string& StatusServer::metricsText() {
  const auto now = Clock::now();
  if (metricsText_.empty() || now - metricsAt_ >= kMetricsAge) {
    metricsText_ = exposition(source_.metrics());
    metricsAt_ = now;
  }
  return metricsText_;
}

}  // namespace server
