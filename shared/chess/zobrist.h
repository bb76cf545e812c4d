// Zobrist keys, generated at compile time from a fixed seed so keys (and so
// position hashes) are the same in every build and on every platform.
#pragma once

#include <array>

#include "shared/chess/types.h"

namespace chess::zobrist {

namespace detail {

struct Keys {
  Key pieceSquare[kPieceCount][kSquareCount]{};
  Key castling[16]{};
  Key enPassantFile[8]{};
  Key side = 0;
};

// splitmix64: every output is a full-period, well-mixed 64-bit value.
constexpr Key splitmix(Key& state) {
  Key z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

constexpr Keys makeKeys() {
  Keys k;
  Key state = 0x5EED;
  for (auto& piece : k.pieceSquare)
    for (auto& key : piece) key = splitmix(state);
  // One key per single right; a set of rights hashes as the XOR of its members,
  // so updating rights is one lookup for the old set and one for the new.
  Key single[4];
  for (auto& key : single) key = splitmix(state);
  for (int rights = 0; rights < 16; ++rights)
    for (int bit = 0; bit < 4; ++bit)
      if (rights & (1 << bit)) k.castling[rights] ^= single[bit];
  for (auto& key : k.enPassantFile) key = splitmix(state);
  k.side = splitmix(state);
  return k;
}

inline constexpr Keys kKeys = makeKeys();

}  // namespace detail

inline constexpr const auto& kPieceSquare = detail::kKeys.pieceSquare;
inline constexpr const auto& kCastling = detail::kKeys.castling;
inline constexpr const auto& kEnPassantFile = detail::kKeys.enPassantFile;
inline constexpr Key kSide = detail::kKeys.side;

}  // namespace chess::zobrist
