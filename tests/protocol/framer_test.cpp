// Framing a byte stream: splits at every point, coalesced packets, bad input.
#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "shared/protocol/framer.h"
#include "tests/protocol/samples.h"

namespace proto {
namespace {

std::vector<std::uint8_t> streamOf(const std::vector<Packet>& packets) {
  std::vector<std::uint8_t> stream;
  for (const Packet& p : packets) append(stream, p);
  return stream;
}

// Feeds `stream` in the given chunk sizes (the last chunk takes the rest) and
// returns the bytes of every packet framed, failing the test on an error.
std::vector<std::vector<std::uint8_t>> frame(std::span<const std::uint8_t> stream, const std::vector<std::size_t>& cuts) {
  Framer framer;
  std::vector<std::vector<std::uint8_t>> out;
  std::size_t at = 0;
  auto drain = [&] {
    for (;;) {
      auto r = framer.next(test::omokContext());
      if (std::holds_alternative<NeedMore>(r)) return;
      if (auto* e = std::get_if<ProtocolError>(&r)) {
        ADD_FAILURE() << e->text;
        return;
      }
      out.push_back(test::bytesOf(std::get<Parsed>(r).packet));
    }
  };
  auto push = [&](std::span<const std::uint8_t> chunk) {
    while (!chunk.empty()) {
      const std::size_t n = framer.feed(chunk);
      chunk = chunk.subspan(n);
      drain();
      if (n == 0) {
        ADD_FAILURE() << "framer took no bytes";
        return;
      }
    }
  };
  for (std::size_t cut : cuts) {
    push(stream.subspan(at, cut - at));
    at = cut;
  }
  push(stream.subspan(at));
  EXPECT_EQ(framer.buffered(), 0u);
  return out;
}

std::vector<std::vector<std::uint8_t>> expected(const std::vector<Packet>& packets) {
  std::vector<std::vector<std::uint8_t>> out;
  for (const Packet& p : packets) out.push_back(test::bytesOf(p));
  return out;
}

TEST(Framer, CoalescedPacketsComeOutInOrder) {
  const auto packets = test::samples();
  const auto stream = streamOf(packets);
  EXPECT_EQ(frame(stream, {}), expected(packets));
}

TEST(Framer, EverySinglePointSplitOfTheStream) {
  const auto packets = test::samples();
  const auto stream = streamOf(packets);
  const auto want = expected(packets);
  for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
    ASSERT_EQ(frame(stream, {cut}), want) << "split at " << cut;
  }
}

TEST(Framer, EveryPairOfSplitPointsAcrossThreePackets) {
  const auto all = test::samples();
  const std::vector<Packet> packets{all[1], all[9], all[7]};  // welcome, move-rejected, move
  const auto stream = streamOf(packets);
  const auto want = expected(packets);
  for (std::size_t a = 0; a <= stream.size(); ++a)
    for (std::size_t b = a; b <= stream.size(); ++b) ASSERT_EQ(frame(stream, {a, b}), want) << a << "," << b;
}

TEST(Framer, ByteByByteAndRandomChunks) {
  const auto packets = test::samples();
  const auto stream = streamOf(packets);
  const auto want = expected(packets);
  std::vector<std::size_t> everyByte;
  for (std::size_t i = 1; i < stream.size(); ++i) everyByte.push_back(i);
  EXPECT_EQ(frame(stream, everyByte), want);
  std::mt19937 rng(12345);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0;;) {
      at += std::uniform_int_distribution<std::size_t>(1, 300)(rng);
      if (at >= stream.size()) break;
      cuts.push_back(at);
    }
    ASSERT_EQ(frame(stream, cuts), want) << "round " << round;
  }
}

TEST(Framer, ManyMaximalPacketsFitThroughTheFixedBuffer) {
  std::vector<Packet> packets(40, Packet{MoveRejected{}});
  for (std::size_t i = 0; i < packets.size(); ++i) {
    auto& r = std::get<MoveRejected>(packets[i]);
    r.move.to = static_cast<std::uint16_t>(i);
    setText(r.why, "reason " + std::to_string(i));
  }
  const auto stream = streamOf(packets);
  EXPECT_EQ(frame(stream, {}), expected(packets));
  EXPECT_EQ(frame(stream, {131, 600, 601, 2000}), expected(packets));
}

TEST(Framer, ReceivesIntoItsOwnSpace) {
  const auto stream = streamOf(test::samples());
  Framer framer;
  std::size_t at = 0, packets = 0;
  while (at < stream.size()) {
    auto space = framer.space();
    const std::size_t n = std::min<std::size_t>({space.size(), stream.size() - at, 50});
    std::memcpy(space.data(), stream.data() + at, n);
    framer.commit(n);
    at += n;
    for (auto r = framer.next({}); std::holds_alternative<Parsed>(r); r = framer.next({})) ++packets;
  }
  EXPECT_EQ(packets, std::variant_size_v<Packet>);
}

ProtocolError failureOf(std::span<const std::uint8_t> bytes) {
  Framer framer;
  framer.feed(bytes);
  for (;;) {
    auto r = framer.next(test::omokContext());
    if (auto* e = std::get_if<ProtocolError>(&r)) return *e;
    if (std::holds_alternative<NeedMore>(r)) return {ErrorCode::Malformed, "no error"};
  }
}

TEST(Framer, BadHeaderIsRefusedBeforeTheBodyArrives) {
  // Only the header of a 65535-byte packet: the framer must not wait for it.
  const std::vector<std::uint8_t> huge{0xff, 0xff, 0x01, 0x01};
  EXPECT_NE(failureOf(huge).text.find("exceeds the maximum"), std::string::npos);
  const std::vector<std::uint8_t> wrongSize{200, 0, 0x01, 0x01};
  EXPECT_NE(failureOf(wrongSize).text.find("is not the packet's size 9"), std::string::npos);
  const std::vector<std::uint8_t> three{3, 0, 0x01, 0x01};
  EXPECT_NE(failureOf(three).text.find("smaller than the 4-byte header"), std::string::npos);
  const std::vector<std::uint8_t> zero{0, 0, 0, 0};
  EXPECT_NE(failureOf(zero).text.find("smaller than the 4-byte header"), std::string::npos);
  const std::vector<std::uint8_t> unknown{4, 0, 0x34, 0x12};
  EXPECT_NE(failureOf(unknown).text.find("unknown packet type 0x1234"), std::string::npos);
}

TEST(Framer, GoodPacketsBeforeABadOneAreDeliveredThenTheStreamStops) {
  auto stream = streamOf({Ping{}, Resign{}});
  Move offBoard;
  offBoard.move.to = 500;
  append(stream, offBoard);
  append(stream, Pong{});
  Framer framer;
  framer.feed(stream);
  EXPECT_TRUE(std::holds_alternative<Parsed>(framer.next(test::omokContext())));
  EXPECT_TRUE(std::holds_alternative<Parsed>(framer.next(test::omokContext())));
  auto r = framer.next(test::omokContext());
  ASSERT_TRUE(std::holds_alternative<ProtocolError>(r));
  EXPECT_NE(std::get<ProtocolError>(r).text.find("point 500"), std::string::npos);
  EXPECT_TRUE(framer.failed());
  // The stream cannot be resynchronised: the error sticks and nothing more is taken.
  EXPECT_TRUE(std::holds_alternative<ProtocolError>(framer.next(test::omokContext())));
  EXPECT_EQ(framer.feed(streamOf({Ping{}})), 0u);
}

}  // namespace
}  // namespace proto
