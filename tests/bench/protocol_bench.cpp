// protocol_bench: cost of framing and validating a received stream, as a
// ratio against the least any framing must do, measured in the same run:
//   - reference: walk the same stream by each packet's size field and memcpy
//     every packet into a local buffer (no checks at all);
//   - readPacket: proto::readPacket over the stream in place: header checks,
//     the packet copied out into its struct, every field validated, handed
//     out in a std::variant;
//   - framer: the same through proto::Framer fed in 1460-byte chunks (one TCP
//     segment), which adds copying into its fixed buffer, as the server's
//     sessions and the clients read.
// The stream is game traffic: mostly move-accepted, some moves, pings and
// pongs, and a few move-rejected and error packets with text.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

#include "shared/protocol/framer.h"
#include "tests/protocol/samples.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::uint8_t> trafficStream(std::size_t packets) {
  const auto samples = proto::test::samples();
  auto pick = [&](proto::Type t) {
    for (const auto& p : samples)
      if (proto::typeOf(p) == t) return p;
    return samples.front();
  };
  const std::vector<std::pair<proto::Packet, int>> mix{{pick(proto::Type::MoveAccepted), 70},
                                                       {pick(proto::Type::Move), 15},
                                                       {pick(proto::Type::Ping), 5},
                                                       {pick(proto::Type::Pong), 5},
                                                       {pick(proto::Type::MoveRejected), 3},
                                                       {pick(proto::Type::Error), 2}};
  std::vector<int> weights;
  for (const auto& m : mix) weights.push_back(m.second);
  std::discrete_distribution<int> choose(weights.begin(), weights.end());
  std::mt19937 rng(7);
  std::vector<std::uint8_t> stream;
  for (std::size_t i = 0; i < packets; ++i) proto::append(stream, mix[static_cast<std::size_t>(choose(rng))].first);
  return stream;
}

template <typename F>
double seconds(F&& f) {
  const auto start = Clock::now();
  f();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main() {
  constexpr std::size_t kPackets = 1'000'000;
  constexpr std::size_t kSegment = 1460;
  const auto stream = trafficStream(kPackets);
  const proto::Context context = proto::test::omokContext();

  std::uint64_t referenceBytes = 0, framerCount = 0, readCount = 0;
  auto runReference = [&] {
    std::array<std::uint8_t, proto::kMaxPacketSize> local;
    for (std::size_t at = 0; at < stream.size();) {
      std::uint16_t size;
      std::memcpy(&size, stream.data() + at, 2);
      std::memcpy(local.data(), stream.data() + at, size);
      referenceBytes += local[0] | (local[1] << 8);  // read back from the copy, so it is made
      at += size;
    }
  };
  auto runRead = [&] {
    std::span<const std::uint8_t> rest(stream);
    for (auto r = proto::readPacket(rest, context); std::holds_alternative<proto::Parsed>(r);
         r = proto::readPacket(rest, context)) {
      rest = rest.subspan(std::get<proto::Parsed>(r).consumed);
      ++readCount;
    }
  };
  auto runFramer = [&] {
    proto::Framer framer;
    std::span<const std::uint8_t> rest(stream);
    while (!rest.empty()) {
      auto segment = rest.first(std::min(kSegment, rest.size()));
      while (!segment.empty()) {
        segment = segment.subspan(framer.feed(segment));
        for (auto r = framer.next(context); std::holds_alternative<proto::Parsed>(r); r = framer.next(context))
          ++framerCount;
      }
      rest = rest.subspan(std::min(kSegment, rest.size()));
    }
  };
  // Rounds interleave the three so a change of clock speed or a neighbour's
  // load hits them alike; each keeps its best round.
  constexpr int kRounds = 9;
  double reference = 1e9, read = 1e9, framed = 1e9;
  for (int round = 0; round < kRounds; ++round) {
    reference = std::min(reference, seconds(runReference));
    read = std::min(read, seconds(runRead));
    framed = std::min(framed, seconds(runFramer));
  }
  if (framerCount != kRounds * kPackets || readCount != kRounds * kPackets || referenceBytes != kRounds * stream.size()) {
    std::fprintf(stderr, "protocol_bench: framed %llu and read %llu packets, expected %llu each, or the reference fell short\n",
                 static_cast<unsigned long long>(framerCount), static_cast<unsigned long long>(readCount),
                 static_cast<unsigned long long>(kRounds * kPackets));
    return 1;
  }
  const double mb = static_cast<double>(stream.size()) / 1e6;
  std::printf("stream: %zu packets, %.1f MB, best of %d interleaved rounds\n", kPackets, mb, kRounds);
  std::printf("reference (memcpy by size):  %6.1f ns/packet %8.0f MB/s\n", reference * 1e9 / kPackets, mb / reference);
  std::printf("readPacket in place:        %6.1f ns/packet %8.0f MB/s\n", read * 1e9 / kPackets, mb / read);
  std::printf("framer, 1460-byte reads:    %6.1f ns/packet %8.0f MB/s\n", framed * 1e9 / kPackets, mb / framed);
  std::printf("ratio readPacket / reference: %.1f\n", read / reference);
  std::printf("ratio framer / reference:     %.1f\n", framed / reference);
  return 0;
}
