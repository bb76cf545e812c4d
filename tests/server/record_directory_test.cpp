// The record directory: its key (made once, readable by its owner only, the
// same for every server on the directory after it) and what recovery makes
// of the records a crash left.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>

#include "game_server/match/record_directory.h"
#include "shared/game/game.h"
#include "shared/record/reader.h"
#include "shared/record/writer.h"
#include "tests/support/harness.h"

namespace server {
namespace {

namespace fs = std::filesystem;

TEST(RecordDirectoryKey, IsTheOwnersAloneAndOutlivesTheServer) {
  servertest::TempDir work;
  const fs::path dir = work.path() / "records";
  const std::array<std::uint8_t, 4> secret{1, 2, 3, 4};
  std::string first;
  {
    RecordDirectory records(dir);
    EXPECT_EQ(records.keyProblem(), "");
    first = records.digest(secret);
  }
  EXPECT_EQ(fs::status(dir / RecordDirectory::kKeyFile).permissions(), fs::perms::owner_read | fs::perms::owner_write);
  RecordDirectory again(dir);
  EXPECT_EQ(again.keyProblem(), "");
  EXPECT_EQ(again.digest(secret), first);
}

// The crash came after the move that won the game and before its end line:
// recovery writes the end line, and there is nothing to resume.
TEST(RecordDirectoryRecovery, WritesTheEndThatTheLastMoveCalledFor) {
  servertest::TempDir work;
  const fs::path dir = work.path() / "records";
  RecordDirectory records(dir);
  const game::Setup setup{game::Kind::Omok, game::Rule::Freestyle, 15, ""};
  record::MatchInfo info{3, setup, "ann", "ben", {}, {"d1", "d2"}, {}};
  std::string error;
  fs::path path;
  {
    auto writer = records.create(info, error);
    ASSERT_TRUE(writer) << error;
    path = writer->path();
    auto game = game::makeGame(setup, error);
    ASSERT_TRUE(game) << error;
    for (const char* point : {"h8", "a1", "i8", "a2", "j8", "a3", "k8", "a4", "l8"}) {
      const game::Seat mover = game->toMove();
      game::Move move;
      ASSERT_TRUE(game->parseMove(point, move, error)) << error;
      const game::Played played = game->play(move);
      ASSERT_TRUE(played.accepted()) << played.why;
      ASSERT_TRUE(writer->move(mover, played)) << writer->error();
    }
    ASSERT_TRUE(game->status().over());
  }  // the writer goes without its end line, as in a crash

  const Recovery recovery = records.recover();
  EXPECT_TRUE(recovery.unfinished.empty());
  EXPECT_TRUE(recovery.problems.empty());
  ASSERT_EQ(recovery.completed.size(), 1u);
  EXPECT_NE(recovery.completed[0].find("its last move ended it (five-in-a-row)"), std::string::npos)
      << recovery.completed[0];
  auto loaded = record::readFile(path);
  ASSERT_TRUE(std::holds_alternative<record::Record>(loaded));
  const auto& r = std::get<record::Record>(loaded);
  ASSERT_TRUE(r.result.has_value());
  EXPECT_EQ(r.result->result, game::Result::Player1Wins);
  EXPECT_TRUE(records.recover().completed.empty());  // finished for good: read once
}

}  // namespace
}  // namespace server
