// Fuzz entry points: each takes arbitrary bytes, feeds them to one parser of
// the project and checks what the parser accepts (it re-encodes, re-parses
// or replays to the same thing). A broken check aborts with a message, which
// libFuzzer reports as a crash.
//
// The same functions serve the libFuzzer targets (fuzz_main.cpp, clang only)
// and fuzz_replay_tests, which replays the seed and regression corpora in the
// ordinary test suite with any compiler.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace fuzz {

using Bytes = std::span<const std::uint8_t>;

// Byte 0 picks the reader's context, byte 1 the receive chunk size, the rest
// is the stream: framer and decoder, checked against readPacket on the whole.
void packet(Bytes data);
// A FEN; an accepted one round-trips, and so does every legal move in SAN and UCI.
void chessFen(Bytes data);
// A FEN line, then one move per line (SAN or UCI) played while legal.
void chessMove(Bytes data);
// PGN import; an accepted game exports and re-imports to the same moves.
void chessPgn(Bytes data);
// A PGN file of several games, split into games.
void chessPgnFile(Bytes data);
// Byte 0 picks the board size, the rest is an omok point ("h8").
void omokPoint(Bytes data);
// Byte 0 picks the board size, the rest is a board grid as omok_cli prints it.
void omokBoard(Bytes data);
// A match record (JSON lines), loaded from memory.
void record(Bytes data);

struct Target {
  std::string_view name;  // also the folder of its corpora
  void (*run)(Bytes);
};

inline constexpr Target kTargets[] = {
    {"packet", packet},          {"chess_fen", chessFen},     {"chess_move", chessMove},
    {"chess_pgn", chessPgn},     {"omok_point", omokPoint},   {"omok_board", omokBoard},
    {"record", record},          {"chess_pgn_file", chessPgnFile},
};

}  // namespace fuzz
