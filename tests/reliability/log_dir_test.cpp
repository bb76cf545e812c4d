// A record directory the server cannot write: it keeps serving, and refuses
// every match it cannot record, telling the players and its log why.
#include <variant>

#include "shared/record/reader.h"
#include "tests/reliability/server_process.h"

namespace servertest {
namespace {

// Seats two players; both must then be refused with a server error that
// names the record, and be disconnected.
void expectMatchRefused(std::uint16_t port, const std::string& name) {
  RawClient a(port, game::Kind::Omok, 15);
  RawClient b(port, game::Kind::Omok, 15);
  a.hello(name + "-a");
  b.hello(name + "-b");
  for (RawClient* c : {&a, &b}) {
    const proto::Error e = c->expect<proto::Error>();
    EXPECT_EQ(e.code, proto::ErrorCode::ServerError);
    EXPECT_NE(std::string(proto::text(e.text)).find("record"), std::string::npos) << proto::text(e.text);
    EXPECT_TRUE(c->closedByServer());
  }
}

TEST(RecordDirectory, UnderARegularFileEveryMatchIsRefusedAndTheServerSaysWhy) {
  TempDir work;
  const auto file = work.path() / "a-file";
  { std::ofstream(file) << "a file where a directory should be"; }
  KillableServer server("omok", file / "records", work.path() / "server.log");
  ASSERT_NE(server.port(), 0);
  for (int i = 0; i < 2; ++i) expectMatchRefused(server.port(), "p" + std::to_string(i));
  EXPECT_TRUE(server.logShows("cannot open its record")) << server.log();
  EXPECT_EQ(server.stop(), 0);  // still serving, and stops cleanly
  EXPECT_EQ(contentsOf(file), "a file where a directory should be");
}

// The directory disappears while a match plays (and a file takes its place):
// the match under way keeps its open record, the next match is refused.
TEST(RecordDirectory, LostWhileAMatchPlaysOnlyLaterMatchesAreRefused) {
  TempDir work;
  const auto records = work.path() / "records";
  KillableServer server("omok", records, work.path() / "server.log");
  ASSERT_NE(server.port(), 0);
  Pair p(server.port(), game::Kind::Omok, "black", "white");
  p.play(game::Seat::Player1, "h8");

  const auto moved = work.path() / "moved-away";
  std::filesystem::rename(records, moved);
  { std::ofstream(records) << "not a directory"; }
  expectMatchRefused(server.port(), "late");

  p.play(game::Seat::Player2, "h9");
  EXPECT_EQ(server.stop(), 0);

  const auto files = recordsIn(moved);
  ASSERT_EQ(files.size(), 1u);
  auto loaded = record::readFile(files[0]);
  ASSERT_TRUE(std::holds_alternative<record::Record>(loaded)) << std::get<record::LoadError>(loaded).describe();
  const record::Record& r = std::get<record::Record>(loaded);
  EXPECT_EQ(r.moves.size(), 2u);
  EXPECT_FALSE(r.result.has_value());  // suspended for the next server, not ended
}

}  // namespace
}  // namespace servertest
