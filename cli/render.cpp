#include "cli/render.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/yaml_io.hpp"

#include <unistd.h>

#include <cstdlib>
#include <ostream>

namespace tally::cli {

Format parse_format(const std::string& name) {
  if (name == "table") return Format::table;
  if (name == "json") return Format::json;
  if (name == "csv") return Format::csv;
  if (name == "yaml") return Format::yaml;
  throw core::Error("unknown format '{}'", name).hint("formats: table, json, csv, yaml");
}

bool use_color() {
  const char* no = std::getenv("NO_COLOR");
  if (no && *no) return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

std::string paint(const std::string& text, const char* sgr) {
  if (!use_color()) return text;
  return "\x1b[" + std::string(sgr) + "m" + text + "\x1b[0m";
}

void Table::color(size_t row, size_t col, const char* sgr) {
  m_colors.push_back({{row, col}, sgr});
}

void Table::print(std::ostream& out, int indent) const {
  std::vector<int> width(m_columns.size(), 0);
  for (size_t c = 0; c < m_columns.size(); ++c) width[c] = core::display_width(m_columns[c].header);
  for (const auto& row : m_rows)
    for (size_t c = 0; c < row.size() && c < width.size(); ++c)
      width[c] = std::max(width[c], core::display_width(row[c]));
  auto line = [&](const std::vector<std::string>& cells, size_t row_index, bool header) {
    std::string text;
    for (size_t c = 0; c < m_columns.size(); ++c) {
      std::string cell = c < cells.size() ? cells[c] : "";
      int pad = width[c] - core::display_width(cell);
      bool last = c + 1 == m_columns.size();
      if (!header)
        for (const auto& [pos, sgr] : m_colors)
          if (pos.first == row_index && pos.second == c) cell = paint(cell, sgr);
      if (header) cell = paint(cell, "1");
      if (m_columns[c].right)
        text += std::string(static_cast<size_t>(pad), ' ') + cell;
      else
        text += cell + (last ? "" : std::string(static_cast<size_t>(pad), ' '));
      if (!last) text += "  ";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << std::string(static_cast<size_t>(indent), ' ') << text << '\n';
  };
  std::vector<std::string> headers;
  for (const auto& c : m_columns) headers.push_back(c.header);
  line(headers, 0, true);
  size_t s = 0;
  for (size_t r = 0; r <= m_rows.size(); ++r) {
    for (; s < m_sections.size() && m_sections[s].first == r; ++s)
      out << m_sections[s].second << '\n';
    if (r < m_rows.size()) line(m_rows[r], r, false);
  }
}

namespace {

// A decimal number as tally writes them ("-1500.00", "12", "-4.8%"): a
// spreadsheet reads it as that number, never as a formula.
bool is_number(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (!s.empty() && s.back() == '%') s.remove_suffix(1);
  size_t digits = 0, points = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c == '.' && digits > 0)
      ++points;
    else
      return false;
  }
  return digits > 0 && points <= 1 && s.back() != '.';
}

}  // namespace

std::string csv_guard(const std::string& s) {
  // OWASP's list: what a spreadsheet takes as the start of a formula (or, TAB
  // and CR, as a cell it trims down to one).
  if (s.empty() || std::string_view("=+-@\t\r").find(s[0]) == std::string_view::npos ||
      is_number(s))
    return s;
  return "'" + s;
}

namespace {

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f)
          out += fmt::format("\\u{:04x}", c);
        else
          out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace

void Table::print_csv(std::ostream& out, bool raw) const {
  auto cell = [raw](const std::string& s) { return csv_cell(raw ? s : csv_guard(s)); };
  for (size_t c = 0; c < m_columns.size(); ++c) out << (c ? "," : "") << cell(m_columns[c].header);
  out << "\r\n";
  for (const auto& row : m_rows) {
    for (size_t c = 0; c < m_columns.size(); ++c)
      out << (c ? "," : "") << cell(c < row.size() ? row[c] : "");
    out << "\r\n";
  }
}

Value Value::strings(const std::vector<std::string>& items) {
  Value v = list();
  for (const auto& s : items) v.push(s);
  return v;
}

Value& Value::push(Value v) {
  m_items.push_back(std::move(v));
  return *this;
}

Value& Value::set(std::string key, Value v) {
  m_fields.emplace_back(std::move(key), std::move(v));
  return *this;
}

void Value::print_json(std::ostream& out, int indent) const {
  std::string pad(static_cast<size_t>(indent + 2), ' '), end_pad(static_cast<size_t>(indent), ' ');
  switch (m_kind) {
    case Kind::null:
      out << "null";
      break;
    case Kind::boolean:
      out << (m_bool ? "true" : "false");
      break;
    case Kind::integer:
      out << m_int;
      break;
    case Kind::number:
      out << m_text;
      break;
    case Kind::text:
      out << json_string(m_text);
      break;
    case Kind::list:
      if (m_items.empty()) {
        out << "[]";
        break;
      }
      out << "[\n";
      for (size_t i = 0; i < m_items.size(); ++i) {
        out << pad;
        m_items[i].print_json(out, indent + 2);
        out << (i + 1 < m_items.size() ? ",\n" : "\n");
      }
      out << end_pad << "]";
      break;
    case Kind::object:
      if (m_fields.empty()) {
        out << "{}";
        break;
      }
      out << "{\n";
      for (size_t i = 0; i < m_fields.size(); ++i) {
        out << pad << json_string(m_fields[i].first) << ": ";
        m_fields[i].second.print_json(out, indent + 2);
        out << (i + 1 < m_fields.size() ? ",\n" : "\n");
      }
      out << end_pad << "}";
      break;
  }
  if (indent == 0) out << '\n';
}

struct ValueYaml {
  static YAML::Node convert(const Value& v) {
    switch (v.m_kind) {
      case Value::Kind::null:
        return YAML::Node("null");
      case Value::Kind::boolean:
        return YAML::Node(v.m_bool ? "true" : "false");
      case Value::Kind::integer:
        return YAML::Node(std::to_string(v.m_int));
      case Value::Kind::number:
        return YAML::Node(v.m_text);
      case Value::Kind::text:
        return core::text_node(v.m_text);
      case Value::Kind::list: {
        YAML::Node n(YAML::NodeType::Sequence);
        for (const auto& item : v.m_items) n.push_back(convert(item));
        return n;
      }
      case Value::Kind::object: {
        YAML::Node n(YAML::NodeType::Map);
        for (const auto& [k, item] : v.m_fields) n[k] = convert(item);
        return n;
      }
    }
    return {};
  }
};

void Value::print_yaml(std::ostream& out) const {
  YAML::Node n = ValueYaml::convert(*this);
  if (n.IsSequence() && n.size() == 0)
    out << "[]\n";
  else
    out << core::emit_yaml(n);
}

void print_listing(std::ostream& out, Format format, const Table& table, const Value& value,
                   bool raw) {
  switch (format) {
    case Format::table:
      table.print(out);
      break;
    case Format::csv:
      table.print_csv(out, raw);
      break;
    case Format::json:
      value.print_json(out);
      break;
    case Format::yaml:
      value.print_yaml(out);
      break;
  }
}

}  // namespace tally::cli
