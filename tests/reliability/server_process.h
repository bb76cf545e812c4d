// A game_server for the fault tests: unlike the server tests' Server, it is
// given its record directory (so a second server can reuse it after the
// first died) and can be killed outright.
#pragma once

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/harness.h"

namespace servertest {

class KillableServer {
 public:
  // `port` 0: any free port; a restarted server takes its predecessor's.
  // `extra`: more options, e.g. {"--resume-grace", "1"}.
  KillableServer(const std::string& game, const std::filesystem::path& recordDir, const std::filesystem::path& logFile,
                 std::vector<std::string> extra = {}, std::uint16_t port = 0)
      : logFile_(logFile),
        process_(GAME_SERVER_PATH, arguments(game, recordDir, std::move(extra), port), logFile) {
    const std::string prefix = "listening on ";
    const std::optional<std::string> first = process_.readLine(10s);
    if (!first || first->rfind(prefix, 0) != 0) {
      ADD_FAILURE() << "the server did not report its port; its log:\n" << log();
      return;
    }
    port_ = static_cast<std::uint16_t>(std::stoi(first->substr(prefix.size())));
  }

  std::uint16_t port() const { return port_; }

  // SIGKILL: no handler runs, nothing is flushed or finished.
  void kill() {
    process_.signal(SIGKILL);
    EXPECT_EQ(process_.wait(5s), 128 + SIGKILL);
  }
  // A stop request (SIGINT unless told; SIGTERM has no Windows counterpart).
  int stop(int signal = SIGINT) { return process_.stop(signal); }
  // The same request without waiting for the exit, and the wait for it.
  void signal(int signal) { process_.signal(signal); }
  std::optional<int> wait(std::chrono::milliseconds timeout) { return process_.wait(timeout); }

  bool logShows(std::string_view text, std::chrono::milliseconds timeout = 2s) const {
    return showsWithin([this] { return log(); }, text, timeout);
  }

  std::string log() const {
    std::ifstream in(logFile_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  static std::vector<std::string> arguments(const std::string& game, const std::filesystem::path& recordDir,
                                            std::vector<std::string> extra, std::uint16_t port) {
    std::vector<std::string> args{"--game",    game, "--host",    "127.0.0.1",       "--port", std::to_string(port),
                                  "--threads", "2",  "--log-dir", recordDir.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }

  std::filesystem::path logFile_;
  Process process_;
  std::uint16_t port_ = 0;
};

// Every record (.jsonl file) in `dir`, sorted.
inline std::vector<std::filesystem::path> recordsIn(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> all;
  std::error_code ignored;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ignored))
    if (entry.is_regular_file() && entry.path().extension() == ".jsonl") all.push_back(entry.path());
  std::sort(all.begin(), all.end());
  return all;
}

inline std::string contentsOf(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace servertest
