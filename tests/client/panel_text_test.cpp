// What the side panel shows as text, without a window: clock faces and the
// input line (the chat's, the start screen's fields).
#include <gtest/gtest.h>

#include "game_client/ui/clock_face.h"
#include "game_client/ui/text_input.h"

namespace client {
namespace {

using std::chrono::milliseconds;

TEST(PanelClock, ShowsMinutesHoursAndTenthsWhenLow) {
  EXPECT_EQ(clockFace(milliseconds(297'999)), "4:57");  // rounded down, as clocks count
  EXPECT_EQ(clockFace(milliseconds(60'000)), "1:00");
  EXPECT_EQ(clockFace(milliseconds(10'000)), "0:10");
  EXPECT_EQ(clockFace(milliseconds(9'999)), "0:09.9");
  EXPECT_EQ(clockFace(milliseconds(1'050)), "0:01.0");
  EXPECT_EQ(clockFace(milliseconds(99)), "0:00.0");
  EXPECT_EQ(clockFace(milliseconds(3'723'000)), "1:02:03");
}

TEST(PanelClock, AFallenFlagReadsZero) {
  EXPECT_EQ(clockFace(milliseconds(0)), "0:00");
  EXPECT_EQ(clockFace(milliseconds(-5)), "0:00");
  EXPECT_TRUE(lowTime(milliseconds(0)));
  EXPECT_TRUE(lowTime(milliseconds(9'999)));
  EXPECT_FALSE(lowTime(milliseconds(10'000)));
}

TEST(PanelChatInput, TypesUtf8WithinItsLimit) {
  TextInput input(6);
  EXPECT_TRUE(input.type(U'h'));
  EXPECT_TRUE(input.type(U'é'));    // 2 bytes
  EXPECT_TRUE(input.type(U'한'));   // 3 bytes: 6 in all
  EXPECT_FALSE(input.type(U'!'));  // a seventh byte does not fit
  EXPECT_EQ(input.text(), "hé한");
  EXPECT_TRUE(input.backspace());  // the whole three-byte character goes
  EXPECT_EQ(input.text(), "hé");
  EXPECT_FALSE(input.type(U'😀'));  // 4 bytes would make 7
  EXPECT_TRUE(input.backspace());
  EXPECT_TRUE(input.backspace());
  EXPECT_FALSE(input.backspace());
  EXPECT_EQ(input.text(), "");
}

TEST(PanelChatInput, RefusesControlCharacters) {
  TextInput input(127);
  for (char32_t c : {U'\r', U'\n', U'\t', U'\b', char32_t{0x7f}, char32_t{0x85}, char32_t{0xd800}, char32_t{0x110000}})
    EXPECT_FALSE(input.type(c)) << static_cast<unsigned>(c);
  EXPECT_TRUE(input.text().empty());
}

TEST(PanelChatInput, FocusAndClear) {
  TextInput input(10);
  EXPECT_FALSE(input.focused());
  EXPECT_TRUE(input.focus());
  EXPECT_FALSE(input.focus());  // already had it
  input.type(U'x');
  input.clear();
  EXPECT_TRUE(input.text().empty());
  EXPECT_TRUE(input.blur());
  EXPECT_FALSE(input.blur());
}

TEST(PanelChatInput, AssignReplacesTheTextWithinTheLimit) {
  TextInput input(4);
  input.type(U'x');
  EXPECT_TRUE(input.assign("한a"));  // 4 bytes
  EXPECT_EQ(input.text(), "한a");
  EXPECT_TRUE(input.backspace());
  EXPECT_EQ(input.text(), "한");
  EXPECT_FALSE(input.assign("abcde"));  // past the limit: nothing rather than a cut
  EXPECT_EQ(input.text(), "");
}

}  // namespace
}  // namespace client
