// What a replay's panel says about a game that spans server restarts and an
// omok opening's decisions, read from records in tests/client/data, and about
// the games of a PGN file (tests/record/data), without a window.
#include <gtest/gtest.h>

#include "game_client/app/replay_mode.h"

namespace client {
namespace {

const std::filesystem::path kData = CLIENT_TEST_DATA;
const std::filesystem::path kPgn = RECORD_TEST_DATA;

TEST(ReplayRestart, SaysWhereTheServerRestarted) {
  ReplayMode replay(kData / "chess_resumed.jsonl", game::Seat::Player1);
  ASSERT_EQ(replay.exitCode(), 0) << replay.panel().error;
  ASSERT_TRUE(replay.selectMove(3));  // after Nc6, ply 4: the restart
  EXPECT_EQ(replay.panel().status,
            "Move 4 of 7. The server restarted here; the game went on at 2026-12-01 11:26:28 UTC.");
  EXPECT_TRUE(replay.panel().error.empty());
  ASSERT_TRUE(replay.act(Action::Forward));
  EXPECT_EQ(replay.panel().status, "Move 5 of 7.");
  ASSERT_TRUE(replay.act(Action::Last));
  EXPECT_EQ(replay.panel().status, "Move 7 of 7. White wins by checkmate.");
}

TEST(ReplayRestart, AnAdjournedGameSaysNobodyCameBack) {
  ReplayMode replay(kData / "omok_adjourned.jsonl", game::Seat::Player1);
  ASSERT_EQ(replay.exitCode(), 0) << replay.panel().error;
  EXPECT_EQ(replay.panel().status, "Move 6 of 6. Adjourned after 6 moves: nobody came back after a restart.");
  EXPECT_TRUE(replay.panel().error.empty());  // not a record cut short
  ASSERT_TRUE(replay.act(Action::Back));
  EXPECT_EQ(replay.panel().status, "Move 5 of 6.");
}

// Soosorv-8 up to black's offer: each decision is a step of its own, and the
// player cards' colours follow the swap.
TEST(ReplayOpening, StepsThroughTheDecisionsAndTheColoursFollowTheSwap) {
  ReplayMode replay(kData / "omok_soosorv8_offer.jsonl", game::Seat::Player1);
  ASSERT_EQ(replay.exitCode(), 0) << replay.panel().error;
  const PanelModel& panel = replay.panel();
  EXPECT_EQ(panel.status,
            "Move 4 of 4. Player 2: offer g7 k8 f11. Opening: player 1 picks one of the 3 fifth moves offered.");
  EXPECT_EQ(panel.players[0].colour, "white");
  EXPECT_FALSE(panel.players[0].dark);
  EXPECT_EQ(panel.players[1].colour, "black");
  EXPECT_TRUE(panel.players[0].toMove) << "player 1 picks";
  EXPECT_EQ(panel.current, 3);
  const char* back[] = {
      "Move 4 of 4. Player 2: keep. Opening: player 2 offers 3 fifth moves.",
      "Move 4 of 4. Player 1: declare 3. Opening: player 2 decides whether to swap colours.",
      "Move 4 of 4. Opening: player 1 declares how many fifth moves black offers (1–8).",
      "Move 3 of 4. Player 2: swap. Opening: player 1 places stone 4 (white).",
  };
  for (const char* status : back) {
    ASSERT_TRUE(replay.act(Action::Back));
    EXPECT_EQ(panel.status, status);
  }
  EXPECT_EQ(panel.players[0].colour, "white") << "swapped";
  ASSERT_TRUE(replay.act(Action::Back));
  EXPECT_EQ(panel.status, "Move 3 of 4. Opening: player 2 decides whether to swap colours.");
  EXPECT_EQ(panel.players[0].colour, "black") << "not yet swapped";
  EXPECT_TRUE(panel.players[1].toMove);
  ASSERT_TRUE(replay.selectMove(3));  // i7: the step right after it is the declaration
  EXPECT_EQ(panel.status, "Move 4 of 4. Opening: player 1 declares how many fifth moves black offers (1–8).");
  ASSERT_TRUE(replay.act(Action::First));
  EXPECT_EQ(panel.status, "Move 0 of 4. Opening: player 1 places stone 1 (black) on the centre point.");
}

TEST(ReplayPgn, SaysWhichGameOfTheFileAndShowsItsClocks) {
  ReplayMode replay(kPgn / "lichess_3games.pgn", game::Seat::Player1, {}, 2);
  ASSERT_EQ(replay.exitCode(), 0) << replay.panel().error;
  EXPECT_EQ(replay.panel().subtitle, "game 2 of 3 · 1+0 · lichess_3games.pgn");
  EXPECT_EQ(replay.panel().status,
            "alice – carol, Rated Bullet game, 2024.01.15. Page Up/Down: the file's other games. Move 34 of 34. "
            "Black wins on time.");
  EXPECT_EQ(replay.panel().players[0].name, "alice");
  // White lost on time: its clock stands at zero, black's as its last [%clk] left it.
  EXPECT_EQ(replay.panel().players[0].clock, "0:00");
  EXPECT_TRUE(replay.panel().players[0].clockLow);
  EXPECT_EQ(replay.panel().players[1].clock, "0:31");
  ASSERT_TRUE(replay.selectMove(2));  // after 2. c4 { [%clk 0:00:58] }
  EXPECT_EQ(replay.panel().players[0].clock, "0:58");
  EXPECT_EQ(replay.panel().players[1].clock, "1:00");
  ASSERT_TRUE(replay.act(Action::First));
  EXPECT_EQ(replay.panel().players[0].clock, "1:00");  // the base, from the TimeControl tag
}

TEST(ReplayPgn, PageDownOpensTheNextGameAndStopsAtTheLast) {
  ReplayMode replay(kPgn / "lichess_3games.pgn", game::Seat::Player1, {}, 2);
  ASSERT_TRUE(replay.key(sf::Keyboard::PageDown));
  auto next = replay.next();
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->panel().subtitle, "game 3 of 3 · lichess_3games.pgn");  // correspondence: untimed
  EXPECT_TRUE(next->panel().players[0].clock.empty());
  EXPECT_FALSE(next->key(sf::Keyboard::PageDown));
  EXPECT_EQ(next->next(), nullptr);
  ASSERT_TRUE(next->key(sf::Keyboard::PageUp));
  EXPECT_NE(next->next(), nullptr);
}

TEST(ReplayPgn, ABadGameOrNumberIsShownWithTheReason) {
  ReplayMode past(kPgn / "lichess_3games.pgn", game::Seat::Player1, {}, 4);
  EXPECT_EQ(past.exitCode(), 1);
  EXPECT_EQ(past.panel().error, "there is no game 4: the file holds 3 games");
  ReplayMode illegal(kPgn / "illegal_move.pgn", game::Seat::Player1, {}, 2);
  EXPECT_EQ(illegal.exitCode(), 1);
  EXPECT_EQ(illegal.panel().error, "line 15: 6. Bb5: no bishop can move to b5");
  EXPECT_EQ(illegal.board(), nullptr);
  ReplayMode unfinished(kPgn / "illegal_move.pgn", game::Seat::Player1);
  EXPECT_EQ(unfinished.exitCode(), 0);
  EXPECT_EQ(unfinished.panel().error, "The game has no result ('*').");
}

}  // namespace
}  // namespace client
