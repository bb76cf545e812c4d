// Whole games: two game_bot processes play through a real server to the end,
// for every omok rule set and for chess; both bots report the same result,
// and the server's record replays (game_replay) to that result.
#include <fstream>
#include <set>

#include "shared/record/reader.h"
#include "tests/support/harness.h"

namespace servertest {
namespace {

struct Variant {
  const char* game;
  const char* rule;
  const char* opening = "none";
};

void PrintTo(const Variant& v, std::ostream* os) { *os << v.game << " " << v.rule << " " << v.opening; }

class BotGame : public testing::TestWithParam<Variant> {};

std::string resultOf(const std::string& output) {
  const std::string prefix = "result: ";
  auto at = output.rfind(prefix);
  if (at == std::string::npos) return {};
  auto end = output.find('\n', at);
  return output.substr(at + prefix.size(), end == std::string::npos ? std::string::npos : end - at - prefix.size());
}

// prefix + number; spelled out because GCC 12 warns falsely (-Wrestrict) on
// a literal + std::to_string(...).
std::string numbered(std::string prefix, int n) { return prefix.append(std::to_string(n)); }

std::string fileText(const std::filesystem::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_P(BotGame, PlaysToTheEndAndTheRecordReplaysToTheSameResult) {
  const Variant v = GetParam();
  Server server({"--game", v.game, "--rule", v.rule, "--opening", v.opening});
  TempDir dir;
  // Both connect at once, so each asks for its seat.
  auto bot = [&](const char* name, const char* seat, const char* seed) {
    std::vector<std::string> args{"--host", "127.0.0.1", "--port", std::to_string(server.port()), "--name", name,
                                  "--seat", seat, "--seed", seed, "--timeout", "90"};
    if (seat[0] == '1') args.push_back("--verbose");  // the first says every move and decision
    return std::make_unique<Process>(GAME_BOT_PATH, args, dir.path() / (std::string(name) + ".err"));
  };
  auto first = bot("first", "1", "11");
  auto second = bot("second", "2", "29");
  const std::string out1 = first->readAll(100s);
  const std::string out2 = second->readAll(100s);
  EXPECT_EQ(first->wait(10s), 0) << out1 << fileText(dir.path() / "first.err");
  EXPECT_EQ(second->wait(10s), 0) << out2 << fileText(dir.path() / "second.err");
  const std::string result = resultOf(out1);
  ASSERT_FALSE(result.empty()) << out1;
  EXPECT_EQ(result, resultOf(out2));
  EXPECT_EQ(result.find("ongoing"), std::string::npos);

  ASSERT_EQ(server.stop(), 0) << server.log();
  auto files = server.records();
  ASSERT_EQ(files.size(), 1u);
  Process replay(GAME_REPLAY_PATH, {files[0].string()}, dir.path() / "replay.err");
  const std::string replayed = replay.readAll(30s);
  EXPECT_EQ(replay.wait(10s), 0) << fileText(dir.path() / "replay.err");
  EXPECT_NE(replayed.find(result), std::string::npos) << "game_replay says:\n" << replayed << "bots said: " << result;

  auto loaded = record::readFile(files[0]);
  ASSERT_TRUE(std::holds_alternative<record::Record>(loaded)) << std::get<record::LoadError>(loaded).describe();
  const record::Record& r = std::get<record::Record>(loaded);
  ASSERT_TRUE(r.result.has_value());
  EXPECT_EQ(r.game->status(), *r.result);  // the replayed moves reach the recorded result
  EXPECT_EQ(r.player1, "first");
  EXPECT_EQ(r.player2, "second");
  // Every opening makes at least one decision (a swap, a colour, an option), each on its line.
  EXPECT_EQ(r.setup.opening, *game::parseOpening(v.opening));
  if (r.setup.opening != game::Opening::None) {
    EXPECT_GE(r.decisions.size(), 1u);
    EXPECT_NE(replayed.find("opening " + std::string(v.opening)), std::string::npos) << replayed;
    // The verbose bot names each decision as the record does ("offer h8 j9", not "offer 0").
    for (const record::DecisionLine& d : r.decisions)
      EXPECT_NE(out1.find(numbered("opening: player", static_cast<int>(d.seat)) + " decides " + d.notation + "\n"),
                std::string::npos)
          << out1;
  }
}

INSTANTIATE_TEST_SUITE_P(AllRules, BotGame,
                         testing::Values(Variant{"omok", "freestyle"}, Variant{"omok", "standard"},
                                         Variant{"omok", "freestyle", "swap1"}, Variant{"omok", "freestyle", "swap2"},
                                         Variant{"omok", "standard", "swap1"}, Variant{"omok", "standard", "swap2"},
                                         Variant{"omok", "renju", "soosorv8"}, Variant{"omok", "renju", "taraguchi10"},
                                         Variant{"omok", "renju"}, Variant{"omok", "omok"},
                                         Variant{"chess", "fide"}),
                         [](const testing::TestParamInfo<Variant>& info) {
                           const std::string opening = info.param.opening;
                           return std::string(info.param.game) + "_" + info.param.rule +
                                  (opening == "none" ? "" : "_" + opening);
                         });

TEST(BotGames, ManyMatchesAtOnce) {
  Server server({"--game", "omok", "--rule", "freestyle"});
  TempDir dir;
  constexpr int kMatches = 4;
  std::vector<std::unique_ptr<Process>> bots;
  for (int i = 0; i < 2 * kMatches; ++i) {
    bots.push_back(std::make_unique<Process>(
        GAME_BOT_PATH,
        std::vector<std::string>{"--host", "127.0.0.1", "--port", std::to_string(server.port()), "--name",
                                 numbered("bot", i), "--match", numbered("m", i / 2), "--seed",
                                 std::to_string(100 + i), "--timeout", "90"},
        dir.path() / numbered("bot", i).append(".err")));
  }
  for (int i = 0; i < 2 * kMatches; ++i) {
    const std::string out = bots[i]->readAll(100s);
    EXPECT_EQ(bots[i]->wait(10s), 0) << out;
    EXPECT_FALSE(resultOf(out).empty()) << out;
  }
  ASSERT_EQ(server.stop(), 0);
  EXPECT_EQ(server.records().size(), static_cast<std::size_t>(kMatches));
}

// One server for every game: chess and renju bots connect to it at once,
// interleaved, and each kind of match has its own queue, so the chess bots
// play each other and the renju bots each other.
TEST(BotGames, OneServerHostsChessAndRenjuAtOnceWithTheQueuesApart) {
  Server server({});
  TempDir dir;
  const std::vector<std::vector<std::string>> games{
      {"--game", "chess"}, {"--game", "omok", "--rule", "renju"}, {"--game", "chess"}, {"--rule", "renju"}};
  std::vector<std::unique_ptr<Process>> bots;
  for (std::size_t i = 0; i < games.size(); ++i) {
    std::vector<std::string> args{"--host", "127.0.0.1", "--port", std::to_string(server.port()), "--name",
                                  numbered(games[i][1] == "chess" ? "chess" : "renju", static_cast<int>(i)),
                                  "--seed", std::to_string(200 + i), "--timeout", "90"};
    args.insert(args.end(), games[i].begin(), games[i].end());
    bots.push_back(std::make_unique<Process>(GAME_BOT_PATH, args, dir.path() / numbered("bot", static_cast<int>(i))));
  }
  for (std::size_t i = 0; i < bots.size(); ++i) {
    const std::string out = bots[i]->readAll(100s);
    EXPECT_EQ(bots[i]->wait(10s), 0) << out << fileText(dir.path() / numbered("bot", static_cast<int>(i)));
    EXPECT_NE(out.find(games[i][1] == "chess" ? ": chess fide" : ": omok renju"), std::string::npos) << out;
    EXPECT_FALSE(resultOf(out).empty()) << out;
  }
  ASSERT_EQ(server.stop(), 0);
  const auto files = server.records();
  ASSERT_EQ(files.size(), 2u);
  std::set<std::string> seen;
  for (const auto& file : files) {
    auto loaded = record::readFile(file);
    ASSERT_TRUE(std::holds_alternative<record::Record>(loaded)) << std::get<record::LoadError>(loaded).describe();
    const record::Record& r = std::get<record::Record>(loaded);
    const std::string kind = r.setup.kind == game::Kind::Chess ? "chess" : std::string(game::name(r.setup.rule));
    seen.insert(kind);
    // Both seats are bots of that kind: the queues never mixed them.
    EXPECT_EQ(r.player1.substr(0, 5), kind) << r.player1;
    EXPECT_EQ(r.player2.substr(0, 5), kind) << r.player2;
  }
  EXPECT_EQ(seen, (std::set<std::string>{"chess", "renju"}));
}

// game_bot --rematches: two bots play three games on their connections, the
// seats exchanged each time, on the clock they asked for; three records.
TEST(BotGames, RematchesPlayOnWithTheSeatsExchangedEachTime) {
  Server server({});
  TempDir dir;
  std::vector<std::unique_ptr<Process>> bots;
  for (const char* name : {"ann", "ben"}) {
    bots.push_back(std::make_unique<Process>(
        GAME_BOT_PATH,
        std::vector<std::string>{"--port", std::to_string(server.port()), "--name", name, "--game", "chess",
                                 "--time", "10+1", "--rematches", "2", "--seed", name[0] == 'a' ? "7" : "8",
                                 "--timeout", "90"},
        dir.path() / name));
    ASSERT_TRUE(server.logShows(std::string(name) + " takes", 5s));  // ann is Player1 of the first game
  }
  for (std::size_t i = 0; i < bots.size(); ++i) {
    const std::string out = bots[i]->readAll(100s);
    EXPECT_EQ(bots[i]->wait(10s), 0) << out << fileText(dir.path() / (i == 0 ? "ann" : "ben"));
    std::size_t results = 0;
    for (auto at = out.find("result: "); at != std::string::npos; at = out.find("result: ", at + 1)) ++results;
    EXPECT_EQ(results, 3u) << out;
    // White, black, white for ann; the other way round for ben.
    const std::string first = i == 0 ? "seat 1 (white)" : "seat 2 (black)";
    const std::string second = i == 0 ? "seat 2 (black)" : "seat 1 (white)";
    const auto a = out.find(first), b = out.find(second, a), c = out.find(first, b);
    EXPECT_TRUE(a != std::string::npos && b != std::string::npos && c != std::string::npos) << out;
    EXPECT_NE(out.find("10+1"), std::string::npos) << out;
  }
  ASSERT_EQ(server.stop(), 0);
  const auto files = server.records();
  ASSERT_EQ(files.size(), 3u);
  std::set<std::uint32_t> ids;
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto loaded = record::readFile(files[i]);
    ASSERT_TRUE(std::holds_alternative<record::Record>(loaded)) << std::get<record::LoadError>(loaded).describe();
    const record::Record& r = std::get<record::Record>(loaded);
    ids.insert(r.matchId);
    EXPECT_EQ(r.player1, i % 2 == 0 ? "ann" : "ben") << files[i];
    EXPECT_EQ(r.timeControl, (game::TimeControl{600'000, 1'000}));
    EXPECT_TRUE(r.result.has_value());
  }
  EXPECT_EQ(ids.size(), 3u);
}

}  // namespace
}  // namespace servertest
