// What a record keeps for a server to go on with its game (format 3): the
// seats' digests, the clocks as last written, the offers still pending, the
// adjourned end and what may follow it, and a reopened record that goes on
// where it stopped.
#include <gtest/gtest.h>

#include <fstream>

#include "shared/record/file.h"
#include "shared/record/reader.h"
#include "shared/record/writer.h"
#include "tests/support/files.h"

namespace record {
namespace {

using namespace std::chrono;
namespace fs = std::filesystem;
using game::Seat;

const game::Setup kOmok{game::Kind::Omok, game::Rule::Freestyle, 15, ""};
const game::TimeControl kThreePlusTwo{180'000, 2'000};

class Resume : public ::testing::Test {
 protected:
  // A timed omok record with digests, its writer left open.
  std::unique_ptr<Writer> start(game::TimeControl tc = kThreePlusTwo) {
    std::string error;
    game_ = game::makeGame(kOmok, error);
    auto writer = Writer::create(dir_, {7, kOmok, "ann", "ben", tc, {"d1", "d2"}, "c0de"}, error);
    EXPECT_TRUE(writer) << error;
    return writer;
  }

  void play(Writer& writer, std::string_view point, std::uint32_t clockMs) {
    game::Move m;
    std::string error;
    ASSERT_TRUE(game_->parseMove(point, m, error)) << error;
    const Seat mover = game_->toMove();
    ASSERT_TRUE(writer.move(mover, game_->play(m), Clock::now(), clockMs)) << writer.error();
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
  std::unique_ptr<game::Game> game_;
};

TEST_F(Resume, TheStartKeepsTheDigestsAndThePrivateCode) {
  auto writer = start();
  const Record r = load(writer->path());
  EXPECT_EQ(r.format, record::kFormatVersion);
  EXPECT_EQ(r.resume, (std::array<std::string, 2>{"d1", "d2"}));
  EXPECT_EQ(r.code, "c0de");
  EXPECT_EQ(r.clocks, (std::array<std::uint32_t, 2>{180'000, 180'000}));  // nobody moved: the base
}

TEST_F(Resume, TheClocksAreWhereTheRecordLastSaidTheyWere) {
  auto writer = start();
  play(*writer, "a8", 181'000);
  EXPECT_EQ(load(writer->path()).clocks, (std::array<std::uint32_t, 2>{181'000, 180'000}));
  play(*writer, "a1", 179'500);
  EXPECT_EQ(load(writer->path()).clocks, (std::array<std::uint32_t, 2>{181'000, 179'500}));
  ASSERT_TRUE(writer->event("suspended", Seat::None, Clock::now(), Clocks{170'000, 179'500}));
  EXPECT_EQ(load(writer->path()).clocks, (std::array<std::uint32_t, 2>{170'000, 179'500}));
  ASSERT_TRUE(game_->takeback());
  ASSERT_TRUE(writer->takeback(Seat::Player2, 1, Clock::now(), {165'000, 179'500}));
  const Record r = load(writer->path());
  EXPECT_EQ(r.clocks, (std::array<std::uint32_t, 2>{165'000, 179'500}));
  EXPECT_EQ(r.moves.size(), 1u);
}

TEST_F(Resume, AnOfferIsPendingUntilItIsAnsweredOrTheOpponentMoves) {
  auto writer = start(game::TimeControl{});
  play(*writer, "a8", 0);
  ASSERT_TRUE(writer->event("draw-offer", Seat::Player1));
  EXPECT_EQ(load(writer->path()).drawOfferBy, Seat::Player1);
  play(*writer, "a1", 0);  // moving on declines it
  EXPECT_EQ(load(writer->path()).drawOfferBy, Seat::None);
  ASSERT_TRUE(writer->event("draw-offer", Seat::Player2));
  ASSERT_TRUE(writer->event("draw-decline", Seat::Player1));
  EXPECT_EQ(load(writer->path()).drawOfferBy, Seat::None);
  ASSERT_TRUE(writer->event("takeback-request", Seat::Player2));
  const Record r = load(writer->path());
  EXPECT_EQ(r.takebackBy, Seat::Player2);
  EXPECT_EQ(r.drawOfferBy, Seat::None);
  ASSERT_TRUE(game_->takeback());
  ASSERT_TRUE(writer->takeback(Seat::Player2, 1));
  EXPECT_EQ(load(writer->path()).takebackBy, Seat::None);
}

TEST_F(Resume, AnAdjournedGameGoesOnOnlyAfterAResumedEvent) {
  auto writer = start(game::TimeControl{});
  play(*writer, "a8", 0);
  const fs::path file = writer->path();
  ASSERT_TRUE(writer->finish({game::Result::Ongoing, game::EndReason::Adjourned}));
  Record r = load(file);
  EXPECT_TRUE(r.adjourned);
  EXPECT_FALSE(r.result.has_value());

  std::string error;
  auto again = Writer::reopen(file, game::Kind::Omok, false, 1, error);
  ASSERT_TRUE(again) << error;
  const std::string adjourned = testsupport::fileBytes(file);
  ASSERT_TRUE(again->move(Seat::Player2, game_->play({0, 0, 0}), Clock::now()));
  again.reset();
  // A move straight after the adjourned end: not a game that went on.
  auto loaded = readFile(file);
  ASSERT_TRUE(std::holds_alternative<LoadError>(loaded));
  EXPECT_NE(std::get<LoadError>(loaded).message.find("text after the end line"), std::string::npos);

  { std::ofstream(file, std::ios::binary | std::ios::trunc) << adjourned; }
  again = Writer::reopen(file, game::Kind::Omok, false, 1, error);
  ASSERT_TRUE(again->event("resumed", Seat::None));
  ASSERT_TRUE(again->move(Seat::Player2, game_->play({0, 1, 0}), Clock::now()));
  ASSERT_TRUE(again->finish({game::Result::Player2Wins, game::EndReason::Resignation}));
  r = load(file);
  EXPECT_FALSE(r.adjourned);
  ASSERT_EQ(r.moves.size(), 2u);
  EXPECT_EQ(r.moves[1].ply, 2);
  EXPECT_EQ(r.result, (game::Status{game::Result::Player2Wins, game::EndReason::Resignation}));
}

TEST_F(Resume, AReopenedRecordLosesTheLineACrashCutAndGoesOnAtTheNextPly) {
  auto writer = start(game::TimeControl{});
  play(*writer, "a8", 0);
  play(*writer, "a1", 0);
  const fs::path file = writer->path();
  writer.reset();  // the crash: no end line
  const std::string whole = testsupport::fileBytes(file);
  { std::ofstream(file, std::ios::binary | std::ios::app) << R"({"notation":"b8","ply":3,"se)"; }
  EXPECT_TRUE(load(file).truncated);

  std::string error;
  auto again = Writer::reopen(file, game::Kind::Omok, false, 2, error);
  ASSERT_TRUE(again) << error;
  EXPECT_EQ(testsupport::fileBytes(file), whole);
  ASSERT_TRUE(again->event("resumed", Seat::None));
  play(*again, "b8", 0);
  const Record r = load(file);
  EXPECT_FALSE(r.truncated);
  ASSERT_EQ(r.moves.size(), 3u);
  EXPECT_EQ(r.moves[2].ply, 3);
  EXPECT_EQ(r.moves[2].notation, "b8");
}

TEST_F(Resume, AReopenOfAMissingRecordSaysWhy) {
  const fs::path gone = dir_ / "gone.jsonl";
  std::string error;
  EXPECT_FALSE(Writer::reopen(gone, game::Kind::Omok, false, 0, error));
  std::error_code cause;
  EXPECT_FALSE(File::openForAppend(gone, cause));
  EXPECT_EQ(cause, std::errc::no_such_file_or_directory) << cause.message();
  EXPECT_EQ(error, "cannot open record " + gone.string() + ": " + cause.message());
}

// Before format 3 a stopping server ended games as a draw by server-shutdown:
// that decided nothing, so the reader takes it as adjourned.
TEST_F(Resume, AnOldServerShutdownDrawReadsAsAdjourned) {
  fs::create_directories(dir_);
  const fs::path file = dir_ / "old.jsonl";
  std::ofstream(file)
      << R"({"boardSize":15,"format":2,"game":"omok","match":3,"players":[{"name":"a","seat":1},{"name":"b","seat":2}],"rule":"freestyle","time":"2026-11-23T09:00:00.000Z","type":"start"})"
      << "\n"
      << R"({"notation":"h8","ply":1,"seat":1,"time":"2026-11-23T09:00:01.000Z","type":"move"})" << "\n"
      << R"({"moves":1,"reason":"server-shutdown","result":"draw","time":"2026-11-23T09:00:02.000Z","type":"end"})"
      << "\n";
  const Record r = load(file);
  EXPECT_TRUE(r.adjourned);
  EXPECT_FALSE(r.result.has_value());
  EXPECT_EQ(r.resume[0], "");  // and no digests: no server can give its seats back
}

}  // namespace
}  // namespace record
