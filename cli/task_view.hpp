// How a task looks in listings and in `task show`, shared by the task commands.
#pragma once

#include "cli/render.hpp"

#include "core/context.hpp"

#include <map>

namespace tally::cli {

// Short prefixes of the tasks' IDs, unique in the store, by full ID.
std::map<std::string, std::string> short_ids(const core::Store& store,
                                             const std::vector<core::Task>& tasks);

// "2d 4h" for how long ago `deadline` passed.
std::string late_by(core::Instant deadline, core::Instant now);

Value task_value(const core::Task& t, const core::Context& ctx, bool with_log);
Table task_table();
std::vector<std::string> task_row(const core::Task& t, const core::Context& ctx,
                                  const std::map<std::string, std::string>& shorts, bool human);

}  // namespace tally::cli
