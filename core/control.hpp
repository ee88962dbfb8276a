// Control: the counters that make a late or ignored task impossible to miss,
// and efficiency as Bitrix24 defines it (SPEC section 4). Pure functions of
// the tasks, the team, the clock and the working calendar.
//
// The task log is the history they read. Every entry that changes the status
// carries `status: <new status>`; `deadline` entries carry `from` and `to`
// (timestamps, "" for none) and `reason`; `reassigned` entries carry `from` and
// `to` (logins) and `status: new`; `commented` entries carry `text`. Before the
// first such entry a task was `new`, had the deadline of the first `deadline`
// entry's `from` (else its current one) and the responsible of the first
// `reassigned` entry's `from` (else its current one).
#pragma once

#include "core/dates.hpp"
#include "core/people.hpp"
#include "core/task.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tally::core {

// One stretch of a task's life during which status, deadline and responsible held.
struct Span {
  Instant from{};
  std::optional<Instant> until;  // nullopt: still so
  Status status = Status::new_;
  std::optional<Instant> deadline;
  std::string responsible;
};

// The task's history as consecutive spans, from its creation on.
std::vector<Span> timeline(const Task& task);

struct Counters {
  std::string login;
  int overdue = 0;   // responsible or participant, deadline passed, status new/accepted/in_progress
  int new_ = 0;      // responsible, status new
  int review = 0;    // creator, status review
  int comments = 0;  // others' comments on the person's open tasks after their own last log entry
  int due_soon =
      0;  // responsible or participant, active, deadline not passed but within the next working day
  int no_deadline = 0;  // open tasks the person created without a deadline
  // Tasks the person created or is a head over that their responsible deferred or declined,
  // waiting for the person's decision (awaits_decision in lifecycle.hpp).
  int deferred = 0;
  // overdue + new + review + comments + deferred (due soon and no deadline are warnings).
  int total() const;
};

// One kind of counter: its stable key (JSON, --fail-on), its column heading, where it is kept.
// `total` has no field: it is the sum of the kinds marked in_total.
struct CounterKind {
  const char* key;      // "overdue", "due_soon"
  const char* heading;  // "OVERDUE", "DUE SOON"
  int Counters::*field;
  bool in_total;
};

// Every counter in the order people read them, total included.
const std::vector<CounterKind>& counter_kinds();
int counter_value(const Counters& c, const CounterKind& kind);
// The kind with this key, or nullptr.
const CounterKind* find_counter(std::string_view key);
// Adds every counter of `c` to `sum`.
void add_counters(Counters& sum, const Counters& c);

// The counters of one person over all tasks at `now`. `people` says who is a head over a task.
Counters count_for(const std::string& login, const std::vector<Task>& tasks, Instant now,
                   const Zone& zone, const WorkCalendar& calendar, const People& people);

struct Efficiency {
  std::string login;
  int in_work = 0;     // tasks in work during the period (see efficiency())
  int violations = 0;  // of those, overdue at some moment of the period
  int percent = 100;   // round(100 × (1 − violations / in_work)), 100 when in_work is 0
  int deadline_moves =
      0;  // deadline entries in the period (up to now) on tasks the person answers for
};

// A half-open period [begin, end) of instants; a month in the store's zone for --period 2026-11.
struct Period {
  Instant begin{};
  Instant end{};
};

// Parses "2026-11" into that month in `zone`. Throws Error otherwise.
Period month_period(std::string_view text, const Zone& zone);

// Efficiency of `login` over `period`, judged at `now` (the part of the period
// after now has not happened yet). Tasks in work: those in status new,
// accepted, in_progress or review at some moment of the period (so closed in
// it counts, deferred does not), where the person was responsible or is a
// participant and is not the creator. A violation: such a task was, at some
// moment of the period, in new/accepted/in_progress with its deadline of that
// moment already passed; moving the deadline later does not erase it.
Efficiency efficiency_for(const std::string& login, const std::vector<Task>& tasks, Period period,
                          Instant now);

// Open tasks whose responsible is inactive or no longer in people.yaml.
std::vector<const Task*> needing_reassignment(const std::vector<Task>& tasks, const People& people);

}  // namespace tally::core
