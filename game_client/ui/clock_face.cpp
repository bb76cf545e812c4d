#include "game_client/ui/clock_face.h"

#include <algorithm>
#include <cstdio>

namespace client {

std::string clockFace(std::chrono::milliseconds left) {
  const long long ms = std::max<long long>(0, left.count());
  if (ms == 0) return "0:00";
  char text[32];
  const long long seconds = ms / 1000;
  if (left < kLowTime) std::snprintf(text, sizeof text, "0:%02lld.%lld", seconds, ms % 1000 / 100);
  else if (seconds < 3600) std::snprintf(text, sizeof text, "%lld:%02lld", seconds / 60, seconds % 60);
  else std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return text;
}

}  // namespace client
