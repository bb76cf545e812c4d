// Perft: the number of legal move paths of a given length, the standard
// correctness test (and speed benchmark) for move generators.
#pragma once

#include <cstdint>

#include "shared/chess/position.h"

namespace chess {

// Leaf nodes at `depth` plies; the last ply is counted from the size of the
// move list without playing the moves ("bulk counting"). perft(pos, 0) == 1.
std::uint64_t perft(const Position& pos, int depth);

}  // namespace chess
