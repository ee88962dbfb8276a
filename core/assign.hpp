// `tally task add`: one task per responsible person. Several people or a
// department get one task each, tied together by a shared group ID.
#pragma once

#include "core/context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tally::core {

struct LinkRef {
  RecordKind kind;
  std::string id;  // as typed: exact or a unique prefix
};

struct TaskAddRequest {
  std::string title;
  std::vector<std::string> to;  // logins and dept:NAME, each may hold several, comma-separated
  std::optional<LinkRef> link;
  std::optional<std::string> due;
  bool allow_past = false;
  bool review = false;
  std::string priority = "normal";
  std::vector<std::string> observers;
  std::vector<std::string> participants;
  std::vector<std::string> tags;
  std::string description;
  std::vector<std::string> checks;  // checklist items
  bool may_move_deadline = false;
  bool result_required = false;
  std::string every;  // a repetition rule: the task becomes a template (see recur.hpp)
};

struct Added {
  std::vector<Task> tasks;  // one per responsible (templates, with --every)
  // With --every: each template's first instances that are already due up to today and still
  // ahead, made at once (a template given at 11:05 for 17:30 is today's work, not tomorrow's).
  std::vector<Task> instances;
};

// Validates everything first, then writes all the tasks and commits them once.
Added add_tasks(Context& ctx, const TaskAddRequest& request);

// Expands logins and dept:NAME into distinct active people, in the given order.
// dept:NAME leaves out `self` (the head who assigns to their own department).
std::vector<std::string> resolve_assignees(const People& people, const std::vector<std::string>& to,
                                           std::string_view self);

// "deal/1042" for a record.
std::string link_of(const Record& r);

}  // namespace tally::core
