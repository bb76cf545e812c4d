// The record directory's key: made once, readable by its owner only, and the
// same key for every server on the directory after it.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>

#include "game_server/match/record_directory.h"
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

}  // namespace
}  // namespace server
