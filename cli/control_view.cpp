#include "cli/control_view.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace tally::cli {

CountersReport build_counters(const core::Context& ctx, const std::vector<core::Task>& tasks,
                              std::vector<const core::Person*> people,
                              const std::optional<std::string>& period) {
  CountersReport r;
  r.people = std::move(people);
  r.period = period;
  const auto& cal = ctx.store.settings().calendar;
  std::optional<core::Period> span;
  if (period) span = core::month_period(*period, ctx.store.zone());
  for (const core::Person* p : r.people) {
    r.counters.push_back(
        core::count_for(p->login, tasks, ctx.now, ctx.store.zone(), cal, ctx.store.people()));
    if (span) r.efficiency.push_back(core::efficiency_for(p->login, tasks, *span, ctx.now));
  }
  // Only the shown departments' tasks: a head sees what is theirs to reassign.
  std::set<std::string> depts;
  for (const core::Person* p : r.people) depts.insert(p->department);
  for (const core::Task* t : core::needing_reassignment(tasks, ctx.store.people())) {
    const core::Person* p = ctx.store.people().find(t->responsible);
    if (!p || depts.count(p->department)) r.reassign.push_back(t);
  }
  return r;
}

namespace {

std::vector<std::string> numbers(const core::Counters& c) {
  std::vector<std::string> out;
  for (const auto& k : core::counter_kinds()) out.push_back(std::to_string(counter_value(c, k)));
  return out;
}

Value counters_object(const core::Counters& c) {
  Value v = Value::object();
  for (const auto& k : core::counter_kinds()) v.set(k.key, counter_value(c, k));
  return v;
}

}  // namespace

Table counters_table(const CountersReport& r, bool human) {
  std::vector<Table::Column> cols{{"WHO"}, {"DEPT"}};
  for (const auto& k : core::counter_kinds()) cols.push_back({k.heading, true});
  if (r.period) {
    cols.push_back({"EFFICIENCY", true});
    cols.push_back({"IN WORK", true});
    cols.push_back({"VIOLATIONS", true});
    cols.push_back({"MOVED", true});
  }
  Table table(cols);
  std::map<std::string, core::Counters> depts;
  std::map<std::string, core::Efficiency> dept_eff;
  for (size_t i = 0; i < r.people.size(); ++i) {
    const core::Person& p = *r.people[i];
    std::vector<std::string> row{human && !p.name.empty() ? p.name + " (" + p.login + ")" : p.login,
                                 p.department};
    auto n = numbers(r.counters[i]);
    row.insert(row.end(), n.begin(), n.end());
    core::add_counters(depts[p.department], r.counters[i]);
    if (r.period) {
      const auto& e = r.efficiency[i];
      row.push_back(std::to_string(e.percent) + (human ? "%" : ""));
      row.push_back(std::to_string(e.in_work));
      row.push_back(std::to_string(e.violations));
      row.push_back(std::to_string(e.deadline_moves));
      auto& d = dept_eff[p.department];
      d.in_work += e.in_work;
      d.violations += e.violations;
      d.deadline_moves += e.deadline_moves;
    }
    table.add(row);
    if (human && r.counters[i].overdue > 0) table.color(i, 2, "31");
  }
  if (r.people.size() > 1)
    for (const auto& [dept, sum] : depts) {
      std::vector<std::string> row{"total", dept};
      auto n = numbers(sum);
      row.insert(row.end(), n.begin(), n.end());
      if (r.period) {
        const auto& d = dept_eff[dept];
        int percent = d.in_work == 0
                          ? 100
                          : static_cast<int>((200 * (d.in_work - d.violations) + d.in_work) /
                                             (2 * d.in_work));
        row.push_back(std::to_string(percent) + (human ? "%" : ""));
        row.push_back(std::to_string(d.in_work));
        row.push_back(std::to_string(d.violations));
        row.push_back(std::to_string(d.deadline_moves));
      }
      table.add(row);
    }
  return table;
}

Value counters_value(const CountersReport& r, const core::Context& ctx) {
  Value people = Value::list();
  std::map<std::string, core::Counters> depts;
  for (size_t i = 0; i < r.people.size(); ++i) {
    const core::Person& p = *r.people[i];
    Value v = Value::object()
                  .set("login", p.login)
                  .set("name", p.name)
                  .set("department", Value::text_or_null(p.department));
    v.set("counters", counters_object(r.counters[i]));
    if (r.period) {
      const auto& e = r.efficiency[i];
      v.set("efficiency", Value::object()
                              .set("period", *r.period)
                              .set("percent", e.percent)
                              .set("in_work", e.in_work)
                              .set("violations", e.violations)
                              .set("deadline_moves", e.deadline_moves));
    }
    people.push(v);
    core::add_counters(depts[p.department], r.counters[i]);
  }
  Value departments = Value::list();
  for (const auto& [dept, sum] : depts)
    departments.push(Value::object()
                         .set("department", Value::text_or_null(dept))
                         .set("counters", counters_object(sum)));
  Value reassign = Value::list();
  for (const core::Task* t : r.reassign)
    reassign.push(
        Value::object().set("id", t->id).set("responsible", t->responsible).set("title", t->title));
  return Value::object()
      .set("now", core::format_timestamp(ctx.now, ctx.store.zone()))
      .set("people", people)
      .set("departments", departments)
      .set("needs_reassignment", reassign);
}

std::vector<const core::Person*> default_people(const core::Context& ctx) {
  const auto& people = ctx.store.people();
  std::vector<const core::Person*> out;
  const core::Person* me = nullptr;
  // TALLY_USER names someone on purpose: a typo there is an error, not "show everyone".
  if (ctx.user)
    me = &ctx.identify();
  else
    try {
      me = &ctx.identify();
    } catch (const core::Error&) {
    }
  for (const auto& p : people.list) {
    if (!p.active) continue;
    bool in = !me ||
              (me->role == "head" && (me->department.empty() || p.department == me->department)) ||
              p.login == me->login;
    if (in) out.push_back(&p);
  }
  return out;
}

}  // namespace tally::cli
