// tally plan: sales plans per segment, and the check that CI runs.
#include "cli/app.hpp"
#include "cli/plan_view.hpp"

#include "core/error.hpp"
#include "core/percent.hpp"
#include "core/plan_io.hpp"
#include "core/text.hpp"

#include <iostream>

namespace tally::cli {

// The flagged segments' causes (plan_explain.cpp).
void print_explain(std::ostream& out, const core::CheckResult& r, const core::Context& ctx,
                   const std::vector<core::Record>& deals, const std::vector<core::Task>& tasks);

namespace {

std::optional<int> parse_tolerance(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return core::parse_percent(text, "--tolerance", core::k_tolerance);
}

std::optional<int> parse_judge_after(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return core::parse_percent(text, "--judge-after", core::k_share);
}

std::int64_t parse_target(const std::string& text, core::Measure measure) {
  if (measure == core::Measure::amount) {
    std::int64_t cents = core::Money::parse(text).cents;
    if (cents < 0)
      throw core::Error("'{}' is negative: targets and actuals are zero or more", text);
    return cents;
  }
  try {
    size_t used = 0;
    long long v = std::stoll(text, &used);
    if (used == text.size() && v >= 0) return v;
  } catch (const std::exception&) {
  }
  throw core::Error("'{}' is not a number of deals", text);
}

void add_check(CLI::App* group, const Globals& globals) {
  struct Options {
    std::vector<std::string> periods;
    bool all = false, final = false, explain = false, require_plan = false;
    std::string tolerance, judge_after, fail_on = "any", as_of, format = "table";
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = group->add_subcommand(
      "check", "compare actual sales with the plan; exit 1 when a segment is out of tolerance");
  cmd->add_option("period", opt->periods,
                  "plan periods (default: the plans covering the as-of date)");
  cmd->add_flag("--all", opt->all, "every plan in plans/");
  cmd->add_option("--tolerance", opt->tolerance, "override the tolerance, such as 15%");
  cmd->add_option("--judge-after", opt->judge_after,
                  "judge by pace only from this share of the period, such as 25%");
  cmd->add_option("--fail-on", opt->fail_on,
                  "under, over or any (default): which deviations exit 1");
  cmd->add_flag("--require-plan", opt->require_plan,
                "exit 2 when no plan covers the as-of date (default: a note, exit 0)");
  cmd->add_option("--as-of", opt->as_of, "judge as of this date (default: now)");
  cmd->add_flag("--final", opt->final, "judge by the whole target even while the period runs");
  cmd->add_flag("--explain", opt->explain, "for each flagged segment, what lies behind it");
  cmd->add_option("--format", opt->format, "table, json, csv, md or junit")
      ->check(CLI::IsMember({"table", "json", "csv", "md", "junit"}));
  cmd->callback([opt, &globals] {
    auto ctx = globals.reading_context();
    const auto& zone = ctx.store.zone();
    core::CheckOptions options;
    options.tolerance_percent = parse_tolerance(opt->tolerance);
    options.judge_after_percent = parse_judge_after(opt->judge_after);
    options.fail_on = core::parse_fail_on(opt->fail_on);
    options.final = opt->final;
    options.as_of = opt->as_of.empty() ? ctx.now
                                       : core::parse_when(opt->as_of, ctx.now, zone,
                                                          ctx.store.settings().calendar);
    // Every deal: the closed ones count, and any deal's field values tell a typo in a
    // match from a value that only has no sale yet.
    auto deals = ctx.store.load_records(core::RecordKind::deal);
    auto fields = core::deal_field_names(deals);
    std::vector<std::string> periods = opt->periods;
    if (opt->all) periods = core::plan_periods(ctx.store);
    if (periods.empty()) {
      auto day = date::floor<date::days>(zone.to_local(options.as_of));
      if (!opt->all) periods = core::plans_covering(ctx.store, day);
      if (periods.empty()) {
        auto known = core::plan_periods(ctx.store);
        std::string what = opt->all ? std::string("there are no plans in plans/")
                                    : "no plan covers " + core::format_date(day);
        std::string hint =
            (known.empty() ? std::string() : "plans: " + core::join(known, ", ") + "; ") +
            "add one with 'tally plan add'";
        // Early January, before the year's plans exist, is not a failure of the team.
        if (opt->require_plan) throw core::Error("{}", what).hint(hint + " (--require-plan)");
        // The formats print their empty forms (valid JSON, JUnit and CSV) below.
        std::cerr << "tally: note: " << what << ", so nothing was checked; " << hint << "\n";
      }
    }
    std::vector<core::Plan> plans;
    for (const auto& p : periods) plans.push_back(core::load_plan(ctx.store, p, fields));
    std::vector<core::CheckResult> results;
    for (const auto& plan : plans) {
      for (const auto& w :
           core::unseen_match_values(plan, deals, ctx.store.settings(), ctx.store.people()))
        std::cerr << "tally: warning: " << w.where << ": " << w.message << "\n";
      results.push_back(
          core::check_plan(plan, deals, ctx.store.settings(), ctx.store.people(), zone, options));
    }

    if (opt->format == "md")
      print_markdown(std::cout, results, ctx);
    else if (opt->format == "junit")
      print_junit(std::cout, results, ctx);
    else if (opt->format == "csv")
      check_csv(results).print_csv(std::cout, globals.raw);
    else if (opt->format == "json") {
      Value all = Value::object().set("as_of", core::format_timestamp(options.as_of, zone));
      Value list = Value::list();
      for (const auto& r : results) list.push(check_value(r, ctx));
      all.set("plans", list);
      bool failed = false;
      for (const auto& r : results) failed |= r.failed();
      all.set("failed", failed);
      all.print_json(std::cout);
    } else {
      std::vector<core::Task> tasks;
      if (opt->explain) tasks = ctx.store.load_tasks();
      for (size_t i = 0; i < results.size(); ++i) {
        const auto& r = results[i];
        if (i) std::cout << "\n";
        std::cout << check_heading(r, ctx) << "\n";
        check_table(r).print(std::cout);
        for (const auto& line : overlap_notes(r)) std::cout << "note: " << line << "\n";
        if (opt->explain) print_explain(std::cout, r, ctx, deals, tasks);
      }
    }
    for (const auto& r : results)
      if (r.failed()) throw ExitRequest{static_cast<int>(core::Exit::found)};
  });
}

void add_list(CLI::App* group, const Globals& globals) {
  auto format = std::make_shared<std::string>("table");
  auto* cmd = group->add_subcommand("list", "list the plans");
  cmd->add_option("--format", *format, "table, json, csv or yaml")
      ->check(CLI::IsMember(listing_formats));
  cmd->callback([format, &globals] {
    auto ctx = globals.context();
    auto fields = core::deal_field_names(ctx.store.load_records(core::RecordKind::deal));
    Table table(
        {{"PERIOD"}, {"MEASURE"}, {"TOLERANCE", true}, {"JUDGE AFTER", true}, {"SEGMENTS", true}});
    Value value = Value::list();
    for (const auto& period : core::plan_periods(ctx.store)) {
      core::Plan p = core::load_plan(ctx.store, period, fields);
      std::string measure = p.measure == core::Measure::amount ? "amount" : "count";
      int tol = p.tolerance_percent.value_or(ctx.store.settings().tolerance_percent);
      int after = p.judge_after_percent.value_or(ctx.store.settings().judge_after());
      table.add({period, measure, std::to_string(tol) + "%", std::to_string(after) + "%",
                 std::to_string(p.segments.size())});
      value.push(Value::object()
                     .set("period", period)
                     .set("measure", measure)
                     .set("tolerance_percent", tol)
                     .set("judge_after_percent", after)
                     .set("segments", static_cast<int>(p.segments.size())));
    }
    print_listing(std::cout, parse_format(*format), table, value, globals.raw);
  });
}

void add_show(CLI::App* group, const Globals& globals) {
  auto period = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto* cmd = group->add_subcommand("show", "show a plan's segments and targets");
  cmd->add_option("period", *period, "2026-11, 2026-Q4 or 2026")->required();
  cmd->add_option("--format", *format, "table, json, csv or yaml")
      ->check(CLI::IsMember(listing_formats));
  cmd->callback([period, format, &globals] {
    auto ctx = globals.context();
    auto fields = core::deal_field_names(ctx.store.load_records(core::RecordKind::deal));
    core::Plan p = core::load_plan(ctx.store, *period, fields);
    Format f = parse_format(*format);
    Table table({{"SEGMENT"}, {"MATCH"}, {"TARGET", true}, {"ACTUAL GIVEN", true}});
    Value segments = Value::list();
    for (const auto& s : p.segments) {
      std::vector<std::string> match;
      Value m = Value::object();
      for (const auto& term : s.match) {
        match.push_back(term.field + "=" + core::join(term.values, "|"));
        if (term.list || term.values.size() > 1)
          m.set(term.field, Value::strings(term.values));
        else
          m.set(term.field, term.values.front());
      }
      table.add({s.name, core::join(match, ", "),
                 plan_number(s.target, p.measure, f == Format::table),
                 s.actual ? plan_number(*s.actual, p.measure, f == Format::table) : ""});
      segments.push(Value::object()
                        .set("name", s.name)
                        .set("match", m)
                        .set("target", Value::number(plan_number(s.target, p.measure, false)))
                        .set("actual", s.actual
                                           ? Value::number(plan_number(*s.actual, p.measure, false))
                                           : Value())
                        .set("tolerance_percent",
                             s.tolerance_percent ? Value(*s.tolerance_percent) : Value()));
    }
    Value value = Value::object()
                      .set("period", p.period.name)
                      .set("measure", p.measure == core::Measure::amount ? "amount" : "count")
                      .set("tolerance_percent",
                           p.tolerance_percent.value_or(ctx.store.settings().tolerance_percent))
                      .set("judge_after_percent",
                           p.judge_after_percent.value_or(ctx.store.settings().judge_after()))
                      .set("segments", segments);
    print_listing(std::cout, f, table, value, globals.raw);
  });
}

void add_add_edit(CLI::App* group, const Globals& globals, bool create) {
  struct Options {
    std::string period, measure, tolerance, judge_after, segment, target, actual, segment_tolerance;
    std::vector<std::string> match, drop;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = group->add_subcommand(
      create ? "add" : "edit",
      create ? "create a plan for a month, quarter or year (head only)"
             : "change a plan: measure, tolerance, a segment's target and match (head only)");
  cmd->add_option("period", opt->period, "2026-11, 2026-Q4 or 2026")->required();
  cmd->add_option("--measure", opt->measure,
                  "amount (sum of won deals) or count (number of won deals)")
      ->check(CLI::IsMember({"amount", "count"}));
  cmd->add_option("--tolerance", opt->tolerance, "allowed deviation, such as 20%");
  cmd->add_option("--judge-after", opt->judge_after,
                  "judge by pace only from this share of the period, such as 25%");
  auto* seg = cmd->add_option("--segment", opt->segment, "the segment to add or change, by name");
  cmd->add_option("--segment-tolerance", opt->segment_tolerance,
                  "the segment's own tolerance, such as 40%")
      ->needs(seg);
  cmd->add_option("--target", opt->target, "the segment's target (money or a number of deals)")
      ->needs(seg);
  cmd->add_option("--match", opt->match,
                  "the segment's deals: FIELD=VALUE, such as region=msk (repeatable; a field "
                  "given twice is one of its values; replaces)")
      ->needs(seg);
  cmd->add_option("--actual", opt->actual, "the segment's actual, when the CRM lives elsewhere")
      ->needs(seg);
  if (!create) cmd->add_option("--drop-segment", opt->drop, "remove a segment (repeatable)");
  cmd->callback([opt, create, &globals] {
    auto ctx = globals.context();
    auto lock = ctx.store.lock();
    auto fields = core::deal_field_names(ctx.store.load_records(core::RecordKind::deal));
    core::Plan plan;
    bool exists = std::filesystem::exists(
        ctx.store.root() / core::plan_relative_path(core::parse_plan_period(opt->period).name));
    if (create) {
      if (exists)
        throw core::Error("there is already a plan for {}", opt->period)
            .hint("change it with 'tally plan edit'");
      plan.period = core::parse_plan_period(opt->period);
    } else {
      plan = core::load_plan(ctx.store, opt->period, fields);
    }
    std::vector<std::string> what;
    std::string before = create ? "" : core::plan_to_yaml(plan);
    if (!opt->measure.empty()) {
      auto measure = opt->measure == "count" ? core::Measure::count : core::Measure::amount;
      // Kopecks are not deals: the targets would silently change meaning.
      if (measure != plan.measure && !plan.segments.empty())
        throw core::Error("plan {} has segments, so its measure cannot change", plan.period.name)
            .hint(
                "drop the segments (--drop-segment) and add them again with targets of the new "
                "measure");
      plan.measure = measure;
      what.push_back("measure " + opt->measure);
    }
    if (auto t = parse_tolerance(opt->tolerance)) {
      plan.tolerance_percent = t;
      what.push_back(fmt::format("tolerance {}%", *t));
    }
    if (auto j = parse_judge_after(opt->judge_after)) {
      plan.judge_after_percent = j;
      what.push_back(fmt::format("judged after {}%", *j));
    }
    for (const auto& name : opt->drop) {
      auto it = std::find_if(plan.segments.begin(), plan.segments.end(),
                             [&](auto& s) { return s.name == name; });
      if (it == plan.segments.end())
        throw core::Error("plan {} has no segment «{}»", opt->period, name);
      plan.segments.erase(it);
      what.push_back("removed «" + name + "»");
    }
    if (!opt->segment.empty()) {
      std::string name(core::trim(opt->segment));
      if (name.empty() || core::has_control(name))
        throw core::Error("a segment's name must be one line");
      auto it = std::find_if(plan.segments.begin(), plan.segments.end(),
                             [&](auto& s) { return s.name == name; });
      bool added = it == plan.segments.end();
      if (added && opt->target.empty())
        throw core::Error("a new segment needs --target").hint("such as --target \"12 000 000\"");
      if (added && opt->match.empty())
        throw core::Error("a new segment needs --match FIELD=VALUE")
            .hint(
                "such as --match region=msk; a segment of all deals is written by hand as match: "
                "{}");
      if (added) {
        plan.segments.push_back({});
        plan.segments.back().name = name;
        it = plan.segments.end() - 1;
      }
      if (!opt->target.empty()) it->target = parse_target(opt->target, plan.measure);
      if (!opt->actual.empty()) it->actual = parse_target(opt->actual, plan.measure);
      if (!opt->segment_tolerance.empty())
        it->tolerance_percent =
            core::parse_percent(opt->segment_tolerance, "--segment-tolerance", core::k_tolerance);
      if (!opt->match.empty()) {
        it->match.clear();
        for (const auto& m : opt->match) {
          auto eq = m.find('=');
          if (eq == std::string::npos || eq == 0)
            throw core::Error("--match wants FIELD=VALUE, not '{}'", m);
          std::string field = m.substr(0, eq);
          if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
            auto near = core::nearest(field, fields);
            throw core::Error("unknown field '{}' in --match", field)
                .hint((near.empty() ? "" : "did you mean " + near.front() + "? ") +
                      "fields: " + core::join(fields, ", "));
          }
          auto same = std::find_if(it->match.begin(), it->match.end(),
                                   [&](const auto& t) { return t.field == field; });
          if (same == it->match.end())
            it->match.push_back({field, {m.substr(eq + 1)}, false, {}});
          else
            same->values.push_back(m.substr(eq + 1));
        }
      }
      what.push_back(fmt::format("{} «{}», target {}", added ? "added" : "changed", name,
                                 plan_number(it->target, plan.measure, true)));
    }
    if (!create && what.empty())
      throw core::Error("nothing to change").hint("see 'tally plan edit --help'");
    if (!create && core::plan_to_yaml(plan) == before)
      throw core::Error("plan {} already is as asked: nothing changed", plan.period.name);
    std::string message =
        fmt::format("plan {}: {}", plan.period.name, create ? "created" : "changed");
    if (!what.empty()) message += ", " + core::join(what, ", ");
    core::save_plan(ctx, plan, message);
    std::cout << message << "\n";
  });
}

void add_history(CLI::App* group, const Globals& globals) {
  auto period = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto* cmd = group->add_subcommand("history", "who changed which target when, from git");
  cmd->add_option("period", *period, "2026-11, 2026-Q4 or 2026")->required();
  cmd->add_option("--format", *format, "table, json, csv or yaml")
      ->check(CLI::IsMember(listing_formats));
  cmd->callback([period, format, &globals] {
    auto ctx = globals.context();
    std::string name = core::parse_plan_period(*period).name;
    if (!std::filesystem::exists(ctx.store.root() / core::plan_relative_path(name)))
      throw core::Error("no plan for {}", name);
    Table table({{"DATE"}, {"WHO"}, {"COMMIT"}, {"SEGMENT"}, {"CHANGE"}});
    Value value = Value::list();
    for (const auto& c : core::plan_history(ctx.store, name)) {
      table.add(
          {core::format_human(core::parse_timestamp(c.date, ctx.store.zone()), ctx.store.zone()),
           c.author, c.commit, c.segment, c.what});
      value.push(Value::object()
                     .set("date", c.date)
                     .set("author", c.author)
                     .set("commit", c.commit)
                     .set("segment", c.segment)
                     .set("change", c.what));
    }
    print_listing(std::cout, parse_format(*format), table, value, globals.raw);
  });
}

}  // namespace

void add_plan(CLI::App& parent, const Globals& globals) {
  auto* group =
      parent.add_subcommand("plan", "sales plans per segment and the check against actual sales");
  group->require_subcommand(1);
  add_check(group, globals);
  add_list(group, globals);
  add_show(group, globals);
  add_add_edit(group, globals, true);
  add_add_edit(group, globals, false);
  add_history(group, globals);
}

}  // namespace tally::cli
