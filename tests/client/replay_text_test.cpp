// What a replay's panel says about a game that spans server restarts, read
// from records in tests/client/data without a window.
#include <gtest/gtest.h>

#include "game_client/app/replay_mode.h"

namespace client {
namespace {

const std::filesystem::path kData = CLIENT_TEST_DATA;

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

}  // namespace
}  // namespace client
