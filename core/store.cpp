#include "core/store.hpp"

#include "core/cache.hpp"
#include "core/error.hpp"
#include "core/fsutil.hpp"
#include "core/ids.hpp"
#include "core/journal.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace tally::core {

namespace fs = std::filesystem;

fs::path Store::discover(const std::optional<fs::path>& explicit_dir, const fs::path& cwd) {
  auto check = [](const fs::path& dir, std::string_view how) {
    if (!fs::exists(dir / "tally.yaml"))
      throw Error("{} is not a tally store (no tally.yaml in it, given by {})", dir.string(), how)
          .hint("create one with 'tally init " + dir.string() + "'");
    return fs::absolute(dir).lexically_normal();
  };
  if (explicit_dir) return check(*explicit_dir, "--store");
  if (const char* env = std::getenv("TALLY_STORE"); env && *env) return check(env, "TALLY_STORE");
  for (fs::path dir = fs::absolute(cwd);; dir = dir.parent_path()) {
    if (fs::exists(dir / "tally.yaml")) return dir;
    if (dir == dir.root_path() || dir.parent_path() == dir) break;
  }
  throw Error("not inside a tally store (no tally.yaml here or in any folder above)")
      .hint("create one with 'tally init', or name one with --store DIR or TALLY_STORE");
}

Store Store::open(const fs::path& root) {
  Store s;
  s.m_root = root;
  s.m_settings = parse_settings(load_yaml_file(root / "tally.yaml", "tally.yaml"));
  s.m_zone = Zone::locate(s.m_settings.timezone);
  return s;
}

const People& Store::people() const {
  if (!m_people) {
    fs::path file = m_root / "people.yaml";
    m_people = fs::exists(file) ? parse_people(load_yaml_file(file, "people.yaml")) : People{};
  }
  return *m_people;
}

const std::vector<std::string>& Store::task_ids() const {
  if (m_task_ids) return *m_task_ids;
  m_task_ids.emplace();
  fs::path tasks = m_root / "tasks";
  std::error_code ec;
  if (!fs::is_directory(tasks, ec)) return *m_task_ids;
  // tasks/YYYY/MM/<ID>.yaml: three levels, read by name only.
  for (const auto& year : fs::directory_iterator(tasks, ec)) {
    if (!year.is_directory()) continue;
    for (const auto& month : fs::directory_iterator(year.path(), ec)) {
      if (!month.is_directory()) continue;
      for (const auto& file : fs::directory_iterator(month.path(), ec)) {
        const fs::path& p = file.path();
        std::string name = p.filename().string();
        if (name.starts_with('.') || p.extension() != ".yaml") continue;
        std::string id = p.stem().string();
        m_task_ids->push_back(id);
        m_task_paths[id] = p;
      }
    }
  }
  std::sort(m_task_ids->begin(), m_task_ids->end());
  return *m_task_ids;
}

std::string Store::resolve_task(std::string_view typed) const {
  std::string want = normalize_task_id(typed);
  if (!is_task_id_prefix(want))
    throw Error("'{}' is not a task ID", typed)
        .hint("a task ID is T- and 10 latin letters and digits, such as T-4F7KQ2M9XB");
  if (want.size() < 6)
    throw Error("'{}' is too short for a task ID", typed)
        .hint("type at least 4 characters after T-");
  return resolve_prefix(want, task_ids(), "task");
}

fs::path Store::task_path(const std::string& id) const {
  task_ids();
  auto it = m_task_paths.find(id);
  if (it == m_task_paths.end()) throw Error("no task {}", id);
  return it->second;
}

Task Store::load_task(const std::string& id) const {
  fs::path p = task_path(id);
  return parse_task(load_yaml_file(p, p.lexically_relative(m_root)), m_zone);
}

std::vector<Task> Store::load_tasks() const {
  std::vector<std::pair<std::string, fs::path>> files;
  files.reserve(task_ids().size());
  for (const auto& id : task_ids()) files.emplace_back(id, m_task_paths.at(id));
  return load_tasks_cached(files, m_root / ".tally" / "cache" / "tasks.bin",
                           [&](const std::string& id) { return load_task(id); });
}

std::vector<std::string> Store::record_ids(RecordKind kind) const {
  std::vector<std::string> out;
  std::error_code ec;
  fs::path dir = m_root / kind_folder(kind);
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& f : fs::directory_iterator(dir, ec)) {
    std::string name = f.path().filename().string();
    if (name.starts_with('.') || f.path().extension() != ".yaml") continue;
    out.push_back(f.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<Record> Store::find_record(RecordKind kind, const std::string& id) const {
  if (!is_safe_record_id(id)) return std::nullopt;
  fs::path rel = fs::path(kind_folder(kind)) / (id + ".yaml");
  if (!fs::exists(m_root / rel)) return std::nullopt;
  return parse_record(load_yaml_file(m_root / rel, rel), kind, m_zone);
}

Record Store::require_record(RecordKind kind, const std::string& id) const {
  if (auto r = find_record(kind, id)) return *r;
  auto e = Error("no {} {}", kind_name(kind), id);
  auto near = nearest(id, record_ids(kind));
  if (!near.empty()) throw std::move(e).hint("did you mean " + join(near, ", ") + "?");
  throw std::move(e).hint(fmt::format("'tally {} list' shows them", kind_name(kind)));
}

std::vector<Record> Store::load_records(RecordKind kind) const {
  fs::path dir = m_root / kind_folder(kind);
  fs::path cache = m_root / ".tally" / "cache" / (std::string(kind_folder(kind)) + ".bin");
  return load_records_cached(kind, dir, cache, record_ids(kind), [&](const std::string& id) {
    fs::path rel = fs::path(kind_folder(kind)) / (id + ".yaml");
    return parse_record(load_yaml_file(m_root / rel, rel), kind, m_zone);
  });
}

std::unique_ptr<FileLock> Store::lock() const {
  auto timeout = std::chrono::seconds(10);
  if (const char* env = std::getenv("TALLY_LOCK_TIMEOUT"); env && *env)
    timeout = std::chrono::seconds(std::atoi(env));
  auto held = std::make_unique<FileLock>(m_root / ".tally" / "lock", timeout);
  finish_interrupted();
  return held;
}

fs::path Store::journal_path() const {
  return m_root / ".tally" / "journal";
}

bool Store::finish_interrupted() const {
  fs::path file = journal_path();
  std::error_code ec;
  if (!fs::exists(file, ec)) return false;
  auto journal = read_journal(file);
  if (!journal) {
    // Never a torn one (it is written atomically); a foreign file is no journal.
    fs::remove(file, ec);
    return false;
  }
  write_changes(journal->changes);
  // Temporary files of the killed writer: under the lock every ".NAME.XXXXXX.tmp" in the
  // folders it wrote to is a leftover. Each folder is listed once.
  std::set<fs::path> folders;
  for (const auto& c : journal->changes) folders.insert((m_root / c.path).parent_path());
  for (const auto& dir : folders)
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      std::string name = e.path().filename().string();
      if (name.starts_with('.') && name.ends_with(".tmp")) fs::remove(e.path(), ec);
    }
  if (journal->commit) commit_changes(journal->changes, journal->message, journal->identity);
  fs::remove(file, ec);
  return true;
}

void Store::write_changes(const std::vector<Change>& changes) const {
  for (const auto& c : changes) {
    fs::path full = m_root / c.path;
    if (c.content) {
      write_file_atomic(full, *c.content);
    } else {
      std::error_code ec;
      fs::remove(full, ec);
      if (ec) throw Error("cannot delete {}: {}", c.path.string(), ec.message()).exit(Exit::failed);
    }
  }
  m_task_ids.reset();
  m_task_paths.clear();
  m_people.reset();
}

void Store::commit_changes(const std::vector<Change>& changes, const std::string& message,
                           const std::optional<Identity>& identity) const {
  Git git(m_root);
  if (!m_settings.commit || !git.in_work_tree()) return;
  std::vector<fs::path> paths;
  for (const auto& c : changes) paths.push_back(c.path);
  git.commit(paths, message, identity);
}

void Store::apply(const std::vector<Change>& changes, const std::string& message,
                  const Person* actor, bool commit) const {
  for (const auto& c : changes)
    if (!is_safe_store_path(c.path))
      throw Error("refusing to write '{}': not a path inside the store", c.path.string())
          .exit(Exit::failed);
  Journal journal{message, std::nullopt, commit, changes};
  if (actor && !actor->email.empty())
    journal.identity = Identity{actor->name.empty() ? actor->login : actor->name, actor->email};
  std::vector<Change> before;
  for (const auto& c : changes) {
    fs::path full = m_root / c.path;
    before.push_back({c.path, fs::exists(full) ? std::optional(read_file(full)) : std::nullopt});
  }
  // From here a kill leaves the journal, and the next command finishes the change.
  write_journal(journal_path(), journal);
  auto undo = [&] {
    write_changes(before);
    std::error_code ec;
    fs::remove(journal_path(), ec);
  };
  try {
    write_changes(changes);
  } catch (...) {
    undo();
    throw;
  }
  if (commit) {
    try {
      commit_changes(changes, message, journal.identity);
    } catch (const Error&) {
      std::vector<fs::path> paths;
      for (const auto& c : changes) paths.push_back(c.path);
      Git(m_root).unstage(paths);
      undo();
      throw;
    }
  }
  std::error_code ec;
  fs::remove(journal_path(), ec);
}

}  // namespace tally::core
