#include "shared/record/writer.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

namespace record {
namespace {

using nlohmann::json;

// Names come from the network: never let an odd byte stop a record.
std::string dumpLine(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace) + '\n';
}

std::string fileName(Clock::time_point start, std::uint32_t matchId, int attempt) {
  char id[16];
  std::snprintf(id, sizeof id, "%06u", static_cast<unsigned>(matchId));
  std::string name = fileStamp(start) + "_m" + id;
  if (attempt > 1) name.append(1, '-').append(std::to_string(attempt));
  return name.append(".jsonl");
}

// How far a record's whole lines reach, and the file: what lies between is a
// line a crash cut.
struct Tail {
  std::streamoff wholeLines = 0;
  std::streamoff size = 0;
};

// Reads `path` backwards a block at a time to its last newline.
std::optional<Tail> readTail(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  in.seekg(0, std::ios::end);
  Tail tail;
  tail.size = in.tellg();
  if (!in || tail.size < 0) return std::nullopt;
  char block[4096];
  for (std::streamoff end = tail.size; end > 0;) {
    const std::streamoff start = std::max<std::streamoff>(0, end - static_cast<std::streamoff>(sizeof block));
    in.seekg(start);
    if (!in.read(block, end - start)) return std::nullopt;
    for (std::streamoff i = end - start; i > 0; --i)
      if (block[i - 1] == '\n') {
        tail.wholeLines = start + i;
        return tail;
      }
    end = start;
  }
  return tail;
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
    File file = File::create(path, File::Readers::Anyone, ec);
    if (!file) {
      if (ec == std::errc::file_exists) continue;
      error = "cannot create record " + path.string() + ": " + ec.message();
      return nullptr;
    }
    std::unique_ptr<Writer> writer(
        new Writer(std::move(file), std::move(path), info.setup.kind, info.timeControl.timed()));
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
    if (info.setup.opening != game::Opening::None) line["opening"] = game::name(info.setup.opening);
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
  std::error_code ec;
  const auto open = [&] {
    File file = File::openForAppend(path, ec);
    if (!file) error = "cannot open record " + path.string() + ": " + ec.message();
    return file;
  };
  // Opened before it is read, so that a record that cannot be written says why.
  File file = open();
  if (!file) return nullptr;
  const std::optional<Tail> tail = readTail(path);
  if (!tail) {
    error = "cannot read record " + path.string();
    return nullptr;
  }
  if (tail->wholeLines < tail->size) {
    file = File();  // Windows lets nobody else write to it while it is open, the cut included
    std::filesystem::resize_file(path, static_cast<std::uintmax_t>(tail->wholeLines), ec);
    if (ec) {
      error = "cannot cut the last line of record " + path.string() + ": " + ec.message();
      return nullptr;
    }
    file = open();
    if (!file) return nullptr;
  }
  std::unique_ptr<Writer> writer(new Writer(std::move(file), path, kind, timed));
  writer->ply_ = moves;
  return writer;
}

Writer::Writer(File file, std::filesystem::path path, game::Kind kind, bool timed)
    : file_(std::move(file)), path_(std::move(path)), kind_(kind), timed_(timed) {}

bool Writer::writeLine(const std::string& line) {
  if (!file_) {
    if (error_.empty()) error_ = "record " + path_.string() + " is already finished";
    return false;
  }
  if (const std::error_code ec = file_.write(line)) {
    error_ = "cannot write record " + path_.string() + ": " + ec.message();
    file_ = File();
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

bool Writer::decision(game::Seat seat, const game::Played& played, Clock::time_point at, std::uint32_t clockMs) {
  json line = {{"type", "decision"}, {"seat", static_cast<int>(seat)}, {"time", isoUtc(at)}, {"decision", played.notation}};
  if (timed_) line["clock"] = clockMs;
  return writeLine(dumpLine(line));
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
    if (const std::error_code ec = file_.close())
      error_ = "cannot close record " + path_.string() + ": " + ec.message();
  }
  return ok && error_.empty();
}

}  // namespace record
