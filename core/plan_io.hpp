// Plans in the store: finding, loading, saving plans/<PERIOD>.yaml, and the
// history of their targets from git.
#pragma once

#include "core/context.hpp"
#include "core/plan.hpp"

#include <string>
#include <vector>

namespace tally::core {

// Periods of the plans in plans/, sorted.
std::vector<std::string> plan_periods(const Store& store);

std::filesystem::path plan_relative_path(const std::string& period);

// Loads and validates one plan. Throws Error listing the plans when there is none.
Plan load_plan(const Store& store, const std::string& period,
               const std::vector<std::string>& known_fields);

// The periods whose plan covers `day`: its month, quarter and year, when they exist.
std::vector<std::string> plans_covering(const Store& store, LocalDay day);

// Writes the plan (head only) and commits it with `message`.
void save_plan(Context& ctx, const Plan& plan, const std::string& message);

// One change of a plan's targets, from git.
struct PlanChange {
  std::string commit;
  std::string author;
  std::string date;  // ISO 8601 in the store's zone
  std::string segment;
  std::string what;  // "target 10000000.00 → 12000000.00", "added, target …", "removed"
};

std::vector<PlanChange> plan_history(const Store& store, const std::string& period);

}  // namespace tally::core
