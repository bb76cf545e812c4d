// The server's counters for its metrics (game_server --http): moves
// accepted and refusals by reason, counted where they happen and summed by
// nobody until a scrape reads them.
//
// Ownership: one per process (counters()), like the operator log: every
// match and session counts into it without being handed it.
// Threading: any thread. Each count is a relaxed atomic increment on a
// cache line of its own, so the move path takes no lock and workers that
// count at once do not share a line; a reader sees each count exact, though
// not all of them at one instant, which Prometheus does not ask for.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string_view>

#include "shared/protocol/packets.h"

namespace server {

// What a refusal is counted as: the protocol's error code the client was
// told (slots 1..kLastErrorCode), or a move the rules refused (slot 0, which
// no error code uses).
inline constexpr std::size_t kMoveRejected = 0;
inline constexpr std::size_t kRefusalReasons = proto::kLastErrorCode + 1;
// The label value of refusal slot `reason`: "move-rejected" or the error's wire name ("rate-limited").
std::string_view refusalName(std::size_t reason);

class Counters {
 public:
  void moveAccepted() { movesAccepted_.add(); }
  void moveRejected() { refusals_[kMoveRejected].add(); }
  void refused(proto::ErrorCode code);

  std::uint64_t movesAccepted() const { return movesAccepted_.read(); }
  std::uint64_t refusals(std::size_t reason) const { return refusals_.at(reason).read(); }

 private:
  struct alignas(64) Count {
    std::atomic<std::uint64_t> value{0};
    void add() { value.fetch_add(1, std::memory_order_relaxed); }
    std::uint64_t read() const { return value.load(std::memory_order_relaxed); }
  };

  Count movesAccepted_;
  std::array<Count, kRefusalReasons> refusals_;
};

Counters& counters();
// When the process started: taken as the program is loaded, before main().
std::chrono::system_clock::time_point processStart();

}  // namespace server
