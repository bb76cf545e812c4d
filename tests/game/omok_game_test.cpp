#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "shared/game/game.h"

namespace game {
namespace {

std::unique_ptr<Game> omok(Rule rule, int size = 15) {
  std::string error;
  auto g = makeGame(game::Setup{Kind::Omok, rule, size, ""}, error);
  EXPECT_TRUE(g) << error;
  return g;
}

Move at(const Game& g, std::string_view text) {
  Move m;
  std::string error;
  EXPECT_TRUE(g.parseMove(text, m, error)) << error;
  return m;
}

// Plays space-separated points; returns the last Played.
Played playAll(Game& g, std::string_view moves) {
  Played last;
  std::size_t pos = 0;
  while (pos < moves.size()) {
    std::size_t end = moves.find(' ', pos);
    if (end == std::string_view::npos) end = moves.size();
    last = g.play(at(g, moves.substr(pos, end - pos)));
    if (!last.accepted()) break;
    pos = end + 1;
  }
  return last;
}

TEST(OmokAdapter, BuildsEveryOmokRuleOnBothSizes) {
  for (const Rule r : {Rule::Freestyle, Rule::Standard, Rule::Renju, Rule::Omok})
    for (const int size : {15, 19}) {
      auto g = omok(r, size);
      ASSERT_TRUE(g);
      EXPECT_EQ(g->kind(), Kind::Omok);
      EXPECT_EQ(g->rule(), r);
      EXPECT_EQ(g->toMove(), Seat::Player1);
      EXPECT_EQ(g->moveCount(), 0);
      EXPECT_EQ(g->startPosition(), "");
    }
}

TEST(OmokAdapter, BadSetupsAreErrors) {
  std::string error;
  EXPECT_FALSE(makeGame(game::Setup{Kind::Omok, Rule::Renju, 13, ""}, error));
  EXPECT_NE(error.find("15 or 19"), std::string::npos) << error;
  EXPECT_FALSE(makeGame(game::Setup{Kind::Omok, Rule::Fide, 15, ""}, error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(makeGame(game::Setup{Kind::Omok, Rule::Renju, 15, "8/8/8/8/8/8/8/8 w - - 0 1"}, error));
  EXPECT_FALSE(error.empty());
}

TEST(OmokAdapter, MovesUseTheWireIndexAndNotation) {
  auto g = omok(Rule::Renju);
  const Move h8 = at(*g, "h8");
  EXPECT_EQ(h8, (Move{0, 7 * 15 + 7, 0}));
  const Played p = g->play(h8);
  ASSERT_TRUE(p.accepted()) << p.why;
  EXPECT_EQ(p.notation, "h8");
  EXPECT_EQ(p.uci, "h8");
  EXPECT_EQ(p.status, Status{});
  EXPECT_EQ(g->toMove(), Seat::Player2);
  EXPECT_EQ(g->moveCount(), 1);
  Move bad;
  std::string error;
  EXPECT_FALSE(g->parseMove("z99", bad, error));
  EXPECT_FALSE(error.empty());
  auto big = omok(Rule::Renju, 19);
  EXPECT_EQ(at(*big, "s19"), (Move{0, 360, 0}));
}

TEST(OmokAdapter, RejectionsMapOntoTheSharedCodes) {
  auto g = omok(Rule::Renju);
  ASSERT_TRUE(playAll(*g, "h8 a15").accepted());
  const std::string before = g->position();
  struct Case {
    Move move;
    Reject reject;
  };
  const Case cases[] = {
      {at(*g, "h8"), Reject::Occupied},
      {Move{0, 225, 0}, Reject::OffBoard},
      {Move{0, 65535, 0}, Reject::OffBoard},
      {Move{3, 20, 0}, Reject::OffBoard},
      {Move{0, 20, 4}, Reject::OffBoard},
  };
  for (const Case& c : cases) {
    const Played p = g->play(c.move);
    EXPECT_EQ(p.reject, c.reject) << c.move.to;
    EXPECT_FALSE(p.why.empty());
    EXPECT_EQ(g->position(), before);
    EXPECT_EQ(g->moveCount(), 2);
  }
  auto three = omok(Rule::Renju);
  ASSERT_TRUE(playAll(*three, "h8 a15 i8 c15 g9 e15 g10 g15").accepted());
  EXPECT_EQ(three->play(at(*three, "g8")).reject, Reject::DoubleThree);
  auto four = omok(Rule::Renju);
  ASSERT_TRUE(playAll(*four, "d8 a15 e8 c15 f8 e15 h10 g15 h11 i15 h12 k15").accepted());
  EXPECT_EQ(four->play(at(*four, "h8")).reject, Reject::DoubleFour);
  auto six = omok(Rule::Renju);
  ASSERT_TRUE(playAll(*six, "b8 a15 c8 c15 d8 e15 f8 g15 g8 i15").accepted());
  EXPECT_EQ(six->play(at(*six, "e8")).reject, Reject::Overline);
  auto omokRule = omok(Rule::Omok);  // 3-3 is forbidden for white too
  ASSERT_TRUE(playAll(*omokRule, "a1 h8 c1 i8 e1 g9 a3 g10 c3").accepted());
  const game::Played white33 = omokRule->play(at(*omokRule, "g8"));
  EXPECT_EQ(white33.reject, Reject::DoubleThree);
  // The words fit every rule: under the omok rule white is barred too.
  for (const Reject r : {Reject::DoubleThree, Reject::DoubleFour, Reject::Overline})
    EXPECT_EQ(game::describe(r).find("black"), std::string_view::npos) << game::describe(r);
}

TEST(Seats, PlayerOneMovesFirstBlackInOmokWhiteInChess) {
  EXPECT_EQ(game::color(game::Kind::Omok, game::Seat::Player1), "black");
  EXPECT_EQ(game::color(game::Kind::Omok, game::Seat::Player2), "white");
  EXPECT_EQ(game::color(game::Kind::Chess, game::Seat::Player1), "white");
  EXPECT_EQ(game::color(game::Kind::Chess, game::Seat::Player2), "black");
  EXPECT_EQ(game::color(game::Kind::Chess, game::Seat::None), "");
}

TEST(OmokAdapter, FiveWinsAndEndsTheGame) {
  auto g = omok(Rule::Standard);
  const Played win = playAll(*g, "d8 a15 e8 c15 f8 e15 g8 g15 h8");
  ASSERT_TRUE(win.accepted());
  EXPECT_EQ(win.status, (Status{Result::Player1Wins, EndReason::FiveInARow}));
  EXPECT_EQ(g->toMove(), Seat::None);
  const Played after = g->play(at(*g, "a1"));
  EXPECT_EQ(after.reject, Reject::GameOver);
  EXPECT_EQ(after.status, win.status);

  auto w = omok(Rule::Freestyle);
  EXPECT_EQ(playAll(*w, "a1 h8 c1 h9 e1 h10 g1 h11 a3 h12").status,
            (Status{Result::Player2Wins, EndReason::FiveInARow}));
}

TEST(OmokAdapter, TakebackUndoesTheLastMoveOfAGameInProgress) {
  auto g = omok(Rule::Renju);
  EXPECT_TRUE(g->allowsTakebacks());
  EXPECT_FALSE(g->canTakeback());
  EXPECT_FALSE(g->takeback());  // nothing to take back
  ASSERT_TRUE(playAll(*g, "h8 h9 i8").accepted());
  EXPECT_TRUE(g->canTakeback());
  ASSERT_TRUE(g->takeback());
  EXPECT_EQ(g->moveCount(), 2);
  EXPECT_EQ(g->toMove(), Seat::Player1);
  EXPECT_TRUE(g->play(at(*g, "i8")).accepted());  // the point is free again

  auto won = omok(Rule::Standard);
  ASSERT_TRUE(playAll(*won, "d8 a15 e8 c15 f8 e15 g8 g15 h8").status.over());
  EXPECT_FALSE(won->canTakeback());
  EXPECT_FALSE(won->takeback());  // a finished game stays finished
  EXPECT_EQ(won->moveCount(), 9);
}

TEST(OmokAdapter, FullBoardIsADraw) {
  auto g = omok(Rule::Renju);
  // ((column / 2) + row) % 2 colours the board with no three in a row anywhere.
  std::vector<Move> black, white;
  for (std::uint16_t row = 0; row < 15; ++row)
    for (std::uint16_t col = 0; col < 15; ++col)
      ((col / 2 + row) % 2 == 0 ? black : white).push_back(Move{0, static_cast<std::uint16_t>(row * 15 + col), 0});
  Played last;
  for (std::size_t i = 0; i < black.size(); ++i) {
    last = g->play(black[i]);
    ASSERT_TRUE(last.accepted()) << last.why;
    if (i < white.size()) {
      last = g->play(white[i]);
      ASSERT_TRUE(last.accepted()) << last.why;
    }
  }
  EXPECT_EQ(last.status, (Status{Result::Draw, EndReason::BoardFull}));
  EXPECT_EQ(g->moveCount(), 225);
}

TEST(OmokAdapter, FinishRecordsOutsideResultsOnce) {
  auto g = omok(Rule::Renju);
  ASSERT_TRUE(playAll(*g, "h8 h9").accepted());
  EXPECT_EQ(g->claimableDraw(), EndReason::None);
  g->finish(Status{Result::Player2Wins, EndReason::Resignation});
  EXPECT_EQ(g->status(), (Status{Result::Player2Wins, EndReason::Resignation}));
  EXPECT_EQ(g->toMove(), Seat::None);
  g->finish(Status{Result::Draw, EndReason::Agreement});
  EXPECT_EQ(g->status().reason, EndReason::Resignation);
  EXPECT_EQ(g->play(at(*g, "a1")).reject, Reject::GameOver);
}

// A decision's notation is what parseDecision reads back, on either board size.
TEST(OmokAdapter, DecisionNotationReadsBackAsTheSameDecision) {
  for (const int size : {15, 19}) {
    const auto g = omok(Rule::Renju, size);
    for (const std::string text : {"swap", "keep", "black", "white", "option 3", "declare 5", "offer a1 h8 o15",
                                   size == 19 ? "offer s19 a19" : "offer o1"}) {
      Decision d;
      std::string error;
      ASSERT_TRUE(parseDecision(text, *g, d, error)) << text << ": " << error;
      EXPECT_EQ(notation(d, size), text);
    }
  }
  // A move that names no point on the board is shown, not dropped.
  EXPECT_EQ(notation({Choice::Offer, 0, {Move{0, 7, 0}, Move{0, 15 * 15, 0}}}, 15), "offer h1 ?");
}

TEST(OmokAdapter, PositionIsTheCliGrid) {
  auto g = omok(Rule::Renju);
  ASSERT_TRUE(playAll(*g, "a1 o15").accepted());
  const std::string pos = g->position();
  EXPECT_EQ(pos.substr(0, 29), ". . . . . . . . . . . . . . O");
  EXPECT_EQ(pos.substr(pos.size() - 30), "X . . . . . . . . . . . . . .\n");
}

}  // namespace
}  // namespace game
