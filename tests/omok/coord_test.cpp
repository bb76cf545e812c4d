#include <gtest/gtest.h>

#include <string>

#include "shared/omok/coord.h"

namespace omok {
namespace {

TEST(Coord, CentreOfTheStandardBoardIsH8) {
  Point p;
  std::string error;
  ASSERT_TRUE(parsePoint("h8", 15, p, error)) << error;
  EXPECT_EQ(p, (Point{7, 7}));
  EXPECT_EQ(name(p), "h8");
  EXPECT_EQ(wireIndex(p, 15), 7 * 15 + 7);
}

TEST(Coord, CornersAndWireIndexRoundTrip) {
  for (const int size : {15, 19}) {
    for (int index = 0; index < size * size; ++index) {
      const Point p = fromWireIndex(index, size);
      Point back;
      std::string error;
      ASSERT_TRUE(parsePoint(name(p), size, back, error)) << error;
      EXPECT_EQ(back, p);
      EXPECT_EQ(wireIndex(back, size), index);
    }
  }
  Point p;
  std::string error;
  ASSERT_TRUE(parsePoint("a1", 15, p, error));
  EXPECT_EQ(wireIndex(p, 15), 0);  // row 0 is the bottom row "1", column 0 is 'a'
  ASSERT_TRUE(parsePoint("o15", 15, p, error));
  EXPECT_EQ(wireIndex(p, 15), 224);
  ASSERT_TRUE(parsePoint("s19", 19, p, error));
  EXPECT_EQ(wireIndex(p, 19), 360);
  ASSERT_TRUE(parsePoint("a2", 15, p, error));
  EXPECT_EQ(wireIndex(p, 15), 15);
}

TEST(Coord, BadPointsAreClearErrors) {
  for (const char* bad : {"", "h", "8", "h0", "h08", "H8", "p8", "a16", "h-1", "hh", "h8 ", "h1000", "\xff" "1"}) {
    Point p{3, 3};
    std::string error;
    EXPECT_FALSE(parsePoint(bad, 15, p, error)) << bad;
    EXPECT_NE(error.find("bad point"), std::string::npos) << error;
    EXPECT_EQ(error.find('\xff'), std::string::npos) << "raw bytes are not echoed";
    EXPECT_EQ(p, (Point{3, 3})) << "the output is untouched on failure";
  }
  Point p;
  std::string error;
  EXPECT_TRUE(parsePoint("s19", 19, p, error));
  EXPECT_FALSE(parsePoint("s19", 15, p, error));
  EXPECT_NE(error.find("off the 15x15 board"), std::string::npos) << error;
}

}  // namespace
}  // namespace omok
