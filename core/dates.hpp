// Instants, the store's time zone, the working calendar, and the deadline
// language people type ("пт 18:00", "+3d", "28.11", "eow"). Everything is
// computed from an explicit `now` so that TALLY_NOW controls the clock.
#pragma once

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tally::core {

using Instant = std::chrono::sys_seconds;
using LocalTime = date::local_seconds;
using LocalDay = date::local_days;

// A named IANA zone from the system tzdata.
class Zone {
 public:
  // Throws Error (with the hint "a name such as Europe/Moscow") when unknown.
  static Zone locate(std::string_view name);
  // The system's zone: $TZ, then /etc/timezone, then the /etc/localtime link; nullopt if none.
  static std::optional<std::string> system_name();

  const std::string& name() const { return m_name; }
  LocalTime to_local(Instant t) const;
  // Ambiguous local times (clocks turned back) take the earlier instant;
  // nonexistent ones (clocks turned forward) move forward by the gap.
  Instant to_instant(LocalTime t) const;
  // Offset from UTC at t.
  std::chrono::seconds offset(Instant t) const;

 private:
  const date::time_zone* m_zone = nullptr;
  std::string m_name;
};

// Working days and hours from tally.yaml.
struct WorkCalendar {
  std::chrono::minutes day_start{9 * 60};
  std::chrono::minutes day_end{18 * 60};
  // Indexed by date::weekday::c_encoding(): 0 = Sunday ... 6 = Saturday.
  std::array<bool, 7> work_days{false, true, true, true, true, true, false};
  std::vector<LocalDay> holidays;  // sorted

  bool is_working_day(LocalDay d) const;
  // The end of the working day d (d + day_end), as a local time.
  LocalTime end_of_day(LocalDay d) const { return LocalTime{d} + day_end; }
};

// "2026-11-28T18:00:00+03:00": ISO 8601 with the zone's offset at t.
std::string format_timestamp(Instant t, const Zone& zone);

// "2026-11-28"
std::string format_date(LocalDay d);

// "28.11.2026 18:00" for tables: short, in the zone, no seconds.
std::string format_human(Instant t, const Zone& zone);

// Parses an ISO 8601 timestamp: "2026-11-28T18:00:00+03:00", "...Z", or one
// without an offset (taken in `zone`), with 'T' or ' ' between date and time,
// seconds optional. Throws Error on anything else.
Instant parse_timestamp(std::string_view text, const Zone& zone);

// Parses "YYYY-MM-DD" only. Throws Error otherwise.
LocalDay parse_iso_day(std::string_view text);

// Parses what a person types for a deadline (see tally(1), DATES):
//   ISO "2026-11-28", "2026-11-28 18:00", "2026-11-28T18:00";
//   Russian "28.11.2026", "28.11" (this year; next year if that is over 31 days ago), with "
//   HH:MM"; words: today/сегодня, tomorrow/завтра, послезавтра; weekday names and abbreviations in
//   English and Russian (mon, monday, пн, понедельник, пятницу ...), the nearest such day from
//   today whose deadline is still ahead; "HH:MM" alone: today at that time; offsets "+3d", "+2w" (a
//   date: end of that working day), "+4h", "+30m" (now plus); eod (today), eow (last working day of
//   this week), eom (last working day of this month).
// A date without a time means the end of that working day (calendar.day_end).
// Case-insensitive. Throws Error naming the accepted forms when it cannot parse.
Instant parse_when(std::string_view text, Instant now, const Zone& zone,
                   const WorkCalendar& calendar);

// The clock: TALLY_NOW (an ISO timestamp; without offset it is taken in `zone`)
// when set, else the system clock. Throws Error when TALLY_NOW is malformed.
Instant now_from_env(const Zone& zone);

}  // namespace tally::core
