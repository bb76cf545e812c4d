// SHA-256 and HMAC-SHA256 against the published vectors (FIPS 180-2 appendix
// B, RFC 4231), incremental hashing, and hex.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "shared/record/digest.h"

namespace record {
namespace {

std::span<const std::uint8_t> bytes(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

std::vector<std::uint8_t> repeated(std::uint8_t byte, std::size_t count) {
  return std::vector<std::uint8_t>(count, byte);
}

TEST(Digest, Fips180Vectors) {
  EXPECT_EQ(hex(sha256(bytes(""))), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(hex(sha256(bytes("abc"))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 56 bytes: the padding's length field no longer fits, so it takes a second block.
  EXPECT_EQ(hex(sha256(bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Digest, MillionAInUnevenChunks) {
  const std::vector<std::uint8_t> a = repeated('a', 1000);
  // Sizes chosen to land on, just before and just after block boundaries.
  constexpr std::size_t kChunks[] = {1, 63, 64, 65, 127, 3, 1000, 55, 9};
  Sha256 hash;
  std::size_t left = 1'000'000;
  for (std::size_t i = 0; left > 0; ++i) {
    const std::size_t n = std::min(kChunks[i % std::size(kChunks)], left);
    hash.update(std::span(a).first(n));
    left -= n;
  }
  EXPECT_EQ(hex(hash.finish()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Lengths around the padding boundary (values from Python's hashlib).
TEST(Digest, PaddingBoundaries) {
  EXPECT_EQ(hex(sha256(repeated('a', 55))), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(hex(sha256(repeated('a', 63))), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
  EXPECT_EQ(hex(sha256(repeated('a', 64))), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  EXPECT_EQ(hex(sha256(repeated('a', 65))), "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
}

TEST(Digest, BytewiseEqualsOneCall) {
  std::vector<std::uint8_t> data;
  for (std::size_t length = 0; length <= 200; ++length) {
    Sha256 hash;
    for (const std::uint8_t byte : data) hash.update(std::span(&byte, 1));
    EXPECT_EQ(hash.finish(), sha256(data)) << length;
    data.push_back(static_cast<std::uint8_t>(length * 37 + 11));
  }
}

struct HmacCase {
  const char* name;
  std::vector<std::uint8_t> key;
  std::vector<std::uint8_t> data;
  const char* expected;
};

std::vector<std::uint8_t> vec(std::string_view text) {
  const auto b = bytes(text);
  return {b.begin(), b.end()};
}

// RFC 4231 section 4; case 5 is a truncated output and left out.
TEST(Digest, Rfc4231Vectors) {
  const HmacCase cases[] = {
      {"1", repeated(0x0b, 20), vec("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      {"2", vec("Jefe"), vec("what do ya want for nothing?"),
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
      {"3", repeated(0xaa, 20), repeated(0xdd, 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
      {"4", *fromHex("0102030405060708090a0b0c0d0e0f10111213141516171819"), repeated(0xcd, 50),
       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
      // 6 and 7: a 131-byte key, longer than a block, so it is hashed first.
      {"6", repeated(0xaa, 131), vec("Test Using Larger Than Block-Size Key - Hash Key First"),
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
      {"7", repeated(0xaa, 131),
       vec("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be "
           "hashed before being used by the HMAC algorithm."),
       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
  };
  for (const HmacCase& c : cases) EXPECT_EQ(hex(hmacSha256(c.key, c.data)), c.expected) << "test case " << c.name;
}

TEST(Digest, HexRoundTrip) {
  std::vector<std::uint8_t> all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<std::uint8_t>(i));
  const std::string text = hex(all);
  EXPECT_EQ(text.substr(0, 8), "00010203");
  EXPECT_EQ(text.substr(text.size() - 8), "fcfdfeff");
  EXPECT_EQ(fromHex(text), all);
  EXPECT_EQ(fromHex("00FFaB"), (std::vector<std::uint8_t>{0x00, 0xff, 0xab}));
  EXPECT_EQ(fromHex(""), std::vector<std::uint8_t>{});
  EXPECT_EQ(hex(std::span<const std::uint8_t>{}), "");
}

TEST(Digest, FromHexRejectsMalformed) {
  EXPECT_FALSE(fromHex("abc"));  // odd length
  EXPECT_FALSE(fromHex("zz"));
  EXPECT_FALSE(fromHex("0g"));
  EXPECT_FALSE(fromHex("g0"));
  EXPECT_FALSE(fromHex(" 0"));
}

}  // namespace
}  // namespace record
