#include "core/lifecycle.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>

namespace tally::core {

namespace {

enum Who : unsigned { responsible = 1, creator = 2, head = 4, participant = 8, observer = 16 };

struct Rule {
  Action action;
  const char* name;
  const char* event;
  unsigned who;
  std::vector<Status> from;
};

const std::vector<Rule>& rules() {
  using S = Status;
  static const std::vector<Rule> table{
      {Action::ack, "ack", "acknowledged", responsible, {S::new_}},
      {Action::start, "start", "started", responsible, {S::new_, S::accepted}},
      {Action::done,
       "done",
       "done",
       responsible | creator | head,
       {S::new_, S::accepted, S::in_progress}},
      {Action::accept, "accept", "accepted", creator | head, {S::review}},
      {Action::return_, "return", "returned", creator | head, {S::review}},
      // From deferred: the creator or head keeps aside what the responsible put aside (a decision).
      {Action::defer,
       "defer",
       "deferred",
       responsible | creator | head,
       {S::new_, S::accepted, S::in_progress, S::deferred}},
      {Action::resume, "resume", "resumed", responsible | creator | head, {S::deferred}},
      {Action::decline, "decline", "declined", responsible, {S::new_, S::accepted, S::in_progress}},
      {Action::reopen, "reopen", "reopened", creator | head, {S::done, S::declined, S::cancelled}},
      {Action::cancel,
       "cancel",
       "cancelled",
       creator | head,
       {S::new_, S::accepted, S::in_progress, S::review, S::deferred, S::declined}},
  };
  return table;
}

const Rule& rule_of(Action a) {
  for (const auto& r : rules())
    if (r.action == a) return r;
  throw Error("unknown action");
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

unsigned roles_of(const Person& p, const Task& t, const People& people) {
  unsigned r = 0;
  if (t.responsible == p.login) r |= responsible;
  if (t.creator == p.login) r |= creator;
  if (is_head_over(p, t, people)) r |= head;
  if (has(t.participants, p.login)) r |= participant;
  if (has(t.observers, p.login)) r |= observer;
  return r;
}

// "the responsible (ivan), the creator (anna) or a head (anna)"
std::string who_may(unsigned who, const Task& t, const People& people) {
  std::vector<std::string> parts;
  if (who & responsible) parts.push_back("the responsible (" + t.responsible + ")");
  if (who & creator) parts.push_back("the creator (" + t.creator + ")");
  if (who & head) {
    std::vector<std::string> heads;
    for (const auto& p : people.list)
      if (is_head_over(p, t, people)) heads.push_back(p.login);
    parts.push_back(heads.empty() ? "a head" : "the head (" + join(heads, ", ") + ")");
  }
  if (who & participant) parts.push_back("a participant");
  if (who & observer) parts.push_back("an observer");
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i)
    out += (i == 0 ? "" : i + 1 == parts.size() ? " or " : ", ") + parts[i];
  return out;
}

void require(unsigned who, const Person& actor, const Task& t, const People& people,
             std::string_view what) {
  if (roles_of(actor, t, people) & who) return;
  throw Error("{} cannot {} {}", actor.login, what, t.id)
      .hint("only " + who_may(who, t, people) + " may");
}

}  // namespace

std::string who_may_record(std::string_view event, const Person& person, const Task& task,
                           const People& people) {
  unsigned who = 0;
  for (const auto& r : rules())
    if (event == r.event) who = r.who;
  if (event == "commented") who = responsible | creator | head | participant | observer;
  if (event == "reassigned") who = creator | head;
  if (who == 0 || (roles_of(person, task, people) & who)) return {};
  return who_may(who, task, people);
}

namespace {

// A loaded task with where it lives, changed under the writers' lock.
struct Edit {
  Context& ctx;
  std::unique_ptr<FileLock> lock;
  const Person& actor;
  Task task;
  std::string before;

  Edit(Context& c, std::string_view typed_id)
      : ctx(c),
        lock(c.store.lock()),
        actor(c.actor()),
        task(c.store.load_task(c.store.resolve_task(typed_id))) {
    before = task_to_yaml(task);
  }

  LogEntry& log(const std::string& event) {
    task.log.push_back({Stamp::make(ctx.now, ctx.store.zone()), actor.login, event, {}});
    return task.log.back();
  }

  void save(const std::string& what) {
    std::string after = task_to_yaml(task);
    if (after == before) return;
    auto rel = ctx.store.task_path(task.id).lexically_relative(ctx.store.root());
    // The actor's data is copied: the people cache it lives in is dropped by apply().
    Person who = actor;
    ctx.store.apply({{rel, after}}, fmt::format("task {}: {} — {}", task.id, what, task.title),
                    &who, ctx.commit);
  }
};

void set(LogEntry& e, const char* key, const std::string& value) {
  e.data.emplace_back(key, value.empty() ? text_node("") : text_node(value));
}

void set_status(Edit& e, LogEntry& entry, Status s) {
  e.task.status = s;
  entry.data.emplace_back("status", YAML::Node(std::string(status_name(s))));
}

// The status a deferred task had before it was deferred (a controller's decision to keep it
// aside is logged from deferred and does not count).
Status status_before_defer(const Task& t) {
  for (auto it = t.log.rbegin(); it != t.log.rend(); ++it)
    if (it->event == "deferred")
      if (auto s = parse_status(it->get("from")); s && *s != Status::deferred) return *s;
  return Status::accepted;
}

std::string one_line(const std::string& text, std::string_view what) {
  std::string s(trim(text));
  if (s.empty()) throw Error("{} is empty", what);
  if (has_control(s, "\n")) throw Error("{} has a control character", what);
  return s;
}

}  // namespace

std::string_view action_name(Action a) {
  return rule_of(a).name;
}

bool is_head_over(const Person& person, const Task& task, const People& people) {
  if (person.role != "head" || !person.active) return false;
  if (person.department.empty()) return true;
  for (const auto& login : {task.responsible, task.creator})
    if (const Person* p = people.find(login); p && p->department == person.department) return true;
  return false;
}

std::string entry_refusal(const LogEntry& entry, const Task& before, const People& people) {
  unsigned who = 0;
  std::vector<Status> from;
  bool open_only = false;
  for (const auto& r : rules())
    if (entry.event == r.event) {
      who = r.who;
      from = r.from;
    }
  if (entry.event == "reassigned") {
    who = creator | head;
    from = {Status::new_, Status::accepted, Status::in_progress, Status::review, Status::deferred,
            Status::declined};
  } else if (entry.event == "deadline") {
    who = creator | head | (before.may_move_deadline ? responsible : 0u);
    open_only = true;
  } else if (entry.event == "edited") {
    who = creator | head;
    open_only = true;
  } else if (entry.event == "checked" || entry.event == "unchecked") {
    who = responsible | creator | head | participant;
    open_only = true;
  } else if (entry.event == "commented") {
    who = responsible | creator | head | participant | observer;
  }
  if (who == 0) return {};  // created, skipped, merged, an event this version does not know
  const Person* found = people.find(entry.by);
  if (!found) return fmt::format("{} is not in people.yaml", entry.by);
  // People as they are now; one who has left is judged as when they were active.
  Person as_was = *found;
  as_was.active = true;
  const Person* person = &as_was;
  if (!(roles_of(*person, before, people) & who))
    return fmt::format("only {} may do that{}", who_may(who, before, people),
                       entry.by == before.responsible || entry.event == "commented"
                           ? ""
                           : fmt::format(" (the responsible is {})", before.responsible));
  bool status_ok = from.empty() ? !open_only || is_open(before.status)
                                : std::find(from.begin(), from.end(), before.status) != from.end();
  if (!status_ok) return fmt::format("the task was {} by then", status_name(before.status));
  // Keeping aside what was put aside is the creator's or a head's decision.
  if (entry.event == "deferred" && before.status == Status::deferred &&
      !decides_on(*person, before, people))
    return "the task was deferred already";
  return {};
}

bool decides_on(const Person& person, const Task& task, const People& people) {
  if (person.login == task.responsible) return false;
  return person.login == task.creator || is_head_over(person, task, people);
}

std::string put_aside_reason(const Task& task) {
  for (auto it = task.log.rbegin(); it != task.log.rend(); ++it)
    if (it->event == "deferred" || it->event == "declined") return it->get("reason");
  return {};
}

bool awaits_decision(const Task& task, const People& people) {
  if (task.status == Status::declined) return true;
  if (task.status != Status::deferred) return false;
  for (auto it = task.log.rbegin(); it != task.log.rend(); ++it) {
    if (it->event != "deferred") continue;
    const Person* by = people.find(it->by);
    return !(by && decides_on(*by, task, people));
  }
  return true;  // deferred by a hand edit: nobody has decided
}

Task transition(Context& ctx, std::string_view typed_id, Action action, const std::string& text) {
  const Rule& rule = rule_of(action);
  Edit e(ctx, typed_id);
  Task& t = e.task;
  const People& people = ctx.store.people();
  require(rule.who, e.actor, t, people, rule.name);
  if (std::find(rule.from.begin(), rule.from.end(), t.status) == rule.from.end()) {
    std::vector<std::string> from;
    for (Status s : rule.from) from.emplace_back(status_name(s));
    throw Error("cannot {} {}: it is {}", rule.name, t.id, status_name(t.status))
        .hint(fmt::format("'{}' works on a task that is {}", rule.name, join(from, " or ")));
  }
  unsigned roles = roles_of(e.actor, t, people);
  std::string reason(trim(text));
  // Putting a task aside is a statement to the creator and the head: it needs a reason.
  if ((action == Action::return_ || action == Action::decline || action == Action::defer) &&
      reason.empty())
    throw Error("say why: --reason is required to {} a task", rule.name)
        .hint(action == Action::return_ ? "such as --reason \"нет расчёта по доставке\""
                                        : "the creator and the head see it and decide");
  // The creator, or a head over the task who is not doing it, controls it.
  bool controller = (roles & creator) || ((roles & head) && !(roles & responsible));
  if (action == Action::defer && t.status == Status::deferred && !controller)
    throw Error("{} is deferred already", t.id)
        .hint("the decision is " + who_may(creator | head, t, people) +
              "'s now: resume, cancel, or defer again to keep it aside");
  if (action == Action::done && t.result_required && reason.empty() && !controller)
    throw Error("{} needs a result to be finished", t.id).hint("add --result \"what was done\"");

  Status from = t.status;
  LogEntry& entry = e.log(rule.event);
  Status to = Status::done;
  switch (action) {
    case Action::ack:
      to = Status::accepted;
      break;
    case Action::start:
      to = Status::in_progress;
      break;
    // A controller who finishes the task has controlled it; the responsible's work waits for
    // review.
    case Action::done:
      to = t.review && !controller ? Status::review : Status::done;
      break;
    case Action::accept:
      to = Status::done;
      break;
    case Action::return_:
      to = Status::in_progress;
      break;
    case Action::defer:
      to = Status::deferred;
      break;
    case Action::resume:
      to = status_before_defer(t);
      break;
    case Action::decline:
      to = Status::declined;
      break;
    case Action::reopen:
      to = from == Status::done ? Status::in_progress : Status::new_;
      break;
    case Action::cancel:
      to = Status::cancelled;
      break;
  }
  if (action == Action::defer) set(entry, "from", std::string(status_name(from)));
  set_status(e, entry, to);
  if (!reason.empty()) {
    set(entry, action == Action::done ? "result" : "reason", reason);
    if (action == Action::done) t.result = reason;
  }
  std::string what = fmt::format("{} by {}", rule.event, e.actor.login);
  if (to != from) what += fmt::format(", {} → {}", status_name(from), status_name(to));
  e.save(what);
  return t;
}

bool acknowledge_on_view(Context& ctx, const std::string& id) {
  // Read-only: no write permission, or a file system mounted read-only (root passes access()).
  struct statvfs fs {};
  if (::access(ctx.store.root().c_str(), W_OK) != 0 ||
      (::statvfs(ctx.store.root().c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY)))
    return false;
  try {
    const Person& me = ctx.identify();
    Task t = ctx.store.load_task(id);
    if (t.responsible != me.login || t.status != Status::new_ || !me.active) return false;
    transition(ctx, id, Action::ack, "");
    return true;
  } catch (const Error&) {
    return false;  // a reader who cannot be identified only reads
  }
}

Task comment(Context& ctx, std::string_view typed_id, const std::string& text) {
  Edit e(ctx, typed_id);
  require(responsible | creator | head | participant | observer, e.actor, e.task,
          ctx.store.people(), "comment on");
  std::string body = one_line(text, "the comment");
  set(e.log("commented"), "text", body);
  e.save("comment by " + e.actor.login);
  return e.task;
}

Task check_item(Context& ctx, std::string_view typed_id, int number, bool done) {
  Edit e(ctx, typed_id);
  require(responsible | creator | head | participant, e.actor, e.task, ctx.store.people(),
          "tick the checklist of");
  if (!is_open(e.task.status))
    throw Error("{} is {}", e.task.id, status_name(e.task.status))
        .hint("reopen it first: tally task reopen " + e.task.id);
  auto& list = e.task.checklist;
  if (number < 1 || static_cast<size_t>(number) > list.size())
    throw Error("{} has no checklist item {}", e.task.id, number)
        .hint(list.empty() ? "it has no checklist; add items with 'tally task edit ID --check TEXT'"
                           : fmt::format("items are numbered 1 to {}", list.size()));
  auto& item = list[static_cast<size_t>(number) - 1];
  if (item.done == done)
    throw Error("item {} of {} is already {}", number, e.task.id, done ? "ticked" : "unticked");
  item.done = done;
  LogEntry& entry = e.log(done ? "checked" : "unchecked");
  set(entry, "item", item.text);
  e.save(fmt::format("item {} {} by {}", number, done ? "ticked" : "unticked", e.actor.login));
  return e.task;
}

Task edit(Context& ctx, std::string_view typed_id, const EditRequest& rq) {
  Edit e(ctx, typed_id);
  Task& t = e.task;
  const People& people = ctx.store.people();
  unsigned roles = roles_of(e.actor, t, people);
  bool fields = rq.title || rq.description || rq.priority || !rq.add_observers.empty() ||
                !rq.drop_observers.empty() || !rq.add_participants.empty() ||
                !rq.drop_participants.empty() || !rq.add_tags.empty() || !rq.drop_tags.empty() ||
                !rq.add_checks.empty() || rq.may_move_deadline || rq.result_required;
  if (!fields && !rq.due) throw Error("nothing to change").hint("see 'tally task edit --help'");
  if (fields) require(creator | head, e.actor, t, people, "edit");
  if (!is_open(t.status))
    throw Error("{} is {}", t.id, status_name(t.status))
        .hint("reopen it first: tally task reopen " + t.id);

  std::vector<std::string> changed;
  if (rq.title) {
    std::string title(trim(*rq.title));
    if (title.empty() || has_control(title)) throw Error("the title must be one non-empty line");
    if (title != t.title) changed.push_back("title");
    t.title = title;
  }
  if (rq.description) {
    if (*rq.description != t.description) changed.push_back("description");
    t.description = *rq.description;
  }
  if (rq.priority) {
    if (*rq.priority != "normal" && *rq.priority != "high")
      throw Error("unknown priority '{}'", *rq.priority).hint("priorities are normal and high");
    if (*rq.priority != t.priority) changed.push_back("priority");
    t.priority = *rq.priority;
  }
  auto update = [&](std::vector<std::string>& list, const std::vector<std::string>& add,
                    const std::vector<std::string>& drop, const char* name, bool logins) {
    std::vector<std::string> old = list;
    for (const auto& x : add) {
      if (logins) people.require(x);
      if (!has(list, x)) list.push_back(x);
    }
    for (const auto& x : drop) list.erase(std::remove(list.begin(), list.end(), x), list.end());
    if (list != old) changed.push_back(name);
  };
  update(t.observers, rq.add_observers, rq.drop_observers, "observers", true);
  update(t.participants, rq.add_participants, rq.drop_participants, "participants", true);
  update(t.tags, rq.add_tags, rq.drop_tags, "tags", false);
  for (const auto& c : rq.add_checks) {
    t.checklist.push_back({one_line(c, "a checklist item"), false});
    if (!has(changed, "checklist")) changed.push_back("checklist");
  }
  if (rq.may_move_deadline && *rq.may_move_deadline != t.may_move_deadline) {
    t.may_move_deadline = *rq.may_move_deadline;
    changed.push_back("may_move_deadline");
  }
  if (rq.result_required && *rq.result_required != t.result_required) {
    t.result_required = *rq.result_required;
    changed.push_back("result_required");
  }
  if (!changed.empty()) {
    LogEntry& entry = e.log("edited");
    set(entry, "fields", join(changed, ", "));
    // The new values of the fields a replay of the log derives (replay.hpp).
    if (has(changed, "title")) set(entry, "title", t.title);
    if (has(changed, "priority")) set(entry, "priority", t.priority);
    if (has(changed, "description")) set(entry, "description", t.description);
  }
  if (changed.empty() && !rq.due) throw Error("{} already is as asked: nothing changed", t.id);
  if (!rq.due && !trim(rq.reason).empty()) throw Error("--reason goes with --due");

  std::string what =
      changed.empty() ? "" : "edited " + join(changed, ", ") + " by " + e.actor.login;
  if (rq.due) {
    unsigned may = creator | head | (t.may_move_deadline ? responsible : 0u);
    if (!(roles & may))
      throw Error("{} cannot move the deadline of {}", e.actor.login, t.id)
          .hint("only " + who_may(creator | head, t, people) + " may" +
                (roles & responsible
                     ? "; ask them to move it, or to allow you to (--may-move-deadline)"
                     : ""));
    std::string reason(trim(rq.reason));
    if (reason.empty())
      throw Error("say why the deadline moves: --reason is required")
          .hint("such as --reason \"клиент в отпуске до 2 декабря\"");
    std::optional<Stamp> to;
    if (*rq.due != "none") {
      Instant at = parse_when(*rq.due, ctx.now, ctx.store.zone(), ctx.store.settings().calendar);
      if (at < ctx.now)
        throw Error("the deadline {} is in the past (now is {})",
                    format_human(at, ctx.store.zone()), format_human(ctx.now, ctx.store.zone()));
      to = Stamp::make(at, ctx.store.zone());
    }
    auto human = [&](const std::optional<Stamp>& s) {
      return s ? format_human(s->at, ctx.store.zone()) : std::string("none");
    };
    LogEntry& entry = e.log("deadline");
    set(entry, "from", t.deadline ? t.deadline->text : "");
    set(entry, "to", to ? to->text : "");
    set(entry, "reason", reason);
    std::string move = fmt::format("deadline {} → {} by {} ({})", human(t.deadline), human(to),
                                   e.actor.login, reason);
    what = what.empty() ? move : what + "; " + move;
    t.deadline = to;
  }
  e.save(what);
  return t;
}

Task reassign(Context& ctx, std::string_view typed_id, const std::string& to) {
  Edit e(ctx, typed_id);
  Task& t = e.task;
  const People& people = ctx.store.people();
  require(creator | head, e.actor, t, people, "reassign");
  // A declined task waits for its creator's decision; giving it to someone else is one.
  if (!is_open(t.status) && t.status != Status::declined)
    throw Error("{} is {}", t.id, status_name(t.status))
        .hint("reopen it first: tally task reopen " + t.id);
  const Person& next = people.require(to);
  if (!next.active)
    throw Error("{} is not active", next.login).hint("give the task to someone active");
  if (next.login == t.responsible) throw Error("{} already answers for {}", next.login, t.id);
  std::string from = t.responsible;
  LogEntry& entry = e.log("reassigned");
  set(entry, "from", from);
  set(entry, "to", next.login);
  set_status(e, entry, Status::new_);
  t.responsible = next.login;
  t.participants.erase(std::remove(t.participants.begin(), t.participants.end(), next.login),
                       t.participants.end());
  e.save(fmt::format("reassigned {} → {} by {}", from, next.login, e.actor.login));
  return t;
}

}  // namespace tally::core
