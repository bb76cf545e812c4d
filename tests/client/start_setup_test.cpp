// What the start screen knows without a window: the typed server address,
// the clock asked for, the remembered address and name (client.json in a
// temporary XDG_CONFIG_HOME) and the records of the log folders, newest first.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#include "game_client/core/game_choice.h"
#include "game_client/core/record_list.h"
#include "game_client/core/server_address.h"
#include "game_client/core/user_config.h"
#include "tests/support/harness.h"

namespace client {
namespace {

namespace fs = std::filesystem;
using servertest::TempDir;

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ServerAddress parsed(const std::string& text) {
  std::string error;
  const auto address = parseServerAddress(text, error);
  EXPECT_TRUE(address) << text << ": " << error;
  return address.value_or(ServerAddress{});
}

std::string refused(const std::string& text) {
  std::string error;
  EXPECT_FALSE(parseServerAddress(text, error)) << text;
  return error;
}

TEST(ServerAddress, ReadsHostAndPort) {
  EXPECT_EQ(parsed("10.0.0.5:9001").host, "10.0.0.5");
  EXPECT_EQ(parsed("10.0.0.5:9001").port, 9001);
  EXPECT_EQ(parsed("  games.example.org:65535 ").host, "games.example.org");
  EXPECT_EQ(parsed("games.example.org:65535").port, 65535);
}

TEST(ServerAddress, TheDefaultPortWhenLeftOut) {
  EXPECT_EQ(parsed("localhost").host, "localhost");
  EXPECT_EQ(parsed("localhost").port, 9000);
}

TEST(ServerAddress, V6InBracketsOrBare) {
  EXPECT_EQ(parsed("[::1]:9002").host, "::1");
  EXPECT_EQ(parsed("[::1]:9002").port, 9002);
  EXPECT_EQ(parsed("[fe80::1]").port, 9000);
  EXPECT_EQ(parsed("::1").host, "::1");
  EXPECT_EQ(parsed("::1").port, 9000);
}

TEST(ServerAddress, ABadPortIsSaidInWords) {
  for (const char* text : {"host:", "host:0", "host:65536", "host:9x", "host:-1", "host: 9000", "[::1]:99999"})
    EXPECT_NE(refused(text).find("is not a number from 1 to 65535"), std::string::npos) << text;
  EXPECT_EQ(refused("10.0.0.5:99999"), "the port in '10.0.0.5:99999' is not a number from 1 to 65535");
}

TEST(ServerAddress, NoHostIsSaidInWords) {
  EXPECT_EQ(refused(""), "type the server's address (host or host:port)");
  EXPECT_EQ(refused("   "), "type the server's address (host or host:port)");
  EXPECT_EQ(refused(":9000"), "the address ':9000' names no host");
  EXPECT_EQ(refused("[]:9000"), "the address '[]:9000' names no host");
  EXPECT_EQ(refused("[::1"), "the address '[::1' has no ']' after its '['");
  EXPECT_EQ(refused("[::1]9000"), "after ']' the address '[::1]9000' wants ':port'");
}

TEST(ServerAddress, FormatsWhatItReads) {
  EXPECT_EQ(formatServerAddress({"127.0.0.1", 9000}), "127.0.0.1:9000");
  EXPECT_EQ(formatServerAddress({"::1", 9001}), "[::1]:9001");
  EXPECT_EQ(parsed(formatServerAddress({"::1", 9001})).host, "::1");
}

TEST(TimeChoice, EmptyIsTheServersChoiceNoneIsUntimed) {
  Options options;
  std::string error;
  ASSERT_TRUE(parseTimeChoice("5+3", options, error)) << error;
  EXPECT_EQ(options.time, (game::TimeControl{300'000, 3'000}));
  EXPECT_EQ(describeTimeChoice(options), "5+3");
  ASSERT_TRUE(parseTimeChoice("none", options, error)) << error;
  EXPECT_EQ(options.time, game::TimeControl{});
  EXPECT_EQ(describeTimeChoice(options), "none");
  ASSERT_TRUE(parseTimeChoice("", options, error)) << error;
  EXPECT_EQ(options.time, std::nullopt);
  EXPECT_EQ(describeTimeChoice(options), "");
}

TEST(TimeChoice, AClockThatIsNoneIsSaidAndChangesNothing) {
  Options options;
  options.time = game::TimeControl{60'000, 0};
  std::string error;
  EXPECT_FALSE(parseTimeChoice("5", options, error));
  EXPECT_EQ(error, "time control '5' is not MINUTES+SECONDS, e.g. 5+3");
  EXPECT_EQ(options.time, (game::TimeControl{60'000, 0}));
}

// Points XDG_CONFIG_HOME (and HOME) at a temporary folder for one test and
// puts them back after it, so no test reads or writes the developer's own.
class UserConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"XDG_CONFIG_HOME", "HOME"})
      if (const char* value = std::getenv(name)) saved_.emplace_back(name, value);
      else saved_.emplace_back(name, std::nullopt);
    setenv("XDG_CONFIG_HOME", dir_.path().c_str(), 1);
  }
  void TearDown() override {
    for (const auto& [name, value] : saved_)
      if (value) setenv(name.c_str(), value->c_str(), 1);
      else unsetenv(name.c_str());
  }

  TempDir dir_;
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST_F(UserConfigTest, TheFileIsInTheConfigFolder) {
  EXPECT_EQ(userConfigFile(), dir_.path() / "board_games" / "client.json");
  // XDG: a relative XDG_CONFIG_HOME is ignored; ~/.config is the fallback.
  setenv("XDG_CONFIG_HOME", "relative/config", 1);
  setenv("HOME", (dir_.path() / "home").c_str(), 1);
  EXPECT_EQ(userConfigFile(), dir_.path() / "home" / ".config" / "board_games" / "client.json");
  unsetenv("XDG_CONFIG_HOME");
  EXPECT_EQ(userConfigFile(), dir_.path() / "home" / ".config" / "board_games" / "client.json");
  unsetenv("HOME");
  EXPECT_TRUE(userConfigFile().empty());
}

TEST_F(UserConfigTest, NoFileGivesTheDefaults) {
  std::string problem = "stale";
  const UserConfig config = loadUserConfig(userConfigFile(), problem);
  EXPECT_EQ(config.address, "127.0.0.1:9000");
  EXPECT_EQ(config.name, "");
  EXPECT_EQ(problem, "");
  EXPECT_EQ(loadUserConfig({}, problem).address, "127.0.0.1:9000");
}

TEST_F(UserConfigTest, WhatIsSavedIsLoaded) {
  const fs::path file = userConfigFile();
  std::string error;
  ASSERT_TRUE(saveUserConfig(file, {"10.0.0.5:9001", "안나"}, error)) << error;
  std::string problem;
  const UserConfig config = loadUserConfig(file, problem);
  EXPECT_EQ(problem, "");
  EXPECT_EQ(config.address, "10.0.0.5:9001");
  EXPECT_EQ(config.name, "안나");
  // Saved again over the first: renamed into place, nothing left beside it.
  ASSERT_TRUE(saveUserConfig(file, {"games.example.org", "ann"}, error)) << error;
  EXPECT_EQ(loadUserConfig(file, problem).address, "games.example.org");
  EXPECT_EQ(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator()), 1);
}

TEST_F(UserConfigTest, ACorruptFileGivesTheDefaultsAndIsLeftAlone) {
  const fs::path file = userConfigFile();
  for (const std::string text : {"{\"address\": \"10.0.0.5:9001\", ", "[1, 2]", "{\"address\": 9000}", ""}) {
    write(file, text);
    std::string problem;
    const UserConfig config = loadUserConfig(file, problem);
    EXPECT_EQ(config.address, "127.0.0.1:9000") << text;
    EXPECT_EQ(config.name, "") << text;
    EXPECT_NE(problem.find(file.string()), std::string::npos) << text << ": " << problem;
    EXPECT_EQ(read(file), text);
  }
  // The next save replaces it.
  std::string error;
  ASSERT_TRUE(saveUserConfig(file, {"10.0.0.5", "ann"}, error)) << error;
  std::string problem;
  EXPECT_EQ(loadUserConfig(file, problem).name, "ann");
  EXPECT_EQ(problem, "");
}

TEST_F(UserConfigTest, SavingKeepsWhatItDoesNotKnow) {
  const fs::path file = userConfigFile();
  write(file, R"({"name": "old", "theme": "dark"})");
  std::string error, problem;
  ASSERT_TRUE(saveUserConfig(file, {"10.0.0.5", "ann"}, error)) << error;
  EXPECT_NE(read(file).find("\"theme\": \"dark\""), std::string::npos) << read(file);
  EXPECT_EQ(loadUserConfig(file, problem).name, "ann");
}

TEST_F(UserConfigTest, AFolderThatCannotBeMadeIsSaidInWords) {
  write(dir_.path() / "taken", "a file where the folder would go");
  std::string error;
  EXPECT_FALSE(saveUserConfig(dir_.path() / "taken" / "board_games" / "client.json", {}, error));
  EXPECT_NE(error.find("cannot create"), std::string::npos) << error;
}

std::vector<std::string> names(const std::vector<fs::path>& files) {
  std::vector<std::string> out;
  for (const auto& file : files) out.push_back(file.filename().string());
  return out;
}

TEST(RecordList, TheNewestFirstAndOnlyRecords) {
  TempDir dir;
  for (const char* name : {"2026-11-23T08-15-02Z_m000042.jsonl", "2026-12-01T09-39-33Z_m000001.jsonl",
                           "2026-11-30T23-59-59Z_m000007.jsonl", "notes.txt", "resume.key", "x.jsonl.tmp"})
    write(dir.path() / name, "{}\n");
  fs::create_directories(dir.path() / "folder.jsonl");  // not a file
  EXPECT_EQ(names(listRecords({dir.path()})),
            (std::vector<std::string>{"2026-12-01T09-39-33Z_m000001.jsonl", "2026-11-30T23-59-59Z_m000007.jsonl",
                                      "2026-11-23T08-15-02Z_m000042.jsonl"}));
}

TEST(RecordList, FoldersAreMergedReadOnceAndMayBeMissing) {
  TempDir dir;
  write(dir.path() / "here" / "2026-11-23T08-15-02Z_m000002.jsonl", "{}\n");
  write(dir.path() / "exe" / "2026-11-24T08-15-02Z_m000001.jsonl", "{}\n");
  write(dir.path() / "exe" / "2026-11-22T08-15-02Z_m000009.jsonl", "{}\n");
  const auto files = listRecords({dir.path() / "here", dir.path() / "missing", dir.path() / "exe",
                                  dir.path() / "here" / ".", dir.path() / "exe" / ".." / "here"});
  EXPECT_EQ(names(files),
            (std::vector<std::string>{"2026-11-24T08-15-02Z_m000001.jsonl", "2026-11-23T08-15-02Z_m000002.jsonl",
                                      "2026-11-22T08-15-02Z_m000009.jsonl"}));
  EXPECT_TRUE(listRecords({}).empty());
  EXPECT_TRUE(listRecords({dir.path() / "missing"}).empty());
}

TEST(RecordList, PgnFilesComeFirstByName) {
  TempDir dir;
  for (const char* name : {"2026-11-23T08-15-02Z_m000042.jsonl", "lichess_alice.pgn",
                           "2026-12-01T09-39-33Z_m000001.jsonl", "chess_com.pgn", "notes.pgn.txt"})
    write(dir.path() / name, "{}\n");
  EXPECT_EQ(names(listRecords({dir.path()})),
            (std::vector<std::string>{"chess_com.pgn", "lichess_alice.pgn", "2026-12-01T09-39-33Z_m000001.jsonl",
                                      "2026-11-23T08-15-02Z_m000042.jsonl"}));
}

TEST(RecordList, APgnFilesFirstGameTagsAndItsCount) {
  auto start = readPgnStart(fs::path(RECORD_TEST_DATA) / "lichess_3games.pgn");
  ASSERT_TRUE(std::holds_alternative<record::PgnSummary>(start)) << std::get<record::LoadError>(start).describe();
  EXPECT_EQ(std::get<record::PgnSummary>(start).count, 3);
  EXPECT_EQ(*chess::findTag(std::get<record::PgnSummary>(start).tags, "White"), "alice");
  TempDir dir;
  write(dir.path() / "bad.pgn", "\n[Event \"never closed]\n1. e4 *\n");
  const auto bad = readPgnStart(dir.path() / "bad.pgn");
  ASSERT_TRUE(std::holds_alternative<record::LoadError>(bad));
  EXPECT_EQ(std::get<record::LoadError>(bad).describe(), "line 2: tag Event: unterminated value");
  EXPECT_TRUE(std::holds_alternative<record::LoadError>(readPgnStart(dir.path() / "missing.pgn")));
}

TEST(RecordList, TheStartLineIsReadAlone) {
  TempDir dir;
  const fs::path file = dir.path() / "2026-11-23T08-15-02Z_m000042.jsonl";
  // The start line of a real record, then nonsense: only the first line is read.
  const std::string scholar = read(fs::path(CLIENT_TEST_DATA) / "chess_scholar.jsonl");
  write(file, scholar.substr(0, scholar.find('\n')) + "\nnot json\n");
  auto start = readRecordStart(file);
  ASSERT_TRUE(std::holds_alternative<record::Record>(start)) << std::get<record::LoadError>(start).describe();
  auto& rec = std::get<record::Record>(start);
  EXPECT_EQ(rec.matchId, 42u);
  EXPECT_EQ(rec.player1, "alice");
  EXPECT_EQ(rec.player2, "bob");
  EXPECT_EQ(rec.setup.kind, game::Kind::Chess);
  EXPECT_EQ(rec.startTime, "2026-11-23T08:15:02.000Z");
  EXPECT_TRUE(rec.moves.empty());
}

TEST(RecordList, AnUnreadableStartLineIsAnError) {
  TempDir dir;
  write(dir.path() / "bad.jsonl", "not a record\n");
  write(dir.path() / "empty.jsonl", "");
  write(dir.path() / "move.jsonl", R"({"type":"move"})" "\n");
  for (const char* name : {"bad.jsonl", "empty.jsonl", "move.jsonl", "missing.jsonl"}) {
    const auto start = readRecordStart(dir.path() / name);
    ASSERT_TRUE(std::holds_alternative<record::LoadError>(start)) << name;
    EXPECT_FALSE(std::get<record::LoadError>(start).describe().empty()) << name;
  }
}

}  // namespace
}  // namespace client
