// The task's life after `add`: status moves, comments, checklist, edits,
// deadline moves, reassignment, and its history.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/task_view.hpp"

#include "core/error.hpp"
#include "core/git.hpp"
#include "core/lifecycle.hpp"
#include "core/text.hpp"

#include <iostream>

namespace tally::cli {

namespace {

void report(const core::Task& t) {
  std::cout << t.id << " is " << core::status_name(t.status) << " now";
  if (t.status == core::Status::review) std::cout << ": waits for " << t.creator << " to accept it";
  std::cout << "\n";
}

void add_move(CLI::App* group, const Globals& globals, core::Action action, const char* summary,
              const char* text_option, const char* text_help, bool text_required) {
  struct Options {
    std::string id, text;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = group->add_subcommand(std::string(core::action_name(action)), summary);
  cmd->add_option("id", opt->id, "task ID (a unique prefix is enough)")->required();
  if (text_option) {
    auto* o = cmd->add_option(text_option, opt->text, text_help);
    if (text_required) o->required();
  }
  cmd->callback([opt, action, &globals] {
    auto ctx = globals.context();
    report(core::transition(ctx, opt->id, action, opt->text));
  });
}

void add_comment(CLI::App* group, const Globals& globals) {
  auto opt = std::make_shared<std::pair<std::string, std::string>>();
  auto* cmd = group->add_subcommand("comment", "add a comment to a task");
  cmd->add_option("id", opt->first, "task ID")->required();
  cmd->add_option("text", opt->second, "the comment")->required();
  cmd->callback([opt, &globals] {
    auto ctx = globals.context();
    auto t = core::comment(ctx, opt->first, opt->second);
    std::cout << "commented on " << t.id << "\n";
  });
}

void add_check(CLI::App* group, const Globals& globals) {
  struct Options {
    std::string id;
    int number = 0;
    bool undo = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = group->add_subcommand("check", "tick a checklist item");
  cmd->add_option("id", opt->id, "task ID")->required();
  cmd->add_option("number", opt->number, "the item's number, from 1 (as task show lists them)")
      ->required();
  cmd->add_flag("--undo", opt->undo, "untick it instead");
  cmd->callback([opt, &globals] {
    auto ctx = globals.context();
    auto t = core::check_item(ctx, opt->id, opt->number, !opt->undo);
    size_t done = 0;
    for (const auto& c : t.checklist) done += c.done;
    std::cout << t.id << ": " << done << " of " << t.checklist.size() << " checklist items done\n";
  });
}

void add_edit(CLI::App* group, const Globals& globals) {
  struct Options {
    std::string id;
    core::EditRequest rq;
    std::string title, description, priority, due;
    bool may_move = false, may_not_move = false, result_required = false, result_optional = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = group->add_subcommand("edit", "change a task's fields or move its deadline");
  cmd->add_option("id", opt->id, "task ID")->required();
  auto* title = cmd->add_option("--title", opt->title, "a new title (one line)");
  auto* desc = cmd->add_option("-m,--description", opt->description, "a new description");
  auto* prio = cmd->add_option("--priority", opt->priority, "normal or high")
                   ->check(CLI::IsMember({"normal", "high"}));
  cmd->add_option("--observer", opt->rq.add_observers, "add an observer (repeatable)");
  cmd->add_option("--drop-observer", opt->rq.drop_observers, "remove an observer (repeatable)");
  cmd->add_option("--with", opt->rq.add_participants, "add a participant (repeatable)");
  cmd->add_option("--drop-with", opt->rq.drop_participants, "remove a participant (repeatable)");
  cmd->add_option("--tag", opt->rq.add_tags, "add a tag (repeatable)");
  cmd->add_option("--drop-tag", opt->rq.drop_tags, "remove a tag (repeatable)");
  cmd->add_option("--check", opt->rq.add_checks, "add a checklist item (repeatable)");
  auto* mm =
      cmd->add_flag("--may-move-deadline", opt->may_move, "let the responsible move the deadline");
  auto* mn = cmd->add_flag("--no-move-deadline", opt->may_not_move,
                           "no longer let the responsible move it");
  mm->excludes(mn);
  auto* rr = cmd->add_flag("--result-required", opt->result_required,
                           "the responsible must report a result");
  auto* ro = cmd->add_flag("--result-optional", opt->result_optional, "no longer require a result");
  rr->excludes(ro);
  auto* due = cmd->add_option("--due", opt->due, "a new deadline (see DATES in tally(1)), or none");
  cmd->add_option("--reason", opt->rq.reason, "why the deadline moves (required with --due)");
  cmd->callback([opt, title, desc, prio, due, &globals] {
    core::EditRequest rq = opt->rq;
    if (*title) rq.title = opt->title;
    if (*desc) rq.description = opt->description;
    if (*prio) rq.priority = opt->priority;
    if (*due) rq.due = opt->due;
    if (opt->may_move || opt->may_not_move) rq.may_move_deadline = opt->may_move;
    if (opt->result_required || opt->result_optional) rq.result_required = opt->result_required;
    auto ctx = globals.context();
    auto t = core::edit(ctx, opt->id, rq);
    std::cout << "changed " << t.id;
    if (*due)
      std::cout << ", due "
                << (t.deadline ? core::format_human(t.deadline->at, ctx.store.zone()) : "none");
    std::cout << "\n";
  });
}

void add_reassign(CLI::App* group, const Globals& globals) {
  auto opt = std::make_shared<std::pair<std::string, std::string>>();
  auto* cmd = group->add_subcommand("reassign", "give a task to someone else");
  cmd->add_option("id", opt->first, "task ID")->required();
  cmd->add_option("--to", opt->second, "the new responsible's login")->required();
  cmd->callback([opt, &globals] {
    auto ctx = globals.context();
    auto t = core::reassign(ctx, opt->first, opt->second);
    std::cout << t.id << " now answers to " << t.responsible << "\n";
  });
}

void add_log(CLI::App* group, const Globals& globals) {
  auto id = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto* cmd =
      group->add_subcommand("log", "a task's history: its log, and the git commits of its file");
  cmd->add_option("id", *id, "task ID")->required();
  cmd->add_option("--format", *format, "table, json, csv or yaml")
      ->check(CLI::IsMember(listing_formats));
  cmd->callback([id, format, &globals] {
    auto ctx = globals.context();
    core::Task t = ctx.store.load_task(ctx.store.resolve_task(*id));
    Format f = parse_format(*format);
    Table table({{"WHEN"}, {"WHO"}, {"EVENT"}, {"DETAILS"}});
    Value value = Value::object();
    value.set("id", t.id);
    Value log = Value::list();
    for (const auto& e : t.log) {
      std::vector<std::string> details;
      Value entry = Value::object();
      entry.set("at", e.at.text).set("by", e.by).set("event", e.event);
      for (const auto& [k, v] : e.data) {
        std::string s = v.IsScalar() ? v.Scalar() : "";
        details.push_back(k + ": " + (s.empty() ? "none" : s));
        entry.set(k, s);
      }
      log.push(entry);
      table.add({f == Format::table ? core::format_human(e.at.at, ctx.store.zone()) : e.at.text,
                 e.by, e.event, core::join(details, "; ")});
    }
    value.set("log", log);
    // The file's commits: who really changed it, whatever the log says.
    Value commits = Value::list();
    auto rel = ctx.store.task_path(t.id).lexically_relative(ctx.store.root());
    core::Git git(ctx.store.root());
    if (git.in_work_tree()) {
      std::string out = git.run({"log", "--format=%h%x1f%an%x1f%at%x1f%s", "--", rel.string()});
      for (const auto& line : core::split(out, '\n')) {
        auto parts = core::split(line, '\x1f');
        if (parts.size() != 4) continue;
        // Commit times in the store's zone, like the log above them.
        core::Instant when{std::chrono::seconds(std::stoll(parts[2]))};
        std::string iso = core::format_timestamp(when, ctx.store.zone());
        commits.push(Value::object()
                         .set("commit", parts[0])
                         .set("author", parts[1])
                         .set("date", iso)
                         .set("subject", parts[3]));
        table.add({f == Format::table ? core::format_human(when, ctx.store.zone()) : iso, parts[1],
                   "commit " + parts[0], parts[3]});
      }
    }
    value.set("commits", commits);
    print_listing(std::cout, f, table, value, globals.raw);
  });
}

}  // namespace

void add_task_life(CLI::App* group, const Globals& globals) {
  using core::Action;
  add_move(group, globals, Action::ack, "acknowledge a task: I have seen it", nullptr, nullptr,
           false);
  add_move(group, globals, Action::start, "start working on a task", nullptr, nullptr, false);
  add_move(group, globals, Action::done,
           "finish a task (it waits for review when the creator checks results)", "--result",
           "what was done", false);
  add_move(group, globals, Action::accept, "accept the result of a task in review", nullptr,
           nullptr, false);
  add_move(group, globals, Action::return_, "return a task in review to work", "--reason",
           "what is missing", true);
  add_move(group, globals, Action::defer,
           "put a task aside (the creator and the head see it until they decide)", "--reason",
           "why (required)", true);
  add_move(group, globals, Action::resume, "take a deferred task up again", nullptr, nullptr,
           false);
  add_move(group, globals, Action::decline, "refuse a task", "--reason", "why", true);
  add_move(group, globals, Action::reopen, "reopen a finished, declined or cancelled task", nullptr,
           nullptr, false);
  add_move(group, globals, Action::cancel, "cancel a task", "--reason", "why", false);
  add_comment(group, globals);
  add_check(group, globals);
  add_edit(group, globals);
  add_reassign(group, globals);
  add_log(group, globals);
}

}  // namespace tally::cli
