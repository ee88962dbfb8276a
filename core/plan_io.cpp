#include "core/plan_io.hpp"

#include "core/error.hpp"
#include "core/process.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace tally::core {

namespace fs = std::filesystem;

std::vector<std::string> plan_periods(const Store& store) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(store.root() / "plans", ec)) {
    std::string name = f.path().filename().string();
    if (name.starts_with('.') || f.path().extension() != ".yaml") continue;
    out.push_back(f.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

fs::path plan_relative_path(const std::string& period) {
  return fs::path("plans") / (period + ".yaml");
}

Plan load_plan(const Store& store, const std::string& period,
               const std::vector<std::string>& known_fields) {
  // A clear error for "2026-13" before looking for a file; "2026-q4" names plans/2026-Q4.yaml.
  fs::path rel = plan_relative_path(parse_plan_period(period).name);
  if (!fs::exists(store.root() / rel)) {
    auto periods = plan_periods(store);
    throw Error("no plan for {}", period)
        .hint(periods.empty() ? "add one with 'tally plan add " + period + "'"
                              : "plans: " + join(periods, ", "));
  }
  return parse_plan(load_yaml_file(store.root() / rel, rel), known_fields);
}

std::vector<std::string> plans_covering(const Store& store, LocalDay day) {
  std::vector<std::string> out;
  for (const auto& period : plan_periods(store)) {
    try {
      PlanPeriod p = parse_plan_period(period);
      if (p.first <= day && day <= p.last) out.push_back(period);
    } catch (const Error&) {
      // A stray file name is reported by load_plan when asked for by name.
    }
  }
  return out;
}

void save_plan(Context& ctx, const Plan& plan, const std::string& message) {
  Person actor = ctx.actor();
  if (actor.role != "head")
    throw Error("only a head sets sales plans, and {} is a {}", actor.login, actor.role);
  ctx.store.apply({{plan_relative_path(plan.period.name), plan_to_yaml(plan)}}, message, &actor,
                  ctx.commit);
}

std::vector<PlanChange> plan_history(const Store& store, const std::string& period) {
  fs::path rel = plan_relative_path(period);
  Git git(store.root());
  std::vector<PlanChange> out;
  if (!git.in_work_tree()) throw Error("the store is not in a git work tree, so it has no history");
  std::string log = git.run({"log", "--reverse", "--format=%H%x1f%an%x1f%at", "--", rel.string()});
  std::map<std::string, std::int64_t> before;
  Measure measure = Measure::amount;
  auto show = [&](std::int64_t v) {
    return measure == Measure::amount ? Money{v}.to_human() : std::to_string(v);
  };
  for (const auto& line : split(log, '\n')) {
    auto parts = split(line, '\x1f');
    if (parts.size() != 3) continue;
    auto r = run_process({"git", "show", parts[0] + ":" + rel.generic_string()}, store.root());
    std::map<std::string, std::int64_t> now;
    if (r.status == 0) {
      try {
        // History is read as it was: fields of deals since removed must not fail it.
        Plan p = parse_plan(parse_yaml(r.out, rel), {});
        measure = p.measure;
        for (const auto& s : p.segments) now[s.name] = s.target;
      } catch (const Error&) {
        continue;  // a revision that did not parse changed nothing we can read
      }
    }
    auto note = [&](const std::string& segment, std::string what) {
      // Commit times in the store's zone, like every other timestamp tally prints.
      Instant when{std::chrono::seconds(std::stoll(parts[2]))};
      out.push_back({parts[0].substr(0, 7), parts[1], format_timestamp(when, store.zone()), segment,
                     std::move(what)});
    };
    for (const auto& [name, target] : now) {
      auto it = before.find(name);
      if (it == before.end())
        note(name, "added, target " + show(target));
      else if (it->second != target)
        note(name, "target " + show(it->second) + " → " + show(target));
    }
    for (const auto& [name, target] : before)
      if (!now.count(name)) note(name, "removed (target was " + show(target) + ")");
    before = std::move(now);
  }
  return out;
}

}  // namespace tally::core
