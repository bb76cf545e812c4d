// Small helpers shared by the omok tests: boards and games from short strings.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>

#include "shared/omok/board.h"
#include "shared/omok/coord.h"
#include "shared/omok/game.h"

namespace omok::testing {

inline Point pt(std::string_view text, int size = 15) {
  Point p;
  std::string error;
  EXPECT_TRUE(parsePoint(text, size, p, error)) << error;
  return p;
}

// "X h8 i8 O h9": stones after each colour letter.
inline Board boardWith(std::string_view stones, int size = 15) {
  Board b(size);
  std::istringstream in{std::string(stones)};
  Stone colour = Stone::Black;
  for (std::string word; in >> word;) {
    if (word == "X" || word == "O") {
      colour = word == "X" ? Stone::Black : Stone::White;
      continue;
    }
    const Cell c = Board::cell(pt(word, size));
    EXPECT_EQ(b.at(c), Stone::Empty) << word;
    b.put(c, colour);
  }
  return b;
}

// Plays space-separated moves in turn; returns the first refusal (None if all were played).
inline MoveError playAll(Game& game, std::string_view moves) {
  std::istringstream in{std::string(moves)};
  for (std::string word; in >> word;)
    if (const MoveError e = game.play(pt(word, game.board().size())); e != MoveError::None) return e;
  return MoveError::None;
}

}  // namespace omok::testing
