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

// One field of a segment's match: the deal's field must have one of the values.
struct MatchTerm {
  std::string field;
  std::vector<std::string> values;  // never empty
  bool list = false;                // written as a list, even of one value
  std::vector<YAML::Mark> marks;    // of each value, for messages (none when made by a command)
};

struct Segment {
  std::string name;
  std::vector<MatchTerm> match;          // all must hold
  std::int64_t target = 0;               // kopecks for amount, deals for count
  std::optional<std::int64_t> actual;    // given in the plan (a CRM elsewhere)
  std::optional<int> tolerance_percent;  // overrides the plan's
  YAML::Mark mark;                       // where the segment is, for messages
};

struct Plan {
  std::string file;  // as read, for messages ("plans/2026-11.yaml"); empty for a new plan
  PlanPeriod period;
  Measure measure = Measure::amount;
  std::optional<int> tolerance_percent;    // overrides tally.yaml
  std::optional<int> judge_after_percent;  // overrides tally.yaml
  std::map<std::string, Money> rates;      // currency -> value of 1 unit in the store's currency
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

// True when the deal has, for every term of the segment's match, one of its values
// ("department" is the owner's department; "stage" also accepts the stage's name).
bool segment_matches(const Segment& segment, const Record& deal, const Settings& settings,
                     const People& people);

// A match value that no deal in the store has (in any stage, won or not), and that
// is not a login or department of people.yaml or a stage of the funnel: a typo
// there silently counts nothing. `message` is "no deal has region 'пермь', so …;
// did you mean 'perm'? …", `where` is "plans/2026-11.yaml:12:15".
struct UnseenValue {
  YAML::Mark mark;
  std::string where;
  std::string message;
};
// Empty when the store has no deals yet; segments whose actual is given in the plan
// are not matched, so not looked at.
std::vector<UnseenValue> unseen_match_values(const Plan& plan, const std::vector<Record>& deals,
                                             const Settings& settings, const People& people);

// ok and unplanned as they read; under and over: out of tolerance, judged; early:
// out of tolerance by pace before judge_after, shown but not judged.
enum class Verdict { ok, under, over, unplanned, early };
std::string_view verdict_name(Verdict v);

// Which verdicts fail the check: under only, over (and unplanned) only, or both.
enum class FailOn { any, under, over };
std::string_view fail_on_name(FailOn f);
// Reads --fail-on's value; throws Error naming the choices.
FailOn parse_fail_on(std::string_view text);

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
  int tolerance_percent = 20;     // the segment's own, else the plan's
  bool fails = false;             // the verdict is one that --fail-on fails on
  // The judged deviation (from the pace while running, else from the target) exactly:
  // deviation_num / deviation_den of 1 (0 / 1 for a zero target).
  std::int64_t deviation_num = 0;
  std::int64_t deviation_den = 1;
};

// A deviation as shown: `units` of 10^-decimals percent, rounded half away from zero.
struct ShownPercent {
  std::int64_t units = 0;
  int decimals = 0;
};
// The judged deviation with at least `decimals` decimals, and more when rounding would
// put a segment that is out of tolerance on the tolerance: the figure never contradicts
// the status (-20.0% with "under" at 20% is shown as -20.04%).
ShownPercent shown_deviation(const SegmentResult& s, int decimals);

struct CheckResult {
  const Plan* plan = nullptr;
  int tolerance_percent = 20;    // the plan's (a segment may have its own)
  int judge_after_percent = 25;  // the option's, else the plan's, else tally.yaml's
  FailOn fail_on = FailOn::any;
  bool running = false;  // as-of falls inside the period
  bool final = false;
  bool judged = true;    // false while running before judge_after: out of tolerance is early
  int days_elapsed = 0;  // working days from the first day to the as-of day, inclusive
  int days_total = 0;    // working days in the period
  std::vector<SegmentResult> segments;
  // Deals that fall in more than one segment: a total would count them twice.
  std::vector<std::pair<const Record*, std::vector<std::string>>> overlaps;
  bool failed() const;  // some segment fails
};

struct CheckOptions {
  std::optional<int> tolerance_percent;    // --tolerance: every segment's
  std::optional<int> judge_after_percent;  // --judge-after
  FailOn fail_on = FailOn::any;
  Instant as_of{};
  bool final = false;
};

// Checks one plan against the deals. `people` gives each owner's department.
// Throws Error for a deal in another currency without a rate in the plan.
CheckResult check_plan(const Plan& plan, const std::vector<Record>& deals, const Settings& settings,
                       const People& people, const Zone& zone, const CheckOptions& options);

}  // namespace tally::core
