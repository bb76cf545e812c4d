// Engines as players through a real game_server: a game_bot playing an
// engine's moves against a random game_bot. The test brain (Gomocup) and
// Stockfish (UCI) beat the random bot from either seat; an engine that dies
// makes its bot resign, so the game still ends with a result; and every
// game's record replays (game_replay) to the result the bots printed.
#include <filesystem>
#include <fstream>

#include "shared/record/reader.h"
#include "tests/support/harness.h"

namespace servertest {
namespace {

constexpr const char* kStockfish = "/usr/games/stockfish";

std::string fileText(const std::filesystem::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What one bot printed and how it ended.
struct Outcome {
  std::string out;
  std::string err;
  std::optional<int> status;
  // Its "result: ..." line, without the prefix.
  std::string result() const {
    const auto at = out.rfind("result: ");
    return at == std::string::npos ? std::string() : out.substr(at + 8, out.find('\n', at) - at - 8);
  }
};

// One game: a bot playing `engine` from `seat` against a random bot in the
// other seat, on a server started with `serverArgs`. Stops the server and
// checks that its one record replays to the result both bots printed.
class EngineGame : public testing::Test {
 protected:
  void play(std::vector<std::string> serverArgs, int seat, const std::string& engine, const std::string& moveTime) {
    Server server(std::move(serverArgs));
    ASSERT_NE(server.port(), 0);
    auto bot = [&](const char* name, int botSeat, std::vector<std::string> extra) {
      std::vector<std::string> args{"--port", std::to_string(server.port()), "--name", name, "--seat",
                                    std::to_string(botSeat), "--seed", "7", "--timeout", "90"};
      args.insert(args.end(), extra.begin(), extra.end());
      return std::make_unique<Process>(GAME_BOT_PATH, args, dir_.path() / (std::string(name) + ".err"));
    };
    auto engineBot = bot("engine", seat, {"--engine", engine, "--movetime", moveTime});
    auto randomBot = bot("random", 3 - seat, {});
    engine_.out = engineBot->readAll(100s);
    random_.out = randomBot->readAll(100s);
    engine_.status = engineBot->wait(10s);
    random_.status = randomBot->wait(10s);
    engine_.err = fileText(dir_.path() / "engine.err");
    random_.err = fileText(dir_.path() / "random.err");
    ASSERT_FALSE(random_.result().empty()) << random_.out << random_.err << "\nengine bot:\n" << engine_.out
                                           << engine_.err;
    EXPECT_EQ(engine_.result(), random_.result()) << engine_.out << engine_.err;

    ASSERT_EQ(server.stop(), 0) << server.log();
    const auto files = server.records();
    ASSERT_EQ(files.size(), 1u);
    Process replay(GAME_REPLAY_PATH, {files[0].string()}, dir_.path() / "replay.err");
    const std::string replayed = replay.readAll(30s);
    EXPECT_EQ(replay.wait(10s), 0) << fileText(dir_.path() / "replay.err");
    EXPECT_NE(replayed.find(random_.result()), std::string::npos) << replayed;
    auto loaded = record::readFile(files[0]);
    ASSERT_TRUE(std::holds_alternative<record::Record>(loaded)) << std::get<record::LoadError>(loaded).describe();
    const record::Record& r = std::get<record::Record>(loaded);
    ASSERT_TRUE(r.result.has_value());
    recorded_ = *r.result;
    if (recorded_.reason != game::EndReason::Resignation) {
      EXPECT_EQ(r.game->status(), recorded_);  // the replayed moves reach the recorded result
    }
  }

  // The engine's seat won by `reason`, and its bot exited 0.
  void expectEngineWon(int seat, game::EndReason reason) {
    EXPECT_EQ(engine_.status, 0) << engine_.err;
    EXPECT_EQ(random_.status, 0) << random_.err;
    EXPECT_EQ(recorded_, (game::Status{game::winFor(static_cast<game::Seat>(seat)), reason}))
        << "engine bot:\n" << engine_.out << engine_.err;
  }

  // The engine's bot resigned for its failed engine: the game ended with the
  // opponent winning by resignation, the random bot exited 0, the engine's
  // bot non-zero after saying why.
  void expectEngineResigned(int seat, const std::string& why) {
    EXPECT_EQ(recorded_, (game::Status{game::winFor(game::opponent(static_cast<game::Seat>(seat))),
                                       game::EndReason::Resignation}));
    EXPECT_EQ(random_.status, 0) << random_.err;
    EXPECT_EQ(engine_.status, 1) << engine_.err;
    EXPECT_NE(engine_.err.find("the engine failed, resigning: "), std::string::npos) << engine_.err;
    EXPECT_NE(engine_.err.find(why), std::string::npos) << engine_.err;
  }

  TempDir dir_;
  Outcome engine_;
  Outcome random_;
  game::Status recorded_;
};

struct BrainVariant {
  const char* rule;
  int seat;
};
void PrintTo(const BrainVariant& v, std::ostream* os) { *os << v.rule << " seat " << v.seat; }

class BrainGame : public EngineGame, public testing::WithParamInterface<BrainVariant> {};

TEST_P(BrainGame, TheBrainBeatsTheRandomBot) {
  const BrainVariant v = GetParam();
  play({"--game", "omok", "--rule", v.rule}, v.seat, std::string("gomocup:") + TEST_BRAIN_PATH, "200");
  expectEngineWon(v.seat, game::EndReason::FiveInARow);
}

INSTANTIATE_TEST_SUITE_P(Seats, BrainGame,
                         testing::Values(BrainVariant{"freestyle", 1}, BrainVariant{"freestyle", 2},
                                         BrainVariant{"standard", 1}, BrainVariant{"standard", 2}),
                         [](const testing::TestParamInfo<BrainVariant>& info) {
                           return std::string(info.param.rule) + (info.param.seat == 1 ? "_black" : "_white");
                         });

// Under an opening rule the bot makes the opening's stones and decisions at
// random, then hands the brain the position: it still wins, whichever colour
// the opening left it.
class OpeningBrainGame : public EngineGame, public testing::WithParamInterface<BrainVariant> {};

TEST_P(OpeningBrainGame, TheBrainWinsAfterARandomOpening) {
  const BrainVariant v = GetParam();
  play({"--game", "omok", "--rule", "freestyle", "--opening", v.rule}, v.seat,
       std::string("gomocup:") + TEST_BRAIN_PATH, "200");
  expectEngineWon(v.seat, game::EndReason::FiveInARow);
}

INSTANTIATE_TEST_SUITE_P(Openings, OpeningBrainGame,
                         testing::Values(BrainVariant{"swap1", 1}, BrainVariant{"swap2", 2}),
                         [](const testing::TestParamInfo<BrainVariant>& info) {
                           return std::string(info.param.rule) + "_player" + std::to_string(info.param.seat);
                         });

class StockfishGame : public EngineGame, public testing::WithParamInterface<int> {};

TEST_P(StockfishGame, StockfishMatesTheRandomBot) {
  if (!std::filesystem::exists(kStockfish)) GTEST_SKIP() << "no " << kStockfish << " (scripts/install-deps test)";
  play({"--game", "chess", "--rule", "fide"}, GetParam(), std::string("uci:") + kStockfish, "30");
  expectEngineWon(GetParam(), game::EndReason::Checkmate);
}

INSTANTIATE_TEST_SUITE_P(Seats, StockfishGame, testing::Values(1, 2),
                         [](const testing::TestParamInfo<int>& info) {
                           return std::string(info.param == 1 ? "white" : "black");
                         });

TEST_F(EngineGame, ABrainThatDiesMidGameResigns) {
  play({"--game", "omok", "--rule", "freestyle"}, 2, std::string("gomocup:") + TEST_BRAIN_PATH + " --die-after 3",
       "200");
  expectEngineResigned(2, "exited with status 3");
  EXPECT_EQ(random_.result(), "player1 resignation after 7 moves");  // its 3 moves, then black's 4th
}

TEST_F(EngineGame, AUciEngineThatDiesResigns) {
  play({"--game", "chess", "--rule", "fide"}, 1, "uci:read line; echo uciok; exit 3", "50");
  expectEngineResigned(1, "status 3");
  EXPECT_EQ(random_.result(), "player2 resignation after 0 moves");
}

TEST_F(EngineGame, AnEngineOfTheWrongGameResigns) {
  play({"--game", "omok", "--rule", "renju"}, 1, "uci:read line; echo uciok", "50");
  expectEngineResigned(1, "a UCI engine plays chess");
}

}  // namespace
}  // namespace servertest
