// Records: write then read back, damaged files, illegal moves, file names.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#ifndef _WIN32
#include <sys/resource.h>
#endif

#include "shared/record/reader.h"
#include "shared/record/writer.h"
#include "tests/support/files.h"

namespace record {
namespace {

using namespace std::chrono;
namespace fs = std::filesystem;

const Clock::time_point kStart = Clock::time_point{sys_days{2026y / November / 23} + 8h + 15min + 2s};

// A fresh directory per test, removed afterwards.
class Records : public ::testing::Test {
 protected:
  // Plays `moves` (in the game's notation; an opening's decision after a '!',
  // "!swap") and records them; ends with `ending` when the game is not over
  // by itself.
  fs::path write(game::Setup setup, const std::vector<std::string>& moves,
                 std::optional<game::Status> ending = std::nullopt) {
    std::string error;
    auto g = game::makeGame(setup, error);
    EXPECT_TRUE(g) << error;
    auto writer = Writer::create(dir_, {42, setup, "alice", "bob", {}, {}, {}}, error, kStart);
    EXPECT_TRUE(writer) << error;
    if (!g || !writer) return {};
    auto at = kStart;
    for (const std::string& text : moves) {
      at += 1500ms;
      if (text.starts_with('!')) {
        game::Decision d;
        EXPECT_TRUE(game::parseDecision(text.substr(1), *g, d, error)) << text << ": " << error;
        const game::Seat decider = g->toMove();
        const game::Played played = g->decide(d);
        EXPECT_TRUE(played.accepted()) << text << ": " << played.why;
        EXPECT_TRUE(writer->decision(decider, played, at)) << writer->error();
        continue;
      }
      game::Move m;
      EXPECT_TRUE(g->parseMove(text, m, error)) << text << ": " << error;
      const game::Seat mover = g->toMove();
      const game::Played played = g->play(m);
      EXPECT_TRUE(played.accepted()) << text << ": " << played.why;
      EXPECT_TRUE(writer->move(mover, played, at)) << writer->error();
    }
    if (ending) g->finish(*ending);
    EXPECT_TRUE(writer->finish(g->status(), at + 1s)) << writer->error();
    return writer->path();
  }

  static std::vector<std::string> lines(const fs::path& file) {
    std::ifstream in(file);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }

  static void rewrite(const fs::path& file, const std::vector<std::string>& lines, bool finalNewline = true) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    for (std::size_t i = 0; i < lines.size(); ++i) out << lines[i] << (i + 1 < lines.size() || finalNewline ? "\n" : "");
  }

  static LoadError errorOf(const fs::path& file) {
    auto loaded = readFile(file);
    if (auto* error = std::get_if<LoadError>(&loaded)) return *error;
    ADD_FAILURE() << file << " loaded although it should not";
    return {};
  }

  static Record load(const fs::path& file) {
    auto loaded = readFile(file);
    if (auto* error = std::get_if<LoadError>(&loaded)) {
      ADD_FAILURE() << error->describe();
      return {};
    }
    return std::move(std::get<Record>(loaded));
  }

  testsupport::TempDir temp_;
  const fs::path dir_ = temp_.path();
};

const game::Setup kChess{game::Kind::Chess, game::Rule::Fide, 8, ""};
const game::Setup kOmok{game::Kind::Omok, game::Rule::Renju, 15, ""};
const std::vector<std::string> kScholarsMate{"e4", "e5", "Bc4", "Nc6", "Qh5", "Nf6", "Qxf7#"};
const std::vector<std::string> kFiveInARow{"h8", "a1", "i8", "a3", "j8", "a5", "k8", "a7", "l8"};

TEST_F(Records, ChessRoundTrip) {
  const fs::path file = write(kChess, kScholarsMate);
  EXPECT_EQ(file.filename(), "2026-11-23T08-15-02Z_m000042.jsonl");
  const Record r = load(file);
  ASSERT_TRUE(r.game);
  EXPECT_EQ(r.format, kFormatVersion);
  EXPECT_EQ(r.matchId, 42u);
  EXPECT_EQ(r.setup.kind, game::Kind::Chess);
  EXPECT_EQ(r.player1, "alice");
  EXPECT_EQ(r.player2, "bob");
  EXPECT_EQ(r.startTime, "2026-11-23T08:15:02.000Z");
  EXPECT_EQ(r.setup.fen, "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1");
  ASSERT_EQ(r.moves.size(), kScholarsMate.size());
  for (std::size_t i = 0; i < kScholarsMate.size(); ++i) {
    EXPECT_EQ(r.moves[i].notation, kScholarsMate[i]);
    EXPECT_EQ(r.moves[i].ply, static_cast<int>(i) + 1);
    EXPECT_EQ(r.moves[i].line, static_cast<int>(i) + 2);
  }
  EXPECT_EQ(r.moves[0].uci, "e2e4");
  EXPECT_EQ(r.moves[6].uci, "h5f7");
  EXPECT_EQ(r.moves[1].time, "2026-11-23T08:15:05.000Z");
  const game::Status mate{game::Result::Player1Wins, game::EndReason::Checkmate};
  EXPECT_EQ(r.result, mate);
  EXPECT_EQ(r.game->status(), mate);
  EXPECT_FALSE(r.truncated);
  EXPECT_EQ(r.endTime, "2026-11-23T08:15:13.500Z");
}

TEST_F(Records, ChessFromAPositionKeepsItsStartFen) {
  game::Setup setup = kChess;
  setup.fen = "4k3/8/4K3/8/8/8/8/7R w - - 0 1";
  const Record r = load(write(setup, {"Rh8#"}));
  ASSERT_TRUE(r.game);
  EXPECT_EQ(r.setup.fen, setup.fen);
  EXPECT_EQ(r.result, (game::Status{game::Result::Player1Wins, game::EndReason::Checkmate}));
}

TEST_F(Records, OmokRoundTrip) {
  const Record r = load(write(kOmok, kFiveInARow));
  ASSERT_TRUE(r.game);
  EXPECT_EQ(r.setup.boardSize, 15);
  EXPECT_EQ(r.setup.rule, game::Rule::Renju);
  ASSERT_EQ(r.moves.size(), kFiveInARow.size());
  EXPECT_EQ(r.moves[4].notation, "j8");
  EXPECT_TRUE(r.moves[4].uci.empty());
  EXPECT_EQ(r.result, (game::Status{game::Result::Player1Wins, game::EndReason::FiveInARow}));
}

TEST_F(Records, EndingsDecidedOffTheBoard) {
  const game::Status resigned{game::Result::Player2Wins, game::EndReason::Resignation};
  Record r = load(write(kChess, {"e4", "e5"}, resigned));
  EXPECT_EQ(r.result, resigned);
  ASSERT_TRUE(r.game);
  EXPECT_EQ(r.game->status(), resigned);
  const game::Status agreed{game::Result::Draw, game::EndReason::Agreement};
  r = load(write(kOmok, {"h8"}, agreed));
  EXPECT_EQ(r.result, agreed);
}

TEST_F(Records, EventsAreKept) {
  std::string error;
  auto writer = Writer::create(dir_, {7, kChess, "a", "b", {}, {}, {}}, error, kStart);
  ASSERT_TRUE(writer) << error;
  EXPECT_TRUE(writer->event("draw-offer", game::Seat::Player1, kStart + 1s));
  EXPECT_TRUE(writer->event("disconnected", game::Seat::Player2, kStart + 2s));
  EXPECT_TRUE(writer->finish({game::Result::Draw, game::EndReason::Agreement}, kStart + 3s));
  EXPECT_FALSE(writer->event("late", game::Seat::None, kStart + 4s));
  const Record r = load(writer->path());
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].what, "draw-offer");
  EXPECT_EQ(r.events[1].seat, game::Seat::Player2);
  EXPECT_EQ(r.events[1].line, 3);
}

// Plays `moves` on `g` and records them, one second apart from `at` on.
void playAndRecord(game::Game& g, Writer& writer, const std::vector<std::string>& moves, Clock::time_point& at) {
  for (const std::string& text : moves) {
    game::Move m;
    std::string error;
    ASSERT_TRUE(g.parseMove(text, m, error)) << text << ": " << error;
    const game::Seat mover = g.toMove();
    at += 1s;
    EXPECT_TRUE(writer.move(mover, g.play(m), at)) << writer.error();
  }
}

TEST_F(Records, ChatLinesAreKept) {
  std::string error;
  auto writer = Writer::create(dir_, {8, kOmok, "alice", "bob", {}, {}, {}}, error, kStart);
  ASSERT_TRUE(writer) << error;
  EXPECT_TRUE(writer->chat(game::Seat::Player1, "alice", "good luck", kStart + 1s));
  EXPECT_TRUE(writer->chat(game::Seat::None, "carol", "\"quoted\" \xea\xb0\x80", kStart + 2s));
  EXPECT_TRUE(writer->finish({game::Result::Draw, game::EndReason::Agreement}, kStart + 3s));
  EXPECT_NE(lines(writer->path())[2].find("\"type\":\"chat\""), std::string::npos);
  const Record r = load(writer->path());
  ASSERT_EQ(r.chat.size(), 2u);
  EXPECT_EQ(r.chat[0].seat, game::Seat::Player1);
  EXPECT_EQ(r.chat[0].name, "alice");
  EXPECT_EQ(r.chat[0].text, "good luck");
  EXPECT_EQ(r.chat[0].line, 2);
  EXPECT_EQ(r.chat[1].seat, game::Seat::None);
  EXPECT_EQ(r.chat[1].text, "\"quoted\" \xea\xb0\x80");
  EXPECT_EQ(r.chat[1].time, "2026-11-23T08:15:04.000Z");
}

TEST_F(Records, TakebacksReplayToTheGameAsItEnded) {
  std::string error;
  auto g = game::makeGame(kOmok, error);
  auto writer = Writer::create(dir_, {9, kOmok, "alice", "bob", {}, {}, {}}, error, kStart);
  ASSERT_TRUE(g && writer) << error;
  auto at = kStart;
  playAndRecord(*g, *writer, {"h8", "a1", "o15"}, at);
  // Black takes back o15, unanswered; then white takes back a1 after black's reply i8.
  EXPECT_TRUE(writer->event("takeback-request", game::Seat::Player1, at));
  ASSERT_TRUE(g->takeback());
  EXPECT_TRUE(writer->takeback(game::Seat::Player1, 2, at));
  playAndRecord(*g, *writer, {"i8"}, at);
  ASSERT_TRUE(g->takeback() && g->takeback());
  EXPECT_TRUE(writer->takeback(game::Seat::Player2, 1, at));
  playAndRecord(*g, *writer, {"h9", "i8"}, at);
  EXPECT_EQ(writer->moves(), 3);
  g->finish({game::Result::Player2Wins, game::EndReason::Resignation});
  EXPECT_TRUE(writer->finish(g->status(), at));

  const Record r = load(writer->path());
  ASSERT_TRUE(r.game);
  EXPECT_EQ(r.game->position(), g->position());
  ASSERT_EQ(r.moves.size(), 3u);
  EXPECT_EQ(r.moves[1].notation, "h9");
  EXPECT_EQ(r.moves[2].ply, 3);
  ASSERT_EQ(r.takebacks.size(), 2u);
  EXPECT_EQ(r.takebacks[0].seat, game::Seat::Player1);
  EXPECT_EQ(r.takebacks[0].moves, 2);
  EXPECT_EQ(r.takebacks[0].line, 6);
  ASSERT_EQ(r.takebacks[0].takenBack.size(), 1u);
  EXPECT_EQ(r.takebacks[0].takenBack[0].notation, "o15");
  ASSERT_EQ(r.takebacks[1].takenBack.size(), 2u);
  EXPECT_EQ(r.takebacks[1].takenBack[0].notation, "a1");
  EXPECT_EQ(r.takebacks[1].takenBack[1].notation, "i8");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].what, "takeback-request");
}

TEST_F(Records, ImpossibleTakebacksAreErrorsWithTheirLine) {
  // Line 4 takes the omok game of two moves back to `moves`, for `seat`.
  struct Case {
    std::string takeback, message;
  };
  const std::vector<Case> cases{
      {R"({"type":"takeback","seat":1,"moves":5,"time":"2026-11-23T08:15:05.000Z"})",
       "take-back to 5 moves, but the game has 2"},
      {R"({"type":"takeback","seat":1,"moves":2,"time":"2026-11-23T08:15:05.000Z"})",
       "take-back to 2 moves, but the game has 2"},
      {R"({"type":"takeback","seat":1,"moves":1,"time":"2026-11-23T08:15:05.000Z"})",
       "seat 1's take-back leaves seat 2 to move"},
      {R"({"type":"takeback","seat":3,"moves":0,"time":"2026-11-23T08:15:05.000Z"})", "field \"seat\" is 3"},
  };
  for (const Case& c : cases) {
    const fs::path file = write(kOmok, {"h8", "a1"}, game::Status{game::Result::Player2Wins, game::EndReason::Resignation});
    auto all = lines(file);
    all.insert(all.begin() + 3, c.takeback);
    rewrite(file, all);
    const LoadError e = errorOf(file);
    EXPECT_EQ(e.line, 4) << c.message;
    EXPECT_NE(e.message.find(c.message), std::string::npos) << e.message;
    fs::remove(file);
  }
  // Chess has no take-backs.
  const fs::path file = write(kChess, {"e4", "e5"}, game::Status{game::Result::Draw, game::EndReason::Agreement});
  auto all = lines(file);
  all.insert(all.begin() + 3, R"({"type":"takeback","seat":1,"moves":0,"time":"2026-11-23T08:15:05.000Z"})");
  rewrite(file, all);
  EXPECT_EQ(errorOf(file).describe(), "line 4: this game does not allow taking moves back");
}

TEST_F(Records, TruncatedLastLineIsToleratedAndReported) {
  const fs::path file = write(kChess, kScholarsMate);
  auto all = lines(file);
  all.pop_back();  // the end line never made it
  std::string cut = all.back();
  all.back() = cut.substr(0, cut.size() / 2);  // the last move line is cut mid-way
  rewrite(file, all, false);
  const Record r = load(file);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.moves.size(), kScholarsMate.size() - 1);
  EXPECT_FALSE(r.result);
  ASSERT_TRUE(r.game);
  EXPECT_FALSE(r.game->status().over());
}

TEST_F(Records, RecordWithoutEndLineIsAnUnfinishedGame) {
  const fs::path file = write(kChess, {"e4", "e5", "Nf3"});
  auto all = lines(file);
  all.pop_back();
  rewrite(file, all);
  const Record r = load(file);
  EXPECT_FALSE(r.truncated);
  EXPECT_FALSE(r.result);
  EXPECT_EQ(r.moves.size(), 3u);
}

TEST_F(Records, GarbageInTheMiddleIsAnErrorWithItsLine) {
  const fs::path file = write(kChess, kScholarsMate);
  auto all = lines(file);
  all[3] = all[3].substr(0, 10);  // a cut line that is not the last one
  rewrite(file, all);
  LoadError e = errorOf(file);
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.describe(), "line 4: not a JSON object");
  all = lines(file);
  all[2] = "[1,2,3]";
  rewrite(file, all);
  EXPECT_EQ(errorOf(file).line, 3);
  // A damaged last line that still ends with a newline is garbage, not truncation.
  all = lines(write(kChess, {"e4"}));
  all.back() = "{\"type\":\"end\"";
  rewrite(file, all);
  EXPECT_EQ(errorOf(file).line, 3);
}

TEST_F(Records, IllegalMoveIsRejectedWithItsLine) {
  const fs::path file = write(kChess, kScholarsMate);
  auto all = lines(file);
  // Ply 3, Bc4 (f1c4), becomes a rook jumping over its own pawn.
  const auto at = all[3].find("f1c4");
  ASSERT_NE(at, std::string::npos);
  all[3].replace(at, 4, "a1a5");
  rewrite(file, all);
  const LoadError e = errorOf(file);
  EXPECT_EQ(e.line, 4);
  EXPECT_NE(e.message.find("illegal move 'a1a5'"), std::string::npos) << e.message;
}

TEST_F(Records, OmokMoveOnATakenPointIsRejectedWithItsLine) {
  const fs::path file = write(kOmok, kFiveInARow);
  auto all = lines(file);
  const auto at = all[4].find("\"a3\"");
  ASSERT_NE(at, std::string::npos);
  all[4].replace(at, 4, "\"h8\"");
  rewrite(file, all);
  const LoadError e = errorOf(file);
  EXPECT_EQ(e.line, 5);
  EXPECT_NE(e.message.find("illegal move 'h8'"), std::string::npos) << e.message;
}

TEST_F(Records, InconsistentLinesAreErrors) {
  struct Case {
    std::size_t line;
    std::string from, to, message;
  };
  const std::vector<Case> cases{
      {1, "\"notation\":\"e4\"", "\"notation\":\"d4\"", "is written 'd4' but is 'e4'"},
      {2, "\"ply\":2", "\"ply\":3", "ply 3 where ply 2 was due"},
      {2, "\"seat\":2", "\"seat\":1", "seat 1 moved on seat 2's turn"},
      {8, "\"result\":\"player1\"", "\"result\":\"player2\"", "the record says player2 by checkmate"},
      {8, "\"moves\":7", "\"moves\":6", "counts 6 moves"},
      {0, "\"format\":4", "\"format\":5", "record format 5 is not supported"},
      {0, "\"game\":\"chess\"", "\"game\":\"go\"", "unknown game \"go\""},
      {0, "\"boardSize\":8", "\"boardSize\":9", "board size 9 is not chess's 8"},
      {0, "\"seat\":2", "\"seat\":1", "does not name both seats"},
      {1, "\"time\":\"2026-11-23T08:15:03.500Z\"", "\"time\":\"yesterday\"", "not an ISO 8601 UTC time"},
      {1, "\"type\":\"move\"", "\"type\":\"teleport\"", "unknown line type \"teleport\""},
  };
  for (const Case& c : cases) {
    const fs::path file = write(kChess, kScholarsMate);
    auto all = lines(file);
    const auto at = all[c.line].find(c.from);
    ASSERT_NE(at, std::string::npos) << all[c.line];
    all[c.line].replace(at, c.from.size(), c.to);
    rewrite(file, all);
    const LoadError e = errorOf(file);
    EXPECT_EQ(e.line, static_cast<int>(c.line) + 1) << c.message;
    EXPECT_NE(e.message.find(c.message), std::string::npos) << e.message;
    fs::remove(file);
  }
}

TEST_F(Records, TimedMatchKeepsTheTimeControlAndEveryClock) {
  std::string error;
  auto g = game::makeGame(kChess, error);
  auto writer = Writer::create(dir_, {43, kChess, "alice", "bob", {180'000, 2'000}, {}, {}}, error, kStart);
  ASSERT_TRUE(writer) << error;
  const std::uint32_t clocks[] = {181'500, 178'000, 175'250};
  for (std::size_t i = 0; i < 3; ++i) {
    game::Move m;
    ASSERT_TRUE(g->parseMove(std::vector<std::string>{"e4", "c5", "Nf3"}[i], m, error));
    const game::Seat mover = g->toMove();
    EXPECT_TRUE(writer->move(mover, g->play(m), kStart + seconds(i + 1), clocks[i]));
  }
  g->finish({game::Result::Player1Wins, game::EndReason::Timeout});
  EXPECT_TRUE(writer->finish(g->status(), kStart + 1min, {175'250, 0}));
  const fs::path file = writer->path();

  const Record r = load(file);
  EXPECT_EQ(r.timeControl, (game::TimeControl{180'000, 2'000}));
  ASSERT_EQ(r.moves.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(r.moves[i].clockMs, clocks[i]);
  EXPECT_EQ(r.endClocks, (std::array<std::uint32_t, 2>{175'250, 0}));
  EXPECT_EQ(r.result, (game::Status{game::Result::Player1Wins, game::EndReason::Timeout}));

  // A timed record must carry the clocks it promises.
  auto all = lines(file);
  const auto at = all[1].find("\"clock\":181500,");
  ASSERT_NE(at, std::string::npos) << all[1];
  all[1].erase(at, std::string("\"clock\":181500,").size());
  rewrite(file, all);
  const LoadError e = errorOf(file);
  EXPECT_EQ(e.line, 2);
  EXPECT_NE(e.message.find("missing field \"clock\""), std::string::npos) << e.message;
}

TEST_F(Records, UntimedMatchWritesNoClocksAndOldFormatStillReads) {
  const fs::path file = write(kChess, kScholarsMate);
  for (const std::string& line : lines(file)) EXPECT_EQ(line.find("clock"), std::string::npos) << line;
  const Record r = load(file);
  EXPECT_FALSE(r.timeControl.timed());
  EXPECT_FALSE(r.moves[0].clockMs);
  EXPECT_FALSE(r.endClocks);

  auto all = lines(file);
  all[0].replace(all[0].find("\"format\":4"), 10, "\"format\":1");
  rewrite(file, all);
  EXPECT_EQ(load(file).format, 1);
}

TEST_F(Records, EndingsMustFitThePosition) {
  // A resignation recorded as a draw, a five claimed on an empty board, an unclaimable fifty-move draw.
  const std::vector<std::pair<game::Status, std::string>> cases{
      {{game::Result::Draw, game::EndReason::Resignation}, "is not possible"},
      {{game::Result::Player1Wins, game::EndReason::FiveInARow}, "but the position is ongoing"},
      {{game::Result::Draw, game::EndReason::FiftyMoveRule}, "was not claimable"},
  };
  for (const auto& [status, message] : cases) {
    const fs::path file = write(kChess, {"e4"}, game::Status{game::Result::Player2Wins, game::EndReason::Resignation});
    auto all = lines(file);
    nlohmann::json end = nlohmann::json::parse(all.back());
    end["result"] = game::name(status.result);
    end["reason"] = game::name(status.reason);
    all.back() = end.dump();
    rewrite(file, all);
    const LoadError e = errorOf(file);
    EXPECT_EQ(e.line, 3);
    EXPECT_NE(e.message.find(message), std::string::npos) << e.message;
    fs::remove(file);
  }
}

TEST_F(Records, TextAfterTheEndIsAnError) {
  const fs::path file = write(kChess, kScholarsMate);
  auto all = lines(file);
  all.push_back(all[1]);
  rewrite(file, all);
  EXPECT_EQ(errorOf(file).describe(), "line 10: text after the end line");
}

TEST_F(Records, EmptyAndMissingFiles) {
  fs::create_directories(dir_);
  const fs::path empty = dir_ / "empty.jsonl";
  rewrite(empty, {});
  EXPECT_EQ(errorOf(empty).describe(), "the record is empty");
  EXPECT_NE(errorOf(dir_ / "missing.jsonl").describe().find("cannot open"), std::string::npos);
}

TEST_F(Records, NamesNeverCollide) {
  std::string error;
  std::set<fs::path> paths;
  std::vector<std::unique_ptr<Writer>> writers;
  for (int i = 0; i < 5; ++i) {
    writers.push_back(Writer::create(dir_, {42, kChess, "a", "b", {}, {}, {}}, error, kStart));
    ASSERT_TRUE(writers.back()) << error;
    paths.insert(writers.back()->path());
  }
  EXPECT_EQ(paths.size(), 5u);
  EXPECT_TRUE(paths.count(dir_ / "2026-11-23T08-15-02Z_m000042.jsonl"));
  EXPECT_TRUE(paths.count(dir_ / "2026-11-23T08-15-02Z_m000042-2.jsonl"));
  EXPECT_TRUE(paths.count(dir_ / "2026-11-23T08-15-02Z_m000042-5.jsonl"));
  // Every file kept its own start line: none was overwritten.
  for (const fs::path& p : paths) EXPECT_EQ(lines(p).size(), 1u);
}

TEST_F(Records, CreateReportsWhyItCannotRecord) {
  fs::create_directories(dir_);
  const fs::path notADirectory = dir_ / "file";
  rewrite(notADirectory, {"x"});
  std::string error;
  EXPECT_FALSE(Writer::create(notADirectory, {1, kChess, "a", "b", {}, {}, {}}, error, kStart));
  EXPECT_NE(error.find("cannot create record directory"), std::string::npos) << error;
  game::Setup bad = kChess;
  bad.rule = game::Rule::Renju;
  EXPECT_FALSE(Writer::create(dir_, {1, bad, "a", "b", {}, {}, {}}, error, kStart));
  EXPECT_NE(error.find("cannot record match 1"), std::string::npos) << error;
}

// A full disk: the writer names it, and writes nothing more. Linux's
// /dev/full stands in, as a record reopened, since create() makes its files.
TEST_F(Records, AFullDiskIsNamedAsSuch) {
#ifdef __linux__
  const fs::path full = "/dev/full";
  if (!fs::exists(full)) GTEST_SKIP() << full << " is missing";
  std::string error;
  auto writer = Writer::reopen(full, game::Kind::Omok, false, 0, error);
  ASSERT_TRUE(writer) << error;
  const std::string noSpace = "cannot write record /dev/full: No space left on device";
  EXPECT_FALSE(writer->event("draw-offer", game::Seat::Player1, kStart));
  EXPECT_EQ(writer->error(), noSpace);
  EXPECT_FALSE(writer->finish({game::Result::Draw, game::EndReason::Agreement}, kStart));
  EXPECT_EQ(writer->error(), noSpace);
#else
  GTEST_SKIP() << "needs Linux's /dev/full";
#endif
}

// More records open at once than a C runtime keeps streams (512 in the
// msvcrt of the Windows build), as a server with a match each has.
TEST_F(Records, ThousandsOfRecordsOpenAtOnce) {
  constexpr int kOpen = 2000;
#ifndef _WIN32
  // A descriptor each: raise the soft limit as far as needed and allowed.
  rlimit limit{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
  const rlim_t needed = kOpen + 64;
  if (limit.rlim_cur < needed) {
    limit.rlim_cur = std::min(needed, limit.rlim_max);
    ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &limit), 0);
  }
  if (limit.rlim_cur < needed) GTEST_SKIP() << "the descriptor limit is " << limit.rlim_max;
#endif
  std::string error;
  std::vector<std::unique_ptr<Writer>> writers;
  for (std::uint32_t id = 1; id <= kOpen; ++id) {
    writers.push_back(Writer::create(dir_, {id, kOmok, "a", "b", {}, {}, {}}, error, kStart));
    ASSERT_TRUE(writers.back()) << "record " << id << ": " << error;
  }
  game::Played h8;
  h8.notation = "h8";
  for (const auto& writer : writers) ASSERT_TRUE(writer->move(game::Seat::Player1, h8, kStart + 1s)) << writer->error();
  const game::Status agreed{game::Result::Draw, game::EndReason::Agreement};
  for (const auto& writer : writers) ASSERT_TRUE(writer->finish(agreed, kStart + 2s)) << writer->error();
  for (const auto& writer : {writers.front().get(), writers.back().get()}) {
    const Record r = load(writer->path());
    EXPECT_EQ(r.moves.size(), 1u);
    EXPECT_EQ(r.result, agreed);
  }
}

TEST_F(Records, OddBytesInNamesDoNotStopTheRecord) {
  std::string error;
  auto writer = Writer::create(dir_, {3, kChess, "bad\xff name", "b", {}, {}, {}}, error, kStart);
  ASSERT_TRUE(writer) << error;
  EXPECT_TRUE(writer->finish({game::Result::Draw, game::EndReason::Agreement}, kStart));
  const Record r = load(writer->path());
  EXPECT_EQ(r.player1, "bad\xef\xbf\xbd name");  // replaced by U+FFFD
}

// An opening's decisions are lines of their own, played again in their
// places: swap2's third option, then the first player takes white, who wins.
TEST_F(Records, OpeningDecisionsReplayInTheirPlaces) {
  const game::Setup swap2{game::Kind::Omok, game::Rule::Freestyle, 15, "", game::Opening::Swap2};
  const std::vector<std::string> moves{"h8", "h9", "j8", "!option 3", "g7", "k10", "!white",
                                       "a1", "o15", "b1", "o14", "c1", "o13", "d1", "o12", "e1"};
  const fs::path file = write(swap2, moves);
  const Record r = load(file);
  EXPECT_EQ(r.setup.opening, game::Opening::Swap2);
  ASSERT_EQ(r.decisions.size(), 2u);
  EXPECT_EQ(r.decisions[0].notation, "option 3");
  EXPECT_EQ(r.decisions[0].seat, game::Seat::Player2);
  EXPECT_EQ(r.decisions[0].line, 5);
  EXPECT_EQ(r.decisions[1].notation, "white");
  EXPECT_EQ(r.decisions[1].seat, game::Seat::Player1);
  EXPECT_EQ(r.moves.size(), 14u);
  // Player 1 took white and made the five a1..e1: a win for player 1.
  ASSERT_TRUE(r.result);
  EXPECT_EQ(*r.result, (game::Status{game::Result::Player1Wins, game::EndReason::FiveInARow}));
  EXPECT_TRUE(r.game->opening().exchanged);

  struct Case {
    std::size_t line;
    std::string from, to, message;
  };
  const Case cases[] = {
      {4, "\"decision\":\"option 3\"", "\"decision\":\"option 4\"", "decision 'option 4' refused"},
      {4, "\"decision\":\"option 3\"", "\"decision\":\"teleport\"", "'teleport' is not a decision"},
      {4, "\"seat\":2", "\"seat\":1", "seat 1 decided on seat 2's turn"},
      {0, "\"opening\":\"swap2\"", "\"opening\":\"swap3\"", "unknown opening \"swap3\""},
      {0, "\"opening\":\"swap2\"", "\"opening\":\"soosorv8\"", "is not played under rule"},
  };
  for (const Case& c : cases) {
    auto all = lines(file);
    const auto at = all[c.line].find(c.from);
    ASSERT_NE(at, std::string::npos) << all[c.line];
    all[c.line].replace(at, c.from.size(), c.to);
    const fs::path broken = dir_ / "broken.jsonl";
    rewrite(broken, all);
    const LoadError e = errorOf(broken);
    EXPECT_EQ(e.line, static_cast<int>(c.line) + 1) << e.describe();
    EXPECT_NE(e.message.find(c.message), std::string::npos) << e.describe();
  }
}

}  // namespace
}  // namespace record
