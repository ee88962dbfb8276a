// Random IDs and prefix lookup. IDs are random, never sequential, so that two
// clones minting IDs at once never collide: "T-" plus 10 Crockford base32
// characters (50 bits). People type the shortest unique prefix.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tally::core {

// A new ID: prefix + 10 Crockford base32 characters from the system's random source.
std::string new_id(std::string_view prefix);

// Normalizes what a person typed for a task ID: upper case, Crockford's
// look-alikes (I, L -> 1; O -> 0), "T-" added when missing.
std::string normalize_task_id(std::string_view typed);

// True when s is "T-" followed by 10 Crockford base32 characters.
bool is_task_id(std::string_view s);

// True when s may name a record file: letters, digits, '-', '_', '.', not starting with '.'.
bool is_safe_record_id(std::string_view s);

// For each id (sorted or not), the shortest prefix that is unique among `ids`
// and at least `min_tail` characters after `head_len` characters of prefix.
std::vector<std::string> shortest_prefixes(const std::vector<std::string>& ids, size_t head_len,
                                           size_t min_tail);

// Finds the one id starting with `prefix`. Throws Error when none matches
// (with the nearest IDs) or several do (listing them).
std::string resolve_prefix(std::string_view prefix, const std::vector<std::string>& ids,
                           std::string_view what);

}  // namespace tally::core
