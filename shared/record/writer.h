// Writes one match's record: a JSON-lines file (docs/RECORDS.md), one object
// per event, each line handed to the operating system in one write as soon as
// it is made (a record::File, no stdio buffer), so a crash loses at most the
// event in flight. The last line carries the result.
//
// Ownership and threading: the match owns its Writer and calls it under the
// match's mutex only; it is not thread-safe. The file is closed by finish()
// or the destructor.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "shared/game/clock.h"
#include "shared/game/game.h"
#include "shared/record/file.h"
#include "shared/record/time.h"

namespace record {

// 2: clocks (timeControl, a move's clock, the end's clocks).
// 3: resumable games: the seats' reconnection digests, the suspended and
//    resumed events, an adjourned end, the clocks of a take-back.
// 4: omok opening rules: the start line's opening, decision lines.
// Readers take 1 to 4.
constexpr int kFormatVersion = 4;
constexpr int kOldestFormat = 1;

struct MatchInfo {
  std::uint32_t matchId = 0;
  game::Setup setup;
  std::string player1;  // seat 1: black in omok, white in chess
  std::string player2;
  game::TimeControl timeControl;  // untimed by default
  // Each seat's reconnection token as a keyed digest in hex (never the token
  // itself), so a later server can give the seat back; empty: not resumable.
  std::array<std::string, 2> resume;
  std::string code;  // a private match's code as a keyed digest; empty: a public match
};

// Both players' time left in milliseconds, Player1 first.
using Clocks = std::array<std::uint32_t, 2>;

class Writer {
 public:
  // Creates a new record in `dir` (created if missing) named after the start
  // time and match id, e.g. "2026-11-23T08-15-02Z_m000042.jsonl". An existing
  // file is never overwritten: a "-2", "-3", ... suffix is added, using an
  // exclusive create so two servers sharing the directory cannot collide
  // either. Writes the start line. On failure returns null and says why in
  // `error`; a server must not start a match it cannot record.
  static std::unique_ptr<Writer> create(const std::filesystem::path& dir, const MatchInfo& info, std::string& error,
                                        Clock::time_point start = Clock::now());
  // Opens the unfinished record `path` again to go on with its game (a
  // server that restarted), after `moves` plies. A last line that a crash
  // cut mid-way is removed first, so what follows starts on a line of its
  // own. On failure returns null and says why in `error`.
  static std::unique_ptr<Writer> reopen(const std::filesystem::path& path, game::Kind kind, bool timed, int moves,
                                        std::string& error);

  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Each returns false after a write failure, with the reason in error();
  // nothing more is written after a failure or after finish().
  // `clockMs`: in a timed match, the mover's time left after the move
  // (increment added); ignored in an untimed one.
  bool move(game::Seat seat, const game::Played& played, Clock::time_point at = Clock::now(),
            std::uint32_t clockMs = 0);
  // Something that happened besides moves: "draw-offer", "draw-decline",
  // "takeback-request", "takeback-decline", "disconnected", "reconnected",
  // "suspended", "resumed"... Readers keep them for display. `clocks`, in a
  // timed match, says where the clocks stand (a suspended game).
  bool event(std::string_view what, game::Seat seat, Clock::time_point at = Clock::now(),
             std::optional<Clocks> clocks = std::nullopt);
  // `seat`'s opening decision, accepted as `played`: its notation
  // ("swap", "offer h8 j9", game::parseDecision reads it back). `clockMs` as
  // for a move.
  bool decision(game::Seat seat, const game::Played& played, Clock::time_point at = Clock::now(),
                std::uint32_t clockMs = 0);
  // A chat line; `seat` None for a spectator.
  bool chat(game::Seat seat, std::string_view name, std::string_view text, Clock::time_point at = Clock::now());
  // `seat`'s take-back was accepted: the game goes back to `moves` plies,
  // and the next move line is ply `moves` + 1.
  // `clocks`: in a timed match, both times after it.
  bool takeback(game::Seat seat, int moves, Clock::time_point at = Clock::now(), Clocks clocks = {});
  // Writes the final line and closes the file. `clocks`: in a timed match,
  // both players' time left. {Ongoing, Adjourned} ends the file but not the
  // game: a later server may reopen() it.
  bool finish(game::Status status, Clock::time_point at = Clock::now(), Clocks clocks = {});

  const std::filesystem::path& path() const { return path_; }
  const std::string& error() const { return error_; }
  int moves() const { return ply_; }

 private:
  Writer(File file, std::filesystem::path path, game::Kind kind, bool timed);
  bool writeLine(const std::string& line);

  File file_;  // closed after finish() or a failed write
  std::filesystem::path path_;
  game::Kind kind_;
  bool timed_;
  int ply_ = 0;
  std::string error_;
};

}  // namespace record
