// The platform-neutral half of the socket shim, written once against the BSD
// calls POSIX and Winsock share and the primitives of net/system.h.
#include <cstring>
#include <memory>
#include <string>

#include "shared/net/system.h"

namespace net {
namespace {

// getaddrinfo has its own error space (EAI_*); its text names the problem.
class ResolverCategory : public std::error_category {
 public:
  const char* name() const noexcept override { return "resolver"; }
  std::string message(int code) const override { return ::gai_strerror(code); }
};

const std::error_category& resolverCategory() {
  static const ResolverCategory category;
  return category;
}

struct AddrInfoDeleter {
  void operator()(addrinfo* a) const { ::freeaddrinfo(a); }
};
using AddrInfoList = std::unique_ptr<addrinfo, AddrInfoDeleter>;

// Resolves host:port for TCP. `passive` resolves an empty host to "any".
AddrInfoList resolve(std::string_view host, std::uint16_t port, bool passive, std::error_code& error) {
  // Every socket is made from a resolved address, so this is the one place
  // that has to make sure the socket library is up.
  sys::startup();
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_protocol = IPPROTO_TCP;
  hints.ai_flags = passive ? AI_PASSIVE : 0;
  std::string h(host);
  std::string service = std::to_string(port);
  if (passive && h.empty()) hints.ai_family = AF_INET;
  addrinfo* found = nullptr;
  int rc = ::getaddrinfo(h.empty() ? nullptr : h.c_str(), service.c_str(), &hints, &found);
  if (rc != 0) {
    error = {rc, resolverCategory()};
    return nullptr;
  }
  return AddrInfoList(found);
}

std::uint16_t boundPort(NativeSocket s) {
  sockaddr_storage addr{};
  sys::Length len = sizeof addr;
  if (::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return 0;
  if (addr.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
  return 0;
}

// One connect attempt to one resolved address, bounded by `timeout`.
Socket connectOne(const addrinfo& a, std::chrono::milliseconds timeout, std::error_code& error) {
  Socket s(::socket(a.ai_family, a.ai_socktype, a.ai_protocol));
  if (!s) {
    error = lastError();
    return {};
  }
  if ((error = setNonBlocking(s.native(), true))) return {};
  if (::connect(s.native(), a.ai_addr, static_cast<sys::Length>(a.ai_addrlen)) != 0) {
    std::error_code e = lastError();
    if (!sys::wouldBlock(e)) {
      error = e;
      return {};
    }
    if (!sys::waitFor(s.native(), true, timeout, error)) return {};
    int soError = 0;
    sys::Length len = sizeof soError;
    ::getsockopt(s.native(), SOL_SOCKET, SO_ERROR, reinterpret_cast<char*>(&soError), &len);
    if (soError != 0) {
      error = sys::makeError(soError);
      return {};
    }
  }
  if ((error = setNonBlocking(s.native(), false))) return {};
  if ((error = setNoDelay(s.native(), true))) return {};
  return s;
}

}  // namespace

void Socket::close() {
  if (s_ != kInvalidSocket) sys::closeSocket(s_);
  s_ = kInvalidSocket;
}

std::string errorText(const std::error_code& error) { return error.message(); }

std::error_code setNoDelay(NativeSocket s, bool on) {
  int v = on ? 1 : 0;
  if (::setsockopt(s, IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&v), sizeof v) != 0)
    return lastError();
  return {};
}

std::error_code setAbortiveClose(NativeSocket s) {
  linger l{};
  l.l_onoff = 1;
  l.l_linger = 0;
  if (::setsockopt(s, SOL_SOCKET, SO_LINGER, reinterpret_cast<const char*>(&l), sizeof l) != 0)
    return lastError();
  return {};
}

std::error_code shutdownSend(NativeSocket s) {
  if (::shutdown(s, sys::kShutdownSend) != 0) return lastError();
  return {};
}

std::error_code shutdownBoth(NativeSocket s) {
  if (::shutdown(s, sys::kShutdownBoth) != 0) return lastError();
  return {};
}

Listener listenTcp(std::string_view host, std::uint16_t port, std::error_code& error) {
  error.clear();
  AddrInfoList list = resolve(host, port, true, error);
  if (!list) return {};
  const addrinfo& a = *list;
  Socket s(::socket(a.ai_family, a.ai_socktype, a.ai_protocol));
  if (!s) {
    error = lastError();
    return {};
  }
  if ((error = sys::prepareListener(s.native()))) return {};
  if (::bind(s.native(), a.ai_addr, static_cast<sys::Length>(a.ai_addrlen)) != 0 ||
      ::listen(s.native(), SOMAXCONN) != 0) {
    error = lastError();
    return {};
  }
  std::uint16_t bound = boundPort(s.native());
  return Listener{std::move(s), bound};
}

Socket connectTcp(std::string_view host, std::uint16_t port, std::chrono::milliseconds timeout,
                  std::error_code& error) {
  error.clear();
  AddrInfoList list = resolve(host, port, false, error);
  if (!list) return {};
  for (const addrinfo* a = list.get(); a; a = a->ai_next) {
    error.clear();
    Socket s = connectOne(*a, timeout, error);
    if (s) return s;
  }
  return {};
}

Socket acceptConnection(NativeSocket listener, std::error_code& error) {
  error.clear();
  Socket s(::accept(listener, nullptr, nullptr));
  if (!s) error = lastError();
  return s;
}

std::error_code sendAll(NativeSocket s, std::span<const std::byte> data) {
  while (!data.empty()) {
    auto n = ::send(s, reinterpret_cast<const char*>(data.data()), static_cast<int>(data.size()), sys::kSendFlags);
    if (n < 0) {
      std::error_code e = lastError();
      if (sys::wouldBlock(e)) continue;
      return e;
    }
    data = data.subspan(static_cast<std::size_t>(n));
  }
  return {};
}

std::size_t receiveSome(NativeSocket s, std::span<std::byte> buffer, std::chrono::milliseconds timeout,
                        std::error_code& error) {
  error.clear();
  for (;;) {
    if (!sys::waitFor(s, false, timeout, error)) return 0;
    auto n = ::recv(s, reinterpret_cast<char*>(buffer.data()), static_cast<int>(buffer.size()), 0);
    if (n >= 0) return static_cast<std::size_t>(n);
    std::error_code e = lastError();
    if (!sys::wouldBlock(e)) {
      error = e;
      return 0;
    }
  }
}

std::string peerAddress(NativeSocket s) {
  sockaddr_storage addr{};
  sys::Length len = sizeof addr;
  if (::getpeername(s, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return {};
  char host[NI_MAXHOST] = {};
  char service[NI_MAXSERV] = {};
  if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, service, sizeof service,
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0)
    return {};
  std::string text;
  if (addr.ss_family == AF_INET6) {
    text.append("[").append(host).append("]");
  } else {
    text.append(host);
  }
  return text.append(":").append(service);
}

std::string addressGroup(std::string_view peerAddress) {
  std::string host(peerAddress.substr(0, peerAddress.rfind(':')));
  if (host.size() < 2 || host.front() != '[' || host.back() != ']') return host;
  host = host.substr(1, host.size() - 2);
  in6_addr address{};
  if (::inet_pton(AF_INET6, host.c_str(), &address) != 1) return host;
  constexpr unsigned char kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  char text[INET6_ADDRSTRLEN] = {};
  if (std::memcmp(address.s6_addr, kMappedPrefix, sizeof kMappedPrefix) == 0) {
    ::inet_ntop(AF_INET, address.s6_addr + 12, text, sizeof text);
    return text;
  }
  std::memset(address.s6_addr + 8, 0, 8);
  ::inet_ntop(AF_INET6, &address, text, sizeof text);
  return "[" + std::string(text) + "]/64";
}

void closeWithLastWords(Socket socket, std::span<const std::byte> lastWords) {
  setNonBlocking(socket.native(), true);
  std::byte unread[512];
  for (int i = 0; i < 16; ++i) {  // bounded: a peer that keeps sending is not waited for
    auto n = ::recv(socket.native(), reinterpret_cast<char*>(unread), sizeof unread, 0);
    if (n <= 0) break;
  }
  // A fresh connection's send buffer takes a packet at once; what it does not take is lost.
  [[maybe_unused]] auto sent = ::send(socket.native(), reinterpret_cast<const char*>(lastWords.data()),
                                      static_cast<int>(lastWords.size()), sys::kSendFlags);
  shutdownSend(socket.native());
}

}  // namespace net
