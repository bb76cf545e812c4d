#include "shared/omok/symmetry.h"

#include <cassert>

namespace omok {

bool preserves(Symmetry s, const Board& position) {
  const int size = position.size();
  assert(size % 2 == 1);  // the symmetries turn about a centre point
  for (std::int8_t row = 0; row < size; ++row)
    for (std::int8_t col = 0; col < size; ++col) {
      const Point p{col, row};
      const Stone stone = position.at(p);
      // A bijection of the board: mapping every stone onto its like is enough.
      if (stone != Stone::Empty && position.at(apply(s, p, size)) != stone) return false;
    }
  return true;
}

std::uint8_t symmetriesOf(const Board& position) {
  std::uint8_t mask = 0;
  for (std::size_t i = 0; i < kSymmetries.size(); ++i)
    if (preserves(kSymmetries[i], position)) mask = static_cast<std::uint8_t>(mask | (1u << i));
  assert(mask & 1u);
  return mask;
}

bool symmetricCandidates(const Board& position, Point a, Point b) {
  const std::uint8_t mask = symmetriesOf(position);
  for (std::size_t i = 0; i < kSymmetries.size(); ++i)
    if ((mask >> i) & 1u && apply(kSymmetries[i], a, position.size()) == b) return true;
  return false;
}

}  // namespace omok
