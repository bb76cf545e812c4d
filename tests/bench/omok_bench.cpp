// omok_bench: time of one full forbidden-point query (every empty point of a
// 15x15 board, black to move, renju), as a ratio against two references
// measured in the same run on the same positions:
//   - literal: the straightforward reading of the rules in
//     reference_forbidden.cpp (what a first implementation looks like);
//   - five scan: only asking "does a stone here make five?" at every empty
//     point, the least any per-point query can cost.
// It lives next to the tests because it shares the literal implementation
// with them and is not shipped. Positions: games grown move by move from the
// centre, each move a random empty point within two of the stones already
// played (as real play clusters), refused moves skipped, sampled at 20 to 70 stones.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "shared/omok/forbidden.h"
#include "shared/omok/game.h"
#include "shared/omok/line.h"
#include "tests/omok/reference_forbidden.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<omok::Board> midGamePositions(int count) {
  std::vector<omok::Board> positions;
  std::mt19937 rng(12345);
  while (static_cast<int>(positions.size()) < count) {
    omok::Game game(omok::renjuRules());
    game.play(omok::Point{7, 7});
    const int target = 20 + 2 * (static_cast<int>(positions.size()) * 5 % 26);  // even: black to move
    while (!game.over() && static_cast<int>(game.history().size()) < target) {
      const omok::Point& last = game.history()[rng() % game.history().size()];
      std::uniform_int_distribution<int> delta(-2, 2);
      const omok::Point p{static_cast<std::int8_t>(last.col + delta(rng)), static_cast<std::int8_t>(last.row + delta(rng))};
      game.play(p);  // off-board, occupied and forbidden points are simply refused
    }
    if (!game.over() && game.toMove() == omok::Stone::Black) positions.push_back(game.board());
  }
  return positions;
}

int fiveScan(const omok::Board& b) {
  const omok::ColorRules rules = omok::renjuRules().black;
  int n = 0;
  for (int row = 0; row < b.size(); ++row)
    for (int col = 0; col < b.size(); ++col) {
      const omok::Cell c = omok::Board::cell(omok::Point{static_cast<std::int8_t>(col), static_cast<std::int8_t>(row)});
      if (b.at(c) == omok::Stone::Empty && omok::makesWin(b, c, omok::Stone::Black, rules)) ++n;
    }
  return n;
}

// Nanoseconds per query over all positions, repeated for at least `budget`.
template <typename Query>
double nsPerQuery(const std::vector<omok::Board>& positions, Query query, Clock::duration budget, long& sink) {
  long queries = 0;
  const auto start = Clock::now();
  auto elapsed = Clock::duration::zero();
  do {
    for (const omok::Board& b : positions) sink += query(b);
    queries += static_cast<long>(positions.size());
    elapsed = Clock::now() - start;
  } while (elapsed < budget);
  return std::chrono::duration<double, std::nano>(elapsed).count() / static_cast<double>(queries);
}

}  // namespace

int main() {
  const std::vector<omok::Board> positions = midGamePositions(24);
  long sink = 0;
  int forbidden = 0;
  int stones = 0;
  for (const omok::Board& b : positions) {
    forbidden += omok::forbiddenPoints(b, omok::Stone::Black, omok::renjuRules()).size();
    stones += b.stoneCount();
  }
  // The three queries take turns in short rounds and each keeps its best
  // round, so load from other processes hurts them alike and little.
  const auto engineQuery = [](const omok::Board& b) {
    return omok::forbiddenPoints(b, omok::Stone::Black, omok::renjuRules()).size();
  };
  const auto literalQuery = [](const omok::Board& b) {
    return omok::reference::forbiddenPoints(b, omok::Stone::Black, omok::renjuRules()).size();
  };
  double engine = 1e300, literal = 1e300, scan = 1e300;
  for (int round = 0; round < 9; ++round) {
    engine = std::min(engine, nsPerQuery(positions, engineQuery, std::chrono::milliseconds(40), sink));
    literal = std::min(literal, nsPerQuery(positions, literalQuery, std::chrono::milliseconds(40), sink));
    scan = std::min(scan, nsPerQuery(positions, fiveScan, std::chrono::milliseconds(40), sink));
  }
  std::printf("positions: %zu mid-game 15x15 boards, %.1f stones and %.2f forbidden points on average\n",
              positions.size(), static_cast<double>(stones) / static_cast<double>(positions.size()),
              static_cast<double>(forbidden) / static_cast<double>(positions.size()));
  std::printf("engine forbidden-set query : %9.1f us\n", engine / 1000.0);
  std::printf("literal reference query    : %9.1f us   engine is %.1fx faster\n", literal / 1000.0, literal / engine);
  std::printf("five scan at every point   : %9.1f us   engine costs %.2fx a five scan\n", scan / 1000.0, engine / scan);
  std::printf("(checksum %ld)\n", sink);
  return 0;
}
