#include <gtest/gtest.h>

#include "shared/record/time.h"

namespace record {
namespace {

using namespace std::chrono;

TEST(Time, FormatsUtcWithMilliseconds) {
  const auto t = Clock::time_point{sys_days{2026y / November / 23} + 8h + 15min + 2s + 123ms};
  EXPECT_EQ(isoUtc(t), "2026-11-23T08:15:02.123Z");
  EXPECT_EQ(fileStamp(t), "2026-11-23T08-15-02Z");
}

TEST(Time, ParsesWhatItFormats) {
  const auto t = Clock::time_point{sys_days{2024y / February / 29} + 23h + 59min + 59s + 7ms};
  EXPECT_EQ(parseIsoUtc(isoUtc(t)), t);
  EXPECT_EQ(parseIsoUtc("2024-02-29T23:59:59Z"), Clock::time_point{sys_days{2024y / February / 29} + 23h + 59min + 59s});
}

TEST(Time, RejectsMalformedTimes) {
  for (const char* bad : {"", "2026-11-23", "2026-11-23T08:15:02", "2026-11-23 08:15:02Z", "2026-13-01T00:00:00Z",
                          "2025-02-29T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T08:15:02.12Z",
                          "2026-11-23T08:15:02.123", "2026-11-23T08:15:02.123Zx", "2026-1a-23T08:15:02Z"})
    EXPECT_FALSE(parseIsoUtc(bad)) << bad;
}

}  // namespace
}  // namespace record
