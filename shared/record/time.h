// Wall-clock times as records write them: ISO 8601 in UTC.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace record {

using Clock = std::chrono::system_clock;

// "2026-11-23T08:15:02.123Z" (milliseconds, UTC).
std::string isoUtc(Clock::time_point t);
// "2026-11-23T08-15-02Z": the same to the second, safe in file names everywhere.
std::string fileStamp(Clock::time_point t);
// Reads "YYYY-MM-DDTHH:MM:SSZ" with optional ".mmm" fraction; nullopt if malformed.
std::optional<Clock::time_point> parseIsoUtc(std::string_view text);

}  // namespace record
