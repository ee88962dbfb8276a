// Random IDs and prefix lookup. IDs are random, never sequential, so that two
// clones minting IDs at once never collide: "T-" plus 10 Crockford base32
// characters (50 bits). People type the shortest unique prefix.
//
// An ID becomes a file name (tasks/YYYY/MM/<ID>.yaml, deals/<ID>.yaml), so every
// ID that reaches a path, whether typed, read from a file, or taken from a file
// name, passes is_safe_file_name first: no '/', '\\', "..", leading '.', NUL or
// other control characters.
#pragma once

#include <filesystem>
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

// True when s (normalized) can start a task ID: "T-" and at most 10 Crockford characters.
bool is_task_id_prefix(std::string_view s);

// True when s can be one component of a path in the store: 1 to 128 bytes of valid
// UTF-8 without '/', '\\', "..", a leading '.', NUL or control characters.
bool is_safe_file_name(std::string_view s);

// True when s may name a record file: at most 64 latin letters, digits, '-', '_', '.',
// not starting with '.' and without "..".
bool is_safe_record_id(std::string_view s);

// True when a path given to Store::apply stays inside the store: relative, and each
// component a safe file name.
bool is_safe_store_path(const std::filesystem::path& relative);

// For each id (sorted or not), the shortest prefix that is unique among `ids`
// and at least `min_tail` characters after `head_len` characters of prefix.
std::vector<std::string> shortest_prefixes(const std::vector<std::string>& ids, size_t head_len,
                                           size_t min_tail);

// The same for one `id` among `sorted` IDs (which may hold it): a binary search,
// so a listing of 20 tasks in a store of 100 000 does not sort them all.
std::string shortest_prefix(const std::vector<std::string>& sorted, const std::string& id,
                            size_t head_len, size_t min_tail);

// Finds the one id starting with `prefix`. Throws Error when none matches
// (with the nearest IDs) or several do (listing them).
std::string resolve_prefix(std::string_view prefix, const std::vector<std::string>& ids,
                           std::string_view what);

}  // namespace tally::core
