// Reading and writing the store's YAML. Reading uses yaml-cpp and turns its
// errors into file:line:column with the source line and a caret. Writing is our
// own canonical emitter: block style, one scalar per line, no wrapping, keys in
// the order the node holds them, so files stay line-mergeable in git and a file
// read without change is written back byte for byte.
//
// Every store file is read through parse_yaml, so the limits that keep hostile
// input bounded in time and memory live here: size, NUL bytes, invalid UTF-8,
// nesting depth, number of values, and anchors/aliases (tally never writes
// them; an alias bomb expands to billions of values when walked or emitted).
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace tally::core {

// What a store file may be (documented in tally-store(5), LIMITS).
struct YamlLimits {
  static constexpr std::size_t max_bytes = std::size_t{1} << 20;  // 1 MiB
  static constexpr int max_depth = 64;                            // nested maps and lists
  static constexpr std::size_t max_values = 100'000;              // scalars, maps and lists
  static constexpr std::size_t max_key_bytes = 200;  // fits YAML's 1024 even when quoted
};

// A parsed YAML document and where it came from, so later checks can point at a node.
struct YamlDoc {
  std::filesystem::path path;  // as shown in messages (relative to the store)
  std::string text;
  YAML::Node root;
};

// Parses text; a syntax error throws Error "path:line:col: message" with the line and a caret.
// So does text over a limit of YamlLimits, with a NUL byte or invalid UTF-8, or with an
// anchor or alias: each is refused before a node is built.
YamlDoc parse_yaml(std::string text, const std::filesystem::path& shown_path);

// A line git leaves around a conflict it could not merge (<<<<<<<, |||||||, =======, >>>>>>>).
bool is_conflict_marker(std::string_view line);

// Reads and parses a file, never more than YamlLimits::max_bytes of it (a larger file is
// refused unread). `shown` is the path used in messages.
YamlDoc load_yaml_file(const std::filesystem::path& file, const std::filesystem::path& shown);

// Throws Error pointing at `node` inside `doc`: "path:line:col: what", line and caret.
[[noreturn]] void fail_at(const YamlDoc& doc, const YAML::Node& node, std::string_view what);

// The text "path:line:col: what\n  source line\n  ^" for a node (for lists of problems).
std::string describe_at(const YamlDoc& doc, const YAML::Mark& mark, std::string_view what);

// Marks a scalar node as text: the emitter quotes it when a YAML reader would
// otherwise take it for a number, boolean, null or date.
YAML::Node text_node(std::string_view value);

// Canonical YAML for a map or sequence root. Text (text_node) is quoted when a
// reader would misread it; scalars that were quoted in the source stay
// double-quoted; other scalars are written plain when YAML allows it.
// Multi-line text becomes a literal block.
std::string emit_yaml(const YAML::Node& root);

}  // namespace tally::core
