#include "core/recur.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tally::core {

namespace {

constexpr std::string_view crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr const char* day_names[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

[[noreturn]] void bad_rule(std::string_view text) {
  throw Error("cannot read the repetition '{}'", text)
      .hint("use weekday, mon,thu, \"month 1\" or \"month last\"");
}

LocalDay day_of(Instant t, const Zone& zone) {
  return date::floor<date::days>(zone.to_local(t));
}

}  // namespace

RecurRule parse_recur(std::string_view text) {
  RecurRule r;
  std::string t = to_lower(trim(text));
  if (t.starts_with("every ")) t = std::string(trim(std::string_view(t).substr(6)));
  r.text = t;
  if (t == "weekday" || t == "weekdays" || t == "workday") {
    r.kind = RecurRule::Kind::working_days;
    return r;
  }
  if (t.starts_with("month ")) {
    std::string d(trim(std::string_view(t).substr(6)));
    if (d == "last") {
      r.kind = RecurRule::Kind::month_last;
      return r;
    }
    r.kind = RecurRule::Kind::month_day;
    try {
      size_t used = 0;
      r.day = std::stoi(d, &used);
      if (used == d.size() && r.day >= 1 && r.day <= 31) return r;
    } catch (const std::exception&) {
    }
    bad_rule(text);
  }
  r.kind = RecurRule::Kind::weekdays;
  for (const auto& part : split(t, ',')) {
    // Exact names only: "monthly" must not pass for Monday.
    static const char* full[7] = {"sunday",   "monday", "tuesday", "wednesday",
                                  "thursday", "friday", "saturday"};
    std::string name(trim(part));
    int found = -1;
    for (int k = 0; k < 7; ++k)
      if (name == day_names[k] || name == full[k]) found = k;
    if (found < 0) bad_rule(text);
    r.days[static_cast<size_t>(found)] = true;
  }
  return r;
}

bool occurs_on(const RecurRule& rule, LocalDay day, const WorkCalendar& calendar) {
  date::year_month_day ymd{day};
  switch (rule.kind) {
    case RecurRule::Kind::working_days:
      return calendar.is_working_day(day);
    case RecurRule::Kind::weekdays:
      return rule.days[date::weekday{day}.c_encoding()];
    case RecurRule::Kind::month_last:
      return (ymd.year() / ymd.month() / date::last) == ymd;
    case RecurRule::Kind::month_day: {
      // The 31st of a 30-day month, or the 29th of February in a common year, falls on its last
      // day.
      unsigned last = static_cast<unsigned>((ymd.year() / ymd.month() / date::last).day());
      unsigned want = std::min<unsigned>(static_cast<unsigned>(rule.day), last);
      return static_cast<unsigned>(ymd.day()) == want;
    }
  }
  return false;
}

std::string instance_id(const std::string& template_id, LocalDay day) {
  // FNV-1a, 64 bits: stable across machines and versions, unlike std::hash.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : template_id + "@" + format_date(day)) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  std::string id = "T-";
  for (int i = 0; i < 10; ++i, h >>= 5) id += crockford[h & 31];
  return id;
}

Task make_instance(const Task& tmpl, LocalDay day, const Zone& zone, const WorkCalendar& calendar) {
  Task t;
  t.id = instance_id(tmpl.id, day);
  t.title = tmpl.title;
  t.creator = tmpl.creator;
  t.responsible = tmpl.responsible;
  t.participants = tmpl.participants;
  t.observers = tmpl.observers;
  // Everything comes from the template and the day: two clones write the same bytes.
  t.created = Stamp::make(zone.to_instant(LocalTime{day} + calendar.day_start), zone);
  auto time_of_day = calendar.day_end;
  if (tmpl.deadline) {
    LocalTime local = zone.to_local(tmpl.deadline->at);
    time_of_day =
        std::chrono::duration_cast<std::chrono::minutes>(local - date::floor<date::days>(local));
  }
  t.deadline = Stamp::make(zone.to_instant(LocalTime{day} + time_of_day), zone);
  t.priority = tmpl.priority;
  t.review = tmpl.review;
  t.may_move_deadline = tmpl.may_move_deadline;
  t.result_required = tmpl.result_required;
  t.link = tmpl.link;
  t.tags = tmpl.tags;
  for (const auto& c : tmpl.checklist) t.checklist.push_back({c.text, false});
  t.description = tmpl.description;
  LogEntry created{t.created, tmpl.creator, "created", {}};
  created.data.emplace_back("to", YAML::Node(t.responsible));
  created.data.emplace_back("template", YAML::Node(tmpl.id));
  t.log.push_back(created);
  return t;
}

RecurPlan plan_instances(const Task& tmpl, LocalDay until, Instant now, const Zone& zone,
                         const WorkCalendar& calendar, const std::function<bool(const std::string&)>& exists) {
  RecurPlan plan;
  RecurRule rule = parse_recur(tmpl.recur);
  LocalDay from = std::max(until - date::days{6}, day_of(tmpl.created.at, zone));
  for (LocalDay d = from; d <= until; d += date::days{1}) {
    if (!occurs_on(rule, d, calendar)) continue;
    if (exists(instance_id(tmpl.id, d))) continue;
    Task t = make_instance(tmpl, d, zone, calendar);
    // Before the template existed there was no occurrence; after its moment it is too late to
    // give: a task born overdue would count as a violation nobody committed.
    if (t.deadline->at <= tmpl.created.at) continue;
    if (t.deadline->at <= now) {
      std::string day = format_date(d);
      bool told = std::any_of(tmpl.log.begin(), tmpl.log.end(), [&](const LogEntry& e) {
        return e.event == "skipped" && e.get("day") == day;
      });
      if (!told) plan.missed.push_back(day);
      continue;
    }
    plan.instances.push_back(std::move(t));
  }
  return plan;
}

void record_missed(Task& tmpl, const std::vector<std::string>& days, Instant now,
                   const Zone& zone) {
  for (const auto& day : days) {
    LogEntry e{Stamp::make(now, zone), tmpl.creator, "skipped", {}};
    e.data.emplace_back("day", YAML::Node(day));
    e.data.emplace_back("reason", text_node("its moment had passed when tally got to make it"));
    tmpl.log.push_back(std::move(e));
  }
}

std::vector<Task> create_due_instances(Context& ctx, LocalDay until) {
  auto lock = ctx.store.lock();
  const Zone& zone = ctx.store.zone();
  const auto& cal = ctx.store.settings().calendar;
  const auto& ids = ctx.store.task_ids();
  auto exists = [&](const std::string& id) { return std::binary_search(ids.begin(), ids.end(), id); };
  std::vector<Task> made;
  std::vector<Change> changes;
  size_t skipped = 0;
  for (Task& tmpl : ctx.store.load_tasks()) {
    if (!is_template(tmpl) || !is_open(tmpl.status) || tmpl.status == Status::deferred) continue;
    RecurPlan plan = plan_instances(tmpl, until, ctx.now, zone, cal, exists);
    for (Task& t : plan.instances) {
      changes.push_back({task_relative_path(t.id, t.created.at, zone), task_to_yaml(t)});
      made.push_back(std::move(t));
    }
    if (!plan.missed.empty()) {
      record_missed(tmpl, plan.missed, ctx.now, zone);
      changes.push_back({ctx.store.task_path(tmpl.id).lexically_relative(ctx.store.root()),
                         task_to_yaml(tmpl)});
      skipped += plan.missed.size();
    }
  }
  if (changes.empty()) return made;
  std::string message =
      made.size() == 1 && skipped == 0
          ? fmt::format("task {}: recurring, for {} — {}", made[0].id,
                        format_human(made[0].deadline->at, zone), made[0].title)
          : fmt::format("recur: {} recurring tasks up to {}", made.size(), format_date(until));
  if (skipped) message += fmt::format(", {} missed (their moment had passed)", skipped);
  ctx.store.apply(changes, message, nullptr, ctx.commit);
  return made;
}

}  // namespace tally::core
