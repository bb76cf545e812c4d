#include "tests/omok/reference_forbidden.h"

#include <algorithm>

namespace omok::reference {
namespace {

constexpr int kSteps[4][2] = {{1, 0}, {0, 1}, {1, 1}, {1, -1}};

Point step(Point p, int d, int k) {
  return Point{static_cast<std::int8_t>(p.col + kSteps[d][0] * k), static_cast<std::int8_t>(p.row + kSteps[d][1] * k)};
}

Board with(const Board& board, Point p, Stone s) {
  Board b = board;
  b.put(Board::cell(p), s);
  return b;
}

// Length of the row of `s` through `p` along `d` (p holds s).
int rowLength(const Board& b, Point p, int d, Stone s) {
  int n = 1;
  for (int k = 1; b.at(step(p, d, k)) == s; ++k) ++n;
  for (int k = 1; b.at(step(p, d, -k)) == s; ++k) ++n;
  return n;
}

bool wins(int length, const ColorRules& r) { return length == 5 || (length > 5 && r.overlineWins); }

bool makesFive(const Board& b, Point p, Stone s, const ColorRules& r) {
  for (int d = 0; d < 4; ++d)
    if (wins(rowLength(b, p, d, s), r)) return true;
  return false;
}

// The fours through `p` along `d` (p holds s): each five-cell window through
// p with four stones of s and one empty cell that completes a win. A four is
// its set of four stones (a mask of offsets -4..4 from p); the same set
// completed at two cells is one (straight) four. Returns the number of
// distinct fours; `straight` says whether one of them is straight.
int fours(const Board& b, Point p, int d, Stone s, const ColorRules& r, bool* straight = nullptr) {
  int masks[5];
  int completions[5];
  int n = 0;
  for (int start = -4; start <= 0; ++start) {
    int mask = 0;
    int own = 0;
    int empties = 0;
    Point gap{};
    for (int k = start; k < start + 5; ++k) {
      const Stone at = b.at(step(p, d, k));
      if (at == s) {
        ++own;
        mask |= 1 << (k + 4);
      } else if (at == Stone::Empty) {
        ++empties;
        gap = step(p, d, k);
      }
    }
    if (own != 4 || empties != 1) continue;
    const Board filled = with(b, gap, s);
    if (!wins(rowLength(filled, p, d, s), r)) continue;
    masks[n] = mask;
    completions[n] = 1;
    for (int i = 0; i < n; ++i)
      if (masks[i] == mask) {
        ++completions[i];
        --n;  // the same four, completed elsewhere
        break;
      }
    ++n;
  }
  if (straight) *straight = std::any_of(completions, completions + n, [](int c) { return c >= 2; });
  return n;
}

Forbidden classify(const Board& b, Point p, Stone s, const ColorRules& r);

// Whether the line through `p` along `d` is a three: some empty point on it
// within four cells turns it into a straight four through p, and that point
// is neither forbidden nor a winning move.
bool isThree(const Board& b, Point p, int d, Stone s, const ColorRules& r) {
  for (int k = -4; k <= 4; ++k) {
    const Point q = step(p, d, k);
    if (k == 0 || b.at(q) != Stone::Empty) continue;
    const Board next = with(b, q, s);
    bool straight = false;
    fours(next, p, d, s, r, &straight);
    if (!straight) continue;
    if (makesFive(next, q, s, r)) continue;
    if (classify(b, q, s, r) == Forbidden::None) return true;
  }
  return false;
}

// `p` is empty in `board`.
Forbidden classify(const Board& board, Point p, Stone s, const ColorRules& r) {
  const Board b = with(board, p, s);
  bool overline = false;
  for (int d = 0; d < 4; ++d) {
    const int n = rowLength(b, p, d, s);
    if (wins(n, r)) return Forbidden::None;
    overline = overline || n > 5;
  }
  if (r.forbidOverline && overline) return Forbidden::Overline;
  int total = 0;
  bool hasFour[4];
  for (int d = 0; d < 4; ++d) {
    const int n = fours(b, p, d, s, r);
    hasFour[d] = n > 0;
    total += n;
  }
  if (r.forbidDoubleFour && total >= 2) return Forbidden::DoubleFour;
  if (r.forbidDoubleThree) {
    int threes = 0;
    for (int d = 0; d < 4; ++d)
      if (!hasFour[d] && isThree(b, p, d, s, r)) ++threes;
    if (threes >= 2) return Forbidden::DoubleThree;
  }
  return Forbidden::None;
}

}  // namespace

Forbidden forbiddenAt(const Board& board, Point p, Stone s, const RuleSet& rules) {
  if (board.at(p) != Stone::Empty) return Forbidden::None;
  return classify(board, p, s, rules.of(s));
}

ForbiddenList forbiddenPoints(const Board& board, Stone s, const RuleSet& rules) {
  ForbiddenList list;
  for (int col = 0; col < board.size(); ++col)
    for (int row = 0; row < board.size(); ++row) {
      const Point p{static_cast<std::int8_t>(col), static_cast<std::int8_t>(row)};
      if (const Forbidden f = reference::forbiddenAt(board, p, s, rules); f != Forbidden::None) list.push({p, f});
    }
  return list;
}

}  // namespace omok::reference
