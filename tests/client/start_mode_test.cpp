// The start screen's flows without a window: the records it lists, the
// fields and what it says when they will not do, and the way back from the
// modes it opens with what went wrong in words (a refused connection, a
// broken record) or because the person asked. Last, Play and Watch against
// a real server.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include <SFML/Network/TcpListener.hpp>

#include "game_client/app/start_mode.h"
#include "game_client/core/user_config.h"
#include "tests/client/live_driver.h"
#include "tests/support/harness.h"

namespace client {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using livetest::runUntil;
using servertest::TempDir;

const fs::path kRecords = fs::path(CLIENT_TEST_DATA) / "start";
const std::string kBroken = "2026-11-22T07-00-00Z_m000001.jsonl";

enum { kAddress, kName, kCode, kGame, kTime };

StartOptions options(const TempDir& dir, std::string address, std::string name) {
  StartOptions out;
  out.address = std::move(address);
  out.name = std::move(name);
  out.recordDirs = {kRecords};
  out.configFile = dir.path() / "board_games" / "client.json";
  return out;
}

// A port nobody listens on: one the system just gave out and took back.
unsigned short closedPort() {
  sf::TcpListener listener;
  EXPECT_EQ(listener.listen(sf::Socket::AnyPort, "127.0.0.1"), sf::Socket::Done);
  const unsigned short port = listener.getLocalPort();
  listener.close();
  return port;
}

// Runs `mode` until it hands over; null when it does not in time.
std::unique_ptr<Mode> handover(Mode& mode) {
  std::unique_ptr<Mode> next;
  runUntil(mode, [&] { return (next = mode.next()) != nullptr; });
  return next;
}

TEST(StartMode, ListsTheRecordsNewestFirstThePickedOneToReplay) {
  TempDir dir;
  StartMode start(options(dir, "127.0.0.1:9000", ""));
  const LobbyModel& records = start.start()->records;
  ASSERT_EQ(records.entries.size(), 5u);
  EXPECT_EQ(records.entries[0].players, "ann vs ben");
  EXPECT_EQ(records.entries[0].game, "Omok · freestyle · 15×15 · untimed · match 9");
  EXPECT_EQ(records.entries[0].progress, "2026-12-01 11:00:00 UTC");
  EXPECT_EQ(records.entries[1].players, "kim vs lee");
  EXPECT_EQ(records.entries[2].game, "Omok · renju · 15×15 · untimed · match 7");
  EXPECT_EQ(records.entries[3].game, "Chess · 3+2 · match 43");
  EXPECT_EQ(records.entries[4].players, kBroken);
  EXPECT_EQ(records.entries[4].game, "cannot be read: line 1: not a JSON object");
  // The newest is picked, ready to replay.
  EXPECT_EQ(records.selected, 0);
  EXPECT_EQ(records.entries[0].action, "Replay");
  EXPECT_EQ(records.entries[1].action, "");
  ASSERT_EQ(start.panel().buttons.size(), 3u);
  EXPECT_TRUE(start.panel().buttons[0].primary);
  EXPECT_TRUE(start.panel().buttons[2].enabled);
  EXPECT_TRUE(start.settled());
  EXPECT_EQ(start.exitCode(), 0);
}

TEST(StartMode, NoRecordsSaysWhereItLooked) {
  TempDir dir;
  StartOptions none = options(dir, "127.0.0.1:9000", "");
  none.recordDirs = {dir.path() / "logs", dir.path() / "bin" / "logs"};
  StartMode start(none);
  EXPECT_TRUE(start.start()->records.entries.empty());
  EXPECT_EQ(start.start()->records.empty, "No records in " + (dir.path() / "logs").string() + " or " +
                                              (dir.path() / "bin" / "logs").string() +
                                              " yet: the server writes one for every match it hosts.");
  EXPECT_FALSE(start.panel().buttons[2].enabled);
  EXPECT_FALSE(start.act(Action::Replay));
}

TEST(StartMode, TypesIntoTheFocusedFieldAndTabMovesOn) {
  TempDir dir;
  StartMode start(options(dir, "127.0.0.1:9000", ""));
  const auto& fields = start.start()->fields;
  ASSERT_EQ(fields.size(), 5u);
  EXPECT_TRUE(fields[kName].focused);  // the first one still empty
  for (const char32_t c : std::u32string(U"안나")) EXPECT_TRUE(start.text(c));
  EXPECT_EQ(fields[kName].text, "안나");
  EXPECT_TRUE(start.key(sf::Keyboard::Tab));
  EXPECT_TRUE(fields[kCode].focused);
  EXPECT_FALSE(fields[kName].focused);
  EXPECT_TRUE(start.text(U'x'));
  EXPECT_FALSE(start.text(U'\t'));  // the Tab's character is not typed
  EXPECT_EQ(fields[kCode].text, "x");
  EXPECT_TRUE(start.key(sf::Keyboard::Tab));
  EXPECT_TRUE(fields[kGame].focused);
  EXPECT_TRUE(start.key(sf::Keyboard::Tab));
  EXPECT_TRUE(fields[kTime].focused);
  EXPECT_TRUE(start.key(sf::Keyboard::Tab));
  EXPECT_TRUE(fields[kAddress].focused);
  EXPECT_TRUE(start.key(sf::Keyboard::BackSpace));
  EXPECT_EQ(fields[kAddress].text, "127.0.0.1:900");
  EXPECT_TRUE(start.focusField(kName));  // a click
  EXPECT_FALSE(start.focusField(kName));
  EXPECT_TRUE(start.key(sf::Keyboard::BackSpace));
  EXPECT_EQ(fields[kName].text, "안");
}

// The game field's words go into the hello; words that make no game are said.
TEST(StartMode, TheGameFieldSaysWhatToPlay) {
  TempDir dir;
  StartMode start(options(dir, "127.0.0.1:9000", "ann"));
  ASSERT_TRUE(start.focusField(kGame));
  for (const char c : std::string("renju swap2")) start.text(static_cast<char32_t>(c));
  EXPECT_TRUE(start.act(Action::Play));
  EXPECT_EQ(start.next(), nullptr);
  EXPECT_EQ(start.start()->error, "Opening swap2 is not played under renju.");
  EXPECT_TRUE(start.start()->fields[kGame].focused);
}

// The time field's clock goes into the hello (the server hosts the match
// with it); a clock that is not one is said, and its field has the keyboard.
TEST(StartMode, TheTimeFieldAsksForAClock) {
  TempDir dir;
  servertest::Server server({"--game", "omok"});
  ASSERT_NE(server.port(), 0);
  StartMode start(options(dir, "127.0.0.1:" + std::to_string(server.port()), "ann"));
  ASSERT_TRUE(start.focusField(kTime));
  for (const char c : std::string("5+x")) start.text(static_cast<char32_t>(c));
  EXPECT_TRUE(start.act(Action::Play));
  EXPECT_EQ(start.next(), nullptr);
  EXPECT_EQ(start.start()->error, "Time control '5+x' needs two non-negative numbers, e.g. 5+3.");
  EXPECT_TRUE(start.start()->fields[kTime].focused);

  for (int i = 0; i < 3; ++i) start.key(sf::Keyboard::BackSpace);
  for (const char c : std::string("0.5+2")) start.text(static_cast<char32_t>(c));
  ASSERT_TRUE(start.act(Action::Play));
  auto live = start.next();
  ASSERT_NE(live, nullptr);
  EXPECT_TRUE(runUntil(*live, [&] { return live->panel().subtitle.find(" · 0.5+2 · ") != std::string::npos; }))
      << live->panel().subtitle << " " << live->panel().error;
}

TEST(StartMode, ABadPortOrNoNameIsSaidOnTheScreen) {
  TempDir dir;
  StartMode badPort(options(dir, "10.0.0.5:99999", "ann"));
  EXPECT_TRUE(badPort.act(Action::Play));
  EXPECT_EQ(badPort.next(), nullptr);
  EXPECT_EQ(badPort.start()->error, "The port in '10.0.0.5:99999' is not a number from 1 to 65535.");
  EXPECT_TRUE(badPort.start()->fields[kAddress].focused);
  EXPECT_EQ(badPort.exitCode(), 1);
  EXPECT_FALSE(fs::exists(dir.path() / "board_games"));  // nothing remembered

  StartMode noName(options(dir, "10.0.0.5", ""));
  EXPECT_TRUE(noName.key(sf::Keyboard::Enter));  // Enter is Play
  EXPECT_EQ(noName.next(), nullptr);
  EXPECT_EQ(noName.start()->error, "Type your name first.");
  EXPECT_TRUE(noName.start()->fields[kName].focused);
}

TEST(StartMode, ARefusedConnectionComesBackToTheStartScreenInWords) {
  TempDir dir;
  const std::string where = "127.0.0.1:" + std::to_string(closedPort());
  StartOptions opened = options(dir, where, "ann");
  opened.code = "secret";
  for (const Action action : {Action::Play, Action::Watch}) {
    StartMode start(opened);
    ASSERT_TRUE(start.act(action));
    auto chosen = start.next();
    ASSERT_NE(chosen, nullptr);
    EXPECT_EQ(chosen->start(), nullptr);
    auto back = handover(*chosen);
    ASSERT_NE(back, nullptr) << "still there: " << chosen->panel().status << " " << chosen->panel().error;
    ASSERT_NE(back->start(), nullptr);
    EXPECT_EQ(back->start()->error, "Cannot connect to " + where + ": connection refused.");
    EXPECT_EQ(back->start()->fields[kAddress].text, where);
    EXPECT_EQ(back->start()->fields[kName].text, "ann");
    EXPECT_EQ(back->start()->fields[kCode].text, "secret");
    EXPECT_EQ(back->exitCode(), 1);
  }
  // Play and Watch remembered the address and the name, not the code.
  std::string problem;
  const UserConfig remembered = loadUserConfig(dir.path() / "board_games" / "client.json", problem);
  EXPECT_EQ(problem, "");
  EXPECT_EQ(remembered.address, where);
  EXPECT_EQ(remembered.name, "ann");
}

TEST(StartMode, ABrokenRecordComesBackInWords) {
  TempDir dir;
  StartMode start(options(dir, "127.0.0.1:9000", "ann"));
  EXPECT_TRUE(start.openEntry(4));  // picks
  EXPECT_EQ(start.next(), nullptr);
  EXPECT_EQ(start.start()->records.selected, 4);
  EXPECT_EQ(start.start()->records.entries[4].action, "Replay");
  EXPECT_TRUE(start.openEntry(4));  // opens
  auto replay = start.next();
  ASSERT_NE(replay, nullptr);
  auto back = replay->next();
  ASSERT_NE(back, nullptr);
  ASSERT_NE(back->start(), nullptr);
  EXPECT_EQ(back->start()->error, "Cannot replay " + kBroken + ": line 1: not a JSON object.");
  EXPECT_EQ(back->start()->records.selected, 4);
}

TEST(StartMode, EscapeOrBackLeavesAReplayForTheStartScreen) {
  TempDir dir;
  StartMode start(options(dir, "127.0.0.1:9000", "ann"));
  ASSERT_TRUE(start.openEntry(2));
  ASSERT_TRUE(start.act(Action::Replay));
  auto replay = start.next();
  ASSERT_NE(replay, nullptr);
  ASSERT_NE(replay->board(), nullptr);
  EXPECT_EQ(replay->next(), nullptr);
  EXPECT_EQ(replay->panel().buttons.back().label, "Back to start");
  EXPECT_TRUE(replay->key(sf::Keyboard::Escape));
  auto back = replay->next();
  ASSERT_NE(back, nullptr);
  ASSERT_NE(back->start(), nullptr);
  EXPECT_EQ(back->start()->error, "");
  EXPECT_EQ(back->start()->records.selected, 2);  // the one replayed
  EXPECT_EQ(back->exitCode(), 0);

  ASSERT_TRUE(back->act(Action::Replay));
  auto again = back->next();
  ASSERT_NE(again, nullptr);
  EXPECT_TRUE(again->act(Action::Leave));
  EXPECT_NE(again->next(), nullptr);
}

TEST(StartMode, PlayAndWatchReachTheServer) {
  TempDir dir;
  servertest::Server server({"--game", "omok"});
  ASSERT_NE(server.port(), 0);
  const std::string where = "127.0.0.1:" + std::to_string(server.port());

  StartMode start(options(dir, where, "ann"));
  ASSERT_TRUE(start.act(Action::Play));
  auto live = start.next();
  ASSERT_NE(live, nullptr);
  const auto waiting = [&] { return live->panel().status.find("Waiting for an opponent") != std::string::npos; };
  EXPECT_TRUE(runUntil(*live, waiting)) << live->panel().status << " " << live->panel().error;
  EXPECT_TRUE(server.logShows("ann takes player1")) << server.log();

  StartMode watching(options(dir, where, "ben"));
  ASSERT_TRUE(watching.act(Action::Watch));
  auto lobby = watching.next();
  ASSERT_NE(lobby, nullptr);
  ASSERT_NE(lobby->lobby(), nullptr);
  EXPECT_TRUE(runUntil(*lobby, [&] { return lobby->lobby()->entries.size() == 1; })) << lobby->panel().error;
  EXPECT_EQ(lobby->lobby()->entries[0].players, "ann vs —");
  EXPECT_EQ(lobby->panel().buttons.back().label, "Back to start");
  EXPECT_TRUE(lobby->key(sf::Keyboard::Escape));
  auto back = lobby->next();
  ASSERT_NE(back, nullptr);
  ASSERT_NE(back->start(), nullptr);
  EXPECT_EQ(back->start()->fields[kName].text, "ben");
  EXPECT_EQ(back->start()->error, "");
}

// On a server of every game, a waiting match picked in the lobby is joined
// through the queue of its own kind, opening and clock included: the two play.
TEST(StartMode, ALobbyPickJoinsTheWaitingMatchOfItsOwnKind) {
  TempDir dir;
  servertest::Server server({});
  ASSERT_NE(server.port(), 0);
  const std::string where = "127.0.0.1:" + std::to_string(server.port());

  StartOptions first = options(dir, where, "ann");
  first.game = "renju soosorv8";
  first.time = "1+0";  // a queue of its own too
  StartMode start(first);
  ASSERT_TRUE(start.act(Action::Play));
  auto live = start.next();
  ASSERT_NE(live, nullptr);
  const auto waiting = [&] { return live->panel().status.find("Waiting for an opponent") != std::string::npos; };
  EXPECT_TRUE(runUntil(*live, waiting)) << live->panel().status << " " << live->panel().error;

  StartMode watching(options(dir, where, "ben"));
  ASSERT_TRUE(watching.act(Action::Watch));
  auto lobby = watching.next();
  ASSERT_NE(lobby, nullptr);
  EXPECT_TRUE(runUntil(*lobby, [&] { return lobby->lobby()->entries.size() == 1; })) << lobby->panel().error;
  EXPECT_NE(lobby->lobby()->entries[0].game.find("soosorv8"), std::string::npos) << lobby->lobby()->entries[0].game;
  ASSERT_TRUE(lobby->openEntry(0));
  auto joined = lobby->next();
  ASSERT_NE(joined, nullptr);
  EXPECT_TRUE(runUntil(*joined, [&] { return joined->panel().status.find("Opening") != std::string::npos; }))
      << joined->panel().status << " " << joined->panel().error;
  EXPECT_TRUE(server.logShows("ben takes player2")) << server.log();
}

}  // namespace
}  // namespace client
