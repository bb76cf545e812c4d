// Winsock half of the socket shim.
#include <array>
#include <cassert>
#include <string>

#include "shared/net/system.h"

namespace net {

Platform::Platform() {
  WSADATA data;
  ::WSAStartup(MAKEWORD(2, 2), &data);
}
Platform::~Platform() { ::WSACleanup(); }

std::error_code lastError() { return sys::makeError(::WSAGetLastError()); }

std::error_code setNonBlocking(NativeSocket s, bool on) {
  u_long mode = on ? 1 : 0;
  if (::ioctlsocket(s, FIONBIO, &mode) != 0) return lastError();
  return {};
}

// Sockets are not descriptors bounded by a per-process limit here.
SpareDescriptor::SpareDescriptor() = default;
SpareDescriptor::~SpareDescriptor() = default;
void SpareDescriptor::release() {}
bool SpareDescriptor::restore() { return true; }
bool outOfDescriptors(const std::error_code&) { return false; }
std::size_t descriptorLimit() { return 0; }

std::size_t waitReadable(std::span<Watched> sockets, std::chrono::milliseconds timeout, std::error_code& error) {
  assert(sockets.size() <= kMaxWatched);
  error.clear();
  std::array<WSAPOLLFD, kMaxWatched> polled{};
  for (std::size_t i = 0; i < sockets.size(); ++i) {
    polled[i].fd = sockets[i].socket;
    polled[i].events = POLLRDNORM;
  }
  const int n = ::WSAPoll(polled.data(), static_cast<ULONG>(sockets.size()), static_cast<INT>(timeout.count()));
  if (n < 0) {
    error = lastError();
    return 0;
  }
  for (std::size_t i = 0; i < sockets.size(); ++i) sockets[i].ready = polled[i].revents != 0;
  return static_cast<std::size_t>(n);
}

namespace sys {
namespace {

// The Winsock codes the project meets, with the portable condition each one
// is and words for it where the system has none (Wine has no text for most
// WSA* codes, and mingw's C runtime none for the POSIX network errnos).
struct Known {
  int code;
  std::errc condition;
  const char* text;
};
constexpr Known kKnown[] = {
    {WSAEADDRINUSE, std::errc::address_in_use, "Address already in use"},
    {WSAEADDRNOTAVAIL, std::errc::address_not_available, "Cannot assign requested address"},
    {WSAECONNREFUSED, std::errc::connection_refused, "Connection refused"},
    {WSAECONNRESET, std::errc::connection_reset, "Connection reset by peer"},
    {WSAECONNABORTED, std::errc::connection_aborted, "Software caused connection abort"},
    {WSAENOTCONN, std::errc::not_connected, "Transport endpoint is not connected"},
    {WSAESHUTDOWN, std::errc::broken_pipe, "Cannot send after transport endpoint shutdown"},
    {WSAETIMEDOUT, std::errc::timed_out, "Connection timed out"},
    {WSAEWOULDBLOCK, std::errc::operation_would_block, "Resource temporarily unavailable"},
    {WSAEINPROGRESS, std::errc::operation_in_progress, "Operation now in progress"},
    {WSAENETUNREACH, std::errc::network_unreachable, "Network is unreachable"},
    {WSAEHOSTUNREACH, std::errc::host_unreachable, "No route to host"},
    {WSAENOBUFS, std::errc::no_buffer_space, "No buffer space available"},
    {WSAEMFILE, std::errc::too_many_files_open, "Too many open files"},
    {WSAEINVAL, std::errc::invalid_argument, "Invalid argument"},
    {WSAEACCES, std::errc::permission_denied, "Permission denied"},
    {WSAEINTR, std::errc::interrupted, "Interrupted system call"},
    {WSA_OPERATION_ABORTED, std::errc::operation_canceled, "Operation canceled"},  // = ERROR_OPERATION_ABORTED
};

const Known* known(int code) {
  for (const Known& k : kKnown)
    if (k.code == code) return &k;
  return nullptr;
}

// Win32 and Winsock codes share one number space. The category gives them
// the system's own words and maps the common ones onto std::errc, so callers
// compare against portable conditions (mingw's std::system_category does
// neither for WSA* codes).
class WindowsCategory final : public std::error_category {
 public:
  const char* name() const noexcept override { return "windows"; }

  std::string message(int code) const override {
    char* text = nullptr;
    const DWORD n = ::FormatMessageA(
        FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
        static_cast<DWORD>(code), MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), reinterpret_cast<char*>(&text), 0,
        nullptr);
    std::string result;
    if (n > 0) {
      result.assign(text, n);
    } else if (const Known* k = known(code)) {
      result = k->text;
    } else {
      result = "Windows error " + std::to_string(code);
    }
    if (text) ::LocalFree(text);
    while (!result.empty() && (result.back() == '\n' || result.back() == '\r' || result.back() == '.'))
      result.pop_back();
    return result;
  }

  std::error_condition default_error_condition(int code) const noexcept override {
    if (const Known* k = known(code)) return k->condition;
    return {code, *this};
  }
};

}  // namespace

std::error_code makeError(int code) {
  static const WindowsCategory category;
  return {code, category};
}

void startup() {
  // Never cleaned up: Winsock goes with the process, after every socket.
  static const bool started = [] {
    WSADATA data;
    return ::WSAStartup(MAKEWORD(2, 2), &data) == 0;
  }();
  (void)started;
}

void closeSocket(NativeSocket s) { ::closesocket(s); }

std::error_code prepareListener(NativeSocket s) {
  // SO_REUSEADDR on Windows would let another process steal the port.
  BOOL on = TRUE;
  if (::setsockopt(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&on), sizeof on) != 0)
    return lastError();
  return {};
}

bool waitFor(NativeSocket s, bool writable, std::chrono::milliseconds timeout, std::error_code& error) {
  WSAPOLLFD p{};
  p.fd = s;
  p.events = writable ? POLLWRNORM : POLLRDNORM;
  int n = ::WSAPoll(&p, 1, static_cast<INT>(timeout.count()));
  if (n > 0) return true;
  error = n == 0 ? std::make_error_code(std::errc::timed_out) : lastError();
  return false;
}

bool wouldBlock(const std::error_code& error) {
  return error == std::errc::operation_would_block || error == std::errc::operation_in_progress;
}

}  // namespace sys
}  // namespace net
