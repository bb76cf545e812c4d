// A chess game of over 2,000 plies, far more than the 64 KiB send limit
// holds as move-accepted packets (38 bytes each): a player who reconnects
// and a spectator who arrives still get the whole game, and play goes on.
#include <map>
#include <random>

#include "shared/chess/movegen.h"
#include "shared/chess/position.h"
#include "tests/reliability/beside.h"
#include "tests/support/harness.h"

namespace servertest {
namespace {

using game::Seat;

// A legal game of `plies` plies that no rule ends: quiet piece moves that
// repeat no position three times, and a pawn step whenever the 75-move rule
// comes near.
std::vector<chess::Move> longGame(int plies) {
  std::mt19937 random(2026);
  chess::Position position;
  std::map<chess::Key, int> seen{{position.key(), 1}};
  std::vector<chess::Move> game;
  while (static_cast<int>(game.size()) < plies) {
    const bool pawnDue = position.rule50() >= 90;
    std::vector<chess::Move> quiet, pawn, any;
    for (const chess::Move m : chess::MoveList(position)) {
      chess::Position next = position;
      next.play(m);
      if (chess::MoveList(next).empty() || seen[next.key()] >= 2) continue;  // no mate, stalemate, third time
      any.push_back(m);
      if (position.pieceOn(m.to()) != chess::NoPiece || m.kind() != chess::Move::Normal) continue;
      (chess::typeOf(position.pieceOn(m.from())) == chess::Pawn ? pawn : quiet).push_back(m);
    }
    const std::vector<chess::Move>& from = pawnDue && !pawn.empty() ? pawn : !quiet.empty() ? quiet : any;
    EXPECT_FALSE(from.empty()) << "no move at ply " << game.size();
    if (from.empty()) break;
    const chess::Move m = from[random() % from.size()];
    position.play(m);
    ++seen[position.key()];
    game.push_back(m);
  }
  return game;
}

TEST(LongGame, TwoThousandPliesReachAReconnectingPlayerAndASpectatorWhole) {
  constexpr int kPlies = 2'050;
  static_assert(kPlies * sizeof(proto::MoveAccepted) > 64 * 1024, "the replay must not fit the live send limit");
  const std::vector<chess::Move> moves = longGame(kPlies);
  ASSERT_EQ(moves.size(), static_cast<std::size_t>(kPlies));

  Server server({"--game", "chess", "--grace", "60"});
  Pair p(server.port(), game::Kind::Chess, "white", "black");
  RawClient& white = p.player1;
  RawClient& black = p.player2;
  const proto::Welcome ww = p.welcome1;
  for (int ply = 0; ply < kPlies; ++ply) {
    const Seat mover = ply % 2 == 0 ? Seat::Player1 : Seat::Player2;
    const proto::MoveAccepted a = p.move(mover, moves[ply].from(), moves[ply].to());
    ASSERT_EQ(+a.ply, ply + 1) << proto::text(a.notation);
    ASSERT_EQ(a.result, game::Result::Ongoing) << "the game ended at ply " << ply + 1;
  }
  Beside beside(server, game::Kind::Chess);
  beside.move();

  // White's connection drops; it comes back and a spectator arrives.
  white.close();
  EXPECT_EQ(black.expect<proto::OpponentStatus>().state, proto::OpponentState::Disconnected);
  RawClient back(server.port(), game::Kind::Chess, 8);
  RawClient watcher(server.port(), game::Kind::Chess, 8);
  EXPECT_EQ(back.hello("white", Seat::None, ww.reconnect).resumed, 1);
  EXPECT_EQ(black.expect<proto::OpponentStatus>().state, proto::OpponentState::Reconnected);
  EXPECT_EQ(watcher.watch(ww.matchId, "kibitzer").resumed, 1);
  beside.move();
  for (RawClient* c : {&back, &watcher}) {
    c->expect<proto::MatchStart>();
    for (int ply = 1; ply <= kPlies; ++ply) {
      std::optional<proto::Packet> p = c->receive();
      ASSERT_TRUE(p) << "the replay stopped at ply " << ply;
      const auto* a = std::get_if<proto::MoveAccepted>(&*p);
      ASSERT_TRUE(a) << RawClient::describe(*p) << " at ply " << ply;
      ASSERT_EQ(+a->ply, ply);
    }
  }
  EXPECT_EQ(+watcher.expect<proto::Spectators>().count, 1);
  EXPECT_EQ(+black.expect<proto::Spectators>().count, 1);
  EXPECT_EQ(+back.expect<proto::Spectators>().count, 1);
  // And the game goes on, live, for all three.
  const chess::Move next = longGame(kPlies + 1).back();
  back.move(next.from(), next.to());
  for (RawClient* c : {&back, &black, &watcher}) EXPECT_EQ(+c->expect<proto::MoveAccepted>().ply, kPlies + 1);
  beside.move();
}

}  // namespace
}  // namespace servertest
