// A child process we talk to in lines: its stdin and stdout are pipes to us,
// its stderr is ours (an engine's diagnostics land in the bot's log). The
// command is a shell-style command line: POSIX runs it as `/bin/sh -c
// COMMAND`, Windows hands it to CreateProcess, so arguments and quoting work.
//
// Ownership and threading: owned by one engine player and used from one
// thread. The destructor closes the child's stdin, gives it a moment to
// leave on its own, then kills it (POSIX: its whole process group, so a
// shell's children go too) and reaps it: no child outlives its owner.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace engine {

using Clock = std::chrono::steady_clock;

class ChildProcess {
 public:
  // Starts `command`; null with `error` set when it cannot be started. (A
  // command the shell cannot find starts and exits at once: the first read
  // reports that.)
  static std::unique_ptr<ChildProcess> start(const std::string& command, std::string& error);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Writes `text` (the caller adds the line end its protocol wants). False,
  // with `error` set, when the child no longer reads its input.
  bool write(std::string_view text, std::string& error);
  // The next line of the child's output without its line end (LF or CR LF);
  // nullopt, with `error` set, at `deadline` or when the output ends (the
  // error then says how the child exited, if it has).
  std::optional<std::string> readLine(Clock::time_point deadline, std::string& error);

 private:
  enum class Read { Data, TimedOut, Ended };
  ChildProcess() = default;
  // Appends what the child wrote to pending_, waiting until `deadline` at most.
  Read readSome(Clock::time_point deadline);
  // How the child ended ("exited with status 3"), after its output ended.
  std::string describeEnd();

#ifdef _WIN32
  void* process_ = nullptr;  // HANDLEs
  void* input_ = nullptr;    // our end of the child's stdin
  void* output_ = nullptr;   // our end of the child's stdout
#else
  int pid_ = -1;     // also the id of its process group
  int input_ = -1;   // our end of the child's stdin
  int output_ = -1;  // our end of the child's stdout
#endif
  std::string pending_;  // output read but not yet returned as lines
};

}  // namespace engine
