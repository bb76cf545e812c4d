// Engines as players through a real game_server: a game_bot playing an
// engine's moves against a random game_bot, or two of them against each
// other. The test brain (Gomocup; its lines ended by CR LF, a bare CR or
// CR CR LF) and Stockfish (UCI) beat the random bot from either seat; two
// test brains open a swap2 game through SWAP2BOARD, their stones and
// decisions the ones the record holds, or without it when they do not speak
// it; an engine that dies or answers an illegal stone makes its bot resign,
// so the game still ends with a result; and every game's record replays
// (game_replay) to the result the bots printed.
#include <array>
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

// How many times `text` shows in `in`.
int count(const std::string& in, const std::string& text) {
  int n = 0;
  for (auto at = in.find(text); at != std::string::npos; at = in.find(text, at + text.size())) ++n;
  return n;
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

// One game on a server started with `serverArgs`: a bot in each seat, with
// `extra` arguments of its own (an engine, say). Stops the server and checks
// that its one record replays to the result both bots printed.
class EngineGame : public testing::Test {
 protected:
  void run(std::vector<std::string> serverArgs, const std::array<std::vector<std::string>, 2>& extra) {
    Server server(std::move(serverArgs));
    ASSERT_NE(server.port(), 0);
    const auto errors = [&](int i) { return dir_.path() / ("bot" + std::to_string(i + 1) + ".err"); };
    std::array<std::unique_ptr<Process>, 2> bots;
    for (int i = 0; i < 2; ++i) {
      std::vector<std::string> args{"--port", std::to_string(server.port()), "--name", "bot" + std::to_string(i + 1),
                                    "--seat", std::to_string(i + 1), "--seed", "7", "--timeout", "90"};
      args.insert(args.end(), extra[i].begin(), extra[i].end());
      bots[i] = std::make_unique<Process>(GAME_BOT_PATH, args, errors(i));
    }
    for (int i = 0; i < 2; ++i) bots_[i].out = bots[i]->readAll(100s);
    for (int i = 0; i < 2; ++i) {
      bots_[i].status = bots[i]->wait(10s);
      bots_[i].err = fileText(errors(i));
    }
    ASSERT_FALSE(bots_[0].result().empty()) << both();
    EXPECT_EQ(bots_[0].result(), bots_[1].result()) << both();

    ASSERT_EQ(server.stop(), 0) << server.log();
    const auto files = server.records();
    ASSERT_EQ(files.size(), 1u);
    Process replay(GAME_REPLAY_PATH, {files[0].string()}, dir_.path() / "replay.err");
    const std::string replayed = replay.readAll(30s);
    EXPECT_EQ(replay.wait(10s), 0) << fileText(dir_.path() / "replay.err");
    EXPECT_NE(replayed.find(bots_[0].result()), std::string::npos) << replayed;
    auto loaded = record::readFile(files[0]);
    ASSERT_TRUE(std::holds_alternative<record::Record>(loaded)) << std::get<record::LoadError>(loaded).describe();
    record_ = std::move(std::get<record::Record>(loaded));
    ASSERT_TRUE(record_.result.has_value());
    recorded_ = *record_.result;
    if (recorded_.reason != game::EndReason::Resignation) {
      EXPECT_EQ(record_.game->status(), recorded_);  // the replayed moves reach the recorded result
    }
  }

  // A bot playing `engine` from `seat` against a random bot.
  void play(std::vector<std::string> serverArgs, int seat, const std::string& engine, const std::string& moveTime) {
    engineSeat_ = seat;
    std::array<std::vector<std::string>, 2> extra;
    extra[seat - 1] = {"--engine", engine, "--movetime", moveTime};
    run(std::move(serverArgs), extra);
  }
  const Outcome& engine() const { return bots_[engineSeat_ - 1]; }
  const Outcome& random() const { return bots_[2 - engineSeat_]; }
  std::string both() const {
    return "player1:\n" + bots_[0].out + bots_[0].err + "\nplayer2:\n" + bots_[1].out + bots_[1].err;
  }

  // The engine's seat won by `reason`, and its bot exited 0.
  void expectEngineWon(int seat, game::EndReason reason) {
    EXPECT_EQ(engine().status, 0) << engine().err;
    EXPECT_EQ(random().status, 0) << random().err;
    EXPECT_EQ(recorded_, (game::Status{game::winFor(static_cast<game::Seat>(seat)), reason})) << both();
  }

  // The engine's bot resigned for its failed engine: the game ended with the
  // opponent winning by resignation, the random bot exited 0, the engine's
  // bot non-zero after saying why.
  void expectEngineResigned(int seat, const std::string& why) {
    EXPECT_EQ(recorded_, (game::Status{game::winFor(game::opponent(static_cast<game::Seat>(seat))),
                                       game::EndReason::Resignation}));
    EXPECT_EQ(random().status, 0) << random().err;
    EXPECT_EQ(engine().status, 1) << engine().err;
    EXPECT_NE(engine().err.find("the engine failed, resigning: "), std::string::npos) << engine().err;
    EXPECT_NE(engine().err.find(why), std::string::npos) << engine().err;
  }

  TempDir dir_;
  std::array<Outcome, 2> bots_;  // by seat
  int engineSeat_ = 0;
  record::Record record_;
  game::Status recorded_;
};

struct BrainVariant {
  const char* rule;
  int seat;
  const char* lineEnd = "";  // test_brain's --line-end, or "" for its CR LF
  std::string engine() const {
    return std::string("gomocup:") + TEST_BRAIN_PATH + (*lineEnd ? std::string(" --line-end ") + lineEnd : "");
  }
  std::string name() const { return *lineEnd ? std::string("_") + lineEnd + "_lines" : ""; }
};
void PrintTo(const BrainVariant& v, std::ostream* os) {
  *os << v.rule << " seat " << v.seat << (*v.lineEnd ? " lines ended by " : "") << v.lineEnd;
}

class BrainGame : public EngineGame, public testing::WithParamInterface<BrainVariant> {};

TEST_P(BrainGame, TheBrainBeatsTheRandomBot) {
  const BrainVariant v = GetParam();
  play({"--game", "omok", "--rule", v.rule}, v.seat, v.engine(), "200");
  expectEngineWon(v.seat, game::EndReason::FiveInARow);
}

// Also brains ending their lines with a bare CR or with CR CR LF: they play
// their whole game as the others do.
INSTANTIATE_TEST_SUITE_P(Seats, BrainGame,
                         testing::Values(BrainVariant{"freestyle", 1}, BrainVariant{"freestyle", 2},
                                         BrainVariant{"standard", 1}, BrainVariant{"standard", 2},
                                         BrainVariant{"freestyle", 1, "cr"}, BrainVariant{"standard", 2, "crcrlf"}),
                         [](const testing::TestParamInfo<BrainVariant>& info) {
                           return std::string(info.param.rule) + (info.param.seat == 1 ? "_black" : "_white") +
                                  info.param.name();
                         });

// Under swap1 the bot makes the opening's stones and decisions at random;
// under swap2 the brain answers SWAP2BOARD for its seat, the random bot's
// stones and decisions in between. Then the brain is handed the position:
// it still wins, whichever colour the opening left it.
class OpeningBrainGame : public EngineGame, public testing::WithParamInterface<BrainVariant> {};

TEST_P(OpeningBrainGame, TheBrainWinsAfterARandomOpening) {
  const BrainVariant v = GetParam();
  play({"--game", "omok", "--rule", "freestyle", "--opening", v.rule}, v.seat, v.engine(), "200");
  expectEngineWon(v.seat, game::EndReason::FiveInARow);
}

// Also a brain ending its lines with CR CR LF, its answers to SWAP2BOARD included.
INSTANTIATE_TEST_SUITE_P(Openings, OpeningBrainGame,
                         testing::Values(BrainVariant{"swap1", 1}, BrainVariant{"swap2", 1},
                                         BrainVariant{"swap2", 2}, BrainVariant{"swap2", 1, "crcrlf"}),
                         [](const testing::TestParamInfo<BrainVariant>& info) {
                           return std::string(info.param.rule) + "_player" + std::to_string(info.param.seat) +
                                  info.param.name();
                         });

// Two test brains open a swap2 game through SWAP2BOARD, the second with its
// own answer after three stones (`how`, test_brain's --swap2): the record
// holds the first brain's three stones (h8 h9 g8, test_brain's nearest
// points), the second's option and what follows it, and the game goes on to
// a legal end, neither bot resigning nor deciding anything at random.
struct Swap2Variant {
  const char* how;                         // the second brain's --swap2, or "" for its own choice (option 3)
  std::vector<const char*> decisions;      // the record's decisions, "2 option 3" for player2's
  std::vector<const char*> moves;          // its first moves, "1 h8" for player1's
  int asked1;                              // how often each brain was sent SWAP2BOARD
};
void PrintTo(const Swap2Variant& v, std::ostream* os) { *os << (*v.how ? v.how : "two"); }

class Swap2BoardGame : public EngineGame, public testing::WithParamInterface<Swap2Variant> {};

TEST_P(Swap2BoardGame, TwoBrainsOpenThroughSwap2Board) {
  const Swap2Variant v = GetParam();
  const std::string brain = std::string("gomocup:") + TEST_BRAIN_PATH;
  run({"--game", "omok", "--rule", "freestyle", "--opening", "swap2"},
      {std::vector<std::string>{"--engine", brain, "--movetime", "200"},
       std::vector<std::string>{"--engine", brain + (*v.how ? std::string(" --swap2 ") + v.how : ""), "--movetime",
                                "200"}});
  std::vector<std::string> decisions;
  for (const record::DecisionLine& d : record_.decisions)
    decisions.push_back(std::to_string(static_cast<int>(d.seat)) + " " + d.notation);
  EXPECT_EQ(decisions, std::vector<std::string>(v.decisions.begin(), v.decisions.end())) << both();
  ASSERT_GE(record_.moves.size(), v.moves.size()) << both();
  for (std::size_t i = 0; i < v.moves.size(); ++i)
    EXPECT_EQ(std::to_string(static_cast<int>(record_.moves[i].seat)) + " " + record_.moves[i].notation, v.moves[i])
        << i;
  EXPECT_TRUE(recorded_.reason == game::EndReason::FiveInARow || recorded_.reason == game::EndReason::BoardFull)
      << game::name(recorded_.reason);
  EXPECT_EQ(count(bots_[0].err, "brain< SWAP2BOARD"), v.asked1) << bots_[0].err;
  EXPECT_EQ(count(bots_[1].err, "brain< SWAP2BOARD"), 1) << bots_[1].err;
  for (const Outcome& bot : bots_) {
    EXPECT_EQ(bot.status, 0) << bot.err;
    EXPECT_EQ(count(bot.err, "does not speak"), 0) << bot.err;
    EXPECT_NE(bot.err.find("brain< BOARD"), std::string::npos) << bot.err;  // told the position after the opening
  }
}

INSTANTIATE_TEST_SUITE_P(
    Answers, Swap2BoardGame,
    testing::Values(
        // Option 3: the second brain's i8 and h7; the first takes white and plays move 6.
        Swap2Variant{"", {"2 option 3", "1 white"}, {"1 h8", "1 h9", "1 g8", "2 i8", "2 h7", "1 g10"}, 2},
        // Option 2: the second brain stays white and plays move 4.
        Swap2Variant{"stay", {"2 option 2"}, {"1 h8", "1 h9", "1 g8", "2 i8"}, 1},
        // Option 1: the second brain takes black; the first, white now, plays move 4.
        Swap2Variant{"swap", {"2 option 1"}, {"1 h8", "1 h9", "1 g8", "1 i8"}, 1}),
    [](const testing::TestParamInfo<Swap2Variant>& info) {
      return std::string(*info.param.how ? info.param.how : "two");
    });

// Brains that do not speak SWAP2BOARD (one says UNKNOWN, one ERROR) are
// asked once each, say so once on stderr, and the bots make the opening at
// random, as for any other opening; the game still goes on to a legal end.
TEST_F(EngineGame, BrainsThatDoNotSpeakSwap2BoardLeaveTheOpeningToTheBots) {
  const std::string brain = std::string("gomocup:") + TEST_BRAIN_PATH + " --swap2 ";
  run({"--game", "omok", "--rule", "freestyle", "--opening", "swap2"},
      {std::vector<std::string>{"--engine", brain + "unknown", "--movetime", "200"},
       std::vector<std::string>{"--engine", brain + "error", "--movetime", "200"}});
  ASSERT_GE(record_.moves.size(), 3u) << both();
  EXPECT_NE(record_.moves[0].notation + record_.moves[1].notation + record_.moves[2].notation, "h8h9g8");
  EXPECT_FALSE(record_.decisions.empty());
  EXPECT_TRUE(recorded_.reason == game::EndReason::FiveInARow || recorded_.reason == game::EndReason::BoardFull)
      << game::name(recorded_.reason);
  for (const Outcome& bot : bots_) {
    EXPECT_EQ(bot.status, 0) << bot.err;
    EXPECT_EQ(count(bot.err, "brain< SWAP2BOARD"), 1) << bot.err;
    EXPECT_EQ(count(bot.err, "which it does not speak"), 1) << bot.err;
  }
  EXPECT_NE(bots_[0].err.find("answered 'UNKNOWN SWAP2BOARD' to SWAP2BOARD"), std::string::npos) << bots_[0].err;
  EXPECT_NE(bots_[1].err.find("answered 'ERROR SWAP2BOARD is not supported'"), std::string::npos) << bots_[1].err;
}

// A brain whose three stones are not legal (two on h8) makes its bot resign
// before any stone is sent.
TEST_F(EngineGame, ABrainWithAnIllegalSwap2AnswerResigns) {
  play({"--game", "omok", "--rule", "freestyle", "--opening", "swap2"}, 1,
       std::string("gomocup:") + TEST_BRAIN_PATH + " --swap2 taken", "200");
  expectEngineResigned(1, "7,7 (h8) in its answer '7,7 7,7 8,8' to SWAP2BOARD");
  EXPECT_EQ(random().result(), "player2 resignation after 0 moves");
}

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
  EXPECT_EQ(random().result(), "player1 resignation after 7 moves");  // its 3 moves, then black's 4th
}

TEST_F(EngineGame, AUciEngineThatDiesResigns) {
  play({"--game", "chess", "--rule", "fide"}, 1, "uci:read line; echo uciok; exit 3", "50");
  expectEngineResigned(1, "status 3");
  EXPECT_EQ(random().result(), "player2 resignation after 0 moves");
}

TEST_F(EngineGame, AnEngineOfTheWrongGameResigns) {
  play({"--game", "omok", "--rule", "renju"}, 1, "uci:read line; echo uciok", "50");
  expectEngineResigned(1, "a UCI engine plays chess");
}

}  // namespace
}  // namespace servertest
