// The emitter is ours rather than YAML::Emitter because the store's promises
// (fixed layout, no wrapping, literal blocks for long text, quoting only where
// a YAML reader would misread a value) need full control of every byte.
#include "core/yaml_io.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace tally::core {

namespace {

std::string source_line(std::string_view text, int line) {
  size_t start = 0;
  for (int i = 0; i < line && start != std::string_view::npos; ++i) {
    start = text.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start > text.size()) return {};
  auto end = text.find('\n', start);
  auto s = text.substr(start, end == std::string_view::npos ? end : end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return std::string(s);
}

// yaml-cpp counts columns in bytes; the caret must sit under the character.
std::string caret_line(const std::string& line, int column) {
  std::string prefix = line.substr(0, std::min<size_t>(static_cast<size_t>(column), line.size()));
  return std::string(static_cast<size_t>(display_width(prefix)), ' ') + "^";
}

bool is_ambiguous_text(const std::string& s) {
  static const std::regex special(
      R"(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|=|<<)"
      R"(|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])*|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+)"
      R"(|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?)"
      R"(|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)");
  return std::regex_match(s, special);
}

bool is_plain_safe(const std::string& s) {
  if (s.empty()) return false;
  if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
  if (s.starts_with("---") || s.starts_with("...")) return false;
  char c = s.front();
  if (std::string_view(",[]{}#&*!|>'\"%@`").find(c) != std::string_view::npos) return false;
  if ((c == '-' || c == '?' || c == ':') && (s.size() == 1 || s[1] == ' ')) return false;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return false;
  if (has_control(s)) return false;
  // Characters a reader may treat as line breaks or byte-order marks.
  for (std::string_view bad : {"\u2028", "\u2029", "\uFEFF", "\u0085"})
    if (s.find(bad) != std::string::npos) return false;
  return true;
}

std::string double_quoted(const std::string& s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
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
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case 0:
        out += "\\0";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += fmt::format("\\x{:02X}", c);
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(s[i + 1]) < 0xA0) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned char>(s[i + 1]));
          ++i;
        } else if (s.compare(i, 3, "\u2028") == 0 || s.compare(i, 3, "\u2029") == 0 ||
                   s.compare(i, 3, "\uFEFF") == 0) {
          out += s.compare(i, 3, "\uFEFF") == 0   ? "\\uFEFF"
                 : s.compare(i, 3, "\u2028") == 0 ? "\\L"
                                                  : "\\P";
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

bool literal_block_fits(const std::string& s) {
  if (s.find('\n') == std::string::npos) return false;
  if (s.front() == ' ' || s.front() == '\n' || s.front() == '\t') return false;
  if (has_control(s, "\n\t")) return false;
  for (std::string_view bad : {"\u2028", "\u2029", "\uFEFF", "\u0085"})
    if (s.find(bad) != std::string::npos) return false;
  return true;
}

// text_node() marks our own text with this tag; yaml-cpp tags a scalar that
// was quoted in the source "!". The emitter never writes tags.
constexpr const char* k_text_tag = "tag:tally,text";

bool is_text(const YAML::Node& n) {
  return n.Tag() == k_text_tag || n.Tag() == "!";
}

std::string scalar_inline(const YAML::Node& n) {
  const std::string& s = n.Scalar();
  // A value kept as read (an unknown key) stays quoted if it was, so hand edits survive.
  if (!is_plain_safe(s) || n.Tag() == "!") return double_quoted(s);
  if (is_text(n) && is_ambiguous_text(s)) return double_quoted(s);
  return s;
}

std::string key_text(const YAML::Node& k) {
  const std::string& s = k.Scalar();
  if (!is_plain_safe(s) || is_ambiguous_text(s)) return double_quoted(s);
  return s;
}

void emit_literal(std::string& out, const std::string& s, int indent) {
  size_t trailing = 0;
  while (trailing < s.size() && s[s.size() - 1 - trailing] == '\n') ++trailing;
  out += trailing == 0 ? "|-\n" : trailing == 1 ? "|\n" : "|+\n";
  std::string body = s.substr(0, s.size() - trailing);
  for (const auto& line : split(body, '\n')) {
    if (!line.empty()) out += std::string(static_cast<size_t>(indent), ' ') + line;
    out += '\n';
  }
  for (size_t i = 1; i < trailing; ++i) out += '\n';
}

void emit_node(std::string& out, const YAML::Node& n, int indent);

// Emits what follows "key:" or "-" on the same line, then any nested block.
void emit_value(std::string& out, const YAML::Node& v, int indent) {
  switch (v.Type()) {
    case YAML::NodeType::Scalar:
      if (literal_block_fits(v.Scalar())) {
        out += ' ';
        emit_literal(out, v.Scalar(), indent);
      } else {
        out += ' ' + scalar_inline(v) + '\n';
      }
      return;
    case YAML::NodeType::Map:
      if (v.size() == 0) {
        out += " {}\n";
        return;
      }
      out += '\n';
      emit_node(out, v, indent);
      return;
    case YAML::NodeType::Sequence:
      if (v.size() == 0) {
        out += " []\n";
        return;
      }
      out += '\n';
      emit_node(out, v, indent);
      return;
    default:
      out += " null\n";
  }
}

void emit_node(std::string& out, const YAML::Node& n, int indent) {
  std::string pad(static_cast<size_t>(indent), ' ');
  if (n.IsMap()) {
    bool first = true;
    for (auto it = n.begin(); it != n.end(); ++it) {
      (void)first;
      out += pad + key_text(it->first) + ':';
      emit_value(out, it->second, indent + 2);
      first = false;
    }
  } else if (n.IsSequence()) {
    for (auto it = n.begin(); it != n.end(); ++it) {
      const YAML::Node& item = *it;
      if (item.IsMap() && item.size() > 0) {
        // "- key: value" with the item's other keys aligned under the first.
        std::string nested;
        emit_node(nested, item, indent + 2);
        out += pad + "- " + nested.substr(static_cast<size_t>(indent) + 2);
      } else {
        out += pad + '-';
        emit_value(out, item, indent + 2);
      }
    }
  }
}

}  // namespace

std::string describe_at(const YamlDoc& doc, const YAML::Mark& mark, std::string_view what) {
  if (mark.is_null()) return fmt::format("{}: {}", doc.path.string(), what);
  std::string line = source_line(doc.text, mark.line);
  // yaml-cpp counts bytes; people count characters ("Анна" is 4 columns, not 8).
  std::string before =
      line.substr(0, std::min<size_t>(static_cast<size_t>(mark.column), line.size()));
  size_t column = 0;
  for (unsigned char c : before) column += (c & 0xC0) != 0x80;
  return fmt::format("{}:{}:{}: {}\n  {}\n  {}", doc.path.string(), mark.line + 1, column + 1, what,
                     line, caret_line(line, mark.column));
}

void fail_at(const YamlDoc& doc, const YAML::Node& node, std::string_view what) {
  YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
  std::string text = describe_at(doc, mark, what);
  auto nl = text.find('\n');
  if (nl == std::string::npos) throw Error("{}", text);
  throw Error("{}", text.substr(0, nl)).detail(text.substr(nl + 1));
}

YamlDoc parse_yaml(std::string text, const std::filesystem::path& shown_path) {
  YamlDoc doc{shown_path, std::move(text), {}};
  if (!valid_utf8(doc.text)) {
    size_t line = 0, col = 0, i = 0;
    // Find the first bad byte to point at it.
    for (; i < doc.text.size(); ++i) {
      size_t end = i + 1;
      while (end < doc.text.size() && end - i < 4 &&
             (static_cast<unsigned char>(doc.text[end]) & 0xC0) == 0x80)
        ++end;
      if (!valid_utf8(std::string_view(doc.text).substr(i, end - i))) break;
      if (doc.text[i] == '\n') {
        ++line;
        col = 0;
      } else {
        col += end - i;
      }
      i = end - 1;
    }
    throw Error("{}:{}:{}: the file is not valid UTF-8", shown_path.string(), line + 1, col + 1)
        .hint("save it as UTF-8");
  }
  if (doc.text.find('\0') != std::string::npos)
    throw Error("{}: the file contains a NUL byte", shown_path.string());
  try {
    doc.root = YAML::Load(doc.text);
  } catch (const YAML::ParserException& e) {
    std::string full = describe_at(doc, e.mark, e.msg);
    auto nl = full.find('\n');
    throw Error("{}", full.substr(0, nl)).detail(full.substr(nl + 1));
  }
  return doc;
}

YamlDoc load_yaml_file(const std::filesystem::path& file, const std::filesystem::path& shown) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error("cannot read {}", shown.string()).exit(Exit::failed);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_yaml(std::move(buffer).str(), shown);
}

YAML::Node text_node(std::string_view value) {
  YAML::Node n{std::string(value)};
  n.SetTag(k_text_tag);
  return n;
}

std::string emit_yaml(const YAML::Node& root) {
  std::string out;
  emit_node(out, root, 0);
  return out;
}

}  // namespace tally::core
