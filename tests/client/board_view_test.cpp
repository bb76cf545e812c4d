// The board views' input and position logic, without a window: gestures in
// pixels become the right move requests, confirmed moves are mirrored, and
// moves that do not fit the position are refused.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "game_client/ui/board_view.h"
#include "shared/game/game.h"

namespace client {
namespace {

constexpr std::uint16_t sq(char file, int rank) { return static_cast<std::uint16_t>((rank - 1) * 8 + (file - 'a')); }

class ChessView : public ::testing::Test {
 protected:
  void make(const std::string& fen = "", bool flipped = false) {
    std::string error;
    view_ = makeBoardView({game::Kind::Chess, game::Rule::Fide, 8, fen}, error);
    ASSERT_TRUE(view_) << error;
    geometry_ = std::make_unique<BoardGeometry>(Rect{0, 0, 800, 800}, 8, flipped);
    view_->setMover(flipped ? game::Seat::Player2 : game::Seat::Player1);
  }
  Vec2 at(char file, int rank) const { return geometry_->center({file - 'a', rank - 1}); }
  void click(char file, int rank) {
    view_->pointerPressed(at(file, rank), *geometry_);
    view_->pointerReleased(at(file, rank), *geometry_);
  }
  void drag(char f1, int r1, char f2, int r2) {
    view_->pointerPressed(at(f1, r1), *geometry_);
    view_->pointerMoved(at(f2, r2), *geometry_);
    view_->pointerReleased(at(f2, r2), *geometry_);
  }

  std::unique_ptr<BoardView> view_;
  std::unique_ptr<BoardGeometry> geometry_;
};

TEST_F(ChessView, ClickClickRequestsTheMove) {
  make();
  click('e', 2);
  EXPECT_FALSE(view_->takeRequest()) << "selecting is not a move";
  click('e', 4);
  EXPECT_EQ(view_->takeRequest(), (game::Move{sq('e', 2), sq('e', 4), 0}));
  EXPECT_FALSE(view_->takeRequest()) << "a request is taken once";
  EXPECT_EQ(view_->plies(), 0) << "the board waits for the server's confirmation";
}

TEST_F(ChessView, DragAndDropRequestsTheMove) {
  make();
  drag('g', 1, 'f', 3);
  EXPECT_EQ(view_->takeRequest(), (game::Move{sq('g', 1), sq('f', 3), 0}));
}

TEST_F(ChessView, SecondClickOnThePickedPieceDropsIt) {
  make();
  click('e', 2);
  click('e', 2);
  click('e', 4);
  EXPECT_FALSE(view_->takeRequest()) << "e4 was clicked with nothing picked";
}

TEST_F(ChessView, IllegalDestinationsAreStillAskedSoTheServerCanSayWhy) {
  make();
  drag('e', 1, 'e', 3);
  EXPECT_EQ(view_->takeRequest(), (game::Move{sq('e', 1), sq('e', 3), 0}));
}

TEST_F(ChessView, OnlyTheMoverMayPickAndOnlyTheirOwnPieces) {
  make();
  click('e', 7);
  click('e', 5);
  EXPECT_FALSE(view_->takeRequest()) << "white cannot pick a black pawn";
  view_->setMover(game::Seat::None);
  drag('e', 2, 'e', 4);
  EXPECT_FALSE(view_->takeRequest()) << "no gestures when it is not our turn";
}

TEST_F(ChessView, FlippedBoardMapsClicksToTheSameSquares) {
  make("", true);
  ASSERT_TRUE(view_->apply({sq('e', 2), sq('e', 4), 0}));
  drag('e', 7, 'e', 5);
  EXPECT_EQ(view_->takeRequest(), (game::Move{sq('e', 7), sq('e', 5), 0}));
}

TEST_F(ChessView, PromotionOpensTheChooserAndSendsThePickedPiece) {
  make("7k/P7/8/8/8/8/8/K7 w - - 0 1");
  drag('a', 7, 'a', 8);
  EXPECT_FALSE(view_->takeRequest()) << "the piece is chosen first";
  // Queen on a8, then rook, bishop, knight towards the middle.
  click('a', 6);
  EXPECT_EQ(view_->takeRequest(),
            (game::Move{sq('a', 7), sq('a', 8), static_cast<std::uint8_t>(game::Promotion::Bishop)}));
}

TEST_F(ChessView, ClickOutsideTheChooserCancelsThePromotion) {
  make("7k/P7/8/8/8/8/8/K7 w - - 0 1");
  click('a', 7);
  click('a', 8);
  click('e', 4);
  EXPECT_FALSE(view_->takeRequest());
  EXPECT_FALSE(view_->cancelGesture()) << "nothing is left open";
}

TEST_F(ChessView, ConfirmedMovesAreMirroredAndMisfitsRefused) {
  make();
  EXPECT_TRUE(view_->apply({sq('e', 2), sq('e', 4), 0}));
  EXPECT_FALSE(view_->apply({sq('e', 2), sq('e', 4), 0})) << "e2 is empty now";
  EXPECT_FALSE(view_->apply({sq('d', 7), sq('d', 4), 0})) << "not a legal move";
  EXPECT_FALSE(view_->apply({70, 3, 0})) << "off the board";
  EXPECT_EQ(view_->plies(), 1);
  view_->reset();
  EXPECT_EQ(view_->plies(), 0);
}

TEST_F(ChessView, CastlingIsTheKingsMoveAndPromotionNeedsItsPiece) {
  make("r3k2r/6P1/8/8/8/8/8/R3K2R w KQkq - 0 1");
  EXPECT_FALSE(view_->apply({sq('g', 7), sq('g', 8), 0})) << "a promotion without a piece";
  EXPECT_TRUE(view_->apply({sq('e', 1), sq('g', 1), 0}));
  EXPECT_TRUE(view_->apply({sq('e', 8), sq('c', 8), 0}));
  EXPECT_TRUE(view_->apply({sq('g', 7), sq('h', 8), static_cast<std::uint8_t>(game::Promotion::Knight)}));
}

TEST(ChessViewSetup, BadFenIsAnErrorNotAView) {
  std::string error;
  EXPECT_FALSE(makeBoardView({game::Kind::Chess, game::Rule::Fide, 8, "not a fen"}, error));
  EXPECT_FALSE(error.empty());
}

class OmokView : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    view_ = makeBoardView({game::Kind::Omok, game::Rule::Renju, 15, ""}, error);
    ASSERT_TRUE(view_) << error;
    view_->setMover(game::Seat::Player1);
  }
  Vec2 at(char file, int rank) const { return geometry_.center({file - 'a', rank - 1}); }
  static std::uint16_t point(char file, int rank) { return static_cast<std::uint16_t>((rank - 1) * 15 + (file - 'a')); }

  std::unique_ptr<BoardView> view_;
  BoardGeometry geometry_{Rect{0, 0, 760, 760}, 15, false};
};

TEST_F(OmokView, ClickNearAnIntersectionRequestsThatPoint) {
  const Vec2 h8 = at('h', 8);
  view_->pointerPressed({h8.x + geometry_.pitch() * 0.4f, h8.y - geometry_.pitch() * 0.3f}, geometry_);
  EXPECT_EQ(view_->takeRequest(), (game::Move{0, point('h', 8), 0}));
  EXPECT_EQ(view_->plies(), 0);
}

TEST_F(OmokView, NoRequestWhenNotTheMoverOrOffTheGrid) {
  view_->pointerPressed({1, 1}, geometry_);
  EXPECT_FALSE(view_->takeRequest());
  view_->setMover(game::Seat::None);
  view_->pointerPressed(at('h', 8), geometry_);
  EXPECT_FALSE(view_->takeRequest());
}

TEST_F(OmokView, HoverPreviewsOnlyEmptyPoints) {
  ASSERT_TRUE(view_->apply({0, point('h', 8), 0}));
  EXPECT_FALSE(view_->pointerMoved(at('h', 8), geometry_)) << "no preview on a stone";
  EXPECT_TRUE(view_->pointerMoved(at('i', 9), geometry_));
  EXPECT_FALSE(view_->pointerMoved(at('i', 9), geometry_)) << "unchanged";
  EXPECT_TRUE(view_->pointerLeft());
}

TEST_F(OmokView, ConfirmedMovesAreMirroredAndMisfitsRefused) {
  EXPECT_TRUE(view_->apply({0, point('h', 8), 0}));
  EXPECT_FALSE(view_->apply({0, point('h', 8), 0})) << "occupied";
  EXPECT_FALSE(view_->apply({0, 225, 0})) << "off the board";
  EXPECT_FALSE(view_->apply({1, point('a', 1), 0})) << "omok moves have no from";
  EXPECT_EQ(view_->plies(), 1);
}

TEST_F(OmokView, AnOpeningsExchangeTurnsTheSidesAndItsMarksAreNoMoves) {
  EXPECT_EQ(view_->side(game::Seat::Player1).name, "black");
  view_->showOpening({true, 1, {{0, point('g', 7), 0}}});
  EXPECT_EQ(view_->side(game::Seat::Player1).name, "white");
  EXPECT_FALSE(view_->side(game::Seat::Player1).dark);
  EXPECT_TRUE(view_->side(game::Seat::Player2).dark);
  EXPECT_EQ(view_->plies(), 0) << "a candidate is not a stone";
  EXPECT_TRUE(view_->apply({0, point('g', 7), 0})) << "nor does it take the point";
  view_->reset();
  EXPECT_EQ(view_->side(game::Seat::Player1).name, "white") << "the mode sets the marks, reset() keeps them";
}

TEST(OmokViewSetup, SidesAndBadSetups) {
  std::string error;
  auto view = makeBoardView({game::Kind::Omok, game::Rule::Freestyle, 19, ""}, error);
  ASSERT_TRUE(view) << error;
  EXPECT_EQ(view->cellsPerSide(), 19);
  EXPECT_TRUE(view->side(game::Seat::Player1).dark) << "black moves first in omok";
  EXPECT_FALSE(view->flippedFor(game::Seat::Player2));
  EXPECT_FALSE(makeBoardView({game::Kind::Omok, game::Rule::Renju, 17, ""}, error));
  EXPECT_NE(error.find("17"), std::string::npos);
  EXPECT_FALSE(makeBoardView({game::Kind::Omok, game::Rule::Fide, 15, ""}, error));
}

}  // namespace
}  // namespace client
