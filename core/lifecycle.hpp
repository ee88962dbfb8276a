// A task's life after it is given: acknowledge, start, finish, accept or
// return, defer and resume, decline, reopen, cancel; comments, checklist
// ticks, edits, deadline moves with a reason, reassignment. Each appends to
// the task's log (who, when, what) and commits the one file. Who may do what
// follows SPEC section 2: the creator and the department head control the task,
// the responsible does it, participants and observers comment.
#pragma once

#include "core/context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tally::core {

enum class Action { ack, start, done, accept, return_, defer, resume, decline, reopen, cancel };

std::string_view action_name(Action a);  // the command's name: "ack", "return", ...

// Moves the task through `action`. `text` is the result (done) or the reason
// (return, decline; optional for defer and cancel). Throws Error naming who may
// do it, or the current status when the move makes no sense.
Task transition(Context& ctx, std::string_view typed_id, Action action, const std::string& text);

// The responsible's first look (task show) records an acknowledgement. Does
// nothing when the reader is not the responsible, the task is not new, the
// reader cannot be identified, or the store is read-only. True when recorded.
bool acknowledge_on_view(Context& ctx, const std::string& id);

Task comment(Context& ctx, std::string_view typed_id, const std::string& text);

// Ticks (or with done = false, unticks) checklist item `number` (1-based).
Task check_item(Context& ctx, std::string_view typed_id, int number, bool done);

struct EditRequest {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::string> priority;
  std::vector<std::string> add_observers, drop_observers;
  std::vector<std::string> add_participants, drop_participants;
  std::vector<std::string> add_tags, drop_tags;
  std::vector<std::string> add_checks;
  std::optional<bool> may_move_deadline;
  std::optional<bool> result_required;
  std::optional<std::string> due;  // "none" removes the deadline
  std::string reason;              // required with due
};

// Edits fields (creator or head) and/or moves the deadline (creator, head, or
// the responsible when the task allows it; always with a reason).
Task edit(Context& ctx, std::string_view typed_id, const EditRequest& request);

// Gives the task to another active person (creator or head); it becomes new for them.
Task reassign(Context& ctx, std::string_view typed_id, const std::string& to);

// Who may append a log entry with `event` ("done", "accepted", "commented",
// ...) to `task` as it was just before: empty when `person` may, else the
// people who may ("the creator (anna) or the head (anna)"). Used by `tally audit`.
std::string who_may_record(std::string_view event, const Person& person, const Task& task,
                           const People& people);

// A task its responsible put aside — deferred or declined — that waits for a decision of its
// creator or of a head over it (resume, cancel, reassign, reopen; or, for a deferred task, defer
// it again to keep it aside). A deferral made by the creator or such a head is itself the
// decision; a declined task waits until it leaves that status.
bool awaits_decision(const Task& task, const People& people);

// The reason given when the task was last deferred or declined ("" when none was logged).
std::string put_aside_reason(const Task& task);

// Whether `person` is one who decides on a task put aside: its creator or a head over it, and
// not its responsible.
bool decides_on(const Person& person, const Task& task, const People& people);

// Whether the rules allowed `entry` at its point of a task's history, `before` being the task as
// the entries before it left it (its status, responsible, deadline...): empty when they did, else
// why not ("the task was already done", "only the responsible (petr) ... may"). Entries that do
// not move the task (created, skipped, merged) are always allowed. Used by the replay of a log.
std::string entry_refusal(const LogEntry& entry, const Task& before, const People& people);

// True when `person` is a head over the task: role head, active, and either
// without a department or in the department of the task's responsible or creator.
bool is_head_over(const Person& person, const Task& task, const People& people);

}  // namespace tally::core
