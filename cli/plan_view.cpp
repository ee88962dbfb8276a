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

namespace {

const char* verdict_color(core::Verdict v) {
  switch (v) {
    case core::Verdict::ok:
      return "32";
    case core::Verdict::unplanned:
      return "33";
    default:
      return "31";
  }
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
  std::int64_t bp = r.running && s.pace_deviation_bp ? *s.pace_deviation_bp : s.deviation_bp;
  return fmt::format("{}: actual {} is {} from the {} {} (tolerance {}%)",
                     core::verdict_name(s.verdict), plan_number(s.actual, m, true),
                     percent(bp, true), reference_word(r), plan_number(ref, m, true),
                     r.tolerance_percent);
}

}  // namespace

std::vector<std::string> overlap_notes(const core::CheckResult& r) {
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>>
      groups;  // segments, deals
  for (const auto& [deal, names] : r.overlaps) {
    auto it = std::find_if(groups.begin(), groups.end(), [&](auto& g) { return g.first == names; });
    if (it == groups.end())
      groups.push_back({names, {deal->id}});
    else
      it->second.push_back(deal->id);
  }
  std::vector<std::string> out;
  for (const auto& [names, ids] : groups) {
    std::vector<std::string> quoted;
    for (const auto& n : names) quoted.push_back("«" + n + "»");
    out.push_back(fmt::format("{} {} {} in {}: a total of the segments would count {} twice",
                              ids.size() == 1 ? "deal" : "deals", core::join(ids, ", "),
                              ids.size() == 1 ? "is" : "are", core::join(quoted, " and "),
                              ids.size() == 1 ? "it" : "them"));
  }
  return out;
}

std::string check_heading(const core::CheckResult& r, const core::Context& ctx) {
  std::string measure = r.plan->measure == core::Measure::amount
                            ? "amount, " + ctx.store.settings().currency
                            : "count of won deals";
  std::string when =
      r.running ? fmt::format("{} of {} working days, judged by pace", r.days_elapsed, r.days_total)
      : r.final ? "final"
                : "period over, judged by target";
  return fmt::format("plan {} · {} · tolerance {}% · {}", r.plan->period.name, measure,
                     r.tolerance_percent, when);
}

Table check_table(const core::CheckResult& r, bool human) {
  std::vector<Table::Column> cols{{"SEGMENT"}, {"TARGET", true}};
  if (r.running) cols.push_back({"PACE", true});
  cols.push_back({"ACTUAL", true});
  cols.push_back({"DEVIATION", true});
  if (r.running) cols.push_back({"PROJECTION", true});
  cols.push_back({"STATUS"});
  if (human) cols.push_back({r.running ? "ACTUAL vs │PACE" : "ACTUAL vs │TARGET"});
  Table table(cols);
  auto m = r.plan->measure;
  for (size_t i = 0; i < r.segments.size(); ++i) {
    const auto& s = r.segments[i];
    std::vector<std::string> row{s.segment->name, plan_number(s.target, m, human)};
    if (r.running) row.push_back(s.pace ? plan_number(*s.pace, m, human) : "");
    row.push_back(plan_number(s.actual, m, human));
    std::int64_t bp = r.running && s.pace_deviation_bp ? *s.pace_deviation_bp : s.deviation_bp;
    row.push_back(s.target == 0 ? "" : percent(bp, human));
    if (r.running) row.push_back(s.projection ? plan_number(*s.projection, m, human) : "");
    row.push_back(std::string(core::verdict_name(s.verdict)));
    if (human) row.push_back(bar(r.running && s.pace ? *s.pace : s.target, s.actual));
    table.add(row);
    if (human) table.color(i, row.size() - 2, verdict_color(s.verdict));
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
    v.set("status", std::string(core::verdict_name(s.verdict)));
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
      .set("running", r.running)
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
    out << "| Segment | Target |" << (r.running ? " Pace |" : "")
        << " Actual | Deviation | Status |\n";
    out << "| --- | ---: |" << (r.running ? " ---: |" : "") << " ---: | ---: | --- |\n";
    for (const auto& s : r.segments) {
      auto m = r.plan->measure;
      std::int64_t bp = r.running && s.pace_deviation_bp ? *s.pace_deviation_bp : s.deviation_bp;
      out << "| " << md(s.segment->name) << " | " << plan_number(s.target, m, true) << " |";
      if (r.running) out << " " << (s.pace ? plan_number(*s.pace, m, true) : "") << " |";
      out << " " << plan_number(s.actual, m, true) << " | " << (s.target ? percent(bp, true) : "")
          << " | "
          << (s.verdict == core::Verdict::ok
                  ? "ok"
                  : "**" + std::string(core::verdict_name(s.verdict)) + "**")
          << " |\n";
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
      failures += s.verdict != core::Verdict::ok;
    }
  std::string stamp = core::format_timestamp(ctx.now, core::Zone::locate("UTC")).substr(0, 19);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"tally plan check\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
      "time=\"0\">\n",
      tests, failures);
  for (const auto& r : results) {
    size_t f = 0;
    for (const auto& s : r.segments) f += s.verdict != core::Verdict::ok;
    out << fmt::format(
        "  <testsuite name=\"plan {}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" "
        "time=\"0\" "
        "timestamp=\"{}\">\n",
        xml(r.plan->period.name), r.segments.size(), f, stamp);
    out << "    <properties>\n";
    out << fmt::format("      <property name=\"tolerance\" value=\"{}%\"/>\n", r.tolerance_percent);
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
      std::string why = explain_verdict(r, s);
      out << ">\n      <failure type=\"" << core::verdict_name(s.verdict) << "\" message=\""
          << xml(why) << "\">" << xml(why) << "</failure>\n    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace tally::cli
