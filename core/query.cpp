#include "core/query.hpp"

#include <algorithm>

namespace tally::core {

namespace {

// The filter's part that the cache can answer before a task is decoded.
bool wanted_status(const TaskFilter& f, Status s) {
  if (!f.statuses.empty())
    return std::find(f.statuses.begin(), f.statuses.end(), s) != f.statuses.end();
  return f.all_statuses || is_open(s);
}

bool matches(const Task& t, const TaskFilter& f, Instant now) {
  if (t.recur.empty() == f.templates) return false;  // templates only when asked for
  if (f.responsible) {
    bool ok = t.responsible == *f.responsible;
    if (f.include_participant)
      ok = ok || std::find(t.participants.begin(), t.participants.end(), *f.responsible) !=
                     t.participants.end();
    if (!ok) return false;
  }
  if (f.creator && t.creator != *f.creator) return false;
  if (f.link && t.link != *f.link) return false;
  if (f.group && t.group != *f.group) return false;
  if (f.overdue && !t.overdue(now)) return false;
  return wanted_status(f, t.status);
}

}  // namespace

std::vector<Task> query_tasks(const Context& ctx, const TaskFilter& filter) {
  std::vector<Task> out;
  for (auto& t : ctx.store.load_tasks([&](Status s) { return wanted_status(filter, s); }))
    if (matches(t, filter, ctx.now)) out.push_back(std::move(t));
  std::sort(out.begin(), out.end(), [](const Task& a, const Task& b) {
    if (a.deadline.has_value() != b.deadline.has_value()) return a.deadline.has_value();
    if (a.deadline && a.deadline->at != b.deadline->at) return a.deadline->at < b.deadline->at;
    if (a.created.at != b.created.at) return a.created.at < b.created.at;
    if (a.responsible != b.responsible) return a.responsible < b.responsible;
    return a.id < b.id;
  });
  return out;
}

}  // namespace tally::core
