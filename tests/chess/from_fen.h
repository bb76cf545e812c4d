// The position of a FEN the test relies on; a bad FEN fails the test.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "shared/chess/position.h"

namespace chess::test {

inline Position fromFen(std::string_view fen) {
  Position pos;
  std::string error;
  EXPECT_TRUE(pos.setFen(fen, error)) << fen << ": " << error;
  return pos;
}

}  // namespace chess::test
