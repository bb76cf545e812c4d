// Squares and moves as text: UCI ("e2e4", "e7e8q", castling as the king's
// move "e1g1") and SAN ("Nbd7", "exd6", "O-O-O", "e8=Q+", "Qh4#").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/chess/position.h"

namespace chess {

std::string name(Square s);
std::string_view name(PieceType pt);  // "knight", for messages
std::optional<Square> parseSquare(std::string_view text);

std::string toUci(Move m);
// Reads a UCI move and finds it among the legal moves of `pos`. On failure
// returns false and says why in `error` (malformed text or why it is illegal).
bool parseUci(const Position& pos, std::string_view text, Move& out, std::string& error);

// SAN of a legal move, with the minimal disambiguation and a "+"/"#" suffix.
std::string toSan(const Position& pos, Move m);
// Reads SAN, accepting common variants: "0-0" for "O-O", missing or extra
// "+"/"#", annotations ("!?"), "e8Q" / "e8q" for "e8=Q", "exd6e.p.". Rejects
// ambiguous and illegal moves with a reason.
bool parseSan(const Position& pos, std::string_view text, Move& out, std::string& error);

// Either notation: UCI is tried first when the text looks like UCI.
bool parseMove(const Position& pos, std::string_view text, Move& out, std::string& error);

}  // namespace chess
