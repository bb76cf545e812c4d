#include <gtest/gtest.h>

#include <random>
#include <string>

#include "shared/omok/board.h"
#include "tests/omok/test_util.h"

namespace omok {
namespace {

using testing::boardWith;
using testing::pt;

std::string emptyRows(int n, int size = 15) {
  std::string row;
  for (int i = 0; i < size; ++i) row += i ? " ." : ".";
  std::string s;
  for (int i = 0; i < n; ++i) s += row + "\n";
  return s;
}

TEST(BoardParser, ReadsWhatFormatBoardWrites) {
  const Board b = boardWith("X h8 a1 o15 O a15 o1 h9");
  Board back;
  std::string error;
  ASSERT_TRUE(parseBoard(formatBoard(b), 15, back, error)) << error;
  EXPECT_EQ(back, b);
  EXPECT_EQ(back.at(pt("a1")), Stone::Black);
  EXPECT_EQ(back.at(pt("a15")), Stone::White);
  EXPECT_EQ(back.stoneCount(), 6);
}

TEST(BoardParser, TopLineIsTheHighestRowAndBlanksAreOptional) {
  std::string text = "X..............\n";
  text += emptyRows(13);
  text += "..............O\r\n\n\n";
  Board b;
  std::string error;
  ASSERT_TRUE(parseBoard(text, 15, b, error)) << error;
  EXPECT_EQ(b.at(pt("a15")), Stone::Black);
  EXPECT_EQ(b.at(pt("o1")), Stone::White);
}

TEST(BoardParser, NineteenByNineteen) {
  Board b;
  std::string error;
  ASSERT_TRUE(parseBoard(emptyRows(18, 19) + "X . . . . . . . . . . . . . . . . . O\n", 19, b, error)) << error;
  EXPECT_EQ(b.size(), 19);
  EXPECT_EQ(b.at(pt("a1", 19)), Stone::Black);
  EXPECT_EQ(b.at(pt("s1", 19)), Stone::White);
}

TEST(BoardParser, MalformedBoardsAreClearErrorsAndChangeNothing) {
  struct Bad {
    std::string text;
    std::string says;
  };
  const Bad cases[] = {
      {"", "0 rows, expected 15"},
      {emptyRows(14), "14 rows, expected 15"},
      {emptyRows(16), "line 16: more than 15 rows"},
      {emptyRows(7) + "\n" + emptyRows(8), "line 8: blank line inside the board"},
      {emptyRows(3) + ". . x . . . . . . . . . . . .\n" + emptyRows(11), "line 4, character 5: unexpected 'x'"},
      {emptyRows(14) + ". . . . . . . . . . . . . .\n", "line 15: 14 cells, expected 15"},
      {std::string(". . . . . . . . . . . . . . . .\n") + emptyRows(14), "line 1: more than 15 cells"},
      {std::string(emptyRows(15)).replace(0, 1, 1, '\x01'), "line 1, character 1: unexpected byte 1"},
  };
  for (const Bad& bad : cases) {
    Board b = boardWith("X h8");
    const Board before = b;
    std::string error;
    EXPECT_FALSE(parseBoard(bad.text, 15, b, error)) << bad.says;
    EXPECT_NE(error.find(bad.says), std::string::npos) << "got: " << error;
    EXPECT_EQ(b, before);
  }
  Board b;
  std::string error;
  EXPECT_FALSE(parseBoard(emptyRows(17), 17, b, error));
  EXPECT_NE(error.find("unsupported board size 17"), std::string::npos) << error;
}

TEST(BoardParser, GarbageIsRefusedWithAReasonOrReadAsABoard) {
  // Mutations of a valid board: every outcome is either a board that prints
  // back the same way or an error that says something.
  const std::string valid = formatBoard(boardWith("X h8 i9 O a1 o15"));
  const std::string alphabet = ".XO \t\n\rxo#0";
  std::mt19937 rng(99);
  for (int i = 0; i < 3000; ++i) {
    std::string text = valid;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % (text.size() + 1);
      switch (rng() % 3) {
        case 0: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
        case 1: if (at < text.size()) text.erase(at, 1); break;
        default: if (at < text.size()) text[at] = static_cast<char>(rng() % 256); break;
      }
    }
    Board b;
    std::string error;
    if (parseBoard(text, 15, b, error)) {
      Board again;
      ASSERT_TRUE(parseBoard(formatBoard(b), 15, again, error)) << error;
      EXPECT_EQ(again, b);
    } else {
      EXPECT_FALSE(error.empty());
    }
  }
}

}  // namespace
}  // namespace omok
