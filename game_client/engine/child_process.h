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
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace engine {

using Clock = std::chrono::steady_clock;

class ChildProcess {
 public:
  // The longest line readLine returns. Far above any line of either
  // protocol (a UCI info line with a long PV is a few KB), it bounds what a
  // child writing an endless line makes us hold: this and one read more.
  static constexpr std::size_t kMaxLine = 64 * 1024;

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
  // The next non-empty line of the child's output, without its line end (CR,
  // LF, or any run of them: CR LF, CR CR LF); nullopt, with `error` set, at
  // `deadline`, when the output ends (the error then says how the child
  // exited, if it has) or at a line longer than kMaxLine (and so at every
  // later call: the output is no protocol's any more).
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
