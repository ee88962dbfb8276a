#include "cli/plan_view.hpp"

#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <ostream>

namespace tally::cli {

std::string plan_number(std::int64_t value, core::Measure measure, bool human) {
  if (measure == core::Measure::count) return std::to_string(value);
  return human ? core::Money{value}.to_human() : core::Money{value}.to_string();
}

std::string percent(std::int64_t bp, bool human) {
  std::int64_t a = bp < 0 ? -bp : bp;
  std::string sign = bp < 0 ? "-" : bp > 0 && human ? "+" : "";
  if (human) {
    std::int64_t tenths = (a + 5) / 10;  // half up on the magnitude
    return fmt::format("{}{}.{}%", tenths ? sign : "", tenths / 10, tenths % 10);
  }
  return fmt::format("{}{}.{:02}", sign, a / 100, a % 100);
}

std::string deviation_text(const core::SegmentResult& s, bool human) {
  if (s.target == 0) return "";
  core::ShownPercent p = core::shown_deviation(s, human ? 1 : 2);
  std::int64_t a = p.units < 0 ? -p.units : p.units;
  std::int64_t scale = 1;
  for (int i = 0; i < p.decimals; ++i) scale *= 10;
  std::string sign = p.units < 0 ? "-" : p.units > 0 && human ? "+" : "";
  return fmt::format("{}{}.{:0{}}{}", sign, a / scale, a % scale, p.decimals, human ? "%" : "");
}

namespace {

const char* verdict_color(const core::SegmentResult& s) {
  if (s.fails) return "31";
  return s.verdict == core::Verdict::ok ? "32" : "33";
}

// Plan against actual on one scale: '█' up to the actual, '│' at the target (or the pace).
std::string bar(std::int64_t reference, std::int64_t actual) {
  constexpr std::int64_t width = 20;
  std::int64_t scale = std::max<std::int64_t>({reference, actual, 1});
  std::int64_t filled = (actual * width + scale / 2) / scale;
  std::int64_t mark = (reference * width + scale / 2) / scale;
  std::string out;
  for (std::int64_t i = 0; i <= width; ++i) {
    if (i == mark) out += "│";
    if (i < width) out += i < filled ? "█" : "░";
  }
  return out;
}

std::string xml(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string md(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string reference_word(const core::CheckResult& r) {
  return r.running ? "pace" : "target";
}

// "under: actual 9 000 000 is -25.0% from the target 12 000 000 (tolerance 20%)"
std::string explain_verdict(const core::CheckResult& r, const core::SegmentResult& s) {
  auto m = r.plan->measure;
  if (s.verdict == core::Verdict::unplanned)
    return fmt::format("unplanned: actual {} with a zero target", plan_number(s.actual, m, true));
  std::int64_t ref = r.running && s.pace ? *s.pace : s.target;
  std::string why = fmt::format("{}: actual {} is {} from the {} {} (tolerance {}%)",
                                core::verdict_name(s.verdict), plan_number(s.actual, m, true),
                                deviation_text(s, true), reference_word(r),
                                plan_number(ref, m, true), s.tolerance_percent);
  if (s.verdict == core::Verdict::early)
    why += fmt::format("; not judged before {}% of the period ({} of {} working days so far)",
                       r.judge_after_percent, r.days_elapsed, r.days_total);
  else if (!s.fails && s.verdict != core::Verdict::ok)
    why += fmt::format("; not failed: --fail-on {}", core::fail_on_name(r.fail_on));
  return why;
}

}  // namespace

std::vector<std::string> overlap_notes(const core::CheckResult& r) {
  if (r.overlaps.empty()) return {};
  // Each segment once, in the plan's order, with how many of its deals are in another too.
  std::vector<std::string> ids;
  std::vector<std::pair<std::string, size_t>> shared;
  for (const auto& seg : r.plan->segments) shared.emplace_back(seg.name, 0);
  size_t counted = 0;  // how many times a total of the segments would count these deals
  for (const auto& [deal, names] : r.overlaps) {
    ids.push_back(deal->id);
    counted += names.size();
    for (auto& [name, n] : shared)
      if (std::find(names.begin(), names.end(), name) != names.end()) ++n;
  }
  std::vector<std::string> parts;
  for (const auto& [name, n] : shared)
    if (n) parts.push_back(fmt::format("«{}» {}", name, n));
  bool one = ids.size() == 1;
  auto times = [](size_t n) -> std::string {
    return n == 1 ? "once" : n == 2 ? "twice" : fmt::format("{} times", n);
  };
  return {
      fmt::format("{} {} {} in more than one segment, so a total of the segments would count "
                  "{} {}; shared deals per segment: {}",
                  one ? "deal" : "deals", core::join(ids, ", "), one ? "is" : "are",
                  one ? "this deal" : fmt::format("these {} deals", ids.size()), times(counted),
                  core::join(parts, ", "))};
}

std::string check_heading(const core::CheckResult& r, const core::Context& ctx) {
  std::string measure = r.plan->measure == core::Measure::amount
                            ? "amount, " + ctx.store.settings().currency
                            : "count of won deals";
  std::string when =
      !r.running ? (r.final ? "final" : "period over, judged by target")
      : r.judged
          ? fmt::format("{} of {} working days, judged by pace", r.days_elapsed, r.days_total)
          : fmt::format("{} of {} working days, early: judged by pace from {}% of the period",
                        r.days_elapsed, r.days_total, r.judge_after_percent);
  std::string gate = r.fail_on == core::FailOn::any
                         ? ""
                         : fmt::format(" · fails on {} only", core::fail_on_name(r.fail_on));
  return fmt::format("plan {} · {} · tolerance {}% · {}{}", r.plan->period.name, measure,
                     r.tolerance_percent, when, gate);
}

namespace {

// True when a segment has a tolerance of its own that differs from the plan's.
bool own_tolerances(const core::CheckResult& r) {
  return std::any_of(r.segments.begin(), r.segments.end(),
                     [&](const auto& s) { return s.tolerance_percent != r.tolerance_percent; });
}

}  // namespace

Table check_table(const core::CheckResult& r) {
  bool tolerances = own_tolerances(r);
  std::vector<Table::Column> cols{{"SEGMENT"}, {"TARGET", true}};
  if (r.running) cols.push_back({"PACE", true});
  cols.push_back({"ACTUAL", true});
  cols.push_back({"DEVIATION", true});
  if (r.running) cols.push_back({"PROJECTION", true});
  if (tolerances) cols.push_back({"TOLERANCE", true});
  cols.push_back({"STATUS"});
  cols.push_back({r.running ? "ACTUAL vs │PACE" : "ACTUAL vs │TARGET"});
  Table table(cols);
  auto m = r.plan->measure;
  for (size_t i = 0; i < r.segments.size(); ++i) {
    const auto& s = r.segments[i];
    std::vector<std::string> row{s.segment->name, plan_number(s.target, m, true)};
    if (r.running) row.push_back(s.pace ? plan_number(*s.pace, m, true) : "");
    row.push_back(plan_number(s.actual, m, true));
    row.push_back(deviation_text(s, true));
    if (r.running) row.push_back(s.projection ? plan_number(*s.projection, m, true) : "");
    if (tolerances) row.push_back(fmt::format("{}%", s.tolerance_percent));
    row.push_back(std::string(core::verdict_name(s.verdict)));
    row.push_back(bar(r.running && s.pace ? *s.pace : s.target, s.actual));
    table.add(row);
    table.color(i, row.size() - 2, verdict_color(s));
  }
  return table;
}

Table check_csv(const std::vector<core::CheckResult>& results) {
  Table table({{"PERIOD"},
               {"SEGMENT"},
               {"TARGET"},
               {"PACE"},
               {"ACTUAL"},
               {"DEVIATION"},
               {"PROJECTION"},
               {"TOLERANCE"},
               {"STATUS"},
               {"FAILS"}});
  for (const auto& r : results) {
    auto m = r.plan->measure;
    for (const auto& s : r.segments)
      table.add({r.plan->period.name, s.segment->name, plan_number(s.target, m, false),
                 s.pace ? plan_number(*s.pace, m, false) : "", plan_number(s.actual, m, false),
                 deviation_text(s, false), s.projection ? plan_number(*s.projection, m, false) : "",
                 std::to_string(s.tolerance_percent), std::string(core::verdict_name(s.verdict)),
                 s.fails ? "true" : "false"});
  }
  return table;
}

Value check_value(const core::CheckResult& r, const core::Context& ctx) {
  auto m = r.plan->measure;
  auto num = [&](std::int64_t v) { return Value::number(plan_number(v, m, false)); };
  Value segments = Value::list();
  for (const auto& s : r.segments) {
    Value v = Value::object()
                  .set("name", s.segment->name)
                  .set("target", num(s.target))
                  .set("actual", num(s.actual));
    v.set("deviation_percent", s.target ? Value::number(percent(s.deviation_bp, false)) : Value());
    v.set("pace", s.pace ? num(*s.pace) : Value());
    v.set("pace_deviation_percent", s.target && s.pace_deviation_bp
                                        ? Value::number(percent(*s.pace_deviation_bp, false))
                                        : Value());
    v.set("projection", s.projection ? num(*s.projection) : Value());
    // The judged one (pace while running), never rounded onto the tolerance.
    v.set("judged_deviation_percent", s.target ? Value::number(deviation_text(s, false)) : Value());
    v.set("tolerance_percent", s.tolerance_percent);
    v.set("status", std::string(core::verdict_name(s.verdict)));
    v.set("fails", s.fails);
    v.set("actual_given", s.segment->actual.has_value());
    Value deals = Value::list();
    for (const core::Record* d : s.deals) deals.push(d->id);
    v.set("deals", deals);
    segments.push(v);
  }
  Value overlaps = Value::list();
  for (const auto& [deal, names] : r.overlaps)
    overlaps.push(Value::object().set("deal", deal->id).set("segments", Value::strings(names)));
  return Value::object()
      .set("period", r.plan->period.name)
      .set("measure", m == core::Measure::amount ? "amount" : "count")
      .set("currency", ctx.store.settings().currency)
      .set("tolerance_percent", r.tolerance_percent)
      .set("judge_after_percent", r.judge_after_percent)
      .set("fail_on", std::string(core::fail_on_name(r.fail_on)))
      .set("running", r.running)
      .set("judged", r.judged)
      .set("final", r.final)
      .set("working_days_elapsed", r.days_elapsed)
      .set("working_days_total", r.days_total)
      .set("failed", r.failed())
      .set("segments", segments)
      .set("overlaps", overlaps);
}

void print_markdown(std::ostream& out, const std::vector<core::CheckResult>& results,
                    const core::Context& ctx) {
  for (const auto& r : results) {
    out << "### " << (r.failed() ? "❌" : "✅") << " " << md(check_heading(r, ctx)) << "\n\n";
    bool tolerances = own_tolerances(r);
    out << "| Segment | Target |" << (r.running ? " Pace |" : "") << " Actual | Deviation |"
        << (tolerances ? " Tolerance |" : "") << " Status |\n";
    out << "| --- | ---: |" << (r.running ? " ---: |" : "") << " ---: | ---: |"
        << (tolerances ? " ---: |" : "") << " --- |\n";
    for (const auto& s : r.segments) {
      auto m = r.plan->measure;
      std::string status(core::verdict_name(s.verdict));
      // Bold fails the check; italic is out of tolerance but not failing (early, --fail-on).
      if (s.fails)
        status = "**" + status + "**";
      else if (s.verdict != core::Verdict::ok)
        status = "_" + status + "_";
      out << "| " << md(s.segment->name) << " | " << plan_number(s.target, m, true) << " |";
      if (r.running) out << " " << (s.pace ? plan_number(*s.pace, m, true) : "") << " |";
      out << " " << plan_number(s.actual, m, true) << " | " << deviation_text(s, true) << " |";
      if (tolerances) out << " " << s.tolerance_percent << "% |";
      out << " " << status << " |\n";
    }
    auto notes = overlap_notes(r);
    if (!notes.empty()) out << "\n";
    for (const auto& line : notes) out << "> " << md(line) << "\n";
    out << "\n";
  }
}

void print_junit(std::ostream& out, const std::vector<core::CheckResult>& results,
                 const core::Context& ctx) {
  size_t tests = 0, failures = 0;
  for (const auto& r : results)
    for (const auto& s : r.segments) {
      ++tests;
      failures += s.fails;
    }
  std::string stamp = core::format_timestamp(ctx.now, core::Zone::locate("UTC")).substr(0, 19);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"tally plan check\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
      "time=\"0\">\n",
      tests, failures);
  for (const auto& r : results) {
    size_t f = 0, early = 0;
    for (const auto& s : r.segments) {
      f += s.fails;
      early += s.verdict == core::Verdict::early;
    }
    out << fmt::format(
        "  <testsuite name=\"plan {}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" "
        "time=\"0\" "
        "timestamp=\"{}\">\n",
        xml(r.plan->period.name), r.segments.size(), f, early, stamp);
    out << "    <properties>\n";
    out << fmt::format("      <property name=\"tolerance\" value=\"{}%\"/>\n", r.tolerance_percent);
    out << fmt::format("      <property name=\"judge_after\" value=\"{}%\"/>\n",
                       r.judge_after_percent);
    out << fmt::format("      <property name=\"fail_on\" value=\"{}\"/>\n",
                       core::fail_on_name(r.fail_on));
    out << fmt::format("      <property name=\"judged\" value=\"{}\"/>\n",
                       xml(check_heading(r, ctx)));
    out << "    </properties>\n";
    for (const auto& s : r.segments) {
      out << fmt::format("    <testcase classname=\"plan.{}\" name=\"{}\" time=\"0\"",
                         xml(r.plan->period.name), xml(s.segment->name));
      if (s.verdict == core::Verdict::ok) {
        out << "/>\n";
        continue;
      }
      std::string why = xml(explain_verdict(r, s));
      if (s.fails)
        out << ">\n      <failure type=\"" << core::verdict_name(s.verdict) << "\" message=\""
            << why << "\">" << why << "</failure>\n    </testcase>\n";
      else if (s.verdict == core::Verdict::early)
        out << ">\n      <skipped message=\"" << why << "\"/>\n    </testcase>\n";
      else
        out << ">\n      <system-out>" << why << "</system-out>\n    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace tally::cli
