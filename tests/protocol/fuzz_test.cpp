// Hostile input: random and mutated byte streams never crash the framer, and
// whatever it accepts is exactly what was sent.
#include <gtest/gtest.h>

#include <random>

#include "shared/protocol/framer.h"
#include "tests/protocol/samples.h"

namespace proto {
namespace {

// Frames `stream` in random chunk sizes; checks each packet handed out
// re-encodes to the very bytes it came from. Returns whether the stream ended
// in an error.
bool frameChecked(const std::vector<std::uint8_t>& stream, std::mt19937& rng) {
  Framer framer;
  std::size_t at = 0, framedUpTo = 0;
  while (at < stream.size()) {
    const std::size_t chunk = std::uniform_int_distribution<std::size_t>(1, 200)(rng);
    const auto n = framer.feed(std::span(stream).subspan(at, std::min(chunk, stream.size() - at)));
    if (n == 0) return true;  // only after an error
    at += n;
    for (;;) {
      auto r = framer.next(test::omokContext());
      if (std::holds_alternative<ProtocolError>(r)) return true;
      if (std::holds_alternative<NeedMore>(r)) break;
      const auto& parsed = std::get<Parsed>(r);
      const auto bytes = test::bytesOf(parsed.packet);
      EXPECT_EQ(bytes.size(), parsed.consumed);
      EXPECT_TRUE(std::equal(bytes.begin(), bytes.end(), stream.begin() + static_cast<std::ptrdiff_t>(framedUpTo)));
      EXPECT_EQ(validate(parsed.packet, test::omokContext()), std::nullopt);
      framedUpTo += parsed.consumed;
    }
  }
  EXPECT_LE(framedUpTo, stream.size());
  return false;
}

TEST(Fuzz, RandomBytes) {
  std::mt19937 rng(2024);
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::uint8_t> stream(std::uniform_int_distribution<std::size_t>(0, 600)(rng));
    for (auto& b : stream) b = static_cast<std::uint8_t>(rng());
    frameChecked(stream, rng);
  }
}

TEST(Fuzz, RandomBytesBehindAValidHeader) {
  // A correct size and type with a random body: only the field checks stand
  // between it and the game.
  std::mt19937 rng(77);
  int accepted = 0, refused = 0;
  for (int round = 0; round < 20000; ++round) {
    const auto all = test::samples();
    auto bytes = test::bytesOf(all[rng() % all.size()]);
    for (std::size_t i = sizeof(Header); i < bytes.size(); ++i) bytes[i] = static_cast<std::uint8_t>(rng());
    (frameChecked(bytes, rng) ? refused : accepted)++;
  }
  EXPECT_GT(refused, 0);
  EXPECT_GT(accepted, 0);  // header-only packets and pings have nothing to refuse
}

TEST(Fuzz, MutatedValidStreams) {
  std::mt19937 rng(99);
  std::vector<std::uint8_t> clean;
  for (const Packet& p : test::samples()) append(clean, p);
  for (int round = 0; round < 5000; ++round) {
    auto stream = clean;
    const int flips = std::uniform_int_distribution<int>(1, 4)(rng);
    for (int i = 0; i < flips; ++i) stream[rng() % stream.size()] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
    if (rng() % 4 == 0) stream.resize(rng() % stream.size());
    frameChecked(stream, rng);
  }
}

}  // namespace
}  // namespace proto
