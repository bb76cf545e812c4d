// Gomocup coordinates against ours: x is the column from the left, y the row
// from the TOP, while our points count rows from the bottom.
#include <gtest/gtest.h>

#include "game_client/engine/gomocup_protocol.h"
#include "shared/omok/coord.h"

namespace engine::gomocup {
namespace {

std::uint16_t pointOf(const char* text, int size) {
  omok::Point p;
  std::string error;
  EXPECT_TRUE(omok::parsePoint(text, size, p, error)) << error;
  return static_cast<std::uint16_t>(omok::wireIndex(p, size));
}

TEST(GomocupCoord, CornersAndCentreOfBothBoards) {
  EXPECT_EQ(toCoord(pointOf("a1", 15), 15), (Coord{0, 14}));   // bottom left is the last Gomocup row
  EXPECT_EQ(toCoord(pointOf("a15", 15), 15), (Coord{0, 0}));   // top left is 0,0
  EXPECT_EQ(toCoord(pointOf("o15", 15), 15), (Coord{14, 0}));
  EXPECT_EQ(toCoord(pointOf("o1", 15), 15), (Coord{14, 14}));
  EXPECT_EQ(toCoord(pointOf("h8", 15), 15), (Coord{7, 7}));
  EXPECT_EQ(toCoord(pointOf("c2", 15), 15), (Coord{2, 13}));
  EXPECT_EQ(toCoord(pointOf("a1", 19), 19), (Coord{0, 18}));
  EXPECT_EQ(toCoord(pointOf("j10", 19), 19), (Coord{9, 9}));
  EXPECT_EQ(toCoord(pointOf("s19", 19), 19), (Coord{18, 0}));
  EXPECT_EQ(toPoint(Coord{0, 14}, 15), pointOf("a1", 15));
  EXPECT_EQ(toPoint(Coord{3, 0}, 15), pointOf("d15", 15));
}

TEST(GomocupCoord, EveryPointRoundTrips) {
  for (int size : {15, 19})
    for (int point = 0; point < size * size; ++point) {
      const Coord c = toCoord(static_cast<std::uint16_t>(point), size);
      ASSERT_TRUE(c.x >= 0 && c.x < size && c.y >= 0 && c.y < size) << point;
      ASSERT_EQ(toPoint(c, size), point);
    }
}

TEST(GomocupMove, FormatsAndParses) {
  EXPECT_EQ(format(Coord{7, 3}), "7,3");
  EXPECT_EQ(parseMove("7,3", 15), (Coord{7, 3}));
  EXPECT_EQ(parseMove(" 14 , 0 ", 15), (Coord{14, 0}));
  EXPECT_EQ(parseMove("18,18", 19), (Coord{18, 18}));
  for (const char* bad : {"", "7", "7,", ",3", "15,0", "0,15", "-1,2", "a,b", "7,3,1", "7;3", "7,3 x"})
    EXPECT_FALSE(parseMove(bad, 15)) << bad;
}

TEST(GomocupRule, BitsOfEachRule) {
  EXPECT_EQ(ruleBits(game::Rule::Freestyle), 0);
  EXPECT_EQ(ruleBits(game::Rule::Standard), 1);
  EXPECT_EQ(ruleBits(game::Rule::Renju), 4);
  EXPECT_EQ(ruleBits(game::Rule::Omok), 1);  // closest: exactly five; 3-3 is refereed by us
}

}  // namespace
}  // namespace engine::gomocup
