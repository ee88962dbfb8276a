// Plan files: periods, reading with every problem at once, and the canonical
// form. Numbers are read through Money::parse, so "12 000 000", "12,000,000.50"
// and "0,10" are exact kopecks; they are written in the store's form and quoted
// ("12000000.00", "40"), as deal amounts are, so that no YAML reader takes them
// for binary floats. Checking a plan lives in plan_check.cpp.
#include "core/plan.hpp"

#include "core/error.hpp"
#include "core/percent.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace tally::core {

namespace {

constexpr const char* k_period_hint = "a month 2026-11, a quarter 2026-Q4 or a year 2026";

std::optional<int> number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// What a target or an actual must look like, for messages.
std::string quantity_form(Measure m) {
  return m == Measure::amount ? "an amount such as 12 000 000"
                              : "a whole number of deals such as 40";
}

// A target or an actual: kopecks for amount, deals for count; nullopt after a problem.
std::optional<std::int64_t> read_quantity(const Reader& r, const YAML::Node& n,
                                          std::string_view key, Measure m) {
  auto bad = [&] {
    r.problems.add(r.doc, n, fmt::format("'{}' must be {}", key, quantity_form(m)));
    return std::nullopt;
  };
  if (!n.IsScalar()) return bad();
  Money value;
  try {
    value = Money::parse(n.Scalar());
  } catch (const Error&) {
    return bad();
  }
  if (value.cents < 0) {
    r.problems.add(r.doc, n, fmt::format("'{}' must not be negative", key));
    return std::nullopt;
  }
  if (m == Measure::amount) return value.cents;
  if (value.cents % 100 != 0) return bad();
  return value.cents / 100;
}

YAML::Node quantity_node(Measure m, std::int64_t v) {
  return text_node(m == Measure::amount ? Money{v}.to_string() : std::to_string(v));
}

void read_rates(const Reader& r, const YAML::Node& v, Plan& plan) {
  if (!v.IsMap()) {
    r.problems.add(r.doc, v, "'rates' must be a map of currencies to rates, such as {USD: 92.50}");
    return;
  }
  for (const auto& kv : v) {
    std::string currency = kv.first.IsScalar() ? kv.first.Scalar() : "";
    if (currency.empty() || has_control(currency)) {
      r.problems.add(r.doc, kv.first, "a currency in 'rates' must be a code such as USD");
      continue;
    }
    try {
      if (!kv.second.IsScalar()) throw Error("not a scalar");
      Money rate = Money::parse(kv.second.Scalar());
      if (rate.cents <= 0)
        r.problems.add(r.doc, kv.second,
                       fmt::format("the rate of {} must be above zero", currency));
      else
        plan.rates[currency] = rate;
    } catch (const Error&) {
      r.problems.add(r.doc, kv.second,
                     fmt::format("the rate of {} must be a number such as 92.50", currency));
    }
  }
}

// One value of a match term: a line of text (a number is read as its digits).
std::optional<std::string> match_value(const Reader& r, const YAML::Node& n,
                                       const std::string& field) {
  if (!n.IsScalar()) {
    r.problems.add(r.doc, n,
                   fmt::format("the value of '{}' in match must be text, or a list of texts for "
                               "one of them, such as [tyumen, kurgan]",
                               field));
    return std::nullopt;
  }
  return r.line(n, field);
}

void read_match(const Reader& r, const YAML::Node& v, const std::vector<std::string>& known,
                Segment& seg) {
  if (!v.IsMap()) {
    r.problems.add(r.doc, v, "'match' must be a map of fields to values, such as {region: msk}");
    return;
  }
  for (const auto& kv : v) {
    std::string field = kv.first.IsScalar() ? kv.first.Scalar() : "";
    if (!known.empty() && std::find(known.begin(), known.end(), field) == known.end()) {
      auto near = nearest(field, known, 1);
      r.problems.add(r.doc, kv.first,
                     fmt::format("unknown field '{}' in match; {}fields: {}", field,
                                 near.empty() ? "" : "did you mean '" + near.front() + "'? ",
                                 join(known, ", ")));
      continue;
    }
    MatchTerm term{field, {}, kv.second.IsSequence(), {}};
    if (term.list) {
      // An empty list would match no deal at all: the segment would read -100% for ever.
      if (kv.second.size() == 0)
        r.problems.add(r.doc, kv.second,
                       fmt::format("the list of '{}' in match is empty, so no deal could match; "
                                   "name one value or more, such as [tyumen, kurgan]",
                                   field));
      for (const auto& item : kv.second)
        if (auto value = match_value(r, item, field)) {
          term.values.push_back(*value);
          term.marks.push_back(item.Mark());
        }
    } else if (auto value = match_value(r, kv.second, field)) {
      term.values.push_back(*value);
      term.marks.push_back(kv.second.Mark());
    }
    if (!term.values.empty()) seg.match.push_back(std::move(term));
  }
}

Segment read_segment(const Reader& r, const YAML::Node& item, Measure measure,
                     const std::vector<std::string>& known) {
  Segment seg;
  seg.mark = item.Mark();
  bool has_name = false, has_match = false, has_target = false;
  static const std::vector<std::string> keys{"name", "match", "target", "actual", "tolerance"};
  for (const auto& kv : item) {
    std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
    const YAML::Node& v = kv.second;
    if (key == "name") {
      has_name = true;
      seg.name = std::string(trim(r.line(v, key)));
    } else if (key == "match") {
      has_match = true;
      read_match(r, v, known, seg);
    } else if (key == "target") {
      has_target = true;
      seg.target = read_quantity(r, v, key, measure).value_or(0);
    } else if (key == "actual") {
      seg.actual = read_quantity(r, v, key, measure);
    } else if (key == "tolerance") {
      seg.tolerance_percent = read_percent(r, v, key, k_tolerance);
    } else {
      // A typo such as "acutal" would silently drop a figure, so it is an error, not kept.
      auto near = nearest(key, keys, 1);
      r.problems.add(r.doc, kv.first,
                     fmt::format("unknown key '{}' in a segment; {}keys: {}", key,
                                 near.empty() ? "" : "did you mean '" + near.front() + "'? ",
                                 join(keys, ", ")));
    }
  }
  if (!has_name || seg.name.empty())
    r.problems.add(r.doc, has_name ? item["name"] : item, "a segment needs a 'name'");
  std::string who = seg.name.empty() ? "a segment" : fmt::format("the segment '{}'", seg.name);
  // Without this, a forgotten match would silently count every deal of the period.
  if (!has_match)
    r.problems.add(r.doc, item, who + " has no 'match'; write match: {} for all deals");
  if (!has_target) r.problems.add(r.doc, item, who + " has no 'target'");
  return seg;
}

void read_segments(const Reader& r, const YAML::Node& v, Plan& plan,
                   const std::vector<std::string>& known) {
  if (!v.IsSequence()) {
    r.problems.add(r.doc, v, "'segments' must be a list");
    return;
  }
  std::map<std::string, int> lines;  // name -> 1-based line of its first segment
  for (const auto& item : v) {
    if (!r.is_map(item, "a segment")) continue;
    Segment seg = read_segment(r, item, plan.measure, known);
    if (!seg.name.empty()) {
      auto [it, fresh] = lines.emplace(seg.name, seg.mark.line + 1);
      if (!fresh)
        r.problems.add(r.doc, item["name"],
                       fmt::format("the segment name '{}' is taken by the one at line {}", seg.name,
                                   it->second));
    }
    plan.segments.push_back(std::move(seg));
  }
}

}  // namespace

std::string_view measure_name(Measure m) {
  return m == Measure::amount ? "amount" : "count";
}

PlanPeriod parse_plan_period(std::string_view text) {
  auto year = text.size() >= 4 ? number(text.substr(0, 4)) : std::nullopt;
  auto rest = text.size() >= 4 ? text.substr(4) : text;
  date::year y{year.value_or(0)};
  if (year && rest.empty())
    return {std::string(text), LocalDay{y / date::January / 1}, LocalDay{y / date::December / 31}};
  if (year && rest.size() == 3 && rest[0] == '-') {
    auto month = number(rest.substr(1));
    if (month && *month >= 1 && *month <= 12) {
      date::month m{static_cast<unsigned>(*month)};
      return {std::string(text), LocalDay{y / m / 1}, LocalDay{y / m / date::last}};
    }
    auto quarter = number(rest.substr(2));
    if ((rest[1] == 'Q' || rest[1] == 'q') && quarter && *quarter >= 1 && *quarter <= 4) {
      date::month first{static_cast<unsigned>(*quarter * 3 - 2)};
      date::month last{static_cast<unsigned>(*quarter * 3)};
      // Lower-case q is accepted when typed, but a plan has one name (and one file).
      return {fmt::format("{}-Q{}", *year, *quarter), LocalDay{y / first / 1},
              LocalDay{y / last / date::last}};
    }
  }
  throw Error("'{}' is not a plan period", text).hint(k_period_hint);
}

Plan parse_plan(const YamlDoc& doc, const std::vector<std::string>& known_fields) {
  Plan plan;
  plan.file = doc.path.generic_string();
  Problems problems;
  Zone utc = Zone::locate("UTC");
  Reader r{doc, problems, utc};
  if (!r.is_map(doc.root, "a plan file")) problems.throw_if_any();
  const YAML::Node& root = doc.root;
  // Targets are read by the measure, which may come after the segments in the file.
  std::string measure =
      root["measure"] && root["measure"].IsScalar() ? root["measure"].Scalar() : "";
  if (measure == "count") plan.measure = Measure::count;
  bool has_period = false, has_segments = false;
  for (const auto& kv : root) {
    std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
    const YAML::Node& v = kv.second;
    if (key == "period") {
      has_period = true;
      std::string text = v.IsScalar() ? v.Scalar() : "";
      std::string stem = doc.path.stem().string();
      try {
        plan.period = parse_plan_period(text);
        if (plan.period.name != stem)
          problems.add(
              doc, v,
              fmt::format("'period' is {} but the file is named {}.yaml", plan.period.name, stem));
      } catch (const Error&) {
        problems.add(doc, v, fmt::format("'period' must be {}, not '{}'", k_period_hint, text));
      }
    } else if (key == "measure") {
      if (measure != "amount" && measure != "count")
        problems.add(doc, v,
                     fmt::format("unknown measure '{}'; measures are amount and count", measure));
    } else if (key == "tolerance") {
      plan.tolerance_percent = read_percent(r, v, key, k_tolerance);
    } else if (key == "judge_after") {
      plan.judge_after_percent = read_percent(r, v, key, k_share);
    } else if (key == "rates") {
      read_rates(r, v, plan);
    } else if (key == "segments") {
      has_segments = true;
      read_segments(r, v, plan, known_fields);
    } else {
      plan.unknown[key] = v;
    }
  }
  if (!has_period)
    problems.add(doc, root, fmt::format("the plan has no 'period' ({})", k_period_hint));
  if (!has_segments) problems.add(doc, root, "the plan has no 'segments'");
  problems.throw_if_any();
  return plan;
}

std::string plan_to_yaml(const Plan& plan) {
  YAML::Node root(YAML::NodeType::Map);
  root["period"] = plan.period.name;
  root["measure"] = std::string(measure_name(plan.measure));
  if (plan.tolerance_percent) root["tolerance"] = fmt::format("{}%", *plan.tolerance_percent);
  if (plan.judge_after_percent) root["judge_after"] = fmt::format("{}%", *plan.judge_after_percent);
  if (!plan.rates.empty()) {
    YAML::Node rates(YAML::NodeType::Map);
    for (const auto& [currency, rate] : plan.rates) rates[currency] = text_node(rate.to_string());
    root["rates"] = rates;
  }
  YAML::Node segments(YAML::NodeType::Sequence);
  for (const auto& seg : plan.segments) {
    YAML::Node n(YAML::NodeType::Map);
    n["name"] = text_node(seg.name);
    YAML::Node match(YAML::NodeType::Map);
    for (const auto& term : seg.match) {
      if (!term.list && term.values.size() == 1) {
        match[term.field] = text_node(term.values.front());
        continue;
      }
      YAML::Node values(YAML::NodeType::Sequence);
      for (const auto& value : term.values) values.push_back(text_node(value));
      match[term.field] = values;
    }
    n["match"] = match;
    n["target"] = quantity_node(plan.measure, seg.target);
    if (seg.actual) n["actual"] = quantity_node(plan.measure, *seg.actual);
    if (seg.tolerance_percent) n["tolerance"] = fmt::format("{}%", *seg.tolerance_percent);
    segments.push_back(n);
  }
  root["segments"] = segments;
  for (const auto& kv : plan.unknown) root[kv.first] = kv.second;
  return emit_yaml(root);
}

std::vector<std::string> deal_field_names(const std::vector<Record>& deals) {
  std::vector<std::string> out{"id",    "title", "company",  "contact",
                               "owner", "stage", "currency", "department"};
  for (const auto& d : deals)
    for (const auto& [key, value] : d.fields) out.push_back(key);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::ok:
      return "ok";
    case Verdict::under:
      return "under";
    case Verdict::over:
      return "over";
    case Verdict::unplanned:
      return "unplanned";
    case Verdict::early:
      return "early";
  }
  return "";
}

std::string_view fail_on_name(FailOn f) {
  return f == FailOn::under ? "under" : f == FailOn::over ? "over" : "any";
}

FailOn parse_fail_on(std::string_view text) {
  for (FailOn f : {FailOn::any, FailOn::under, FailOn::over})
    if (text == fail_on_name(f)) return f;
  auto near = nearest(text, {"under", "over", "any"}, 1);
  throw Error("--fail-on '{}' is not a choice", text)
      .hint(fmt::format("{}under (fail when short of the plan), over (when beyond it, unplanned "
                        "sales included) or any (both, the default)",
                        near.empty() ? "" : "did you mean " + near.front() + "? "));
}

}  // namespace tally::core
