#include "shared/omok/forbidden.h"

#include <cassert>

#include "shared/omok/line.h"

namespace omok {
namespace {

// Works on a private copy of the board: stones are put and taken back while
// the recursion (RIF 9.3) looks at the moves that would complete each three.
class Search {
 public:
  Search(Board& board, Stone s, const ColorRules& rules) : b_(board), s_(s), r_(rules) {}

  Forbidden check(Cell c) {
    assert(b_.at(c) == Stone::Empty);
    int own[4];
    for (std::size_t d = 0; d < 4; ++d) {
      const int dir = Board::kDirections[d];
      own[d] = ownWithinReach(c, dir) + ownWithinReach(c, -dir);
    }
    return enoughStones(own) ? place(c) : Forbidden::None;
  }

  // Puts the stone on the empty `c`, judges the move and takes it back.
  Forbidden place(Cell c) {
    b_.put(c, s_);
    const Forbidden f = classify(c);
    b_.remove(c);
    return f;
  }

  // Own stones within four cells of `c` going along `step`, up to an
  // opponent stone or the edge.
  int ownWithinReach(Cell c, int step) const {
    int own = 0;
    for (int k = 0; k < 4; ++k) {
      c += step;
      const Stone at = b_.at(c);
      if (at == s_) ++own;
      else if (at != Stone::Empty) break;
    }
    return own;
  }

  // A cheap necessary condition on those counts, one per line, so most empty
  // points cost a few reads: a three through the move needs two more own
  // stones within four cells on its line, a four three more, and two fours on
  // one line or an overline four more.
  static bool enoughStones(const int (&own)[4]) {
    int linesWithTwo = 0;
    for (const int n : own) {
      if (n >= 4) return true;
      linesWithTwo += n >= 2;
    }
    return linesWithTwo >= 2;
  }

 private:
  // The empty cells just past the run of own stones through `c` along `dir`.
  struct Ends {
    Cell lo;
    Cell hi;
  };
  Ends ends(Cell c, int dir) const {
    return {c - dir * (countFrom(b_, c, -dir, s_) + 1), c + dir * (countFrom(b_, c, dir, s_) + 1)};
  }

  // Whether a stone on the run's end `e` would complete a win along `dir`.
  bool completes(Cell e, int dir) const {
    return b_.at(e) == Stone::Empty && isWinningRun(runThrough(b_, e, dir, s_), r_);
  }

  // Fours through the stone on `c` along `dir` (its run has `length` stones).
  // A win can only be completed at the two ends of the run. Both ends
  // completing is one straight four when the run itself holds four stones,
  // and two fours (X.XXX.X, XX.XX.XX, XXX.X.XXX) when it holds fewer.
  int fours(Cell c, int dir, int length) const {
    const Ends e = ends(c, dir);
    const int n = int{completes(e.lo, dir)} + int{completes(e.hi, dir)};
    return n == 2 && length >= 4 ? 1 : n;
  }

  // Whether the stone on `c` is part of a straight four along `dir`: four in
  // a row with a win completed at either end.
  bool straightFour(Cell c, int dir) const {
    if (runThrough(b_, c, dir, s_) != 4) return false;
    const Ends e = ends(c, dir);
    return completes(e.lo, dir) && completes(e.hi, dir);
  }

  // Whether a stone on the empty end `e` turns the line through `c` into a straight four.
  bool makesStraightFour(Cell c, Cell e, int dir) {
    if (b_.at(e) != Stone::Empty) return false;
    b_.put(e, s_);
    const bool straight = straightFour(c, dir);
    b_.remove(e);
    return straight;
  }

  // A three's completing move counts only if it is allowed and not itself a win.
  bool playableFourPoint(Cell e) { return !makesWin(b_, e, s_, r_) && check(e) == Forbidden::None; }

  // Threes through the stone on `c`, over the lines without a four; stops at two.
  int threes(Cell c, const bool (&hasFour)[4]) {
    // First the shapes alone, which are cheap; the recursion runs only when
    // at least two lines could be threes.
    Ends candidates[4];
    bool possible[4][2] = {};
    int lines = 0;
    for (std::size_t d = 0; d < 4; ++d) {
      if (hasFour[d]) continue;
      const int dir = Board::kDirections[d];
      candidates[d] = ends(c, dir);
      possible[d][0] = makesStraightFour(c, candidates[d].lo, dir);
      possible[d][1] = makesStraightFour(c, candidates[d].hi, dir);
      lines += possible[d][0] || possible[d][1];
    }
    if (lines < 2) return lines;
    int found = 0;
    for (std::size_t d = 0; d < 4 && found < 2; ++d) {
      if ((possible[d][0] && playableFourPoint(candidates[d].lo)) ||
          (possible[d][1] && playableFourPoint(candidates[d].hi)))
        ++found;
    }
    return found;
  }

  // The stone of `s_` is on `c`.
  Forbidden classify(Cell c) {
    int length[4];
    bool overline = false;
    for (std::size_t d = 0; d < 4; ++d) {
      length[d] = runThrough(b_, c, Board::kDirections[d], s_);
      if (isWinningRun(length[d], r_)) return Forbidden::None;  // a five wins, whatever else it makes
      overline |= length[d] > 5;
    }
    if (overline && r_.forbidOverline) return Forbidden::Overline;
    if (!r_.forbidDoubleFour && !r_.forbidDoubleThree) return Forbidden::None;

    bool hasFour[4];
    int totalFours = 0;
    for (std::size_t d = 0; d < 4; ++d) {
      const int n = fours(c, Board::kDirections[d], length[d]);
      hasFour[d] = n > 0;
      totalFours += n;
    }
    if (r_.forbidDoubleFour && totalFours >= 2) return Forbidden::DoubleFour;
    if (r_.forbidDoubleThree && threes(c, hasFour) >= 2) return Forbidden::DoubleThree;
    return Forbidden::None;
  }

  Board& b_;
  Stone s_;
  const ColorRules& r_;
};

bool hasRestrictions(const ColorRules& r) { return r.forbidOverline || r.forbidDoubleFour || r.forbidDoubleThree; }

}  // namespace

std::string_view name(Forbidden f) {
  switch (f) {
    case Forbidden::DoubleThree: return "3-3";
    case Forbidden::DoubleFour: return "4-4";
    case Forbidden::Overline: return "overline";
    case Forbidden::None: break;
  }
  return "none";
}

Forbidden forbiddenAt(const Board& board, Point p, Stone s, const RuleSet& rules) {
  const ColorRules& r = rules.of(s);
  if (!hasRestrictions(r) || board.at(p) != Stone::Empty) return Forbidden::None;
  Board scratch = board;
  return Search(scratch, s, r).check(Board::cell(p));
}

ForbiddenList forbiddenPoints(const Board& board, Stone s, const RuleSet& rules) {
  ForbiddenList list;
  const ColorRules& r = rules.of(s);
  if (!hasRestrictions(r)) return list;
  Board scratch = board;
  Search search(scratch, s, r);
  const int n = board.size();

  // Search::check()'s counts for every empty point at once, spread out from
  // the stones (a stone sees a point exactly when the point sees it), which
  // costs a few hundred steps instead of a look around every empty point.
  std::array<std::array<std::uint8_t, 4>, Board::kCells> near{};
  for (Cell c = 0; c < Board::kCells; ++c) {
    if (board.at(c) != s) continue;
    for (std::size_t d = 0; d < 4; ++d)
      for (const int step : {Board::kDirections[d], -Board::kDirections[d]}) {
        Cell x = c;
        for (int k = 0; k < 4; ++k) {
          x += step;
          const Stone at = board.at(x);
          if (at == Stone::Empty) ++near[static_cast<std::size_t>(x)][d];
          else if (at != s) break;
        }
      }
  }

  for (int col = 0; col < n; ++col) {
    for (int row = 0; row < n; ++row) {
      const Point p{static_cast<std::int8_t>(col), static_cast<std::int8_t>(row)};
      const Cell c = Board::cell(p);
      if (board.at(c) != Stone::Empty) continue;
      const auto& counts = near[static_cast<std::size_t>(c)];
      const int own[4] = {counts[0], counts[1], counts[2], counts[3]};
      if (!Search::enoughStones(own)) continue;
      if (const Forbidden f = search.place(c); f != Forbidden::None) list.push({p, f});
    }
  }
  return list;
}

}  // namespace omok
