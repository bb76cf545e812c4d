// The status endpoint (game_server --http): each page read with a plain
// HTTP client (a raw socket), the metrics following a game, /readyz while
// draining, and the bounds a hostile HTTP client meets while a game beside
// it plays on. Plus the plain parts (request heads, the exposition) alone.
#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "game_server/status/http.h"
#include "game_server/status/metrics.h"
#include "game_server/status/status_server.h"
#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;
namespace http = server::http;

// ---- the plain parts ----

TEST(StatusHttp, AHeadIsJudgedWholeAndJunkAsItArrives) {
  EXPECT_EQ(http::headEnd("GET / HTTP/1.1\r\nHost: a\r\n"), 0u);
  EXPECT_EQ(http::headEnd("GET / HTTP/1.1\r\nHost: a\r\n\r\nbody"), 27u);
  EXPECT_EQ(http::headEnd("GET / HTTP/1.0\n\n"), 16u);
  EXPECT_TRUE(http::mayBeHead("GET /metrics HTTP/1.1\r\n\tx"));
  EXPECT_FALSE(http::mayBeHead(std::string("GET \0", 5)));
  EXPECT_FALSE(http::mayBeHead("\x16\x03\x01"));  // a TLS hello
  EXPECT_FALSE(http::mayBeHead("caf\xc3\xa9"));

  const auto request = http::parseHead("HEAD /metrics?x=1 HTTP/1.1\r\nhOsT: 127.0.0.1\r\nAccept: */*\r\n\r\n");
  ASSERT_TRUE(std::holds_alternative<http::Request>(request)) << std::get<std::string>(request);
  EXPECT_EQ(std::get<http::Request>(request).method, "HEAD");
  EXPECT_EQ(std::get<http::Request>(request).path, "/metrics");
  EXPECT_TRUE(std::holds_alternative<http::Request>(http::parseHead("GET /readyz HTTP/1.0\r\n\r\n")));

  for (const char* bad : {"GET /healthz\r\n\r\n", "GET  /healthz HTTP/1.1\r\nHost: a\r\n\r\n",
                          "GET healthz HTTP/1.1\r\nHost: a\r\n\r\n", "GET /healthz HTTP/2.0\r\nHost: a\r\n\r\n",
                          "G(T /healthz HTTP/1.1\r\nHost: a\r\n\r\n", "GET /healthz HTTP/1.1\r\n\r\n",
                          "GET /healthz HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
                          "GET /healthz HTTP/1.1\r\nHost a\r\n\r\n", "GET /a\rb HTTP/1.1\r\nHost: a\r\n\r\n"}) {
    const auto refused = http::parseHead(bad);
    ASSERT_TRUE(std::holds_alternative<std::string>(refused)) << bad;
    EXPECT_FALSE(std::get<std::string>(refused).empty());
  }
}

TEST(StatusHttp, ResponsesCloseAndHeadLeavesTheBodyOut) {
  EXPECT_EQ(http::response(200, "ok\n"), "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
                                         "Content-Length: 3\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nok\n");
  const std::string head = http::response(405, "no\n", http::kPlainText, false);
  EXPECT_NE(head.find("Allow: GET, HEAD\r\n"), std::string::npos);
  EXPECT_NE(head.find("Content-Length: 3\r\n"), std::string::npos);
  EXPECT_EQ(head.substr(head.size() - 4), "\r\n\r\n");
}

TEST(StatusHttp, AnAddressIsHostColonPort) {
  std::string error;
  const auto v4 = server::parseHttpAddress("127.0.0.1:9100", error);
  ASSERT_TRUE(v4);
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 9100);
  const auto v6 = server::parseHttpAddress("[::1]:0", error);
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 0);
  for (const char* bad : {"9100", ":9100", "localhost:", "localhost:http", "localhost:65536", "localhost:-1"}) {
    error.clear();
    EXPECT_FALSE(server::parseHttpAddress(bad, error)) << bad;
    EXPECT_NE(error.find(bad), std::string::npos) << error;
  }
}

TEST(StatusMetrics, EveryFamilyHasHelpAndTypeAndCountersEndInTotal) {
  server::Metrics m;
  m.connections = 3;
  m.matches = {.waiting = 1, .running = 2, .recordsOpen = 2, .spectators = 4};
  m.movesAccepted = 17;
  m.refusals[server::kMoveRejected] = 5;
  m.refusals[static_cast<std::size_t>(proto::ErrorCode::RateLimited)] = 6;
  m.start = std::chrono::system_clock::time_point(std::chrono::milliseconds(1'700'000'000'123));
  const std::string text = server::exposition(m);
  for (const char* line : {"game_server_connections 3\n", "game_server_matches{state=\"waiting\"} 1\n",
                           "game_server_matches{state=\"running\"} 2\n", "game_server_spectators 4\n",
                           "game_server_records_open 2\n", "game_server_moves_accepted_total 17\n",
                           "game_server_send_queue_drops_total 0\n",
                           "game_server_refusals_total{reason=\"move-rejected\"} 5\n",
                           "game_server_refusals_total{reason=\"rate-limited\"} 6\n",
                           "game_server_refusals_total{reason=\"server-full\"} 0\n",
                           "process_start_time_seconds 1700000000.123\n"}) {
    EXPECT_NE(text.find(line), std::string::npos) << line << " not in\n" << text;
  }
  std::size_t families = 0;
  for (std::size_t at = text.find("# TYPE "); at != std::string::npos; at = text.find("# TYPE ", at + 1)) {
    ++families;
    const std::string line = text.substr(at, text.find('\n', at) - at);
    const std::string name = line.substr(7, line.find(' ', 7) - 7);
    EXPECT_NE(text.find("# HELP " + name + " "), std::string::npos) << name;
    EXPECT_EQ(line.ends_with(" counter"), name.ends_with("_total")) << line;
  }
  EXPECT_EQ(families, 8u);
  EXPECT_LE(text.size(), server::kMaxExposition);
}

// ---- against a real server ----

struct Reply {
  int status = 0;
  std::string head;
  std::string body;
  bool closed = false;  // the server ended the stream
};

// Reads what the server sends on `socket` up to its end of stream, at most `timeout`.
Reply readReply(net::Socket& socket, std::chrono::milliseconds timeout = 5s) {
  Reply reply;
  std::string all;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    std::array<std::byte, 4096> buffer;
    std::error_code error;
    const std::size_t n = net::receiveSome(socket.native(), buffer, left, error);
    if (error == std::errc::timed_out) break;
    if (n == 0) {
      reply.closed = true;
      break;
    }
    all.append(reinterpret_cast<const char*>(buffer.data()), n);
  }
  const std::size_t end = all.find("\r\n\r\n");
  reply.head = all.substr(0, end);
  if (end != std::string::npos) reply.body = all.substr(end + 4);
  if (all.starts_with("HTTP/1.1 ") && all.size() >= 12) reply.status = std::stoi(all.substr(9, 3));
  return reply;
}

net::Socket connectTo(std::uint16_t port) {
  std::error_code error;
  net::Socket socket = net::connectTcp("127.0.0.1", port, 5s, error);
  EXPECT_TRUE(socket.valid()) << error.message();
  return socket;
}

void send(net::Socket& socket, std::string_view bytes) {
  (void)net::sendAll(socket.native(), std::as_bytes(std::span(bytes)));  // a refusal shows in the reply
}

Reply ask(std::uint16_t port, std::string_view request) {
  net::Socket socket = connectTo(port);
  send(socket, request);
  return readReply(socket);
}

Reply get(std::uint16_t port, std::string_view path, std::string_view method = "GET") {
  return ask(port, std::string(method) + " " + std::string(path) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

std::uint16_t httpPort(Server& server) {
  const std::optional<std::string> line = server.nextLine();
  const std::string prefix = "http on ";
  if (!line || !line->starts_with(prefix)) {
    ADD_FAILURE() << "no 'http on PORT' line; the log:\n" << server.log();
    return 0;
  }
  return static_cast<std::uint16_t>(std::stoi(line->substr(prefix.size())));
}

// The value of the sample `name` ("game_server_matches{state=\"running\"}") in an exposition.
std::optional<double> sampleOf(const std::string& text, const std::string& name) {
  const std::size_t at = text.find("\n" + name + " ");
  if (at == std::string::npos) return std::nullopt;
  return std::stod(text.substr(at + name.size() + 2));
}

// Whether /metrics shows `name` at `value` within `timeout` (a reading is up to a second old).
bool metricReaches(std::uint16_t port, const std::string& name, double value, std::chrono::milliseconds timeout = 5s) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const Reply reply = get(port, "/metrics");
    if (sampleOf(reply.body, name) == value) return true;
    if (std::chrono::steady_clock::now() >= deadline) {
      ADD_FAILURE() << name << " never reached " << value << "; the last reading:\n" << reply.body;
      return false;
    }
    std::this_thread::sleep_for(100ms);
  }
}

// Omok points four apart along every line: no three of a colour ever stands
// in a row of five, so neither side wins nor meets a forbidden point.
std::string quietPoint(int n, Seat seat) {
  const int row = (n / 4) * 4 + (seat == Seat::Player1 ? 1 : 3);
  const char column = static_cast<char>((seat == Seat::Player1 ? 'a' : 'c') + (n % 4) * 4);
  return std::string(1, column) + std::to_string(row);
}

// Plays the pair's next quiet move, which must come back within a second.
void playOn(Pair& pair, int& plies) {
  const Seat seat = plies % 2 == 0 ? Seat::Player1 : Seat::Player2;
  const auto before = std::chrono::steady_clock::now();
  pair.play(seat, quietPoint(plies / 2, seat));
  EXPECT_LT(std::chrono::steady_clock::now() - before, 1s) << "a move beside the attack waited";
  ++plies;
}

TEST(Status, EachPageAnswersAPlainHttpClientAndClosesTheConnection) {
  Server server({"--http", "127.0.0.1:0"});
  const std::uint16_t port = httpPort(server);
  ASSERT_NE(port, 0);

  const Reply health = get(port, "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok\n");
  EXPECT_TRUE(health.closed);
  EXPECT_NE(health.head.find("Connection: close"), std::string::npos) << health.head;

  const Reply ready = get(port, "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body, "ready\n");

  const Reply metrics = get(port, "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.head.find("Content-Type: text/plain; version=0.0.4"), std::string::npos) << metrics.head;
  EXPECT_NE(metrics.body.find("# TYPE game_server_moves_accepted_total counter\n"), std::string::npos);
  EXPECT_EQ(sampleOf(metrics.body, "game_server_connections"), 0.0);
  const auto started = sampleOf(metrics.body, "process_start_time_seconds");
  ASSERT_TRUE(started);
  const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_GT(*started, now - 60);
  EXPECT_LE(*started, now);

  const Reply head = get(port, "/healthz", "HEAD");
  EXPECT_EQ(head.status, 200);
  EXPECT_NE(head.head.find("Content-Length: 3"), std::string::npos);
  EXPECT_EQ(head.body, "");

  EXPECT_EQ(ask(port, "GET /healthz HTTP/1.0\r\n\r\n").status, 200);  // 1.0 needs no Host
  EXPECT_EQ(get(port, "/").status, 404);
  EXPECT_EQ(get(port, "/metrics/").status, 404);
  const Reply post = get(port, "/metrics", "POST");
  EXPECT_EQ(post.status, 405);
  EXPECT_NE(post.head.find("Allow: GET, HEAD"), std::string::npos);
  EXPECT_EQ(ask(port, "GET /healthz HTTP/1.1\r\n\r\n").status, 400);  // 1.1 without a Host
}

TEST(Status, TheMetricsFollowAGame) {
  // A long grace: the first match's seats are held while the test looks.
  Server server({"--http", "127.0.0.1:0", "--grace", "120"});
  const std::uint16_t port = httpPort(server);
  ASSERT_NE(port, 0);
  EXPECT_TRUE(metricReaches(port, "game_server_moves_accepted_total", 0));

  RawClient waiting(server.port(), game::Kind::Omok, 15);
  waiting.hello("ann");
  EXPECT_TRUE(metricReaches(port, "game_server_connections", 1));
  EXPECT_TRUE(metricReaches(port, "game_server_matches{state=\"waiting\"}", 1));

  RawClient second(server.port(), game::Kind::Omok, 15);
  second.hello("ben");
  EXPECT_TRUE(metricReaches(port, "game_server_matches{state=\"running\"}", 1));
  EXPECT_TRUE(metricReaches(port, "game_server_matches{state=\"waiting\"}", 0));
  EXPECT_TRUE(metricReaches(port, "game_server_records_open", 1));
  waiting.close();
  second.close();

  Pair pair(server, "cid", "dee");
  RawClient watcher(server.port(), game::Kind::Omok, 15);
  pair.addSpectator(watcher, "eve");
  EXPECT_TRUE(metricReaches(port, "game_server_spectators", 1));
  EXPECT_TRUE(metricReaches(port, "game_server_connections", 3));  // the first two are gone
  pair.play(Seat::Player1, "h8", {&watcher});
  pair.play(Seat::Player2, "h9", {&watcher});
  EXPECT_TRUE(metricReaches(port, "game_server_moves_accepted_total", 2));
  pair.player1.move(0, point("h8"));  // taken
  expectRejected(pair.player1, game::Reject::Occupied);
  EXPECT_TRUE(metricReaches(port, "game_server_refusals_total{reason=\"move-rejected\"}", 1));

  proto::Resign resign;
  pair.player1.send(resign);
  EXPECT_EQ(pair.player2.expect<proto::GameOver>().reason, game::EndReason::Resignation);
  EXPECT_TRUE(metricReaches(port, "game_server_matches{state=\"running\"}", 1));  // the first one, abandoned
  EXPECT_TRUE(metricReaches(port, "game_server_spectators", 0));
}

TEST(Status, ReadyzSays503WhileTheServerDrains) {
  Server server({"--http", "127.0.0.1:0", "--drain-seconds", "60"});
  const std::uint16_t port = httpPort(server);
  ASSERT_NE(port, 0);
  Pair pair(server);
  pair.play(Seat::Player1, "h8");
  EXPECT_EQ(get(port, "/readyz").status, 200);
  // SIGINT: the stop request both builds' servers receive; SIGTERM takes the same path in main.
  server.signal(SIGINT);
  for (RawClient* c : {&pair.player1, &pair.player2})
    EXPECT_EQ(c->expect<proto::Error>().code, proto::ErrorCode::ServerRestarting);
  const Reply draining = get(port, "/readyz");
  EXPECT_EQ(draining.status, 503);
  EXPECT_EQ(draining.body, "draining: the server is stopping for a restart\n");
  EXPECT_EQ(get(port, "/healthz").status, 200);  // still serving the game that drains
  pair.play(Seat::Player2, "h9");
  EXPECT_EQ(server.stop(), 0);  // a second request ends the drain
}

TEST(Status, AHostileHttpClientMeetsItsBoundsAndTheGameBesidePlaysOn) {
  Server server({"--http", "127.0.0.1:0"});
  const std::uint16_t port = httpPort(server);
  ASSERT_NE(port, 0);
  Pair pair(server);
  int plies = 0;

  // Junk is refused as it arrives, without waiting for a head's end.
  net::Socket junk = connectTo(port);
  send(junk, std::string("\x16\x03\x01\x02\x00\x01", 6));
  const Reply junkReply = readReply(junk, 1s);
  EXPECT_EQ(junkReply.status, 400);
  EXPECT_TRUE(junkReply.closed);
  playOn(pair, plies);

  // A head past 4 KiB.
  const Reply oversized = ask(port, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " +
                                             std::string(http::kMaxHead, 'a') + "\r\n\r\n");
  EXPECT_EQ(oversized.status, 400);
  EXPECT_NE(oversized.body.find("longer than 4096"), std::string::npos) << oversized.body;
  EXPECT_TRUE(oversized.closed);
  playOn(pair, plies);

  // Eight slow clients hold every place; a ninth is closed at once.
  std::vector<net::Socket> slow;
  for (std::size_t i = 0; i < server::StatusServer::kMaxClients; ++i) {
    slow.push_back(connectTo(port));
    send(slow.back(), "GET /metrics HTTP/1.1\r\n");
  }
  const auto held = std::chrono::steady_clock::now();
  playOn(pair, plies);
  net::Socket ninth = connectTo(port);
  const Reply turnedAway = readReply(ninth, 1s);
  EXPECT_TRUE(turnedAway.closed);
  EXPECT_EQ(turnedAway.status, 503);
  playOn(pair, plies);

  // Each slow client is cut when its 2 s are over, and told so.
  for (net::Socket& socket : slow) {
    const Reply cut = readReply(socket, 4s);
    EXPECT_TRUE(cut.closed);
    EXPECT_EQ(cut.status, 408);
  }
  const auto waited = std::chrono::steady_clock::now() - held;
  EXPECT_GE(waited, server::StatusServer::kRequestTime - 200ms);
  EXPECT_LT(waited, server::StatusServer::kRequestTime + 1500ms);
  playOn(pair, plies);

  // The places are free again.
  EXPECT_EQ(get(port, "/healthz").status, 200);
  EXPECT_TRUE(metricReaches(port, "game_server_moves_accepted_total", plies));
}

TEST(Status, AnHttpPortInUseIsAClearErrorAtStartUp) {
  Server first({"--http", "127.0.0.1:0"});
  const std::uint16_t port = httpPort(first);
  ASSERT_NE(port, 0);
  TempDir dir;
  const std::string address = "127.0.0.1:" + std::to_string(port);
  Process second(GAME_SERVER_PATH,
                 {"--host", "127.0.0.1", "--port", "0", "--http", address, "--log-dir", (dir.path() / "records").string()},
                 dir.path() / "stderr");
  EXPECT_EQ(second.wait(10s), 1);
  EXPECT_EQ(second.readAll(1s), "");  // no "listening on" line
  std::ifstream err(dir.path() / "stderr");
  const std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  EXPECT_NE(message.find("cannot listen for --http on " + address), std::string::npos) << message;
  EXPECT_NE(message.find("in use"), std::string::npos) << message;

  Process bad(GAME_SERVER_PATH, {"--port", "0", "--http", "9100"}, dir.path() / "bad");
  EXPECT_NE(bad.wait(10s).value_or(0), 0);
  std::ifstream badErr(dir.path() / "bad");
  const std::string why((std::istreambuf_iterator<char>(badErr)), std::istreambuf_iterator<char>());
  EXPECT_NE(why.find("'9100' is not HOST:PORT"), std::string::npos) << why;
}

}  // namespace
}  // namespace servertest
