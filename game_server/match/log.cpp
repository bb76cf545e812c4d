#include "game_server/match/log.h"

#include <cstdio>
#include <mutex>
#include <string>

#include "record/time.h"

namespace server {

void logEvent(std::string_view peer, std::string_view what) {
  static std::mutex mutex;
  std::string line = record::isoUtc(record::Clock::now());
  if (!peer.empty()) line.append(" ").append(peer);
  line.append(" ").append(what).append("\n");
  std::lock_guard lock(mutex);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace server
