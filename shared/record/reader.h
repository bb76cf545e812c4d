// Loads a match record and replays it through the rules engine, take-backs
// included, so a record that loads is a legal game. A last line cut mid-way
// (the server died while writing it) is tolerated and reported; anything else
// wrong is an error with the line number. What a server needs to go on with
// an unfinished game is read too: the seats' reconnection digests, the
// clocks as last recorded and the offers still pending.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "shared/game/clock.h"
#include "shared/game/game.h"

namespace record {

struct MoveLine {
  int line = 0;
  int ply = 0;
  game::Seat seat = game::Seat::None;
  std::string time;
  std::string notation;  // omok coordinate, chess SAN
  std::string uci;       // chess only
  std::optional<std::uint32_t> clockMs;  // timed matches: the mover's time left after the move
  game::Move move;                       // as the rules engine read it
};

// An opening decision (omok's opening rules): swap, a colour, an option, a
// declared count or an offer of fifth moves, in Game::decide's words.
struct DecisionLine {
  int line = 0;
  game::Seat seat = game::Seat::None;
  std::string time;
  std::string notation;                  // "swap", "offer h8 j9"
  std::optional<std::uint32_t> clockMs;  // timed matches: the decider's time left after it
  game::Decision decision;               // as the rules engine read it
};

struct EventLine {
  int line = 0;
  std::string what;
  game::Seat seat = game::Seat::None;
  std::string time;
};

// A chat line; seat None for a spectator.
struct ChatLine {
  int line = 0;
  game::Seat seat = game::Seat::None;
  std::string name;
  std::string text;
  std::string time;
};

// An accepted take-back: `seat` asked, and the game went back to `moves`
// plies. The moves it took back are gone from Record::moves and kept here,
// in the order they were played.
struct TakebackLine {
  int line = 0;
  game::Seat seat = game::Seat::None;
  int moves = 0;
  std::string time;
  std::vector<MoveLine> takenBack;
};

struct Record {
  int format = 0;
  std::uint32_t matchId = 0;
  game::Setup setup;
  std::string player1;
  std::string player2;
  std::array<std::string, 2> resume;  // the seats' reconnection digests (hex); empty before format 3
  std::string code;                   // a private match's code as a digest; empty: public
  game::TimeControl timeControl;  // untimed unless the start line names one
  std::string startTime;
  std::string endTime;  // empty when the record has no end line
  std::vector<MoveLine> moves;  // the game as it stands: without the moves taken back
  std::vector<DecisionLine> decisions;  // the opening's decisions, between the moves by line number
  std::vector<EventLine> events;
  std::vector<ChatLine> chat;
  std::vector<TakebackLine> takebacks;
  // The result of the end line; nullopt when the file stops before it (the
  // match was cut off by a crash).
  std::optional<game::Status> result;
  std::optional<std::array<std::uint32_t, 2>> endClocks;  // timed matches with an end line
  // Timed matches: both times as the record last stated them (the start,
  // each move for its mover, take-backs, a suspension, the end).
  std::optional<std::array<std::uint32_t, 2>> clocks;
  // The record ends with an adjourned end line: the game stopped unfinished
  // with both players away, and may go on (result stays empty).
  bool adjourned = false;
  // Proposals unanswered where the record stops: who offered a draw, who
  // asked to take a move back (None: nobody).
  game::Seat drawOfferBy = game::Seat::None;
  game::Seat takebackBy = game::Seat::None;
  bool truncated = false;  // the last line was cut mid-way and ignored
  std::unique_ptr<game::Game> game;  // the game after replaying every move
};

struct LoadError {
  int line = 0;  // 1-based; 0 when the file could not be read at all
  std::string message;
  std::string describe() const;  // "line 7: illegal move 'h8': that point is already taken"
};

std::variant<Record, LoadError> read(std::istream& in);
std::variant<Record, LoadError> readFile(const std::filesystem::path& file);

}  // namespace record
