// The match store over a directory of records, one JSON-lines file per match
// (docs/RECORDS.md), and the key that secrets are digested with: HMAC-SHA256
// under 32 random bytes kept in the directory's ".resume-key" (readable by
// its owner only), so the records alone never let anybody take a seat.
//
// recover() reads only the last line of a finished record (its end line),
// and replays the unfinished ones through the rules engine; one whose last
// move ended the game gets the end line the crash kept from it.
//
// Threading: the key is made or read by the constructor and never changes;
// every member may be called from any thread, recover() excepted (once,
// before the others).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "game_server/match/match_store.h"

namespace server {

class RecordDirectory final : public MatchStore {
 public:
  // Creates `dir` and its key if they are missing. If that fails, records
  // cannot be kept either: the key lives in memory for this run, and
  // keyProblem() says why.
  explicit RecordDirectory(std::filesystem::path dir);

  Recovery recover() override;
  std::unique_ptr<record::Writer> create(const record::MatchInfo& info, std::string& error) override;
  std::unique_ptr<record::Writer> reopen(const StoredMatch& match, std::string& error) override;
  std::string digest(std::span<const std::uint8_t> secret) const override;

  const std::string& keyProblem() const { return keyProblem_; }
  static constexpr const char* kKeyFile = ".resume-key";

 private:
  // Reads the key, or makes it; false with keyProblem_ set when neither works.
  bool loadKey();
  // Writes the end line of `r`, whose game is over, into `file`.
  void complete(const std::filesystem::path& file, const record::Record& r, Recovery& recovery);

  const std::filesystem::path dir_;
  std::vector<std::uint8_t> key_;
  std::string keyProblem_;
};

}  // namespace server
