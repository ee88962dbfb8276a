// Recurring tasks: a template (a task file with `recur: RULE`) and its
// instances, one per day the rule names. An instance's ID is derived from the
// template's ID and the day, and its contents from the template and the day
// alone, so running `tally recur` twice, or on two clones that later merge,
// makes the instance once: the second run finds it, and two clones write the
// same bytes to the same path.
#pragma once

#include "core/context.hpp"

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace tally::core {

struct RecurRule {
  enum class Kind { working_days, weekdays, month_day, month_last };
  Kind kind = Kind::working_days;
  std::array<bool, 7> days{};  // weekdays, indexed by c_encoding (0 = Sunday)
  int day = 1;                 // month_day: 1..31 (a shorter month takes its last day)
  std::string text;            // as written in the file
};

// Parses "weekday", "mon,thu", "month 1", "month last" (an "every " in front is allowed).
// Throws Error naming the accepted forms.
RecurRule parse_recur(std::string_view text);

bool occurs_on(const RecurRule& rule, LocalDay day, const WorkCalendar& calendar);

// "T-" and 10 Crockford characters from the template's ID and the day.
std::string instance_id(const std::string& template_id, LocalDay day);

// True for a template: it stands for its instances and is left out of counters and lists.
inline bool is_template(const Task& t) {
  return !t.recur.empty();
}

// The instance of `tmpl` for `day`, as it would be written.
Task make_instance(const Task& tmpl, LocalDay day, const Zone& zone, const WorkCalendar& calendar);

// What tally does for one template up to `until`: the instances still ahead of `now`, and the
// days whose moment passed before any tally got to make them ("missed"; such an occurrence is
// never made: a task born overdue would be a violation nobody committed). Occurrences due at or
// before the template's own creation are none. Days already logged as skipped are not repeated.
struct RecurPlan {
  std::vector<Task> instances;
  std::vector<std::string> missed;  // "2026-11-24"
};
RecurPlan plan_instances(const Task& tmpl, LocalDay until, Instant now, const Zone& zone,
                         const WorkCalendar& calendar,
                         const std::function<bool(const std::string& id)>& exists);

// Appends a `skipped` entry (day, reason) to the template's log per missed day; the creator's
// next digest tells them.
void record_missed(Task& tmpl, const std::vector<std::string>& days, Instant now,
                   const Zone& zone);

// Creates the missing instances of every active template for the days from a
// week before `until` (but not before the template was made) to `until` that are still ahead of
// ctx.now, and logs the missed ones in their template, in one commit. Returns the instances
// created.
std::vector<Task> create_due_instances(Context& ctx, LocalDay until);

}  // namespace tally::core
