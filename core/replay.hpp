// The log is the truth. A task's fields that change after its creation — status, responsible,
// deadline, result, and title, priority and description once an edit has logged them — are what
// replaying its
// append-only log under the lifecycle rules gives; the file carries them too, for people and for
// grep, and tally writes them from the replay. `tally check` reports a file whose fields differ
// from its replay and every entry the rules did not allow at its point; the merge driver replays
// the union of both sides' logs, so that two clones can never disagree on what a task is.
#pragma once

#include "core/people.hpp"
#include "core/task.hpp"

#include <string>
#include <vector>

namespace tally::core {

// An entry of the log that the rules did not allow at its point of the history.
struct Refusal {
  size_t entry = 0;  // index in the log
  std::string why;   // "only the responsible (petr) ... may do that"
};

struct Replay {
  Task task;                       // the file's task with the derived fields from the log
  std::vector<Refusal> refusals;   // entries without effect that are not marked `rejected` yet
};

// Replays `task`'s log with `people` as they are now. The state before the first entry: status
// new, the responsible the `created` entry names (`to`), else the first reassignment's `from`,
// else the file's; the deadline of the
// first deadline move's `from` (else the file's), no result. An entry that carries `rejected` has
// no effect; one the rules do not allow has none either and is listed.
Replay replay(const Task& task, const People& people);

// The derived fields in which `file` and `replayed` differ: "status", "responsible", "deadline",
// "result", "title", "priority", "description".
std::vector<std::string> derived_differences(const Task& file, const Task& replayed);

// The task with every refused entry marked `rejected: <why>` and its derived fields set from the
// replay: what the merge writes.
Task settle(const Task& task, const People& people);

}  // namespace tally::core
