// PGN files as lichess and chess.com export them, read as records: the games
// of a file, each move's [%clk] as the mover's clock, the time control from
// the TimeControl tag, how a game decided off the board ended, and errors
// with the file's line.
#include "shared/record/pgn_game.h"

#include <gtest/gtest.h>

#include <variant>

#include "shared/record/replay_file.h"
#include "tests/support/files.h"

namespace record {
namespace {

const std::filesystem::path kData = RECORD_TEST_DATA;

PgnGame game(const std::string& file, int number) {
  auto read = readPgnGame(testsupport::fileBytes(kData / file), number);
  if (auto* error = std::get_if<LoadError>(&read)) ADD_FAILURE() << file << ": " << error->describe();
  return std::holds_alternative<PgnGame>(read) ? std::move(std::get<PgnGame>(read)) : PgnGame{};
}

std::vector<std::uint32_t> clocks(const Record& r) {
  std::vector<std::uint32_t> out;
  for (const MoveLine& m : r.moves) out.push_back(m.clockMs.value_or(0));
  return out;
}

TEST(PgnGame, ALichessExportOfThreeGames) {
  const PgnGame blitz = game("lichess_3games.pgn", 1);
  EXPECT_EQ(blitz.number, 1);
  EXPECT_EQ(blitz.count, 3);
  EXPECT_EQ(blitz.record.player1, "alice");
  EXPECT_EQ(blitz.record.player2, "bob");
  EXPECT_EQ(blitz.record.setup.kind, game::Kind::Chess);
  EXPECT_EQ(blitz.record.timeControl, (game::TimeControl{180000, 2000}));
  ASSERT_EQ(blitz.record.moves.size(), 45u);  // the variations left out
  EXPECT_EQ(blitz.record.moves[40].notation, "gxf6");  // en passant
  EXPECT_EQ(blitz.record.moves[40].uci, "g5f6");
  EXPECT_EQ(blitz.record.moves[44].seat, game::Seat::Player1);
  // lichess's clocks start after both first moves; each move's [%clk] is its mover's time after it.
  const auto blitzClocks = clocks(blitz.record);
  EXPECT_EQ(std::vector<std::uint32_t>(blitzClocks.begin(), blitzClocks.begin() + 4),
            (std::vector<std::uint32_t>{180000, 180000, 178000, 180000}));
  EXPECT_EQ(blitzClocks.back(), 117000u);  // 23. Rg3 { [%eval 3.5] [%clk 0:01:57] }
  EXPECT_EQ(blitz.record.result, (game::Status{game::Result::Player1Wins, game::EndReason::Resignation}));
  EXPECT_EQ(describePgnGame(blitz.tags), "alice – bob, Rated Blitz game, 2024.01.15");

  const PgnGame bullet = game("lichess_3games.pgn", 2);
  EXPECT_EQ(bullet.record.result, (game::Status{game::Result::Player2Wins, game::EndReason::Timeout}));
  // White's flag fell while it was to move: its clock stands at zero, black's as its last move left it.
  EXPECT_EQ(bullet.record.endClocks, (std::array<std::uint32_t, 2>{0, 31000}));

  const PgnGame correspondence = game("lichess_3games.pgn", 3);
  EXPECT_FALSE(correspondence.record.timeControl.timed());  // TimeControl "-"
  EXPECT_FALSE(correspondence.record.moves.front().clockMs);
  EXPECT_EQ(correspondence.record.result, (game::Status{game::Result::Draw, game::EndReason::ThreefoldRepetition}));
  EXPECT_EQ(correspondence.record.player1, "dave");
}

TEST(PgnGame, AChessComExportWithTenthsAndNoIncrement) {
  const PgnGame live = game("chesscom_live.pgn", 1);
  EXPECT_EQ(live.count, 1);
  EXPECT_EQ(live.record.timeControl, (game::TimeControl{600000, 0}));  // TimeControl "600"
  EXPECT_EQ(clocks(live.record).front(), 588000u);                    // {[%clk 0:09:48.0]}
  EXPECT_EQ(clocks(live.record)[1], 594200u);                         // {[%clk 0:09:54.2]}
  EXPECT_EQ(live.record.result, (game::Status{game::Result::Player1Wins, game::EndReason::Checkmate}));
  EXPECT_EQ(live.record.moves.back().notation, "Nd5#");
  EXPECT_EQ(live.record.game->position(), "r2q1bnr/ppp1kBpp/2np4/3NN3/4P3/7P/PPPP1PP1/R1BbK2R b KQ - 2 8");
}

TEST(PgnGame, AMoveWithoutAClockKeepsItsMoversTimeAndClocksNeedATimeControl) {
  const std::string text =
      "[TimeControl \"60+1\"]\n\n1. e4 {[%clk 0:00:59]} e5 2. Nf3 {[%clk 0:00:57]} Nc6 {[%clk 0:00:50]} *";
  auto read = readPgnGame(text, 1);
  ASSERT_TRUE(std::holds_alternative<PgnGame>(read)) << std::get<LoadError>(read).describe();
  EXPECT_EQ(clocks(std::get<PgnGame>(read).record), (std::vector<std::uint32_t>{59000, 60000, 57000, 50000}));
  EXPECT_FALSE(std::get<PgnGame>(read).record.result);  // '*'

  // Clocks without a time control, or a time control without clocks, are untimed.
  for (const char* untimed : {"1. e4 {[%clk 0:00:59]} *", "[TimeControl \"60+1\"]\n1. e4 *",
                              "[TimeControl \"40/7200:3600\"]\n1. e4 {[%clk 1:59:00]} *"}) {
    auto plain = readPgnGame(untimed, 1);
    ASSERT_TRUE(std::holds_alternative<PgnGame>(plain)) << untimed;
    EXPECT_FALSE(std::get<PgnGame>(plain).record.timeControl.timed()) << untimed;
    EXPECT_FALSE(std::get<PgnGame>(plain).record.moves.front().clockMs) << untimed;
  }
}

TEST(PgnGame, ErrorsNameTheFilesLine) {
  const std::string text = testsupport::fileBytes(kData / "illegal_move.pgn");
  auto bad = readPgnGame(text, 2);
  ASSERT_TRUE(std::holds_alternative<LoadError>(bad));
  EXPECT_EQ(std::get<LoadError>(bad).line, 15);
  EXPECT_EQ(std::get<LoadError>(bad).describe(), "line 15: 6. Bb5: no bishop can move to b5");
  EXPECT_TRUE(std::holds_alternative<PgnGame>(readPgnGame(text, 1)));  // the first game is fine

  auto clock = readPgnGame("[Event \"e\"]\n\n1. e4\n{[%clk five]} *", 1);
  ASSERT_TRUE(std::holds_alternative<LoadError>(clock));
  EXPECT_EQ(std::get<LoadError>(clock).describe(), "line 4: clock '[%clk five]' is not [%clk H:MM:SS]");
}

TEST(PgnGame, AGameNumberOutOfRangeSaysHowManyThereAre) {
  const std::string text = testsupport::fileBytes(kData / "lichess_3games.pgn");
  for (const int number : {0, 4, -1}) {
    auto read = readPgnGame(text, number);
    ASSERT_TRUE(std::holds_alternative<LoadError>(read)) << number;
    EXPECT_EQ(std::get<LoadError>(read).describe(),
              "there is no game " + std::to_string(number) + ": the file holds 3 games");
  }
  auto one = readPgnGame("1. e4 *", 2);
  EXPECT_EQ(std::get<LoadError>(one).describe(), "there is no game 2: the file holds 1 game");
  auto none = readPgnGame("\n{ nothing }\n", 1);
  EXPECT_EQ(std::get<LoadError>(none).describe(), "no game in the file");
}

TEST(PgnGame, TheSummaryReadsTheFirstGamesTagsAlone) {
  auto summary = readPgnSummary(testsupport::fileBytes(kData / "lichess_3games.pgn"));
  ASSERT_TRUE(std::holds_alternative<PgnSummary>(summary)) << std::get<LoadError>(summary).describe();
  EXPECT_EQ(std::get<PgnSummary>(summary).count, 3);
  EXPECT_EQ(*chess::findTag(std::get<PgnSummary>(summary).tags, "Site"), "https://lichess.org/abcdefgh");
  // Moves are not read: an illegal one leaves the tags readable.
  EXPECT_TRUE(std::holds_alternative<PgnSummary>(readPgnSummary("[White \"a\"]\n1. e5 *")));
  auto bad = readPgnSummary("\n\n[White a]\n1. e4 *");
  ASSERT_TRUE(std::holds_alternative<LoadError>(bad));
  EXPECT_EQ(std::get<LoadError>(bad).describe(), "line 3: tag White: value must be in double quotes");
}

TEST(PgnGame, APgnFileIsToldByItsNameOrItsFirstCharacter) {
  EXPECT_TRUE(isPgn("games.pgn", ""));
  EXPECT_TRUE(isPgn("GAMES.PGN", "{"));
  EXPECT_TRUE(isPgn("export.txt", "\xEF\xBB\xBF\r\n[Event \"x\"]"));
  EXPECT_TRUE(isPgn("moves", "  1. e4 e5"));
  EXPECT_TRUE(isPgn("escaped", "% made by hand\n1. e4"));
  EXPECT_FALSE(isPgn("m.jsonl", "{\"type\":\"start\"}"));
  EXPECT_FALSE(isPgn("m.jsonl", "not a record"));  // the record reader says what is wrong
  EXPECT_FALSE(isPgn("empty", ""));
}

TEST(PgnGame, OpenReplayReadsEitherKind) {
  auto pgn = openReplay(kData / "lichess_3games.pgn", 3);
  ASSERT_TRUE(std::holds_alternative<PgnGame>(pgn));
  EXPECT_EQ(std::get<PgnGame>(pgn).number, 3);
  auto jsonl = openReplay(kData / "scholars_mate.jsonl");
  ASSERT_TRUE(std::holds_alternative<Record>(jsonl));
  EXPECT_EQ(std::get<Record>(jsonl).matchId, 42u);
  auto second = openReplay(kData / "scholars_mate.jsonl", 2);
  ASSERT_TRUE(std::holds_alternative<LoadError>(second));
  EXPECT_EQ(std::get<LoadError>(second).describe(), "there is no game 2: a match record holds one game");
  auto missing = openReplay(kData / "no_such.pgn");
  ASSERT_TRUE(std::holds_alternative<LoadError>(missing));
  EXPECT_NE(std::get<LoadError>(missing).describe().find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace record
