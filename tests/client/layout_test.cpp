// The client's layout maths: window split, board geometry, hit tests and
// flipping, checked without a window.
#include <cmath>

#include <gtest/gtest.h>

#include "game_client/ui/layout.h"

namespace client {
namespace {

bool whole(float v) { return v == std::floor(v); }

TEST(WindowLayout, BoardIsTheLargestSquareBesideThePanel) {
  for (const auto& [w, h] : {std::pair{1120.0f, 760.0f}, {800.0f, 600.0f}, {1920.0f, 1080.0f}, {700.0f, 900.0f}}) {
    const WindowLayout l = layoutWindow(w, h);
    EXPECT_EQ(l.board.width, l.board.height) << w << "x" << h;
    EXPECT_GE(l.board.left, 0);
    EXPECT_GE(l.board.top, 0);
    EXPECT_LE(l.board.bottom(), h);
    EXPECT_LE(l.board.right(), l.panel.left) << "board and panel overlap";
    EXPECT_LE(l.panel.right(), w);
    EXPECT_GE(l.panel.width, 240) << "the panel keeps a readable width";
    EXPECT_TRUE(whole(l.board.left) && whole(l.board.top) && whole(l.board.width) && whole(l.panel.left));
  }
}

TEST(WindowLayout, TallWindowsCentreTheBoardVertically) {
  const WindowLayout l = layoutWindow(800, 1000);
  EXPECT_NEAR(l.board.top, 1000 - l.board.bottom(), 1);
}

TEST(WindowLayout, DegenerateSizesStayUsable) {
  const WindowLayout l = layoutWindow(0, 0);
  EXPECT_GT(l.board.width, 0);
  EXPECT_GT(l.panel.width, 0);
}

TEST(BoardGeometry, CellsAreWholePixelsInsideTheFrameInsideTheArea) {
  const Rect area{8, 8, 744, 744};
  for (const int n : {8, 15, 19}) {
    const BoardGeometry g(area, n, false);
    EXPECT_TRUE(whole(g.pitch()));
    EXPECT_EQ(g.grid().width, g.pitch() * static_cast<float>(n));
    EXPECT_LE(g.frame().left, g.grid().left);
    EXPECT_GE(g.frame().right(), g.grid().right());
    EXPECT_GE(g.frame().left, area.left);
    EXPECT_LE(g.frame().bottom(), area.bottom());
    // The frame leaves room for the labels.
    EXPECT_GE(g.grid().left - g.frame().left, g.pitch() * 0.5f);
  }
}

TEST(BoardGeometry, PlayerOneSeesA1AtTheBottomLeft) {
  const BoardGeometry g({0, 0, 800, 800}, 8, false);
  const Vec2 a1 = g.center({0, 0}), h1 = g.center({7, 0}), a8 = g.center({0, 7});
  EXPECT_LT(a1.x, h1.x);
  EXPECT_GT(a1.y, a8.y);
  EXPECT_FLOAT_EQ(a1.y, h1.y);
}

TEST(BoardGeometry, FlippedBoardTurnsRoundForPlayerTwo) {
  const BoardGeometry straight({0, 0, 800, 800}, 8, false), flipped({0, 0, 800, 800}, 8, true);
  const Vec2 a1 = flipped.center({0, 0}), h8 = flipped.center({7, 7});
  EXPECT_GT(a1.x, h8.x) << "a-file on the right";
  EXPECT_LT(a1.y, h8.y) << "rank 1 at the top";
  // A turn by 180 degrees: a1 lands where h8 was.
  EXPECT_FLOAT_EQ(a1.x, straight.center({7, 7}).x);
  EXPECT_FLOAT_EQ(a1.y, straight.center({7, 7}).y);
}

TEST(BoardGeometry, CellAtInvertsCenterForEveryCellBothWays) {
  for (const bool flip : {false, true}) {
    for (const int n : {8, 15, 19}) {
      const BoardGeometry g({13, 21, 700, 700}, n, flip);
      for (int f = 0; f < n; ++f)
        for (int r = 0; r < n; ++r) {
          const auto hit = g.cellAt(g.center({f, r}));
          ASSERT_TRUE(hit.has_value());
          EXPECT_EQ(*hit, (Cell{f, r})) << "n=" << n << " flip=" << flip;
        }
    }
  }
}

TEST(BoardGeometry, NearestIntersectionIsTheCellUnderThePointer) {
  const BoardGeometry g({0, 0, 760, 760}, 15, false);
  const Vec2 h8 = g.center({7, 7});
  const float almostHalf = g.pitch() * 0.49f;
  for (const auto& [dx, dy] : {std::pair{almostHalf, 0.0f}, {-almostHalf, 0.0f}, {0.0f, almostHalf}, {almostHalf, -almostHalf}})
    EXPECT_EQ(g.cellAt({h8.x + dx, h8.y + dy}), (Cell{7, 7}));
  EXPECT_EQ(g.cellAt({h8.x + g.pitch() * 0.51f, h8.y}), (Cell{8, 7})) << "past half way is the next point";
}

TEST(BoardGeometry, OutsideTheGridIsNoCell) {
  const BoardGeometry g({0, 0, 800, 800}, 8, false);
  EXPECT_FALSE(g.cellAt({g.grid().left - 1, g.grid().top + 5}));
  EXPECT_FALSE(g.cellAt({g.grid().right(), g.grid().top + 5})) << "half-open on the right";
  EXPECT_FALSE(g.cellAt({g.grid().left + 5, g.grid().bottom()}));
  EXPECT_TRUE(g.cellAt({g.grid().left, g.grid().top}));
}

TEST(BoardGeometry, LabelsSitInTheFrameBesideTheirLine) {
  for (const bool flip : {false, true}) {
    const BoardGeometry g({0, 0, 800, 800}, 8, flip);
    for (int i = 0; i < 8; ++i) {
      EXPECT_FLOAT_EQ(g.fileLabel(i).x, g.center({i, 0}).x);
      EXPECT_GT(g.fileLabel(i).y, g.grid().bottom());
      EXPECT_LT(g.fileLabel(i).y, g.frame().bottom());
      EXPECT_FLOAT_EQ(g.rankLabel(i).y, g.center({0, i}).y);
      EXPECT_LT(g.rankLabel(i).x, g.grid().left);
      EXPECT_GT(g.rankLabel(i).x, g.frame().left);
    }
  }
}

}  // namespace
}  // namespace client
