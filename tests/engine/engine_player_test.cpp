// Engine players against scripted engines (shell one-liners), the test brain
// and, when installed, Stockfish: the answer is the engine's move when legal,
// an error otherwise (illegal, silent, dead), and the Gomocup brain is told
// the game with BEGIN, TURN or BOARD as the history requires.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "game_client/engine/engine_player.h"

namespace engine {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

const game::Setup kChess{game::Kind::Chess, game::Rule::Fide, 8, ""};
const game::Setup kFreestyle{game::Kind::Omok, game::Rule::Freestyle, 15, ""};
constexpr std::uint16_t kH8 = 7 * 15 + 7;
constexpr std::uint16_t kH9 = 8 * 15 + 7;
constexpr std::uint16_t kA1 = 0;

std::unique_ptr<EnginePlayer> make(const std::string& spec, Settings settings = {}) {
  std::string error;
  auto player = makeEnginePlayer(spec, settings, error);
  EXPECT_TRUE(player) << error;
  return player;
}

// A UCI engine in shell that runs `onGo` for every go command.
std::string fakeUci(const std::string& onGo) {
  return "uci:while read cmd; do case \"$cmd\" in uci) echo 'id name fake'; echo uciok;; isready) echo readyok;; "
         "go*) " + onGo + ";; quit) exit 0;; esac; done";
}

TEST(EngineSpec, NeedsAProtocolAndACommand) {
  std::string error;
  for (const char* bad : {"stockfish", "uci:", "xboard:crafty", ":x"}) {
    EXPECT_FALSE(makeEnginePlayer(bad, {}, error)) << bad;
    EXPECT_NE(error.find("uci:COMMAND"), std::string::npos) << error;
  }
}

TEST(UciEngine, ReturnsTheLegalBestMove) {
  auto engine = make(fakeUci("echo 'info depth 1 pv e2e4'; echo 'bestmove e2e4 ponder e7e5'"));
  std::string error;
  EXPECT_EQ(engine->move(kChess, {}, error), (game::Move{12, 28, 0})) << error;
  EXPECT_EQ(engine->move(kChess, {{12, 28, 0}, {52, 36, 0}}, error), std::nullopt);  // e2e4 is not legal again
}

TEST(UciEngine, RefusesAnIllegalOrMissingMove) {
  std::string error;
  EXPECT_FALSE(make(fakeUci("echo bestmove e2e5"))->move(kChess, {}, error));
  EXPECT_NE(error.find("e2e5"), std::string::npos) << error;
  EXPECT_FALSE(make(fakeUci("echo 'bestmove (none)'"))->move(kChess, {}, error));
  EXPECT_NE(error.find("(none)"), std::string::npos) << error;
}

TEST(UciEngine, GivesUpOnASilentEngine) {
  auto engine = make(fakeUci("sleep 30"), {.moveTime = 10ms, .grace = 300ms});
  std::string error;
  const auto start = Clock::now();
  EXPECT_FALSE(engine->move(kChess, {}, error));
  EXPECT_LT(Clock::now() - start, 3s);
  EXPECT_NE(error.find("waiting for bestmove: no answer in time"), std::string::npos) << error;
}

TEST(UciEngine, ReportsAnEngineThatDies) {
  std::string error;
  EXPECT_FALSE(make(fakeUci("exit 5"))->move(kChess, {}, error));
  EXPECT_NE(error.find("exited with status 5"), std::string::npos) << error;
  EXPECT_FALSE(make("uci:read x; echo uciok; exit 4")->move(kChess, {}, error));
  EXPECT_NE(error.find("status 4"), std::string::npos) << error;
}

TEST(UciEngine, PlaysChessOnly) {
  std::string error;
  EXPECT_FALSE(make(fakeUci("echo bestmove e2e4"))->move(kFreestyle, {}, error));
  EXPECT_NE(error.find("plays chess"), std::string::npos) << error;
}

TEST(UciEngine, StockfishMatesInOneFromAFen) {
  if (!std::filesystem::exists("/usr/games/stockfish")) GTEST_SKIP() << "no /usr/games/stockfish";
  auto engine = make("uci:/usr/games/stockfish", {.moveTime = 50ms});
  std::string error;
  const game::Setup mateInOne{game::Kind::Chess, game::Rule::Fide, 8, "6k1/5ppp/8/8/8/8/8/R6K w - - 0 1"};
  EXPECT_EQ(engine->move(mateInOne, {}, error), (game::Move{0, 56, 0})) << error;  // Ra8#
}

// The test brain, its stderr (everything it received) in a file.
class BrainTest : public testing::Test {
 protected:
  std::unique_ptr<EnginePlayer> brain(const std::string& flags = "") {
    return make("gomocup:" TEST_BRAIN_PATH " " + flags + " 2>" + log_.string());
  }
  std::string received() const {
    std::ifstream in(log_);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  void TearDown() override { std::filesystem::remove(log_); }

  std::filesystem::path log_ = std::filesystem::temp_directory_path() /
                               ("brain_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
                                ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".log");
};

TEST_F(BrainTest, BeginsThenFollowsTurnByTurn) {
  auto engine = brain();
  std::string error;
  EXPECT_EQ(engine->move(kFreestyle, {}, error), (game::Move{0, kH8, 0})) << error;
  const std::optional<game::Move> second = engine->move(kFreestyle, {{0, kH8, 0}, {0, kA1, 0}}, error);
  ASSERT_TRUE(second) << error;
  EXPECT_NE(second->to, kH8);
  EXPECT_NE(second->to, kA1);
  engine.reset();  // END
  EXPECT_EQ(received(),
            "brain< START 15\nbrain< INFO timeout_turn 100\nbrain< INFO rule 0\nbrain< BEGIN\n"
            "brain< TURN 0,14\nbrain< END\n");
}

TEST_F(BrainTest, JoinedMidGameIsToldTheBoard) {
  auto engine = brain();
  std::string error;
  // Black h8, white a1, black h9: the brain plays white, so a1 is its own.
  const std::optional<game::Move> move =
      engine->move({game::Kind::Omok, game::Rule::Standard, 15, ""}, {{0, kH8, 0}, {0, kA1, 0}, {0, kH9, 0}}, error);
  ASSERT_TRUE(move) << error;
  engine.reset();
  EXPECT_EQ(received(),
            "brain< START 15\nbrain< INFO timeout_turn 100\nbrain< INFO rule 1\nbrain< BOARD\n"
            "brain< 7,7,2\nbrain< 0,14,1\nbrain< 7,6,2\nbrain< DONE\nbrain< END\n");
}

TEST_F(BrainTest, SkipsMessagesAndLogsErrors) {
  std::string error;
  EXPECT_EQ(brain("--chatty")->move(kFreestyle, {}, error), (game::Move{0, kH8, 0})) << error;
}

TEST_F(BrainTest, ReportsABrainThatDies) {
  std::string error;
  EXPECT_FALSE(brain("--die-after 0")->move(kFreestyle, {}, error));
  EXPECT_NE(error.find("exited with status 3"), std::string::npos) << error;
}

TEST(GomocupEngine, RefusesAnOccupiedPoint) {
  // A brain that always answers the centre (its lines end in CR LF too).
  auto engine =
      make("gomocup:while read l; do case \"$l\" in START*) echo OK;; BEGIN*|TURN*|DONE*) echo 7,7;; esac; done");
  std::string error;
  EXPECT_FALSE(engine->move(kFreestyle, {{0, kH8, 0}}, error));
  EXPECT_NE(error.find("7,7 (h8)"), std::string::npos) << error;
}

TEST(GomocupEngine, PlaysOmokOnly) {
  std::string error;
  EXPECT_FALSE(make("gomocup:" TEST_BRAIN_PATH)->move(kChess, {}, error));
  EXPECT_NE(error.find("plays omok"), std::string::npos) << error;
}

}  // namespace
}  // namespace engine
