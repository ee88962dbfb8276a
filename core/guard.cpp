// One commit judged against its parents, from git's objects only (a bare repository has no
// work tree). A task file's log is compared with the union of its parents' logs: what was
// there stays, unchanged but for a `rejected` mark that the replay of the new log calls for;
// what is new is the author's own and allowed by the rules at its point (a merge adds
// nothing of its own); the fields are what the log leads to. The store's control files
// (people.yaml, tally.yaml, plans/) change only by a head of the parent's people.yaml.
#include "core/guard.hpp"

#include "core/error.hpp"
#include "core/guard_git.hpp"
#include "core/lifecycle.hpp"
#include "core/recur.hpp"
#include "core/replay.hpp"
#include "core/settings.hpp"
#include "core/text.hpp"
#include "core/yaml_io.hpp"

#include <algorithm>
#include <set>

namespace tally::core {

namespace {

bool has_key(const LogEntry& e, std::string_view key) {
  return std::any_of(e.data.begin(), e.data.end(), [&](const auto& kv) { return kv.first == key; });
}

LogEntry without_mark(LogEntry e) {
  std::erase_if(e.data, [](const auto& kv) { return kv.first == "rejected"; });
  return e;
}

// Values are the same when they mean the same: quoting is not a change.
bool same_value(const LogValue& a, const LogValue& b) {
  if (a.Type() != b.Type() || a.Scalar() != b.Scalar()) return false;
  if (a.Type() != YAML::NodeType::Map && a.Type() != YAML::NodeType::Sequence) return true;
  return emit_yaml(a.node()) == emit_yaml(b.node());
}

bool same_entry(const LogEntry& a, const LogEntry& b) {
  if (a.at.text != b.at.text || a.by != b.by || a.event != b.event) return false;
  if (a.data.size() != b.data.size()) return false;
  for (size_t i = 0; i < a.data.size(); ++i)
    if (a.data[i].first != b.data[i].first || !same_value(a.data[i].second, b.data[i].second))
      return false;
  return true;
}

enum class Match { none, same, marked };

// `later` is `earlier` unchanged, or with only a `rejected` mark added (settled by a merge).
Match compare(const LogEntry& earlier, const LogEntry& later) {
  if (same_entry(earlier, later)) return Match::same;
  if (!has_key(earlier, "rejected") && has_key(later, "rejected") &&
      same_entry(earlier, without_mark(later)))
    return Match::marked;
  return Match::none;
}

std::string shown(std::string_view s) {
  if (s.empty()) return "(none)";
  std::string line(s.substr(0, s.find('\n')));
  std::string cut = truncate_to_width(line, 40);
  return cut == s ? cut : "'" + cut + (cut == line ? "…'" : "'");
}

struct Field {
  const char* name;
  std::string (*value)(const Task&);
};

std::string join_list(const std::vector<std::string>& v) {
  return join(v, ", ");
}

// What the log decides (replay.hpp), in derived_differences' names.
const std::vector<Field> derived_fields{
    {"status", [](const Task& t) { return std::string(status_name(t.status)); }},
    {"responsible", [](const Task& t) { return t.responsible; }},
    {"deadline", [](const Task& t) { return t.deadline ? t.deadline->text : std::string(); }},
    {"result", [](const Task& t) { return t.result; }},
    {"title", [](const Task& t) { return t.title; }},
    {"priority", [](const Task& t) { return t.priority; }},
    {"description", [](const Task& t) { return t.description; }},
};

// Set when the task is made; no command changes them.
const std::vector<Field> fixed_fields{
    {"id", [](const Task& t) { return t.id; }},
    {"creator", [](const Task& t) { return t.creator; }},
    {"created", [](const Task& t) { return t.created.text; }},
    {"link", [](const Task& t) { return t.link; }},
    {"group", [](const Task& t) { return t.group; }},
    {"recur", [](const Task& t) { return t.recur; }},
    {"review", [](const Task& t) { return std::string(t.review ? "true" : "false"); }},
};

// Changed by `task edit` (an `edited` entry names them) and a few other logged events. The
// derived ones among them (pinned_by_log) a replay takes from the file until an entry sets
// them: a change of one needs its entry.
const std::vector<Field> logged_fields{
    {"title", [](const Task& t) { return t.title; }},
    {"priority", [](const Task& t) { return t.priority; }},
    {"description", [](const Task& t) { return t.description; }},
    {"responsible", [](const Task& t) { return t.responsible; }},
    {"deadline", [](const Task& t) { return t.deadline ? t.deadline->text : std::string(); }},
    {"participants", [](const Task& t) { return join_list(t.participants); }},
    {"observers", [](const Task& t) { return join_list(t.observers); }},
    {"tags", [](const Task& t) { return join_list(t.tags); }},
    {"checklist",
     [](const Task& t) {
       std::string s;
       for (const auto& c : t.checklist) s += (c.done ? "[x] " : "[ ] ") + c.text + "\n";
       return s;
     }},
    {"may_move_deadline",
     [](const Task& t) { return std::string(t.may_move_deadline ? "true" : "false"); }},
    {"result_required",
     [](const Task& t) { return std::string(t.result_required ? "true" : "false"); }},
};

// The fields a replay takes from the file until an entry sets them; once one does, the replay
// pins the value (an edit's value, the first reassignment's or deadline move's `from`).
bool pinned_by_log(std::string_view field) {
  for (std::string_view f : {"responsible", "deadline", "title", "priority", "description"})
    if (field == f) return true;
  return false;
}

bool logs_field(const LogEntry& e, std::string_view field) {
  if (field == "title" || field == "priority" || field == "description")
    return e.event == "edited" && has_key(e, field);
  if (e.event == "edited")
    for (const auto& f : split(e.get("fields"), ','))
      if (trim(f) == field) return true;
  if (field == "checklist") return e.event == "checked" || e.event == "unchecked";
  if (field == "responsible" && e.event == "created") return has_key(e, "to");
  if (field == "participants" || field == "responsible") return e.event == "reassigned";
  if (field == "deadline") return e.event == "deadline";
  return false;
}

bool is_control_file(std::string_view rel) {
  return rel == "people.yaml" || rel == "tally.yaml" || rel.starts_with("plans/");
}

bool is_task_file(std::string_view rel) {
  return rel.starts_with("tasks/") && rel.ends_with(".yaml");
}

// A task file at one revision: absent, unreadable (with why), or read.
struct Version {
  bool exists = false;
  std::string text;
  std::optional<Task> task;
  std::string error;
};

Version version_of(const std::optional<std::string>& blob, const std::string& rel,
                   const Zone& zone) {
  Version v;
  if (!blob) return v;
  v.exists = true;
  v.text = *blob;
  try {
    v.task = parse_task(parse_yaml(*blob, rel), zone);
  } catch (const Error& e) {
    v.error = e.what();
  }
  return v;
}

std::optional<People> people_of(const std::optional<std::string>& blob) {
  if (!blob) return std::nullopt;
  try {
    return parse_people(parse_yaml(*blob, "people.yaml"));
  } catch (const Error&) {
    return std::nullopt;
  }
}

bool has_head(const People& people) {
  return std::any_of(people.list.begin(), people.list.end(),
                     [](const Person& p) { return p.role == "head" && p.active; });
}

class Judge {
 public:
  Judge(const Git& git, const CommitInfo& c, const std::string& prefix, AuditReport& report)
      : m_git(git), m_c(c), m_prefix(prefix), m_report(report) {}

  void run() {
    bool merge = m_c.parents.size() > 1;
    std::vector<std::string> files = changed_files();
    std::vector<std::string> specs{own("tally.yaml"), own("people.yaml")};
    for (const auto& p : m_c.parents) specs.push_back(p + ":" + m_prefix + "people.yaml");
    for (const auto& f : files) {
      specs.push_back(m_c.hash + ":" + f);
      for (const auto& p : m_c.parents) specs.push_back(p + ":" + f);
    }
    auto blobs = read_blobs(m_git, specs);
    read_settings(blobs[0]);
    auto own_people = people_of(blobs[1]);
    auto parent_people = m_c.parents.empty() ? std::nullopt : people_of(blobs[2]);
    // Before the first head there is nobody to ask: the store is being set up.
    m_bootstrap = !parent_people || !has_head(*parent_people);
    m_parent_people = parent_people.value_or(People{});
    m_people = merge || m_bootstrap ? own_people.value_or(People{}) : m_parent_people;
    m_author = m_people.find_by_email(m_c.email);
    size_t at = 2 + m_c.parents.size();
    for (const auto& f : files) {
      std::string rel = f.substr(m_prefix.size());
      std::optional<std::string> after = blobs[at++];
      std::vector<std::optional<std::string>> before;
      for (size_t i = 0; i < m_c.parents.size(); ++i) before.push_back(blobs[at++]);
      if (is_control_file(rel))
        control_file(f);
      else if (is_task_file(rel))
        task_file(f, rel, after, before);
    }
  }

 private:
  std::string own(const std::string& rel) const { return m_c.hash + ":" + m_prefix + rel; }

  void add(const std::string& file, const char* rule, std::string message) {
    m_report.findings.push_back({m_c.hash.substr(0, 10), m_c.date,
                                 fmt::format("{} <{}>", m_c.name, m_c.email), file,
                                 std::move(message), rule});
  }

  // The files of the store that differ from every parent (a merge's own doing).
  std::vector<std::string> changed_files() const {
    std::vector<std::string> parents = m_c.parents;
    if (parents.empty()) parents.emplace_back();
    std::optional<std::set<std::string>> common;
    for (const auto& p : parents) {
      auto changed = changed_paths(m_git, p, m_c.hash, m_prefix);
      std::set<std::string> these(changed.begin(), changed.end());
      if (!common) {
        common = std::move(these);
        continue;
      }
      std::erase_if(*common, [&](const std::string& f) { return !these.count(f); });
    }
    return common ? std::vector<std::string>(common->begin(), common->end())
                  : std::vector<std::string>{};
  }

  void read_settings(const std::optional<std::string>& blob) {
    m_zone = Zone::locate("UTC");
    if (!blob) return;
    try {
      Settings s = parse_settings(parse_yaml(*blob, "tally.yaml"));
      m_calendar = s.calendar;
      m_zone = Zone::locate(s.timezone);
    } catch (const Error&) {
      // A broken tally.yaml is `tally check`'s to report; timestamps carry their offset.
    }
  }

  void control_file(const std::string& file) {
    if (m_bootstrap) return;
    const Person* p = m_parent_people.find_by_email(m_c.email);
    if (p && p->role == "head" && p->active) return;
    std::string who = !p ? fmt::format("{}, whose e-mail is nobody's in people.yaml", m_c.email)
                      : !p->active ? fmt::format("{}, who is not active", p->login)
                                   : fmt::format("{}, a {}", p->login, p->role);
    add(file, rule::head_only,
        fmt::format("changed by {}: only a head (as people.yaml stood before) may change it", who));
  }

  // A recurring task's instance that `tally recur` made: exactly what make_instance gives for its
  // template (as it is in this commit) and its day. The machinery commits with git's identity.
  bool is_instance(const Task& t, const std::string& text) {
    if (t.log.size() != 1 || t.log[0].event != "created") return false;
    std::string tmpl_id = t.log[0].get("template");
    if (tmpl_id.empty()) return false;
    if (!m_task_paths) m_task_paths = tree_paths(m_git, m_c.hash, m_prefix + "tasks");
    std::string suffix = "/" + tmpl_id + ".yaml";
    for (const auto& path : *m_task_paths) {
      if (!path.ends_with(suffix)) continue;
      auto blob = read_blobs(m_git, {m_c.hash + ":" + path});
      Version tmpl = version_of(blob[0], path, m_zone);
      if (!tmpl.task || !is_template(*tmpl.task)) return false;
      LocalDay day = date::floor<date::days>(m_zone.to_local(t.created.at));
      Task made = make_instance(*tmpl.task, day, m_zone, m_calendar);
      return made.id == t.id && task_to_yaml(made) == text;
    }
    return false;
  }

  void task_file(const std::string& file, const std::string& rel,
                 const std::optional<std::string>& after_blob,
                 const std::vector<std::optional<std::string>>& before_blobs) {
    bool merge = m_c.parents.size() > 1;
    Version after = version_of(after_blob, rel, m_zone);
    std::vector<Task> before;
    bool existed = false;
    for (const auto& b : before_blobs) {
      Version v = version_of(b, rel, m_zone);
      existed = existed || v.exists;
      if (v.task) before.push_back(std::move(*v.task));
    }
    if (!after.exists) {
      if (existed)
        add(file, rule::append_only,
            "the task file was deleted: a task's log is its history and stays (cancel it instead)");
      return;
    }
    if (!after.task) {
      add(file, rule::valid_file, split(after.error, '\n').front());
      return;
    }
    const Task& t = *after.task;
    if (!merge && !existed && is_instance(t, after.text)) return;

    // The entries that were there: the union of the parents' logs, a marked copy kept over
    // an unmarked one.
    std::vector<LogEntry> old;
    for (const Task& b : before)
      for (const LogEntry& e : b.log) {
        bool known = false;
        for (LogEntry& o : old) {
          if (compare(o, e) == Match::marked) o = e;
          if (compare(o, e) != Match::none || compare(e, o) != Match::none) known = true;
          if (known) break;
        }
        if (!known) old.push_back(e);
      }
    std::vector<int> match(t.log.size(), -1);
    std::vector<bool> marked(t.log.size(), false), used(old.size(), false);
    for (size_t i = 0; i < t.log.size(); ++i) {
      for (size_t j = 0; j < old.size() && match[i] < 0; ++j) {
        if (used[j]) continue;
        Match m = compare(old[j], t.log[i]);
        if (m == Match::none) continue;
        used[j] = true;
        match[i] = static_cast<int>(j);
        marked[i] = m == Match::marked;
      }
      if (match[i] < 0 && has_key(t.log[i], "rejected")) marked[i] = true;
    }
    for (size_t j = 0; j < old.size(); ++j)
      if (!used[j])
        add(file, rule::append_only,
            fmt::format("the log entry '{}' by {} at {} was removed or changed", old[j].event,
                        old[j].by, old[j].at.text));

    for (size_t i = 0; i < t.log.size(); ++i) {
      if (match[i] >= 0) continue;
      const LogEntry& e = t.log[i];
      if (merge) {
        add(file, rule::merge,
            fmt::format("a merge adds no log entries of its own, but '{}' by {} at {} is on "
                        "neither side",
                        e.event, e.by, e.at.text));
        continue;
      }
      ++m_report.entries;
      // tally recur notes a missed repetition in the template as its creator.
      if (e.event == "skipped" && is_template(t) && e.by == t.creator) continue;
      if (!m_author)
        add(file, rule::author,
            fmt::format("'{}' by {} committed by {} <{}>, whose e-mail is nobody's in people.yaml",
                        e.event, e.by, m_c.name, m_c.email));
      else if (e.by != m_author->login)
        add(file, rule::author,
            fmt::format("'{}' recorded as {} but committed by {} ({} <{}>)", e.event, e.by,
                        m_author->login, m_c.name, m_c.email));
    }

    // The replay without the marks this commit set says whether each was due.
    Task unmarked = t;
    for (size_t i = 0; i < t.log.size(); ++i)
      if (marked[i]) unmarked.log[i] = without_mark(t.log[i]);
    Replay replayed = replay(unmarked, m_people);
    std::vector<LogEntry> refused_before;
    for (const Task& b : before)
      for (const Refusal& f : replay(b, m_people).refusals)
        refused_before.push_back(b.log[f.entry]);
    std::set<size_t> refused;
    for (const Refusal& f : replayed.refusals) {
      refused.insert(f.entry);
      const LogEntry& e = t.log[f.entry];
      if (marked[f.entry]) continue;
      bool already = std::any_of(refused_before.begin(), refused_before.end(),
                                 [&](const LogEntry& o) { return same_entry(o, e); });
      if (already || (merge && match[f.entry] < 0)) continue;
      if (match[f.entry] < 0)
        add(file, rule::role, fmt::format("'{}' by {} is not allowed: {}", e.event, e.by, f.why));
      else
        add(file, merge ? rule::merge : rule::role,
            fmt::format("'{}' by {} at {} is no longer allowed after this commit ({}) and is not "
                        "marked rejected",
                        e.event, e.by, e.at.text, f.why));
    }
    for (size_t i = 0; i < t.log.size(); ++i)
      if (marked[i] && match[i] >= 0 && !refused.count(i))
        add(file, rule::append_only,
            fmt::format("'{}' by {} at {} is marked rejected, but the rules allow it",
                        t.log[i].event, t.log[i].by, t.log[i].at.text));

    std::vector<bool> fresh(t.log.size());
    for (size_t i = 0; i < t.log.size(); ++i) fresh[i] = match[i] < 0;
    fields(file, t, before, merge, fresh);
  }

  // `fresh`: which entries of t's log this commit added.
  void fields(const std::string& file, const Task& t, const std::vector<Task>& before, bool merge,
              const std::vector<bool>& fresh) {
    Task led = replay(t, m_people).task;
    auto diffs = derived_differences(t, led);
    for (const Field& f : derived_fields) {
      if (std::find(diffs.begin(), diffs.end(), f.name) == diffs.end()) continue;
      // A difference the parent had already, with the same value, is not this commit's.
      bool inherited = std::any_of(before.begin(), before.end(), [&](const Task& b) {
        auto had = derived_differences(b, replay(b, m_people).task);
        return f.value(b) == f.value(t) && std::find(had.begin(), had.end(), f.name) != had.end();
      });
      if (!inherited)
        add(file, rule::fields,
            fmt::format("{} is {}, but the log leads to {}", f.name, shown(f.value(t)),
                        shown(f.value(led))));
    }
    if (before.empty()) {
      if (merge) return;
      if (t.log.empty() || t.log[0].event != "created")
        add(file, rule::fields, "a new task's log starts with its 'created' entry");
      else if (t.log[0].by != t.creator)
        add(file, rule::author,
            fmt::format("the task is created by {}, but its creator is {}", t.log[0].by,
                        t.creator));
      return;
    }
    for (const Field& f : fixed_fields) {
      bool kept = std::any_of(before.begin(), before.end(),
                              [&](const Task& b) { return f.value(b) == f.value(t); });
      if (!kept)
        add(file, rule::fields,
            fmt::format("{} changed from {} to {}: it is set when the task is made", f.name,
                        shown(f.value(before.front())), shown(f.value(t))));
    }
    if (merge) return;  // lists merge as sets; each side's change was logged on its side
    const Task& b = before.front();
    for (const Field& f : logged_fields) {
      if (f.value(b) == f.value(t)) continue;
      // A value the log pins is the replay's to judge (a rejected mark this commit set may
      // move it back).
      bool pinned = pinned_by_log(f.name);
      bool logged = false;
      for (size_t i = 0; i < t.log.size(); ++i)
        logged = logged || ((fresh[i] || pinned) && logs_field(t.log[i], f.name));
      if (!logged)
        add(file, rule::fields,
            fmt::format("{} changed from {} to {} without a log entry that says so", f.name,
                        shown(f.value(b)), shown(f.value(t))));
    }
  }

  const Git& m_git;
  const CommitInfo& m_c;
  const std::string& m_prefix;
  AuditReport& m_report;
  Zone m_zone = Zone::locate("UTC");
  WorkCalendar m_calendar;
  People m_people, m_parent_people;
  bool m_bootstrap = false;
  const Person* m_author = nullptr;
  std::optional<std::vector<std::string>> m_task_paths;
};

}  // namespace

void check_commit(const Git& git, const CommitInfo& commit, const std::string& prefix,
                  AuditReport& report) {
  ++report.commits;
  Judge(git, commit, prefix, report).run();
}

}  // namespace tally::core
