// Renju forbidden points on positions published by open-source renju engines,
// each asserting the COMPLETE forbidden set for black to move.
//
// Sources (boards transcribed; 'X' black, 'O' white, top line = row 15):
//  - mintaka (junghyun397/mintaka), rusty_renju/tests/test_forbid.rs and
//    test_nested_forbid.rs: the source prints the whole board with every
//    forbidden point marked, so the expected sets are the source's, including
//    the nested and chained 3-3s of its "strict_renju" (RIF 9.3) tests.
//  - AlphaGomoku (MaciejKozarzewski/AlphaGomoku), test_renju.cpp: the source
//    asserts single points (listed in each case's note, already renumbered from
//    the bottom); the rest of each set was computed here, spot-checked by hand
//    and checked against the literal reference implementation
//    (reference_forbidden.cpp, the second test below).
//  - quintet (renju-note/quintet), src/board/forbidden.rs: as AlphaGomoku;
//    its test_forbiddens case lists the complete set.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "shared/omok/board.h"
#include "shared/omok/forbidden.h"
#include "shared/omok/rules.h"
#include "tests/omok/reference_forbidden.h"

namespace {

struct Case {
  std::string_view source;
  std::string_view note;
  std::string_view board;
  std::string_view expected;  // "point kind" items, by column then row, ", "-separated
};

constexpr Case kCases[] = {
    {"mintaka rusty_renju/tests/test_forbid.rs, basic_forbidden_moves",
     "the complete set is the source's",
     R"(
. . . . . . . . . . X . . . .
. . . . . . . . . . X . . . .
. . . . X . . . . . X . . . .
. . X . X . . . . X . X X X X
. X . . X . . . . . X . . . .
X . . . O . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . X X . X X X . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . X . . X . .
. X . . . . . . . . X . . . .
. X . X . . . . . . X . . . .
. . . X . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "e14 4-4, f8 overline, k5 3-3"},
    {"mintaka rusty_renju/tests/test_forbid.rs, pseudo_double_three 1",
     "the complete set is the source's",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . O . . . . . .
. . . . O O X O O . . . . . .
. . . . X . . X . . . . . . .
. . . . X O . . . . . . . . .
. . . . X X X . . . . . . . .
. . . . X . . . . . . . . . .
. . . . O . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "f8 3-3"},
    {"mintaka rusty_renju/tests/test_forbid.rs, pseudo_double_three 2",
     "the complete set is the source's",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . O . . . . . . .
. . . . . O . . . . . . . . .
. . . . . X X . . . . . . . .
. . . . . . O X O . . . . . .
. . . . . . O X O . . . . . .
. . . . . . . . X X X O . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"mintaka rusty_renju/tests/test_forbid.rs, pseudo_double_three 3",
     "the complete set is the source's",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . O . . . . . . . . . .
. . . . . X . . . . . . . . .
. . . . . . X O O X . . . . .
. . . . . . . X X . . . . . .
. . . . . X . O O . . . . . .
. . . . O X X . O X . . . . .
. . . . . O . O . X . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"mintaka rusty_renju/tests/test_forbid.rs, pseudo_double_three 4",
     "the complete set is the source's",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . O . . . . . . . . . .
. . . . . O . . . . . . . . .
. . . . . X O . O X . . . . .
. . . . . . X . X . . . . . .
. . . . . . . X O X . . . . .
. . . . . X O X O X O . . . .
. . . . . X . . . O . . . . .
. . . . . O . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"mintaka rusty_renju/tests/test_nested_forbid.rs, single_nested_double_three",
     "the complete set is the source's",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . O . . . . . . .
. . . . . . . X . . . . . . .
. . . . . O . X . . . . . . .
. . . . . X O X O . . . . . .
. . . . . X . X . O . . . . .
. . O X X X X O X . . . . . .
. . . . . X . O . O . . . . .
. . . . X O O . . . . . . . .
. . . O . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "e6 3-3, e8 3-3"},
    {"mintaka rusty_renju/tests/test_nested_forbid.rs, double_nested_double_three 1",
     "the complete set is the source's",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . O . . O . . . . . . . .
. . . . X . . X . O . . . . .
. . . . O X O X X . . . . . .
. . . . . . X X . . . . . . .
. . . . . . O O X X . . . . .
. . . . . X . . . . . . . . .
. . . . O X . . . . . . . . .
. . . . . O . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "i8 3-3"},
    {"mintaka rusty_renju/tests/test_nested_forbid.rs, double_nested_double_three 2",
     "the complete set is the source's",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . O . . O . . . . . . . .
. . . . X . . X . O . . . . .
. . . . O X O X X . . . . . .
. . . . . . X X . . O . . . .
. . . . . . O O X X . . . . .
. . . . . X O . . . . . . . .
. . . . O X . . . . . . . . .
. . . . . O . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "g10 3-3, i8 3-3, i10 3-3"},
    {"mintaka rusty_renju/tests/test_nested_forbid.rs, pseudo_double_nested_double_three",
     "the complete set is the source's",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . X . . . O . . . . .
. . . . . . . . . . X . . . .
. . . . . . . . . . O X . . .
. . . . . O X X X O X . . . .
. . . . . X . . . . . . . . .
. . . . . . . X . . . . . . .
. . . . . . . . . X . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "h7 3-3, h9 3-3, i6 3-3"},
    {"mintaka rusty_renju/tests/test_nested_forbid.rs, multiple_nested_double_three 1",
     "the complete set is the source's",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . X . . . . . . .
. . . . . . . . . . . . X . .
. . . . . O . . . . . . O X .
. . O X . . X O X X X O X . .
. . . X O O . X O . . . . . .
. O . . X X . . . X . . . . .
. . . . . . X . . . X X O . .
. . . . O . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "g7 3-3, j8 3-3, j10 3-3, k7 3-3"},
    {"mintaka rusty_renju/tests/test_nested_forbid.rs, multiple_nested_double_three 2",
     "the complete set is the source's",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . X . . . . . . .
. . . . . . . . . . . . X . X
. . . . . O . . . . . . O X .
. . O X . . X O X X X O X . .
. . . X O O . X O . . . . . .
. O . . X X . . . X . . . . .
. . . . . . X . . . X X O . .
. . . . O . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "d7 3-3, g7 3-3, j8 3-3, j10 3-3"},
    {"mintaka rusty_renju/tests/test_nested_forbid.rs, recursive_double_three",
     "the complete set is the source's",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . O O . . . . . . .
. . . . . . X X . . . . . . .
. . . . O X X X X O . . . . .
. . . . O X X X X O . . . . .
. . . . . . X X . . . . . . .
. . . . . . O O . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "f6 3-3, f9 3-3, i6 3-3, i9 3-3"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, WinIn1); rows renumbered from the bottom",
     "source asserts allowed a15 allowed a10",
     R"(
. . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, Overline); rows renumbered from the bottom",
     "source asserts allowed a15 forbidden a10",
     R"(
. . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "a10 overline"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, WinInsideOverline); rows renumbered from the bottom",
     "source asserts allowed a15 allowed a10",
     R"(
. . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
. X X X X . . . . . . . . . .
X . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, FourAndFour); rows renumbered from the bottom",
     "source asserts forbidden k15 forbidden d14 forbidden k11 forbidden a6 forbidden i6 forbidden j1",
     R"(
. . . . . . . . . X . . X X .
. . X . X X O . . . . . . . .
. . . . . . . . . . . . X . .
. . . X . . . . . . . . . X .
. . . X . . O X X X . . . . X
. . . X . . . . . . X . . . .
X . . O . . . . . . X . . . .
X . . . . . . . . . X . . . .
. . . . . . . . . . O . . . .
. . . . . X . X . X . X . . .
X . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
X . . . . . . . . . . . . . .
O . . . . X X X . . . X X X .
)",
     "a6 4-4, d14 4-4, i6 4-4, j1 4-4, k11 4-4, k15 4-4"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, FourAndFreeThree); rows renumbered from the bottom",
     "source asserts allowed d14 allowed l14 allowed h9 allowed c3 allowed j3",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . O . X . X . O
. . X X . . . . . . . X . . .
. X . X . . . . . . . X . . .
. . . X . . . . . . . X . . .
. . . O . . . . . . . O . . .
. . . . . X X . . . . . . . .
. . . . . . . X . . . . . . .
. . . . . . . X . . . . . . .
. . . . . . . X . . . . . . .
X . . . . . . O . . . X . . .
. . . . . . . . . . X . . . .
. . . . X X . . . . . X X X O
. . . X . . . . . . . . . . .
. . . . X . . . . . . . . . .
)",
     ""},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, ThreeAndThree); rows renumbered from the bottom",
     "source asserts allowed d13 forbidden m13 forbidden h9 forbidden e3 forbidden k2",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. O X . X . . . . . X . . X .
. . . X . . . . . . . . X . .
. . . X . . . . . . . . X . .
. . . . . . . . X . . . . . .
. . . . . . . . . . . . . . .
. . . . . . X X . . . . . . .
. . . . . . . X . . . . . . .
. . . . . . . . . . . . . . .
. . X . . . . . . . . . . X .
. . . X . X . . . . . . X . .
. . . . . . . . . . . . . . .
. . . X . . . . X X . . . . .
. . . . . . . . . . . . . . .
)",
     "e3 3-3, h9 3-3, k2 3-3, m13 3-3"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, DeadThree); rows renumbered from the bottom",
     "source asserts allowed j10",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . X . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . X X . . . . . . .
. . . . . . . . X . . . . . .
. . . . . . . X . . . . . . .
. . . . . . . . . . . . . . .
. . . . . O . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, ForbiddenPatterns); rows renumbered from the bottom",
     "source asserts allowed n13 allowed d12 forbidden d4 forbidden l3",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . X
. . . . X . . . . . . . . . .
X . . . X X . . X . . . . . .
. . X . . . . . . . . X . X .
. . . . . . . . . . X . . X .
. . . . . . . . . X . . . X .
. . . . . . . . O . . . . O .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . X . . . . . . . O X O . .
. . X . . X . . . . O . O . .
. . . . X . . . . . X . X . .
. . . . . . . . . O O X O O .
. . . . . . O . . . O . O . .
)",
     "d4 3-3, l3 3-3, m10 3-3"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, TwoDeathEnds); rows renumbered from the bottom",
     "source asserts allowed j9",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . O . . . . . . . .
. . . . . . . O . . . . . . .
. . . . . . . . O . . . . . .
. . . . . . . . X . X . . . .
. . . . . . . X O X O X . . .
. . . . . . O X O X O X O . .
. . . . . . . X . . . X . . .
. . . . . . . O . . . O . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, ChainedForbidden); rows renumbered from the bottom",
     "source asserts forbidden d10 forbidden l10 forbidden e9 forbidden k9 forbidden h6 forbidden f3 allowed h3 forbidden j3 forbidden h2",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . O . . . . . O . . . .
. . . . X . . . . . X . . . .
. . . . X . . . . . X . . . .
. . X X . . . . . . . X X . .
. . . . . X . . . X . . . . .
. . . . . . X . X . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . X . . . . . . .
. . . . . . . X . . . . . . .
. . . . . . X . X . . . . . .
. . . . X X X . X X X . . . .
. . . . . . . . . . . . . . .
)",
     "d10 3-3, e9 3-3, f3 3-3, h2 overline, h6 3-3, j3 3-3, k9 3-3, l10 3-3"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, ChainedForbidden); rows renumbered from the bottom",
     "source asserts forbidden h3; without the white stone e12",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . O . . . .
. . . . X . . . . . X . . . .
. . . . X . . . . . X . . . .
. . X X . . . . . . . X X . .
. . . . . X . . . X . . . . .
. . . . . . X . X . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . X . . . . . . .
. . . . . . . X . . . . . . .
. . . . . . X . X . . . . . .
. . . . X X X . X X X . . . .
. . . . . . . . . . . . . . .
)",
     "e9 3-3, f3 3-3, h2 overline, h3 3-3, h6 3-3, h7 3-3, j3 3-3, k9 3-3, l10 3-3"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, LegalMove); rows renumbered from the bottom",
     "source asserts allowed h11",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . O X . . . . . .
. . . . . X . O X . . . . . .
. . . . . . O . X . . . . . .
. . . . . O X O . X . . . . .
. . . . . . X O O X O O . . .
. . . . . . O X O X X . . . .
. . . . . . . . X O . . . . .
. . . . . . . . O . X . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, No33BlockedBy44); rows renumbered from the bottom",
     "source asserts allowed g8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . O . . . . .
. . . . . . . . O . . . . . .
. . . . O O X O O . . . . . .
. . . . X . . X . . . . . . .
. . . . X O . . . . . . . . .
. . . . X X X . . . . . . . .
. . . . X . . . . . . . . . .
. . . . O . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "f8 3-3"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, MultipleForks); rows renumbered from the bottom",
     "source asserts forbidden d12 forbidden m12 forbidden d5 forbidden m5",
     R"(
. . . . . . . . . . . O X O .
. X . . . . . . . . X O X O X
. . . . . . . . . . O X X X O
. . X . X . . . . . . . . . .
. . X O X . . . . . . X . . .
. X O . O . . . . . . . . . X
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . X . .
. X X . X O . . . . X . . X .
. . O X X O . . . . O X X O O
. . O X O X . . . . X O . . .
. . . X . . . . . X . . . . .
. . . O . . . . O . . . . . .
)",
     "d5 4-4, d12 3-3, m5 3-3, m12 4-4"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, WinInFork); rows renumbered from the bottom",
     "source asserts allowed d12 allowed m12 allowed d5 allowed m5",
     R"(
. . . . . . . . . . . O X O .
. X . . . . . . . . X O X O X
. . . . . . . . . . O X X X O
X X X . X . . . . . . . . . .
. . X O X . . . . . . X . X .
. X O . O . . . . . . . . . X
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . X .
X X X . X O . . . . X . . X .
. . O X X O . . . . O X X O O
. . O X O X . . . . X O . . .
. . . X . . . . . X . . . . .
. . . O . . . . O . . . . . .
)",
     ""},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, ForcedForbidden); rows renumbered from the bottom",
     "source asserts forbidden k8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . X . . . . . .
. . . . . . . O O X X . . . .
. . . . . . . X O O . O . . .
. . . . . . . X O X X . . . .
. . . . . . . O . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "k8 3-3"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, ForcedForbidden); rows renumbered from the bottom",
     "source asserts allowed k8; after the source's moves Xk10 Oi5",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . X . X . . . .
. . . . . . . O O X X . . . .
. . . . . . . X O O . O . . .
. . . . . . . X O X X . . . .
. . . . . . . O . . . . . . .
. . . . . . . . O . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, ForcedForbidden); rows renumbered from the bottom",
     "source asserts forbidden k8; after the source's moves Xk10 Oi5 Xi6 Om8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . X . X . . . .
. . . . . . . O O X X . . . .
. . . . . . . X O O . O O . .
. . . . . . . X O X X . . . .
. . . . . . . O X . . . . . .
. . . . . . . . O . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "k8 3-3"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, RemoveForbidden); rows renumbered from the bottom",
     "source asserts forbidden h10",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . X . O . . . . . .
. . . . . X X . . . . . . . .
. . . . X . O X X . . . . . .
. . . O . O O X O X . . . . .
. . . . . . O X . . O . . . .
. . . . . . . O . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "h10 4-4"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, RemoveForbidden); rows renumbered from the bottom",
     "source asserts allowed h10; after the source's moves Xh12 Oi13",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . O . . . . . .
. . . . . . . X . . . . . . .
. . . . . . X . O . . . . . .
. . . . . X X . . . . . . . .
. . . . X . O X X . . . . . .
. . . O . O O X O X . . . . .
. . . . . . O X . . O . . . .
. . . . . . . O . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, Fake433); rows renumbered from the bottom",
     "source asserts allowed c13 allowed e9",
     R"(
. . . . . . . . . . . . . . .
. . . X O . . . . . . . . . .
. . . . X . . . . . . . . . .
. X . X . O . . . . . . . . .
. . . . X . . . . . . . . . .
O X . X X . . . . . . . . . .
. . X X . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, FoulR2225); rows renumbered from the bottom",
     "source asserts forbidden f7",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . O . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . O . X . . . . . .
. . . . . . . X O X . . . . .
. . . . . . O X . . . . . . .
. . . . . . X X . O . . . . .
. . . . . X . O . . . . . . .
. . . . . . O . . . . . . . .
. . . O . X . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "f7 3-3"},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, FoulR2225); rows renumbered from the bottom",
     "source asserts allowed f7; after the source's moves Xi8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . O . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . O . X . . . . . .
. . . . . . . X O X . . . . .
. . . . . . O X X . . . . . .
. . . . . . X X . O . . . . .
. . . . . X . O . . . . . . .
. . . . . . O . . . . . . . .
. . . O . X . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"AlphaGomoku (M. Kozarzewski, M. Fontan) test_renju.cpp, TEST_F(TestRenju, FoulR2225); rows renumbered from the bottom",
     "source asserts forbidden f7; after the source's moves Xi8 Og6",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . O . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . O . X . . . . . .
. . . . . . . X O X . . . . .
. . . . . . O X X . . . . . .
. . . . . . X X . O . . . . .
. . . . . X O O . . . . . . .
. . . . . . O . . . . . . . .
. . . O . X . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "f7 3-3"},
    {"quintet src/board/forbidden.rs, test_forbiddens",
     "complete set from the source",
     R"(
. . . . . . . . . . . . . . .
. . X . . . . . . . . . . . .
. X . X . . . . . . . . . . .
. . X . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . X . . .
. . . . . . . . . . X . . . .
. . . . . . . . . X . . . . .
. . . . X X X . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . X X . X X X .
)",
     "c13 3-3, i6 4-4, k1 overline"},
    {"quintet src/board/forbidden.rs, double_three 1",
     "source asserts forbidden h8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . X . . . . . . .
. . . . . . X . X . . . . . .
. . . . . . . X . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "h8 3-3"},
    {"quintet src/board/forbidden.rs, double_three 2",
     "source asserts forbidden h8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . X . X . . . . . . .
. . . . X . . X . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "h8 3-3"},
    {"quintet src/board/forbidden.rs, double_three 3",
     "source asserts allowed h8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . X . . . . . . .
. . . . O . X . X . O . . . .
. . . . . . . X . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"quintet src/board/forbidden.rs, double_three 4",
     "source asserts allowed h8 allowed i7 forbidden j7",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . O . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . X X X O . . . .
. . . . . . O . . . . . . . .
. . . . . . X X . . . . . . .
. . . . . . X . X X O . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "j7 3-3"},
    {"quintet src/board/forbidden.rs, double_three 5 (after twitter.com/tanaseY)",
     "source asserts allowed g8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . O . . . . . . . .
. . X . . X . X . . . . . . .
. . . . . X . . X X . . . . .
. . . . X . . . . . . X X . O
. . . . . . . . X O X X . . .
. . . . . . . . . . X . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "f5 3-3, i8 3-3, k6 3-3, k7 3-3, l7 3-3"},
    {"quintet src/board/forbidden.rs, double_three 6 (after twitter.com/tanaseY)",
     "source asserts forbidden g8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . O . . . . . . . .
. . X . . X . X . . . . . . .
. . . . . X . . X X . . . . .
. . . . X . . . . . . X X . .
. . . . . . . . X O X X . . .
. . . . . . . . . . X . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "f5 3-3, g8 3-3, i8 3-3, k6 3-3, l7 3-3"},
    {"quintet src/board/forbidden.rs, double_four 1",
     "source asserts forbidden h8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . X . . . . . . . . .
. . . . . . X . . . . . . . .
. . . . . X X . X . . . . . .
. . . . . . . . X . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "h8 4-4"},
    {"quintet src/board/forbidden.rs, double_four 2",
     "source asserts forbidden h8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . X . X . X . X . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "h8 4-4"},
    {"quintet src/board/forbidden.rs, double_four 3",
     "source asserts forbidden h8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . X X . . X . X X . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "h8 4-4"},
    {"quintet src/board/forbidden.rs, double_four 4",
     "source asserts forbidden h8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . X X X . . . X X X . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "h8 4-4"},
    {"quintet src/board/forbidden.rs, double_four 5",
     "source asserts allowed h8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . X . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . X . . . . . . . . .
. . . . . . X . . . . . . . .
. . . . . X X . X . . . . . .
. . . . . . . . X . . . . . .
. . . . . . . . . O . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
    {"quintet src/board/forbidden.rs, overline 1",
     "source asserts forbidden h8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . X X X . X X . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     "h8 overline"},
    {"quintet src/board/forbidden.rs, overline 2",
     "source asserts allowed h8",
     R"(
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . X X X . . X X . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
. . . . . . . . . . . . . . .
)",
     ""},
};

std::string describe(const omok::ForbiddenList& list) {
  std::string s;
  for (const omok::ForbiddenPoint& fp : list) {
    if (!s.empty()) s += ", ";
    s += omok::name(fp.point) + " " + std::string(omok::name(fp.kind));
  }
  return s;
}

class PublishedRenjuPosition : public ::testing::TestWithParam<Case> {};

TEST_P(PublishedRenjuPosition, CompleteForbiddenSetForBlack) {
  const Case& c = GetParam();
  omok::Board board;
  std::string error;
  ASSERT_TRUE(omok::parseBoard(c.board, 15, board, error)) << error;
  const omok::ForbiddenList found = omok::forbiddenPoints(board, omok::Stone::Black, omok::renjuRules());
  EXPECT_EQ(describe(found), c.expected) << c.source << "\n" << c.note;
  // The single-point query agrees with the whole-board one.
  for (const omok::ForbiddenPoint& fp : found)
    EXPECT_EQ(omok::forbiddenAt(board, fp.point, omok::Stone::Black, omok::renjuRules()), fp.kind);
}

TEST_P(PublishedRenjuPosition, LiteralReferenceAgrees) {
  const Case& c = GetParam();
  omok::Board board;
  std::string error;
  ASSERT_TRUE(omok::parseBoard(c.board, 15, board, error)) << error;
  EXPECT_EQ(describe(omok::reference::forbiddenPoints(board, omok::Stone::Black, omok::renjuRules())), c.expected)
      << c.source;
}

TEST_P(PublishedRenjuPosition, WhiteHasNoForbiddenPoints) {
  omok::Board board;
  std::string error;
  ASSERT_TRUE(omok::parseBoard(GetParam().board, 15, board, error)) << error;
  EXPECT_TRUE(omok::forbiddenPoints(board, omok::Stone::White, omok::renjuRules()).empty());
}

INSTANTIATE_TEST_SUITE_P(Renju, PublishedRenjuPosition, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return "case" + std::to_string(info.index); });

}  // namespace
