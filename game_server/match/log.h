// The server's operator log on stderr: one timestamped line per event
// (connection, match start and end, rejected move, protocol error), each
// with the peer address where there is one. Lines from different threads
// never interleave.
//
// Ownership: one Log for the process, made on first use and never destroyed:
// at exit its writer may still be blocked on a reader that stopped reading,
// so nothing it uses may go away under it (flushLog() is the orderly end).
// Threading: logEvent() from any thread, often under a match's lock, only
// queues the line under a short lock, no I/O; one writer thread writes
// batches to descriptor 2 outside every lock. So a reader that is slow,
// stalled or gone costs log lines, never a worker: a full queue drops the
// line, a failed write (EPIPE: SIGPIPE must be ignored) drops its batch, and
// the next write starts with "log: N lines dropped".
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace server {

// Lines waiting for the writer: about 400 KiB of typical lines (2 MiB at
// most), seconds of a busy server's log, before lines are dropped.
inline constexpr std::size_t kLogQueueLines = 4096;
// A longer line is cut to this many bytes, its newline included.
inline constexpr std::size_t kLogLineBytes = 512;

class Log {
 public:
  static Log& instance();

  // Queues the line, or counts it as dropped when the queue is full.
  void add(std::string_view peer, std::string_view what);
  // Waits until every line queued before the call is written (or dropped by
  // a failed write), at most `timeout`.
  void flush(std::chrono::milliseconds timeout);

 private:
  Log();
  ~Log() = delete;  // see Ownership above

  void run();

  std::mutex mutex_;
  std::condition_variable queued_;
  std::condition_variable written_;
  std::vector<std::string> lines_;  // capacity kLogQueueLines, reserved once
  std::uint64_t added_ = 0;         // lines queued since the start
  std::uint64_t done_ = 0;          // of those, written or dropped by a failed write
  std::uint64_t dropped_ = 0;       // since the last "lines dropped" line
  std::uint64_t droppedTotal_ = 0;  // since the start
  std::thread writer_;
};

// ISO UTC time, the peer if there is one, `what`: one line on stderr.
void logEvent(std::string_view peer, std::string_view what);
// Log::flush of the process's log: at exit, so its last lines are not lost.
void flushLog(std::chrono::milliseconds timeout);

}  // namespace server
