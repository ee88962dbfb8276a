#include "cli/task_view.hpp"

#include "core/ids.hpp"

#include <fmt/format.h>

namespace tally::cli {

std::map<std::string, std::string> short_ids(const core::Store& store,
                                             const std::vector<core::Task>& tasks) {
  std::map<std::string, std::string> out;
  for (const auto& t : tasks) out[t.id] = core::shortest_prefix(store.task_ids(), t.id, 2, 4);
  return out;
}

std::string late_by(core::Instant deadline, core::Instant now) {
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now - deadline).count();
  long days = minutes / (24 * 60), hours = (minutes / 60) % 24, mins = minutes % 60;
  if (days > 0) return hours ? fmt::format("{}d {}h", days, hours) : fmt::format("{}d", days);
  if (hours > 0) return fmt::format("{}h", hours);
  return fmt::format("{}m", std::max(1L, mins));
}

Value task_value(const core::Task& t, const core::Context& ctx, bool with_log) {
  Value v = Value::object();
  v.set("id", t.id);
  v.set("title", t.title);
  v.set("status", std::string(core::status_name(t.status)));
  v.set("overdue", t.overdue(ctx.now));
  v.set("creator", t.creator);
  v.set("responsible", Value::text_or_null(t.responsible));
  v.set("participants", Value::strings(t.participants));
  v.set("observers", Value::strings(t.observers));
  v.set("created", t.created.text);
  v.set("deadline", t.deadline ? Value(t.deadline->text) : Value());
  v.set("priority", t.priority);
  v.set("review", t.review);
  v.set("may_move_deadline", t.may_move_deadline);
  v.set("result_required", t.result_required);
  v.set("link", Value::text_or_null(t.link));
  v.set("group", Value::text_or_null(t.group));
  v.set("recur", Value::text_or_null(t.recur));
  v.set("tags", Value::strings(t.tags));
  Value checklist = Value::list();
  for (const auto& c : t.checklist)
    checklist.push(Value::object().set("text", c.text).set("done", c.done));
  v.set("checklist", checklist);
  v.set("description", Value::text_or_null(t.description));
  v.set("result", Value::text_or_null(t.result));
  if (with_log) {
    Value log = Value::list();
    for (const auto& e : t.log) {
      Value entry = Value::object();
      entry.set("at", e.at.text).set("by", e.by).set("event", e.event);
      for (const auto& [k, node] : e.data)
        entry.set(k, node.IsScalar() ? Value(node.Scalar()) : Value());
      log.push(entry);
    }
    v.set("log", log);
  }
  return v;
}

Table task_table() {
  return Table({{"ID"}, {"STATUS"}, {"DUE"}, {"LATE"}, {"TO"}, {"LINK"}, {"TITLE"}});
}

std::vector<std::string> task_row(const core::Task& t, const core::Context& ctx,
                                  const std::map<std::string, std::string>& shorts, bool human) {
  std::string due, late;
  if (t.deadline)
    due = human ? core::format_human(t.deadline->at, ctx.store.zone()) : t.deadline->text;
  if (t.overdue(ctx.now)) late = late_by(t.deadline->at, ctx.now);
  auto it = shorts.find(t.id);
  std::string id = human && it != shorts.end() ? it->second : t.id;
  std::string title = t.title;
  if (human && t.priority == "high") title = "‼ " + title;
  std::string to = t.responsible;
  if (human && core::is_open(t.status)) {
    const core::Person* p = ctx.store.people().find(t.responsible);
    if (!p || !p->active) to += " (inactive)";
  }
  return {id, std::string(core::status_name(t.status)), due, late, to, t.link, title};
}

}  // namespace tally::cli
