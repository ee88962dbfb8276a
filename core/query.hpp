// Selecting tasks for listings.
#pragma once

#include "core/context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tally::core {

struct TaskFilter {
  std::optional<std::string> responsible;  // --to, --mine (responsible or participant)
  bool include_participant = false;        // --mine also matches participants
  std::optional<std::string> creator;      // --by
  std::optional<std::string> link;         // "deal/1042"
  std::optional<std::string> group;
  std::vector<Status> statuses;  // empty: every open status
  bool all_statuses = false;
  bool overdue = false;
  bool templates = false;  // recurring tasks' templates instead of tasks
};

// Tasks matching the filter, ordered by deadline (none last), then creation,
// then responsible, then ID.
std::vector<Task> query_tasks(const Context& ctx, const TaskFilter& filter);

}  // namespace tally::core
