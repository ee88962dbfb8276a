#include "core/audit.hpp"

#include "core/error.hpp"
#include "core/lifecycle.hpp"
#include "core/process.hpp"
#include "core/text.hpp"
#include "core/yaml_io.hpp"

#include <optional>

namespace tally::core {

namespace {

struct Commit {
  std::string hash, parent, name, email, date;
  std::vector<std::string> files;
};

// One `git log` for the range: hashes, parents, authors, and the task files each touched.
std::vector<Commit> commits_in(const Git& git, const std::string& range,
                               const std::string& prefix) {
  std::string out = git.run({"log", "--reverse", "--no-merges", "--no-renames", "--diff-filter=AM",
                             "--format=%x01%H%x00%P%x00%an%x00%ae%x00%aI", "--name-only", range,
                             "--", prefix + "tasks"});
  std::vector<Commit> commits;
  for (const auto& block : split(out, '\x01')) {
    if (trim(block).empty()) continue;
    auto lines = split(block, '\n');
    auto head = split(lines.front(), '\0');
    if (head.size() < 5) continue;
    Commit c{std::string(head[0]), std::string(head[1].substr(0, head[1].find(' '))),
             std::string(head[2]), std::string(head[3]),
             std::string(head[4]), {}};
    for (size_t i = 1; i < lines.size(); ++i)
      if (lines[i].ends_with(".yaml")) c.files.emplace_back(lines[i]);
    commits.push_back(std::move(c));
  }
  return commits;
}

std::optional<Task> task_at(const Git& git, const std::string& rev, const std::string& path,
                            const Zone& zone) {
  if (rev.empty()) return std::nullopt;
  std::string text;
  try {
    text = git.run({"show", rev + ":" + path});
  } catch (const Error&) {
    return std::nullopt;  // the file did not exist there
  }
  try {
    return parse_task(parse_yaml(std::move(text), path), zone);
  } catch (const Error&) {
    return std::nullopt;  // a broken revision is `tally check`'s business
  }
}

bool same_entry(const LogEntry& a, const LogEntry& b) {
  if (a.at.text != b.at.text || a.by != b.by || a.event != b.event) return false;
  if (a.data.size() != b.data.size()) return false;
  for (size_t i = 0; i < a.data.size(); ++i)
    if (a.data[i].first != b.data[i].first ||
        emit_yaml(a.data[i].second.node()) != emit_yaml(b.data[i].second.node()))
      return false;
  return true;
}

}  // namespace

AuditReport audit(const Store& store, const std::string& range) {
  Git git(store.root());
  if (!git.in_work_tree())
    throw Error("the store is not in a git repository, so it has no history to audit")
        .exit(Exit::usage);
  if (run_process({"git", "rev-list", "--max-count=1", range, "--"}, store.root()).status != 0)
    throw Error("'{}' is not a commit or a range of commits in this repository", range)
        .hint("a branch, a commit, or A..B such as origin/main..HEAD")
        .exit(Exit::usage);
  // Paths in git's output are relative to the repository's top, which may lie above the store.
  std::string prefix(trim(git.run({"rev-parse", "--show-prefix"})));
  const People& people = store.people();
  AuditReport report;
  for (const auto& c : commits_in(git, range, prefix)) {
    ++report.commits;
    std::string author = fmt::format("{} <{}>", c.name, c.email);
    const Person* person = people.find_by_email(c.email);
    for (const auto& file : c.files) {
      auto add = [&](std::string message) {
        report.findings.push_back({c.hash.substr(0, 10), c.date, author, file, std::move(message)});
      };
      auto after = task_at(git, c.hash, file, store.zone());
      if (!after) continue;
      auto before = task_at(git, c.parent, file, store.zone());
      // History is append-only: every entry before the commit is still there, unchanged.
      if (before) {
        for (const auto& old : before->log) {
          bool found = false;
          for (const auto& e : after->log) found = found || same_entry(old, e);
          if (!found)
            add(fmt::format("the log entry '{}' by {} at {} was removed or changed", old.event,
                            old.by, old.at.text));
        }
      }
      const Task& state = before ? *before : *after;
      for (const auto& e : after->log) {
        bool fresh = true;
        if (before)
          for (const auto& old : before->log) fresh = fresh && !same_entry(old, e);
        if (!fresh) continue;
        ++report.entries;
        if (!person) {
          add(fmt::format("'{}' by {} committed by {}, whose e-mail is nobody's in people.yaml",
                          e.event, e.by, author));
          continue;
        }
        if (e.by != person->login)
          add(fmt::format("'{}' recorded as {} but committed by {} ({})", e.event, e.by,
                          person->login, author));
        const Person* actor = people.find(e.by);
        if (!actor) {
          add(fmt::format("'{}' by {}, who is not in people.yaml", e.event, e.by));
          continue;
        }
        std::string who = who_may_record(e.event, *actor, state, people);
        if (!who.empty())
          add(fmt::format("'{}' by {}, but only {} may do that", e.event, e.by, who));
      }
    }
  }
  return report;
}

}  // namespace tally::core
