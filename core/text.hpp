// UTF-8 text helpers: display width for aligned tables, case folding for
// Cyrillic input words, and the checks a one-line title must pass.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tally::core {

// The code points of s; a byte that starts no valid sequence becomes U+FFFD.
std::vector<std::int32_t> code_points(std::string_view s);

// Appends the UTF-8 bytes of code point cp.
void append_utf8(std::string& out, std::int32_t cp);

// True when s is well-formed UTF-8.
bool valid_utf8(std::string_view s);

// Columns the text takes in a terminal (wide CJK = 2, combining marks = 0).
int display_width(std::string_view s);

// Cuts s to at most `width` columns, ending with "…" when it was cut.
std::string truncate_to_width(std::string_view s, int width);

// Unicode lower case ("ПТ" -> "пт").
std::string to_lower(std::string_view s);

std::string_view trim(std::string_view s);

std::vector<std::string> split(std::string_view s, char sep);

std::string join(const std::vector<std::string>& parts, std::string_view sep);

// s as one word for a POSIX shell: as it is when it holds only safe characters, else in '...'.
std::string shell_quote(const std::string& s);

// True when s has a control character (C0, DEL or C1) other than the ones allowed.
bool has_control(std::string_view s, std::string_view allowed = {});

// Text from outside (a login, an ID, a file's line) made safe to show on a
// terminal: control characters (C0 other than `keep`, DEL, C1) and bytes that
// are not UTF-8 become \xNN (\u0085 for a C1 character), so that none of them
// is obeyed by the terminal; the rest is kept as it is.
std::string escape_control(std::string_view s, std::string_view keep = {});

// Levenshtein distance in code points, for "did you mean".
int edit_distance(std::string_view a, std::string_view b);

// The candidates nearest to `word` (at most `max` of them, within a sensible distance).
std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t max = 3);

}  // namespace tally::core
