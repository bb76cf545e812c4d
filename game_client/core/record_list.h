// The game records the start screen offers to replay: the *.pgn files of
// the log folders (games people brought, by name), then the *.jsonl records,
// newest first, and what each one's first line or first game's tags say.
// The server names a record after the UTC time its match started
// ("2026-11-23T08-15-02Z_m000042.jsonl"), so newest first is the names in
// descending order. Plain functions over the file system, no SFML.
#pragma once

#include <filesystem>
#include <variant>
#include <vector>

#include "shared/record/pgn_game.h"
#include "shared/record/reader.h"

namespace client {

// The *.pgn files directly in `dirs` in name order, then the *.jsonl files,
// newest first; a folder named twice (./logs is often <exe dir>/logs) is
// read once, a missing one is skipped.
std::vector<std::filesystem::path> listRecords(const std::vector<std::filesystem::path>& dirs);

// The record's start line alone (match, game, players, time), read by the
// record reader; the moves are not read, so a long record costs no more
// than a short one.
std::variant<record::Record, record::LoadError> readRecordStart(const std::filesystem::path& file);

// A PGN file's first game's tags and how many games it holds; no move is
// replayed.
std::variant<record::PgnSummary, record::LoadError> readPgnStart(const std::filesystem::path& file);

}  // namespace client
