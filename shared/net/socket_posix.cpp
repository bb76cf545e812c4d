// POSIX half of the socket shim (Linux, macOS).
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <unistd.h>

#include <array>
#include <cassert>
#include <cerrno>

#include "shared/net/system.h"

namespace net {

Platform::Platform() = default;
Platform::~Platform() = default;

std::error_code lastError() { return sys::makeError(errno); }

std::error_code setNonBlocking(NativeSocket s, bool on) {
  int flags = ::fcntl(s, F_GETFL, 0);
  if (flags < 0) return lastError();
  flags = on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
  if (::fcntl(s, F_SETFL, flags) < 0) return lastError();
  return {};
}

SpareDescriptor::SpareDescriptor() { restore(); }

SpareDescriptor::~SpareDescriptor() { release(); }

void SpareDescriptor::release() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

bool SpareDescriptor::restore() {
  if (fd_ < 0) fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  return fd_ >= 0;
}

bool outOfDescriptors(const std::error_code& error) {
  return error.category() == std::system_category() && (error.value() == EMFILE || error.value() == ENFILE);
}

std::size_t descriptorLimit() {
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) != 0 || files.rlim_cur == RLIM_INFINITY) return 0;
  return static_cast<std::size_t>(files.rlim_cur);
}

std::size_t waitReadable(std::span<Watched> sockets, std::chrono::milliseconds timeout, std::error_code& error) {
  assert(sockets.size() <= kMaxWatched);
  error.clear();
  std::array<pollfd, kMaxWatched> polled{};
  for (std::size_t i = 0; i < sockets.size(); ++i) polled[i] = {sockets[i].socket, POLLIN, 0};
  const int n = ::poll(polled.data(), static_cast<nfds_t>(sockets.size()), static_cast<int>(timeout.count()));
  if (n < 0) {
    if (errno != EINTR) error = lastError();  // a signal (a stop request) only cuts the wait short
    return 0;
  }
  for (std::size_t i = 0; i < sockets.size(); ++i) sockets[i].ready = polled[i].revents != 0;
  return static_cast<std::size_t>(n);
}

namespace sys {

void startup() {}

std::error_code makeError(int code) { return {code, std::system_category()}; }

void closeSocket(NativeSocket s) { ::close(s); }

std::error_code prepareListener(NativeSocket s) {
  int one = 1;
  if (::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0) return lastError();
  return {};
}

bool waitFor(NativeSocket s, bool writable, std::chrono::milliseconds timeout, std::error_code& error) {
  pollfd p{s, static_cast<short>(writable ? POLLOUT : POLLIN), 0};
  for (;;) {
    int n = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (n > 0) return true;
    if (n == 0) {
      error = std::make_error_code(std::errc::timed_out);
      return false;
    }
    if (errno != EINTR) {
      error = lastError();
      return false;
    }
  }
}

bool wouldBlock(const std::error_code& error) {
  int e = error.value();
  return error.category() == std::system_category() &&
         (e == EAGAIN || e == EWOULDBLOCK || e == EINPROGRESS || e == EINTR);
}

}  // namespace sys
}  // namespace net
