#include "core/error.hpp"
#include "core/plan.hpp"

#include <doctest/doctest.h>

using namespace tally::core;

namespace {

const Zone& moscow() {
  static const Zone zone = Zone::locate("Europe/Moscow");
  return zone;
}

LocalDay day(const char* iso) {
  return parse_iso_day(iso);
}

// The default funnel, and 4 November off: November 2026 has 20 working days.
Settings store_settings() {
  Settings s;
  s.stages = Settings::default_stages();
  s.calendar.holidays = {day("2026-11-04")};
  return s;
}

People team() {
  People people;
  Person ivan, anna;
  ivan.login = "ivan";
  ivan.department = "Корпоративный";
  anna.login = "anna";
  anna.department = "Розница";
  people.list = {ivan, anna};
  return people;
}

Record deal(std::string id, std::string amount, std::string closed, std::string owner = "ivan",
            std::vector<std::pair<std::string, std::string>> fields = {},
            std::string stage = "won") {
  Record r;
  r.id = std::move(id);
  r.owner = std::move(owner);
  r.stage = std::move(stage);
  if (!amount.empty()) r.amount = Money::parse(amount);
  if (!closed.empty()) r.closed = Stamp{parse_timestamp(closed, moscow()), closed};
  r.fields = std::move(fields);
  return r;
}

const std::vector<std::string>& known_fields() {
  static const auto fields = deal_field_names(
      {deal("D-0", "", "", "", {{"region", "msk"}, {"segment", "b2b"}, {"cohort", "2026"}})});
  return fields;
}

Plan plan_of(const std::string& text, const std::string& period = "2026-11") {
  return parse_plan(parse_yaml(text, "plans/" + period + ".yaml"), known_fields());
}

// One segment over every deal of November 2026.
Plan single(const std::string& target, const std::string& measure = "amount") {
  return plan_of("period: 2026-11\nmeasure: " + measure +
                 "\nsegments:\n  - name: Все\n    match: {}\n    target: " + target + "\n");
}

CheckResult check(const Plan& plan, const std::vector<Record>& deals,
                  const char* as_of = "2026-12-15T12:00:00+03:00", bool final = false,
                  std::optional<int> tolerance = std::nullopt) {
  CheckOptions options;
  options.as_of = parse_timestamp(as_of, moscow());
  options.final = final;
  options.tolerance_percent = tolerance;
  return check_plan(plan, deals, store_settings(), team(), moscow(), options);
}

// A check with the gate's options: --judge-after and --fail-on.
CheckResult gate(const Plan& plan, const std::vector<Record>& deals, const char* as_of,
                 std::optional<int> judge_after, FailOn fail_on = FailOn::any,
                 Settings settings = store_settings()) {
  CheckOptions options;
  options.as_of = parse_timestamp(as_of, moscow());
  options.judge_after_percent = judge_after;
  options.fail_on = fail_on;
  return check_plan(plan, deals, settings, team(), moscow(), options);
}

std::vector<std::string> ids(const SegmentResult& s) {
  std::vector<std::string> out;
  for (const Record* r : s.deals) out.push_back(r->id);
  return out;
}

// Every problem parse_plan reports, message and detail together.
std::string problems_of(const std::string& text, const std::string& path = "plans/2026-11.yaml") {
  try {
    parse_plan(parse_yaml(text, path), known_fields());
  } catch (const Error& e) {
    return std::string(e.what()) + "\n" + e.detail();
  }
  FAIL("the plan was accepted");
  return {};
}

}  // namespace

TEST_CASE("core::parse_plan_period") {
  SUBCASE("a month") {
    auto p = parse_plan_period("2026-11");
    CHECK(p.name == "2026-11");
    CHECK(p.first == day("2026-11-01"));
    CHECK(p.last == day("2026-11-30"));
    CHECK(parse_plan_period("2028-02").last == day("2028-02-29"));
  }
  SUBCASE("a quarter, either case, named in upper case") {
    auto p = parse_plan_period("2026-Q4");
    CHECK(p.name == "2026-Q4");
    CHECK(p.first == day("2026-10-01"));
    CHECK(p.last == day("2026-12-31"));
    auto q = parse_plan_period("2026-q1");
    CHECK(q.name == "2026-Q1");
    CHECK(q.first == day("2026-01-01"));
    CHECK(q.last == day("2026-03-31"));
  }
  SUBCASE("a year") {
    auto p = parse_plan_period("2026");
    CHECK(p.first == day("2026-01-01"));
    CHECK(p.last == day("2026-12-31"));
  }
  SUBCASE("anything else names the accepted forms") {
    for (const char* bad : {"2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-1", "26-11",
                            "2026-11-01", "", " 2026", "2026-H1", "ноябрь"}) {
      CAPTURE(bad);
      try {
        parse_plan_period(bad);
        FAIL("accepted");
      } catch (const Error& e) {
        CHECK(std::string(e.what()) == fmt::format("'{}' is not a plan period", bad));
        CHECK(e.hint() == "a month 2026-11, a quarter 2026-Q4 or a year 2026");
      }
    }
  }
}

TEST_CASE("core::parse_plan") {
  SUBCASE("values, exactly") {
    Plan p = plan_of(
        "period: 2026-11\nmeasure: amount\ntolerance: 15%\nrates:\n  USD: 92.50\nsegments:\n"
        "  - name: Москва, корпоративные\n    match: {region: msk, segment: b2b}\n"
        "    target: 12 000 000\n  - name: Мелочь\n    match: {}\n    target: \"0.10\"\n"
        "    actual: 12,000,000.50\n");
    CHECK(p.period.first == day("2026-11-01"));
    CHECK(p.measure == Measure::amount);
    CHECK(p.tolerance_percent == 15);
    CHECK(p.rates.at("USD").cents == 9250);
    REQUIRE(p.segments.size() == 2);
    REQUIRE(p.segments[0].match.size() == 2);
    CHECK(p.segments[0].match[0].field == "region");
    CHECK(p.segments[0].match[0].values == std::vector<std::string>{"msk"});
    CHECK(p.segments[0].match[1].field == "segment");
    CHECK(p.segments[0].match[1].values == std::vector<std::string>{"b2b"});
    CHECK(p.segments[0].target == 1'200'000'000);
    CHECK_FALSE(p.segments[0].actual);
    CHECK(p.segments[0].mark.line == 6);
    CHECK(p.segments[1].match.empty());
    CHECK(p.segments[1].target == 10);
    CHECK(p.segments[1].actual == 1'200'000'050);
  }
  SUBCASE("count targets are deals; tolerance without % and no tolerance") {
    Plan p = single("1 000", "count");
    CHECK(p.measure == Measure::count);
    CHECK(p.segments[0].target == 1000);
    CHECK_FALSE(p.tolerance_percent);
    CHECK(plan_of("period: 2026-11\ntolerance: 0\nsegments: []\n").tolerance_percent == 0);
  }
  SUBCASE("an empty plan (plan add without segments) is valid") {
    CHECK(plan_of("period: 2026-11\nmeasure: amount\nsegments: []\n").segments.empty());
  }
  SUBCASE("every problem at once, each at its line and column") {
    std::string all = problems_of(
        "period: 2026-12\n"
        "measure: sum\n"
        "tolerance: много\n"
        "rates: [USD]\n"
        "segments:\n"
        "  - name: Москва\n"
        "    match:\n"
        "      regoin: msk\n"
        "    target: -5\n"
        "  - name: Москва\n"
        "    match: msk\n"
        "    target: 12 000 000,505\n"
        "  - match: {}\n"
        "  - name: Без цели\n"
        "    match: {}\n"
        "    targte: 5\n"
        "  - just a string\n");
    for (const char* expected :
         {"plans/2026-11.yaml:1:9: 'period' is 2026-12 but the file is named 2026-11.yaml",
          "plans/2026-11.yaml:2:10: unknown measure 'sum'; measures are amount and count",
          "plans/2026-11.yaml:3:12: 'tolerance' must be a percentage such as 20%",
          "plans/2026-11.yaml:4:8: 'rates' must be a map of currencies to rates",
          "plans/2026-11.yaml:8:7: unknown field 'regoin' in match; did you mean 'region'? fields: "
          "cohort, company, contact, currency, department, id, owner, region, segment, stage, "
          "title",
          "plans/2026-11.yaml:9:13: 'target' must not be negative",
          "plans/2026-11.yaml:10:11: the segment name 'Москва' is taken by the one at line 6",
          "plans/2026-11.yaml:11:12: 'match' must be a map of fields to values",
          "plans/2026-11.yaml:12:13: 'target' must be an amount such as 12 000 000",
          "plans/2026-11.yaml:13:5: a segment needs a 'name'",
          "plans/2026-11.yaml:13:5: a segment has no 'target'",
          "plans/2026-11.yaml:16:5: unknown key 'targte' in a segment; did you mean 'target'?",
          "plans/2026-11.yaml:14:5: the segment 'Без цели' has no 'target'",
          "plans/2026-11.yaml:17:5: a segment must be a map"}) {
      CAPTURE(expected);
      CHECK(all.find(expected) != std::string::npos);
    }
    CHECK(all.find("^") != std::string::npos);  // the caret under the spot
  }
  SUBCASE("a missing period, missing segments and a stray period") {
    std::string all = problems_of("measure: count\n");
    CHECK(all.find("plans/2026-11.yaml:1:1: the plan has no 'period'") != std::string::npos);
    CHECK(all.find("plans/2026-11.yaml:1:1: the plan has no 'segments'") != std::string::npos);
    CHECK(problems_of("period: 2026-13\nsegments: []\n")
              .starts_with("plans/2026-11.yaml:1:9: 'period' must be a month 2026-11, a quarter "
                           "2026-Q4 or a year 2026, not '2026-13'"));
    CHECK(problems_of("period: 2026-11\nsegments: {a: 1}\n")
              .starts_with("plans/2026-11.yaml:2:11: 'segments' must be a list"));
    CHECK(problems_of("period: 2026-11\nsegments:\n  - name: A\n    target: 1\n")
              .starts_with("plans/2026-11.yaml:3:5: the segment 'A' has no 'match'"));
  }
  SUBCASE("count targets are whole, non-negative numbers") {
    std::string head = "period: 2026-11\nmeasure: count\nsegments:\n  - name: A\n    match: {}\n";
    CHECK(problems_of(head + "    target: 2.5\n")
              .starts_with("plans/2026-11.yaml:6:13: 'target' must be a whole number of deals"));
    CHECK(problems_of(head + "    target: -1\n")
              .starts_with("plans/2026-11.yaml:6:13: 'target' must not be negative"));
    CHECK(problems_of(head + "    target: 3\n    actual: [1]\n")
              .starts_with("plans/2026-11.yaml:7:13: 'actual' must be a whole number of deals"));
  }
  SUBCASE("bad rates") {
    std::string all =
        problems_of("period: 2026-11\nrates:\n  USD: abc\n  EUR: 0\n  CNY: 12.345\nsegments: []\n");
    CHECK(all.find("plans/2026-11.yaml:3:8: the rate of USD must be a number") !=
          std::string::npos);
    CHECK(all.find("plans/2026-11.yaml:4:8: the rate of EUR must be above zero") !=
          std::string::npos);
    CHECK(all.find("plans/2026-11.yaml:5:8: the rate of CNY must be a number") !=
          std::string::npos);
  }
  SUBCASE("no field check when no fields are known (history of old revisions)") {
    auto doc = parse_yaml(
        "period: 2026-11\nsegments:\n  - name: A\n    match: {gone: x}\n"
        "    target: 1\n",
        "plans/2026-11.yaml");
    CHECK(parse_plan(doc, {}).segments[0].match.front().field == "gone");
    CHECK_THROWS_AS(parse_plan(doc, known_fields()), Error);
  }
}

TEST_CASE("core::plan_to_yaml") {
  SUBCASE("a canonical plan is written back byte for byte") {
    // Numbers in the store's form, quoted as deal amounts are.
    const std::string amount = R"(period: 2026-11
measure: amount
tolerance: 15%
rates:
  EUR: "100.25"
  USD: "92.50"
segments:
  - name: Москва, корпоративные
    match:
      region: msk
      segment: b2b
    target: "12000000.00"
  - name: Иван Петров
    match:
      owner: ivan
      cohort: "2026"
    target: "3000000.50"
    actual: "2500000.00"
  - name: Весь отдел
    match: {}
    target: "0.00"
x-note: черновик
)";
    CHECK(plan_to_yaml(plan_of(amount)) == amount);
    // examples/store/plans/2026-Q4.yaml
    const std::string count = R"(period: 2026-Q4
measure: count
tolerance: 25%
segments:
  - name: Все выигранные сделки
    match: {}
    target: "12"
  - name: Отдел продаж, малый бизнес
    match:
      department: sales
      segment: smb
    target: "4"
)";
    CHECK(plan_to_yaml(plan_of(count, "2026-Q4")) == count);
    const std::string year = "period: 2026\nmeasure: amount\nsegments: []\n";
    CHECK(plan_to_yaml(plan_of(year, "2026")) == year);
  }
  SUBCASE("hand-written forms become canonical") {
    Plan p = plan_of(
        "segments:\n  - target: 12 000 000,50\n    match: {region: msk}\n    name: Москва\n"
        "    actual: 3000000\nrates: {USD: 92.5}\nmeasure: amount\nperiod: 2026-q4\ntolerance: "
        "10\n",
        "2026-Q4");
    CHECK(plan_to_yaml(p) ==
          "period: 2026-Q4\nmeasure: amount\ntolerance: 10%\nrates:\n  USD: \"92.50\"\nsegments:\n"
          "  - name: Москва\n    match:\n      region: msk\n    target: \"12000000.50\"\n"
          "    actual: \"3000000.00\"\n");
  }
}

TEST_CASE("core::deal_field_names for plans") {
  CHECK(deal_field_names({deal("D-1", "", "", "ivan", {{"region", "msk"}}),
                          deal("D-2", "", "", "ivan", {{"segment", "b2b"}, {"region", "spb"}})}) ==
        std::vector<std::string>{"company", "contact", "currency", "department", "id", "owner",
                                 "region", "segment", "stage", "title"});
}

TEST_CASE("core::check_plan") {
  const char* in_nov = "2026-11-10T12:00:00+03:00";
  SUBCASE("exact decimals: three thirds of a hundred million") {
    Plan p = single("100 000 000");
    std::vector<Record> deals{deal("D-1", "33 333 333,33", in_nov),
                              deal("D-2", "33 333 333,33", in_nov),
                              deal("D-3", "33 333 333,33", in_nov)};
    auto r = check(p, deals);
    CHECK(r.segments[0].actual == 9'999'999'999);
    // One kopeck short of 10^10: -10^-8 %, shown as 0, but a zero tolerance sees it.
    CHECK(r.segments[0].deviation_bp == 0);
    CHECK(r.segments[0].verdict == Verdict::ok);
    CHECK(check(p, deals, "2026-12-15T12:00:00+03:00", false, 0).segments[0].verdict ==
          Verdict::under);
  }
  SUBCASE("a target of ten kopecks") {
    Plan p = single("0.10");
    std::vector<Record> at{deal("D-1", "0,12", in_nov)}, past{deal("D-1", "0,13", in_nov)};
    auto r = check(p, at);
    CHECK(r.segments[0].deviation_bp == 2000);
    CHECK(r.segments[0].verdict == Verdict::ok);
    CHECK(check(p, past).segments[0].verdict == Verdict::over);
  }
  SUBCASE("exactly at the tolerance is ok; a hundredth of a percent or a kopeck beyond is not") {
    Plan p = single("100 000");
    auto one = [&](const char* amount) {
      std::vector<Record> deals{deal("D-1", amount, in_nov)};
      auto r = check(p, deals);
      return std::pair{r.segments[0].verdict, r.segments[0].deviation_bp};
    };
    CHECK(one("80 000") == std::pair{Verdict::ok, std::int64_t{-2000}});
    CHECK(one("120 000") == std::pair{Verdict::ok, std::int64_t{2000}});
    CHECK(one("79 990") == std::pair{Verdict::under, std::int64_t{-2001}});
    CHECK(one("120 010") == std::pair{Verdict::over, std::int64_t{2001}});
    CHECK(one("120 000,01") == std::pair{Verdict::over, std::int64_t{2000}});
    CHECK(one("79 999,99") == std::pair{Verdict::under, std::int64_t{-2000}});
  }
  SUBCASE("a zero target, with and without deals; no deals at all") {
    Plan zero = single("0");
    std::vector<Record> none, one{deal("D-1", "5", in_nov)};
    CHECK(check(zero, none).segments[0].verdict == Verdict::ok);
    CHECK_FALSE(check(zero, none).failed());
    auto r = check(zero, one);
    CHECK(r.segments[0].verdict == Verdict::unplanned);
    CHECK(r.segments[0].deviation_bp == 0);
    CHECK(r.failed());
    auto empty = check(single("1 000"), none);
    CHECK(empty.segments[0].actual == 0);
    CHECK(empty.segments[0].deviation_bp == -10000);
    CHECK(empty.segments[0].verdict == Verdict::under);
  }
  SUBCASE("the period's edges in Moscow time") {
    Plan p = single("2", "count");
    std::vector<Record> deals{
        deal("first", "1", "2026-11-01T00:00:00+03:00"),
        deal("before", "1", "2026-10-31T23:59:59+03:00"),
        deal("last", "1", "2026-11-30T23:59:59+03:00"),
        deal("after", "1", "2026-12-01T00:00:00+03:00"),
        deal("first-utc", "1", "2026-10-31T21:00:00Z"),
        deal("before-utc", "1", "2026-10-31T20:59:59Z"),
    };
    auto r = check(p, deals);
    CHECK(ids(r.segments[0]) == std::vector<std::string>{"first", "last", "first-utc"});
  }
  SUBCASE("a quarter and a year") {
    std::vector<Record> deals{deal("Q3", "1", "2026-09-30T23:59:59+03:00"),
                              deal("Q4-first", "1", "2026-10-01T00:00:00+03:00"),
                              deal("Q4-last", "1", "2026-12-31T23:59:59+03:00"),
                              deal("2027", "1", "2027-01-01T00:00:00+03:00"),
                              deal("2025", "1", "2025-12-31T23:59:59+03:00"),
                              deal("Y-first", "1", "2026-01-01T00:00:00+03:00")};
    const char* after = "2027-02-01T12:00:00+03:00";
    std::string body = "measure: count\nsegments:\n  - name: Все\n    match: {}\n    target: 2\n";
    Plan quarter = plan_of("period: 2026-Q4\n" + body, "2026-Q4");
    auto q = check(quarter, deals, after);
    CHECK(ids(q.segments[0]) == std::vector<std::string>{"Q4-first", "Q4-last"});
    CHECK(q.segments[0].verdict == Verdict::ok);
    Plan year = plan_of("period: 2026\n" + body, "2026");
    auto y = check(year, deals, after);
    CHECK(ids(y.segments[0]) == std::vector<std::string>{"Q3", "Q4-first", "Q4-last", "Y-first"});
    CHECK(y.segments[0].verdict == Verdict::over);
    CHECK(y.days_total == 260);  // 2026's weekdays less 4 November
  }
  SUBCASE("count: only won deals that are closed") {
    Plan p = single("3", "count");
    std::vector<Record> deals{deal("D-1", "100", in_nov), deal("D-2", "", in_nov),
                              deal("lost", "100", in_nov, "ivan", {}, "lost"),
                              deal("open", "100", in_nov, "ivan", {}, "negotiation"),
                              deal("no-close", "100", "")};
    auto r = check(p, deals);
    CHECK(r.segments[0].actual == 2);
    CHECK(r.segments[0].deviation_bp == -3333);
    CHECK(r.segments[0].verdict == Verdict::under);
  }
  SUBCASE("pace on the 10th working day of 20") {
    Plan p = plan_of(
        "period: 2026-11\nsegments:\n  - name: Иван\n    match: {owner: ivan}\n"
        "    target: 3 000 000\n  - name: Копейки\n    match: {owner: nobody}\n    target: 0,03\n"
        "  - name: Нечётный\n    match: {owner: nobody}\n    target: 1 000 000,01\n");
    std::vector<Record> deals{deal("D-1", "1 200 000", in_nov),
                              deal("later", "900 000", "2026-11-20T12:00:00+03:00")};
    auto r = check(p, deals, "2026-11-16T12:00:00+03:00");
    CHECK(r.running);
    CHECK(r.days_total == 20);
    CHECK(r.days_elapsed == 10);
    const auto& s = r.segments[0];
    CHECK(s.actual == 120'000'000);  // the deal of the 20th has not happened yet
    CHECK(s.pace == 150'000'000);
    CHECK(s.pace_deviation_bp == -2000);
    CHECK(s.projection == 240'000'000);
    CHECK(s.deviation_bp == -6000);
    CHECK(s.verdict == Verdict::ok);
    CHECK(r.segments[1].pace == 2);           // 1.5 kopecks, half up
    CHECK(r.segments[2].pace == 50'000'001);  // 50 000 000.5 kopecks, half up
    CHECK(r.segments[1].verdict == Verdict::under);
    CHECK(check(p, deals, "2026-11-15T12:00:00+03:00").days_elapsed == 9);  // a Sunday

    auto f = check(p, deals, "2026-11-16T12:00:00+03:00", true);
    CHECK_FALSE(f.running);
    CHECK(f.final);
    CHECK_FALSE(f.segments[0].pace);
    CHECK_FALSE(f.segments[0].projection);
    CHECK(f.segments[0].verdict == Verdict::under);

    auto over = check(p, deals, "2026-12-01T00:00:00+03:00");
    CHECK_FALSE(over.running);
    CHECK(over.days_elapsed == 20);
    CHECK(over.segments[0].actual == 210'000'000);
    CHECK(over.segments[0].deviation_bp == -3000);
    CHECK(over.segments[0].verdict == Verdict::under);
  }
  SUBCASE("before the period: pace zero, ok until something is sold") {
    Plan p = plan_of(
        "period: 2026-11\nsegments:\n  - name: A\n    match: {}\n    target: 100\n"
        "  - name: B\n    match: {}\n    target: 100\n    actual: 1\n");
    auto r = check(p, {}, "2026-10-20T12:00:00+03:00");
    CHECK(r.running);
    CHECK(r.days_elapsed == 0);
    CHECK(r.segments[0].pace == 0);
    CHECK(r.segments[0].pace_deviation_bp == 0);
    CHECK_FALSE(r.segments[0].projection);
    CHECK(r.segments[0].verdict == Verdict::ok);
    // Nothing elapsed is before any judge_after but 0%: early, then over when judged.
    CHECK(r.segments[1].verdict == Verdict::early);
    CHECK_FALSE(r.failed());
    CHECK(gate(p, {}, "2026-10-20T12:00:00+03:00", 0).segments[1].verdict == Verdict::over);
  }
  SUBCASE("tolerance: --tolerance, then the plan, then tally.yaml") {
    Plan own = plan_of("period: 2026-11\ntolerance: 5%\nsegments: []\n");
    CHECK(check(own, {}).tolerance_percent == 5);
    CHECK(check(own, {}, "2026-12-15T12:00:00+03:00", false, 30).tolerance_percent == 30);
    CHECK(check(single("1"), {}).tolerance_percent == 20);
  }
  SUBCASE("rates: exact conversion, half up; the store's currency as is") {
    Plan p = plan_of(
        "period: 2026-11\nrates:\n  USD: 92.50\n  EUR: 92.55\nsegments:\n  - name: A\n"
        "    match: {}\n    target: 100 000\n");
    std::vector<Record> deals{deal("usd", "1 000", in_nov), deal("cent", "0,01", in_nov),
                              deal("eur", "0,01", in_nov), deal("rub", "7", in_nov)};
    deals[0].currency = deals[1].currency = "USD";
    deals[2].currency = "EUR";
    deals[3].currency = "RUB";
    // 92 500.00 + 0.925 (93 kopecks) + 0.9255 (93 kopecks) + 7.00
    CHECK(check(p, deals).segments[0].actual == 9'250'000 + 93 + 93 + 700);
    std::vector<Record> refund{deal("refund", "-0,01", in_nov)};
    refund[0].currency = "EUR";
    CHECK(check(p, refund).segments[0].actual == -93);  // -92.55 kopecks is nearer to -93
    deals[2].currency = "CNY";
    try {
      check(p, deals);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()) ==
            "deal eur is in CNY, and plans/2026-11.yaml gives no rate for it");
      CHECK(e.hint() == "add rates: {CNY: 92.50} to the plan");
    }
    CHECK(check(single("4", "count"), deals).segments[0].actual == 4);  // a count needs no rate
  }
  SUBCASE("overlaps, department, stage by name, an actual given by hand") {
    Plan p = plan_of(
        "period: 2026-11\nsegments:\n  - name: Москва\n    match: {region: msk}\n    target: 10\n"
        "  - name: Иван\n    match: {owner: ivan}\n    target: 10\n"
        "  - name: Корпоративный\n    match: {department: Корпоративный}\n    target: 10\n"
        "  - name: Успешные\n    match: {stage: Сделка успешна}\n    target: 10\n"
        "  - name: Вручную\n    match: {region: msk}\n    target: 10\n    actual: 7\n");
    std::vector<Record> deals{deal("D-1", "1", in_nov, "ivan", {{"region", "msk"}}),
                              deal("D-2", "2", in_nov, "anna", {{"region", "spb"}}),
                              deal("D-3", "4", in_nov, "ghost", {{"region", "MSK"}})};
    auto r = check(p, deals);
    CHECK(ids(r.segments[0]) == std::vector<std::string>{"D-1"});  // case-sensitive
    CHECK(ids(r.segments[2]) == std::vector<std::string>{"D-1"});  // anna is Розница
    CHECK(ids(r.segments[3]) == std::vector<std::string>{"D-1", "D-2", "D-3"});
    CHECK(r.segments[4].actual == 700);
    CHECK(r.segments[4].deals.empty());
    REQUIRE(r.overlaps.size() == 1);
    CHECK(r.overlaps[0].first->id == "D-1");
    CHECK(r.overlaps[0].second ==
          std::vector<std::string>{"Москва", "Иван", "Корпоративный", "Успешные"});
    Segment by_id;
    by_id.name = "s";
    by_id.match = {MatchTerm{"stage", {"won"}, false, {}}};
    CHECK(segment_matches(by_id, deals[0], store_settings(), team()));
    CHECK_FALSE(
        segment_matches(by_id, deal("x", "", "", "ivan", {}, "lost"), store_settings(), team()));
  }
}

TEST_CASE("core::check_plan judge_after") {
  // November 2026: 20 working days (4 November off); the 6th is the 4th working day.
  Plan p =
      plan_of("period: 2026-11\nsegments:\n  - name: Все\n    match: {}\n    target: 1 000 000\n");
  std::vector<Record> big{deal("D-1", "1 000 000", "2026-11-03T12:00:00+03:00")};
  SUBCASE("before 25% out of tolerance is early and does not fail") {
    auto r = gate(p, big, "2026-11-06T12:00:00+03:00", std::nullopt);
    CHECK(r.days_elapsed == 4);
    CHECK(r.judge_after_percent == 25);
    CHECK_FALSE(r.judged);
    CHECK(r.segments[0].verdict == Verdict::early);
    CHECK(r.segments[0].pace_deviation_bp == 40000);  // +400% of a pace of 200 000
    CHECK_FALSE(r.segments[0].fails);
    CHECK_FALSE(r.failed());
  }
  SUBCASE("from 25% on it is judged: 5 of 20 working days is exactly 25%") {
    auto r = gate(p, big, "2026-11-09T12:00:00+03:00", std::nullopt);
    CHECK(r.days_elapsed == 5);
    CHECK(r.judged);
    CHECK(r.segments[0].verdict == Verdict::over);
    CHECK(r.failed());
  }
  SUBCASE("within tolerance early is ok, not early") {
    std::vector<Record> fair{deal("D-1", "200 000", "2026-11-03T12:00:00+03:00")};
    CHECK(gate(p, fair, "2026-11-06T12:00:00+03:00", std::nullopt).segments[0].verdict ==
          Verdict::ok);
  }
  SUBCASE("the option, then the plan, then tally.yaml") {
    Settings late = store_settings();
    late.judge_after_percent = 50;
    auto r = gate(p, big, "2026-11-13T12:00:00+03:00", std::nullopt, FailOn::any, late);
    CHECK(r.judge_after_percent == 50);
    CHECK(r.days_elapsed == 9);
    CHECK(r.segments[0].verdict == Verdict::early);
    CHECK(gate(p, big, "2026-11-16T12:00:00+03:00", std::nullopt, FailOn::any, late)
              .segments[0]
              .verdict == Verdict::over);
    Plan own = plan_of(
        "period: 2026-11\njudge_after: 10%\nsegments:\n  - name: Все\n"
        "    match: {}\n    target: 1 000 000\n");
    CHECK(own.judge_after_percent == 10);
    CHECK(gate(own, big, "2026-11-06T12:00:00+03:00", std::nullopt, FailOn::any, late)
              .segments[0]
              .verdict == Verdict::over);
    CHECK(gate(own, big, "2026-11-06T12:00:00+03:00", 100).segments[0].verdict == Verdict::early);
  }
  SUBCASE("--final and a finished period are judged whatever judge_after says") {
    CheckOptions options;
    options.as_of = parse_timestamp("2026-11-06T12:00:00+03:00", moscow());
    options.final = true;
    options.judge_after_percent = 100;
    auto r = check_plan(p, big, store_settings(), team(), moscow(), options);
    CHECK(r.judged);
    CHECK(r.segments[0].verdict == Verdict::ok);  // 1 000 000 of 1 000 000
    CHECK(gate(p, {}, "2026-12-01T12:00:00+03:00", 100).segments[0].verdict == Verdict::under);
  }
  SUBCASE("unplanned is not a matter of pace: judged early too") {
    Plan zero =
        plan_of("period: 2026-11\nsegments:\n  - name: Новое\n    match: {}\n    target: 0\n");
    auto r = gate(zero, big, "2026-11-06T12:00:00+03:00", std::nullopt);
    CHECK(r.segments[0].verdict == Verdict::unplanned);
    CHECK(r.failed());
  }
}

TEST_CASE("core::check_plan fail_on") {
  Plan p = plan_of(
      "period: 2026-10\nsegments:\n  - name: Мало\n    match: {region: spb}\n    target: 100\n"
      "  - name: Много\n    match: {region: msk}\n    target: 100\n"
      "  - name: Новое\n    match: {region: ekb}\n    target: 0\n",
      "2026-10");
  const char* oct = "2026-10-20T12:00:00+03:00";
  std::vector<Record> deals{deal("D-1", "10", oct, "ivan", {{"region", "spb"}}),
                            deal("D-2", "500", oct, "ivan", {{"region", "msk"}})};
  const char* after = "2026-11-02T12:00:00+03:00";
  auto fails = [](const CheckResult& r) {
    std::vector<bool> out;
    for (const auto& s : r.segments) out.push_back(s.fails);
    return out;
  };
  auto any = gate(p, deals, after, std::nullopt, FailOn::any);
  CHECK(any.segments[0].verdict == Verdict::under);
  CHECK(any.segments[1].verdict == Verdict::over);
  CHECK(fails(any) == std::vector<bool>{true, true, false});
  auto under = gate(p, deals, after, std::nullopt, FailOn::under);
  CHECK(under.segments[1].verdict == Verdict::over);  // shown as it is, but does not fail
  CHECK(fails(under) == std::vector<bool>{true, false, false});
  auto over = gate(p, deals, after, std::nullopt, FailOn::over);
  CHECK(fails(over) == std::vector<bool>{false, true, false});
  std::vector<Record> only_over{deal("D-2", "500", oct, "ivan", {{"region", "msk"}}),
                                deal("D-3", "100", oct, "ivan", {{"region", "spb"}})};
  CHECK_FALSE(gate(p, only_over, after, std::nullopt, FailOn::under).failed());
  CHECK(gate(p, only_over, after, std::nullopt, FailOn::over).failed());
  std::vector<Record> unplanned{deal("D-3", "100", oct, "ivan", {{"region", "spb"}}),
                                deal("D-4", "100", oct, "ivan", {{"region", "msk"}}),
                                deal("D-5", "1", oct, "ivan", {{"region", "ekb"}})};
  CHECK(fails(gate(p, unplanned, after, std::nullopt, FailOn::over)) ==
        std::vector<bool>{false, false, true});
  CHECK_FALSE(gate(p, unplanned, after, std::nullopt, FailOn::under).failed());
  SUBCASE("parse_fail_on") {
    CHECK(parse_fail_on("under") == FailOn::under);
    CHECK(parse_fail_on("over") == FailOn::over);
    CHECK(parse_fail_on("any") == FailOn::any);
    CHECK_THROWS_WITH_AS(parse_fail_on("sideways"), "--fail-on 'sideways' is not a choice", Error);
    try {
      parse_fail_on("ovr");
    } catch (const Error& e) {
      CHECK(e.hint().starts_with("did you mean over? "));
    }
  }
}

TEST_CASE("core::check_plan segment tolerance and list match") {
  Plan p = plan_of(
      "period: 2026-10\ntolerance: 10%\nsegments:\n"
      "  - name: Юг\n    match: {region: [tyumen, kurgan]}\n    target: 100\n"
      "    tolerance: 50%\n"
      "  - name: Север\n    match:\n      region:\n        - msk\n    target: 100\n",
      "2026-10");
  REQUIRE(p.segments.size() == 2);
  CHECK(p.segments[0].tolerance_percent == 50);
  CHECK(p.segments[0].match[0].values == std::vector<std::string>{"tyumen", "kurgan"});
  CHECK(p.segments[0].match[0].list);
  CHECK(p.segments[1].match[0].list);
  CHECK_FALSE(p.segments[1].tolerance_percent);
  const char* oct = "2026-10-20T12:00:00+03:00";
  std::vector<Record> deals{deal("D-1", "30", oct, "ivan", {{"region", "tyumen"}}),
                            deal("D-2", "30", oct, "ivan", {{"region", "kurgan"}}),
                            deal("D-3", "30", oct, "ivan", {{"region", "perm"}}),
                            deal("D-4", "60", oct, "ivan", {{"region", "msk"}})};
  auto r = gate(p, deals, "2026-11-02T12:00:00+03:00", std::nullopt);
  CHECK(ids(r.segments[0]) == std::vector<std::string>{"D-1", "D-2"});
  CHECK(r.segments[0].tolerance_percent == 50);
  CHECK(r.segments[0].verdict == Verdict::ok);  // 60 of 100 is -40%, within its own 50%
  CHECK(r.segments[1].tolerance_percent == 10);
  CHECK(r.segments[1].verdict == Verdict::under);
  CHECK(r.tolerance_percent == 10);
  SUBCASE("--tolerance is every segment's") {
    CheckOptions options;
    options.as_of = parse_timestamp("2026-11-02T12:00:00+03:00", moscow());
    options.tolerance_percent = 45;
    auto all = check_plan(p, deals, store_settings(), team(), moscow(), options);
    CHECK(all.segments[0].tolerance_percent == 45);
    CHECK(all.segments[0].verdict == Verdict::ok);
    CHECK(all.segments[1].verdict == Verdict::ok);
  }
  SUBCASE("written back as read: a list stays a list, in block style") {
    CHECK(plan_to_yaml(p) ==
          "period: 2026-10\nmeasure: amount\ntolerance: 10%\nsegments:\n"
          "  - name: Юг\n    match:\n      region:\n        - tyumen\n        - kurgan\n"
          "    target: \"100.00\"\n    tolerance: 50%\n"
          "  - name: Север\n    match:\n      region:\n        - msk\n    target: \"100.00\"\n");
  }
}

TEST_CASE("core::parse_plan bad gate keys") {
  auto problems = [](const std::string& text) {
    try {
      plan_of(text);
    } catch (const Error& e) {
      return std::string(e.what()) + "\n" + e.detail();
    }
    return std::string("no error");
  };
  std::string empty =
      problems("period: 2026-11\nsegments:\n  - name: A\n    match: {region: []}\n    target: 1\n");
  CHECK(empty.find("plans/2026-11.yaml:4:21: the list of 'region' in match is empty") !=
        std::string::npos);
  std::string tol = problems(
      "period: 2026-11\nsegments:\n  - name: A\n    match: {}\n    target: 1\n"
      "    tolerance: -5%\n");
  CHECK(tol.find("plans/2026-11.yaml:6:16: 'tolerance' must be a percentage such as 20%: "
                 "without a minus") != std::string::npos);
  std::string after = problems("period: 2026-11\njudge_after: 120%\nsegments: []\n");
  CHECK(after.find("plans/2026-11.yaml:2:14: 'judge_after' is 120%: a share of the period is "
                   "0% to 100%") != std::string::npos);
  std::string nested = problems(
      "period: 2026-11\nsegments:\n  - name: A\n    match: {region: [[msk]]}\n"
      "    target: 1\n");
  CHECK(nested.find("4:22: the value of 'region' in match must be text") != std::string::npos);
}

TEST_CASE("core::shown_deviation") {
  SegmentResult s;
  s.target = 100;
  s.tolerance_percent = 20;
  auto shown = [&](std::int64_t num, std::int64_t den, Verdict v, int decimals) {
    s.deviation_num = num;
    s.deviation_den = den;
    s.verdict = v;
    auto p = shown_deviation(s, decimals);
    return std::pair{p.units, p.decimals};
  };
  // -20.04% is under at 20%: "-20.0%" would read as on the tolerance, so one more digit.
  CHECK(shown(-2004, 10000, Verdict::under, 1) == std::pair{std::int64_t{-2004}, 2});
  // -20.004%: two more digits for the human form, one more for the machine one.
  CHECK(shown(-20004, 100000, Verdict::under, 1) == std::pair{std::int64_t{-20004}, 3});
  CHECK(shown(-20004, 100000, Verdict::under, 2) == std::pair{std::int64_t{-20004}, 3});
  // Exactly at the tolerance is ok, and shown as it is.
  CHECK(shown(-20, 100, Verdict::ok, 1) == std::pair{std::int64_t{-200}, 1});
  // Far from it, nothing changes.
  CHECK(shown(340, 100, Verdict::early, 1) == std::pair{std::int64_t{3400}, 1});
  CHECK(shown(-2004, 10000, Verdict::early, 1) == std::pair{std::int64_t{-2004}, 2});
  // A hair beyond at a millionth of a percent steps off the tolerance, outwards.
  CHECK(shown(200000000001, 1000000000000, Verdict::over, 1) ==
        std::pair{std::int64_t{20000001}, 6});
  s.target = 0;
  CHECK(shown(0, 1, Verdict::unplanned, 1) == std::pair{std::int64_t{0}, 1});
}

TEST_CASE("core::unseen_match_values") {
  Plan p = plan_of(
      "period: 2026-11\nsegments:\n  - name: Пермь\n    match: {region: пермь}\n    target: 1\n"
      "  - name: Юг\n    match: {region: [msk, tyumen]}\n    target: 1\n"
      "  - name: Этапы\n    match: {stage: Сделка успешна, department: Корпоративный}\n"
      "    target: 1\n"
      "  - name: Вручную\n    match: {region: nowhere}\n    target: 1\n    actual: 1\n");
  std::vector<Record> deals{deal("D-1", "1", "", "ivan", {{"region", "msk"}}, "negotiation"),
                            deal("D-2", "1", "", "ivan", {{"region", "перм"}}, "won")};
  auto warnings = unseen_match_values(p, deals, store_settings(), team());
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].where == "plans/2026-11.yaml:4:21");
  CHECK(warnings[0].message ==
        "no deal has region 'пермь', so «Пермь» counts nothing by it; did you mean 'перм'? "
        "values of region: msk, перм");
  CHECK(warnings[1].where == "plans/2026-11.yaml:7:27");
  CHECK(warnings[1].message.starts_with("no deal has region 'tyumen'"));
  CHECK(unseen_match_values(p, {}, store_settings(), team()).empty());
  SUBCASE("people's logins and departments and the funnel's stages are known without deals") {
    Plan q = plan_of(
        "period: 2026-11\nsegments:\n  - name: A\n    match: {owner: anna, department: Розница, "
        "stage: lost}\n    target: 1\n  - name: B\n    match: {owner: anan, stage: lots}\n"
        "    target: 1\n");
    auto w = unseen_match_values(q, deals, store_settings(), team());
    REQUIRE(w.size() == 2);
    CHECK(w[0].message ==
          "no deal has owner 'anan', so «B» counts nothing by it; did you mean 'anna'? values of "
          "owner: anna, ivan");
    CHECK(
        w[1].message.starts_with("no deal has stage 'lots', so «B» counts nothing by it; did "
                                 "you mean 'lost'? "));
  }
}
