// The status endpoint (game_server --http HOST:PORT): /healthz, /readyz and
// /metrics over plain HTTP for an orchestrator (docs/ARCHITECTURE.md,
// "Status over HTTP").
//
// Why a thread of its own and not the completion port: it serves a scrape
// or a probe every few seconds, not thousands of players, and apart from the
// game it cannot hurt the game: a slow or hostile HTTP client never holds a
// worker, and the sessions, framers and budgets of the game port need not
// learn a second protocol. One thread, blocking in poll() (WSAPoll on
// Windows) through shared/net for at most kTick, runs the same on Linux and
// Windows.
//
// Bounds, since an operator may expose it (it should stay on loopback or a
// private network): at most kMaxClients connections at once (a newcomer past
// them gets a 503 and is closed at once), a request head of at most
// http::kMaxHead bytes within kRequestTime of the connect, one request per
// connection (Connection: close), no body read. Its memory is fixed (a head
// buffer per connection) but for the response being written, at most
// kMaxExposition plus a head; the metrics are read from the server at most
// once per kMetricsAge however many scrapes come, so a flood of scrapes
// costs the game nothing.
//
// Ownership: owns its listening socket, its connections and its thread; the
// source's functions must stay valid until stop() has returned.
// Threading: start() and stop() from one controlling thread (main); the
// source is called on the status thread only.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>

#include "game_server/status/http.h"
#include "game_server/status/metrics.h"
#include "shared/net/socket.h"

namespace server {

struct StatusSource {
  std::function<Readiness()> readiness;  // asked at every /readyz: cheap
  std::function<Metrics()> metrics;      // asked at most once per kMetricsAge
};

// Where --http listens: "127.0.0.1:9100", "[::1]:9100", "0.0.0.0:0" (any free port).
struct HttpAddress {
  std::string host;
  std::uint16_t port = 0;
};
// The address of HOST:PORT, or nullopt with `error` saying what is wrong with `text`.
std::optional<HttpAddress> parseHttpAddress(std::string_view text, std::string& error);

class StatusServer {
 public:
  static constexpr std::size_t kMaxClients = 8;
  static constexpr std::chrono::seconds kRequestTime{2};
  static constexpr std::chrono::seconds kMetricsAge{1};
  // The longest the thread waits in poll(): how soon stop() and an expired request are seen.
  static constexpr std::chrono::milliseconds kTick{100};

  explicit StatusServer(StatusSource source);
  ~StatusServer();  // stop()
  StatusServer(const StatusServer&) = delete;
  StatusServer& operator=(const StatusServer&) = delete;

  // Listens on `address` and starts serving; on failure (the port in use) nothing runs.
  std::error_code start(const HttpAddress& address);
  std::uint16_t port() const { return port_; }
  // Closes every connection and the port; the source is not called after it returns.
  void stop();

 private:
  using Clock = std::chrono::steady_clock;

  // One connection: its request head as it arrives. Free while its socket is closed.
  struct Client {
    net::Socket socket;
    Clock::time_point deadline;
    std::array<char, http::kMaxHead> head;
    std::size_t size = 0;
  };

  void run();
  void acceptNewcomers(Clock::time_point now);
  void receive(Client& client);
  // Sends `response` to `client` as its last words and closes it: the slot is free again.
  static void answer(Client& client, const std::string& response);
  std::string respond(std::string_view head);
  const std::string& metricsText();

  StatusSource source_;
  net::Socket listener_;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
  // The status thread's own:
  std::array<Client, kMaxClients> clients_;
  Clock::time_point acceptPausedUntil_{};  // out of descriptors: accepting waits a tick
  std::string metricsText_;
  Clock::time_point metricsAt_{};
};

}  // namespace server
