#include "core/money.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <limits>

namespace tally::core {

namespace {

[[noreturn]] void bad_amount(std::string_view text) {
  throw Error("cannot read the amount '{}'", text)
      .hint("write it as 12000000, 12 000 000,50 or 12,000,000.50");
}

}  // namespace

Money Money::parse(std::string_view text) {
  std::string s;
  // Drop group spaces: ASCII space, no-break space U+00A0, narrow no-break U+202F, thin U+2009.
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '\t') continue;
    if (text.compare(i, 2, "\u00A0") == 0) {
      ++i;
      continue;
    }
    if (text.compare(i, 3, "\u202F") == 0 || text.compare(i, 3, "\u2009") == 0) {
      i += 2;
      continue;
    }
    s += text[i];
  }
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.erase(0, 1);
  }
  if (s.empty()) bad_amount(text);
  // The decimal separator is the last '.' or ',' when followed by one or two digits
  // only; otherwise commas and points are group separators ("12,000,000").
  size_t sep = s.find_last_of(".,");
  std::string whole = s, frac;
  if (sep != std::string::npos) {
    size_t tail = s.size() - sep - 1;
    bool is_decimal = tail > 0 && tail <= 2;
    if (tail == 3 && s[sep] == '.' && s.find(',') == std::string::npos && s.find('.') == sep) {
      bad_amount(text);  // "1.234" is ambiguous: a thousand or one and a fraction
    }
    if (is_decimal) {
      whole = s.substr(0, sep);
      // The decimal separator cannot also group digits ("12.345.6").
      if (whole.find(s[sep]) != std::string::npos) bad_amount(text);
      frac = s.substr(sep + 1);
    } else if (tail > 3) {
      bad_amount(text);
    }
    // Remaining separators must group digits by three.
    std::string digits;
    size_t group = 0;
    bool grouped = false;
    for (size_t i = whole.size(); i-- > 0;) {
      char c = whole[i];
      if (c == ',' || c == '.') {
        if (group != 3) bad_amount(text);
        grouped = true;
        group = 0;
        continue;
      }
      digits.insert(digits.begin(), c);
      ++group;
    }
    if (grouped && group > 3) bad_amount(text);
    whole = digits;
  }
  if (whole.empty() && frac.empty()) bad_amount(text);
  std::int64_t value = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') bad_amount(text);
    if (value > (std::numeric_limits<std::int64_t>::max() - 9) / 10 / 100)
      throw Error("the amount '{}' is too large", text);
    value = value * 10 + (c - '0');
  }
  value *= 100;
  for (size_t i = 0; i < frac.size(); ++i) {
    char c = frac[i];
    if (c < '0' || c > '9') bad_amount(text);
    value += (c - '0') * (i == 0 ? 10 : 1);
  }
  return Money{negative ? -value : value};
}

std::string Money::to_string() const {
  std::int64_t v = cents < 0 ? -cents : cents;
  return fmt::format("{}{}.{:02}", cents < 0 ? "-" : "", v / 100, v % 100);
}

std::string Money::to_human() const {
  std::int64_t v = cents < 0 ? -cents : cents;
  std::string whole = std::to_string(v / 100), grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ' ';
    grouped += whole[i];
  }
  std::string out = (cents < 0 ? "-" : "") + grouped;
  if (v % 100) out += fmt::format(",{:02}", v % 100);
  return out;
}

}  // namespace tally::core
