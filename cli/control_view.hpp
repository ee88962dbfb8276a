// The counters table: shared by `tally counters` and the head's dashboard.
#pragma once

#include "cli/render.hpp"

#include "core/context.hpp"
#include "core/control.hpp"

#include <optional>
#include <vector>

namespace tally::cli {

struct CountersReport {
  std::vector<const core::Person*> people;
  std::vector<core::Counters> counters;      // one per person
  std::vector<core::Efficiency> efficiency;  // one per person, when a period was asked
  std::optional<std::string> period;
  std::vector<const core::Task*> reassign;  // open tasks of inactive people
};

CountersReport build_counters(const core::Context& ctx, const std::vector<core::Task>& tasks,
                              std::vector<const core::Person*> people,
                              const std::optional<std::string>& period);

// The table: a row per person, then a total row per department.
Table counters_table(const CountersReport& report, bool human);
Value counters_value(const CountersReport& report, const core::Context& ctx);

// The people a counters report covers when none are named: a head's department
// (everyone, for a head without one), else the person alone; everyone active
// when the reader cannot be identified (cron, CI).
std::vector<const core::Person*> default_people(const core::Context& ctx);

}  // namespace tally::cli
