// Opening rules as a state machine of plain data: what is being decided
// now, by whom, within which area, and why an action is refused. Without an
// opening rule gomoku and renju are won by the first player; these are the
// rules the serious venues play. No I/O. A plain value type; not thread-safe.
//
// Roles keep their meaning for the whole game: the Opener is "the first
// player" (tentative black, the first connection), the Other "the second
// player". The opening decides which colour each plays; the game layer maps
// roles to seats. Every stone placed is a move of the alternating sequence
// black, white, black, ... (move 1 is black), legal as a move of that colour
// under the rule set, the opening's own area checked first. When the
// opening is done, game() is an ordinary omok::Game of those moves with the
// right colour to move, and the game goes on from there.
//
// The rule texts followed (opening.cpp's scripts follow them step by step):
// - swap1 and swap2: the Gomocup tournament rules and their SWAP2BOARD
//   extension of the Piskvork brain protocol
//   (https://gomocup.org/news/experimental-tournament-update-2020/, the same
//   in .../experimental-tournament-update-2021/; the protocol itself:
//   https://plastovicka.github.io/protocl2en.htm), and vint.ee's rule text
//   (https://www.vint.ee/es-es/gomoku-rules, in English). The first player
//   puts three stones anywhere, two black and one white; under swap1 the
//   second player chooses a colour; under swap2 the second player (1)
//   swaps, taking black, (2) stays white and plays the 4th move, or (3)
//   puts one white and one black stone (moves 4 and 5) anywhere, after
//   which the first player chooses the colour.
// - Soosõrv-8 (Soosõrv-N, certified by RIF in 2011, N = 8 the Renju World
//   Championship rule since 2017): https://en.wikipedia.org/wiki/Soos%C3%B5rv_opening_rule
//   The first player puts one of the 26 openings (move 1 on the centre,
//   move 2 in the central 3x3, move 3 in the central 5x5, as in RIF's rules,
//   http://www.renju.net/study/rifrules.php, and
//   https://en.wikipedia.org/wiki/Renju_opening_pattern); the other player
//   may swap; white puts move 4 anywhere and declares 1..8 fifth moves; the
//   other player may swap; black puts that many fifth moves, none
//   symmetrical to another; white chooses one and plays move 6.
// - Taraguchi-10 (Taraguchi-N with N = 10; the European Championships'
//   rule since 2010, renju.app's): https://en.wikipedia.org/wiki/Taraguchi_opening_rule
//   Move 1 on the centre; after each of moves 1..3 the other player (who
//   did not place it) may swap, and the next move goes in the central 3x3,
//   5x5, 7x7. After move 4 black either (choice 1) may swap, then black puts
//   move 5 in the central 9x9, then white may swap, then white plays move 6
//   anywhere; or (choice 2) puts 10 fifth moves anywhere on the board, none
//   symmetrical, and white chooses one and plays move 6. Choice 2 belongs to
//   black before any swap after move 4 (the swap is choice 1's first step),
//   as AbstractPlay implements it (github.com/AbstractPlay/gameslib,
//   src/games/renju.ts). That Taraguchi's fifth moves may not be symmetrical
//   either: Ando Meritee, https://old.renju.net/blog/index.php?showcomment=951.
//
// Where a text says "plays the 6th move" (or swap2's "plays the 4th move"),
// the opening ends with the decision before it and that move is the first
// ordinary move of the game. Renju's forbidden points apply to every black
// stone of the opening, candidates included, though none can occur there:
// black has at most three stones, and a 3-3 needs five.
#pragma once

#include <cassert>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "shared/omok/board.h"
#include "shared/omok/coord.h"
#include "shared/omok/game.h"
#include "shared/omok/rules.h"

namespace omok {

enum class OpeningRule : std::uint8_t { None = 0, Swap1, Swap2, Soosorv8, Taraguchi10 };

// "none", "swap1", "swap2", "soosorv8", "taraguchi10".
std::string_view name(OpeningRule rule);
std::optional<OpeningRule> openingRuleNamed(std::string_view name);

// Which openings a rule set plays: swap1 and swap2 for gomoku (no forbidden
// points for either colour: freestyle, standard), Soosõrv-8 and
// Taraguchi-10 for renju exactly, None for every rule set. The Korean omok
// rule has no opening rule of its own in the texts: None only.
bool allowedFor(OpeningRule opening, const RuleSet& rules);

enum class Role : std::uint8_t { Opener = 0, Other = 1 };
constexpr Role otherRole(Role r) { return r == Role::Opener ? Role::Other : Role::Opener; }

// What is being decided now.
enum class Step : std::uint8_t {
  Place = 0,     // place the next stone (colour nextColor()) within area()
  Swap,          // swap colours with the other player, or keep them
  SwapOrOffer,   // Taraguchi-10 after move 4: swap or keep (then move 5 in 9x9), or offer ten fifth moves
  ChooseColor,   // choose the colour to play (swap1; swap2 after option 3)
  ChooseOption,  // swap2: the second player's three options
  Declare,       // Soosõrv-8: how many fifth moves black will offer, 1..8
  Offer,         // offer offerCount() fifth-move candidates
  Pick,          // pick one candidate: it becomes move 5
  Done,          // the game goes on as an ordinary omok::Game
};

// Swap2's options for the second player, in the texts' order.
enum class Swap2Option : std::uint8_t {
  TakeBlack = 0,  // (1) swap: play black; the first player, now white, plays move 4
  StayWhite,      // (2) play white; move 4 is the second player's first ordinary move
  PlaceTwo,       // (3) place moves 4 (white) and 5 (black); the first player chooses a colour
};

// Why an action was refused; the opening is unchanged when it is.
enum class OpeningError : std::uint8_t {
  None = 0,
  Finished,         // the opening is over
  NotYourDecision,  // it is the other role's decision
  WrongStep,        // not what is being decided now
  NotAChoice,       // a colour other than black or white, an unknown swap2 option
  OffBoard,
  OutsideArea,  // outside the central square allowed for this stone
  Occupied,
  Forbidden,           // a forbidden point for that colour under the rule set
  WrongCount,          // a declared count out of 1..8, or an offer of another size than asked
  DuplicateCandidate,  // the same point offered twice
  SymmetricCandidate,  // two candidates a symmetry of the position maps onto each other
  NotACandidate,       // picking a point that was not offered
};

// A sentence for people: "the same fifth move is offered twice".
std::string_view describe(OpeningError e);

// A central square of the board, by its half-width: 0 is the centre point
// alone (1x1), 1 the 3x3, ..., 4 the 9x9; kWholeBoard is the whole board.
struct Area {
  static constexpr int kWholeBoard = -1;
  int halfWidth = kWholeBoard;

  constexpr bool wholeBoard() const { return halfWidth == kWholeBoard; }
  // The side of the square (3 for 3x3); meaningless for the whole board.
  constexpr int side() const { return 2 * halfWidth + 1; }
  constexpr bool contains(Point p, int size) const {
    if (!onBoard(p, size)) return false;
    if (wholeBoard()) return true;
    const int centre = (size - 1) / 2;
    const int dc = p.col - centre;
    const int dr = p.row - centre;
    return dc >= -halfWidth && dc <= halfWidth && dr >= -halfWidth && dr <= halfWidth;
  }
  friend constexpr bool operator==(const Area&, const Area&) = default;
};

enum class Action : std::uint8_t { Place = 0, Swap, ChooseColor, ChooseOption, Declare, Offer, Pick };

// One accepted action, for records and replays (Opening::apply plays it
// again). Only the fields of its action are meaningful.
struct Decision {
  Role by = Role::Opener;
  Action action = Action::Place;
  Point point{};                                // Place, Pick
  Stone colour = Stone::Empty;                  // Place: the stone's colour; ChooseColor: the colour chosen
  bool exchanged = false;                       // Swap: the colours were exchanged
  Swap2Option option = Swap2Option::TakeBlack;  // ChooseOption
  int count = 0;                                // Declare
  std::vector<Point> points{};                  // Offer: the candidates as offered
  friend bool operator==(const Decision&, const Decision&) = default;
};

class Opening {
 public:
  static constexpr int kMaxDeclared = 8;      // Soosõrv-8
  static constexpr int kTaraguchiOffer = 10;  // Taraguchi-10

  // `opening` must be allowedFor(`rules`) and `size` isSupportedSize();
  // the central areas fit both sizes and are about the centre point.
  Opening(OpeningRule opening, const RuleSet& rules, int size = 15);

  OpeningRule rule() const { return rule_; }
  int size() const { return game_.board().size(); }
  Step step() const;
  bool done() const { return step() == Step::Done; }
  // Whose decision it is; once done, the role to move in the game.
  Role decider() const;
  // Where the stone of a Place step may go; the whole board for an Offer
  // step; nullopt when nothing is placed now.
  std::optional<Area> area() const;
  // The colour of the next move (of a Place step's stone, of the candidates).
  Stone nextColor() const { return game_.toMove(); }
  // How many fifth moves an offer must hold: the declared count under
  // Soosõrv-8 (0 until declared), 10 under Taraguchi-10, else 0.
  int offerCount() const;

  // The colours as they stand (tentative until done(): a swap may still
  // exchange them). The Opener is black unless the colours were exchanged.
  bool exchanged() const { return exchanged_; }
  Stone colorOf(Role r) const { return (r == Role::Opener) != exchanged_ ? Stone::Black : Stone::White; }
  Role roleOf(Stone colour) const {
    assert(colour == Stone::Black || colour == Stone::White);
    return (colour == Stone::Black) != exchanged_ ? Role::Opener : Role::Other;
  }

  // The moves so far as a game: move list, board, side to move.
  const Game& game() const { return game_; }
  const std::vector<Point>& moves() const { return game_.history(); }
  // The fifth moves offered (empty until an offer is accepted).
  const std::vector<Point>& candidates() const { return candidates_; }
  // Soosõrv-8's declared count; 0 until declared and under other rules.
  int declared() const { return declared_; }
  const std::vector<Decision>& history() const { return history_; }

  // The actions. Each checks, in this order: the opening is not over, `by`
  // is the decider, the action fits the step, then its own arguments.
  OpeningError place(Role by, Point p);
  OpeningError swapColors(Role by, bool exchange);  // Swap; SwapOrOffer, after which move 5 goes in the 9x9
  OpeningError chooseColor(Role by, Stone colour);  // the colour `by` will play
  OpeningError chooseOption(Role by, Swap2Option option);
  OpeningError declare(Role by, int count);
  OpeningError offer(Role by, std::span<const Point> points);  // Offer, SwapOrOffer
  OpeningError pick(Role by, Point p);
  // Plays a recorded decision again.
  OpeningError apply(const Decision& d);

  // Whether `p` may join the candidates `chosen` (checked against each of
  // them, not among themselves): for a client building an offer one point at
  // a time. Checks the step (an offer is due) but not the decider, so a
  // spectator's view can use it too.
  OpeningError checkCandidate(Point p, std::span<const Point> chosen) const;

 private:
  enum class Who : std::uint8_t { Opener, Other, Black, White };
  // One step of a rule's script. `moves` is how many stones are on the board
  // at that step (-1: depends on the branch); `branch` is where the
  // alternative goes (swap2's options 1 and 2, Taraguchi's ten fifth moves).
  struct Stage {
    Step step;
    Who who;
    std::int8_t half;  // the Place area's half-width, or Area::kWholeBoard
    std::int8_t moves;
    std::int8_t branch;
  };
  static std::span<const Stage> script(OpeningRule rule);

  const Stage& stage() const { return script(rule_)[stage_]; }
  OpeningError admit(Role by, Step a, Step b) const;
  OpeningError candidateError(Point p, std::span<const Point> chosen) const;
  void advance(int to);
  void checkInvariants() const;

  OpeningRule rule_;
  Game game_;
  std::uint8_t stage_ = 0;
  bool exchanged_ = false;
  int declared_ = 0;
  std::vector<Point> candidates_;
  std::vector<Decision> history_;
};

}  // namespace omok
