// Forbidden points: where a colour may not play under a rule set (renju's
// 3-3, 4-4 and overline for black; the omok rule's 3-3 for both colours).
//
// A "three" is the literal RIF 9.3 three: a line the move leaves one stone
// short of a straight four, where that stone may itself be played (it is not
// forbidden, judged recursively with the move on the board) and does not make
// a five at the same time. A five wins even if the move also makes a
// forbidden shape. The search copies the board once and then works in place:
// no heap allocation.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "shared/omok/board.h"
#include "shared/omok/rules.h"

namespace omok {

enum class Forbidden : std::uint8_t { None = 0, DoubleThree = 1, DoubleFour = 2, Overline = 3 };

// "3-3", "4-4", "overline" (as omok_cli prints them), "none".
std::string_view name(Forbidden f);

struct ForbiddenPoint {
  Point point;
  Forbidden kind = Forbidden::None;
  friend constexpr bool operator==(const ForbiddenPoint&, const ForbiddenPoint&) = default;
};

// A fixed-capacity list, so the per-move query never allocates.
class ForbiddenList {
 public:
  void push(ForbiddenPoint fp) { items_[size_++] = fp; }
  int size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const ForbiddenPoint& operator[](int i) const { return items_[static_cast<std::size_t>(i)]; }
  const ForbiddenPoint* begin() const { return items_.data(); }
  const ForbiddenPoint* end() const { return items_.data() + size_; }

 private:
  std::array<ForbiddenPoint, kMaxSize * kMaxSize> items_{};
  int size_ = 0;
};

// What a stone of `s` on `p` would break under `rules`: None when the move is
// allowed (or `p` is not an empty point of the board). When one move makes
// several forbidden shapes, the overline is named first, then 4-4, then 3-3.
Forbidden forbiddenAt(const Board& board, Point p, Stone s, const RuleSet& rules);

// Every forbidden point for `s`, ordered by column, then row.
ForbiddenList forbiddenPoints(const Board& board, Stone s, const RuleSet& rules);

}  // namespace omok
