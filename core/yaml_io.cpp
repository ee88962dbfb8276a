// The emitter is ours rather than YAML::Emitter because the store's promises
// (fixed layout, no wrapping, literal blocks for long text, quoting only where
// a YAML reader would misread a value) need full control of every byte.
//
// Reading checks the limits in two steps before yaml-cpp builds a node: the
// bytes (size, NUL, UTF-8), then one pass of yaml-cpp's event parser that stops
// at the first anchor or alias, too deep a nesting or too many values. The
// event pass costs a second parse of at most 1 MiB and keeps every later walk
// of the tree (validation, the emitter, the cache) linear in the file's size.
#include "core/yaml_io.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <vector>

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

// Text as it may go to a terminal: a tab becomes a space (yaml-cpp counts it as one
// column), control characters and invalid bytes become U+FFFD.
std::string printable(std::string_view s) {
  std::string out;
  for (auto cp : code_points(s)) {
    if (cp == '\t')
      out += ' ';
    else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
      append_utf8(out, 0xFFFD);
    else
      append_utf8(out, cp);
  }
  return out;
}

// The last characters of s that fit in `width` columns, after "…" when cut.
std::string tail_to_width(const std::string& s, int width) {
  if (display_width(s) <= width) return s;
  auto cps = code_points(s);
  size_t first = cps.size();
  int used = 1;  // the "…"
  while (first > 0) {
    std::string one;
    append_utf8(one, cps[first - 1]);
    int w = display_width(one);
    if (used + w > width) break;
    used += w;
    --first;
  }
  std::string out = "…";
  for (size_t i = first; i < cps.size(); ++i) append_utf8(out, cps[i]);
  return out;
}

// "path:line:col: what", then the source line (cut to a window around the column on a
// long line) and a caret under the character. `byte_column` counts bytes, as yaml-cpp does.
std::string describe(const std::filesystem::path& path, std::string_view text, int line,
                     int byte_column, std::string_view what) {
  std::string source = source_line(text, line);
  size_t cut = std::min<size_t>(static_cast<size_t>(std::max(byte_column, 0)), source.size());
  // yaml-cpp counts bytes; people count characters ("Анна" is 4 columns, not 8).
  size_t column = 0;
  for (size_t i = 0; i < cut; ++i) column += (static_cast<unsigned char>(source[i]) & 0xC0) != 0x80;
  constexpr int before_width = 40, after_width = 60;
  std::string before =
      tail_to_width(printable(std::string_view(source).substr(0, cut)), before_width);
  std::string after =
      truncate_to_width(printable(std::string_view(source).substr(cut)), after_width);
  return fmt::format("{}:{}:{}: {}\n  {}{}\n  {}^", printable(path.string()), line + 1, column + 1,
                     printable(what), before, after,
                     std::string(static_cast<size_t>(display_width(before)), ' '));
}

// Throws the Error for a described problem: the first line as the message, the rest as detail.
[[noreturn]] void throw_described(const std::string& full, std::string hint = {}) {
  auto nl = full.find('\n');
  auto e = nl == std::string::npos ? Error("{}", full)
                                   : Error("{}", full.substr(0, nl)).detail(full.substr(nl + 1));
  if (!hint.empty()) throw std::move(e).hint(std::move(hint));
  throw e;
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

// Byte offset of the first NUL byte or malformed UTF-8 sequence (overlong forms,
// surrogates and code points past U+10FFFF included), if there is one.
struct BadByte {
  size_t offset = 0;
  bool nul = false;
};

std::optional<BadByte> first_bad_byte(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return BadByte{i, true};
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t more = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      more = 1;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      more = 2;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      more = 3;
      cp = c & 0x07u;
    } else {
      return BadByte{i, false};
    }
    if (s.size() - i <= more) return BadByte{i, false};
    for (size_t k = 1; k <= more; ++k) {
      auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return BadByte{i, false};
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if ((more == 2 && cp < 0x800) || (more == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return BadByte{i, false};
    i += more + 1;
  }
  return std::nullopt;
}

std::string size_text(std::uintmax_t bytes) {
  constexpr double mib = 1024.0 * 1024.0;
  if (bytes < 2 * 1024 * 1024) return fmt::format("{} KiB", (bytes + 1023) / 1024);
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / mib);
}

[[noreturn]] void throw_too_large(const std::filesystem::path& shown, std::string size) {
  throw Error("{}: the file is too large ({}, the limit is {} MiB)", printable(shown.string()),
              size, YamlLimits::max_bytes >> 20)
      .hint("a store file holds one task, record, plan or list; see LIMITS in tally-store(5)");
}

// Walks yaml-cpp's events before any node is built and throws at the first
// anchor or alias, too deep a nesting, one value too many, text that is not
// UTF-8 once its escapes are read, or a key that is not text, is too long or is
// repeated in its map. Tally never writes such keys; the loaders read keys as
// strings, and a key longer than YAML's 1024 characters could not be read back.
class LimitCheck : public YAML::EventHandler {
 public:
  explicit LimitCheck(const YamlDoc& doc) : m_doc(doc) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    value(mark, anchor, false);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { refuse_alias(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& text) override {
    if (!valid_utf8(text))
      fail(mark, "the text is not valid UTF-8 once its escapes are read", "save it as UTF-8");
    if (value(mark, anchor, true)) key(mark, text);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor, false);
  }
  void OnSequenceEnd() override { m_open.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor, true);
  }
  void OnMapEnd() override { m_open.pop_back(); }

 private:
  struct Open {
    bool map = false;
    bool next_is_key = true;          // in a map: keys and values alternate
    std::map<std::string, int> keys;  // in a map: each key and its line
  };
  const YamlDoc& m_doc;
  std::vector<Open> m_open;  // the maps and lists around the current value
  std::size_t m_values = 0;

  [[noreturn]] void fail(const YAML::Mark& mark, std::string_view what, std::string hint) const {
    throw_described(describe_at(m_doc, mark, what), std::move(hint));
  }
  [[noreturn]] void refuse_alias(const YAML::Mark& mark) const {
    fail(mark, "anchors and aliases (&name, *name) are not allowed in a store file",
         "write the value out in full");
  }
  // Counts a value; true when it is a key of the map it is in.
  bool value(const YAML::Mark& mark, YAML::anchor_t anchor, bool is_text) {
    if (anchor != YAML::NullAnchor) refuse_alias(mark);
    if (++m_values > YamlLimits::max_values)
      fail(mark, fmt::format("the file has more than {} values", YamlLimits::max_values),
           "see LIMITS in tally-store(5)");
    if (!m_open.empty() && m_open.back().map) {
      bool key = m_open.back().next_is_key;
      m_open.back().next_is_key = !key;
      if (key && !is_text)
        fail(mark, "a key must be text, not a list, a map or null",
             "quote the key if it is meant as text");
      return key;
    }
    return false;
  }
  void key(const YAML::Mark& mark, const std::string& text) {
    if (text.size() > YamlLimits::max_key_bytes)
      fail(mark, fmt::format("a key is longer than {} bytes", YamlLimits::max_key_bytes),
           "see LIMITS in tally-store(5)");
    auto [it, added] = m_open.back().keys.emplace(text, mark.line + 1);
    if (!added)
      fail(mark, fmt::format("the key '{}' is repeated (first on line {})", text, it->second),
           "keep one of them");
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor, bool map) {
    value(mark, anchor, false);
    m_open.push_back({map, true, {}});
    if (m_open.size() > static_cast<size_t>(YamlLimits::max_depth))
      fail(mark, fmt::format("lists and maps are nested more than {} deep", YamlLimits::max_depth),
           "see LIMITS in tally-store(5)");
  }
};

// Whether a loaded tree is plainly within every limit, so that the event pass
// (which finds the first problem, with its place) need not parse the file a
// second time: a cold read of 100 000 task files costs half as much. It says no
// to anything near a limit, and to any '&' or '*' in the text, since an anchor
// or alias leaves no trace in the tree; the event pass then decides.
class PlainCheck {
 public:
  bool operator()(const YamlDoc& doc) {
    if (doc.text.find_first_of("&*") != std::string::npos) return false;
    return plain(doc.root, 1);
  }

 private:
  std::size_t m_values = 0;

  bool plain(const YAML::Node& n, int depth) {
    if (++m_values > YamlLimits::max_values / 2) return false;
    if (n.IsScalar()) return valid_utf8(n.Scalar());
    if (n.IsNull()) return true;
    if (depth > YamlLimits::max_depth / 2 || n.size() > 64) return false;
    if (n.IsSequence()) {
      for (const auto& item : n)
        if (!plain(item, depth + 1)) return false;
      return true;
    }
    std::vector<std::string_view> keys;
    for (const auto& kv : n) {
      if (!kv.first.IsScalar() || kv.first.Scalar().size() > YamlLimits::max_key_bytes)
        return false;
      std::string_view key = kv.first.Scalar();
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) return false;
      keys.push_back(key);
      ++m_values;
      if (!plain(kv.first, depth + 1) || !plain(kv.second, depth + 1)) return false;
    }
    return true;
  }
};

}  // namespace

std::string describe_at(const YamlDoc& doc, const YAML::Mark& mark, std::string_view what) {
  if (mark.is_null()) return fmt::format("{}: {}", printable(doc.path.string()), what);
  return describe(doc.path, doc.text, mark.line, mark.column, what);
}

void fail_at(const YamlDoc& doc, const YAML::Node& node, std::string_view what) {
  YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
  throw_described(describe_at(doc, mark, what));
}

bool is_conflict_marker(std::string_view line) {
  for (std::string_view m : {"<<<<<<<", "|||||||", ">>>>>>>"})
    if (line.starts_with(m) && (line.size() == 7 || line[7] == ' ')) return true;
  return line == "=======";
}

YamlDoc parse_yaml(std::string text, const std::filesystem::path& shown_path) {
  if (text.size() > YamlLimits::max_bytes) throw_too_large(shown_path, size_text(text.size()));
  YamlDoc doc{shown_path, std::move(text), {}};
  if (auto bad = first_bad_byte(doc.text)) {
    std::string_view all(doc.text);
    size_t line_start = all.rfind('\n', bad->offset == 0 ? 0 : bad->offset - 1);
    line_start = line_start == std::string_view::npos || bad->offset == 0 ? 0 : line_start + 1;
    auto line = static_cast<int>(
        std::count(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(line_start), '\n'));
    auto column = static_cast<int>(bad->offset - line_start);
    if (bad->nul)
      throw_described(describe(shown_path, all, line, column, "the file contains a NUL byte"),
                      "a store file is text; remove the byte or restore the file from git");
    throw_described(describe(shown_path, all, line, column, "the file is not valid UTF-8"),
                    "save it as UTF-8");
  }
  try {
    doc.root = YAML::Load(doc.text);
    if (PlainCheck()(doc)) return doc;
  } catch (const YAML::Exception&) {
    // The event pass below reports it, or a problem before it, with its place.
  }
  try {
    std::istringstream in(doc.text);
    YAML::Parser parser(in);
    LimitCheck check(doc);
    parser.HandleNextDocument(check);
    doc.root = YAML::Load(doc.text);
  } catch (const YAML::ParserException& e) {
    // A merge left half-done says so, not "illegal map value".
    int n = 0;
    for (size_t at = 0; at <= doc.text.size(); ++n) {
      size_t end = doc.text.find('\n', at);
      if (end == std::string::npos) end = doc.text.size();
      if (is_conflict_marker(std::string_view(doc.text).substr(at, end - at)))
        throw_described(describe(shown_path, doc.text, n, 0, "unresolved git conflict marker"),
                        "finish the merge: keep the right lines, delete the markers, then run "
                        "'tally check'");
      at = end + 1;
    }
    throw_described(describe_at(doc, e.mark, e.msg));
  }
  return doc;
}

YamlDoc load_yaml_file(const std::filesystem::path& file, const std::filesystem::path& shown) {
  // A size from stat refuses a huge file unread; the bounded read below covers a
  // file that grows meanwhile, or one (a pipe, a device) whose size stat cannot tell.
  std::error_code ec;
  if (auto size = std::filesystem::file_size(file, ec); !ec && size > YamlLimits::max_bytes)
    throw_too_large(shown, size_text(size));
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error("cannot read {}", printable(shown.string())).exit(Exit::failed);
  std::string text;
  char chunk[1 << 16];
  while (in && text.size() <= YamlLimits::max_bytes) {
    in.read(chunk, sizeof chunk);
    text.append(chunk, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) throw Error("cannot read {}", printable(shown.string())).exit(Exit::failed);
  if (text.size() > YamlLimits::max_bytes)
    throw_too_large(shown, "more than " + size_text(YamlLimits::max_bytes));
  return parse_yaml(std::move(text), shown);
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
