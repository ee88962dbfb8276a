// Percentages as people write them, read one way everywhere: tally.yaml's
// `tolerance` and `judge_after`, a plan's and a segment's `tolerance`, and the
// command-line options --tolerance and --judge-after.
//
// Accepted: a whole number of percent, with or without the sign and with or
// without a space before it (ASCII, no-break or narrow no-break, as tally's own
// Russian output writes "20 %"), and an optional leading '+' or '±' (a
// tolerance reads as "±20%"): "20%", "20 %", "20", "+20%", "±20%". Refused, with
// a hint: fractions ("0.2" could be read as 20% or as 0.2%), decimals ("12.5%")
// and negative numbers. Whole percent is as fine as a sales plan is judged.
#pragma once

#include "core/schema.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace tally::core {

// What a percentage stands for, for messages and its range.
struct PercentKind {
  std::string_view example;  // "20%"
  int max;                   // the largest value allowed (the smallest is 0)
  std::string_view range;    // why the maximum: "a tolerance is at most 1000%"
};

inline constexpr PercentKind k_tolerance{"20%", 1000, "a tolerance is 0% to 1000%"};
inline constexpr PercentKind k_share{"25%", 100, "a share of the period is 0% to 100%"};

// The whole percent written in `text`, or nullopt when it is not a percentage at all.
// Range is not checked here.
std::optional<long long> read_percent(std::string_view text);

// Reads an option's value such as "--tolerance 20%"; throws Error naming `what`.
int parse_percent(std::string_view text, std::string_view what, const PercentKind& kind);

// Reads `key: 20%` from a YAML file; a problem is recorded at the node's
// file:line:column and nullopt returned.
std::optional<int> read_percent(const Reader& r, const YAML::Node& n, std::string_view key,
                                const PercentKind& kind);

}  // namespace tally::core
