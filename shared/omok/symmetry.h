// The eight symmetries of the square board (the dihedral group of the
// square: the identity, three rotations, four reflections) about its centre,
// and what RIF means by symmetric fifth moves: two candidates are symmetric
// when a symmetry that maps the position onto itself (every stone onto a
// stone of the same colour) maps one candidate onto the other. Board sizes
// are odd (15, 19), so the centre is a point: h8 on 15x15, j10 on 19x19.
// Only symmetries of the board count: a position that is symmetric about
// some other line (an axis off the centre) is not, since the edges are at
// different distances from the two mirror images.
#pragma once

#include <array>
#include <cstdint>

#include "shared/omok/board.h"
#include "shared/omok/coord.h"

namespace omok {

enum class Symmetry : std::uint8_t {
  Identity = 0,
  Rotate90,  // a quarter turn anticlockwise
  Rotate180,
  Rotate270,           // a quarter turn clockwise
  MirrorColumns,       // left and right exchanged (a <-> o on 15x15), about column h
  MirrorRows,          // top and bottom exchanged (1 <-> 15), about row 8
  MirrorDiagonal,      // about the a1-o15 diagonal: column and row exchanged
  MirrorAntiDiagonal,  // about the a15-o1 diagonal
};

constexpr std::array<Symmetry, 8> kSymmetries{
    Symmetry::Identity,      Symmetry::Rotate90,   Symmetry::Rotate180,      Symmetry::Rotate270,
    Symmetry::MirrorColumns, Symmetry::MirrorRows, Symmetry::MirrorDiagonal, Symmetry::MirrorAntiDiagonal};

// Where `s` takes `p` on a board of `size` (odd), turning about the centre.
constexpr Point apply(Symmetry s, Point p, int size) {
  const int last = size - 1;
  const int c = p.col;
  const int r = p.row;
  int col = c;
  int row = r;
  switch (s) {
    case Symmetry::Identity: break;
    case Symmetry::Rotate90:
      col = last - r;
      row = c;
      break;
    case Symmetry::Rotate180:
      col = last - c;
      row = last - r;
      break;
    case Symmetry::Rotate270:
      col = r;
      row = last - c;
      break;
    case Symmetry::MirrorColumns: col = last - c; break;
    case Symmetry::MirrorRows: row = last - r; break;
    case Symmetry::MirrorDiagonal:
      col = r;
      row = c;
      break;
    case Symmetry::MirrorAntiDiagonal:
      col = last - r;
      row = last - c;
      break;
  }
  return Point{static_cast<std::int8_t>(col), static_cast<std::int8_t>(row)};
}

// Whether `s` maps every stone of `position` onto a stone of the same colour
// (always true for the identity).
bool preserves(Symmetry s, const Board& position);

// Bit i set when kSymmetries[i] preserves `position` (bit 0, the identity, always).
std::uint8_t symmetriesOf(const Board& position);

// Whether some symmetry of `position` maps `a` onto `b`. True when a == b
// (the identity does); callers that want to name duplicates test that first.
bool symmetricCandidates(const Board& position, Point a, Point b);

}  // namespace omok
