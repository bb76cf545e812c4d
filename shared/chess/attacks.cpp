#include "shared/chess/attacks.h"

namespace chess::detail {

Magic gRookMagics[kSquareCount];
Magic gBishopMagics[kSquareCount];

namespace {

// 102400 rook and 5248 bishop entries: the sum over squares of 2^popcount(mask).
Bitboard gRookTable[0x19000];
Bitboard gBishopTable[0x1480];

// xorshift64*: small, fast, and deterministic so every run finds the same magics.
class Prng {
 public:
  explicit Prng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    s_ ^= s_ >> 12;
    s_ ^= s_ << 25;
    s_ ^= s_ >> 27;
    return s_ * 2685821657736338717ULL;
  }
  // Magics with few set bits are found much sooner.
  std::uint64_t sparse() { return next() & next() & next(); }

 private:
  std::uint64_t s_;
};

// Finds a collision-free magic for every square by trial, as Stockfish does;
// the per-rank seeds are known to converge quickly (a few milliseconds in all).
// The steps are a template argument: the search's inner loop is specialised
// per slider, as the optimiser did by itself when it ran on first use rather
// than from a static initializer (about 10% fewer instructions at start-up).
template <const int (&Steps)[4][2]>
void initMagics(Magic* magics, Bitboard* table) {
  constexpr const auto& steps = Steps;
  constexpr std::uint64_t kSeeds[8] = {728, 10316, 55341, 32803, 12281, 15100, 16645, 255};
  Bitboard occupancy[4096], reference[4096];
  int epoch[4096] = {}, attempt = 0;
  Bitboard* next = table;

  for (int i = 0; i < kSquareCount; ++i) {
    const Square s = Square(i);
    Magic& m = magics[s];
    // Edges do not matter for blocking unless the square itself is on them.
    const Bitboard edges = ((kRank1 | kRank8) & ~rankBB(rankOf(s))) | ((kFileA | kFileH) & ~fileBB(fileOf(s)));
    m.mask = slidingAttacks(steps, s, 0) & ~edges;
    m.shift = unsigned(64 - popcount(m.mask));
    m.attacks = next;

    // Carry-rippler: enumerate every subset of the mask.
    int size = 0;
    Bitboard b = 0;
    do {
      occupancy[size] = b;
      reference[size] = slidingAttacks(steps, s, b);
      ++size;
      b = (b - m.mask) & m.mask;
    } while (b);

    Prng rng(kSeeds[rankOf(s)]);
    Bitboard* entries = next;
    for (int found = 0; found < size;) {
      do m.magic = rng.sparse();
      while (popcount((m.magic * m.mask) >> 56) < 6);
      ++attempt;
      for (found = 0; found < size; ++found) {
        const unsigned idx = m.index(occupancy[found]);
        if (epoch[idx] < attempt) {
          epoch[idx] = attempt;
          entries[idx] = reference[found];
        } else if (entries[idx] != reference[found]) {
          break;
        }
      }
    }
    next += size;
  }
}

const bool gFilled = [] {
  initMagics<kRookSteps>(gRookMagics, gRookTable);
  initMagics<kBishopSteps>(gBishopMagics, gBishopTable);
  return true;
}();

}  // namespace

bool attacksReady() { return gFilled; }

}  // namespace chess::detail
