// The server's address as a person types it on the start screen: "host",
// "host:port", "[v6 address]:port" or a bare v6 address ("::1"), the port
// 9000 when it is left out.
// A pure function, no sockets: whether the host resolves is the link's
// business.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace client {

struct ServerAddress {
  static constexpr unsigned short kDefaultPort = 9000;

  std::string host;
  unsigned short port = kDefaultPort;
};

// Surrounding blanks are ignored. Nullopt, with why in `error` (words for
// the screen), for an empty host, a port that is not a number from 1 to
// 65535, or an unclosed '['.
std::optional<ServerAddress> parseServerAddress(std::string_view text, std::string& error);

// "host:port", "[v6 address]:port": what parseServerAddress reads back.
std::string formatServerAddress(const ServerAddress& address);

}  // namespace client
