#include "game_server/status/counters.h"

#include <cassert>

namespace server {
namespace {

// Initialised with the program's statics, before main() runs.
const std::chrono::system_clock::time_point kProcessStart = std::chrono::system_clock::now();

}  // namespace

std::string_view refusalName(std::size_t reason) {
  assert(reason < kRefusalReasons);
  if (reason == kMoveRejected) return "move-rejected";
  return proto::name(static_cast<proto::ErrorCode>(reason));
}

void Counters::refused(proto::ErrorCode code) {
  const auto reason = static_cast<std::size_t>(code);
  assert(reason != kMoveRejected && reason < kRefusalReasons);
  refusals_[reason].add();
}

Counters& counters() {
  static Counters process;
  return process;
}

std::chrono::system_clock::time_point processStart() { return kProcessStart; }

}  // namespace server
