// chess_perft: counts legal move paths from a position.
//   chess_perft [--fen FEN] DEPTH [--divide]
// The last line on stdout is "nodes N"; --divide first prints one line per
// root move ("e2e4: 20"). Time and speed go to stderr so scripts can parse
// stdout alone. Bad FEN or depth: a message and exit status 2.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "shared/chess/movegen.h"
#include "shared/chess/notation.h"
#include "shared/chess/perft.h"
#include "shared/chess/position.h"

int main(int argc, char** argv) {
  CLI::App app{"Count chess move paths (perft) from a position"};
  std::string fen(chess::kStartFen);
  int depth = 0;
  bool divide = false;
  app.add_option("--fen", fen, "start position as FEN (default: the initial position)");
  app.add_option("depth", depth, "number of plies (1 to 15)")->required();
  app.add_flag("--divide", divide, "print the count below each root move first");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (depth < 1 || depth > 15) {
    std::fprintf(stderr, "chess_perft: depth must be from 1 to 15, not %d\n", depth);
    return 2;
  }
  chess::Position pos;
  if (std::string error; !pos.setFen(fen, error)) {
    std::fprintf(stderr, "chess_perft: bad FEN: %s\n", error.c_str());
    return 2;
  }

  const auto start = std::chrono::steady_clock::now();
  std::uint64_t nodes = 0;
  if (divide) {
    for (const chess::Move m : chess::MoveList(pos)) {
      chess::Position next = pos;
      next.play(m);
      const std::uint64_t n = chess::perft(next, depth - 1);
      nodes += n;
      std::printf("%s: %llu\n", chess::toUci(m).c_str(), static_cast<unsigned long long>(n));
    }
  } else {
    nodes = chess::perft(pos, depth);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("nodes %llu\n", static_cast<unsigned long long>(nodes));
  std::fprintf(stderr, "time %.3f s, %.0f nodes/s\n", seconds, seconds > 0 ? double(nodes) / seconds : 0.0);
  return 0;
}
