// Engine players against scripted engines (shell one-liners), the test brain
// and, when installed, Stockfish: the answer is the engine's move when legal,
// an error otherwise (illegal, silent, dead), whatever its line ends (LF,
// CR LF; a brain's bare CR or CR CR LF too), and the Gomocup brain is told
// the game with BEGIN, TURN or BOARD as the history requires. Under swap2
// the brain's answers to SWAP2BOARD become stones and decisions, each due
// where the one before leaves the game; a brain that does not speak it has
// no say, and one that answers nonsense or an illegal stone fails.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "game_client/engine/engine_player.h"
#include "shared/omok/coord.h"

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

TEST(UciEngine, ReadsLinesEndedByCrLf) {
  auto engine = make("uci:while read cmd; do case \"$cmd\" in uci) printf 'id name fake\\r\\nuciok\\r\\n';; "
                     "isready) printf 'readyok\\r\\n';; go*) printf 'info depth 1\\r\\n\\r\\nbestmove e2e4\\r\\n';; "
                     "quit) exit 0;; esac; done");
  std::string error;
  EXPECT_EQ(engine->move(kChess, {}, error), (game::Move{12, 28, 0})) << error;
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

const game::Setup kSwap2{game::Kind::Omok, game::Rule::Freestyle, 15, "", game::Opening::Swap2};

game::Move at(const char* name) {
  omok::Point p;
  std::string error;
  EXPECT_TRUE(omok::parsePoint(name, 15, p, error)) << error;
  return {0, static_cast<std::uint16_t>(omok::wireIndex(p, 15)), 0};
}

// The test brain's own opening on 15x15: its first three stones, then its
// fourth and fifth (option 3) after those.
const std::vector<game::Move> kThree{at("h8"), at("h9"), at("g8")};
const std::vector<game::Move> kFive{at("h8"), at("h9"), at("g8"), at("i8"), at("h7")};

// A swap2 game after `stones`, option 3 taken after the third when there are more.
std::unique_ptr<game::Game> swap2After(const std::vector<game::Move>& stones) {
  std::string error;
  std::unique_ptr<game::Game> g = game::makeGame(kSwap2, error);
  EXPECT_TRUE(g) << error;
  for (std::size_t i = 0; i < stones.size(); ++i) {
    if (i == 3) {
      EXPECT_TRUE(g->decide({game::Choice::ChooseOption, 3, {}}).accepted());
    }
    EXPECT_TRUE(g->play(stones[i]).accepted()) << i;
  }
  return g;
}

// "3 choose-option: option 3, 3 place: i8": each action where it is due.
std::string describe(const std::optional<std::vector<OpeningAction>>& actions) {
  if (!actions) return "(failed)";
  std::string text;
  for (const OpeningAction& a : *actions) {
    text += (text.empty() ? "" : ", ") + std::to_string(a.ply) + " " + std::string(game::name(a.step)) + ": ";
    if (const auto* d = std::get_if<game::Decision>(&a.what))
      text += std::string(game::name(d->choice)) + " " + std::to_string(d->value);
    else
      text += omok::name(omok::fromWireIndex(std::get<game::Move>(a.what).to, 15));
  }
  return text;
}

// The brain's answer where `stones` leave the swap2 opening.
std::string swap2Answer(EnginePlayer& engine, const std::vector<game::Move>& stones, std::string& error) {
  return describe(engine.opening(kSwap2, *swap2After(stones), stones, error));
}

TEST_F(BrainTest, PutsTheFirstThreeStones) {
  auto engine = brain();
  std::string error;
  EXPECT_EQ(swap2Answer(*engine, {}, error), "0 place: h8, 1 place: h9, 2 place: g8") << error;
  engine.reset();
  EXPECT_EQ(received(),
            "brain< START 15\nbrain< INFO timeout_turn 100\nbrain< INFO rule 0\nbrain< SWAP2BOARD\nbrain< DONE\n"
            "brain< END\n");
}

TEST_F(BrainTest, ChoosesSwap2sOptionAfterThreeStones) {
  std::string error;
  EXPECT_EQ(swap2Answer(*brain(), kThree, error), "3 choose-option: option 3, 3 place: i8, 4 place: h7") << error;
  EXPECT_EQ(swap2Answer(*brain("--swap2 swap"), kThree, error), "3 choose-option: option 1") << error;
  // Option 2 ends the opening: its stone is white's first move of the game.
  EXPECT_EQ(swap2Answer(*brain("--swap2 stay"), kThree, error), "3 choose-option: option 2, 3 done: i8") << error;
}

TEST_F(BrainTest, ChoosesTheColourAfterFiveStones) {
  std::string error;
  EXPECT_EQ(swap2Answer(*brain(), kFive, error), "5 choose-color: color 2, 5 done: g10") << error;
  EXPECT_EQ(swap2Answer(*brain("--swap2 swap"), kFive, error), "5 choose-color: color 1") << error;
}

TEST_F(BrainTest, IsToldTheBoardAfterTheOpening) {
  auto engine = brain("--swap2 stay");
  std::string error;
  ASSERT_EQ(swap2Answer(*engine, kThree, error), "3 choose-option: option 2, 3 done: i8") << error;
  std::vector<game::Move> history = kThree;
  history.push_back(at("i8"));
  history.push_back(at("a1"));
  EXPECT_TRUE(engine->move(kFreestyle, history, error)) << error;
  engine.reset();
  EXPECT_EQ(received(),
            "brain< START 15\nbrain< INFO timeout_turn 100\nbrain< INFO rule 0\nbrain< SWAP2BOARD\nbrain< 7,7\n"
            "brain< 7,6\nbrain< 6,7\nbrain< DONE\nbrain< BOARD\nbrain< 7,7,2\nbrain< 7,6,1\nbrain< 6,7,2\n"
            "brain< 8,7,1\nbrain< 0,14,2\nbrain< DONE\nbrain< END\n");
}

TEST_F(BrainTest, ABrainThatDoesNotSpeakSwap2BoardHasNoSay) {
  for (const char* how : {"unknown", "error"}) {
    auto engine = brain(std::string("--swap2 ") + how);
    std::string error;
    EXPECT_EQ(swap2Answer(*engine, {}, error), "") << how << ": " << error;
    EXPECT_EQ(swap2Answer(*engine, kFive, error), "") << how << ": " << error;  // not asked again
    EXPECT_TRUE(engine->move(kFreestyle, kFive, error)) << how << ": " << error;  // its UNKNOWNs are behind it
    engine.reset();
    const std::string log = received();
    EXPECT_EQ(log.find("SWAP2BOARD"), log.rfind("SWAP2BOARD")) << log;
  }
}

// A brain ending its lines with a bare CR, or with CR CR LF as a Windows
// text-mode stream does, is read as one ending them with CR LF: its moves,
// its answers to SWAP2BOARD, and its MESSAGE and DEBUG lines skipped.
TEST_F(BrainTest, ReadsEveryLineEnd) {
  for (const std::string end : {"cr", "crcrlf"}) {
    auto engine = brain("--chatty --line-end " + end);
    std::string error;
    EXPECT_EQ(engine->move(kFreestyle, {}, error), (game::Move{0, kH8, 0})) << end << ": " << error;
    const std::optional<game::Move> second = engine->move(kFreestyle, {{0, kH8, 0}, {0, kA1, 0}}, error);
    ASSERT_TRUE(second) << end << ": " << error;
    EXPECT_NE(second->to, kH8);
    EXPECT_NE(second->to, kA1);
    EXPECT_EQ(swap2Answer(*brain("--line-end " + end), {}, error), "0 place: h8, 1 place: h9, 2 place: g8")
        << end << ": " << error;
    EXPECT_EQ(swap2Answer(*brain("--line-end " + end + " --swap2 swap"), kThree, error), "3 choose-option: option 1")
        << end << ": " << error;
  }
}

TEST_F(BrainTest, NonsenseOrATakenPointIsAFailure) {
  std::string error;
  EXPECT_EQ(swap2Answer(*brain("--swap2 nonsense"), kThree, error), "(failed)");
  EXPECT_NE(error.find("the brain answered 'thinking about it' to SWAP2BOARD: 'thinking' is not a point"),
            std::string::npos)
      << error;
  EXPECT_EQ(swap2Answer(*brain("--swap2 taken"), {}, error), "(failed)");
  EXPECT_NE(error.find("illegal move, 7,7 (h8) in its answer '7,7 7,7 8,8' to SWAP2BOARD"), std::string::npos)
      << error;
  EXPECT_EQ(swap2Answer(*brain("--swap2 taken"), kFive, error), "(failed)");
  EXPECT_NE(error.find("7,7 (h8) in its answer '7,7' to SWAP2BOARD"), std::string::npos) << error;
}

TEST_F(BrainTest, OtherOpeningsAreNotAskedAbout) {
  auto engine = brain();
  std::string error;
  for (const game::Opening opening : {game::Opening::Swap1, game::Opening::Soosorv8}) {
    game::Setup setup{game::Kind::Omok, opening == game::Opening::Swap1 ? game::Rule::Freestyle : game::Rule::Renju,
                      15, "", opening};
    const std::unique_ptr<game::Game> g = game::makeGame(setup, error);
    ASSERT_TRUE(g) << error;
    EXPECT_EQ(describe(engine->opening(setup, *g, {}, error)), "") << error;
  }
  engine.reset();
  EXPECT_EQ(received(), "");  // not even started
}

TEST(GomocupEngine, GivesUpOnABrainSilentToSwap2Board) {
  auto engine = make("gomocup:while read l; do case \"$l\" in START*) echo OK;; esac; done",
                     {.moveTime = 10ms, .grace = 300ms});
  std::string error;
  EXPECT_EQ(swap2Answer(*engine, kThree, error), "(failed)");
  EXPECT_NE(error.find("waiting for the answer to SWAP2BOARD: no answer in time"), std::string::npos) << error;
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
