// Turning bytes into validated packets and packets into bytes.
//
// readPacket() looks at the front of a received byte stream and returns the
// next whole packet, "need more bytes", or a protocol error. It never reads
// past the span, never allocates for a good packet, and copies the packet out
// with memcpy, so the caller may reuse or compact its buffer at once. Every
// field is checked before the packet is handed out; a peer that sends an
// error-producing stream cannot be resynchronised and is disconnected.
//
// Encoding fills in the header and appends the packet's bytes to a byte
// container (a send queue, a std::string, a std::vector).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <variant>

#include "shared/protocol/packets.h"

namespace proto {

// What the reader knows about the connection, used to validate fields
// beyond their own ranges.
struct Context {
  Sender from = Sender::Either;  // who wrote the bytes; Either accepts both directions
  // The game being played and its board size, once known. Until then move
  // coordinates are not checked against a board (no move is allowed then anyway).
  std::optional<game::Kind> game;
  int boardSize = 0;
};

struct ProtocolError {
  ErrorCode code = ErrorCode::Malformed;
  std::string text;
};

struct NeedMore {};

struct Parsed {
  Packet packet;
  std::size_t consumed = 0;  // bytes of the stream this packet took
};

using ReadResult = std::variant<NeedMore, Parsed, ProtocolError>;

// The next packet at the front of `stream`.
ReadResult readPacket(std::span<const std::uint8_t> stream, const Context& context);

// Validates exactly one packet's bytes (what readPacket does once it has them all).
std::variant<Packet, ProtocolError> decode(std::span<const std::uint8_t> bytes,
                                           const Context& context);

// The field checks decode applies, for a packet built in memory.
std::optional<ProtocolError> validate(const Packet& packet, const Context& context);

// One packet as a fixed array of its bytes, header filled in.
template <PacketStruct P>
std::array<std::uint8_t, sizeof(P)> encode(P packet) {
  packet.header.size = static_cast<std::uint16_t>(sizeof(P));
  packet.header.type = P::kType;
  std::array<std::uint8_t, sizeof(P)> out;
  std::memcpy(out.data(), &packet, sizeof(P));
  return out;
}

// Appends the encoded packet to any byte container with insert() at end()
// (a send queue, std::string, std::vector<std::uint8_t>).
template <typename Bytes, PacketStruct P>
void append(Bytes& out, const P& packet) {
  const auto bytes = encode(packet);
  out.insert(out.end(), bytes.begin(), bytes.end());
}

template <typename Bytes>
void append(Bytes& out, const Packet& packet) {
  std::visit([&out](const auto& p) { append(out, p); }, packet);
}

}  // namespace proto
