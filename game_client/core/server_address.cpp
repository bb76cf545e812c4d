#include "game_client/core/server_address.h"

#include <charconv>

namespace client {

namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool readPort(std::string_view digits, unsigned short& port) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || value == 0 || value > 65535) return false;
  port = static_cast<unsigned short>(value);
  return true;
}

}  // namespace

std::optional<ServerAddress> parseServerAddress(std::string_view text, std::string& error) {
  text = trimmed(text);
  ServerAddress out;
  std::string_view host = text;
  std::optional<std::string_view> port;
  if (text.starts_with('[')) {
    const auto close = text.find(']');
    if (close == std::string_view::npos) {
      error = "the address '" + std::string(text) + "' has no ']' after its '['";
      return std::nullopt;
    }
    host = text.substr(1, close - 1);
    const std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (!rest.starts_with(':')) {
        error = "after ']' the address '" + std::string(text) + "' wants ':port'";
        return std::nullopt;
      }
      port = rest.substr(1);
    }
  } else if (const auto colon = text.find(':'); colon != std::string_view::npos && text.find(':', colon + 1) ==
                                                                                        std::string_view::npos) {
    // One colon separates the port; more are a bare v6 address.
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  if (host.empty()) {
    error = text.empty() ? "type the server's address (host or host:port)"
                         : "the address '" + std::string(text) + "' names no host";
    return std::nullopt;
  }
  if (port && !readPort(*port, out.port)) {
    error = "the port in '" + std::string(text) + "' is not a number from 1 to 65535";
    return std::nullopt;
  }
  out.host = std::string(host);
  return out;
}

std::string formatServerAddress(const ServerAddress& address) {
  const bool v6 = address.host.find(':') != std::string::npos;
  return (v6 ? "[" + address.host + "]" : address.host) + ":" + std::to_string(address.port);
}

}  // namespace client
