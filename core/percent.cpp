#include "core/percent.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

namespace tally::core {

namespace {

// Removes spaces of the kinds tally accepts from both ends: ASCII, tab, no-break and
// narrow no-break (what tally's Russian output puts before '%').
void trim_spaces(std::string_view& s) {
  for (std::string_view before; before != s;) {
    before = s;
    for (std::string_view sp : {" ", "\t", "\u00a0", "\u202f"}) {
      if (s.starts_with(sp)) s.remove_prefix(sp.size());
      if (s.ends_with(sp)) s.remove_suffix(sp.size());
    }
  }
}

// Why the text is refused, beyond "a percentage such as 20%"; empty when nothing more helps.
std::string refusal(std::string_view text, const PercentKind& kind) {
  if (text.find('.') != std::string_view::npos || text.find(',') != std::string_view::npos)
    return "whole percent only, and a fraction such as 0.2 is not read as 20%";
  if (text.find('-') != std::string_view::npos || text.find("\u2212") != std::string_view::npos)
    return fmt::format("without a minus ({})", kind.range);
  return "";
}

std::string out_of_range(long long value, const PercentKind& kind) {
  return fmt::format("{}%: {}", value, kind.range);
}

}  // namespace

std::optional<long long> read_percent(std::string_view text) {
  std::string_view s = text;
  trim_spaces(s);
  if (s.starts_with('+'))
    s.remove_prefix(1);
  else if (s.starts_with("\u00b1"))
    s.remove_prefix(std::string_view("\u00b1").size());
  if (s.ends_with('%')) s.remove_suffix(1);
  trim_spaces(s);
  if (s.empty() || s.size() > 9) return std::nullopt;
  long long value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

int parse_percent(std::string_view text, std::string_view what, const PercentKind& kind) {
  auto value = read_percent(text);
  if (!value)
    throw Error("{} '{}' is not a percentage", what, text)
        .hint(fmt::format("a whole percentage such as {}{}", kind.example,
                          refusal(text, kind).empty() ? "" : "; " + refusal(text, kind)));
  if (*value > kind.max)
    throw Error("{} {} is out of range", what, text)
        .hint(fmt::format("{}, such as {}", kind.range, kind.example));
  return static_cast<int>(*value);
}

std::optional<int> read_percent(const Reader& r, const YAML::Node& n, std::string_view key,
                                const PercentKind& kind) {
  std::string text = n.IsScalar() ? n.Scalar() : "";
  auto value = n.IsScalar() ? read_percent(text) : std::nullopt;
  if (!value) {
    std::string why = refusal(text, kind);
    r.problems.add(r.doc, n,
                   fmt::format("'{}' must be a percentage such as {}{}", key, kind.example,
                               why.empty() ? "" : ": " + why));
    return std::nullopt;
  }
  if (*value > kind.max) {
    r.problems.add(r.doc, n, fmt::format("'{}' is {}", key, out_of_range(*value, kind)));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

}  // namespace tally::core
