// A per-connection receive buffer that cuts a byte stream into packets.
//
// Ownership and threading: one Framer per connection, owned by it and used by
// one thread at a time. Its buffer is a fixed array (no allocation per packet
// or per read); a packet is copied out before next() returns, so the bytes
// behind it may be reused at once.
//
// Use: receive into space() and commit(n), or feed() bytes from elsewhere;
// then call next() until it says NeedMore. After a ProtocolError the stream
// cannot be resynchronised: next() keeps returning that error and feed()
// takes nothing, and the owner closes the connection.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "shared/protocol/codec.h"

namespace proto {

class Framer {
 public:
  // Room for a few packets; at least one maximal packet always fits once the
  // whole packets before it have been taken.
  static constexpr std::size_t kCapacity = 4 * kMaxPacketSize;

  // Free space at the end of the buffer to receive into.
  std::span<std::uint8_t> space();
  // Marks `n` bytes written into space() as received.
  void commit(std::size_t n);
  // Copies as many of `bytes` as fit and returns how many were taken.
  std::size_t feed(std::span<const std::uint8_t> bytes);

  ReadResult next(const Context& context);

  std::size_t buffered() const { return end_ - begin_; }
  bool failed() const { return failure_.has_value(); }

 private:
  std::array<std::uint8_t, kCapacity> buffer_;
  std::size_t begin_ = 0;  // first byte not yet framed
  std::size_t end_ = 0;    // one past the last received byte
  std::optional<ProtocolError> failure_;
};

}  // namespace proto
