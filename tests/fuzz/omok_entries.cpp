// Fuzz entries for the omok text parsers: points and board grids.
#include <string>
#include <string_view>

#include "shared/omok/board.h"
#include "shared/omok/coord.h"
#include "tests/fuzz/check.h"
#include "tests/fuzz/entries.h"

namespace fuzz {
namespace {

// Byte 0 picks the size, the rest is the text.
int sizeOf(Bytes data) { return data[0] % 2 == 0 ? 15 : 19; }
std::string_view textOf(Bytes data) {
  return {reinterpret_cast<const char*>(data.data()) + 1, data.size() - 1};
}

}  // namespace

void omokPoint(Bytes data) {
  if (data.empty()) return;
  const int size = sizeOf(data);
  omok::Point p;
  std::string error;
  if (!omok::parsePoint(textOf(data), size, p, error)) {
    FUZZ_CHECK(!error.empty(), "a rejected point without a reason");
    return;
  }
  FUZZ_CHECK(omok::onBoard(p, size), "a point off the board was accepted");
  FUZZ_CHECK(omok::fromWireIndex(omok::wireIndex(p, size), size) == p, "wire index does not round-trip");
  const std::string name = omok::name(p);
  omok::Point back;
  FUZZ_CHECK(omok::parsePoint(name, size, back, error) && back == p, "point name does not round-trip: " + name);
}

void omokBoard(Bytes data) {
  if (data.empty()) return;
  const int size = sizeOf(data);
  omok::Board board(size);
  std::string error;
  if (!omok::parseBoard(textOf(data), size, board, error)) {
    FUZZ_CHECK(board == omok::Board(size), "a rejected board changed the output");
    FUZZ_CHECK(!error.empty(), "a rejected board without a reason");
    return;
  }
  const std::string grid = omok::formatBoard(board);
  omok::Board back(size);
  FUZZ_CHECK(omok::parseBoard(grid, size, back, error) && back == board, "board does not round-trip:\n" + grid);
}

}  // namespace fuzz
