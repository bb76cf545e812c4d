// What fuzzing and the sanitizer builds found, pinned down as plain tests: each also holds without a
// sanitizer, where the regression inputs alone might pass unnoticed.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string_view>

#include "shared/chess/pgn.h"
#include "shared/protocol/packets.h"
#include "shared/record/time.h"

namespace fuzz {
namespace {

// A record time in year 1013 overflowed the clock's nanosecond ticks (UBSan:
// signed overflow in parseIsoUtc) and read as some other time. A time is
// now either refused or read exactly, whatever the clock's range.
TEST(FuzzFindings, RecordTimesAreReadExactlyOrRefused) {
  for (const char* text : {"1013-11-23T08:15:02.000Z", "9999-12-31T23:59:59.999Z", "0000-01-01T00:00:00.000Z",
                           "1677-09-21T00:12:43.145Z", "2262-04-11T23:47:16.854Z", "2026-11-23T08:15:02.123Z"}) {
    if (const auto t = record::parseIsoUtc(text)) {
      EXPECT_EQ(record::isoUtc(*t), text);
    }
  }
  EXPECT_TRUE(record::parseIsoUtc("2026-11-23T08:15:02.123Z"));
}

// A backslash before a line break let a tag value run onto the next line;
// writePgn then wrote a tag the reader refused ("unterminated value").
TEST(FuzzFindings, PgnTagValueCannotEscapeItsLine) {
  chess::PgnGame game;
  std::string error;
  EXPECT_FALSE(chess::readPgn("[Event \"a\\\nb\"]\n\n*\n", game, error));
  EXPECT_NE(error.find("unterminated"), std::string::npos) << error;
  ASSERT_TRUE(chess::readPgn("[Event \"a \\\"quoted\\\" \\\\ b\"]\n\n*\n", game, error)) << error;
  ASSERT_FALSE(game.tags.empty());
  EXPECT_EQ(game.tags[0].value, "a \"quoted\" \\ b");
}

// Found by UBSan in server_tests (scripts/test-sanitizers): an empty
// string_view{} holds a null pointer, which setText handed to memcpy.
TEST(SanitizerFindings, SetTextOfADefaultEmptyViewClearsTheField) {
  char field[16];
  std::fill(std::begin(field), std::end(field), 'x');
  EXPECT_TRUE(proto::setText(field, std::string_view{}));
  EXPECT_TRUE(std::all_of(std::begin(field), std::end(field), [](char c) { return c == 0; }));
}

}  // namespace
}  // namespace fuzz
