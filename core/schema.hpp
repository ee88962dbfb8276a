// Helpers that read typed values out of a parsed YAML document and record
// every problem with its file:line:column, so that one run reports them all.
#pragma once

#include "core/dates.hpp"
#include "core/yaml_io.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tally::core {

// A timestamp as read: the instant and the exact text, written back unchanged.
struct Stamp {
  Instant at{};
  std::string text;
  static Stamp make(Instant t, const Zone& zone) { return {t, format_timestamp(t, zone)}; }
};

class Problems {
 public:
  void add(const YamlDoc& doc, const YAML::Node& node, std::string_view what);
  void add(std::string text) { m_items.push_back(std::move(text)); }
  bool empty() const { return m_items.empty(); }
  const std::vector<std::string>& items() const { return m_items; }
  // Throws one Error listing every problem (the first as the message, all in the detail).
  void throw_if_any() const;

 private:
  std::vector<std::string> m_items;
};

// Each reader returns the value or a default after recording a problem.
struct Reader {
  const YamlDoc& doc;
  Problems& problems;
  const Zone& zone;

  std::string text(const YAML::Node& n, std::string_view key) const;
  // Single-line text without control characters.
  std::string line(const YAML::Node& n, std::string_view key) const;
  bool boolean(const YAML::Node& n, std::string_view key) const;
  Stamp stamp(const YAML::Node& n, std::string_view key) const;
  std::vector<std::string> list(const YAML::Node& n, std::string_view key) const;
  bool is_map(const YAML::Node& n, std::string_view what) const;
};

// Appends key: value to an output map, skipping empty values (optional fields are omitted).
void put_text(YAML::Node& map, const char* key, const std::string& value);
void put_plain(YAML::Node& map, const char* key, const std::string& value);
void put_list(YAML::Node& map, const char* key, const std::vector<std::string>& values);

}  // namespace tally::core
