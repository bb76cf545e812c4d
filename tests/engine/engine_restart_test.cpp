// Two engines play a clocked chess game through game_bot while their server
// is killed (SIGKILL) or stopped (SIGINT) mid-game and a new one is started
// on the same port and record directory: the bots reconnect by themselves,
// the engines go on from the position the server restored, and the game ends
// by the rules, not by the server. Its record is one continuous game whose
// PGN the project's own PGN reader accepts.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include "shared/chess/pgn.h"
#include "shared/record/reader.h"
#include "tests/reliability/server_process.h"

namespace servertest {
namespace {

constexpr const char* kStockfish = "/usr/games/stockfish";

// Lines of `file` that are moves: how far the game has come.
int movesIn(const std::filesystem::path& file) {
  std::ifstream in(file);
  int n = 0;
  for (std::string line; std::getline(in, line);) n += line.find("\"type\":\"move\"") != std::string::npos;
  return n;
}

std::string resultOf(const std::string& out) {
  const auto at = out.rfind("result: ");
  return at == std::string::npos ? std::string() : out.substr(at + 8, out.find('\n', at) - at - 8);
}

void engineGameAcrossARestart(int signal) {
  if (!std::filesystem::exists(kStockfish)) GTEST_SKIP() << "no " << kStockfish << " (scripts/install-deps test)";
  TempDir work;
  const auto records = work.path() / "records";
  const std::vector<std::string> chess{"--rule", "fide", "--time", "3+1"};
  auto first = std::make_unique<KillableServer>("chess", records, work.path() / "first.log", chess);
  const std::uint16_t port = first->port();
  ASSERT_NE(port, 0);
  // A strong and a quick Stockfish, so that the game is decided soon.
  auto bot = [&](const char* name, int seat, const char* moveTime) {
    return std::make_unique<Process>(
        GAME_BOT_PATH,
        std::vector<std::string>{"--port", std::to_string(port), "--name", name, "--seat", std::to_string(seat),
                                 "--engine", std::string("uci:") + kStockfish, "--movetime", moveTime, "--timeout",
                                 "100", "--retry-seconds", "30"},
        work.path() / (std::string(name) + ".err"));
  };
  auto white = bot("white", 1, "40");
  auto black = bot("black", 2, "1");

  // Mid-game: once ten moves are recorded.
  const auto until = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < until &&
         (recordsIn(records).empty() || movesIn(recordsIn(records)[0]) < 10))
    std::this_thread::sleep_for(20ms);
  ASSERT_EQ(recordsIn(records).size(), 1u) << first->log();
  const int before = movesIn(recordsIn(records)[0]);
  ASSERT_GE(before, 10);
  if (signal == SIGKILL) {
    first->kill();
  } else {
    EXPECT_EQ(first->stop(signal), 0);
  }
  first.reset();
  std::this_thread::sleep_for(300ms);  // the bots find nobody listening meanwhile
  KillableServer second("chess", records, work.path() / "second.log", chess, port);
  ASSERT_EQ(second.port(), port);

  const std::string whiteOut = white->readAll(100s);
  const std::string blackOut = black->readAll(100s);
  EXPECT_EQ(white->wait(10s), 0) << whiteOut << contentsOf(work.path() / "white.err");
  EXPECT_EQ(black->wait(10s), 0) << blackOut << contentsOf(work.path() / "black.err");
  EXPECT_NE(whiteOut.find("reconnected after"), std::string::npos) << whiteOut;
  EXPECT_NE(blackOut.find("reconnected after"), std::string::npos) << blackOut;
  ASSERT_FALSE(resultOf(whiteOut).empty()) << whiteOut << contentsOf(work.path() / "white.err");
  EXPECT_EQ(resultOf(whiteOut), resultOf(blackOut));
  EXPECT_EQ(second.stop(), 0);

  const auto files = recordsIn(records);
  ASSERT_EQ(files.size(), 1u);
  auto loaded = record::readFile(files[0]);
  ASSERT_TRUE(std::holds_alternative<record::Record>(loaded)) << std::get<record::LoadError>(loaded).describe();
  const record::Record& r = std::get<record::Record>(loaded);
  ASSERT_TRUE(r.result.has_value()) << contentsOf(files[0]);
  // Ended by the board or a rule: the engines never resign, nobody left,
  // and a minute a side is plenty at these move times.
  const game::EndReason reason = r.result->reason;
  EXPECT_TRUE(reason == game::EndReason::Checkmate || reason == game::EndReason::Stalemate ||
              reason == game::EndReason::SeventyFiveMoveRule || reason == game::EndReason::FivefoldRepetition ||
              reason == game::EndReason::InsufficientMaterial)
      << game::name(reason);
  EXPECT_EQ(r.game->status(), *r.result);
  ASSERT_GT(static_cast<int>(r.moves.size()), before);
  for (std::size_t i = 0; i < r.moves.size(); ++i) EXPECT_EQ(r.moves[i].ply, static_cast<int>(i + 1));
  EXPECT_EQ(std::count_if(r.events.begin(), r.events.end(), [](const auto& e) { return e.what == "resumed"; }), 1);

  Process pgn(GAME_REPLAY_PATH, {files[0].string(), "--pgn"}, work.path() / "pgn.err");
  const std::string text = pgn.readAll(30s);
  EXPECT_EQ(pgn.wait(10s), 0) << contentsOf(work.path() / "pgn.err");
  chess::PgnGame game;
  std::string error;
  ASSERT_TRUE(chess::readPgn(text, game, error)) << error << "\n" << text;
  EXPECT_EQ(game.game.moves().size(), r.moves.size());
}

TEST(EngineRestart, StockfishAgainstStockfishGoesOnAfterTheServerIsKilled) { engineGameAcrossARestart(SIGKILL); }
TEST(EngineRestart, StockfishAgainstStockfishGoesOnAfterTheServerIsStopped) { engineGameAcrossARestart(SIGINT); }

}  // namespace
}  // namespace servertest
