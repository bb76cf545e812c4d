// A healthy match beside an attack: it plays a move now and then, and every
// move's round trip (the mover sends, both players hear of it) must stay
// prompt. The worst round trip is printed, for docs/RELIABILITY.md.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <string>

#include "tests/support/harness.h"

namespace servertest {

// Prompt: well under what a person notices; a stalled server takes seconds.
// Sanitizer runtimes slow everything several times over.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr auto kPrompt = 1000ms;
#else
constexpr auto kPrompt = 100ms;
#endif

// A four-byte header announcing `size` bytes of `type`.
inline std::array<std::uint8_t, 4> header(std::uint16_t size, proto::Type type) {
  const auto t = static_cast<std::uint16_t>(type);
  return {static_cast<std::uint8_t>(size), static_cast<std::uint8_t>(size >> 8), static_cast<std::uint8_t>(t),
          static_cast<std::uint8_t>(t >> 8)};
}

class Beside {
 public:
  using Clock = std::chrono::steady_clock;

  // Omok 15x15 or chess, as `server` hosts.
  explicit Beside(const Server& server, game::Kind kind = game::Kind::Omok)
      : kind_(kind), pair_(server.port(), kind, "beside-1", "beside-2") {}
  ~Beside() {
    std::printf("[ beside   ] %d moves, worst round trip %.2f ms\n", moves_,
                std::chrono::duration<double, std::milli>(worst_).count());
  }

  std::uint32_t matchId() const { return pair_.welcome1.matchId; }
  Clock::duration worst() const { return worst_; }

  // The next move, by the side to move; a failed expectation unless both
  // players hear of it within kPrompt.
  void move() {
    RawClient& mover = moves_ % 2 == 0 ? pair_.player1 : pair_.player2;
    const auto [from, to] = next();
    const auto start = Clock::now();
    mover.move(from, to);
    const proto::MoveAccepted a = accepted(pair_.player1);
    const proto::MoveAccepted b = accepted(pair_.player2);
    const auto took = Clock::now() - start;
    ++moves_;
    EXPECT_EQ(+a.ply, moves_);
    EXPECT_EQ(+b.ply, moves_);
    worst_ = std::max(worst_, took);
    EXPECT_LT(took, kPrompt) << "move " << moves_ << " beside the attack took "
                             << std::chrono::duration<double, std::milli>(took).count() << " ms";
  }

 private:
  // The next move-accepted; spectators coming and going are passed over.
  static proto::MoveAccepted accepted(RawClient& player) {
    for (;;) {
      std::optional<proto::Packet> p = player.receive();
      if (p && std::holds_alternative<proto::Spectators>(*p)) continue;
      if (p && std::holds_alternative<proto::MoveAccepted>(*p)) return std::get<proto::MoveAccepted>(*p);
      ADD_FAILURE() << "expected move-accepted, got " << (p ? RawClient::describe(*p) : "nothing");
      return {};
    }
  }
  std::pair<std::uint16_t, std::uint16_t> next() const {
    if (kind_ == game::Kind::Chess) {
      // The knights out and back (g1-f3, g8-f6, f3-g1, f6-g8): legal for
      // ever, until the fifth repetition ends the game at move 16.
      constexpr std::pair<std::uint16_t, std::uint16_t> kKnights[] = {{6, 21}, {62, 45}, {21, 6}, {45, 62}};
      return kKnights[moves_ % 4];
    }
    // Points three apart on a 5x5 grid: no two stones ever touch, so no
    // line forms and no move is forbidden under any rule.
    const int i = moves_ % 25;
    return {0, static_cast<std::uint16_t>((i / 5) * 3 * 15 + (i % 5) * 3)};
  }

  game::Kind kind_;
  Pair pair_;
  int moves_ = 0;
  Clock::duration worst_{};
};

}  // namespace servertest
