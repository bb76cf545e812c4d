// The live mode after the game: the rematch in the panel and by its keys.
//
// Against a scripted server (a socket of the test's own that sends exactly
// the packets a state needs and reads what the client answers): the Rematch
// button and its key R, our offer pending, the opponent's offer with Accept
// (Y) and Decline (N), the wait ending by a decline or the window closing,
// said in words and never as an error, and an accepted rematch's welcome
// starting the new match with the seats exchanged.
//
// Against a real game_server (POSIX: its test harness): a swap1 game played
// to its end through the panel, its keys and the board against a raw client,
// the chat line keeping the keys while it has the keyboard; both offer a
// rematch, and the second match starts on the same connection with a new id,
// the colours exchanged and a second record.
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <SFML/Network/TcpListener.hpp>
#include <SFML/Network/TcpSocket.hpp>

#include "game_client/app/live_mode.h"
#include "game_client/app/words.h"
#include "shared/protocol/codec.h"
#include "shared/protocol/framer.h"
#include "tests/client/live_driver.h"
#include "tests/support/harness.h"

namespace client {
namespace {

using namespace std::chrono_literals;
using livetest::button;
using livetest::runUntil;
using livetest::runUntilItSays;
using livetest::says;

// The server's side of one connection, scripted by the test: it listens on
// 127.0.0.1, accepts the client's connection, sends what it is told and
// reads the client's packets while the mode runs.
class ScriptedServer {
 public:
  ScriptedServer() { EXPECT_EQ(listener_.listen(sf::Socket::AnyPort, sf::IpAddress::LocalHost), sf::Socket::Done); }
  unsigned short port() const { return listener_.getLocalPort(); }

  // The client's connect is under way from its constructor on: this takes it.
  bool accept() {
    if (listener_.accept(peer_) != sf::Socket::Done) return false;
    peer_.setBlocking(false);
    return true;
  }
  template <proto::PacketStruct P>
  void send(const P& packet) {
    const auto bytes = proto::encode(packet);
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      std::size_t n = 0;
      if (peer_.send(bytes.data() + sent, bytes.size() - sent, n) == sf::Socket::Error) return;
      sent += n;
    }
  }
  // Whether the client sends a P (its other packets skipped) while `mode` runs, within 5 s.
  template <proto::PacketStruct P>
  bool receives(Mode& mode) {
    return runUntil(
        mode,
        [&] {
          std::size_t n = 0;
          const auto space = framer_.space();
          if (peer_.receive(space.data(), space.size(), n) == sf::Socket::Done) framer_.commit(n);
          for (;;) {
            proto::ReadResult r = framer_.next({proto::Sender::Client, std::nullopt, 0});
            const auto* parsed = std::get_if<proto::Parsed>(&r);
            if (!parsed) return false;
            if (std::holds_alternative<P>(parsed->packet)) return true;
          }
        },
        5s);
  }
  void hangUp() { peer_.disconnect(); }

 private:
  sf::TcpListener listener_;
  sf::TcpSocket peer_;
  proto::Framer framer_;
};

template <std::size_t N>
void text(char (&field)[N], std::string_view value) {
  ASSERT_TRUE(proto::setText(field, N, value));
}

proto::Welcome welcome(game::Seat seat, std::uint32_t matchId, std::uint8_t token) {
  proto::Welcome w;
  w.seat = seat;
  w.game = game::Kind::Omok;
  w.rule = game::Rule::Freestyle;
  w.matchId = matchId;
  w.reconnect.fill(token);
  return w;
}

proto::MatchStart matchStart(std::string_view player1, std::string_view player2) {
  proto::MatchStart start;
  text(start.player1, player1);
  text(start.player2, player2);
  return start;
}

// We (human, white) won on the opponent's resignation; a rematch may be agreed for 30 s.
class RematchPanel : public ::testing::Test {
 protected:
  RematchPanel() {
    LiveOptions options;
    options.port = server_.port();
    options.session.name = "human";
    options.retrySeconds = 0;
    live_.emplace(options);
  }

  void SetUp() override {
    ASSERT_TRUE(server_.accept());
    ASSERT_TRUE(server_.receives<proto::Hello>(*live_));
    server_.send(welcome(game::Seat::Player2, 7, 1));
    server_.send(matchStart("alice", "human"));
    proto::GameOver over;
    over.result = game::Result::Player2Wins;
    over.reason = game::EndReason::Resignation;
    over.rematchSeconds = 30;
    server_.send(over);
    ASSERT_TRUE(runUntilItSays(*live_, "You won! White wins by resignation.")) << live_->panel().status;
  }

  ScriptedServer server_;
  std::optional<LiveMode> live_;
};

TEST_F(RematchPanel, RematchIsOfferedByItsKeyAndTheDeclineIsSaid) {
  const PanelButton* rematch = button(*live_, Action::Rematch);
  ASSERT_NE(rematch, nullptr);
  EXPECT_EQ(rematch->label, "Rematch");
  EXPECT_TRUE(rematch->enabled);
  EXPECT_FALSE(live_->settled()) << "the opponent may still offer one";
  EXPECT_TRUE(live_->panel().chat.open) << "the players may talk while a rematch may be agreed";

  EXPECT_TRUE(live_->text(U'r'));  // as a click on it
  ASSERT_TRUE(server_.receives<proto::RematchOffer>(*live_));
  rematch = button(*live_, Action::Rematch);
  ASSERT_NE(rematch, nullptr);
  EXPECT_EQ(rematch->label, "Rematch offered…");
  EXPECT_FALSE(rematch->enabled);
  EXPECT_FALSE(live_->text(U'R')) << "a disabled button's key presses nothing";
  EXPECT_FALSE(live_->settled());

  server_.send(proto::RematchDecline{});
  server_.hangUp();
  ASSERT_TRUE(runUntilItSays(*live_, "You won! White wins by resignation. No rematch: declined."))
      << live_->panel().status;
  EXPECT_EQ(button(*live_, Action::Rematch), nullptr);
  EXPECT_FALSE(live_->panel().chat.open) << "no rematch: the chat has closed";
  EXPECT_EQ(live_->panel().error, "") << "the server hanging up after the game is no error";
  EXPECT_TRUE(live_->settled());
  EXPECT_EQ(live_->exitCode(), 0);
}

TEST_F(RematchPanel, TheOpponentsOfferIsAcceptedOrDeclinedByItsKeys) {
  server_.send(proto::RematchOffer{});
  ASSERT_TRUE(runUntilItSays(*live_, "Your opponent offers a rematch.")) << live_->panel().status;
  const PanelButton* accept = button(*live_, Action::AcceptRematch);
  const PanelButton* decline = button(*live_, Action::DeclineRematch);
  ASSERT_NE(accept, nullptr);
  ASSERT_NE(decline, nullptr);
  EXPECT_EQ(accept->label, "Accept rematch");
  EXPECT_TRUE(accept->primary);
  EXPECT_EQ(decline->label, "Decline");
  EXPECT_EQ(button(*live_, Action::Rematch), nullptr);
  EXPECT_TRUE(live_->settled()) << "the offer waits for our answer";

  EXPECT_TRUE(live_->text(U'n'));
  ASSERT_TRUE(server_.receives<proto::RematchDecline>(*live_));
  EXPECT_TRUE(says(*live_, "No rematch: you declined.")) << live_->panel().status;
  EXPECT_EQ(button(*live_, Action::AcceptRematch), nullptr);
  EXPECT_FALSE(live_->text(U'y')) << "nothing left to accept";
}

TEST_F(RematchPanel, TheWindowClosingIsSaidAsTheEndOfTheWaitNotAsAnError) {
  proto::Error expired;
  expired.code = proto::ErrorCode::Timeout;
  text(expired.text, "no rematch was agreed within 30 s");
  server_.send(expired);
  server_.hangUp();
  ASSERT_TRUE(runUntilItSays(*live_, "White wins by resignation. No rematch was agreed within 30 s."))
      << live_->panel().status;
  EXPECT_EQ(live_->panel().error, "");
  EXPECT_EQ(button(*live_, Action::Rematch), nullptr);
  EXPECT_TRUE(live_->settled());
  EXPECT_EQ(live_->exitCode(), 0);
}

TEST_F(RematchPanel, AnAcceptedRematchStartsTheNewMatchWithTheSeatsExchanged) {
  server_.send(proto::RematchOffer{});
  ASSERT_TRUE(runUntilItSays(*live_, "Your opponent offers a rematch.")) << live_->panel().status;
  EXPECT_TRUE(live_->act(Action::AcceptRematch));  // a click, the same as Y
  ASSERT_TRUE(server_.receives<proto::RematchOffer>(*live_));

  server_.send(welcome(game::Seat::Player1, 8, 2));
  server_.send(matchStart("human", "alice"));
  ASSERT_TRUE(runUntil(*live_, [&] { return live_->viewer() == game::Seat::Player1 && says(*live_, "Your move."); }))
      << live_->panel().status;
  const PanelModel& panel = live_->panel();
  EXPECT_EQ(panel.subtitle.rfind("match 8 · ", 0), 0u) << panel.subtitle;
  EXPECT_TRUE(panel.players[0].you);
  EXPECT_EQ(panel.players[0].name, "human");
  EXPECT_EQ(panel.players[0].colour, "black");
  EXPECT_EQ(panel.players[1].name, "alice");
  EXPECT_TRUE(panel.moves.empty());
  EXPECT_TRUE(says(*live_, "Rematch: you play black now.")) << panel.status;
  EXPECT_EQ(button(*live_, Action::Rematch), nullptr);
  EXPECT_NE(button(*live_, Action::Resign), nullptr);
  EXPECT_FALSE(live_->settled());
  ASSERT_NE(live_->board(), nullptr);
  EXPECT_EQ(live_->board()->plies(), 0);
}

TEST(RematchWords, TheServersWordsAreASentenceOfTheirOwnWhenTheyNameTheRematch) {
  EXPECT_EQ(noRematchSentence("declined"), "No rematch: declined.");
  EXPECT_EQ(noRematchSentence("the server closed the connection"), "No rematch: the server closed the connection.");
  EXPECT_EQ(noRematchSentence("no rematch was agreed within 30 s"), "No rematch was agreed within 30 s.");
}

// The raw client's next move-accepted of ply `ply` (its other packets
// skipped) while `live` runs, within 10 s.
bool movePlayed(servertest::RawClient& raw, Mode& live, int ply) {
  return runUntil(live, [&] {
    const std::optional<proto::Packet> p = raw.receive(5ms);
    const auto* accepted = p ? std::get_if<proto::MoveAccepted>(&*p) : nullptr;
    return accepted && accepted->ply == ply;
  });
}

template <typename P>
std::optional<P> packet(servertest::RawClient& raw, Mode& live) {
  std::optional<P> found;
  runUntil(live, [&] {
    const std::optional<proto::Packet> p = raw.receive(5ms);
    if (const P* wanted = p ? std::get_if<P>(&*p) : nullptr) found = *wanted;
    return found.has_value();
  });
  return found;
}

game::Move at(std::string_view point) { return {0, servertest::point(point), 0}; }

TEST(LiveRematch, AGamePlayedToItsEndIsFollowedByARematchWithTheColoursExchanged) {
  servertest::Server server({"--game", "omok", "--rule", "freestyle", "--opening", "swap1"});
  ASSERT_NE(server.port(), 0);
  LiveMode live(livetest::playing(server.port(), game::Seat::Player2));
  ASSERT_TRUE(runUntilItSays(live, "Waiting for an opponent")) << live.panel().status << live.panel().error;

  servertest::RawClient alice(server.port(), game::Kind::Omok, 15);
  const proto::Welcome first = alice.hello("alice", game::Seat::Player1);
  // Swap1: black's a1 and a2 and white's o15 by alice; then we choose white.
  for (const char* point : {"a1", "o15", "a2"}) alice.move(0, servertest::point(point));
  ASSERT_TRUE(runUntilItSays(live, "Opening: you choose a colour.")) << live.panel().status;
  ASSERT_NE(button(live, Action::TakeWhite), nullptr);

  // While the chat line has the keyboard a key is a character, not a button.
  ASSERT_TRUE(live.act(Action::FocusChat));
  EXPECT_TRUE(live.text(U'w'));
  EXPECT_EQ(live.panel().chat.input, "w");
  EXPECT_TRUE(button(live, Action::TakeWhite)->enabled) << "no decision sent";
  ASSERT_TRUE(live.key(sf::Keyboard::Escape));  // the keyboard leaves the chat line
  EXPECT_TRUE(live.text(U'w'));
  EXPECT_FALSE(button(live, Action::TakeWhite)->enabled) << "the decision is on its way";

  // White (us) o14, o13, o12 against black's a3, a4, a5: five in a row.
  int ply = 3;
  for (const char* ours : {"o14", "o13", "o12"}) {
    ASSERT_TRUE(runUntil(live, [&] { return live.panel().moves.size() == static_cast<std::size_t>(ply); }));
    ASSERT_TRUE(runUntilItSays(live, "Your move.")) << live.panel().status;
    live.requestMove(at(ours));
    ASSERT_TRUE(movePlayed(alice, live, ++ply)) << live.panel().status << live.panel().error;
    alice.move(0, servertest::point(std::string("a") + std::to_string(ply / 2 + 1)));
    ++ply;
  }
  ASSERT_TRUE(runUntilItSays(live, "You lost. Black wins with five in a row.")) << live.panel().status;
  EXPECT_EQ(live.panel().error, "");

  ASSERT_NE(button(live, Action::Rematch), nullptr);
  EXPECT_TRUE(live.text(U'R'));
  ASSERT_TRUE(packet<proto::RematchOffer>(alice, live)) << "alice hears our offer";
  alice.send(proto::RematchOffer{});
  const std::optional<proto::Welcome> second = packet<proto::Welcome>(alice, live);
  ASSERT_TRUE(second);
  EXPECT_NE(second->matchId, first.matchId);
  EXPECT_EQ(second->seat, game::Seat::Player2) << "alice opened the first match: she is Player2 now";

  // The same connection, a new match: we are Player1 and black, and place the opening's first stone.
  ASSERT_TRUE(runUntil(live, [&] {
    return live.panel().subtitle.rfind("match " + std::to_string(second->matchId) + " · ", 0) == 0 &&
           says(live, "Opening:");
  })) << live.panel().subtitle << " " << live.panel().status;
  EXPECT_EQ(live.viewer(), game::Seat::Player1);
  EXPECT_TRUE(live.panel().players[0].you);
  EXPECT_EQ(live.panel().players[0].name, "human");
  EXPECT_EQ(live.panel().players[0].colour, "black");
  EXPECT_EQ(live.panel().players[1].name, "alice");
  EXPECT_TRUE(live.panel().moves.empty());
  EXPECT_TRUE(says(live, "Rematch: you play black now.")) << live.panel().status;
  EXPECT_EQ(live.panel().error, "");
  EXPECT_TRUE(runUntil(live, [&] { return server.records().size() == 2; })) << server.log();
}

}  // namespace
}  // namespace client
