// Gomocup coordinates against ours: x is the column from the left, y the row
// from the TOP, while our points count rows from the bottom. The talk lines,
// and the answers to SWAP2BOARD in each of its three cases.
#include <gtest/gtest.h>

#include <vector>

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

TEST(GomocupChatter, MessageAndDebugLinesAreTalk) {
  for (const char* talk : {"MESSAGE thinking", "DEBUG depth 3", "MESSAGE", "DEBUG"})
    EXPECT_TRUE(isChatter(talk)) << talk;
  for (const char* answer : {"7,7", "SWAP", "MESSAGES x", "ERROR x", "UNKNOWN x", "", " MESSAGE x"})
    EXPECT_FALSE(isChatter(answer)) << answer;
}

using Kind = Swap2Answer::Kind;

// The answer's points, which must be its kind's.
std::vector<Coord> points(const Swap2Answer& a, Kind kind) {
  EXPECT_EQ(a.kind, kind) << a.why;
  return a.points;
}

TEST(GomocupSwap2, TheFirstThreeStones) {
  EXPECT_EQ(points(readSwap2Answer("7,7 8,7 9,9", 0, 15), Kind::Points), (std::vector<Coord>{{7, 7}, {8, 7}, {9, 9}}));
  EXPECT_EQ(points(readSwap2Answer("  0,0\t14,14   18,0 ", 0, 19), Kind::Points),
            (std::vector<Coord>{{0, 0}, {14, 14}, {18, 0}}));
}

TEST(GomocupSwap2, TheOptionAfterThreeStones) {
  EXPECT_EQ(points(readSwap2Answer("SWAP", 3, 15), Kind::Swap), std::vector<Coord>{});
  EXPECT_EQ(points(readSwap2Answer("8,8", 3, 15), Kind::Points), (std::vector<Coord>{{8, 8}}));
  EXPECT_EQ(points(readSwap2Answer("8,8 8,6", 3, 15), Kind::Points), (std::vector<Coord>{{8, 8}, {8, 6}}));
}

TEST(GomocupSwap2, TheColourAfterFiveStones) {
  EXPECT_EQ(points(readSwap2Answer(" SWAP ", 5, 15), Kind::Swap), std::vector<Coord>{});
  EXPECT_EQ(points(readSwap2Answer("6,8", 5, 15), Kind::Points), (std::vector<Coord>{{6, 8}}));
}

TEST(GomocupSwap2, ErrorAndUnknownSayItIsNotSpoken) {
  for (int stones : {0, 3, 5})
    for (const char* line : {"UNKNOWN SWAP2BOARD", "ERROR not supported", "UNKNOWN", "ERROR"})
      EXPECT_EQ(readSwap2Answer(line, stones, 15).kind, Kind::Refused) << line;
}

TEST(GomocupSwap2, MalformedAnswersAreRefusedWithTheReason) {
  struct Bad {
    const char* line;
    int stones;
    const char* why;
  };
  for (const Bad& bad : std::vector<Bad>{
           {"", 0, "an empty answer; after 0 stones the answer is three stones, x,y x,y x,y"},
           {"  ", 3, "an empty answer; after 3 stones the answer is SWAP, x,y or x,y x,y"},
           {"7,7 8,7", 0, "2 points; after 0 stones the answer is three stones"},
           {"7,7 8,7 9,9 1,1", 0, "4 points;"},
           {"SWAP", 0, "SWAP; after 0 stones"},
           {"8,8 8,6 1,1", 3, "3 points; after 3 stones the answer is SWAP, x,y or x,y x,y"},
           {"8,8 8,6", 5, "2 points; after 5 stones the answer is SWAP or x,y"},
           {"7,7 15,0 9,9", 0, "'15,0' is not a point x,y on the board"},
           {"SWAP 8,8", 3, "'SWAP' is not a point"},
           {"swap", 3, "'swap' is not a point"},
           {"8;8", 5, "'8;8' is not a point"},
           {"8, 8", 5, "'8,' is not a point"},
           {"MESSAGE thinking", 3, "'MESSAGE' is not a point"},
       }) {
    const Swap2Answer a = readSwap2Answer(bad.line, bad.stones, 15);
    EXPECT_EQ(a.kind, Kind::Malformed) << bad.line;
    EXPECT_TRUE(a.points.empty()) << bad.line;
    EXPECT_NE(a.why.find(bad.why), std::string::npos) << bad.line << ": " << a.why;
  }
}

}  // namespace
}  // namespace engine::gomocup
