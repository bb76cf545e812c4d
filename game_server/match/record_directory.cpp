#include "game_server/match/record_directory.h"

#include <algorithm>
#include <fstream>
#include <random>
#include <system_error>

#include <nlohmann/json.hpp>

#include "shared/record/digest.h"
#include "shared/record/file.h"

namespace server {
namespace {

constexpr std::size_t kKeyBytes = 32;

// The match id in a record's name ("..._m000042.jsonl", "..._m000042-2.jsonl"); 0 if none.
std::uint32_t idInName(const std::string& name) {
  const auto at = name.rfind("_m");
  if (at == std::string::npos) return 0;
  std::uint64_t id = 0;
  for (std::size_t i = at + 2; i < name.size() && name[i] >= '0' && name[i] <= '9' && id <= UINT32_MAX; ++i)
    id = id * 10 + static_cast<std::uint64_t>(name[i] - '0');
  return id > UINT32_MAX ? 0 : static_cast<std::uint32_t>(id);
}

// The last whole line of `file` (empty if there is none), from its tail only:
// recovery must not read every finished record through.
std::string lastLine(const std::filesystem::path& file) {
  constexpr std::streamoff kTail = 4096;  // an end line is about 150 bytes
  std::ifstream in(file, std::ios::binary);
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size <= 0) return {};
  const std::streamoff from = std::max<std::streamoff>(0, size - kTail);
  std::string tail(static_cast<std::size_t>(size - from), '\0');
  in.seekg(from);
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  if (!in) return {};
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == '\r')) tail.pop_back();
  const auto start = tail.rfind('\n');
  return start == std::string::npos ? tail : tail.substr(start + 1);
}

// A record whose last line ends the game for good: nothing to resume.
bool finished(const std::filesystem::path& file) {
  const auto line = nlohmann::json::parse(lastLine(file), nullptr, false);
  if (!line.is_object()) return false;
  const auto type = line.find("type");
  const auto reason = line.find("reason");
  return type != line.end() && *type == "end" && reason != line.end() && *reason != "adjourned";
}

}  // namespace

RecordDirectory::RecordDirectory(std::filesystem::path dir) : dir_(std::move(dir)) {
  if (loadKey()) return;
  std::random_device entropy;
  key_.resize(kKeyBytes);
  for (std::uint8_t& b : key_) b = static_cast<std::uint8_t>(entropy());
}

bool RecordDirectory::loadKey() {
  const auto path = dir_ / kKeyFile;
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) {
    keyProblem_ = "cannot create " + dir_.string() + ": " + ec.message();
    return false;
  }
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (std::ifstream in(path, std::ios::binary); in) {
      std::string text;
      std::getline(in, text);
      auto key = record::fromHex(text);
      if (!key || key->size() != kKeyBytes) {
        keyProblem_ = path.string() + " does not hold a key of " + std::to_string(kKeyBytes) + " bytes in hex";
        return false;
      }
      key_ = std::move(*key);
      return true;
    }
    std::random_device entropy;
    std::vector<std::uint8_t> key(kKeyBytes);
    for (std::uint8_t& b : key) b = static_cast<std::uint8_t>(entropy());
    // Mode 0600 from the start, not after a moment of 0644.
    record::File file = record::File::create(path, record::File::Readers::Owner, ec);
    if (!file) {
      if (ec == std::errc::file_exists) continue;  // another server made it first: read theirs
      keyProblem_ = "cannot create " + path.string() + ": " + ec.message();
      return false;
    }
    ec = file.write(record::hex(key) + "\n");
    const std::error_code closed = file.close();  // before the remove: Windows removes no open file
    if (ec || closed) {
      keyProblem_ = "cannot write " + path.string() + ": " + (ec ? ec : closed).message();
      std::filesystem::remove(path, ec);
      return false;
    }
    key_ = std::move(key);
    return true;
  }
  keyProblem_ = "cannot read " + path.string();
  return false;
}

Recovery RecordDirectory::recover() {
  Recovery recovery;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    if (entry.is_regular_file(ec) && entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());  // names start with the time: oldest first
  for (const auto& file : files) {
    const std::string name = file.filename().string();
    recovery.highestId = std::max(recovery.highestId, idInName(name));
    if (finished(file)) continue;
    auto loaded = record::readFile(file);
    if (const auto* error = std::get_if<record::LoadError>(&loaded)) {
      recovery.problems.push_back(name + ": " + error->describe());
      continue;
    }
    auto& r = std::get<record::Record>(loaded);
    recovery.highestId = std::max(recovery.highestId, r.matchId);
    if (r.result) continue;  // the tail was a cut line after the end
    if (r.game->status().over()) {
      complete(file, r, recovery);
      continue;
    }
    if (r.resume[0].empty() || r.resume[1].empty()) {
      recovery.problems.push_back(name + ": format " + std::to_string(r.format) +
                                  " keeps no reconnection digests, so its players cannot come back");
      continue;
    }
    recovery.unfinished.push_back({file.string(), std::move(r)});
  }
  return recovery;
}

void RecordDirectory::complete(const std::filesystem::path& file, const record::Record& r, Recovery& recovery) {
  const std::string name = file.filename().string();
  const game::Status status = r.game->status();
  std::string error;
  auto writer = record::Writer::reopen(file, r.setup.kind, r.timeControl.timed(), r.game->moveCount(), error);
  if (!writer || !writer->finish(status, record::Clock::now(), r.clocks.value_or(record::Clocks{}))) {
    recovery.problems.push_back(name + ": cannot write the end its last move called for: " +
                                (writer ? writer->error() : error));
    return;
  }
  recovery.completed.push_back(name + ": its last move ended it (" + std::string(game::name(status.reason)) + ")");
}

std::unique_ptr<record::Writer> RecordDirectory::create(const record::MatchInfo& info, std::string& error) {
  return record::Writer::create(dir_, info, error);
}

std::unique_ptr<record::Writer> RecordDirectory::reopen(const StoredMatch& match, std::string& error) {
  const record::Record& r = match.record;
  return record::Writer::reopen(match.where, r.setup.kind, r.timeControl.timed(), r.game->moveCount(), error);
}

std::string RecordDirectory::digest(std::span<const std::uint8_t> secret) const {
  return record::hex(record::hmacSha256(key_, secret));
}

}  // namespace server
