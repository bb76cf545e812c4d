#include "tests/support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace servertest {

namespace {

// The next line from `fd`, `pending` holding what came after the last one.
std::optional<std::string> nextLine(int fd, std::string& pending, std::chrono::milliseconds timeout) {
  if (fd < 0) return std::nullopt;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (auto nl = pending.find('\n'); nl != std::string::npos) {
      std::string line = pending.substr(0, nl);
      pending.erase(0, nl + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();  // a Windows build's text-mode output
      return line;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
    char buffer[4096];
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) return std::nullopt;
    pending.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

std::vector<std::string> command(const std::string& program) {
  std::string variable = std::filesystem::path(program).filename().string();
  for (char& c : variable) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  variable += "_COMMAND";
  std::vector<std::string> words;
  if (const char* custom = std::getenv(variable.c_str()); custom && *custom) {
    std::istringstream in(custom);
    for (std::string word; in >> word;) words.push_back(word);
  } else {
    words.push_back(program);
  }
  return words;
}

Process::Process(const std::string& program, const std::vector<std::string>& args,
                 const std::filesystem::path& stderrFile) {
  const int err = ::open(stderrFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  start(program, args, err);
  if (err >= 0) ::close(err);
}

Process::Process(const std::string& program, const std::vector<std::string>& args, StderrPipe) {
  int errFds[2];
  if (::pipe(errFds) != 0) throw std::runtime_error("pipe failed");
  // Close-on-exec: a later child holding the read end would keep a reader
  // alive after closeErrors().
  ::fcntl(errFds[0], F_SETFD, FD_CLOEXEC);
  ::fcntl(errFds[1], F_SETFD, FD_CLOEXEC);
  err_ = errFds[0];
  start(program, args, errFds[1]);
  ::close(errFds[1]);
}

void Process::start(const std::string& program, const std::vector<std::string>& args, int childErr) {
  int pipeFds[2];
  if (::pipe(pipeFds) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> words = command(program);
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(pipeFds[1], 1);
    if (childErr >= 0) ::dup2(childErr, 2);
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(pipeFds[1]);
  out_ = pipeFds[0];
  if (pid_ < 0) throw std::runtime_error("fork failed");
}

Process::~Process() {
  stop();
  if (out_ >= 0) ::close(out_);
  closeErrors();
}

std::optional<std::string> Process::readLine(std::chrono::milliseconds timeout) {
  return nextLine(out_, pending_, timeout);
}

std::optional<std::string> Process::readErrorLine(std::chrono::milliseconds timeout) {
  return nextLine(err_, errPending_, timeout);
}

void Process::closeErrors() {
  if (err_ >= 0) ::close(err_);
  err_ = -1;
}

std::string Process::readAll(std::chrono::milliseconds timeout) {
  std::string all;
  while (auto line = readLine(timeout)) all += *line + "\n";
  all += pending_;
  pending_.clear();
  return all;
}

std::optional<int> Process::wait(std::chrono::milliseconds timeout) {
  if (status_) return status_;
  if (pid_ <= 0) return std::nullopt;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int raw = 0;
    pid_t r = ::waitpid(pid_, &raw, WNOHANG);
    if (r == pid_) {
      status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
      pid_ = -1;
      return status_;
    }
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

void Process::signal(int sig) {
  if (pid_ > 0) ::kill(pid_, sig);
}

int Process::stop(int signal, std::chrono::milliseconds grace) {
  if (pid_ > 0) {
    ::kill(pid_, signal);
    if (!wait(grace)) {
      ::kill(pid_, SIGKILL);
      wait(std::chrono::seconds(5));
    }
  }
  return status_.value_or(-1);
}

}  // namespace servertest
