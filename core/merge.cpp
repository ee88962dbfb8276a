// The merge works on the parsed YAML trees, not on lines: each top-level key
// is merged against the base on its own (recursively for maps such as a
// record's `fields`), and the result goes through the task or record parser
// and writer, so it is valid and canonical or it is not used at all. A
// conflict is resolved twice, once for each side; both texts are written
// canonically and cut into top-level blocks, and the markers go around the
// blocks of the conflicting keys only.
#include "core/merge.hpp"

#include "core/error.hpp"
#include "core/fsutil.hpp"
#include "core/process.hpp"
#include "core/records.hpp"
#include "core/replay.hpp"
#include "core/task.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <set>

namespace tally::core {

namespace {

namespace fs = std::filesystem;
using Value = std::optional<YAML::Node>;  // nullopt: the key is absent

// What kind of file `path` is, judged by where it lies: tasks/YYYY/MM/<ID>.yaml
// or <folder>/<ID>.yaml for a record kind. The store may sit in a sub-folder.
struct FileKind {
  bool task = true;
  RecordKind record = RecordKind::deal;
};

std::optional<FileKind> kind_of(const std::string& path) {
  if (path.empty()) return FileKind{};
  fs::path p(path);
  if (p.extension() != ".yaml") return std::nullopt;
  fs::path folder = p.parent_path();
  if (folder.parent_path().parent_path().filename() == "tasks") return FileKind{};
  for (RecordKind k : all_record_kinds)
    if (folder.filename() == kind_folder(k)) return FileKind{false, k};
  return std::nullopt;
}

bool same_node(const YAML::Node& a, const YAML::Node& b) {
  if (a.Type() != b.Type()) return false;
  if (a.IsScalar()) return a.Scalar() == b.Scalar();
  if (!a.IsSequence() && !a.IsMap()) return true;
  if (a.size() != b.size()) return false;
  auto i = a.begin(), j = b.begin();
  for (; i != a.end() && j != b.end(); ++i, ++j) {
    if (a.IsSequence()) {
      if (!same_node(*i, *j)) return false;
    } else if (i->first.Scalar() != j->first.Scalar() || !same_node(i->second, j->second)) {
      return false;
    }
  }
  return true;
}

bool same(const Value& a, const Value& b) {
  if (!a || !b) return !a && !b;
  return same_node(*a, *b);
}

Value lookup(const YAML::Node& map, const std::string& key) {
  if (!map.IsMap()) return std::nullopt;
  for (const auto& kv : map)
    if (kv.first.Scalar() == key) return kv.second;
  return std::nullopt;
}

std::vector<YAML::Node> items(const Value& v) {
  std::vector<YAML::Node> out;
  if (v && v->IsSequence())
    for (const auto& item : *v) out.push_back(item);
  return out;
}

bool contains(const std::vector<YAML::Node>& list, const YAML::Node& x) {
  return std::any_of(list.begin(), list.end(), [&](const auto& y) { return same_node(x, y); });
}

// Absent, or a list whose items satisfy `pred`.
template <typename Pred>
bool list_of(const Value& v, Pred pred) {
  if (!v) return true;
  if (!v->IsSequence()) return false;
  return std::all_of(v->begin(), v->end(), pred);
}

YAML::Node sequence(const std::vector<YAML::Node>& list) {
  YAML::Node out(YAML::NodeType::Sequence);
  for (const auto& x : list) out.push_back(YAML::Clone(x));
  return out;
}

// A checklist item's identity: its text.
std::string item_key(const YAML::Node& item) {
  Value text = lookup(item, "text");
  return text && text->IsScalar() ? text->Scalar() : std::string{};
}

class Merger {
 public:
  Merger(const Zone& zone, bool prefer_theirs) : m_zone(zone), m_prefer_theirs(prefer_theirs) {}

  // Merges two versions of a map against the base, key by key.
  YAML::Node map(const std::string& prefix, const Value& b, const Value& o, const Value& t) {
    std::vector<std::string> keys;
    for (const Value* v : {&o, &t, &b})
      if (*v && (*v)->IsMap())
        for (const auto& kv : **v)
          if (std::find(keys.begin(), keys.end(), kv.first.Scalar()) == keys.end())
            keys.push_back(kv.first.Scalar());
    YAML::Node out(YAML::NodeType::Map);
    for (const auto& key : keys) {
      if (prefix.empty()) m_top = key;
      Value v = value(prefix + key, b ? lookup(*b, key) : std::nullopt,
                      o ? lookup(*o, key) : std::nullopt, t ? lookup(*t, key) : std::nullopt);
      if (v) out[key] = YAML::Clone(*v);
    }
    return out;
  }

  const std::vector<std::string>& conflicts() const { return m_conflicts; }
  const std::set<std::string>& conflict_keys() const { return m_conflict_keys; }

 private:
  Value value(const std::string& name, const Value& b, const Value& o, const Value& t) {
    if (name == "log") return log_union(b, o, t);
    if (same(o, t) || same(b, t)) return o;
    if (same(b, o)) return t;
    auto scalar = [](const YAML::Node& n) { return n.IsScalar(); };
    auto keyed = [](const YAML::Node& n) { return n.IsMap() && !item_key(n).empty(); };
    if (list_of(b, scalar) && list_of(o, scalar) && list_of(t, scalar) && (o || t))
      return set_merge(b, o, t);
    if (name == "checklist" && list_of(b, keyed) && list_of(o, keyed) && list_of(t, keyed))
      return checklist_merge(b, o, t);
    if (o && t && o->IsMap() && t->IsMap() && (!b || b->IsMap())) return map(name + ".", b, o, t);
    m_conflicts.push_back(name);
    m_conflict_keys.insert(m_top);
    return m_prefer_theirs ? t : o;
  }

  // Additions and removals of both sides, in our order, then their additions.
  static Value set_merge(const Value& b, const Value& o, const Value& t) {
    auto base = items(b), ours = items(o), theirs = items(t);
    std::vector<YAML::Node> out;
    for (const auto& x : ours)
      if (!(contains(base, x) && !contains(theirs, x)) && !contains(out, x)) out.push_back(x);
    for (const auto& x : theirs)
      if (!contains(base, x) && !contains(out, x)) out.push_back(x);
    return sequence(out);
  }

  // Items are matched by their text; each is merged like a map. A removal
  // wins over the other side leaving the item as it was, not over a change.
  Value checklist_merge(const Value& b, const Value& o, const Value& t) {
    auto base = items(b), ours = items(o), theirs = items(t);
    auto find = [](const std::vector<YAML::Node>& list, const std::string& key) -> Value {
      for (const auto& x : list)
        if (item_key(x) == key) return x;
      return std::nullopt;
    };
    std::vector<YAML::Node> out;
    for (const auto& x : ours) {
      std::string key = item_key(x);
      Value in_base = find(base, key), in_theirs = find(theirs, key);
      if (in_base && !in_theirs) {
        if (same_node(*in_base, x)) continue;  // they removed it, we left it alone
        out.push_back(x);
        continue;
      }
      out.push_back(map("checklist[" + key + "].", in_base, x, in_theirs));
    }
    for (const auto& x : theirs) {
      std::string key = item_key(x);
      Value in_base = find(base, key);
      if (find(ours, key)) continue;
      if (!in_base || !same_node(*in_base, x)) out.push_back(x);
    }
    return sequence(out);
  }

  // Every entry of either side once, oldest first; entries of one time keep
  // their order (ours before theirs). The log only grows, so nothing is removed.
  Value log_union(const Value& b, const Value& o, const Value& t) {
    std::vector<YAML::Node> all;
    for (const Value* v : {&o, &t, &b})
      for (const auto& x : items(*v))
        if (!contains(all, x)) all.push_back(x);
    if (all.empty() && !o && !t) return std::nullopt;
    auto at = [this](const YAML::Node& e) {
      Value v = lookup(e, "at");
      return v && v->IsScalar() ? parse_timestamp(v->Scalar(), m_zone) : Instant{};
    };
    // Indices are sorted, not nodes: assigning to a YAML::Node overwrites the node it refers to.
    std::vector<Instant> when;
    for (const auto& e : all) when.push_back(at(e));
    std::vector<size_t> order(all.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return when[x] < when[y]; });
    std::vector<YAML::Node> sorted;
    for (size_t i : order) sorted.push_back(all[i]);
    return sequence(sorted);
  }

  const Zone& m_zone;
  bool m_prefer_theirs;
  std::string m_top;
  std::vector<std::string> m_conflicts;
  std::set<std::string> m_conflict_keys;
};

bool has_markers(const std::string& text) {
  for (auto line : split(text, '\n'))
    for (std::string_view m : {"<<<<<<<", "=======", ">>>>>>>", "|||||||"})
      if (line.starts_with(m)) return true;
  return false;
}

// The name messages and the ID check use: the real path, else <id>.yaml.
fs::path shown_path(const std::string& path, const YAML::Node& root) {
  if (!path.empty()) return path;
  Value id = lookup(root, "id");
  return fs::path(id && id->IsScalar() ? id->Scalar() + ".yaml" : "task.yaml");
}

// The text in tally's own form when it is a valid file of that kind.
std::optional<std::string> canonical(const std::string& text, const fs::path& shown,
                                     const FileKind& kind, const Zone& zone) {
  try {
    YamlDoc doc = parse_yaml(text, shown);
    if (kind.task) return task_to_yaml(parse_task(doc, zone));
    return record_to_yaml(parse_record(doc, kind.record, zone));
  } catch (const Error&) {
    return std::nullopt;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

// The parsed tree of one side, when it is a valid file; an empty base is an empty map.
Value read_side(const std::string& text, const std::string& path, const FileKind& kind,
                const Zone& zone, bool may_be_empty) {
  if (may_be_empty && trim(text).empty()) return YAML::Node(YAML::NodeType::Map);
  if (has_markers(text)) return std::nullopt;
  try {
    YamlDoc doc = parse_yaml(text, path.empty() ? fs::path("task.yaml") : fs::path(path));
    if (!canonical(text, shown_path(path, doc.root), kind, zone)) return std::nullopt;
    return doc.root;
  } catch (const Error&) {
    return std::nullopt;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

// A canonical text cut into its top-level keys: each block is a key's first
// line and the indented lines under it.
std::vector<std::pair<std::string, std::string>> blocks(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    end = end == std::string::npos ? text.size() : end + 1;
    std::string line = text.substr(pos, end - pos);
    if (out.empty() || (!line.empty() && line[0] != ' ' && line[0] != '-' && line[0] != '\n'))
      out.emplace_back(line.substr(0, line.find(':')), line);
    else
      out.back().second += line;
    pos = end;
  }
  return out;
}

// Our text with each conflicting key's block replaced by both versions between markers.
std::string with_markers(const std::string& ours, const std::string& theirs,
                         const std::set<std::string>& conflicting) {
  auto mine = blocks(ours), other = blocks(theirs);
  auto find = [](const auto& list, const std::string& key) {
    return std::find_if(list.begin(), list.end(), [&](const auto& b) { return b.first == key; });
  };
  // Our keys in order, with keys only they have after the key before them in their text.
  std::vector<std::string> order;
  for (const auto& b : mine) order.push_back(b.first);
  for (size_t i = 0; i < other.size(); ++i) {
    if (std::find(order.begin(), order.end(), other[i].first) != order.end()) continue;
    auto after = order.begin();
    if (i > 0) {
      after = std::find(order.begin(), order.end(), other[i - 1].first);
      if (after != order.end()) ++after;
    }
    order.insert(after, other[i].first);
  }
  std::string out;
  for (const auto& key : order) {
    auto m = find(mine, key), t = find(other, key);
    if (!conflicting.count(key)) {
      out += m != mine.end() ? m->second : t->second;
      continue;
    }
    out += "<<<<<<< ours\n";
    if (m != mine.end()) out += m->second;
    out += "=======\n";
    if (t != other.end()) out += t->second;
    out += ">>>>>>> theirs\n";
  }
  return out;
}

}  // namespace

namespace {

// A task's merged text settled by its log; the keys the replay decides leave `conflicting`.
std::optional<std::string> settled(const std::string& text, const fs::path& shown,
                                   const Zone& zone, const People& people,
                                   std::set<std::string>* conflicting) {
  try {
    Task t = parse_task(parse_yaml(text, shown), zone);
    Task s = settle(t, people);
    if (conflicting) {
      for (const char* key : {"status", "responsible", "deadline", "result"})
        conflicting->erase(key);
      // A free-text field is the log's once an edit has logged it.
      for (const char* key : {"title", "priority", "description"})
        if (std::any_of(s.log.begin(), s.log.end(), [&](const LogEntry& e) {
              return e.event == "edited" &&
                     std::any_of(e.data.begin(), e.data.end(),
                                 [&](const auto& kv) { return kv.first == key; });
            }))
          conflicting->erase(key);
    }
    return task_to_yaml(s);
  } catch (const Error&) {
    return std::nullopt;
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::optional<MergeResult> merge_texts(const std::string& base, const std::string& ours,
                                       const std::string& theirs, const std::string& path,
                                       const Zone& zone, const People* people) {
  auto kind = kind_of(path);
  if (!kind) return std::nullopt;
  Value b = read_side(base, path, *kind, zone, true);
  Value o = read_side(ours, path, *kind, zone, false);
  Value t = read_side(theirs, path, *kind, zone, false);
  if (!b || !o || !t) return std::nullopt;

  Merger prefer_ours(zone, false);
  YAML::Node merged = prefer_ours.map("", b, o, t);
  fs::path shown = shown_path(path, merged);
  auto text = canonical(emit_yaml(merged), shown, *kind, zone);
  if (!text) return std::nullopt;
  std::set<std::string> keys = prefer_ours.conflict_keys();
  bool by_log = kind->task && people;
  if (by_log && !(text = settled(*text, shown, zone, *people, &keys))) return std::nullopt;
  MergeResult result{*text, {}, false};
  for (const auto& name : prefer_ours.conflicts())
    if (keys.count(name.substr(0, name.find('.')))) result.conflicts.push_back(name);
  if (result.clean()) return result;

  Merger prefer_theirs(zone, true);
  auto their_text = canonical(emit_yaml(prefer_theirs.map("", b, o, t)), shown, *kind, zone);
  if (their_text && by_log) their_text = settled(*their_text, shown, zone, *people, nullptr);
  if (!their_text) return std::nullopt;
  result.text = with_markers(*text, *their_text, keys);
  return result;
}

MergeResult merge_files(const fs::path& base, const fs::path& ours, const fs::path& theirs,
                        const std::string& path, const Zone& zone, const People* people) {
  auto merged =
      merge_texts(read_file(base), read_file(ours), read_file(theirs), path, zone, people);
  if (merged) {
    write_file_atomic(ours, merged->text);
    return *merged;
  }
  // Not a file tally can read on all three sides: git's own merge, line by line.
  std::string label = path.empty() ? ours.filename().string() : path;
  auto r = run_process({"git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
                        ours.string(), base.string(), theirs.string()},
                       fs::current_path());
  if (r.status < 0 || r.status > 127)
    throw Error("git merge-file could not merge {}", label).detail(r.err).exit(Exit::failed);
  MergeResult result{read_file(ours), {}, true};
  if (r.status != 0) result.conflicts.push_back(label);
  return result;
}

}  // namespace tally::core
