// The server's operator log on stderr: one timestamped line per event
// (connection, match start and end, rejected move, protocol error), each
// with the peer address where there is one. Lines from different threads
// never interleave.
#pragma once

#include <string_view>

namespace server {

void logEvent(std::string_view peer, std::string_view what);

}  // namespace server
