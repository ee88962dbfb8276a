// Display width and case folding come from utf8proc, which tracks the Unicode
// tables; a hand-written table would go stale with the next Unicode release.
#include "core/text.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>

namespace tally::core {

namespace {

int char_width(utf8proc_int32_t cp) {
  if (cp < 0x20 || cp == 0x7f) return 0;
  return std::max(0, utf8proc_charwidth(cp));
}

}  // namespace

std::vector<std::int32_t> code_points(std::string_view s) {
  std::vector<std::int32_t> out;
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // invalid bytes become U+FFFD so callers never loop forever
      cp = 0xFFFD;
      n = 1;
    }
    out.push_back(cp);
    p += n;
    left -= n;
  }
  return out;
}

void append_utf8(std::string& out, std::int32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

bool valid_utf8(std::string_view s) {
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    p += n;
    left -= n;
  }
  return true;
}

int display_width(std::string_view s) {
  int width = 0;
  for (auto cp : code_points(s)) width += char_width(cp);
  return width;
}

std::string truncate_to_width(std::string_view s, int width) {
  if (display_width(s) <= width) return std::string(s);
  std::string out;
  int used = 0;
  for (auto cp : code_points(s)) {
    int w = char_width(cp);
    if (used + w > width - 1) break;
    append_utf8(out, cp);
    used += w;
  }
  return out + "…";
}

std::string to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (auto cp : code_points(s)) append_utf8(out, utf8proc_tolower(cp));
  return out;
}

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    auto pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string shell_quote(const std::string& s) {
  bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("/._-+").find(c) != std::string_view::npos;
  });
  if (plain) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool has_control(std::string_view s, std::string_view allowed) {
  for (auto cp : code_points(s)) {
    bool control = cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
    if (control && !(cp < 0x80 && allowed.find(static_cast<char>(cp)) != std::string_view::npos))
      return true;
  }
  return false;
}

std::string escape_control(std::string_view s, std::string_view keep) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      bool control = c < 0x20 || c == 0x7f;
      if (control && keep.find(static_cast<char>(c)) == std::string_view::npos)
        out += fmt::format("\\x{:02x}", c);
      else
        out += static_cast<char>(c);
      ++i;
      continue;
    }
    // The length of a well-formed sequence starting here, 0 when there is none.
    size_t n = c >= 0xc2 && c <= 0xdf   ? 2
               : c >= 0xe0 && c <= 0xef ? 3
               : c >= 0xf0 && c <= 0xf4 ? 4
                                        : 0;
    if (n && i + n <= s.size() && valid_utf8(s.substr(i, n))) {
      auto cp = code_points(s.substr(i, n)).front();
      if (cp >= 0x80 && cp < 0xa0)
        out += fmt::format("\\u{:04x}", cp);
      else
        out += s.substr(i, n);
      i += n;
    } else {
      out += fmt::format("\\x{:02x}", c);
      ++i;
    }
  }
  return out;
}

int edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: a swap of neighbours ("slaes") costs one, as people mistype.
  auto x = code_points(a), y = code_points(b);
  std::vector<std::vector<int>> d(x.size() + 1, std::vector<int>(y.size() + 1));
  for (size_t i = 0; i <= x.size(); ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= y.size(); ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= x.size(); ++i)
    for (size_t j = 1; j <= y.size(); ++j) {
      int cost = x[i - 1] == y[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[x.size()][y.size()];
}

std::vector<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t max) {
  std::vector<std::pair<int, std::string>> scored;
  std::string lower = to_lower(word);
  for (const auto& c : candidates) {
    int d = edit_distance(lower, to_lower(c));
    int length = static_cast<int>(code_points(word).size());
    int limit = std::max(1, length / 3);
    if (d <= limit || to_lower(c).starts_with(lower)) scored.emplace_back(d, c);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& l, const auto& r) { return l.first < r.first; });
  std::vector<std::string> out;
  for (auto& [d, c] : scored) {
    if (out.size() == max) break;
    out.push_back(c);
  }
  return out;
}

}  // namespace tally::core
