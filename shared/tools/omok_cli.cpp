// omok_cli: the omok rules engine on the command line.
//   omok_cli forbidden [--rule renju|omok] [--color black|white]  < board
//       prints the forbidden points of the board on standard input for the
//       colour, as if it were to move: "h8 3-3", sorted by column, then row.
//   omok_cli play --rule R [--size 15|19] MOVES...
//       plays the moves from the start and prints the board and the result,
//       or the first rejected move and why.
// Exit status: 0 done, 1 a move was rejected, 2 bad input (board, point, option).
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "shared/omok/board.h"
#include "shared/omok/forbidden.h"
#include "shared/omok/game.h"
#include "shared/omok/rules.h"

namespace {

constexpr int kRejected = 1;
constexpr int kBadInput = 2;

int listForbidden(const std::string& rule, const std::string& color) {
  const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  omok::Board board;
  std::string error;
  if (!omok::parseBoard(text, 15, board, error)) {
    std::cerr << "omok_cli: bad board: " << error << '\n';
    return kBadInput;
  }
  const omok::Stone side = color == "white" ? omok::Stone::White : omok::Stone::Black;
  for (const omok::ForbiddenPoint& fp : omok::forbiddenPoints(board, side, *omok::ruleSetNamed(rule)))
    std::cout << omok::name(fp.point) << ' ' << omok::name(fp.kind) << '\n';
  return 0;
}

std::string colorName(omok::Stone s) { return s == omok::Stone::Black ? "black" : "white"; }

int play(const std::string& rule, int size, const std::vector<std::string>& moves) {
  omok::Game game(*omok::ruleSetNamed(rule), size);
  for (std::size_t i = 0; i < moves.size(); ++i) {
    omok::Point p;
    std::string error;
    if (!omok::parsePoint(moves[i], size, p, error)) {
      std::cerr << "omok_cli: move " << i + 1 << ": " << error << '\n';
      return kBadInput;
    }
    const omok::Stone mover = game.toMove();
    if (const omok::MoveError e = game.play(p); e != omok::MoveError::None) {
      std::cout << omok::formatBoard(game.board());
      std::cout << "rejected: move " << i + 1 << ' ' << moves[i];
      if (mover != omok::Stone::Empty) std::cout << " by " << colorName(mover);
      std::cout << ": " << omok::describe(e) << '\n';
      return kRejected;
    }
  }
  std::cout << omok::formatBoard(game.board());
  switch (game.outcome()) {
    case omok::Outcome::BlackWins:
    case omok::Outcome::WhiteWins:
      std::cout << "result: " << (game.outcome() == omok::Outcome::BlackWins ? "black" : "white")
                << " wins, five in a row " << omok::name(game.winningLine().from) << '-'
                << omok::name(game.winningLine().to) << '\n';
      break;
    case omok::Outcome::Draw: std::cout << "result: draw, the board is full\n"; break;
    case omok::Outcome::Ongoing: std::cout << "result: ongoing, " << colorName(game.toMove()) << " to move\n"; break;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"omok rules engine: forbidden points and move checking"};
  app.require_subcommand(1);

  std::string forbiddenRule = "renju";
  std::string color = "black";
  CLI::App* forbidden = app.add_subcommand("forbidden", "list the forbidden points of a 15x15 board read from stdin");
  forbidden->add_option("--rule", forbiddenRule, "rule set")->check(CLI::IsMember({"renju", "omok"}));
  forbidden->add_option("--color", color, "the colour to move")->check(CLI::IsMember({"black", "white"}));

  std::string playRule;
  int size = 15;
  std::vector<std::string> moves;
  CLI::App* playCmd = app.add_subcommand("play", "play moves from the start and print the board and the result");
  playCmd->add_option("--rule", playRule, "rule set")
      ->required()
      ->check(CLI::IsMember({"freestyle", "standard", "renju", "omok"}));
  playCmd->add_option("--size", size, "board size")->check(CLI::IsMember({15, 19}));
  playCmd->add_option("moves", moves, "moves such as h8 h9 i8");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : kBadInput;
  }
  if (forbidden->parsed()) return listForbidden(forbiddenRule, color);
  return play(playRule, size, moves);
}
