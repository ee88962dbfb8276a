#include "core/error.hpp"
#include "core/recur.hpp"

#include <doctest/doctest.h>

using namespace tally::core;

namespace {

LocalDay day(const char* iso) {
  return parse_iso_day(iso);
}

Task template_task(const Zone& zone) {
  Task t;
  t.id = "T-TEMPLATE01";
  t.title = "Отчёт по звонкам";
  t.creator = "anna";
  t.responsible = "ivan";
  t.recur = "weekday";
  t.created = Stamp::make(parse_timestamp("2026-03-02T10:00:00", zone), zone);
  t.deadline = Stamp::make(parse_timestamp("2026-03-02T17:30:00", zone), zone);
  t.checklist = {{"Выгрузить звонки", true}};
  return t;
}

}  // namespace

TEST_CASE("core::parse_recur") {
  CHECK(parse_recur("weekday").kind == RecurRule::Kind::working_days);
  CHECK(parse_recur("every weekday").text == "weekday");
  auto r = parse_recur("Mon,Thu");
  CHECK(r.kind == RecurRule::Kind::weekdays);
  CHECK(r.days[1]);
  CHECK(r.days[4]);
  CHECK_FALSE(r.days[2]);
  CHECK(parse_recur("month 1").day == 1);
  CHECK(parse_recur("every month last").kind == RecurRule::Kind::month_last);
  CHECK(parse_recur("monday,Thursday").days[4]);
  for (const char* bad : {"", "daily", "month 0", "month 32", "month x", "mon,xyz", "mo", "monthly",
                          "monkey", "sunshine"})
    CHECK_THROWS_AS(parse_recur(bad), Error);
}

TEST_CASE("core::occurs_on") {
  WorkCalendar cal;
  cal.holidays = {day("2026-11-04")};
  SUBCASE("working days skip weekends and holidays") {
    CHECK(occurs_on(parse_recur("weekday"), day("2026-11-03"), cal));
    CHECK_FALSE(occurs_on(parse_recur("weekday"), day("2026-11-04"), cal));
    CHECK_FALSE(occurs_on(parse_recur("weekday"), day("2026-11-07"), cal));
  }
  SUBCASE("named weekdays") {
    CHECK(occurs_on(parse_recur("mon,thu"), day("2026-11-26"), cal));
    CHECK_FALSE(occurs_on(parse_recur("mon,thu"), day("2026-11-27"), cal));
  }
  SUBCASE("month ends: the last day, and a day the month lacks") {
    CHECK(occurs_on(parse_recur("month last"), day("2026-11-30"), cal));
    CHECK_FALSE(occurs_on(parse_recur("month last"), day("2026-11-29"), cal));
    CHECK(occurs_on(parse_recur("month 31"), day("2026-11-30"), cal));
    CHECK(occurs_on(parse_recur("month 31"), day("2026-12-31"), cal));
    CHECK_FALSE(occurs_on(parse_recur("month 31"), day("2026-12-30"), cal));
  }
  SUBCASE("29 February") {
    CHECK(occurs_on(parse_recur("month 29"), day("2027-02-28"), cal));  // common year: its last day
    CHECK(occurs_on(parse_recur("month 29"), day("2028-02-29"), cal));  // leap year: the day itself
    CHECK_FALSE(occurs_on(parse_recur("month 29"), day("2028-02-28"), cal));
    CHECK(occurs_on(parse_recur("month last"), day("2028-02-29"), cal));
  }
}

TEST_CASE("core::instance_id") {
  CHECK(instance_id("T-TEMPLATE01", day("2026-11-27")) ==
        instance_id("T-TEMPLATE01", day("2026-11-27")));
  CHECK(instance_id("T-TEMPLATE01", day("2026-11-27")) !=
        instance_id("T-TEMPLATE01", day("2026-11-28")));
  CHECK(instance_id("T-TEMPLATE01", day("2026-11-27")) !=
        instance_id("T-TEMPLATE02", day("2026-11-27")));
  CHECK(instance_id("T-TEMPLATE01", day("2026-11-27")).size() == 12);
}

TEST_CASE("core::make_instance") {
  Zone berlin = Zone::locate("Europe/Berlin");
  WorkCalendar cal;
  Task tmpl = template_task(berlin);
  SUBCASE("the template's time of day on each side of a DST change") {
    // Clocks go forward on 29.03.2026: 17:30 stays 17:30 local, the offset changes.
    CHECK(make_instance(tmpl, day("2026-03-27"), berlin, cal).deadline->text ==
          "2026-03-27T17:30:00+01:00");
    CHECK(make_instance(tmpl, day("2026-03-30"), berlin, cal).deadline->text ==
          "2026-03-30T17:30:00+02:00");
  }
  SUBCASE("the same bytes every time, from the template and the day alone") {
    Task a = make_instance(tmpl, day("2026-11-27"), berlin, cal);
    Task b = make_instance(tmpl, day("2026-11-27"), berlin, cal);
    CHECK(task_to_yaml(a) == task_to_yaml(b));
    CHECK(a.created.text == "2026-11-27T09:00:00+01:00");
    CHECK(a.checklist.size() == 1);
    CHECK_FALSE(a.checklist[0].done);  // each instance starts its checklist afresh
    CHECK(a.recur.empty());
    CHECK(a.log[0].get("template") == "T-TEMPLATE01");
  }
}
