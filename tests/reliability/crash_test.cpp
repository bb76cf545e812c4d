// The server killed with SIGKILL in the middle of games: every record it
// leaves loads and replays up to the last move both players were told of,
// and a server restarted on the same record directory never overwrites them.
#include <map>
#include <set>
#include <sstream>
#include <memory>
#include <variant>

#include "shared/record/reader.h"
#include "tests/reliability/server_process.h"

namespace servertest {
namespace {

using game::Seat;

// Points that never make five in a row whatever the order.
constexpr const char* kPoints[] = {"a1", "o15", "a15", "o1", "h8", "c5", "m3", "e12", "j2", "b9"};

// Two raw clients seated in one omok match, counting the moves both heard of.
struct Match {
  RawClient black;
  RawClient white;
  std::string name;
  int told = 0;  // moves both players received move-accepted for

  Match(std::uint16_t port, std::string matchName)
      : black(port, game::Kind::Omok, 15), white(port, game::Kind::Omok, 15), name(std::move(matchName)) {
    black.hello(name + "-black");
    white.hello(name + "-white");
    black.expect<proto::MatchStart>();
    white.expect<proto::MatchStart>();
  }
  RawClient& mover() { return told % 2 == 0 ? black : white; }
  // Sends the next move without waiting for the answer.
  void send() { mover().move(0, point(kPoints[told])); }
  // Sends the next move and waits until both players heard of it.
  void play() {
    send();
    const proto::MoveAccepted a = black.expect<proto::MoveAccepted>();
    const proto::MoveAccepted b = white.expect<proto::MoveAccepted>();
    ASSERT_EQ(+a.ply, told + 1);  // +: a copy, packed fields must not be bound to references
    ASSERT_EQ(+b.ply, told + 1);
    ++told;
  }
};

// Loads `file`, which must replay: an unfinished game (no end line) whose
// moves are kPoints in order.
record::Record loadUnfinished(const std::filesystem::path& file) {
  auto loaded = record::readFile(file);
  if (auto* error = std::get_if<record::LoadError>(&loaded)) {
    ADD_FAILURE() << file << ": " << error->describe();
    return {};
  }
  record::Record r = std::move(std::get<record::Record>(loaded));
  EXPECT_FALSE(r.result.has_value()) << file << " has an end line though the server was killed";
  for (std::size_t i = 0; i < r.moves.size() && i < std::size(kPoints); ++i)
    EXPECT_EQ(r.moves[i].notation, kPoints[i]) << file << " move " << i + 1;
  return r;
}

// game_replay accepts the record and calls the game unfinished.
void expectReplays(const std::filesystem::path& file, const std::filesystem::path& work) {
  Process replay(GAME_REPLAY_PATH, {file.string()}, work / "replay.err");
  const std::string out = replay.readAll(20s);
  EXPECT_EQ(replay.wait(20s), 0) << contentsOf(work / "replay.err");
  EXPECT_NE(out.find("unfinished"), std::string::npos) << out;
}

TEST(ServerKilled, EveryRecordReplaysUpToTheLastMoveBothPlayersWereTold) {
  TempDir work;
  const auto records = work.path() / "records";
  KillableServer server("omok", records, work.path() / "server.log");
  ASSERT_NE(server.port(), 0);
  // Three matches at different points of their games, and in one of them a
  // move sent but not yet answered when the server dies.
  std::vector<std::unique_ptr<Match>> matches;
  for (int i = 0; i < 3; ++i) matches.push_back(std::make_unique<Match>(server.port(), "m" + std::to_string(i)));
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3 + 2 * i; ++k) matches[i]->play();
  matches[2]->send();
  server.kill();

  const auto files = recordsIn(records);
  ASSERT_EQ(files.size(), 3u);
  std::map<std::string, int> told;
  for (const auto& m : matches) told[m->name + "-black"] = m->told;
  for (const auto& file : files) {
    const record::Record r = loadUnfinished(file);
    ASSERT_EQ(told.count(r.player1), 1u) << file;
    const auto moves = static_cast<int>(r.moves.size());
    if (r.player1 == "m2-black") {
      // The move in flight may or may not have been recorded.
      EXPECT_TRUE(moves == told[r.player1] || moves == told[r.player1] + 1) << file << ": " << moves;
    } else {
      EXPECT_EQ(moves, told[r.player1]) << file;
    }
    expectReplays(file, work.path());
  }
}

TEST(ServerKilled, ChessRecordReplaysToTheLastMoveBothPlayersWereTold) {
  TempDir work;
  const auto records = work.path() / "records";
  KillableServer server("chess", records, work.path() / "server.log");
  ASSERT_NE(server.port(), 0);
  Pair p(server.port(), game::Kind::Chess, "white", "black");
  // 1. e4 e5 2. Nf3 (squares a1 = 0 .. h8 = 63).
  const std::pair<std::uint16_t, std::uint16_t> moves[] = {{12, 28}, {52, 36}, {6, 21}};
  for (std::size_t i = 0; i < std::size(moves); ++i)
    p.move(i % 2 == 0 ? Seat::Player1 : Seat::Player2, moves[i].first, moves[i].second);
  server.kill();

  const auto files = recordsIn(records);
  ASSERT_EQ(files.size(), 1u);
  auto loaded = record::readFile(files[0]);
  ASSERT_TRUE(std::holds_alternative<record::Record>(loaded)) << std::get<record::LoadError>(loaded).describe();
  const record::Record& r = std::get<record::Record>(loaded);
  EXPECT_FALSE(r.result.has_value());
  ASSERT_EQ(r.moves.size(), 3u);
  EXPECT_EQ(r.moves[0].notation, "e4");
  EXPECT_EQ(r.moves[1].notation, "e5");
  EXPECT_EQ(r.moves[2].notation, "Nf3");
  EXPECT_EQ(r.moves[2].uci, "g1f3");
  expectReplays(files[0], work.path());
}

// Servers killed one after another on the same record directory, each while
// a move is in flight: every record is kept; the servers after only append
// (each restores the unfinished games, nobody comes back in this test), and
// new matches take ids above the old ones.
TEST(ServerKilled, RestartsOnTheSameRecordDirectoryOnlyAppendToOldRecords) {
  TempDir work;
  const auto records = work.path() / "records";
  std::map<std::filesystem::path, std::string> kept;  // record -> its bytes when its server died
  std::set<std::uint32_t> ids;
  constexpr int kRounds = 4;
  for (int round = 0; round < kRounds; ++round) {
    KillableServer server("omok", records, work.path() / ("server" + std::to_string(round) + ".log"));
    ASSERT_NE(server.port(), 0);
    Match match(server.port(), "r" + std::to_string(round));
    for (int k = 0; k < 2 + round; ++k) match.play();
    match.send();
    server.kill();

    const auto files = recordsIn(records);
    ASSERT_EQ(files.size(), static_cast<std::size_t>(round + 1)) << "a record was overwritten or lost";
    for (const auto& [file, bytes] : kept) {
      // A line the crash cut is removed; only resumed events follow.
      const std::string whole = bytes.substr(0, bytes.rfind('\n') + 1);
      const std::string now = contentsOf(file);
      ASSERT_EQ(now.substr(0, whole.size()), whole) << file << " changed";
      std::istringstream added(now.substr(whole.size()));
      for (std::string line; std::getline(added, line);)
        EXPECT_NE(line.find("\"event\":\"resumed\""), std::string::npos) << file << ": " << line;
    }
    for (const auto& file : files) {
      if (kept.count(file) != 0) continue;
      const record::Record r = loadUnfinished(file);
      EXPECT_EQ(r.player1, match.name + "-black");
      EXPECT_TRUE(ids.insert(r.matchId).second) << "match id " << r.matchId << " used twice";
      const auto moves = static_cast<int>(r.moves.size());
      EXPECT_TRUE(moves == match.told || moves == match.told + 1) << file << ": " << moves;
      kept[file] = contentsOf(file);
    }
  }
  EXPECT_EQ(kept.size(), static_cast<std::size_t>(kRounds));
}

}  // namespace
}  // namespace servertest
