// Private to game_net and the server's completion-port backends: the system
// socket headers and the few primitives that differ between POSIX sockets and
// Winsock. socket.cpp is written once against these; socket_posix.cpp and
// socket_win32.cpp implement them.
#pragma once

#ifdef _WIN32
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

#include <chrono>
#include <system_error>

#include "shared/net/socket.h"

namespace net::sys {

#ifdef _WIN32
using Length = int;
inline constexpr int kSendFlags = 0;
inline constexpr int kShutdownSend = SD_SEND;
inline constexpr int kShutdownBoth = SD_BOTH;
#else
using Length = socklen_t;
// A peer that vanished must be an error code, never a SIGPIPE.
inline constexpr int kSendFlags = MSG_NOSIGNAL;
inline constexpr int kShutdownSend = SHUT_WR;
inline constexpr int kShutdownBoth = SHUT_RDWR;
#endif

// An error code of the platform's calls: errno in std::system_category() on
// POSIX; on Windows, a Win32/Winsock code in a category that has the system's
// words for it and maps the common ones onto std::errc.
std::error_code makeError(int code);

// Starts the socket library once per process (WSAStartup; nothing on POSIX).
void startup();
void closeSocket(NativeSocket s);
// Options a listening socket needs so a port held by another listener fails
// with "address in use" (SO_EXCLUSIVEADDRUSE on Windows) while a port left in
// TIME_WAIT by our own previous run can be reused (SO_REUSEADDR on POSIX).
std::error_code prepareListener(NativeSocket s);
// Waits until `s` is readable (or writable). False on timeout or error.
bool waitFor(NativeSocket s, bool writable, std::chrono::milliseconds timeout, std::error_code& error);
// Whether the last error means "try again later" (EAGAIN, EINPROGRESS, WSAEWOULDBLOCK).
bool wouldBlock(const std::error_code& error);

}  // namespace net::sys
