// Bare `tally`: my counters, my open tasks grouped by the deal, company, lead
// or contact they serve, then general ones, then what waits for my review.
// A head sees the department's counters first.
#include "cli/app.hpp"
#include "cli/control_view.hpp"
#include "cli/task_view.hpp"

#include "core/error.hpp"
#include "core/lifecycle.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <iostream>
#include <map>

namespace tally::cli {

namespace {

std::string record_heading(const core::Context& ctx, const std::string& link) {
  auto slash = link.find('/');
  std::string kind = link.substr(0, slash), id = link.substr(slash + 1);
  std::string heading = kind + " " + id;
  if (auto k = core::parse_kind(kind)) try {
      if (auto rec = ctx.store.find_record(*k, id)) {
        heading += " — " + rec->title;
        if (const core::Stage* st = ctx.store.settings().find_stage(rec->stage))
          heading += " [" + st->name + "]";
      }
    } catch (const core::Error& e) {
      // A broken record file leaves the heading bare; the tasks under it still show.
      ctx.store.left_out(std::filesystem::path(core::kind_folder(*k)) / (id + ".yaml"), e.what());
    }
  return heading;
}

}  // namespace

void show_dashboard(const Globals& globals) {
  auto ctx = globals.reading_context();
  const core::Person& me = ctx.identify();
  auto tasks = ctx.store.load_tasks(core::is_pending);  // what waits for someone
  const auto& zone = ctx.store.zone();
  auto shorts = short_ids(ctx.store, tasks);

  if (me.role == "head") {
    auto report = build_counters(ctx, tasks, default_people(ctx), std::nullopt);
    counters_table(report, true).print(std::cout);
    for (const core::Task* t : report.reassign)
      std::cout << "needs reassignment: " << shorts[t->id] << " " << t->title << " ("
                << t->responsible << " is inactive)\n";
    std::cout << "\n";
  }
  core::Counters c = core::count_for(me.login, tasks, ctx.now, zone, ctx.store.settings().calendar,
                                     ctx.store.people());
  std::cout << (me.name.empty() ? me.login : me.name + " (" + me.login + ")") << ", "
            << core::format_human(ctx.now, zone) << ": ";
  const char* sep = "";
  for (const auto& k : core::counter_kinds()) {
    if (!k.field) continue;  // the total is the head's table's
    std::string name = core::to_lower(k.heading);
    std::cout << sep << name << " " << counter_value(c, k);
    sep = " · ";
  }
  std::cout << "\n\n";

  // My open tasks by what they serve; a group's order is that of its most urgent task.
  std::vector<const core::Task*> mine, to_review, put_aside;
  for (const auto& t : tasks) {
    if (!t.recur.empty()) continue;  // templates stand for their instances
    bool part =
        std::find(t.participants.begin(), t.participants.end(), me.login) != t.participants.end();
    if (core::is_open(t.status) && t.status != core::Status::review &&
        (t.responsible == me.login || part))
      mine.push_back(&t);
    if (t.status == core::Status::review && t.creator == me.login) to_review.push_back(&t);
    if (core::awaits_decision(t, ctx.store.people()) &&
        core::decides_on(me, t, ctx.store.people()))
      put_aside.push_back(&t);
  }
  std::sort(mine.begin(), mine.end(), core::by_deadline);
  std::vector<std::string> order;
  std::map<std::string, std::vector<const core::Task*>> groups;
  for (const core::Task* t : mine) {
    if (!groups.count(t->link) && !t->link.empty()) order.push_back(t->link);
    groups[t->link].push_back(t);
  }
  if (groups.count("")) order.push_back("");

  Table table({{"ID"}, {"STATUS"}, {"DUE"}, {"LATE"}, {"TITLE"}});
  size_t row = 0;
  auto add_task_row = [&](const core::Task* t, const std::string& extra) {
    std::string due = t->deadline ? core::format_human(t->deadline->at, zone) : "";
    std::string late = t->overdue(ctx.now) ? late_by(t->deadline->at, ctx.now) : "";
    std::string title = (t->priority == "high" ? "‼ " : "") + t->title + extra;
    table.add({shorts[t->id], std::string(core::status_name(t->status)), due, late, title});
    if (!late.empty()) table.color(row, 3, "31");
    ++row;
  };
  for (const auto& link : order) {
    table.add_section(link.empty() ? "general" : record_heading(ctx, link));
    for (const core::Task* t : groups[link]) add_task_row(t, "");
  }
  if (!to_review.empty()) {
    table.add_section("waiting for my review");
    for (const core::Task* t : to_review) add_task_row(t, " (" + t->responsible + ")");
  }
  if (!put_aside.empty()) {
    table.add_section("put aside, waiting for my decision");
    for (const core::Task* t : put_aside)
      add_task_row(t, " (" + std::string(core::status_name(t->status)) + " by " + t->responsible +
                          ": " + core::put_aside_reason(*t) + ")");
  }
  if (row == 0)
    std::cout << "nothing open for you\n";
  else
    table.print(std::cout);
}

}  // namespace tally::cli
