#include "game_server/match/log.h"

#include <algorithm>
#include <utility>

#ifdef _WIN32
#include <windows.h>
#else
#include <cerrno>
#include <unistd.h>
#endif

#include "shared/record/time.h"

namespace server {
namespace {

// Writes `text` to stderr; the bytes written before an error (all of them
// when none). WriteFile, not the C runtime: its locks could be held by this
// thread when the process exits.
std::size_t writeOut(std::string_view text) {
  std::size_t sent = 0;
  while (sent < text.size()) {
#ifdef _WIN32
    DWORD n = 0;
    const auto chunk = static_cast<DWORD>(std::min<std::size_t>(text.size() - sent, 1 << 20));
    if (!WriteFile(GetStdHandle(STD_ERROR_HANDLE), text.data() + sent, chunk, &n, nullptr) || n == 0) break;
#else
    const ssize_t n = ::write(STDERR_FILENO, text.data() + sent, text.size() - sent);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
#endif
    sent += static_cast<std::size_t>(n);
  }
  return sent;
}

}  // namespace

Log& Log::instance() {
  static Log* const log = new Log;
  return *log;
}

Log::Log() {
  lines_.reserve(kLogQueueLines);
  writer_ = std::thread([this] { run(); });
}

void Log::add(std::string_view peer, std::string_view what) {
  std::string line = record::isoUtc(record::Clock::now());
  if (!peer.empty()) line.append(" ").append(peer);
  line.append(" ").append(what);
  if (line.size() > kLogLineBytes - 1) {
    std::size_t cut = kLogLineBytes - 1;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    line.resize(cut);
  }
  line.push_back('\n');
  {
    std::lock_guard lock(mutex_);
    if (lines_.size() == kLogQueueLines) {
      ++dropped_;
      ++droppedTotal_;
      return;
    }
    lines_.push_back(std::move(line));
    ++added_;
  }
  queued_.notify_one();
}

void Log::flush(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  const std::uint64_t target = added_;
  written_.wait_for(lock, timeout, [&] { return done_ >= target; });
}

void Log::run() {
  std::vector<std::string> batch;
  batch.reserve(kLogQueueLines);  // swapped with lines_: add() never reallocates
  std::string text;
  std::unique_lock lock(mutex_);
  for (;;) {
    queued_.wait(lock, [this] { return !lines_.empty(); });
    batch.swap(lines_);
    const std::uint64_t reported = std::exchange(dropped_, 0);
    const std::uint64_t total = droppedTotal_;
    lock.unlock();

    text.clear();
    if (reported > 0) {
      text.append(record::isoUtc(record::Clock::now()))
          .append(" log: ")
          .append(std::to_string(reported))
          .append(" lines dropped, ")
          .append(std::to_string(total))
          .append(" since the start\n");
    }
    const std::size_t reportBytes = text.size();
    for (const std::string& line : batch) text.append(line);
    const std::size_t sent = writeOut(text);
    // A failed write (the reader went away, or anything else) loses the
    // lines not wholly written; they are counted and the writer goes on, so
    // a reader that comes back gets the later lines.
    std::uint64_t lost = 0;
    if (sent < text.size()) {
      std::size_t end = reportBytes;
      for (const std::string& line : batch) {
        end += line.size();
        if (end > sent) ++lost;
      }
    }

    lock.lock();
    if (sent < reportBytes) dropped_ += reported;  // the report did not get through either: repeat it
    dropped_ += lost;
    droppedTotal_ += lost;
    done_ += batch.size();
    batch.clear();
    written_.notify_all();
  }
}

void logEvent(std::string_view peer, std::string_view what) { Log::instance().add(peer, what); }

void flushLog(std::chrono::milliseconds timeout) { Log::instance().flush(timeout); }

}  // namespace server
