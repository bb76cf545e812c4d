// Where the state of unfinished matches lives between two runs of the
// server: the one seam between the match logic and its storage. The record
// directory is the only store today; a store several servers share can take
// its place without the match noticing.
//
// A stored match is its record (docs/RECORDS.md): the moves, take-backs,
// clocks and pending offers, and each seat's reconnection token as a keyed
// digest, never the token. A restarted server restores from it what a
// player needs to go on (Match::restore).
//
// Threading: recover() once, from the thread that starts the server, before
// anything else; create(), reopen() and digest() from any thread at once.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "shared/record/reader.h"
#include "shared/record/writer.h"

namespace server {

// An unfinished match as a store keeps it.
struct StoredMatch {
  std::string where;  // the store's name for it, e.g. its record's path
  record::Record record;
};

// What the runs before left behind.
struct Recovery {
  std::vector<StoredMatch> unfinished;  // to resume, oldest first
  std::vector<std::string> problems;    // "NAME: why" for each one that cannot be; it is left as it is
  // "NAME: how" for each whose last move ended the game, its end line
  // written now: the crash came between the two.
  std::vector<std::string> completed;
  std::uint32_t highestId = 0;          // of every match stored, finished or not
};

class MatchStore {
 public:
  virtual ~MatchStore() = default;

  virtual Recovery recover() = 0;
  // A new match's record, its start line written; null with `error` set
  // when it cannot be made (the match must not start).
  virtual std::unique_ptr<record::Writer> create(const record::MatchInfo& info, std::string& error) = 0;
  // The record of `match` again, to append to; null with `error` set.
  virtual std::unique_ptr<record::Writer> reopen(const StoredMatch& match, std::string& error) = 0;
  // The keyed digest (hex) a secret is stored as: a seat's token, a private match's code.
  virtual std::string digest(std::span<const std::uint8_t> secret) const = 0;
};

}  // namespace server
