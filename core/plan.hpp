// Sales plans (SPEC section 5): plans/<PERIOD>.yaml for a month (2026-11), a
// quarter (2026-Q4) or a year (2026); segments select deals by their fields and
// carry a target. `plan check` compares the actual (won deals closed in the
// period, in the store's time zone) with the target, and while the period runs,
// with the target pro-rated by working days elapsed.
//
// All arithmetic is exact: money in kopecks, ratios compared as fractions of
// 128-bit integers, percentages rounded only for display.
#pragma once

#include "core/money.hpp"
#include "core/people.hpp"
#include "core/records.hpp"
#include "core/settings.hpp"
#include "core/yaml_io.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tally::core {

enum class Measure { amount, count };
std::string_view measure_name(Measure m);  // "amount", "count"

struct PlanPeriod {
  std::string name;  // "2026-11", "2026-Q4", "2026"
  LocalDay first;    // first day
  LocalDay last;     // last day (inclusive)
};

// Parses "2026-11", "2026-Q4" or "2026". Throws Error naming the accepted forms.
PlanPeriod parse_plan_period(std::string_view text);

struct Segment {
  std::string name;
  std::vector<std::pair<std::string, std::string>> match;  // field = value; all must hold
  std::int64_t target = 0;                                 // kopecks for amount, deals for count
  std::optional<std::int64_t> actual;                      // given in the plan (a CRM elsewhere)
  YAML::Mark mark;                                         // where the segment is, for messages
};

struct Plan {
  PlanPeriod period;
  Measure measure = Measure::amount;
  std::optional<int> tolerance_percent;  // overrides tally.yaml
  std::map<std::string, Money> rates;    // currency -> value of 1 unit in the store's currency
  std::vector<Segment> segments;
  YAML::Node unknown{YAML::NodeType::Map};
};

// Reads and validates plans/<PERIOD>.yaml; every problem at once, with file:line:column.
// `known_fields` are the deal fields a `match` may name; empty skips that check (history
// reads old revisions whose fields may be gone).
Plan parse_plan(const YamlDoc& doc, const std::vector<std::string>& known_fields);
std::string plan_to_yaml(const Plan& plan);

// The deal fields a segment may match: the built-in ones, `department` (the
// owner's), and every key found in deals' `fields`.
std::vector<std::string> deal_field_names(const std::vector<Record>& deals);

// True when the deal has every field = value of the segment's match ("department"
// is the owner's department; "stage" also accepts the stage's name).
bool segment_matches(const Segment& segment, const Record& deal, const Settings& settings,
                     const People& people);

enum class Verdict { ok, under, over, unplanned };
std::string_view verdict_name(Verdict v);

struct SegmentResult {
  const Segment* segment = nullptr;
  std::int64_t target = 0;
  std::int64_t actual = 0;
  std::vector<const Record*>
      deals;  // the won deals behind the actual (empty when the plan gives it)
  // Deviation from the target, in hundredths of a percent, rounded half away from zero.
  std::int64_t deviation_bp = 0;
  // While the period runs: the target pro-rated by working days, its deviation, the projection.
  std::optional<std::int64_t> pace;
  std::optional<std::int64_t> pace_deviation_bp;
  std::optional<std::int64_t> projection;
  Verdict verdict = Verdict::ok;  // by pace while running unless final
};

struct CheckResult {
  const Plan* plan = nullptr;
  int tolerance_percent = 20;
  bool running = false;  // as-of falls inside the period
  bool final = false;
  int days_elapsed = 0;  // working days from the first day to the as-of day, inclusive
  int days_total = 0;    // working days in the period
  std::vector<SegmentResult> segments;
  // Deals that fall in more than one segment: a total would count them twice.
  std::vector<std::pair<const Record*, std::vector<std::string>>> overlaps;
  bool failed() const;
};

struct CheckOptions {
  std::optional<int> tolerance_percent;  // --tolerance
  Instant as_of{};
  bool final = false;
};

// Checks one plan against the deals. `people` gives each owner's department.
// Throws Error for a deal in another currency without a rate in the plan.
CheckResult check_plan(const Plan& plan, const std::vector<Record>& deals, const Settings& settings,
                       const People& people, const Zone& zone, const CheckOptions& options);

}  // namespace tally::core
