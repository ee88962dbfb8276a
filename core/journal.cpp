#include "core/journal.hpp"

#include "core/fsutil.hpp"

#include <charconv>

namespace tally::core {

namespace {

constexpr std::string_view k_head_v1 = "tally-journal 1\n";
constexpr std::string_view k_head = "tally-journal 2\n";
constexpr std::string_view k_end = "end\n";

// Each field is its length in decimal, a newline, the bytes, a newline.
void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += '\n';
  out += field;
  out += '\n';
}

bool get(std::string_view& in, std::string& field) {
  auto nl = in.find('\n');
  if (nl == std::string_view::npos) return false;
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(in.data(), in.data() + nl, n);
  if (ec != std::errc() || end != in.data() + nl || in.size() < nl + 1 + n + 1) return false;
  field.assign(in.substr(nl + 1, n));
  if (in[nl + 1 + n] != '\n') return false;
  in.remove_prefix(nl + 1 + n + 1);
  return true;
}

}  // namespace

void write_journal(const std::filesystem::path& file, const Journal& j) {
  std::string out(k_head);
  put(out, j.message);
  put(out, j.identity ? "1" : "0");
  put(out, j.identity ? j.identity->name : "");
  put(out, j.identity ? j.identity->email : "");
  put(out, j.commit ? "1" : "0");
  put(out, std::to_string(j.changes.size()));
  for (size_t i = 0; i < j.changes.size(); ++i) {
    const Change& c = j.changes[i];
    put(out, c.path.generic_string());
    put(out, c.content ? "W" : "D");
    put(out, c.content ? *c.content : "");
    const auto& old = i < j.before.size() ? j.before[i] : std::nullopt;
    put(out, old ? "W" : "D");
    put(out, old ? *old : "");
  }
  out += k_end;
  write_file_atomic(file, out);
}

std::optional<Journal> read_journal(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return std::nullopt;
  std::string data;
  try {
    data = read_file(file);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  std::string_view in(data);
  bool v1 = in.starts_with(k_head_v1);
  if (!v1 && !in.starts_with(k_head)) return std::nullopt;
  in.remove_prefix(k_head.size());
  Journal j;
  std::string has_identity, name, email, commit, count;
  if (!get(in, j.message) || !get(in, has_identity) || !get(in, name) || !get(in, email) ||
      !get(in, commit) || !get(in, count))
    return std::nullopt;
  j.commit = commit == "1";
  if (has_identity == "1") j.identity = Identity{name, email};
  std::size_t n = 0;
  auto [end, err] = std::from_chars(count.data(), count.data() + count.size(), n);
  if (err != std::errc() || end != count.data() + count.size()) return std::nullopt;
  for (std::size_t i = 0; i < n; ++i) {
    std::string path, kind, content, old_kind, old;
    if (!get(in, path) || !get(in, kind) || !get(in, content)) return std::nullopt;
    if (!v1 && (!get(in, old_kind) || !get(in, old))) return std::nullopt;
    if ((kind != "W" && kind != "D") || (!v1 && old_kind != "W" && old_kind != "D"))
      return std::nullopt;
    j.changes.push_back({path, kind == "W" ? std::optional(std::move(content)) : std::nullopt});
    if (!v1) j.before.push_back(old_kind == "W" ? std::optional(std::move(old)) : std::nullopt);
  }
  if (in != k_end) return std::nullopt;
  return j;
}

std::vector<Change> Journal::undo() const {
  std::vector<Change> out;
  if (before.size() != changes.size()) return out;
  for (size_t i = 0; i < changes.size(); ++i) out.push_back({changes[i].path, before[i]});
  return out;
}

}  // namespace tally::core
