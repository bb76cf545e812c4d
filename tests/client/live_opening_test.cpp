// A LiveMode playing a Soosorv-8 opening against game_bot through a real
// server, without a window: the panel asks for each decision of ours with
// its buttons, the colours follow our swap, an offer is put together a point
// at a time (a taken point refused, a second click taking one back) and sent
// whole, and the game goes on after the bot's pick. The bot's --moves first
// keeps its side fixed: h8 g7 f6, then (white after our swap) a1, declare 1.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "game_client/app/live_mode.h"
#include "tests/client/live_driver.h"
#include "tests/support/harness.h"

namespace client {
namespace {

using namespace std::chrono_literals;
using livetest::button;
using livetest::runUntilItSays;

game::Move at(char file, int rank) { return {0, static_cast<std::uint16_t>((rank - 1) * 15 + (file - 'a')), 0}; }

TEST(LiveOpening, DecidesSwapsAndOffersThroughThePanelAndTheBoard) {
  servertest::TempDir dir;
  servertest::Server server({"--game", "omok", "--rule", "renju", "--opening", "soosorv8"});
  ASSERT_NE(server.port(), 0);
  LiveMode live(livetest::playing(server.port(), game::Seat::Player2));
  ASSERT_TRUE(runUntilItSays(live, "Waiting for an opponent")) << live.panel().status << live.panel().error;
  servertest::Process bot(GAME_BOT_PATH, {"--port", std::to_string(server.port()), "--seat", "1", "--name", "bot",
                                          "--moves", "first", "--timeout", "30"},
                          dir.path() / "bot.log");

  ASSERT_TRUE(runUntilItSays(live, "Opening: you decide whether to swap colours. You play white for now."))
      << live.panel().status;
  ASSERT_NE(button(live, Action::Swap), nullptr);
  EXPECT_TRUE(button(live, Action::Keep)->primary);
  EXPECT_FALSE(button(live, Action::RequestTakeback)->enabled) << "no take-back reaches into the opening";
  ASSERT_TRUE(live.act(Action::Swap));
  EXPECT_FALSE(button(live, Action::Swap)->enabled) << "one decision at a time: this one is on its way";

  // The bot, white now, plays a1 and declares one fifth move; black (us) may swap again.
  ASSERT_TRUE(runUntilItSays(live, "Your opponent declares 1 fifth moves. Opening: you decide whether to swap"))
      << live.panel().status;
  EXPECT_EQ(live.panel().players[1].colour, "black");
  EXPECT_TRUE(live.panel().players[1].dark);
  EXPECT_EQ(live.panel().players[0].colour, "white");
  ASSERT_TRUE(live.act(Action::Keep));
  ASSERT_TRUE(runUntilItSays(live, "Opening: you offer 1 fifth moves: click a point")) << live.panel().status;
  EXPECT_FALSE(button(live, Action::Offer)->enabled);
  EXPECT_EQ(button(live, Action::Offer)->label, "Offer (0 of 1)");

  live.requestMove(at('h', 8));
  EXPECT_EQ(live.panel().error, "Not a fifth move to offer: that point is already taken.");
  live.requestMove(at('o', 15));
  live.requestMove(at('o', 15));  // taken back
  live.requestMove(at('n', 14));
  EXPECT_TRUE(live.panel().error.empty()) << live.panel().error;
  EXPECT_EQ(button(live, Action::Offer)->label, "Offer these 1");
  ASSERT_TRUE(live.act(Action::Offer));

  // The bot picks n14 and plays move 6: the game goes on, black to move.
  ASSERT_TRUE(runUntilItSays(live, "Your move.")) << live.panel().status;
  ASSERT_GE(live.panel().moves.size(), 6u);
  EXPECT_EQ(live.panel().moves[4], "n14");
  EXPECT_EQ(live.panel().players[1].colour, "black");
  EXPECT_EQ(button(live, Action::Offer), nullptr);
}

}  // namespace
}  // namespace client
