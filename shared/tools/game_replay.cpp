// game_replay: checks a match record, or a game of a PGN file, move by move
// through the rules engine and prints the game, its final position and
// result; --pgn prints a chess game as PGN. A file that cannot be read exits
// with status 2.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <climits>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include "shared/chess/game.h"
#include "shared/chess/notation.h"
#include "shared/chess/pgn.h"
#include "shared/game/clock.h"
#include "shared/record/reader.h"
#include "shared/record/replay_file.h"

namespace {

constexpr int kBadRecord = 2;

std::string resultLine(const record::Record& r, bool pgn) {
  const int moves = static_cast<int>(r.moves.size());
  if (r.adjourned) return "adjourned after " + std::to_string(moves) + " moves (nobody came back after a restart)";
  if (!r.result)
    return "unfinished after " + std::to_string(moves) + " moves" +
           (pgn ? " (the result is '*')" : r.truncated ? " (the last line was cut off)" : " (no end line)");
  return std::string(game::name(r.result->result)) + " " + std::string(game::name(r.result->reason)) + " after " +
         std::to_string(moves) + " moves";
}

// Where a game outlived its server: one line per restart it went through.
void printRestarts(const record::Record& r) {
  for (const record::EventLine& e : r.events) {
    if (e.what != "resumed") continue;
    const auto ply = std::count_if(r.moves.begin(), r.moves.end(), [&](const auto& m) { return m.line < e.line; });
    std::cout << "the server restarted after ply " << ply << "; the game went on at " << e.time << '\n';
  }
}

// Move numbers count pairs, the first mover's move first ("1. e4 e5"); a game
// whose start position has the second player to move opens with "1... e5".
// The first mover is black in omok whoever plays it (an opening may exchange
// the colours), white in chess. An opening's decisions stand on lines of
// their own, where they were made.
void printMoves(const record::Record& r) {
  std::string row;
  int number = 1;
  std::size_t decision = 0;
  const auto flush = [&] {
    if (!row.empty()) std::cout << row << '\n';
    row.clear();
  };
  const auto decisionsBefore = [&](int line) {
    for (; decision < r.decisions.size() && r.decisions[decision].line < line; ++decision) {
      flush();
      const record::DecisionLine& d = r.decisions[decision];
      std::cout << "player" << static_cast<int>(d.seat) << " decides: " << d.notation << '\n';
    }
  };
  for (const record::MoveLine& m : r.moves) {
    decisionsBefore(m.line);
    const bool firstMover = r.setup.kind == game::Kind::Omok ? m.ply % 2 == 1 : m.seat == game::Seat::Player1;
    if (firstMover) {
      flush();
      row = std::to_string(number++) + ". " + m.notation;
    } else {
      if (row.empty()) row = std::to_string(number++) + "...";
      row += " " + m.notation;
    }
  }
  decisionsBefore(INT_MAX);
  flush();
}

// The PGN standard's Termination values.
std::string termination(const record::Record& r) {
  if (!r.result) return "unterminated";
  switch (r.result->reason) {
    case game::EndReason::Timeout: return "time forfeit";
    case game::EndReason::OpponentLeft: return "abandoned";
    default: return "normal";
  }
}

// A match record's tags: the match, its date and time, the players, how it ended.
std::vector<chess::PgnTag> matchTags(const record::Record& r) {
  std::string date = r.startTime.substr(0, 10);
  for (char& c : date)
    if (c == '-') c = '.';
  std::vector<chess::PgnTag> tags{{"Event", "Match " + std::to_string(r.matchId)},
                                  {"Date", date},
                                  {"White", r.player1},
                                  {"Black", r.player2},
                                  {"UTCDate", date},
                                  {"UTCTime", r.startTime.substr(11, 8)}};
  tags.push_back({"Termination", termination(r)});
  if (r.timeControl.timed()) tags.push_back({"TimeControl", game::pgnTimeControl(r.timeControl)});
  return tags;
}

// PGN from the chess engine itself, replaying the record's UCI moves; a timed
// game's moves carry their clocks.
int printPgn(const record::Record& r, const std::vector<chess::PgnTag>& tags) {
  chess::Position start;
  std::string error;
  if (!start.setFen(r.setup.fen, error)) {
    std::cerr << "game_replay: bad start position: " << error << '\n';
    return kBadRecord;
  }
  chess::Game game(start);
  for (const record::MoveLine& m : r.moves) {
    chess::Move move;
    if (!chess::parseUci(game.position(), m.uci, move, error) || !game.play(move)) {
      std::cerr << "game_replay: line " << m.line << ": " << error << '\n';
      return kBadRecord;
    }
  }
  if (r.result && !game.over()) {
    using enum game::EndReason;
    if (r.result->reason == FiftyMoveRule || r.result->reason == ThreefoldRepetition)
      game.claimDraw();
    else
      game.finish(r.result->result == game::Result::Player1Wins   ? chess::Outcome::WhiteWins
                  : r.result->result == game::Result::Player2Wins ? chess::Outcome::BlackWins
                                                                  : chess::Outcome::Draw);
  }
  std::vector<std::string> clocks;
  if (r.timeControl.timed())
    for (const record::MoveLine& m : r.moves)
      clocks.push_back("[%clk " + game::clockText(std::chrono::milliseconds(m.clockMs.value_or(0))) + "]");
  std::cout << chess::writePgn(game, tags, clocks);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Replays a match record (.jsonl) or a game of a PGN file: checks every move and prints the game and "
               "its result."};
  std::string file;
  bool pgn = false;
  int number = 1;
  // CLI11 on Windows would read "/path/x.jsonl" as an option "/path"; ours are all --options.
  app.allow_windows_style_options(false);
  app.add_option("file", file, "the record, or a PGN file (*.pgn, or text starting with a tag or a move)")->required();
  app.add_flag("--pgn", pgn, "print a chess game as PGN");
  app.add_option("--game", number, "the game of a PGN file to replay, 1-based")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  auto opened = record::openReplay(file, number);
  if (const auto* error = std::get_if<record::LoadError>(&opened)) {
    std::cerr << "game_replay: " << file << ": " << error->describe() << '\n';
    return kBadRecord;
  }
  const record::PgnGame* fromPgn = std::get_if<record::PgnGame>(&opened);
  const record::Record& r = fromPgn ? fromPgn->record : std::get<record::Record>(opened);
  if (r.truncated)
    std::cerr << "game_replay: " << file << ": the last line was cut off; showing the moves before it\n";

  if (pgn) {
    if (r.setup.kind != game::Kind::Chess) {
      std::cerr << "game_replay: " << file << ": --pgn needs a chess record, this one is " << game::name(r.setup.kind)
                << '\n';
      return kBadRecord;
    }
    return printPgn(r, fromPgn ? fromPgn->tags : matchTags(r));
  }

  if (fromPgn)
    std::cout << "game " << fromPgn->number << " of " << fromPgn->count << ": "
              << record::describePgnGame(fromPgn->tags) << '\n';
  else
    std::cout << "match " << r.matchId << ": " << game::name(r.setup.kind) << " (" << game::name(r.setup.rule) << ", "
              << r.setup.boardSize << "x" << r.setup.boardSize << "), started " << r.startTime << '\n';
  if (r.setup.opening != game::Opening::None) std::cout << "opening " << game::name(r.setup.opening) << '\n';
  const bool exchanged = r.game->opening().exchanged;
  std::cout << "player1 (" << game::color(r.setup.kind, game::Seat::Player1, exchanged) << "): " << r.player1 << '\n'
            << "player2 (" << game::color(r.setup.kind, game::Seat::Player2, exchanged) << "): " << r.player2 << '\n';
  if (r.timeControl.timed()) std::cout << "time control: " << game::describe(r.timeControl) << '\n';
  if (r.setup.kind == game::Kind::Chess && r.setup.fen != chess::kStartFen) std::cout << "start: " << r.setup.fen << '\n';
  printMoves(r);
  printRestarts(r);
  std::cout << "final position:\n"
            << r.game->position() << '\n'
            << "result: " << resultLine(r, fromPgn != nullptr) << '\n';
  return 0;
}
