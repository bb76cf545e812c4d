#include "game_server/status/http.h"

#include <algorithm>
#include <cassert>

namespace server::http {
namespace {

// RFC 9110 5.6.2: the characters of a token (a method, a header's name).
bool isTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool isToken(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), isTokenChar); }

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x) == (y >= 'A' && y <= 'Z' ? y - 'A' + 'a' : y);
         });
}

// The next line of `rest` without its CR LF (or LF), taken off `rest`.
std::string_view takeLine(std::string_view& rest) {
  const std::size_t lf = rest.find('\n');
  assert(lf != std::string_view::npos && "a whole head ends in an empty line");
  std::string_view line = rest.substr(0, lf);
  rest.remove_prefix(lf + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string_view reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 503: return "Service Unavailable";
  }
  assert(false && "a status the endpoint does not send");
  return "Unknown";
}

}  // namespace

std::size_t headEnd(std::string_view received) {
  const std::size_t crlf = received.find("\r\n\r\n");
  const std::size_t lf = received.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return 0;
  return crlf < lf ? crlf + 4 : lf + 2;
}

bool mayBeHead(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b >= 0x20 && b < 0x7f) || c == '\r' || c == '\n' || c == '\t';
  });
}

std::variant<Request, std::string> parseHead(std::string_view head) {
  if (head.size() > kMaxHead) return "the request head is longer than " + std::to_string(kMaxHead) + " bytes";
  if (!mayBeHead(head)) return std::string("the request holds bytes that are not text");
  for (std::size_t cr = head.find('\r'); cr != std::string_view::npos; cr = head.find('\r', cr + 1))
    if (cr + 1 == head.size() || head[cr + 1] != '\n') return std::string("the request holds a bare CR");
  std::string_view rest = head;
  const std::string_view line = takeLine(rest);
  const std::size_t first = line.find(' ');
  const std::size_t second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (second == std::string_view::npos || line.find(' ', second + 1) != std::string_view::npos)
    return std::string("the request line is not METHOD TARGET HTTP/1.1");
  Request request{line.substr(0, first), line.substr(first + 1, second - first - 1)};
  const std::string_view version = line.substr(second + 1);
  if (!isToken(request.method)) return std::string("the method is not a token");
  if (request.path.empty() || request.path.front() != '/')
    return std::string("the target is not a path starting with /");
  if (version != "HTTP/1.1" && version != "HTTP/1.0") return std::string("the version is not HTTP/1.1 or HTTP/1.0");
  request.path = request.path.substr(0, request.path.find('?'));
  bool host = false;
  for (std::string_view field = takeLine(rest); !field.empty(); field = takeLine(rest)) {
    const std::size_t colon = field.find(':');
    // A name that is no token also refuses obsolete line folding (a line starting with a space).
    if (colon == std::string_view::npos || !isToken(field.substr(0, colon)))
      return std::string("a header line is not NAME: VALUE");
    host = host || equalsIgnoringCase(field.substr(0, colon), "host");
  }
  // RFC 9112 3.2: a server must refuse an HTTP/1.1 request without a Host.
  if (version == "HTTP/1.1" && !host) return std::string("an HTTP/1.1 request needs a Host header");
  return request;
}

std::string response(int status, std::string_view body, std::string_view contentType, bool withBody) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason(status)) + "\r\n";
  out.append("Content-Type: ").append(contentType).append("\r\n");
  out.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  if (status == 405) out.append("Allow: GET, HEAD\r\n");
  out.append("Cache-Control: no-store\r\nConnection: close\r\n\r\n");
  if (withBody) out.append(body);
  return out;
}

}  // namespace server::http
