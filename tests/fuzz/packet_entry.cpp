// Fuzz entry for the packet framer and decoder.
#include <algorithm>
#include <variant>
#include <vector>

#include "shared/protocol/framer.h"
#include "tests/fuzz/check.h"
#include "tests/fuzz/entries.h"

namespace fuzz {
namespace {

// The contexts a reader runs in: before the game is known, and in each game
// from each side.
proto::Context contextFor(std::uint8_t selector) {
  using proto::Sender;
  const proto::Context contexts[] = {
      {Sender::Either, std::nullopt, 0},         {Sender::Client, game::Kind::Omok, 15},
      {Sender::Client, game::Kind::Omok, 19},    {Sender::Client, game::Kind::Chess, 8},
      {Sender::Server, game::Kind::Omok, 15},    {Sender::Server, game::Kind::Chess, 8},
  };
  return contexts[selector % std::size(contexts)];
}

bool sameError(const proto::ReadResult& direct, const proto::ProtocolError& framed) {
  const auto* error = std::get_if<proto::ProtocolError>(&direct);
  return error != nullptr && error->code == framed.code;
}

}  // namespace

// The framer receives the stream in chunks and must agree, packet for
// packet, with readPacket() looking at the whole rest of the stream; every
// packet handed out re-encodes to exactly the bytes it came from and passes
// validate().
void packet(Bytes data) {
  if (data.size() < 2) return;
  const proto::Context context = contextFor(data[0]);
  const std::size_t chunk = std::size_t{data[1]} + 1;
  const Bytes stream = data.subspan(2);

  proto::Framer framer;
  std::size_t fed = 0;     // bytes of the stream given to the framer
  std::size_t framed = 0;  // bytes of the stream handed out as packets
  for (;;) {
    for (;;) {
      const proto::ReadResult result = framer.next(context);
      const proto::ReadResult direct = proto::readPacket(stream.subspan(framed), context);
      if (const auto* error = std::get_if<proto::ProtocolError>(&result)) {
        FUZZ_CHECK(sameError(direct, *error), "the framer failed where readPacket did not: " + error->text);
        FUZZ_CHECK(framer.feed(stream.subspan(fed)) == 0, "a failed framer took more bytes");
        return;
      }
      if (std::holds_alternative<proto::NeedMore>(result)) break;
      const auto& parsed = std::get<proto::Parsed>(result);
      const auto* whole = std::get_if<proto::Parsed>(&direct);
      FUZZ_CHECK(whole != nullptr && whole->consumed == parsed.consumed, "readPacket disagrees with the framer");
      std::vector<std::uint8_t> bytes;
      proto::append(bytes, parsed.packet);
      FUZZ_CHECK(bytes.size() == parsed.consumed, "a packet re-encodes to another size");
      FUZZ_CHECK(std::equal(bytes.begin(), bytes.end(), stream.begin() + static_cast<std::ptrdiff_t>(framed)),
                 "a packet re-encodes to other bytes");
      FUZZ_CHECK(!proto::validate(parsed.packet, context), "an accepted packet fails validate()");
      framed += parsed.consumed;
    }
    FUZZ_CHECK(framer.buffered() == fed - framed, "the framer lost or invented bytes");
    if (fed == stream.size()) break;
    // Once the whole packets are taken, a chunk of up to 256 bytes always fits.
    const std::size_t want = std::min(chunk, stream.size() - fed);
    FUZZ_CHECK(framer.feed(stream.subspan(fed, want)) == want, "the framer refused room it promised");
    fed += want;
  }
  FUZZ_CHECK(std::holds_alternative<proto::NeedMore>(proto::readPacket(stream.subspan(framed), context)),
             "readPacket found a packet in what the framer kept");
}

}  // namespace fuzz
