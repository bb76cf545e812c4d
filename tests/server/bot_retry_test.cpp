// game_bot's reconnection (game_client/bot/link.h) against real servers on
// one port: a bot that starts before its server waits for it, one whose
// budget runs out gives up, one whose server stops before its game started
// plays the game on the next server there, and --drop-after comes back with
// the seat's token. Every server is on 127.0.0.1 and stopped by its owner's
// destructor; every wait is bounded.
#include <fstream>
#include <memory>

#include "tests/support/harness.h"

namespace servertest {
namespace {

std::string fileText(const std::filesystem::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A port nothing listens on: a server on port 0 says which it got, then stops.
std::uint16_t freePort() {
  Server probe({"--game", "omok"});
  const std::uint16_t port = probe.port();
  EXPECT_EQ(probe.stop(), 0);
  return port;
}

// game_server on a given port (the harness's Server always asks for port 0),
// hosting freestyle omok with its records and log in `dir`.
class ServerOn {
 public:
  ServerOn(std::uint16_t port, const TempDir& dir, const std::string& name)
      : log_(dir.path() / (name + ".log")),
        process_(GAME_SERVER_PATH,
                 {"--game", "omok", "--rule", "freestyle", "--host", "127.0.0.1", "--port", std::to_string(port),
                  "--threads", "2", "--max-per-address", "0", "--log-dir", (dir.path() / (name + "-records")).string()},
                 log_) {
    EXPECT_EQ(process_.readLine(10s), "listening on " + std::to_string(port)) << fileText(log_);
  }
  bool logShows(std::string_view text) const {
    return showsWithin([this] { return fileText(log_); }, text, 5s);
  }
  std::string log() const { return fileText(log_); }
  int stop() { return process_.stop(); }

 private:
  std::filesystem::path log_;
  Process process_;
};

// A bot on `port` named `name`, its stderr in `dir`.
struct Bot {
  std::filesystem::path errors;
  std::unique_ptr<Process> process;

  Bot(std::uint16_t port, const TempDir& dir, const std::string& name, std::vector<std::string> args)
      : errors(dir.path() / (name + ".err")) {
    const std::vector<std::string> common{"--host", "127.0.0.1", "--port", std::to_string(port),
                                          "--name", name,        "--timeout", "20"};
    args.insert(args.end(), common.begin(), common.end());
    process = std::make_unique<Process>(GAME_BOT_PATH, args, errors);
  }

  // Lines of stdout up to and including the first that starts with
  // `prefix`, which is the last line returned; empty when none came in time.
  std::string upTo(std::string_view prefix) {
    std::string seen;
    while (auto line = process->readLine(10s)) {
      seen += *line + "\n";
      if (line->rfind(prefix, 0) == 0) return seen;
    }
    ADD_FAILURE() << "no line starting with '" << prefix << "'; stdout:\n" << seen << "stderr:\n" << fileText(errors);
    return {};
  }
  // The rest of stdout and the exit status, which must be `expected`.
  std::string finish(int expected = 0) {
    std::string out = process->readAll(25s);
    EXPECT_EQ(process->wait(5s), expected) << out << fileText(errors);
    return out;
  }
};

std::string lastLine(const std::string& out) {
  const auto end = out.find_last_not_of('\n');
  if (end == std::string::npos) return {};
  const auto start = out.rfind('\n', end);
  return out.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(BotRetry, WaitsForAServerThatIsNotUpYet) {
  TempDir dir;
  const std::uint16_t port = freePort();
  Bot early(port, dir, "early", {"--seat", "1", "--retry-seconds", "20"});
  // Turned away at least once before the server is there.
  const std::string gap = early.upTo("no connection (");
  EXPECT_TRUE(contains(gap, "cannot connect to 127.0.0.1:" + std::to_string(port))) << gap;
  EXPECT_TRUE(contains(gap, "; retrying for up to 20 s")) << gap;

  ServerOn server(port, dir, "server");
  Bot late(port, dir, "late", {"--seat", "2", "--retry-seconds", "0"});
  const std::string out1 = gap + early.finish();
  const std::string out2 = late.finish();
  EXPECT_TRUE(contains(out1, "\nconnected after ")) << out1;  // the first connection, not a reconnection
  EXPECT_EQ(lastLine(out1).rfind("result: ", 0), 0u) << out1;
  EXPECT_EQ(lastLine(out1), lastLine(out2)) << out1 << out2;
  EXPECT_EQ(server.stop(), 0) << server.log();
}

TEST(BotRetry, GivesUpOnceItsRetrySecondsAreSpent) {
  TempDir dir;
  const std::uint16_t port = freePort();
  const auto started = std::chrono::steady_clock::now();
  Bot lonely(port, dir, "lonely", {"--retry-seconds", "1"});
  const std::string out = lonely.finish(1);
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_GE(took, 1s);
  EXPECT_LT(took, 5s);
  EXPECT_TRUE(contains(out, "no connection (")) << out;
  const std::string errors = fileText(lonely.errors);
  EXPECT_TRUE(contains(errors, "game_bot: gave up connecting after 1 s: cannot connect to 127.0.0.1:")) << errors;
}

TEST(BotRetry, PlaysOnTheNextServerWhenItsOwnStopsBeforeTheGame) {
  TempDir dir;
  const std::uint16_t port = freePort();
  auto first = std::make_unique<ServerOn>(port, dir, "first");
  Bot waiting(port, dir, "waiting", {"--seat", "1", "--retry-seconds", "20"});
  ASSERT_TRUE(first->logShows("waiting takes player1")) << first->log();
  EXPECT_EQ(first->stop(), 0) << first->log();
  // A match that never started is not kept: the bot comes back with a fresh hello.
  const std::string gap = waiting.upTo("connection lost (");
  EXPECT_TRUE(contains(lastLine(gap), "; reconnecting for up to 20 s")) << gap;

  ServerOn second(port, dir, "second");
  Bot opponent(port, dir, "opponent", {"--seat", "2", "--retry-seconds", "0"});
  const std::string out1 = gap + waiting.finish();
  const std::string out2 = opponent.finish();
  EXPECT_TRUE(contains(out1, "reconnected after ")) << out1;
  EXPECT_FALSE(contains(out1, "(resumed)")) << out1;
  EXPECT_EQ(lastLine(out1).rfind("result: ", 0), 0u) << out1;
  EXPECT_EQ(lastLine(out1), lastLine(out2)) << out1 << out2;
  EXPECT_TRUE(second.logShows("waiting takes player1")) << second.log();
  EXPECT_EQ(second.stop(), 0) << second.log();
}

TEST(BotRetry, DropAfterComesBackWithTheSeatsToken) {
  Server server({"--game", "omok", "--rule", "freestyle"});
  TempDir dir;
  Bot dropper(server.port(), dir, "dropper", {"--seat", "1", "--drop-after", "4"});
  Bot steady(server.port(), dir, "steady", {"--seat", "2"});
  const std::string out1 = dropper.finish();
  const std::string out2 = steady.finish();
  // The first player drops once the opponent's second move is in, before its own third.
  EXPECT_TRUE(contains(out1, "connection lost (dropped on purpose after 4 moves); reconnecting for up to 120 s\n"))
      << out1;
  EXPECT_TRUE(contains(out1, "(resumed)\n")) << out1;
  EXPECT_TRUE(contains(out1, " s: the game goes on at ply 5\n")) << out1;
  EXPECT_EQ(lastLine(out1).rfind("result: ", 0), 0u) << out1;
  EXPECT_EQ(lastLine(out1), lastLine(out2)) << out1 << out2;
  EXPECT_TRUE(server.logShows("dropper resumes player1 after 4 moves")) << server.log();
  EXPECT_EQ(server.stop(), 0) << server.log();
}

}  // namespace
}  // namespace servertest
