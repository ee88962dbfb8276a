#include "core/dates.hpp"

#include "core/error.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <utility>

using namespace tally::core;

namespace {

const Zone& zone_named(const std::string& name) {
  static std::map<std::string, Zone> zones;
  auto it = zones.find(name);
  if (it == zones.end()) it = zones.emplace(name, Zone::locate(name)).first;
  return it->second;
}

const Zone& moscow() {
  return zone_named("Europe/Moscow");
}
const Zone& berlin() {
  return zone_named("Europe/Berlin");
}

// 2026-11-27 is a Friday.
constexpr const char* k_friday_10 = "2026-11-27T10:00:00+03:00";

Instant at(std::string_view ts) {
  return parse_timestamp(ts, moscow());
}

// The instant `utc` as format_timestamp shows it in `zone`.
std::string shown(std::string_view utc, const Zone& zone) {
  return format_timestamp(at(utc), zone);
}

// parse_when in `zone`, printed back in `zone` so the expectations read as the user sees them.
std::string when(std::string_view text, std::string_view now = k_friday_10,
                 const WorkCalendar& calendar = {}, const Zone& zone = moscow()) {
  return format_timestamp(parse_when(text, parse_timestamp(now, zone), zone, calendar), zone);
}

std::string when_in_berlin(std::string_view text, std::string_view now) {
  return when(text, now, {}, berlin());
}

// Every word reads as the same deadline from the Friday morning.
void each_is(std::initializer_list<const char*> words, const std::string& expected) {
  for (const char* word : words) {
    CAPTURE(word);
    CHECK(when(word) == expected);
  }
}

LocalDay day(std::string_view iso) {
  return parse_iso_day(iso);
}

// The message of the Error that f throws, or "" when it throws none.
template <typename F>
std::string error_of(F f, std::string* hint = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (hint) *hint = e.hint();
    return e.what();
  }
  return "";
}

// Sets an environment variable for one scope and puts the old value back.
class EnvGuard {
 public:
  EnvGuard(const char* name, const char* value) : m_name(name) {
    if (const char* old = std::getenv(name)) m_old = old;
    value ? setenv(name, value, 1) : unsetenv(name);
  }
  ~EnvGuard() { m_old ? setenv(m_name, m_old->c_str(), 1) : unsetenv(m_name); }

 private:
  const char* m_name;
  std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("core::format_timestamp") {
  SUBCASE("Moscow is +03:00 all year") {
    CHECK(shown("2026-07-01T12:00:00Z", moscow()) == "2026-07-01T15:00:00+03:00");
    CHECK(shown("2026-01-01T12:00:00Z", moscow()) == "2026-01-01T15:00:00+03:00");
  }
  SUBCASE("UTC prints +00:00, not Z") {
    CHECK(shown("2026-11-28T18:00:00Z", zone_named("Etc/UTC")) == "2026-11-28T18:00:00+00:00");
  }
  SUBCASE("negative offsets with minutes") {
    CHECK(shown("2026-11-28T18:00:00Z", zone_named("America/St_Johns")) ==
          "2026-11-28T14:30:00-03:30");
    CHECK(shown("2026-11-28T18:00:00Z", zone_named("Asia/Kolkata")) == "2026-11-28T23:30:00+05:30");
  }
  SUBCASE("Berlin on both sides of spring forward") {
    CHECK(shown("2026-03-29T00:59:59Z", berlin()) == "2026-03-29T01:59:59+01:00");
    CHECK(shown("2026-03-29T01:00:00Z", berlin()) == "2026-03-29T03:00:00+02:00");
  }
  SUBCASE("Berlin on both sides of fall back") {
    CHECK(shown("2026-10-25T00:59:59Z", berlin()) == "2026-10-25T02:59:59+02:00");
    CHECK(shown("2026-10-25T01:00:00Z", berlin()) == "2026-10-25T02:00:00+01:00");
  }
  SUBCASE("format_date and format_human") {
    CHECK(format_date(day("2026-03-09")) == "2026-03-09");
    CHECK(format_human(at("2026-03-09T07:05:00Z"), moscow()) == "09.03.2026 10:05");
  }
}

TEST_CASE("core::parse_timestamp") {
  auto utc = [](std::string_view ts, const Zone& zone = moscow()) {
    return format_timestamp(parse_timestamp(ts, zone), zone_named("Etc/UTC"));
  };
  SUBCASE("offsets: +03:00, +0300, -05:00, Z") {
    CHECK(utc("2026-11-28T18:00:00+03:00") == "2026-11-28T15:00:00+00:00");
    CHECK(utc("2026-11-28T18:00:00+0300") == "2026-11-28T15:00:00+00:00");
    CHECK(utc("2026-11-28T18:00:00-05:00") == "2026-11-28T23:00:00+00:00");
    CHECK(utc("2026-11-28T18:00:00Z") == "2026-11-28T18:00:00+00:00");
  }
  SUBCASE("no offset is taken in the zone") {
    CHECK(utc("2026-11-28T18:00:00") == "2026-11-28T15:00:00+00:00");
    CHECK(utc("2026-07-01T18:00:00", berlin()) == "2026-07-01T16:00:00+00:00");
  }
  SUBCASE("space separator and no seconds") {
    CHECK(utc("2026-11-28 18:00") == "2026-11-28T15:00:00+00:00");
    CHECK(utc("2026-11-28 18:00:07Z") == "2026-11-28T18:00:07+00:00");
  }
  SUBCASE("round trip") {
    Instant t = at("2026-10-25T02:30:00+01:00");
    CHECK(parse_timestamp(format_timestamp(t, berlin()), berlin()) == t);
  }
  SUBCASE("rejects") {
    for (const char* bad :
         {"", "garbage", "2026-11-28", "2026-11-28T18:00:00+03:00x", "2026-11-28T18:00:00 ",
          "2026-02-30T10:00", "2026-11-28T24:00", "2026-11-28T18:60", "2026-11-28T18:00:60",
          "2026-11-28T8:00", "2026-11-28T18:00:00+3:00", "2026-11-28T18:00:00+03:0",
          "2026-11-28T18:00:00+03", "2026-11-28T18:00:00+03-00", "2026-11-28X18:00",
          "2026-13-01T10:00"}) {
      CAPTURE(bad);
      std::string hint;
      CHECK(error_of([&] { parse_timestamp(bad, moscow()); }, &hint) ==
            fmt::format("not a timestamp: '{}'", bad));
      CHECK(hint.find("ISO 8601") != std::string::npos);
    }
  }
}

TEST_CASE("core::parse_iso_day") {
  CHECK(format_date(parse_iso_day("2028-02-29")) == "2028-02-29");
  for (const char* bad : {"2026-02-29", "2026-2-3", "2026-11-28 ", "28.11.2026", ""}) {
    CAPTURE(bad);
    CHECK(error_of([&] { parse_iso_day(bad); }) == fmt::format("not a date: '{}'", bad));
  }
}

TEST_CASE("core::Zone") {
  SUBCASE("locate an unknown zone") {
    std::string hint;
    CHECK(error_of([] { Zone::locate("Europe/Atlantis"); }, &hint) ==
          "unknown time zone 'Europe/Atlantis'");
    CHECK(hint == "use a name such as Europe/Moscow");
    CHECK(berlin().name() == "Europe/Berlin");
  }
  SUBCASE("nonexistent local time moves forward by the gap") {
    LocalTime t = LocalTime{day("2026-03-29")} + std::chrono::minutes{150};
    CHECK(format_timestamp(berlin().to_instant(t), berlin()) == "2026-03-29T03:30:00+02:00");
  }
  SUBCASE("ambiguous local time takes the earlier instant") {
    LocalTime t = LocalTime{day("2026-10-25")} + std::chrono::minutes{150};
    CHECK(format_timestamp(berlin().to_instant(t), berlin()) == "2026-10-25T02:30:00+02:00");
    CHECK(berlin().to_instant(t) == at("2026-10-25T00:30:00Z"));
  }
  SUBCASE("offset and to_local") {
    CHECK(berlin().offset(at("2026-07-01T00:00:00Z")) == std::chrono::hours{2});
    CHECK(berlin().offset(at("2026-12-01T00:00:00Z")) == std::chrono::hours{1});
    CHECK(moscow().to_local(at("2026-11-27T07:00:00Z")) ==
          LocalTime{day("2026-11-27")} + std::chrono::hours{10});
  }
  SUBCASE("system_name from TZ: a name, ':' and a name, ':' and a zoneinfo path") {
    using Case = std::pair<const char*, const char*>;
    for (auto [tz, name] :
         {Case{"Asia/Tokyo", "Asia/Tokyo"}, Case{":America/New_York", "America/New_York"},
          Case{":/usr/share/zoneinfo/Asia/Tokyo", "Asia/Tokyo"}}) {
      EnvGuard guard("TZ", tz);
      CHECK(Zone::system_name() == std::optional<std::string>(name));
    }
  }
  SUBCASE("system_name skips a TZ that names no zone") {
    EnvGuard tz("TZ", "Nowhere/Land");
    auto name = Zone::system_name();
    CHECK(name != std::optional<std::string>("Nowhere/Land"));
    if (name) CHECK_NOTHROW(Zone::locate(*name));
  }
}

TEST_CASE("core::WorkCalendar") {
  WorkCalendar calendar;
  CHECK(calendar.is_working_day(day("2026-11-27")));        // Friday
  CHECK_FALSE(calendar.is_working_day(day("2026-11-28")));  // Saturday
  CHECK_FALSE(calendar.is_working_day(day("2026-11-29")));  // Sunday
  calendar.holidays = {day("2026-11-04"), day("2026-12-31")};
  CHECK_FALSE(calendar.is_working_day(day("2026-11-04")));
  CHECK_FALSE(calendar.is_working_day(day("2026-12-31")));
  CHECK(calendar.is_working_day(day("2026-12-30")));
  calendar.work_days[6] = true;
  CHECK(calendar.is_working_day(day("2026-11-28")));
  CHECK(calendar.end_of_day(day("2026-11-28")) ==
        LocalTime{day("2026-11-28")} + std::chrono::hours{18});
}

TEST_CASE("core::parse_when") {
  SUBCASE("ISO dates, with and without a time") {
    CHECK(when("2026-11-28") == "2026-11-28T18:00:00+03:00");
    CHECK(when("2026-11-28 18:30") == "2026-11-28T18:30:00+03:00");
    CHECK(when("2026-11-28T12:30") == "2026-11-28T12:30:00+03:00");
    CHECK(when("2026-11-28 9:00") == "2026-11-28T09:00:00+03:00");
    CHECK(when("2026-11-28T18:00:00+00:00") == "2026-11-28T21:00:00+03:00");
  }
  SUBCASE("Russian dates with year") {
    CHECK(when("28.11.2026") == "2026-11-28T18:00:00+03:00");
    CHECK(when("28.11.2026 9:00") == "2026-11-28T09:00:00+03:00");
    CHECK(when("1.2.2027") == "2027-02-01T18:00:00+03:00");
  }
  SUBCASE("Russian dates without year") {
    CHECK(when("28.11") == "2026-11-28T18:00:00+03:00");
    CHECK(when("28.11 12:30") == "2026-11-28T12:30:00+03:00");
    CHECK(when("31.12") == "2026-12-31T18:00:00+03:00");
    CHECK(when("05.01") == "2027-01-05T18:00:00+03:00");
    CHECK(when("01.11") == "2026-11-01T18:00:00+03:00");  // past, returned as is
    CHECK(when("27.10") == "2026-10-27T18:00:00+03:00");  // exactly 31 days ago
    CHECK(when("26.10") == "2027-10-26T18:00:00+03:00");  // 32 days ago
  }
  SUBCASE("dd.mm around new year") {
    const char* dec31 = "2026-12-31T10:00:00+03:00";
    CHECK(when("31.12", dec31) == "2026-12-31T18:00:00+03:00");
    CHECK(when("01.01", dec31) == "2027-01-01T18:00:00+03:00");
    CHECK(when("30.11", dec31) == "2026-11-30T18:00:00+03:00");
    CHECK(when("29.11", dec31) == "2027-11-29T18:00:00+03:00");
    CHECK(when("29.02", "2027-12-20T10:00:00+03:00") == "2028-02-29T18:00:00+03:00");
  }
  SUBCASE("today, tomorrow, the day after") {
    CHECK(when("today") == "2026-11-27T18:00:00+03:00");
    CHECK(when("сегодня") == "2026-11-27T18:00:00+03:00");
    CHECK(when("СЕГОДНЯ 15:00") == "2026-11-27T15:00:00+03:00");
    CHECK(when("tomorrow") == "2026-11-28T18:00:00+03:00");
    CHECK(when("Tomorrow 10:00") == "2026-11-28T10:00:00+03:00");
    CHECK(when("tomorrow at 10:00") == "2026-11-28T10:00:00+03:00");
    CHECK(when("завтра") == "2026-11-28T18:00:00+03:00");
    CHECK(when("завтра в 10:00") == "2026-11-28T10:00:00+03:00");
    CHECK(when("послезавтра") == "2026-11-29T18:00:00+03:00");
  }
  SUBCASE("English weekdays") {
    each_is({"monday", "mon"}, "2026-11-30T18:00:00+03:00");
    each_is({"tuesday", "tue", "tues"}, "2026-12-01T18:00:00+03:00");
    each_is({"wednesday", "wed"}, "2026-12-02T18:00:00+03:00");
    each_is({"thursday", "thu", "thur", "thurs"}, "2026-12-03T18:00:00+03:00");
    each_is({"friday", "fri", "FRIDAY"}, "2026-11-27T18:00:00+03:00");
    each_is({"saturday", "sat"}, "2026-11-28T18:00:00+03:00");
    each_is({"sunday", "sun"}, "2026-11-29T18:00:00+03:00");
  }
  SUBCASE("Russian weekdays") {
    each_is({"понедельник", "пн", "Понедельник"}, "2026-11-30T18:00:00+03:00");
    each_is({"вторник", "вт", "во вторник"}, "2026-12-01T18:00:00+03:00");
    each_is({"среда", "среду", "ср", "В Среду"}, "2026-12-02T18:00:00+03:00");
    each_is({"четверг", "чт"}, "2026-12-03T18:00:00+03:00");
    each_is({"пятница", "пятницу", "пт", "ПТ", "в пятницу"}, "2026-11-27T18:00:00+03:00");
    each_is({"суббота", "субботу", "сб"}, "2026-11-28T18:00:00+03:00");
    each_is({"воскресенье", "вс"}, "2026-11-29T18:00:00+03:00");
  }
  SUBCASE("weekday with a time") {
    CHECK(when("пт 18:00") == "2026-11-27T18:00:00+03:00");
    CHECK(when("пт 9:00") == "2026-12-04T09:00:00+03:00");  // today's 9:00 is over
    CHECK(when("в пятницу в 12:00") == "2026-11-27T12:00:00+03:00");
    CHECK(when("friday at 17:45") == "2026-11-27T17:45:00+03:00");
    CHECK(when("mon 10:00") == "2026-11-30T10:00:00+03:00");
  }
  SUBCASE("today's weekday before and after the end of the day") {
    CHECK(when("friday", "2026-11-27T17:59:59+03:00") == "2026-11-27T18:00:00+03:00");
    CHECK(when("friday", "2026-11-27T18:00:00+03:00") == "2026-12-04T18:00:00+03:00");
    CHECK(when("пт", "2026-11-27T19:00:00+03:00") == "2026-12-04T18:00:00+03:00");
    WorkCalendar late;
    late.day_end = std::chrono::hours{20};
    CHECK(when("пт", "2026-11-27T19:00:00+03:00", late) == "2026-11-27T20:00:00+03:00");
  }
  SUBCASE("a time alone is today, even when past") {
    CHECK(when("18:00") == "2026-11-27T18:00:00+03:00");
    CHECK(when("9:05") == "2026-11-27T09:05:00+03:00");
    CHECK(when("at 23:59") == "2026-11-27T23:59:00+03:00");
    CHECK(when("в 12:00") == "2026-11-27T12:00:00+03:00");
  }
  SUBCASE("day and week offsets end at the end of the working day") {
    CHECK(when("+3d") == "2026-11-30T18:00:00+03:00");
    CHECK(when("+3д") == "2026-11-30T18:00:00+03:00");
    CHECK(when("+0d") == "2026-11-27T18:00:00+03:00");
    CHECK(when("+2w") == "2026-12-11T18:00:00+03:00");
    CHECK(when("+2Н") == "2026-12-11T18:00:00+03:00");
    CHECK(when("+1d 10:00") == "2026-11-28T10:00:00+03:00");
  }
  SUBCASE("hour and minute offsets are exact durations") {
    CHECK(when("+4h") == "2026-11-27T14:00:00+03:00");
    CHECK(when("+4ч") == "2026-11-27T14:00:00+03:00");
    CHECK(when("+30m") == "2026-11-27T10:30:00+03:00");
    CHECK(when("+30M") == "2026-11-27T10:30:00+03:00");
    CHECK(when("+24h", "2026-11-27T10:00:07+03:00") == "2026-11-28T10:00:07+03:00");
  }
  SUBCASE("eod, eow, eom") {
    CHECK(when("eod") == "2026-11-27T18:00:00+03:00");
    CHECK(when("EOW") == "2026-11-27T18:00:00+03:00");
    CHECK(when("eow", "2026-11-23T10:00:00+03:00") == "2026-11-27T18:00:00+03:00");  // Monday
    // On Sunday, and on Friday evening, this week's working days are over: next week's end.
    CHECK(when("eow", "2026-11-29T10:00:00+03:00") == "2026-12-04T18:00:00+03:00");
    CHECK(when("eow", "2026-11-27T18:30:00+03:00") == "2026-12-04T18:00:00+03:00");
    CHECK(when("eom") == "2026-11-30T18:00:00+03:00");  // November ends on a Monday
    CHECK(when("eom", "2026-10-05T10:00:00+03:00") == "2026-10-30T18:00:00+03:00");  // Saturday
    // 31.01.2027 is a Sunday after the month's last working day: February's end.
    CHECK(when("eom", "2027-01-31T10:00:00+03:00") == "2027-02-26T18:00:00+03:00");
    CHECK(when("eom", "2027-01-29T10:00:00+03:00") == "2027-01-29T18:00:00+03:00");
  }
  SUBCASE("eow and eom skip holidays") {
    WorkCalendar calendar;
    calendar.holidays = {day("2026-11-27"), day("2026-12-31")};
    CHECK(when("eow", "2026-11-25T10:00:00+03:00", calendar) == "2026-11-26T18:00:00+03:00");
    CHECK(when("eow", k_friday_10, calendar) == "2026-12-04T18:00:00+03:00");
    CHECK(when("eom", "2026-12-01T10:00:00+03:00", calendar) == "2026-12-30T18:00:00+03:00");
    calendar.work_days = {true, false, false, false, false, false, false};  // Sundays only
    CHECK(when("eow", k_friday_10, calendar) == "2026-11-29T18:00:00+03:00");
    calendar.work_days = {false, true, false, false, false, false, false};  // Mondays only
    CHECK(when("eow", k_friday_10, calendar) == "2026-11-30T18:00:00+03:00");
    CHECK(when("eom", k_friday_10, calendar) == "2026-11-30T18:00:00+03:00");
    calendar.work_days.fill(false);
    CHECK(error_of([&] { when("eow", k_friday_10, calendar); }) ==
          "this week and the next have no working days");
  }
  SUBCASE("Berlin: a nonexistent time moves past the gap") {
    CHECK(when_in_berlin("29.03.2026 02:30", "2026-03-28T10:00:00+01:00") ==
          "2026-03-29T03:30:00+02:00");
    CHECK(when_in_berlin("2026-03-29 02:30", "2026-03-28T10:00:00+01:00") ==
          "2026-03-29T03:30:00+02:00");
  }
  SUBCASE("Berlin: an ambiguous time takes the earlier instant") {
    CHECK(when_in_berlin("25.10.2026 02:30", "2026-10-24T10:00:00+02:00") ==
          "2026-10-25T02:30:00+02:00");
  }
  SUBCASE("Berlin: offsets across the change") {
    CHECK(when_in_berlin("+1d", "2026-03-28T10:00:00+01:00") == "2026-03-29T18:00:00+02:00");
    CHECK(when_in_berlin("+4h", "2026-03-29T00:00:00+01:00") == "2026-03-29T05:00:00+02:00");
    CHECK(when_in_berlin("+4h", "2026-10-25T00:00:00+02:00") == "2026-10-25T03:00:00+01:00");
    CHECK(when_in_berlin("sunday", "2026-10-24T10:00:00+02:00") == "2026-10-25T18:00:00+01:00");
  }
  SUBCASE("errors name the text and the accepted forms") {
    // Shapes that resemble a form, days and times out of range, offsets without a count or unit.
    // clang-format off
    const char* const inputs[] = {
        "garbage", "", "   ", "friday tomorrow", "28.11.2026 18:00 extra", "tomorrow 10",
        "28.11.26", "1.2.3.4", "в", "во", "at", "в friday",
        "32.13.2026", "2026-02-30", "29.02", "25:00", "12:60", "пт 25:00", "2026-11-28 25:00",
        "+d", "+3", "+3y", "+-3d", "+1м", "+123456d", "+4h 10:00"};
    // clang-format on
    for (const char* bad : inputs) {
      CAPTURE(bad);
      std::string hint;
      CHECK(error_of([&] { when(bad); }, &hint) == fmt::format("cannot read the date '{}'", bad));
      CHECK(hint.starts_with("accepted forms: 2026-11-28, 2026-11-28 18:00, 28.11.2026"));
    }
  }
}

TEST_CASE("core::now_from_env") {
  SUBCASE("TALLY_NOW with an offset") {
    EnvGuard now("TALLY_NOW", "2026-11-27T10:00:00+03:00");
    CHECK(now_from_env(berlin()) == at("2026-11-27T07:00:00Z"));
  }
  SUBCASE("TALLY_NOW without an offset is taken in the zone") {
    EnvGuard now("TALLY_NOW", "2026-11-27T10:00:00");
    CHECK(now_from_env(berlin()) == at("2026-11-27T09:00:00Z"));
  }
  SUBCASE("malformed TALLY_NOW") {
    EnvGuard now("TALLY_NOW", "yesterday");
    std::string hint;
    CHECK(error_of([] { now_from_env(moscow()); }, &hint) ==
          "TALLY_NOW is not a timestamp: 'yesterday'");
    CHECK(hint == "use ISO 8601, such as 2026-11-27T10:00:00+03:00");
  }
  SUBCASE("unset or empty reads the system clock") {
    for (const char* value : {static_cast<const char*>(nullptr), ""}) {
      EnvGuard now("TALLY_NOW", value);
      auto system = std::chrono::system_clock::now();
      auto got = now_from_env(moscow());
      CHECK(got <= system + std::chrono::seconds{1});
      CHECK(got >= system - std::chrono::seconds{60});
    }
  }
}
