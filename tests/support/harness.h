// Integration-test harness: a real game_server process on 127.0.0.1 and an
// ephemeral port, and a raw protocol client built on game_protocol and
// game_net that sends exactly what a test wants, malformed bytes included.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "shared/net/socket.h"
#include "shared/protocol/codec.h"
#include "shared/protocol/framer.h"
#include "shared/record/reader.h"
#include "tests/support/files.h"
#include "tests/support/process.h"

namespace servertest {

using namespace std::chrono_literals;

using testsupport::TempDir;

// Whether `text` shows in what `read` returns (a server's log) within
// `timeout`: a server writes its log from a thread of its own, a moment
// after the event.
bool showsWithin(const std::function<std::string()>& read, std::string_view text, std::chrono::milliseconds timeout);

// game_server started for one test; stopped (SIGINT, then SIGKILL) by its
// destructor whatever the test's outcome.
class Server {
 public:
  explicit Server(std::vector<std::string> args);
  std::uint16_t port() const { return port_; }
  std::filesystem::path recordDir() const { return dir_.path() / "records"; }
  // The records in recordDir() (its .jsonl files; not the resume key), sorted.
  std::vector<std::filesystem::path> records() const;
  std::string log() const;  // the server's stderr so far
  bool logShows(std::string_view text, std::chrono::milliseconds timeout = 2s) const {
    return showsWithin([this] { return log(); }, text, timeout);
  }
  // The one record the server wrote, loaded and replayed; nullopt (with a
  // failed expectation saying why) when there is not exactly one or it does
  // not load.
  std::optional<record::Record> onlyRecord() const;
  // The server's resident memory in KiB (/proc/PID/status VmRSS); 0 if unknown.
  long residentKiB() const;
  // Graceful stop by `signal`; the exit status.
  int stop(int signal = SIGINT) { return process_.stop(signal); }
  // A stop request without waiting for the exit (a drain to look at meanwhile).
  void signal(int signal) { process_.signal(signal); }
  // The server's next line on stdout after "listening on PORT" ("http on PORT" with --http).
  std::optional<std::string> nextLine(std::chrono::milliseconds timeout = 5s) { return process_.readLine(timeout); }

 private:
  TempDir dir_;
  Process process_;
  std::uint16_t port_ = 0;
};

class RawClient {
 public:
  RawClient(std::uint16_t port, game::Kind kind, int boardSize);

  template <proto::PacketStruct P>
  void send(const P& packet) {
    auto bytes = proto::encode(packet);
    sendBytes(bytes);
  }
  void sendBytes(std::span<const std::uint8_t> bytes);

  // The next packet; nullopt when the server closed the connection or
  // nothing came within `timeout`.
  std::optional<proto::Packet> receive(std::chrono::milliseconds timeout = 5s);
  // The next packet, which must be a P (a failed expectation otherwise).
  template <typename P>
  P expect(std::chrono::milliseconds timeout = 5s) {
    std::optional<proto::Packet> p = receive(timeout);
    if (!p) {
      ADD_FAILURE() << "expected " << proto::name(P::kType) << ", got " << (closed_ ? "end of stream" : "nothing");
      return P{};
    }
    if (const P* wanted = std::get_if<P>(&*p)) return *wanted;
    ADD_FAILURE() << "expected " << proto::name(P::kType) << ", got " << describe(*p);
    return P{};
  }
  // Whether the server closes the connection within `timeout` (packets
  // before the end are skipped).
  bool closedByServer(std::chrono::milliseconds timeout = 5s);
  // Closes this side.
  void close() { socket_.close(); }

  proto::Welcome hello(std::string_view name, game::Seat seat = game::Seat::None, const proto::Token& token = {},
                       std::string_view code = {});
  // Watches match `matchId` (a private one with its `code`): the welcome (a
  // refusal is a failed expectation).
  proto::Welcome watch(std::uint32_t matchId, std::string_view name, std::string_view code = {});
  void chat(std::string_view text);
  void move(std::uint16_t from, std::uint16_t to, game::Promotion promotion = game::Promotion::None);

  static std::string describe(const proto::Packet& p);

 private:
  net::Socket socket_;
  proto::Framer framer_;
  proto::Context context_;
  bool closed_ = false;
};

// A watch of match `matchId` by `name`, with a private match's `code`: for
// a test that wants the refusal, or whatever else the answer is.
proto::Watch watchOf(std::uint32_t matchId, std::string_view name, std::string_view code = {});

// The omok point of a coordinate like "h8" on a board of `size`.
std::uint16_t point(std::string_view coordinate, int size = 15);

// Two raw clients seated in a freshly started match: omok on 15x15 unless
// told chess. Player 1 moves first (omok: black, chess: white).
struct Pair {
  RawClient player1;
  RawClient player2;
  proto::Welcome welcome1;
  proto::Welcome welcome2;

  explicit Pair(const Server& server, std::string_view name1 = "alice", std::string_view name2 = "bob");
  Pair(std::uint16_t port, game::Kind kind, std::string_view name1, std::string_view name2);

  RawClient& client(game::Seat seat) { return seat == game::Seat::Player1 ? player1 : player2; }
  // Plays from-to for `seat` (omok: from 0, to the point) and checks both
  // players, and `watchers`, hear of it.
  proto::MoveAccepted move(game::Seat seat, std::uint16_t from, std::uint16_t to,
                           std::vector<RawClient*> watchers = {});
  // The omok move at `coordinate` ("h8"), whose notation must be just that.
  proto::MoveAccepted play(game::Seat seat, std::string_view coordinate, std::vector<RawClient*> watchers = {});
  // `watcher` watches this running match as `name`, the `count`-th
  // spectator, before any move: it gets the start (and the opening's
  // status), and everybody the new count.
  void addSpectator(RawClient& watcher, std::string_view name, int count = 1);
};

// The next packet of `client` is a move-rejected with `reject`.
proto::MoveRejected expectRejected(RawClient& client, game::Reject reject);
// The next packet of `client` is an error with `code`.
void expectError(RawClient& client, proto::ErrorCode code);
// The next packet of each of `clients` is spectators with `count`.
void expectSpectators(std::vector<RawClient*> clients, int count);

}  // namespace servertest
