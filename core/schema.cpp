#include "core/schema.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

namespace tally::core {

void Problems::add(const YamlDoc& doc, const YAML::Node& node, std::string_view what) {
  m_items.push_back(
      describe_at(doc, node.IsDefined() ? node.Mark() : YAML::Mark::null_mark(), what));
}

void Problems::throw_if_any() const {
  if (m_items.empty()) return;
  const std::string& first = m_items.front();
  auto nl = first.find('\n');
  std::string detail = nl == std::string::npos ? "" : first.substr(nl + 1);
  for (size_t i = 1; i < m_items.size(); ++i) detail += (detail.empty() ? "" : "\n") + m_items[i];
  auto e = Error("{}", first.substr(0, nl));
  if (!detail.empty()) throw std::move(e).detail(detail);
  throw e;
}

std::string Reader::text(const YAML::Node& n, std::string_view key) const {
  if (!n.IsScalar()) {
    problems.add(doc, n, fmt::format("'{}' must be text", key));
    return {};
  }
  return n.Scalar();
}

std::string Reader::line(const YAML::Node& n, std::string_view key) const {
  std::string s = text(n, key);
  if (has_control(s)) problems.add(doc, n, fmt::format("'{}' must be one line of text", key));
  return s;
}

bool Reader::boolean(const YAML::Node& n, std::string_view key) const {
  std::string s = n.IsScalar() ? n.Scalar() : "";
  if (s == "true") return true;
  if (s == "false") return false;
  problems.add(doc, n, fmt::format("'{}' must be true or false", key));
  return false;
}

Stamp Reader::stamp(const YAML::Node& n, std::string_view key) const {
  std::string s = text(n, key);
  try {
    return {parse_timestamp(s, zone), s};
  } catch (const Error&) {
    problems.add(doc, n,
                 fmt::format("'{}' is not a timestamp such as 2026-11-28T18:00:00+03:00", key));
    return {Instant{}, s};
  }
}

std::vector<std::string> Reader::list(const YAML::Node& n, std::string_view key) const {
  std::vector<std::string> out;
  if (!n.IsSequence()) {
    problems.add(doc, n, fmt::format("'{}' must be a list", key));
    return out;
  }
  for (const auto& item : n) out.push_back(line(item, key));
  return out;
}

bool Reader::is_map(const YAML::Node& n, std::string_view what) const {
  if (n.IsMap()) return true;
  problems.add(doc, n, fmt::format("{} must be a map of keys to values", what));
  return false;
}

void put_text(YAML::Node& map, const char* key, const std::string& value) {
  if (!value.empty()) map[key] = text_node(value);
}

void put_plain(YAML::Node& map, const char* key, const std::string& value) {
  if (!value.empty()) map[key] = value;
}

void put_list(YAML::Node& map, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  YAML::Node seq(YAML::NodeType::Sequence);
  for (const auto& v : values) seq.push_back(text_node(v));
  map[key] = seq;
}

}  // namespace tally::core
