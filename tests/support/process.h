// A child process for the integration tests: started with arguments, its
// stdout readable line by line, its stderr kept in a file for failure
// messages (or on a pipe the test reads, stalls or closes), and always ended
// by the destructor (SIGINT, then SIGKILL). POSIX only, like these tests.
//
// Another build's program can stand in for one of this build's: when the
// environment variable named after the program's file name, upper-cased,
// plus _COMMAND (GAME_SERVER_COMMAND for .../game_server) is set, its
// space-separated words start the process instead, e.g.
// "wine build-windows/bin/game_server.exe" to run these same tests against
// the Windows server.
#pragma once

#include <csignal>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace servertest {

// The words that start `program`: its <NAME>_COMMAND override, or the program
// itself. For a program started through another (the client through xvfb-run).
std::vector<std::string> command(const std::string& program);

// Puts the child's stderr on a pipe this side holds, instead of in a file.
struct StderrPipe {};

class Process {
 public:
  Process(const std::string& program, const std::vector<std::string>& args, const std::filesystem::path& stderrFile);
  Process(const std::string& program, const std::vector<std::string>& args, StderrPipe);
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  // The next line of stdout, without its newline (\n or \r\n); nullopt at end or timeout.
  std::optional<std::string> readLine(std::chrono::milliseconds timeout);
  // All stdout up to the end of the stream (bounded by `timeout`).
  std::string readAll(std::chrono::milliseconds timeout);
  // The next line of stderr (StderrPipe only), as readLine.
  std::optional<std::string> readErrorLine(std::chrono::milliseconds timeout);
  // Closes this end of the stderr pipe: the child's next write finds no reader.
  void closeErrors();
  // Waits for the exit; the exit status (128 + signal when killed), nullopt on timeout.
  std::optional<int> wait(std::chrono::milliseconds timeout);
  void signal(int sig);
  // `signal`, a bounded wait, then SIGKILL: the process is gone afterwards.
  // SIGINT by default: the one stop request both builds' servers receive
  // (under Wine it arrives as Ctrl-C; SIGTERM has no Windows counterpart).
  int stop(int signal = SIGINT, std::chrono::milliseconds grace = std::chrono::seconds(5));

 private:
  // Starts the child with `childErr` as its stderr.
  void start(const std::string& program, const std::vector<std::string>& args, int childErr);

  pid_t pid_ = -1;
  int out_ = -1;
  std::string pending_;
  int err_ = -1;  // the read end of the stderr pipe
  std::string errPending_;
  std::optional<int> status_;
};

}  // namespace servertest
