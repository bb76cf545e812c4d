// A literal, unoptimised reading of the forbidden-move definitions, written
// independently of omok/forbidden.cpp: every five-cell window through the
// move is tried, every candidate point of a three is tried, and the board is
// copied for each trial. The tests cross-check the engine against it on
// random positions and omok_bench uses it as the speed reference.
#pragma once

#include "shared/omok/board.h"
#include "shared/omok/forbidden.h"
#include "shared/omok/rules.h"

namespace omok::reference {

Forbidden forbiddenAt(const Board& board, Point p, Stone s, const RuleSet& rules);
ForbiddenList forbiddenPoints(const Board& board, Stone s, const RuleSet& rules);

}  // namespace omok::reference
