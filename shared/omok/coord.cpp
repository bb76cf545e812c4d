#include "shared/omok/coord.h"

#include <algorithm>

namespace omok {

std::string name(Point p) {
  std::string s(1, static_cast<char>('a' + p.col));
  s += std::to_string(p.row + 1);
  return s;
}

bool parsePoint(std::string_view text, int size, Point& out, std::string& error) {
  const auto bad = [&](std::string_view why) {
    // Echo the text only when it is short printable ASCII (it may come from the network).
    const bool printable =
        text.size() <= 8 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
    error = printable ? "bad point '" + std::string(text) + "': " : std::string("bad point: ");
    error += why;
    return false;
  };
  if (text.size() < 2 || text.size() > 3) return bad("expected a column letter and a row number, e.g. h8");
  const char letter = text[0];
  if (letter < 'a' || letter > 'z') return bad("the column must be a lower-case letter");
  int row = 0;
  for (const char c : text.substr(1)) {
    if (c < '0' || c > '9') return bad("the row must be a number");
    row = row * 10 + (c - '0');
  }
  if (text[1] == '0') return bad("the row must be a number from 1");
  const Point p{static_cast<std::int8_t>(letter - 'a'), static_cast<std::int8_t>(row - 1)};
  if (!onBoard(p, size)) {
    const char last = static_cast<char>('a' + size - 1);
    return bad("off the " + std::to_string(size) + "x" + std::to_string(size) + " board (a1.." + last +
               std::to_string(size) + ")");
  }
  out = p;
  return true;
}

}  // namespace omok
