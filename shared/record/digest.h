// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), small and dependency-free.
// They are for reconnection tokens: a record stores a token only as its
// HMAC-SHA256 under a key kept beside the records, never in them, so whoever
// reads a record cannot present the token to take over a seat.
//
// Threading: the functions are plain and keep no state; a Sha256 is one hash
// in progress, owned by its caller. Not meant to be fast: what is hashed here
// is a few dozen bytes at a time.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace record {

using Digest = std::array<std::uint8_t, 32>;

// SHA-256 fed in pieces: the same digest however the input is split.
class Sha256 {
 public:
  static constexpr std::size_t kBlockSize = 64;  // bytes per compression; also HMAC's block size

  void update(std::span<const std::uint8_t> data);
  // Pads and returns the digest; the object is spent afterwards (no more update() or finish()).
  Digest finish();

 private:
  void compress(std::span<const std::uint8_t, kBlockSize> block);

  std::array<std::uint32_t, 8> state_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<std::uint8_t, kBlockSize> pending_{};  // a partial block waiting for more input
  std::size_t used_ = 0;                            // bytes of pending_ in use, always < kBlockSize
  std::uint64_t length_ = 0;                        // bytes seen so far
  bool finished_ = false;
};

Digest sha256(std::span<const std::uint8_t> data);
// RFC 2104; a key longer than a block (64 bytes) is hashed first.
Digest hmacSha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> message);

// Lower-case hex, two characters a byte.
std::string hex(std::span<const std::uint8_t> bytes);
// Reads hex in either case; nullopt for an odd length or a non-hex character.
std::optional<std::vector<std::uint8_t>> fromHex(std::string_view text);

}  // namespace record
