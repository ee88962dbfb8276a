#include "core/ids.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <random>

namespace tally::core {

namespace {
constexpr std::string_view crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string new_id(std::string_view prefix) {
  // std::random_device reads the kernel's getrandom() on Linux.
  static std::random_device device;
  std::uniform_int_distribution<int> digit(0, 31);
  std::string id(prefix);
  for (int i = 0; i < 10; ++i) id += crockford[static_cast<size_t>(digit(device))];
  return id;
}

std::string normalize_task_id(std::string_view typed) {
  std::string s;
  for (char c : trim(typed)) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    s += c;
  }
  if (s.starts_with("T-")) s = s.substr(2);
  for (char& c : s) {
    if (c == 'I' || c == 'L') c = '1';
    if (c == 'O') c = '0';
  }
  return "T-" + s;
}

bool is_task_id(std::string_view s) {
  if (s.size() != 12 || !s.starts_with("T-")) return false;
  return std::all_of(s.begin() + 2, s.end(),
                     [](char c) { return crockford.find(c) != std::string_view::npos; });
}

bool is_task_id_prefix(std::string_view s) {
  if (s.size() > 12 || !s.starts_with("T-")) return false;
  return std::all_of(s.begin() + 2, s.end(),
                     [](char c) { return crockford.find(c) != std::string_view::npos; });
}

bool is_safe_file_name(std::string_view s) {
  if (s.empty() || s.size() > 128 || s.front() == '.') return false;
  if (s.find_first_of("/\\") != std::string_view::npos) return false;
  if (s.find("..") != std::string_view::npos) return false;
  return valid_utf8(s) && !has_control(s);
}

bool is_safe_record_id(std::string_view s) {
  if (!is_safe_file_name(s) || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

bool is_safe_store_path(const std::filesystem::path& relative) {
  if (relative.empty() || !relative.is_relative() || relative.has_root_name()) return false;
  return std::all_of(relative.begin(), relative.end(), [](const std::filesystem::path& part) {
    return is_safe_file_name(part.native());
  });
}

std::vector<std::string> shortest_prefixes(const std::vector<std::string>& ids, size_t head_len,
                                           size_t min_tail) {
  std::vector<size_t> order(ids.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ids[a] < ids[b]; });
  auto common = [](const std::string& a, const std::string& b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    return n;
  };
  std::vector<std::string> out(ids.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const std::string& id = ids[order[k]];
    size_t need = head_len + min_tail;
    if (k > 0) need = std::max(need, common(id, ids[order[k - 1]]) + 1);
    if (k + 1 < order.size()) need = std::max(need, common(id, ids[order[k + 1]]) + 1);
    out[order[k]] = id.substr(0, std::min(need, id.size()));
  }
  return out;
}

std::string shortest_prefix(const std::vector<std::string>& sorted, const std::string& id,
                            size_t head_len, size_t min_tail) {
  auto common = [&](const std::string& other) {
    size_t n = 0;
    while (n < id.size() && n < other.size() && id[n] == other[n]) ++n;
    return n;
  };
  size_t need = head_len + min_tail;
  auto it = std::lower_bound(sorted.begin(), sorted.end(), id);
  if (it != sorted.begin()) need = std::max(need, common(*std::prev(it)) + 1);
  if (it != sorted.end() && *it == id) ++it;
  if (it != sorted.end()) need = std::max(need, common(*it) + 1);
  return id.substr(0, std::min(need, id.size()));
}

std::string resolve_prefix(std::string_view prefix, const std::vector<std::string>& ids,
                           std::string_view what) {
  std::vector<std::string> matches;
  for (const auto& id : ids)
    if (id.starts_with(prefix)) matches.push_back(id);
  if (matches.size() == 1) return matches.front();
  if (matches.empty()) {
    // Compare with IDs cut to the typed length: a typo in a prefix is near its own prefix.
    std::vector<std::string> cut;
    for (const auto& id : ids) cut.push_back(id.substr(0, prefix.size()));
    std::sort(cut.begin(), cut.end());
    cut.erase(std::unique(cut.begin(), cut.end()), cut.end());
    std::vector<std::string> near;
    for (const auto& c : nearest(prefix, cut))
      for (const auto& id : ids)
        if (id.starts_with(c) && near.size() < 3) near.push_back(id);
    if (ids.empty()) throw Error("no {} {}", what, prefix).hint("there are none yet");
    if (near.empty() && ids.size() <= 10)
      throw Error("no {} {}", what, prefix).hint("known: " + join(ids, ", "));
    if (near.empty()) throw Error("no {} {}", what, prefix);
    throw Error("no {} {}", what, prefix).hint("did you mean " + join(near, ", ") + "?");
  }
  std::sort(matches.begin(), matches.end());
  if (matches.size() > 10) {
    matches.resize(10);
    matches.push_back("…");
  }
  throw Error("{} {} is ambiguous", what, prefix)
      .hint("it matches " + join(matches, ", ") + "; type more characters");
}

}  // namespace tally::core
