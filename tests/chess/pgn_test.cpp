#include "shared/chess/pgn.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "shared/chess/movegen.h"
#include "shared/chess/notation.h"

namespace chess {
namespace {

Game playUci(const Position& start, std::initializer_list<const char*> moves) {
  Game game(start);
  for (const char* text : moves) {
    Move m{};
    std::string error;
    EXPECT_TRUE(parseUci(game.position(), text, m, error)) << text << ": " << error;
    EXPECT_TRUE(game.play(m)) << text;
  }
  return game;
}

TEST(Pgn, ExportsSevenTagRosterAndMoves) {
  const Game game = playUci(Position(), {"f2f3", "e7e5", "g2g4", "d8h4"});
  const std::string pgn =
      writePgn(game, {{"White", "Alice"}, {"Black", "Bob \"the\" \\ Blunder"}, {"Round", "3"}, {"Annotator", "us"}});
  EXPECT_EQ(pgn,
            "[Event \"?\"]\n"
            "[Site \"?\"]\n"
            "[Date \"????.??.??\"]\n"
            "[Round \"3\"]\n"
            "[White \"Alice\"]\n"
            "[Black \"Bob \\\"the\\\" \\\\ Blunder\"]\n"
            "[Result \"0-1\"]\n"
            "[Annotator \"us\"]\n"
            "\n"
            "1. f3 e5 2. g4 Qh4# 0-1\n");
}

TEST(Pgn, ExportsMoveCommentsAndNumbersBlackAfterThem) {
  const Game game = playUci(Position(), {"f2f3", "e7e5", "g2g4", "d8h4"});
  const std::string pgn = writePgn(game, {{"TimeControl", "60+1"}},
                                   {"[%clk 0:01:00]", "[%clk 0:00:59]", "", "[%clk 0:00:58]"});
  EXPECT_NE(pgn.find("[TimeControl \"60+1\"]\n"), std::string::npos) << pgn;
  EXPECT_NE(pgn.find("1. f3 {[%clk 0:01:00]} 1... e5 {[%clk 0:00:59]} 2. g4 Qh4# {[%clk 0:00:58]} 0-1\n"),
            std::string::npos)
      << pgn;
  PgnGame back;
  std::string error;
  ASSERT_TRUE(readPgn(pgn, back, error)) << error;
  EXPECT_EQ(back.game.moves(), game.moves());
}

TEST(Pgn, ExportsSetUpAndBlackToMove) {
  Position start;
  std::string error;
  ASSERT_TRUE(start.setFen("4k3/8/8/8/8/8/4p3/R3K3 b Q - 0 30", error)) << error;
  const Game game = playUci(start, {"e8d7", "e1e2"});
  const std::string pgn = writePgn(game);
  EXPECT_NE(pgn.find("[Result \"*\"]\n[SetUp \"1\"]\n[FEN \"4k3/8/8/8/8/8/4p3/R3K3 b Q - 0 30\"]\n"), std::string::npos)
      << pgn;
  EXPECT_NE(pgn.find("\n30... Kd7 31. Kxe2 *\n"), std::string::npos) << pgn;
}

TEST(Pgn, WrapsLongMovetext) {
  // A long game of varied moves, picked deterministically.
  Game game;
  for (std::size_t ply = 0; ply < 120 && !game.over(); ++ply) {
    const MoveList moves(game.position());
    game.play(*(moves.begin() + (ply * 7) % moves.size()));
  }
  const std::string pgn = writePgn(game);
  std::istringstream lines(pgn);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) EXPECT_LE(line.size(), 79u) << line;
  EXPECT_GT(count, 8 + 5);  // tags, a blank line, then several movetext lines

  PgnGame back;
  std::string error;
  ASSERT_TRUE(readPgn(pgn, back, error)) << error;
  EXPECT_EQ(back.game.moves(), game.moves());
}

TEST(Pgn, ImportsTagsCommentsNagsAndVariations) {
  const char* text =
      "[Event \"Casual \\\"game\\\"\"]\n"
      "[Site \"?\"]\n"
      "[Result \"1-0\"]\n"
      "% an escaped line\n"
      "\n"
      "1.e4 {best by test} e5 $1 2. Nf3 (2. f4 exf4 (2... d5) 3. Nf3) 2... Nc6 ; a rest-of-line comment\n"
      "3. Bc4!? Nd4? 4. Nxe5 Qg5 5. Nxf7 Qxg2 6. Rf1 Qxe4+ 7. Be2 Nf3# 1-0\n";
  PgnGame game;
  std::string error;
  // Nf3# is mate for black, so 1-0 contradicts the position.
  EXPECT_FALSE(readPgn(text, game, error));
  EXPECT_NE(error.find("contradicts the final position"), std::string::npos) << error;

  const std::string fixed =
      std::string(text).replace(std::string(text).find("[Result \"1-0\"]"), 14, "[Result \"0-1\"]");
  const std::string good = fixed.substr(0, fixed.rfind("1-0")) + "0-1\n";
  ASSERT_TRUE(readPgn(good, game, error)) << error;
  EXPECT_EQ(game.tags.front(), (PgnTag{"Event", "Casual \"game\""}));
  EXPECT_EQ(game.game.moves().size(), 14u);
  EXPECT_EQ(game.game.result(), (Result{Outcome::BlackWins, Termination::Checkmate}));
}

TEST(Pgn, RoundTrips) {
  Position start;
  std::string error;
  ASSERT_TRUE(start.setFen("r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1", error));
  Game game = playUci(start, {"e1c1", "e8g8", "d5e6", "a6e2", "c3e2", "b4b3", "a2a4", "b3c2", "a4a5", "c2d1q"});
  game.finish(Outcome::Draw);
  const std::vector<PgnTag> tags = {{"Event", "Test"}, {"Site", "Here"}, {"Date", "2026.11.23"}, {"Round", "1"},
                                    {"White", "W"},    {"Black", "B"},   {"Result", "1/2-1/2"}};
  const std::string pgn = writePgn(game, tags);
  PgnGame back;
  ASSERT_TRUE(readPgn(pgn, back, error)) << error << "\n" << pgn;
  EXPECT_EQ(back.game.moves(), game.moves());
  EXPECT_EQ(back.game.start().fen(), game.start().fen());
  EXPECT_EQ(back.game.result().outcome, Outcome::Draw);
  EXPECT_EQ(writePgn(back.game, back.tags), pgn);
}

TEST(Pgn, WindowsLineEndingsAndByteOrderMark) {
  PgnGame game;
  std::string error;
  ASSERT_TRUE(readPgn("\xEF\xBB\xBF[Event \"e\"]\r\n\r\n1. e4 e5\r\n2. Nf3 *\r\n", game, error)) << error;
  EXPECT_EQ(game.tags.front(), (PgnTag{"Event", "e"}));
  EXPECT_EQ(game.game.moves().size(), 3u);
}

TEST(Pgn, UnfinishedGameWithoutResultToken) {
  PgnGame game;
  std::string error;
  ASSERT_TRUE(readPgn("1. d4 d5 2. c4", game, error)) << error;
  EXPECT_EQ(game.game.moves().size(), 3u);
  EXPECT_FALSE(game.game.over());
}

TEST(Pgn, ClocksOfTheMainLineFromClkCommands) {
  // lichess writes whole seconds beside an eval, chess.com tenths; a
  // variation's clocks and a move without one are not the main line's.
  PgnGame game;
  std::string error;
  ASSERT_TRUE(readPgn("1. e4 { [%eval 0.2] [%clk 0:03:00] } 1... c5 { [%clk 0:02:58] }\n"
                      "2. Nf3 {[%clk 0:09:58.6]} (2. c3 {[%clk 1:00:00]} d5) 2... d6 $2 { Mistake. }\n"
                      "3. d4 {[%clk 12:00:00.25]} *",
                      game, error))
      << error;
  using std::chrono::milliseconds;
  EXPECT_EQ(game.clocks, (std::vector<std::optional<milliseconds>>{milliseconds(180000), milliseconds(178000),
                                                                   milliseconds(598600), std::nullopt,
                                                                   milliseconds(43200250)}));
}

TEST(Pgn, TagsAloneWithoutReplayingTheMoves) {
  std::vector<PgnTag> tags;
  std::string error;
  ASSERT_TRUE(readPgnTags("[White \"a\"]\n[Black \"b\"]\n\n1. e5 *", tags, error)) << error;
  EXPECT_EQ(tags, (std::vector<PgnTag>{{"White", "a"}, {"Black", "b"}}));
  EXPECT_EQ(*findTag(tags, "Black"), "b");
  EXPECT_EQ(findTag(tags, "Event"), nullptr);
  EXPECT_FALSE(readPgnTags("[White \"a\"]\n[Black b]", tags, error, 40));
  EXPECT_EQ(error, "line 41: tag Black: value must be in double quotes");
}

struct BadPgn {
  const char* text;
  const char* error;
};

void PrintTo(const BadPgn& b, std::ostream* os) { *os << '"' << b.text << '"'; }

class PgnErrors : public testing::TestWithParam<BadPgn> {};

TEST_P(PgnErrors, SayWhatIsWrong) {
  PgnGame game;
  std::string error;
  EXPECT_FALSE(readPgn(GetParam().text, game, error));
  EXPECT_NE(error.find(GetParam().error), std::string::npos) << error;
}

INSTANTIATE_TEST_SUITE_P(Pgn, PgnErrors,
                         testing::Values(BadPgn{"[Event \"x\"\n1. e4 *", "line 1: tag Event: missing ']'"},
                                         BadPgn{"[Event x]\n1. e4 *", "value must be in double quotes"},
                                         BadPgn{"[Event \"x]\n1. e4 *", "unterminated value"},
                                         BadPgn{"[ \"x\"]", "tag without a name"},
                                         BadPgn{"[Event \"x\"]\n[FEN \"8/8/8/8/8/8/8/8 w - - 0 1\"]\n*",
                                                "line 2: FEN tag: white has no king"},
                                         BadPgn{"[Variant \"Chess960\"]\n1. e4 *",
                                                "line 1: variant 'Chess960' is not played here"},
                                         BadPgn{"1. e4\n{ [%clk 3 minutes] } *",
                                                "line 2: clock '[%clk 3 minutes]' is not [%clk H:MM:SS]"},
                                         BadPgn{"1. e4 {[%clk 0:61:00]} *", "is not [%clk H:MM:SS]"},
                                         BadPgn{"1. e4 {[%clk 0:01:00 } *", "clock '[%clk 0:01:00 ' is not"},
                                         BadPgn{"1. e4 e5\n2. Ke3 *", "line 2: 2. Ke3: no king can move to e3"},
                                         BadPgn{"1. e4 e5 2. Nf3 Nc6 3. Nd5 *", "3. Nd5: no knight can move to d5"},
                                         BadPgn{"1. e4 {unclosed", "comment never closed"},
                                         BadPgn{"1. e4 (1. d4 d5", "variation never closed"},
                                         BadPgn{"1. e4 e5 1-0 2. Nf3", "text after the result"},
                                         BadPgn{"[Result \"1-0\"]\n1. e4 0-1", "differs from the Result tag"},
                                         BadPgn{"1. f3 e5 2. g4 Qh4# 3. e4 0-1", "the game is already over"},
                                         BadPgn{"1. e4 $x", "a NAG is '$' and a number"},
                                         BadPgn{"1 e4", "move number '1' without a '.'"},
                                         BadPgn{"1. e4 e5 [Event \"2\"]", "tag pair inside the movetext"}),
                         [](const auto& info) { return "Case" + std::to_string(info.index); });

}  // namespace
}  // namespace chess
