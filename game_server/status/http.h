// The little of HTTP/1.1 (and 1.0) the status endpoint speaks: one request
// head read and judged, one response that closes the connection. No body is
// read, nothing is kept alive, nothing is chunked.
//
// Plain functions of their arguments, no I/O.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace server::http {

// The longest request head taken; a longer one is refused (400).
inline constexpr std::size_t kMaxHead = 4 * 1024;

inline constexpr std::string_view kPlainText = "text/plain; charset=utf-8";
inline constexpr std::string_view kPrometheusText = "text/plain; version=0.0.4; charset=utf-8";

struct Request {
  std::string_view method;  // "GET"
  std::string_view path;    // "/metrics": the target without its query
};

// The size of the head at the start of `received`, up to and including its
// empty line (CR LF, or a bare LF); 0 while it has not ended.
std::size_t headEnd(std::string_view received);
// Whether `bytes` may be part of a request head: false at the first byte no
// head holds (a control character other than CR, LF and tab, or a byte past
// ASCII), so junk is refused as it arrives rather than after 4 KiB.
bool mayBeHead(std::string_view bytes);
// The request of a whole head (as headEnd() measured it), or why it is malformed.
std::variant<Request, std::string> parseHead(std::string_view head);

// A whole response with Content-Length and Connection: close; without its
// body for HEAD (`withBody` false). A 405 says which methods are allowed.
std::string response(int status, std::string_view body, std::string_view contentType = kPlainText,
                     bool withBody = true);

}  // namespace server::http
