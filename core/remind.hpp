// The daily digest (SPEC section 6): per person, what needs them today —
// overdue, due today, due by the next working day, new and unseen, waiting for
// their review, declined tasks they created — with their counters on top. A
// department head also gets the department's tasks overdue longer than
// `escalate_after` working days: one digest per person per day, never a message per task.
#pragma once

#include "core/control.hpp"
#include "core/settings.hpp"

#include <map>
#include <string>
#include <vector>

namespace tally::core {

struct Escalation {
  const Task* task = nullptr;
  int working_days_late = 0;
  int deadline_moves = 0;
};

// Occurrences of one recurring task that were not made because their moment had passed before
// tally got to make them (recur.hpp), told to the template's creator.
struct Missed {
  const Task* tmpl = nullptr;
  std::vector<std::string> days;  // "2026-11-24"
};

// An action of the person that a merge found the rules did not allow (replay.hpp): kept in the
// task's log marked `rejected`, without effect.
struct Overruled {
  const Task* task = nullptr;
  const LogEntry* entry = nullptr;
};

struct Digest {
  const Person* person = nullptr;
  LocalDay day{};
  Counters counters;
  std::vector<const Task*> overdue, due_today, due_soon, unseen, to_review;
  // Put aside by their responsible and waiting for this person's decision (awaits_decision).
  std::vector<const Task*> deferred, declined;
  std::vector<Escalation> escalations;
  std::vector<Missed> missed;
  std::vector<Overruled> overruled;  // the person's own actions rejected in the last 7 days
  std::vector<std::string> unreadable;  // store files that could not be read (heads only)
  bool empty() const {
    return overdue.empty() && due_today.empty() && due_soon.empty() && unseen.empty() &&
           to_review.empty() && deferred.empty() && declined.empty() && escalations.empty() &&
           missed.empty() && overruled.empty() && unreadable.empty();
  }
};

// Digests of `people` (active ones) at `now`; templates of recurring tasks are left out, but
// their missed occurrences logged since the previous working day are told to their creator.
// `unreadable` ("file:line:column: what") goes to every head's digest.
std::vector<Digest> build_digests(const std::vector<Task>& tasks, const People& people,
                                  const std::vector<const Person*>& who, Instant now,
                                  const Zone& zone, const Settings& settings,
                                  const std::vector<std::string>& unreadable = {});

// Working days after the day of `from` up to and including the day of `to`.
int working_days_between(Instant from, Instant to, const Zone& zone, const WorkCalendar& calendar);

// "Задачи на 27.11: 2 просрочено, 1 новая" — the e-mail subject, Russian plurals.
std::string digest_subject(const Digest& d);

// The digest as plain text (the e-mail body and `remind --format text`), in Russian.
// `shorts` maps task IDs to the short prefixes people type.
std::string digest_text(const Digest& d, const Zone& zone,
                        const std::map<std::string, std::string>& shorts, Instant now);

}  // namespace tally::core
