// `plan check`: the actual of each segment against its target, and while the
// period runs, against the target pro-rated by working days. Every comparison
// is made on 128-bit integers with the fractions multiplied out, so "exactly at
// the tolerance" is exact: 20% of 0.10 is not lost to binary floating point.
// Only the figures shown (pace, projection, deviations) are rounded.
#include "core/error.hpp"
#include "core/plan.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <set>

namespace tally::core {

namespace {

__extension__ typedef __int128 Wide;

Wide magnitude(Wide v) {
  return v < 0 ? -v : v;
}

// n / d rounded half up (a half goes towards +infinity); d > 0.
std::int64_t div_half_up(Wide n, Wide d) {
  Wide num = 2 * n + d, den = 2 * d;
  Wide q = num / den;
  if (num % den != 0 && num < 0) --q;  // floor, not truncation
  return static_cast<std::int64_t>(q);
}

// n / d rounded half away from zero; d != 0.
std::int64_t div_half_away(Wide n, Wide d) {
  Wide q = (2 * magnitude(n) + magnitude(d)) / (2 * magnitude(d));
  return static_cast<std::int64_t>((n < 0) != (d < 0) ? -q : q);
}

// The actual against the reference num / den (den > 0), both sides multiplied by den.
Verdict judge(std::int64_t target, std::int64_t actual, Wide num, Wide den, int tolerance) {
  if (target == 0) return actual > 0 ? Verdict::unplanned : Verdict::ok;
  Wide diff = Wide{actual} * den - num;
  if (magnitude(diff) * 100 <= Wide{tolerance} * num) return Verdict::ok;
  return diff < 0 ? Verdict::under : Verdict::over;
}

bool fails_on(Verdict v, FailOn f) {
  switch (v) {
    case Verdict::under:
      return f != FailOn::over;
    case Verdict::over:
    case Verdict::unplanned:
      return f != FailOn::under;
    default:
      return false;
  }
}

// A deal's amount in the store's currency, in kopecks.
std::int64_t store_amount(const Record& deal, const Plan& plan, const Settings& settings) {
  if (!deal.amount) return 0;
  if (deal.currency.empty() || deal.currency == settings.currency) return deal.amount->cents;
  auto it = plan.rates.find(deal.currency);
  if (it == plan.rates.end())
    throw Error("deal {} is in {}, and plans/{}.yaml gives no rate for it", deal.id, deal.currency,
                plan.period.name)
        .hint(fmt::format("add rates: {{{}: 92.50}} to the plan", deal.currency));
  // The rate is kopecks per unit, so kopecks × kopecks / 100 is kopecks.
  return div_half_up(Wide{deal.amount->cents} * it->second.cents, 100);
}

bool is_won(const Record& deal, const Settings& settings) {
  const Stage* stage = settings.find_stage(deal.stage);
  return stage && stage->outcome == "won";
}

}  // namespace

bool segment_matches(const Segment& segment, const Record& deal, const Settings& settings,
                     const People& people) {
  for (const auto& term : segment.match) {
    std::optional<std::string> own;
    if (term.field == "department") {
      const Person* owner = deal.owner.empty() ? nullptr : people.find(deal.owner);
      if (owner && !owner->department.empty()) own = owner->department;
    } else {
      own = deal.field(term.field);
    }
    if (!own) return false;
    auto holds = [&](const std::string& value) {
      if (term.field != "stage") return *own == value;
      const Stage* stage = settings.find_stage(value);
      return *own == (stage ? stage->id : value);
    };
    if (std::none_of(term.values.begin(), term.values.end(), holds)) return false;
  }
  return true;
}

std::vector<UnseenValue> unseen_match_values(const Plan& plan, const std::vector<Record>& deals,
                                             const Settings& settings, const People& people) {
  std::vector<UnseenValue> out;
  bool any_deal = std::any_of(deals.begin(), deals.end(),
                              [](const Record& d) { return d.kind == RecordKind::deal; });
  if (!any_deal) return out;
  std::map<std::string, std::set<std::string>> seen;  // field -> values some deal has
  auto values_of = [&](const std::string& field) -> const std::set<std::string>& {
    auto it = seen.find(field);
    if (it != seen.end()) return it->second;
    std::set<std::string>& values = seen[field];
    // A new manager, a new department or a stage no deal has reached yet is not a typo.
    for (const Person& p : people.list) {
      if (field == "owner") values.insert(p.login);
      if (field == "department" && !p.department.empty()) values.insert(p.department);
    }
    if (field == "stage")
      for (const Stage& st : settings.stages) values.insert(st.id);
    for (const Record& d : deals) {
      if (d.kind != RecordKind::deal) continue;
      if (field == "department") {
        const Person* owner = d.owner.empty() ? nullptr : people.find(d.owner);
        if (owner && !owner->department.empty()) values.insert(owner->department);
      } else if (auto v = d.field(field)) {
        values.insert(*v);
      }
    }
    return values;
  };
  for (const auto& seg : plan.segments) {
    if (seg.actual) continue;
    for (const auto& term : seg.match) {
      const auto& have = values_of(term.field);
      for (size_t i = 0; i < term.values.size(); ++i) {
        const std::string& value = term.values[i];
        if (have.count(value)) continue;
        if (term.field == "stage" && settings.find_stage(value)) continue;
        std::vector<std::string> known(have.begin(), have.end());
        auto near = nearest(value, known, 1);
        YAML::Mark mark = i < term.marks.size() ? term.marks[i] : YAML::Mark::null_mark();
        std::string where =
            mark.is_null() ? plan.file
                           : fmt::format("{}:{}:{}", plan.file, mark.line + 1, mark.column + 1);
        std::string shown =
            known.size() > 12
                ? join(std::vector<std::string>(known.begin(), known.begin() + 12), ", ") + ", …"
                : join(known, ", ");
        out.push_back(
            {mark, where,
             fmt::format("no deal has {} '{}', so «{}» counts nothing by it; {}{}", term.field,
                         value, seg.name,
                         near.empty() ? "" : fmt::format("did you mean '{}'? ", near.front()),
                         known.empty() ? fmt::format("no deal has a {} at all", term.field)
                                       : fmt::format("values of {}: {}", term.field, shown))});
      }
    }
  }
  return out;
}

ShownPercent shown_deviation(const SegmentResult& s, int decimals) {
  Wide num = s.deviation_num, den = s.deviation_den;
  ShownPercent shown{0, decimals};
  Wide scale = 100;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  // No deviation (or no reference to deviate from, before a period begins) is shown as 0.
  bool beyond = num != 0 && (s.verdict == Verdict::under || s.verdict == Verdict::over ||
                             s.verdict == Verdict::early);
  for (;;) {
    shown.units = div_half_away(num * scale, den);
    Wide at_tolerance = Wide{s.tolerance_percent} * (scale / 100);
    if (!beyond || magnitude(shown.units) != at_tolerance) return shown;
    if (shown.decimals == 6) {
      // Still on the tolerance at a millionth of a percent: step off it, outwards.
      shown.units += num < 0 ? -1 : 1;
      return shown;
    }
    ++shown.decimals;
    scale *= 10;
  }
}

bool CheckResult::failed() const {
  return std::any_of(segments.begin(), segments.end(),
                     [](const SegmentResult& s) { return s.fails; });
}

CheckResult check_plan(const Plan& plan, const std::vector<Record>& deals, const Settings& settings,
                       const People& people, const Zone& zone, const CheckOptions& options) {
  CheckResult result;
  result.plan = &plan;
  result.final = options.final;
  result.tolerance_percent = options.tolerance_percent.value_or(
      plan.tolerance_percent.value_or(settings.tolerance_percent));
  result.judge_after_percent = options.judge_after_percent.value_or(
      plan.judge_after_percent.value_or(settings.judge_after()));
  result.fail_on = options.fail_on;
  const PlanPeriod& period = plan.period;
  LocalDay today = date::floor<date::days>(zone.to_local(options.as_of));
  for (LocalDay d = period.first; d <= period.last; d += date::days{1}) {
    if (!settings.calendar.is_working_day(d)) continue;
    ++result.days_total;
    if (d <= today) ++result.days_elapsed;
  }
  // A period that has not begun runs with nothing elapsed: its pace is zero, so
  // it is ok until something is sold (a deal, or an actual given in the plan),
  // which is over. A period without working days has nothing to pro-rate by and
  // is judged by its target, as after its end.
  result.running = !options.final && today <= period.last && result.days_total > 0;
  // Before judge_after, one big deal early in the month is hundreds of percent over a
  // pace of a few days: shown, but not a failure (a gate that is always red is ignored).
  result.judged = !result.running || Wide{result.days_elapsed} * 100 >=
                                         Wide{result.judge_after_percent} * result.days_total;

  // The period in the store's zone; a deal closed after as-of has not happened yet.
  Instant start = zone.to_instant(LocalTime{period.first});
  Instant end = zone.to_instant(LocalTime{period.last + date::days{1}});
  std::vector<const Record*> counted;  // the deals won in the period, in store order
  // Stage names are matched ignoring case, which is slow per deal: once per distinct stage.
  std::vector<std::pair<std::string_view, bool>> won;
  auto is_won_stage = [&](const Record& d) {
    for (const auto& [stage, w] : won)
      if (stage == d.stage) return w;
    won.emplace_back(d.stage, is_won(d, settings));
    return won.back().second;
  };
  for (const Record& d : deals)
    if (d.kind == RecordKind::deal && d.closed && d.closed->at >= start && d.closed->at < end &&
        d.closed->at <= options.as_of && is_won_stage(d))
      counted.push_back(&d);

  std::vector<std::vector<std::string>> segments_of(counted.size());
  const Wide total = result.days_total, elapsed = result.days_elapsed;
  for (const auto& seg : plan.segments) {
    SegmentResult s;
    s.segment = &seg;
    s.target = seg.target;
    // The command line's tolerance is every segment's; else the segment's own, else the plan's.
    s.tolerance_percent = options.tolerance_percent
                              ? result.tolerance_percent
                              : seg.tolerance_percent.value_or(result.tolerance_percent);
    if (seg.actual) {
      s.actual = *seg.actual;
    } else {
      for (size_t i = 0; i < counted.size(); ++i) {
        const Record& deal = *counted[i];
        if (!segment_matches(seg, deal, settings, people)) continue;
        s.deals.push_back(&deal);
        s.actual += plan.measure == Measure::amount ? store_amount(deal, plan, settings) : 1;
        segments_of[i].push_back(seg.name);
      }
    }
    if (s.target != 0)
      s.deviation_bp = div_half_away((Wide{s.actual} - s.target) * 10000, s.target);
    if (result.running) {
      // The pace is target × elapsed / total; `reference` is it multiplied by total.
      Wide reference = Wide{s.target} * elapsed;
      s.pace = div_half_up(reference, total);
      s.pace_deviation_bp =
          reference == 0 ? 0
                         : div_half_away((Wide{s.actual} * total - reference) * 10000, reference);
      if (elapsed > 0) s.projection = div_half_up(Wide{s.actual} * total, elapsed);
      s.verdict = judge(s.target, s.actual, reference, total, s.tolerance_percent);
      if (reference != 0) {
        s.deviation_num = static_cast<std::int64_t>(Wide{s.actual} * total - reference);
        s.deviation_den = static_cast<std::int64_t>(reference);
      }
    } else {
      s.verdict = judge(s.target, s.actual, s.target, 1, s.tolerance_percent);
      if (s.target != 0) {
        s.deviation_num = s.actual - s.target;
        s.deviation_den = s.target;
      }
    }
    if (!result.judged && (s.verdict == Verdict::under || s.verdict == Verdict::over))
      s.verdict = Verdict::early;
    s.fails = fails_on(s.verdict, result.fail_on);
    result.segments.push_back(std::move(s));
  }

  for (size_t i = 0; i < counted.size(); ++i)
    if (segments_of[i].size() > 1) result.overlaps.emplace_back(counted[i], segments_of[i]);
  return result;
}

}  // namespace tally::core
