#include "shared/record/time.h"

#include <cstdio>

namespace record {
namespace {

using namespace std::chrono;

struct Parts {
  int year;
  unsigned month, day;
  long hours, minutes, seconds, millis;
};

// Calendar arithmetic from <chrono>, not gmtime: portable and thread-safe.
Parts split(Clock::time_point t) {
  const auto ms = floor<milliseconds>(t);
  const auto day = floor<days>(ms);
  const year_month_day ymd{day};
  const hh_mm_ss hms{ms - day};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
          static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
          static_cast<long>(hms.seconds().count()), static_cast<long>(hms.subseconds().count())};
}

// Reads exactly `width` digits at `at`.
std::optional<int> digits(std::string_view text, std::size_t at, std::size_t width) {
  if (at + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::string isoUtc(Clock::time_point t) {
  const Parts p = split(t);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ", p.year, p.month, p.day, p.hours,
                p.minutes, p.seconds, p.millis);
  return text;
}

std::string fileStamp(Clock::time_point t) {
  const Parts p = split(t);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld-%02ld-%02ldZ", p.year, p.month, p.day, p.hours, p.minutes,
                p.seconds);
  return text;
}

std::optional<Clock::time_point> parseIsoUtc(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS then optional .mmm, then Z
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
  if (text.size() < kShape.size() + 1) return std::nullopt;
  for (std::size_t i = 0; i < kShape.size(); ++i)
    if (kShape[i] != 'd' && text[i] != kShape[i]) return std::nullopt;
  const auto y = digits(text, 0, 4), mo = digits(text, 5, 2), d = digits(text, 8, 2);
  const auto h = digits(text, 11, 2), mi = digits(text, 14, 2), s = digits(text, 17, 2);
  if (!y || !mo || !d || !h || !mi || !s || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;
  std::optional<int> ms = 0;
  std::size_t at = kShape.size();
  if (text[at] == '.') {
    ms = digits(text, at + 1, 3);
    at += 4;
  }
  if (!ms || at + 1 != text.size() || text[at] != 'Z') return std::nullopt;
  const year_month_day ymd{year{*y}, month{static_cast<unsigned>(*mo)}, day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  // In milliseconds any four-digit year fits; the clock's own ticks (often
  // nanoseconds) span only a few centuries around 1970, so a year outside
  // them is refused instead of overflowing.
  const sys_time<milliseconds> t = sys_days{ymd} + hours{*h} + minutes{*mi} + seconds{*s} + milliseconds{*ms};
  if (t < time_point_cast<milliseconds>(Clock::time_point::min()) ||
      t > time_point_cast<milliseconds>(Clock::time_point::max()))
    return std::nullopt;
  return Clock::time_point{t};
}

}  // namespace record
