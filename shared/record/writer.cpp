#include "shared/record/writer.h"

#include "shared/record/exclusive_file.h"

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <system_error>

namespace record {
namespace {

using nlohmann::json;

// Names come from the network: never let an odd byte stop a record.
std::string dumpLine(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace) + '\n';
}

std::string systemError() { return std::generic_category().message(errno); }

std::string fileName(Clock::time_point start, std::uint32_t matchId, int attempt) {
  char id[16];
  std::snprintf(id, sizeof id, "%06u", static_cast<unsigned>(matchId));
  std::string name = fileStamp(start) + "_m" + id;
  if (attempt > 1) name.append(1, '-').append(std::to_string(attempt));
  return name.append(".jsonl");
}

// Where the last whole line of `file` ends (0 when there is none): what
// follows it is a line a crash cut. Read backwards a block at a time.
std::optional<long> lastLineEnd(std::FILE* file) {
  if (std::fseek(file, 0, SEEK_END) != 0) return std::nullopt;
  long end = std::ftell(file);
  if (end < 0) return std::nullopt;
  char block[4096];
  while (end > 0) {
    const long start = end > static_cast<long>(sizeof block) ? end - static_cast<long>(sizeof block) : 0;
    const auto n = static_cast<std::size_t>(end - start);
    if (std::fseek(file, start, SEEK_SET) != 0 || std::fread(block, 1, n, file) != n) return std::nullopt;
    for (std::size_t i = n; i > 0; --i)
      if (block[i - 1] == '\n') return start + static_cast<long>(i);
    end = start;
  }
  return 0;
}

}  // namespace

std::unique_ptr<Writer> Writer::create(const std::filesystem::path& dir, const MatchInfo& info, std::string& error,
                                       Clock::time_point start) {
  std::string why;
  const auto game = game::makeGame(info.setup, why);
  if (!game) {
    error = "cannot record match " + std::to_string(info.matchId) + ": " + why;
    return nullptr;
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    error = "cannot create record directory " + dir.string() + ": " + ec.message();
    return nullptr;
  }
  constexpr int kAttempts = 1000;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    auto path = dir / fileName(start, info.matchId, attempt);
    std::FILE* file = createExclusive(path);
    if (!file) {
      if (errno == EEXIST) continue;
      error = "cannot create record " + path.string() + ": " + systemError();
      return nullptr;
    }
    std::unique_ptr<Writer> writer(new Writer(file, std::move(path), info.setup.kind, info.timeControl.timed()));
    json line = {{"type", "start"},
                 {"format", kFormatVersion},
                 {"match", info.matchId},
                 {"game", game::name(info.setup.kind)},
                 {"rule", game::name(info.setup.rule)},
                 {"boardSize", info.setup.kind == game::Kind::Chess ? 8 : info.setup.boardSize},
                 {"players", json::array({{{"seat", 1}, {"name", info.player1}}, {{"seat", 2}, {"name", info.player2}}})},
                 {"time", isoUtc(start)}};
    for (int i = 0; i < 2; ++i)
      if (!info.resume[i].empty()) line["players"][i]["resume"] = info.resume[i];
    if (!info.code.empty()) line["private"] = info.code;
    if (info.setup.kind == game::Kind::Chess) line["startFen"] = game->startPosition();
    if (info.timeControl.timed()) line["timeControl"] = game::pgnTimeControl(info.timeControl);
    if (!writer->writeLine(dumpLine(line))) {
      error = writer->error();
      return nullptr;
    }
    return writer;
  }
  error = "cannot create record for match " + std::to_string(info.matchId) + " in " + dir.string() + ": " +
          std::to_string(kAttempts) + " names taken";
  return nullptr;
}

std::unique_ptr<Writer> Writer::reopen(const std::filesystem::path& path, game::Kind kind, bool timed, int moves,
                                       std::string& error) {
  std::FILE* file = std::fopen(path.string().c_str(), "rb+");
  if (!file) {
    error = "cannot open record " + path.string() + ": " + systemError();
    return nullptr;
  }
  const std::optional<long> keep = lastLineEnd(file);
  std::fclose(file);
  if (!keep) {
    error = "cannot read record " + path.string() + ": " + systemError();
    return nullptr;
  }
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) != static_cast<std::uintmax_t>(*keep))
    std::filesystem::resize_file(path, static_cast<std::uintmax_t>(*keep), ec);
  if (ec) {
    error = "cannot cut the last line of record " + path.string() + ": " + ec.message();
    return nullptr;
  }
  file = std::fopen(path.string().c_str(), "ab");
  if (!file) {
    error = "cannot open record " + path.string() + ": " + systemError();
    return nullptr;
  }
  std::unique_ptr<Writer> writer(new Writer(file, path, kind, timed));
  writer->ply_ = moves;
  return writer;
}

Writer::Writer(std::FILE* file, std::filesystem::path path, game::Kind kind, bool timed)
    : file_(file), path_(std::move(path)), kind_(kind), timed_(timed) {}

Writer::~Writer() {
  if (file_) std::fclose(file_);
}

bool Writer::writeLine(const std::string& line) {
  if (!file_) {
    if (error_.empty()) error_ = "record " + path_.string() + " is already finished";
    return false;
  }
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fflush(file_) != 0) {
    error_ = "cannot write record " + path_.string() + ": " + systemError();
    std::fclose(file_);
    file_ = nullptr;
    return false;
  }
  return true;
}

bool Writer::move(game::Seat seat, const game::Played& played, Clock::time_point at, std::uint32_t clockMs) {
  json line = {{"type", "move"},
               {"ply", ply_ + 1},
               {"seat", static_cast<int>(seat)},
               {"time", isoUtc(at)},
               {"notation", played.notation}};
  if (kind_ == game::Kind::Chess) line["uci"] = played.uci;
  if (timed_) line["clock"] = clockMs;
  if (!writeLine(dumpLine(line))) return false;
  ++ply_;
  return true;
}

bool Writer::event(std::string_view what, game::Seat seat, Clock::time_point at, std::optional<Clocks> clocks) {
  json line = {{"type", "event"}, {"event", what}, {"seat", static_cast<int>(seat)}, {"time", isoUtc(at)}};
  if (timed_ && clocks) line["clocks"] = *clocks;
  return writeLine(dumpLine(line));
}

bool Writer::chat(game::Seat seat, std::string_view name, std::string_view text, Clock::time_point at) {
  return writeLine(dumpLine({{"type", "chat"},
                             {"seat", static_cast<int>(seat)},
                             {"name", name},
                             {"text", text},
                             {"time", isoUtc(at)}}));
}

bool Writer::takeback(game::Seat seat, int moves, Clock::time_point at, Clocks clocks) {
  json line = {{"type", "takeback"}, {"seat", static_cast<int>(seat)}, {"moves", moves}, {"time", isoUtc(at)}};
  if (timed_) line["clocks"] = clocks;
  if (!writeLine(dumpLine(line))) return false;
  ply_ = moves;
  return true;
}

bool Writer::finish(game::Status status, Clock::time_point at, Clocks clocks) {
  json line = {{"type", "end"},
               {"time", isoUtc(at)},
               {"result", game::name(status.result)},
               {"reason", game::name(status.reason)},
               {"moves", ply_}};
  if (timed_) line["clocks"] = clocks;
  const bool ok = writeLine(dumpLine(line));
  if (file_) {
    if (std::fclose(file_) != 0 && ok) error_ = "cannot close record " + path_.string() + ": " + systemError();
    file_ = nullptr;
  }
  return ok && error_.empty();
}

}  // namespace record
