// The one way tally prints listings and records: a Table (aligned by display
// width for people, or CSV) and a Value tree (JSON or YAML for programs).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace tally::cli {

enum class Format { table, json, csv, yaml };
Format parse_format(const std::string& name);
inline const std::vector<std::string> listing_formats{"table", "json", "csv", "yaml"};

// Colour only on a terminal and never when NO_COLOR is set.
bool use_color();
std::string paint(const std::string& text, const char* sgr);  // sgr such as "31" (red)

class Table {
 public:
  struct Column {
    std::string header;
    bool right = false;  // numbers align right
  };
  explicit Table(std::vector<Column> columns) : m_columns(std::move(columns)) {}
  void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
  // A heading line between rows, printed as it is and left out of the widths and of CSV.
  void add_section(std::string text) { m_sections.emplace_back(m_rows.size(), std::move(text)); }
  bool empty() const { return m_rows.empty(); }

  // Columns padded to the widest cell by display width, two spaces apart;
  // `painted` cells (same shape as rows) replace the text after padding is computed.
  void print(std::ostream& out, int indent = 0) const;
  // RFC 4180: comma-separated, quoted when needed, CRLF line ends. A text cell
  // that a spreadsheet would run as a formula is guarded (csv_guard) unless `raw`.
  void print_csv(std::ostream& out, bool raw = false) const;
  // Marks a cell for colour on a terminal.
  void color(size_t row, size_t col, const char* sgr);

 private:
  std::vector<Column> m_columns;
  std::vector<std::vector<std::string>> m_rows;
  std::vector<std::pair<size_t, std::string>> m_sections;  // (row index it precedes, text)
  std::vector<std::pair<std::pair<size_t, size_t>, const char*>> m_colors;
};

// A JSON-shaped value.
class Value {
 public:
  enum class Kind { null, boolean, integer, number, text, list, object };
  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : m_kind(Kind::boolean), m_bool(b) {}
  Value(int i) : m_kind(Kind::integer), m_int(i) {}
  Value(std::int64_t i) : m_kind(Kind::integer), m_int(i) {}
  Value(std::string s) : m_kind(Kind::text), m_text(std::move(s)) {}
  Value(const char* s) : m_kind(Kind::text), m_text(s) {}
  // A decimal number written as is ("12000000.50", "-17.14"): exact, never a binary float.
  static Value number(std::string digits) {
    Value v;
    v.m_kind = Kind::number;
    v.m_text = std::move(digits);
    return v;
  }
  static Value list() {
    Value v;
    v.m_kind = Kind::list;
    return v;
  }
  static Value object() {
    Value v;
    v.m_kind = Kind::object;
    return v;
  }
  // A string, or null when empty.
  static Value text_or_null(const std::string& s) { return s.empty() ? Value() : Value(s); }
  static Value strings(const std::vector<std::string>& items);

  Value& push(Value v);
  Value& set(std::string key, Value v);

  void print_json(std::ostream& out, int indent = 0) const;
  void print_yaml(std::ostream& out) const;

 private:
  Kind m_kind = Kind::null;
  bool m_bool = false;
  std::int64_t m_int = 0;
  std::string m_text;
  std::vector<Value> m_items;
  std::vector<std::pair<std::string, Value>> m_fields;
  friend struct ValueYaml;
};

// Prints `table` or `value` according to the format; `raw` as for print_csv (--raw).
void print_listing(std::ostream& out, Format format, const Table& table, const Value& value,
                   bool raw = false);

// A CSV cell that would start a formula in a spreadsheet (it begins with =, +,
// -, @, TAB or CR and is not a number) with a leading ', as OWASP recommends;
// any other cell as it is.
std::string csv_guard(const std::string& s);

}  // namespace tally::cli
