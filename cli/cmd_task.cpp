#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/task_view.hpp"

#include "core/assign.hpp"
#include "core/crm.hpp"
#include "core/error.hpp"
#include "core/lifecycle.hpp"
#include "core/query.hpp"
#include "core/text.hpp"

#include <iostream>

namespace tally::cli {

namespace {

struct LinkOptions {
  std::string deal, company, lead, contact;

  std::optional<core::LinkRef> ref() const {
    std::vector<core::LinkRef> given;
    if (!deal.empty()) given.push_back({core::RecordKind::deal, deal});
    if (!company.empty()) given.push_back({core::RecordKind::company, company});
    if (!lead.empty()) given.push_back({core::RecordKind::lead, lead});
    if (!contact.empty()) given.push_back({core::RecordKind::contact, contact});
    if (given.size() > 1)
      throw core::Error("a task links to one record at most")
          .hint("give one of --deal, --company, --lead, --contact");
    if (given.empty()) return std::nullopt;
    return given.front();
  }
};

void add_link_options(CLI::App* cmd, LinkOptions& link, const std::string& verb) {
  cmd->add_option("--deal", link.deal, verb + " the deal with this ID");
  cmd->add_option("--company", link.company, verb + " the company with this ID");
  cmd->add_option("--lead", link.lead, verb + " the lead with this ID");
  cmd->add_option("--contact", link.contact, verb + " the contact with this ID");
}

void add_task_add(CLI::App* group, const Globals& globals) {
  struct Options {
    core::TaskAddRequest rq;
    LinkOptions link;
    std::string due;
    bool high = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = group->add_subcommand("add", "assign a task: what, by when, who answers for it");
  cmd->add_option("title", opt->rq.title, "what to do, one line")->required();
  cmd->add_option("--to", opt->rq.to,
                  "who answers for it: LOGIN, LOGIN,LOGIN or dept:NAME (repeatable)");
  add_link_options(cmd, opt->link, "tie it to");
  cmd->add_option("--due", opt->due, "deadline: 2026-11-28, 28.11, friday, пт 18:00, +3d, eow ...");
  cmd->add_flag("--allow-past", opt->rq.allow_past, "accept a deadline that has already passed");
  cmd->add_flag("--review", opt->rq.review, "the creator checks the result before it is done");
  cmd->add_option("--priority", opt->rq.priority, "normal or high")
      ->check(CLI::IsMember({"normal", "high"}));
  cmd->add_option("--observer", opt->rq.observers, "a login who watches the task (repeatable)");
  cmd->add_option("--with", opt->rq.participants, "a login who helps with the task (repeatable)");
  cmd->add_option("--tag", opt->rq.tags, "a tag (repeatable)");
  cmd->add_option("-m,--description", opt->rq.description, "details, any number of lines");
  cmd->add_option("--check", opt->rq.checks, "a checklist item (repeatable)");
  cmd->add_flag("--may-move-deadline", opt->rq.may_move_deadline,
                "the responsible may move the deadline (with a reason)");
  cmd->add_option("--every", opt->rq.every,
                  "repeat: weekday, mon,thu, \"month 1\" or \"month last\" (makes a template; see "
                  "tally recur)");
  cmd->add_flag("--result-required", opt->rq.result_required,
                "the responsible cannot finish without a result text");
  cmd->callback([opt, &globals] {
    auto ctx = globals.context();
    core::TaskAddRequest rq = opt->rq;
    rq.link = opt->link.ref();
    if (!opt->due.empty()) rq.due = opt->due;
    auto added = core::add_tasks(ctx, rq);
    const auto& tasks = added.tasks;
    for (const auto& t : tasks) {
      std::string due =
          t.deadline ? ", due " + core::format_human(t.deadline->at, ctx.store.zone()) : "";
      std::cout << "created " << t.id << " for " << t.responsible << due << "\n";
    }
    for (const auto& t : added.instances)
      std::cout << "created " << t.id << " for " << t.responsible << ", due "
                << core::format_human(t.deadline->at, ctx.store.zone()) << " (today's repetition)\n";
    if (tasks.size() > 1)
      std::cout << "group " << tasks.front().group << ": " << tasks.size() << " tasks\n";
  });
}

// "G-…: 3 of 6 done; late: ivan, petr" for one assignment to several people.
void print_group_progress(const core::Context& ctx, const std::string& group,
                          const std::vector<core::Task>& tasks) {
  size_t done = 0, counted = 0;
  std::vector<std::string> late;
  for (const auto& t : tasks) {
    if (t.status == core::Status::cancelled) continue;
    ++counted;
    if (t.status == core::Status::done) ++done;
    if (t.overdue(ctx.now)) late.push_back(t.responsible);
  }
  std::cout << "\n" << group << ": " << done << " of " << counted << " done";
  if (!late.empty()) std::cout << "; late: " << core::join(late, ", ");
  std::cout << "\n";
}

void add_task_list(CLI::App* group, const Globals& globals) {
  struct Options {
    bool mine = false, overdue = false, templates = false;
    std::string to, by, group, format = "table";
    std::vector<std::string> statuses;
    LinkOptions link;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = group->add_subcommand("list", "list tasks (open ones by default), by deadline");
  cmd->add_flag("--mine", opt->mine, "tasks I answer for or help with");
  auto* to = cmd->add_option("--to", opt->to, "tasks this login answers for");
  cmd->get_option("--mine")->excludes(to);
  cmd->add_option("--by", opt->by, "tasks this login created");
  add_link_options(cmd, opt->link, "tasks tied to");
  cmd->add_option("--status", opt->statuses,
                  "only these statuses (repeatable, or comma-separated; 'all' for every one)")
      ->delimiter(',');
  cmd->add_flag("--overdue", opt->overdue, "only tasks whose deadline has passed");
  cmd->add_flag("--templates", opt->templates, "recurring tasks' templates instead of tasks");
  cmd->add_option("--group", opt->group, "tasks of one assignment to several people (G-...)");
  cmd->add_option("--format", opt->format, "table, json, csv or yaml")
      ->check(CLI::IsMember(listing_formats));
  cmd->callback([opt, &globals] {
    auto ctx = globals.reading_context();
    core::TaskFilter f;
    const auto& people = ctx.store.people();
    if (opt->mine) {
      f.responsible = ctx.identify().login;
      f.include_participant = true;
    }
    if (!opt->to.empty()) f.responsible = people.require(opt->to).login;
    if (!opt->by.empty()) f.creator = people.require(opt->by).login;
    // The whole group, whatever the other filters: checked before printing, and its progress line.
    std::vector<core::Task> in_group;
    if (!opt->group.empty()) {
      core::TaskFilter any;
      any.group = opt->group;
      any.all_statuses = true;
      in_group = core::query_tasks(ctx, any);
      if (in_group.empty()) throw core::Error("no tasks in group {}", opt->group);
      f.group = opt->group;
    }
    if (auto ref = opt->link.ref())
      f.link = core::link_of(core::resolve_record(ctx.store, ref->kind, ref->id));
    for (const auto& s : opt->statuses) {
      if (s == "all") {
        f.all_statuses = true;
        continue;
      }
      auto st = core::parse_status(s);
      if (!st)
        throw core::Error("unknown status '{}'", s)
            .hint("statuses: " + core::join(core::status_names(), ", ") + ", all");
      f.statuses.push_back(*st);
    }
    f.overdue = opt->overdue;
    f.templates = opt->templates;
    Format format = parse_format(opt->format);
    auto tasks = core::query_tasks(ctx, f);
    auto shorts = short_ids(ctx.store, tasks);
    Table table = task_table();
    Value value = Value::list();
    for (size_t row = 0; row < tasks.size(); ++row) {
      const core::Task& t = tasks[row];
      table.add(task_row(t, ctx, shorts, format == Format::table));
      if (t.overdue(ctx.now)) table.color(row, 3, "31");
      value.push(task_value(t, ctx, false));
    }
    print_listing(std::cout, format, table, value, globals.raw);
    if (f.group && format == Format::table) print_group_progress(ctx, *f.group, in_group);
  });
}

void add_task_show(CLI::App* group, const Globals& globals) {
  auto id = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto* cmd = group->add_subcommand("show", "show one task with its history");
  cmd->add_option("id", *id, "task ID (a unique prefix of at least 4 characters is enough)")
      ->required();
  cmd->add_option("--format", *format, "table, json, csv or yaml")
      ->check(CLI::IsMember(listing_formats));
  cmd->callback([id, format, &globals] {
    auto ctx = globals.context();
    std::string full = ctx.store.resolve_task(*id);
    core::acknowledge_on_view(ctx, full);  // the responsible's first look counts as seen
    core::Task t = ctx.store.load_task(full);
    const auto& zone = ctx.store.zone();
    const auto& people = ctx.store.people();
    auto who = [&](const std::string& login) {
      const core::Person* p = people.find(login);
      return p && !p->name.empty() ? login + " (" + p->name + ")" : login;
    };
    Table table({{"FIELD"}, {"VALUE"}});
    table.add({"id", t.id});
    table.add({"title", t.title});
    table.add({"status", std::string(core::status_name(t.status))});
    table.add({"responsible", who(t.responsible)});
    table.add({"creator", who(t.creator)});
    if (!t.participants.empty()) table.add({"participants", core::join(t.participants, ", ")});
    if (!t.observers.empty()) table.add({"observers", core::join(t.observers, ", ")});
    table.add({"created", core::format_human(t.created.at, zone)});
    if (t.deadline) {
      std::string due = core::format_human(t.deadline->at, zone);
      if (t.overdue(ctx.now)) due += ", overdue by " + late_by(t.deadline->at, ctx.now);
      table.add({"deadline", due});
    }
    table.add({"priority", t.priority});
    if (t.review) table.add({"review", "the creator accepts the result"});
    if (!t.link.empty()) {
      std::string link = t.link;
      auto slash = t.link.find('/');
      auto kind = core::parse_kind(t.link.substr(0, slash));
      if (auto rec = kind ? ctx.store.find_record(*kind, t.link.substr(slash + 1)) : std::nullopt) {
        link += " — " + rec->title;
        if (const core::Stage* st = ctx.store.settings().find_stage(rec->stage))
          link += " [" + st->name + "]";
      }
      table.add({"link", link});
    }
    if (!t.group.empty()) table.add({"group", t.group});
    if (!t.recur.empty())
      table.add({"repeats", t.recur + " (a template: tally recur makes its tasks)"});
    if (!t.tags.empty()) table.add({"tags", core::join(t.tags, ", ")});
    if (t.may_move_deadline)
      table.add({"deadline moves", "the responsible may move it, with a reason"});
    if (t.result_required) table.add({"result required", "yes: the responsible reports a result"});
    for (size_t i = 0; i < t.checklist.size(); ++i)
      table.add(
          {i ? "" : "checklist", fmt::format("{}. [{}] {}", i + 1, t.checklist[i].done ? "x" : " ",
                                             t.checklist[i].text)});
    if (!t.description.empty()) {
      bool first = true;
      for (const auto& line : core::split(t.description, '\n')) {
        table.add({first ? "description" : "", line});
        first = false;
      }
    }
    if (!t.result.empty()) table.add({"result", t.result});
    for (const auto& e : t.log) {
      std::string what = e.by + " " + e.event;
      for (const auto& [k, v] : e.data)
        if (v.IsScalar()) what += " " + k + "=" + v.Scalar();
      table.add({"log", core::format_human(e.at.at, zone) + "  " + what});
    }
    print_listing(std::cout, parse_format(*format), table, task_value(t, ctx, true), globals.raw);
  });
}

}  // namespace

void add_task(CLI::App& parent, const Globals& globals) {
  auto* group = parent.add_subcommand("task", "assign tasks and follow them through their life");
  group->require_subcommand(1);
  add_task_add(group, globals);
  add_task_list(group, globals);
  add_task_show(group, globals);
  add_task_life(group, globals);
}

}  // namespace tally::cli
