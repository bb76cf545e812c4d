#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "game_client/engine/child_process.h"

namespace engine {

namespace {

using namespace std::chrono_literals;

// How long a child that was told to stop (its stdin closed) may take to leave.
constexpr auto kGrace = 500ms;

std::string lastError(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

// The child's exit, peeked without reaping it (WNOWAIT), so its pid and
// process group stay reserved until the destructor kills and reaps them.
std::optional<siginfo_t> exited(pid_t pid) {
  siginfo_t info{};
  if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid == 0)
    return std::nullopt;
  return info;
}

std::optional<siginfo_t> exitedWithin(pid_t pid, std::chrono::milliseconds wait) {
  const auto deadline = Clock::now() + wait;
  for (;;) {
    if (auto info = exited(pid)) return info;
    if (Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(5ms);
  }
}

}  // namespace

std::unique_ptr<ChildProcess> ChildProcess::start(const std::string& command, std::string& error) {
  // Close-on-exec everywhere: the child gets only the two ends dup2'ed below.
  int in[2];
  int out[2];
  if (::pipe2(in, O_CLOEXEC) != 0) {
    error = lastError("pipe");
    return nullptr;
  }
  if (::pipe2(out, O_CLOEXEC) != 0) {
    error = lastError("pipe");
    ::close(in[0]);
    ::close(in[1]);
    return nullptr;
  }
  const pid_t pid = ::fork();
  if (pid == 0) {
    // Its own process group, so the destructor's kill reaches what the shell
    // starts; no inherited descriptors (the bot's socket among them), so the
    // server sees the bot leave even while an engine lingers.
    ::setpgid(0, 0);
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::closefrom(3);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  if (pid < 0) {
    error = lastError("fork");
    ::close(in[1]);
    ::close(out[0]);
    return nullptr;
  }
  ::setpgid(pid, pid);  // also here: whichever runs first, the group exists before any kill
  std::unique_ptr<ChildProcess> child(new ChildProcess);
  child->pid_ = pid;
  child->input_ = in[1];
  child->output_ = out[0];
  return child;
}

ChildProcess::~ChildProcess() {
  ::close(input_);  // end of input: well-behaved engines quit on it
  ::close(output_);
  exitedWithin(pid_, kGrace);
  ::kill(-pid_, SIGKILL);  // the group: the shell's children too, if any are left
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
}

bool ChildProcess::write(std::string_view text, std::string& error) {
  // A dead engine must be an error we report, not a SIGPIPE that kills the
  // bot: block the signal for this thread while writing, and take back the
  // one a broken pipe raises before unblocking.
  sigset_t pipeSignal;
  sigset_t old;
  sigemptyset(&pipeSignal);
  sigaddset(&pipeSignal, SIGPIPE);
  ::pthread_sigmask(SIG_BLOCK, &pipeSignal, &old);
  bool ok = true;
  while (!text.empty()) {
    const ssize_t n = ::write(input_, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ok = false;
      error = errno == EPIPE ? "the engine no longer reads its input (" + describeEnd() + ")" : lastError("write");
      if (errno == EPIPE) {
        const timespec now{};
        ::sigtimedwait(&pipeSignal, nullptr, &now);
      }
      break;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return ok;
}

ChildProcess::Read ChildProcess::readSome(Clock::time_point deadline) {
  for (;;) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (left <= 0ms) return Read::TimedOut;
    pollfd p{output_, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return Read::TimedOut;
    char buffer[4096];
    const ssize_t n = ready < 0 ? -1 : ::read(output_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Read::Ended;
    pending_.append(buffer, static_cast<std::size_t>(n));
    return Read::Data;
  }
}

std::string ChildProcess::describeEnd() {
  // The output can end a moment before the exit is visible.
  const std::optional<siginfo_t> info = exitedWithin(pid_, 200ms);
  if (!info) return "still running";
  if (info->si_code == CLD_EXITED) return "exited with status " + std::to_string(info->si_status);
  return "killed by signal " + std::to_string(info->si_status) + " (" + ::strsignal(info->si_status) + ")";
}

}  // namespace engine
