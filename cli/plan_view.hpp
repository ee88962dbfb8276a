// How a plan check looks: a table with bars for people, JSON and CSV for
// programs, Markdown for a pull-request comment, JUnit XML for CI.
#pragma once

#include "cli/render.hpp"

#include "core/context.hpp"
#include "core/plan.hpp"

#include <iosfwd>
#include <vector>

namespace tally::cli {

// "12 000 000" (amount, human), "12000000.00" (amount, machine) or "7" (count).
std::string plan_number(std::int64_t value, core::Measure measure, bool human);
// "-17.1%" (human, one decimal) or "-17.14" (machine, two decimals) from hundredths of a percent.
std::string percent(std::int64_t bp, bool human);

// The judged deviation of a segment: "+340.0%" (human) or "340.00" (machine), with more
// decimals when rounding would put an out-of-tolerance figure on the tolerance.
std::string deviation_text(const core::SegmentResult& s, bool human);

// A line that says what the check judged by: "plan 2026-11 · amount · tolerance 20% · ...".
std::string check_heading(const core::CheckResult& r, const core::Context& ctx);

// The table for people, one plan.
Table check_table(const core::CheckResult& r);
// One CSV table of every plan checked, with a PERIOD column and the same columns always.
Table check_csv(const std::vector<core::CheckResult>& results);
// One note per plan naming each overlapping segment once: "deals 1021, 1035 are in more
// than one segment: a total of the segments would count them 4 times, not 2; ..."
std::vector<std::string> overlap_notes(const core::CheckResult& r);
Value check_value(const core::CheckResult& r, const core::Context& ctx);
void print_markdown(std::ostream& out, const std::vector<core::CheckResult>& results,
                    const core::Context& ctx);
void print_junit(std::ostream& out, const std::vector<core::CheckResult>& results,
                 const core::Context& ctx);

}  // namespace tally::cli
