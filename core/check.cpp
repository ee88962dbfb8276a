#include "core/check.hpp"

#include "core/error.hpp"
#include "core/fsutil.hpp"
#include "core/ids.hpp"
#include "core/mime.hpp"
#include "core/parallel.hpp"
#include "core/replay.hpp"
#include "core/people.hpp"
#include "core/plan.hpp"
#include "core/records.hpp"
#include "core/settings.hpp"
#include "core/task.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace tally::core {

namespace fs = std::filesystem;

std::size_t CheckReport::errors() const {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [](auto& f) {
    return f.severity == Finding::Severity::error;
  }));
}

std::size_t CheckReport::warnings() const {
  return findings.size() - errors();
}

namespace {

using Severity = Finding::Severity;

// One file's findings, gathered on a worker thread and merged in file order.
struct FileReport {
  std::vector<Finding> findings;
  std::optional<Task> task;
  std::optional<YamlDoc> doc;

  // Adds "file:line:col: what\n  line\n  ^" (as describe_at and the parsers write it).
  void add(Severity sev, const std::string& file, const std::string& text, std::string hint = {}) {
    auto nl = text.find('\n');
    findings.push_back({sev, file, text.substr(0, nl),
                        nl == std::string::npos ? "" : text.substr(nl + 1), std::move(hint)});
  }
  void at(Severity sev, const YamlDoc& d, const YAML::Node& node, std::string_view what,
          std::string hint = {}) {
    add(sev, d.path.string(),
        describe_at(d, node.IsDefined() ? node.Mark() : YAML::Mark::null_mark(), what),
        std::move(hint));
  }
  void error(const std::string& file, const Error& e) {
    findings.push_back({Severity::error, file, e.what(), e.detail(), e.hint()});
  }
};

// Reads and parses one file; reports conflict markers and syntax errors.
std::optional<YamlDoc> read_doc(const fs::path& root, const std::string& rel, FileReport& out) {
  std::string text;
  try {
    text = read_file(root / rel);
  } catch (const Error& e) {
    out.error(rel, e);
    return std::nullopt;
  }
  bool markers = false;
  int n = 0;
  for (auto line : split(text, '\n')) {
    ++n;
    if (!is_conflict_marker(line)) continue;
    markers = true;
    out.add(Severity::error, rel, fmt::format("{}:{}:1: leftover git conflict marker", rel, n),
            "keep the right lines, delete the markers, then run 'tally check' again");
  }
  if (markers) return std::nullopt;
  try {
    return load_yaml_file(root / rel, rel);
  } catch (const Error& e) {
    out.error(rel, e);
    return std::nullopt;
  }
}

void warn_unknown(FileReport& out, const YamlDoc& doc, const YAML::Node& map,
                  const std::vector<std::string>& keys) {
  for (const auto& key : keys)
    out.at(Severity::warning, doc, map[key],
           fmt::format("unknown key '{}' (kept as it is; this version of tally does not use it)",
                       key));
}

std::vector<std::string> keys_of(const YAML::Node& map) {
  std::vector<std::string> out;
  if (map.IsMap())
    for (const auto& kv : map) out.push_back(kv.first.Scalar());
  return out;
}

std::vector<std::string> keys_of(const std::vector<std::pair<std::string, YAML::Node>>& pairs) {
  std::vector<std::string> out;
  for (const auto& [k, v] : pairs) out.push_back(k);
  return out;
}

// Every file the store holds, relative to the root, sorted.
struct Inventory {
  std::vector<std::string> tasks;
  std::map<RecordKind, std::vector<std::string>> records;
  std::vector<std::string> plans;
  std::vector<std::string> strays;  // temporary files, task files in the wrong place
};

Inventory take_inventory(const fs::path& root) {
  Inventory inv;
  std::error_code ec;
  auto rel = [&](const fs::path& p) { return p.lexically_relative(root).generic_string(); };
  auto scan = [&](const fs::path& dir, bool deep, auto&& keep) {
    if (!fs::is_directory(dir, ec)) return;
    auto visit = [&](const fs::directory_entry& e) {
      if (!e.is_regular_file()) return;
      std::string name = e.path().filename().string();
      if (name.starts_with('.') && name.ends_with(".tmp"))
        inv.strays.push_back(rel(e.path()));
      else if (e.path().extension() == ".yaml" && !name.starts_with('.'))
        keep(e.path());
    };
    if (deep)
      for (const auto& e : fs::recursive_directory_iterator(dir, ec)) visit(e);
    else
      for (const auto& e : fs::directory_iterator(dir, ec)) visit(e);
  };
  scan(root / "tasks", true, [&](const fs::path& p) { inv.tasks.push_back(rel(p)); });
  for (RecordKind k : all_record_kinds)
    scan(root / kind_folder(k), false,
         [&](const fs::path& p) { inv.records[k].push_back(rel(p)); });
  scan(root / "plans", false, [&](const fs::path& p) { inv.plans.push_back(rel(p)); });
  scan(root, false, [](const fs::path&) {});
  std::sort(inv.tasks.begin(), inv.tasks.end());
  for (auto& [k, v] : inv.records) std::sort(v.begin(), v.end());
  std::sort(inv.plans.begin(), inv.plans.end());
  std::sort(inv.strays.begin(), inv.strays.end());
  return inv;
}

class Checker {
 public:
  explicit Checker(fs::path root) : m_root(std::move(root)), m_zone(Zone::locate("UTC")) {}

  CheckReport run() {
    read_settings();
    read_people();
    Inventory inv = take_inventory(m_root);
    for (const auto& f : inv.strays)
      add(Severity::warning, f, f + ": temporary file left by an interrupted write",
          "the next tally command that writes removes it; or delete it");
    if (fs::exists(m_root / ".tally" / "journal"))
      add(Severity::warning, ".tally/journal", "a change was interrupted before its commit",
          "the next tally command finishes it");
    if (fs::exists(m_root / ".tally" / "journal.undo"))
      add(Severity::warning, ".tally/journal.undo",
          "a change that failed was interrupted while its old files were put back",
          "the next tally command puts them back");
    if (fs::exists(m_root / ".tally" / "journal.bad"))
      add(Severity::warning, ".tally/journal.bad",
          "a journal tally could not read was set aside here and not replayed",
          "look at it, then delete it");
    std::vector<Record> deals = read_records(inv);
    read_tasks(inv.tasks);
    read_plans(inv.plans, deals);
    return std::move(m_report);
  }

 private:
  void add(Severity sev, std::string file, std::string message, std::string hint = {}) {
    m_report.findings.push_back({sev, std::move(file), std::move(message), "", std::move(hint)});
  }
  void merge(FileReport& r) {
    ++m_report.files;
    for (auto& f : r.findings) m_report.findings.push_back(std::move(f));
  }

  void read_settings() {
    FileReport r;
    if (auto doc = read_doc(m_root, "tally.yaml", r)) {
      try {
        Settings s = parse_settings(*doc);
        m_zone = Zone::locate(s.timezone);
        // What `tally remind` would refuse when it sends, said now.
        if (doc->root["mail_from"] && !is_plain_email(s.mail_from))
          r.at(Severity::error, *doc, doc->root["mail_from"],
               fmt::format("mail_from '{}' is not a plain e-mail address", s.mail_from),
               "an address such as tally@example.ru: ASCII, one '@', no spaces, names or "
               "brackets (the name goes in mail_from_name)");
        warn_unknown(r, *doc, doc->root, keys_of(s.unknown));
        m_settings = std::move(s);
      } catch (const Error& e) {
        r.error("tally.yaml", e);
      }
    }
    if (!m_settings) m_zone = Zone::locate(Settings{}.timezone);
    merge(r);
  }

  void read_people() {
    if (!fs::exists(m_root / "people.yaml")) return;
    FileReport r;
    if (auto doc = read_doc(m_root, "people.yaml", r)) {
      try {
        m_people = parse_people(*doc);
        warn_unknown(r, *doc, doc->root, keys_of(m_people->unknown));
        duplicate_emails(r, *doc);
      } catch (const Error& e) {
        r.error("people.yaml", e);
      }
    }
    merge(r);
  }

  // Two people with one e-mail (in any case): git's user.email could not tell them apart.
  void duplicate_emails(FileReport& r, const YamlDoc& doc) {
    std::map<std::string, std::string> first;  // lower-case e-mail -> login
    const YAML::Node& list = doc.root["people"];
    for (size_t i = 0; i < m_people->list.size() && list.IsSequence() && i < list.size(); ++i) {
      const Person& p = m_people->list[i];
      if (p.email.empty()) continue;
      auto [it, fresh] = first.emplace(to_lower(p.email), p.login);
      if (!fresh)
        r.at(Severity::error, doc, list[i]["email"],
             fmt::format("{} has the e-mail {} of {}: one e-mail, one person", p.login, p.email,
                         it->second),
             "the acting person is found by git's user.email; give each their own");
    }
  }

  // Reports a login that people.yaml does not know (when people.yaml could be read).
  void known_person(FileReport& r, const YamlDoc& doc, const YAML::Node& node,
                    const std::string& login) {
    if (!m_people || login.empty() || m_people->find(login)) return;
    auto near = nearest(login, m_people->logins());
    r.at(Severity::error, doc, node, fmt::format("'{}' is not in people.yaml", login),
         near.empty() ? "add the person with 'tally person add'"
                      : "did you mean " + join(near, ", ") + "?");
  }

  std::vector<Record> read_records(const Inventory& inv) {
    std::vector<Record> deals;
    for (RecordKind kind : all_record_kinds) {
      auto found = inv.records.find(kind);
      if (found == inv.records.end()) continue;
      const auto& files = found->second;
      std::vector<FileReport> reports(files.size());
      std::vector<std::optional<Record>> records(files.size());
      parallel_for(files.size(), [&](size_t i) {
        auto doc = read_doc(m_root, files[i], reports[i]);
        if (!doc) return;
        try {
          Record rec = parse_record(*doc, kind, m_zone);
          std::string stem = fs::path(files[i]).stem().string();
          if (rec.id != stem)
            reports[i].at(Severity::error, *doc, doc->root["id"],
                          fmt::format("id '{}' differs from the file name '{}'", rec.id, stem));
          warn_unknown(reports[i], *doc, doc->root, keys_of(rec.unknown));
          known_person(reports[i], *doc, doc->root["owner"], rec.owner);
          records[i] = std::move(rec);
          reports[i].doc = std::move(doc);
        } catch (const Error& e) {
          reports[i].error(files[i], e);
        }
      });
      auto& ids = m_record_ids[kind];
      for (size_t i = 0; i < files.size(); ++i) {
        merge(reports[i]);
        ids.insert(fs::path(files[i]).stem().string());
        if (kind == RecordKind::deal && records[i]) deals.push_back(std::move(*records[i]));
      }
    }
    return deals;
  }

  // The log is the truth (replay.hpp): every entry allowed at its point, the fields as it leads.
  void check_log(FileReport& r, const YamlDoc& doc, const Task& t) {
    Replay rp = replay(t, *m_people);
    const YAML::Node& log = doc.root["log"];
    for (const Refusal& f : rp.refusals) {
      const LogEntry& e = t.log[f.entry];
      YAML::Node node = log.IsSequence() && f.entry < log.size() ? log[f.entry] : log;
      r.at(Severity::error, doc, node,
           fmt::format("log entry {} ('{}' by {} at {}) was not allowed: {}", f.entry + 1, e.event,
                       e.by, e.at.text, f.why),
           "the rules of tally-task(1) decide who may do what; undo the hand edit (git "
           "revert) and make the change with the tally command for it");
    }
    auto shown = [](const Task& x, const std::string& field) -> std::string {
      if (field == "status") return std::string(status_name(x.status));
      if (field == "responsible") return x.responsible;
      if (field == "deadline") return x.deadline ? x.deadline->text : "none";
      if (field == "result") return x.result.empty() ? "none" : x.result;
      if (field == "title") return x.title;
      return x.priority;
    };
    for (const auto& field : derived_differences(t, rp.task))
      r.at(Severity::error, doc, doc.root[field].IsDefined() ? doc.root[field] : doc.root["id"],
           fmt::format("{} is '{}' but its log leads to '{}'", field, shown(t, field),
                       shown(rp.task, field)),
           "a field that changes is what the log says: undo the hand edit and use the tally "
           "command that logs the change");
  }

  void check_task(FileReport& r, const YamlDoc& doc, const Task& t, const std::string& rel) {
    const YAML::Node& root = doc.root;
    std::string stem = fs::path(rel).stem().string();
    if (t.id != stem)
      r.at(Severity::error, doc, root["id"],
           fmt::format("id '{}' differs from the file name '{}'", t.id, stem),
           "a task's ID is its file name; rename one of them");
    else if (!is_task_id(t.id))
      r.at(Severity::error, doc, root["id"],
           fmt::format("'{}' is not a task ID (T- and 10 Crockford base32 characters)", t.id));
    std::string expected = task_relative_path(t.id, t.created.at, m_zone);
    if (rel != expected)
      r.at(Severity::warning, doc, root["created"],
           fmt::format("the task lies in {} but its creation month says {}",
                       fs::path(rel).parent_path().generic_string(),
                       fs::path(expected).parent_path().generic_string()));
    known_person(r, doc, root["creator"], t.creator);
    known_person(r, doc, root["responsible"], t.responsible);
    for (const char* key : {"participants", "observers"}) {
      const YAML::Node& list = root[key];
      if (list.IsDefined() && list.IsSequence())
        for (const auto& item : list) known_person(r, doc, item, item.Scalar());
    }
    bool meant = !t.log.empty() && t.log.front().get("past_deadline") == "true";
    if (t.deadline && t.deadline->at < t.created.at && !meant)
      r.at(Severity::error, doc, root["deadline"],
           fmt::format("the deadline {} is before the task was created ({})", t.deadline->text,
                       t.created.text),
           "a task recorded as already late is made with 'tally task add --allow-past'");
    const YAML::Node& log = root["log"];
    bool has_log = log.IsDefined() && log.IsSequence();
    for (size_t i = 0; has_log && i < t.log.size() && i < log.size(); ++i) {
      known_person(r, doc, log[i]["by"], t.log[i].by);
      if (i > 0 && t.log[i].at.at < t.log[i - 1].at.at)
        r.at(Severity::error, doc, log[i]["at"],
             fmt::format("log entry at {} comes after one at {}: the log must be in time order",
                         t.log[i].at.text, t.log[i - 1].at.text),
             "a merge of two clones' logs out of order; move the entry to its place");
    }
    warn_unknown(r, doc, root, keys_of(t.unknown));
  }

  void check_link(FileReport& r, const YamlDoc& doc, const Task& t) {
    if (t.link.empty()) return;
    auto slash = t.link.find('/');
    auto kind = parse_kind(t.link.substr(0, slash));
    std::string id = slash == std::string::npos ? "" : t.link.substr(slash + 1);
    if (!kind || id.empty()) {
      r.at(Severity::error, doc, doc.root["link"],
           fmt::format("link '{}' is not KIND/ID (deal, company, lead or contact)", t.link));
      return;
    }
    const auto& ids = m_record_ids[*kind];
    if (!ids.contains(id))
      r.at(Severity::error, doc, doc.root["link"],
           fmt::format("link '{}': there is no {} {} in {}/", t.link, kind_name(*kind), id,
                       kind_folder(*kind)),
           "import or add the record, or correct the link");
  }

  void read_tasks(const std::vector<std::string>& files) {
    std::vector<FileReport> reports(files.size());
    parallel_for(files.size(), [&](size_t i) {
      FileReport& r = reports[i];
      auto depth = std::count(files[i].begin(), files[i].end(), '/');
      if (depth != 3) {
        r.add(Severity::error, files[i],
              files[i] + ": a task file belongs in tasks/YYYY/MM/ (tally does not see it here)");
        return;
      }
      auto doc = read_doc(m_root, files[i], r);
      if (!doc) return;
      try {
        Task t = parse_task(*doc, m_zone);
        check_task(r, *doc, t, files[i]);
        if (m_people) check_log(r, *doc, t);
        r.task = std::move(t);
        r.doc = std::move(doc);
      } catch (const Error& e) {
        r.error(files[i], e);
      }
    });
    std::map<std::string, std::string> seen;  // id -> first file
    for (size_t i = 0; i < files.size(); ++i) {
      FileReport& r = reports[i];
      if (r.task) {
        check_link(r, *r.doc, *r.task);
        auto [it, fresh] = seen.emplace(r.task->id, files[i]);
        if (!fresh)
          r.at(Severity::error, *r.doc, r.doc->root["id"],
               fmt::format("duplicate task ID {}: {} has it too", r.task->id, it->second),
               "two copies of one task; keep one (merge their logs) and delete the other");
      }
      merge(r);
    }
  }

  void read_plans(const std::vector<std::string>& files, const std::vector<Record>& deals) {
    std::vector<std::string> fields = deal_field_names(deals);
    for (const auto& rel : files) {
      FileReport r;
      if (auto doc = read_doc(m_root, rel, r)) {
        try {
          Plan plan = parse_plan(*doc, fields);
          std::string stem = fs::path(rel).stem().string();
          if (plan.period.name != stem)
            r.at(Severity::error, *doc, doc->root["period"],
                 fmt::format("the plan is for {} but its file is named {}", plan.period.name,
                             fs::path(rel).filename().string()));
          warn_unknown(r, *doc, doc->root, keys_of(plan.unknown));
          if (m_settings && m_people)
            for (const auto& u : unseen_match_values(plan, deals, *m_settings, *m_people))
              r.add(Severity::warning, rel, describe_at(*doc, u.mark, u.message));
        } catch (const Error& e) {
          r.error(rel, e);
        }
      }
      merge(r);
    }
  }

  fs::path m_root;
  Zone m_zone;
  std::optional<Settings> m_settings;
  std::optional<People> m_people;
  std::map<RecordKind, std::set<std::string>> m_record_ids;
  CheckReport m_report;
};

}  // namespace

CheckReport check_store(const fs::path& root) {
  if (!fs::exists(root / "tally.yaml"))
    throw Error("{} is not a tally store (no tally.yaml)", root.string());
  return Checker(root).run();
}

std::vector<std::string> stray_temporaries(const fs::path& root) {
  return take_inventory(root).strays;
}

std::vector<std::pair<std::string, std::string>> canonical_rewrites(const fs::path& root) {
  std::vector<std::pair<std::string, std::string>> out;
  Inventory inv = take_inventory(root);
  Zone zone = Zone::locate(Settings{}.timezone);
  auto consider = [&](const std::string& rel, auto&& canonical) {
    FileReport r;
    auto doc = read_doc(root, rel, r);
    if (!doc || !r.findings.empty()) return;
    try {
      std::string text = canonical(*doc);
      if (text != doc->text) out.emplace_back(rel, std::move(text));
    } catch (const Error&) {
      // A file with problems is left to a person: `tally check` names them.
    }
  };
  consider("tally.yaml", [&](const YamlDoc& d) {
    Settings s = parse_settings(d);
    zone = Zone::locate(s.timezone);
    return settings_to_yaml(s);
  });
  if (fs::exists(root / "people.yaml"))
    consider("people.yaml", [](const YamlDoc& d) { return people_to_yaml(parse_people(d)); });
  for (const auto& [kind, files] : inv.records)
    for (const auto& rel : files)
      consider(rel, [&, k = kind](const YamlDoc& d) {
        return record_to_yaml(parse_record(d, k, zone));
      });
  for (const auto& rel : inv.tasks)
    consider(rel, [&](const YamlDoc& d) { return task_to_yaml(parse_task(d, zone)); });
  for (const auto& rel : inv.plans)
    consider(rel, [](const YamlDoc& d) { return plan_to_yaml(parse_plan(d, {})); });
  return out;
}

}  // namespace tally::core
