// Rule sets as options of one engine. Every named rule (freestyle, standard,
// renju, the Korean casual "omok" rule) is a choice of these per colour, so
// site-specific variants (3-3 ban for black only, overlines winning, ...) need
// no new code.
#pragma once

#include <optional>
#include <string_view>

#include "shared/omok/board.h"

namespace omok {

struct ColorRules {
  bool overlineWins = true;        // six or more in a row wins (else only exactly five)
  bool forbidOverline = false;     // making six or more is a forbidden move
  bool forbidDoubleFour = false;   // making two fours at once is forbidden (4-4)
  bool forbidDoubleThree = false;  // making two threes at once is forbidden (3-3)
  friend constexpr bool operator==(const ColorRules&, const ColorRules&) = default;
};

struct RuleSet {
  ColorRules black;
  ColorRules white;
  constexpr const ColorRules& of(Stone s) const { return s == Stone::White ? white : black; }
  friend constexpr bool operator==(const RuleSet&, const RuleSet&) = default;
};

// Five or more wins for both colours.
constexpr RuleSet freestyleRules() { return {}; }

// Gomoku: exactly five wins; an overline does not win (nor is it forbidden).
constexpr RuleSet standardRules() {
  constexpr ColorRules exactFive{.overlineWins = false};
  return {exactFive, exactFive};
}

// Renju (RIF): black wins with exactly five and may not make 3-3, 4-4 or an
// overline; white wins with five or more and has no restrictions.
constexpr RuleSet renjuRules() {
  return {ColorRules{.overlineWins = false, .forbidOverline = true, .forbidDoubleFour = true, .forbidDoubleThree = true},
          ColorRules{}};
}

// The common Korean casual rule: 3-3 forbidden (for both colours unless
// `whiteToo` is false), 4-4 allowed, an overline neither wins nor is forbidden.
// A "three" is the renju three (it must become a straight four by a move that
// is itself allowed) of the mover's colour.
constexpr RuleSet omokRules(bool whiteToo = true, bool overlineWins = false) {
  const ColorRules banned{.overlineWins = overlineWins, .forbidDoubleThree = true};
  return {banned, whiteToo ? banned : ColorRules{.overlineWins = overlineWins}};
}

// "freestyle", "standard", "renju" or "omok" (the defaults above).
std::optional<RuleSet> ruleSetNamed(std::string_view name);

}  // namespace omok
