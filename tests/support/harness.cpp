#include "tests/support/harness.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>

namespace servertest {

namespace {

std::vector<std::string> withDefaults(std::vector<std::string> args, const std::filesystem::path& dir) {
  const bool ownRecordDir = std::find(args.begin(), args.end(), "--log-dir") != args.end();
  const bool ownPerAddress = std::find(args.begin(), args.end(), "--max-per-address") != args.end();
  for (const char* a : {"--host", "127.0.0.1", "--port", "0", "--threads", "2"}) args.emplace_back(a);
  // Every test client comes from 127.0.0.1: the per-address limit is off
  // unless a test sets it.
  if (!ownPerAddress) {
    args.emplace_back("--max-per-address");
    args.emplace_back("0");
  }
  if (!ownRecordDir) {
    args.emplace_back("--log-dir");
    args.emplace_back((dir / "records").string());
  }
  return args;
}

}  // namespace

Server::Server(std::vector<std::string> args)
    : process_(GAME_SERVER_PATH, withDefaults(std::move(args), dir_.path()), dir_.path() / "server.log") {
  std::optional<std::string> first = process_.readLine(10s);
  const std::string prefix = "listening on ";
  if (!first || first->rfind(prefix, 0) != 0) {
    ADD_FAILURE() << "the server did not report its port; its log:\n" << log();
    return;
  }
  port_ = static_cast<std::uint16_t>(std::stoi(first->substr(prefix.size())));
}

std::vector<std::filesystem::path> Server::records() const {
  std::vector<std::filesystem::path> all;
  std::error_code ignored;
  for (const auto& entry : std::filesystem::directory_iterator(recordDir(), ignored))
    if (entry.path().extension() == ".jsonl") all.push_back(entry.path());
  std::sort(all.begin(), all.end());
  return all;
}

std::optional<record::Record> Server::onlyRecord() const {
  const auto files = records();
  if (files.size() != 1) {
    ADD_FAILURE() << "expected one record, found " << files.size();
    return std::nullopt;
  }
  auto loaded = record::readFile(files[0]);
  if (const auto* error = std::get_if<record::LoadError>(&loaded)) {
    ADD_FAILURE() << files[0] << ": " << error->describe();
    return std::nullopt;
  }
  return std::move(std::get<record::Record>(loaded));
}

long Server::residentKiB() const {
  std::ifstream status("/proc/" + std::to_string(process_.pid()) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

bool showsWithin(const std::function<std::string()>& read, std::string_view text, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (read().find(text) != std::string::npos) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(10ms);
  }
}

std::string Server::log() const {
  std::ifstream in(dir_.path() / "server.log");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

RawClient::RawClient(std::uint16_t port, game::Kind kind, int boardSize) {
  std::error_code error;
  socket_ = net::connectTcp("127.0.0.1", port, 5s, error);
  EXPECT_TRUE(socket_.valid()) << "cannot connect: " << error.message();
  context_.from = proto::Sender::Server;
  context_.game = kind;
  context_.boardSize = boardSize;
}

void RawClient::sendBytes(std::span<const std::uint8_t> bytes) {
  std::error_code error = net::sendAll(socket_.native(), std::as_bytes(bytes));
  // A server that already closed the connection may reset it: that is the
  // server's answer, which receive() then reports.
  (void)error;
}

std::optional<proto::Packet> RawClient::receive(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    proto::ReadResult r = framer_.next(context_);
    if (auto* parsed = std::get_if<proto::Parsed>(&r)) return parsed->packet;
    if (auto* error = std::get_if<proto::ProtocolError>(&r)) {
      ADD_FAILURE() << "the server sent a malformed stream: " << error->text;
      return std::nullopt;
    }
    if (closed_) return std::nullopt;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    std::error_code error;
    auto space = framer_.space();
    std::size_t n = net::receiveSome(socket_.native(), std::as_writable_bytes(space), left, error);
    if (error == std::errc::timed_out) return std::nullopt;
    if (n == 0) {
      closed_ = true;  // end of stream, or reset
      continue;
    }
    framer_.commit(n);
  }
}

bool RawClient::closedByServer(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!closed_ && std::chrono::steady_clock::now() < deadline) {
    receive(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
  }
  return closed_;
}

proto::Welcome RawClient::hello(std::string_view name, game::Seat seat, const proto::Token& token,
                                std::string_view code) {
  proto::Hello h;
  h.seat = seat;
  h.reconnect = token;
  proto::setText(h.name, name);
  proto::setText(h.matchCode, code);
  send(h);
  return expect<proto::Welcome>();
}

proto::Watch watchOf(std::uint32_t matchId, std::string_view name, std::string_view code) {
  proto::Watch w;
  w.matchId = matchId;
  proto::setText(w.name, name);
  proto::setText(w.matchCode, code);
  return w;
}

proto::Welcome RawClient::watch(std::uint32_t matchId, std::string_view name, std::string_view code) {
  send(watchOf(matchId, name, code));
  return expect<proto::Welcome>();
}

void RawClient::chat(std::string_view text) {
  proto::Chat c;
  proto::setText(c.text, text);
  send(c);
}

void RawClient::move(std::uint16_t from, std::uint16_t to, game::Promotion promotion) {
  proto::Move m;
  m.move = {from, to, promotion};
  send(m);
}

std::string RawClient::describe(const proto::Packet& p) {
  return std::visit(
      [](const auto& packet) {
        std::string s(proto::name(std::decay_t<decltype(packet)>::kType));
        if constexpr (std::is_same_v<std::decay_t<decltype(packet)>, proto::Error>) {
          s += " (" + std::string(proto::name(packet.code)) + ": " + std::string(proto::text(packet.text)) + ")";
        }
        return s;
      },
      p);
}

std::uint16_t point(std::string_view coordinate, int size) {
  int column = coordinate[0] - 'a';
  int row = std::stoi(std::string(coordinate.substr(1))) - 1;
  return static_cast<std::uint16_t>(row * size + column);
}

Pair::Pair(const Server& server, std::string_view name1, std::string_view name2)
    : Pair(server.port(), game::Kind::Omok, name1, name2) {}

Pair::Pair(std::uint16_t port, game::Kind kind, std::string_view name1, std::string_view name2)
    : player1(port, kind, kind == game::Kind::Chess ? 8 : 15), player2(port, kind, kind == game::Kind::Chess ? 8 : 15) {
  welcome1 = player1.hello(name1);
  welcome2 = player2.hello(name2);
  player1.expect<proto::MatchStart>();
  player2.expect<proto::MatchStart>();
}

proto::MoveAccepted Pair::move(game::Seat seat, std::uint16_t from, std::uint16_t to,
                               std::vector<RawClient*> watchers) {
  client(seat).move(from, to);
  proto::MoveAccepted a = player1.expect<proto::MoveAccepted>();
  proto::MoveAccepted b = player2.expect<proto::MoveAccepted>();
  EXPECT_EQ(+a.ply, +b.ply);  // +: a copy, packed fields must not be bound to references
  EXPECT_EQ(a.seat, seat);
  for (RawClient* w : watchers) EXPECT_EQ(+w->expect<proto::MoveAccepted>().ply, +a.ply);
  return a;
}

proto::MoveAccepted Pair::play(game::Seat seat, std::string_view coordinate, std::vector<RawClient*> watchers) {
  proto::MoveAccepted a = move(seat, 0, point(coordinate), std::move(watchers));
  EXPECT_EQ(proto::text(a.notation), coordinate);
  return a;
}

proto::MoveRejected expectRejected(RawClient& client, game::Reject reject) {
  proto::MoveRejected r = client.expect<proto::MoveRejected>();
  EXPECT_EQ(r.reject, reject) << proto::text(r.why);
  EXPECT_FALSE(proto::text(r.why).empty());
  return r;
}

void expectError(RawClient& client, proto::ErrorCode code) {
  const proto::Error e = client.expect<proto::Error>();
  EXPECT_EQ(e.code, code) << proto::name(e.code) << ": " << proto::text(e.text);
}

void Pair::addSpectator(RawClient& watcher, std::string_view name, int count) {
  watcher.watch(welcome1.matchId, name);
  watcher.expect<proto::MatchStart>();
  if (welcome1.opening != game::Opening::None) watcher.expect<proto::OpeningStatus>();
  expectSpectators({&watcher, &player1, &player2}, count);
}

void expectSpectators(std::vector<RawClient*> clients, int count) {
  for (RawClient* c : clients) EXPECT_EQ(+c->expect<proto::Spectators>().count, count);
}

}  // namespace servertest
