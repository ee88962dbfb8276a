// Instants, zones and the deadline language. The parsers are small hand-written
// scanners rather than date::parse so that the accepted subset is exact: no
// trailing text, no "24:00", no one-digit offsets, and the same answer on every
// version of the library. Everything local goes through Zone so that the DST
// rules (gaps move forward, overlaps take the earlier instant) live in one place.
#include "core/dates.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace tally::core {

namespace {

using date::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr const char* k_when_hint =
    "accepted forms: 2026-11-28, 2026-11-28 18:00, 28.11.2026, 28.11, today, tomorrow, friday, "
    "пт 18:00, завтра, +3d, +2w, +4h, eod, eow, eom";

// The whole of s as a number of min..max ASCII digits; nullopt otherwise.
std::optional<int> digits(std::string_view s, size_t min_count, size_t max_count) {
  if (s.size() < min_count || s.size() > max_count) return std::nullopt;
  int value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<LocalDay> make_day(int y, int m, int d) {
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                           date::day{static_cast<unsigned>(d)}};
  if (m < 1 || m > 12 || d < 1 || !ymd.ok()) return std::nullopt;
  return LocalDay{ymd};
}

// "YYYY-MM-DD" exactly.
std::optional<LocalDay> iso_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = digits(s.substr(0, 4), 4, 4), m = digits(s.substr(5, 2), 2, 2),
       d = digits(s.substr(8, 2), 2, 2);
  if (!y || !m || !d) return std::nullopt;
  return make_day(*y, *m, *d);
}

// "HH:MM"; people type "9:00", timestamps always carry two hour digits.
std::optional<minutes> clock_time(std::string_view s, size_t min_hour_digits) {
  auto colon = s.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto h = digits(s.substr(0, colon), min_hour_digits, 2);
  auto m = digits(s.substr(colon + 1), 2, 2);
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return hours{*h} + minutes{*m};
}

// "Z", "+03:00" or "+0300".
std::optional<seconds> utc_offset(std::string_view s) {
  if (s == "Z") return seconds{0};
  if (s.size() != 5 && s.size() != 6) return std::nullopt;
  if (s[0] != '+' && s[0] != '-') return std::nullopt;
  auto h = digits(s.substr(1, 2), 2, 2);
  std::string_view rest = s.substr(3);
  if (rest.size() == 3) {
    if (rest[0] != ':') return std::nullopt;
    rest = rest.substr(1);
  }
  auto m = digits(rest, 2, 2);
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  seconds offset = hours{*h} + minutes{*m};
  return s[0] == '-' ? -offset : offset;
}

std::optional<Instant> try_timestamp(std::string_view s, const Zone& zone) {
  if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
  auto day = iso_day(s.substr(0, 10));
  auto time = clock_time(s.substr(11, 5), 2);
  if (!day || !time) return std::nullopt;
  LocalTime local = LocalTime{*day} + *time;
  size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    auto sec = digits(s.substr(pos + 1, 2), 2, 2);
    if (!sec || *sec > 59) return std::nullopt;
    local += seconds{*sec};
    pos += 3;
  }
  if (pos == s.size()) return zone.to_instant(local);
  auto offset = utc_offset(s.substr(pos));
  if (!offset) return std::nullopt;
  return Instant{local.time_since_epoch()} - *offset;
}

// "28.11.2026", or "28.11": this year, unless that was over a month ago, when a
// person typing a bare day and month means the coming one.
std::optional<LocalDay> dotted_day(std::string_view s, LocalDay today) {
  auto parts = split(s, '.');
  if (parts.size() != 2 && parts.size() != 3) return std::nullopt;
  auto d = digits(parts[0], 1, 2), m = digits(parts[1], 1, 2);
  if (!d || !m) return std::nullopt;
  if (parts.size() == 3) {
    auto y = digits(parts[2], 4, 4);
    if (!y) return std::nullopt;
    return make_day(*y, *m, *d);
  }
  int year = static_cast<int>(date::year_month_day{today}.year());
  auto this_year = make_day(year, *m, *d);
  if (this_year && *this_year >= today - days{31}) return this_year;
  return make_day(year + 1, *m, *d);
}

struct WeekdayName {
  std::string_view word;
  unsigned c_encoding;
  bool russian;  // only Russian names take the preposition "в"/"во"
};

constexpr WeekdayName k_weekdays[] = {
    {"monday", 1, false}, {"mon", 1, false},      {"tuesday", 2, false},
    {"tue", 2, false},    {"tues", 2, false},     {"wednesday", 3, false},
    {"wed", 3, false},    {"thursday", 4, false}, {"thu", 4, false},
    {"thur", 4, false},   {"thurs", 4, false},    {"friday", 5, false},
    {"fri", 5, false},    {"saturday", 6, false}, {"sat", 6, false},
    {"sunday", 0, false}, {"sun", 0, false},      {"понедельник", 1, true},
    {"пн", 1, true},      {"вторник", 2, true},   {"вт", 2, true},
    {"среда", 3, true},   {"среду", 3, true},     {"ср", 3, true},
    {"четверг", 4, true}, {"чт", 4, true},        {"пятница", 5, true},
    {"пятницу", 5, true}, {"пт", 5, true},        {"суббота", 6, true},
    {"субботу", 6, true}, {"сб", 6, true},        {"воскресенье", 0, true},
    {"вс", 0, true},
};

const WeekdayName* weekday_named(std::string_view word) {
  for (const auto& w : k_weekdays)
    if (w.word == word) return &w;
  return nullptr;
}

// The last working day among [first, last], searching backwards.
std::optional<LocalDay> last_working_day(LocalDay first, LocalDay last,
                                         const WorkCalendar& calendar) {
  for (LocalDay d = last; d >= first; d -= days{1})
    if (calendar.is_working_day(d)) return d;
  return std::nullopt;
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  for (auto& w : split(s, ' '))
    if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// "+3d", "+2w", "+4h", "+30m" and the Russian letters д, н (неделя), ч. Minutes
// have no Russian letter on purpose: "+1м" reads as a month to many people.
std::optional<Instant> offset_when(std::string_view w, Instant now, LocalDay today,
                                   std::optional<minutes> time, const Zone& zone,
                                   const WorkCalendar& calendar) {
  if (!w.starts_with('+')) return std::nullopt;
  size_t n_end = w.find_first_not_of("0123456789", 1);
  if (n_end == std::string_view::npos || n_end == 1) return std::nullopt;
  auto n = digits(w.substr(1, n_end - 1), 1, 5);
  std::string_view unit = w.substr(n_end);
  if (!n) return std::nullopt;
  int days_ahead = -1;
  if (unit == "d" || unit == "д") days_ahead = *n;
  if (unit == "w" || unit == "н") days_ahead = *n * 7;
  if (days_ahead >= 0) {
    LocalDay d = today + days{days_ahead};
    return zone.to_instant(time ? LocalTime{d} + *time : calendar.end_of_day(d));
  }
  // "+4h 10:00" names two different moments; refuse rather than pick one.
  if (time) return std::nullopt;
  if (unit == "h" || unit == "ч") return now + hours{*n};
  if (unit == "m") return now + minutes{*n};
  return std::nullopt;
}

}  // namespace

Zone Zone::locate(std::string_view name) {
  Zone zone;
  try {
    zone.m_zone = date::locate_zone(name);
  } catch (const std::exception&) {
    throw Error("unknown time zone '{}'", name).hint("use a name such as Europe/Moscow");
  }
  zone.m_name = std::string(name);
  return zone;
}

std::optional<std::string> Zone::system_name() {
  // Paths such as /usr/share/zoneinfo/Europe/Berlin name the zone after "zoneinfo/".
  auto zone_of = [](std::string s) -> std::optional<std::string> {
    if (auto pos = s.rfind("zoneinfo/"); pos != std::string::npos) s = s.substr(pos + 9);
    if (s.empty()) return std::nullopt;
    try {
      date::locate_zone(s);
      return s;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  };
  if (const char* tz = std::getenv("TZ"); tz && *tz) {
    std::string_view name = tz;
    if (name.starts_with(':')) name.remove_prefix(1);
    if (auto zone = zone_of(std::string(name))) return zone;
  }
  if (std::ifstream in("/etc/timezone"); in) {
    std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (auto zone = zone_of(std::string(trim(content)))) return zone;
  }
  std::error_code ec;
  auto target = std::filesystem::read_symlink("/etc/localtime", ec);
  if (!ec) return zone_of(target.string());
  return std::nullopt;
}

LocalTime Zone::to_local(Instant t) const {
  return m_zone->to_local(t);
}

Instant Zone::to_instant(LocalTime t) const {
  // In a gap `first` is the period before it, so subtracting its offset lands
  // as far past the gap as t was into it; in an overlap `first` is the earlier
  // period, which gives the earlier instant. Unique times need no case.
  auto info = m_zone->get_info(t);
  return Instant{t.time_since_epoch()} - info.first.offset;
}

std::chrono::seconds Zone::offset(Instant t) const {
  return m_zone->get_info(t).offset;
}

bool WorkCalendar::is_working_day(LocalDay d) const {
  if (!work_days[date::weekday{d}.c_encoding()]) return false;
  return !std::binary_search(holidays.begin(), holidays.end(), d);
}

std::string format_timestamp(Instant t, const Zone& zone) {
  LocalTime local = zone.to_local(t);
  LocalDay day = date::floor<days>(local);
  date::hh_mm_ss<seconds> hms{local - day};
  auto offset = zone.offset(t).count();
  char sign = offset < 0 ? '-' : '+';
  offset = offset < 0 ? -offset : offset;
  return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(day), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count(), sign, offset / 3600,
                     offset % 3600 / 60);
}

std::string format_date(LocalDay d) {
  date::year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string format_human(Instant t, const Zone& zone) {
  LocalTime local = zone.to_local(t);
  LocalDay day = date::floor<days>(local);
  date::year_month_day ymd{day};
  date::hh_mm_ss<seconds> hms{local - day};
  return fmt::format("{:02}.{:02}.{:04} {:02}:{:02}", static_cast<unsigned>(ymd.day()),
                     static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()),
                     hms.hours().count(), hms.minutes().count());
}

Instant parse_timestamp(std::string_view text, const Zone& zone) {
  if (auto t = try_timestamp(text, zone)) return *t;
  throw Error("not a timestamp: '{}'", text)
      .hint("use ISO 8601, such as 2026-11-28T18:00:00+03:00");
}

LocalDay parse_iso_day(std::string_view text) {
  if (auto d = iso_day(text)) return *d;
  throw Error("not a date: '{}'", text).hint("use YYYY-MM-DD, such as 2026-11-28");
}

Instant parse_when(std::string_view text, Instant now, const Zone& zone,
                   const WorkCalendar& calendar) {
  auto fail = [&] { return Error("cannot read the date '{}'", text).hint(k_when_hint); };
  std::string_view trimmed = trim(text);
  // Full timestamps first: scripts hand back what format_timestamp printed.
  if (auto t = try_timestamp(trimmed, zone)) return *t;

  auto words = words_of(to_lower(trimmed));
  std::optional<minutes> time;
  if (!words.empty()) {
    if (auto t = clock_time(words.back(), 1)) {
      time = t;
      words.pop_back();
      if (!words.empty() && (words.back() == "at" || words.back() == "в")) words.pop_back();
    }
  }
  if (words.size() == 2 && (words[0] == "в" || words[0] == "во")) {
    if (auto w = weekday_named(words[1]); w && w->russian) words.erase(words.begin());
  }

  LocalDay today = date::floor<days>(zone.to_local(now));
  auto at_day = [&](LocalDay d) {
    return zone.to_instant(time ? LocalTime{d} + *time : calendar.end_of_day(d));
  };
  if (words.empty()) {
    if (!time) throw fail();
    return at_day(today);
  }
  if (words.size() != 1) throw fail();
  const std::string& w = words[0];

  if (auto t = offset_when(w, now, today, time, zone, calendar)) return *t;
  if (w == "today" || w == "сегодня" || w == "eod") return at_day(today);
  if (w == "tomorrow" || w == "завтра") return at_day(today + days{1});
  if (w == "послезавтра") return at_day(today + days{2});
  // eow and eom said when this week's or month's working days are over (on a
  // Saturday, or on Friday evening) mean the next week's or month's end.
  if (w == "eow") {
    LocalDay monday = today - (date::weekday{today} - date::Monday);
    for (int week = 0; week < 2; ++week, monday += days{7})
      if (auto d = last_working_day(monday, monday + days{6}, calendar); d && at_day(*d) > now)
        return at_day(*d);
    throw Error("this week and the next have no working days").hint("give the date, such as 28.11");
  }
  if (w == "eom") {
    date::year_month_day ymd{today};
    for (int month = 0; month < 2; ++month) {
      auto ym = ymd.year() / ymd.month() + date::months{month};
      LocalDay first{ym / 1};
      LocalDay last{ym / date::last};
      if (auto d = last_working_day(first, last, calendar); d && at_day(*d) > now)
        return at_day(*d);
    }
    throw Error("this month and the next have no working days")
        .hint("give the date, such as 28.11");
  }
  if (auto wd = weekday_named(w)) {
    // A week ahead is always after now, so the loop returns by its last turn.
    for (int i = 0; i <= 7; ++i) {
      LocalDay d = today + days{i};
      if (date::weekday{d}.c_encoding() == wd->c_encoding && at_day(d) > now) return at_day(d);
    }
  }
  if (auto d = iso_day(w)) return at_day(*d);
  if (auto d = dotted_day(w, today)) return at_day(*d);
  throw fail();
}

Instant now_from_env(const Zone& zone) {
  const char* value = std::getenv("TALLY_NOW");
  // An empty value is how shells spell "unset" (TALLY_NOW= tally ...).
  if (!value || !*value) return date::floor<seconds>(std::chrono::system_clock::now());
  if (auto t = try_timestamp(trim(value), zone)) return *t;
  throw Error("TALLY_NOW is not a timestamp: '{}'", value)
      .hint("use ISO 8601, such as 2026-11-27T10:00:00+03:00");
}

}  // namespace tally::core
