#include "core/assign.hpp"

#include "core/crm.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/recur.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace tally::core {

std::string link_of(const Record& r) {
  return fmt::format("{}/{}", kind_name(r.kind), r.id);
}

std::vector<std::string> resolve_assignees(const People& people, const std::vector<std::string>& to,
                                           std::string_view self) {
  std::vector<std::string> out;
  auto add = [&](const std::string& login) {
    if (std::find(out.begin(), out.end(), login) == out.end()) out.push_back(login);
  };
  for (const auto& item : to) {
    for (auto part : split(item, ',')) {
      std::string name(trim(part));
      if (name.empty()) continue;
      if (name.starts_with("dept:")) {
        std::string dept = name.substr(5);
        auto members = people.department(dept);
        if (members.empty()) {
          auto known = people.departments();
          auto e = Error("no active people in department '{}'", dept);
          auto near = nearest(dept, known);
          std::string hint = "departments: " + (known.empty() ? "none yet" : join(known, ", "));
          if (!near.empty()) hint = "did you mean dept:" + near.front() + "? " + hint;
          throw std::move(e).hint(hint);
        }
        for (const Person* p : members)
          if (p->login != self) add(p->login);
        continue;
      }
      const Person& p = people.require(name);
      if (!p.active)
        throw Error("{} is not active", p.login).hint("give the task to someone active");
      add(p.login);
    }
  }
  return out;
}

Added add_tasks(Context& ctx, const TaskAddRequest& rq) {
  auto lock = ctx.store.lock();
  const Person& actor = ctx.actor();
  const People& people = ctx.store.people();
  const Zone& zone = ctx.store.zone();

  std::string title(trim(rq.title));
  if (title.empty())
    throw Error("the task has no title")
        .hint("say what to do: tally task add \"Позвонить клиенту\" --to ivan");
  if (title.find('\n') != std::string::npos || title.find('\r') != std::string::npos)
    throw Error("the title must be one line").hint("put the details in the description with -m");
  if (has_control(title)) throw Error("the title has a control character");

  std::string link;
  std::string owner;
  if (rq.link) {
    Record rec = resolve_record(ctx.store, rq.link->kind, rq.link->id);
    link = link_of(rec);
    owner = rec.owner;
  }
  std::vector<std::string> assignees = resolve_assignees(people, rq.to, actor.login);
  if (rq.to.empty()) {
    if (owner.empty())
      throw Error("who answers for it? --to is missing")
          .hint(
              "--to LOGIN, --to ivan,petr or --to dept:sales; a task linked to a record with an "
              "owner goes to the owner");
    assignees = resolve_assignees(people, {owner}, actor.login);
  }
  if (assignees.empty()) throw Error("--to names nobody");

  std::optional<Stamp> deadline;
  if (rq.due) {
    Instant at = parse_when(*rq.due, ctx.now, zone, ctx.store.settings().calendar);
    if (at < ctx.now && !rq.allow_past)
      throw Error("the deadline {} is in the past (now is {})", format_human(at, zone),
                  format_human(ctx.now, zone))
          .hint("give a later date, or --allow-past to record a task that is already late");
    deadline = Stamp::make(at, zone);
  }
  if (rq.priority != "normal" && rq.priority != "high")
    throw Error("unknown priority '{}'", rq.priority).hint("priorities are normal and high");
  for (const auto& login : rq.observers) people.require(login);
  for (const auto& login : rq.participants) people.require(login);
  for (const auto& tag : rq.tags)
    if (tag.empty() || has_control(tag) || tag.find(' ') != std::string::npos)
      throw Error("'{}' is not a tag", tag).hint("a tag is one word");

  std::vector<std::string> checks;
  for (const auto& c : rq.checks) {
    std::string item(trim(c));
    if (item.empty() || has_control(item))
      throw Error("a checklist item must be one non-empty line");
    checks.push_back(item);
  }
  std::string recur = rq.every.empty() ? "" : parse_recur(rq.every).text;
  std::string group = assignees.size() > 1 ? new_id("G-") : "";
  Stamp created = Stamp::make(ctx.now, zone);
  std::vector<Task> tasks;
  std::vector<Change> changes;
  for (const auto& login : assignees) {
    Task t;
    do t.id = new_id("T-");
    while (ctx.store.has_task(t.id));
    t.title = title;
    t.creator = actor.login;
    t.responsible = login;
    t.participants = rq.participants;
    t.observers = rq.observers;
    t.created = created;
    t.deadline = deadline;
    t.priority = rq.priority;
    t.review = rq.review;
    t.link = link;
    t.group = group;
    t.tags = rq.tags;
    t.description = rq.description;
    t.may_move_deadline = rq.may_move_deadline;
    t.result_required = rq.result_required;
    t.recur = recur;
    for (const auto& c : checks) t.checklist.push_back({c, false});
    LogEntry entry{created, actor.login, "created", {}};
    entry.data.emplace_back("to", YAML::Node(login));  // where the replay of the log starts
    // --allow-past: say so in the log, so `tally check` knows the early deadline was meant.
    if (deadline && deadline->at < ctx.now)
      entry.data.emplace_back("past_deadline", YAML::Node(true));
    t.log.push_back(std::move(entry));
    changes.push_back({task_relative_path(t.id, ctx.now, zone), task_to_yaml(t)});
    tasks.push_back(std::move(t));
  }

  std::vector<Task> instances;
  if (!recur.empty()) {
    LocalDay today = date::floor<date::days>(zone.to_local(ctx.now));
    auto exists = [&](const std::string& id) { return ctx.store.has_task(id); };
    for (const Task& t : tasks)
      for (Task& i :
           plan_instances(t, today, ctx.now, zone, ctx.store.settings().calendar, exists).instances) {
        changes.push_back({task_relative_path(i.id, i.created.at, zone), task_to_yaml(i)});
        instances.push_back(std::move(i));
      }
  }

  std::string due = deadline ? ", due " + format_human(deadline->at, zone) : ", no deadline";
  std::string message =
      tasks.size() == 1
          ? fmt::format("task {}: assigned to {}{} — {}", tasks[0].id, assignees[0], due, title)
          : fmt::format("tasks {}: assigned to {} ({}){} — {}", group, tasks.size(),
                        join(assignees, ", "), due, title);
  if (!link.empty()) message += " [" + link + "]";
  if (!recur.empty()) message += ", every " + recur;
  if (!instances.empty()) message += fmt::format(" (and {} for today)", instances.size());
  ctx.store.apply(changes, message, &actor, ctx.commit);
  return {std::move(tasks), std::move(instances)};
}

}  // namespace tally::core
