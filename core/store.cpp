#include "core/store.hpp"

#include "core/cache.hpp"
#include "core/error.hpp"
#include "core/fsutil.hpp"
#include "core/ids.hpp"
#include "core/journal.hpp"
#include "core/text.hpp"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

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

namespace {

// The names in `dir` (an open DIR) that are folders (dirs) or ".yaml" files
// not starting with '.' (files, without the extension). POSIX readdir: a
// store of 100 000 tasks is listed without a path object per file.
void list_folder(const fs::path& dir, std::vector<std::string>* dirs,
                 std::vector<std::string>* files) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  while (const dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name.starts_with('.')) continue;
    bool is_dir = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
      std::error_code ec;
      is_dir = fs::is_directory(dir / name, ec);
    }
    if (is_dir && dirs)
      dirs->emplace_back(name);
    else if (!is_dir && files && name.size() > 5 && name.ends_with(".yaml"))
      files->emplace_back(name.substr(0, name.size() - 5));
  }
  ::closedir(d);
}

}  // namespace

const std::vector<fs::path>& Store::task_dirs() const {
  if (m_task_dirs) return *m_task_dirs;
  m_task_dirs.emplace();
  // tasks/YYYY/MM/<ID>.yaml: the folders of the first two levels, in order.
  fs::path tasks = m_root / "tasks";
  std::vector<std::string> years;
  list_folder(tasks, &years, nullptr);
  std::sort(years.begin(), years.end());
  for (const auto& year : years) {
    std::vector<std::string> months;
    list_folder(tasks / year, &months, nullptr);
    std::sort(months.begin(), months.end());
    for (const auto& month : months) m_task_dirs->push_back(tasks / year / month);
  }
  return *m_task_dirs;
}

const std::vector<std::string>& Store::task_ids() const {
  if (m_task_ids) return *m_task_ids;
  m_task_ids.emplace();
  m_task_dir_of.clear();
  std::vector<std::pair<std::string, std::uint32_t>> found;
  const auto& dirs = task_dirs();
  for (size_t dir = 0; dir < dirs.size(); ++dir) {
    std::vector<std::string> names;
    list_folder(dirs[dir], nullptr, &names);
    for (auto& name : names) found.emplace_back(std::move(name), static_cast<std::uint32_t>(dir));
  }
  std::sort(found.begin(), found.end());
  m_task_ids->reserve(found.size());
  m_task_dir_of.reserve(found.size());
  for (auto& [id, dir] : found) {
    m_task_ids->push_back(std::move(id));
    m_task_dir_of.push_back(dir);
  }
  return *m_task_ids;
}

std::optional<fs::path> Store::probe_task(const std::string& id) const {
  if (m_task_ids) {
    auto it = std::lower_bound(m_task_ids->begin(), m_task_ids->end(), id);
    if (it == m_task_ids->end() || *it != id) return std::nullopt;
    return (*m_task_dirs)[m_task_dir_of[static_cast<size_t>(it - m_task_ids->begin())]] /
           (id + ".yaml");
  }
  // One stat per month folder instead of listing 100 000 files.
  if (!is_task_id(id)) return std::nullopt;
  for (const auto& dir : task_dirs()) {
    fs::path p = dir / (id + ".yaml");
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return p;
  }
  return std::nullopt;
}

bool Store::has_task(const std::string& id) const {
  return probe_task(id).has_value();
}

std::string Store::resolve_task(std::string_view typed) const {
  std::string want = normalize_task_id(typed);
  if (!is_task_id_prefix(want))
    throw Error("'{}' is not a task ID", typed)
        .hint("a task ID is T- and 10 latin letters and digits, such as T-4F7KQ2M9XB");
  if (want.size() < 6)
    throw Error("'{}' is too short for a task ID", typed)
        .hint("type at least 4 characters after T-");
  // A whole ID is found without listing every task; a prefix needs the list.
  if (is_task_id(want) && has_task(want)) return want;
  return resolve_prefix(want, task_ids(), "task");
}

fs::path Store::task_path(const std::string& id) const {
  if (auto p = probe_task(id)) return *p;
  throw Error("no task {}", id);
}

Task Store::load_task(const std::string& id) const {
  fs::path p = task_path(id);
  return parse_task(load_yaml_file(p, p.lexically_relative(m_root)), m_zone);
}

const UnreadableList& Store::unreadable() const {
  static const UnreadableList none;
  return m_unreadable ? *m_unreadable : none;
}

void Store::left_out(const fs::path& rel, const std::string& message) const {
  if (!m_unreadable) return;
  std::string file = rel.generic_string();
  for (const auto& u : *m_unreadable)
    if (u.file == file) return;
  m_unreadable->push_back({file, message.starts_with(file) ? message : file + ": " + message});
}

std::vector<Task> Store::load_tasks(const std::function<bool(Status)>& want) const {
  FileSet files;
  files.names = &task_ids();
  files.dirs = *m_task_dirs;
  files.dir_of = &m_task_dir_of;
  std::vector<ParseFailure> failures;
  auto out = load_tasks_cached(
      files, m_root / ".tally" / "cache" / "tasks.bin",
      [&](const std::string& id) { return load_task(id); }, want,
      m_unreadable ? &failures : nullptr);
  for (const auto& f : failures)
    left_out(fs::path(files.dirs[files.dir(f.index)] / ((*files.names)[f.index] + ".yaml"))
                 .lexically_relative(m_root),
             f.message);
  return out;
}

std::vector<std::string> Store::record_ids(RecordKind kind) const {
  std::vector<std::string> out;
  list_folder(m_root / kind_folder(kind), nullptr, &out);
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

std::vector<Record> Store::load_records(RecordKind kind, bool closed_only) const {
  auto ids = record_ids(kind);
  FileSet files;
  files.names = &ids;
  files.dirs = {m_root / kind_folder(kind)};
  fs::path cache = m_root / ".tally" / "cache" / (std::string(kind_folder(kind)) + ".bin");
  std::vector<ParseFailure> failures;
  auto out = load_records_cached(
      kind, files, cache,
      [&](const std::string& id) {
        fs::path rel = fs::path(kind_folder(kind)) / (id + ".yaml");
        return parse_record(load_yaml_file(m_root / rel, rel), kind, m_zone);
      },
      closed_only, m_unreadable ? &failures : nullptr);
  for (const auto& f : failures)
    left_out(fs::path(kind_folder(kind)) / (ids[f.index] + ".yaml"), f.message);
  return out;
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

namespace {

NoticeSink g_notice_sink = nullptr;

void notice(const std::string& text) {
  if (g_notice_sink) g_notice_sink(text);
}

fs::path with_suffix(const fs::path& p, const char* suffix) {
  return p.string() + suffix;
}

std::string first_line(std::string_view s) {
  return std::string(s.substr(0, s.find('\n')));
}

}  // namespace

void set_notice_sink(NoticeSink sink) {
  g_notice_sink = sink;
}

bool Store::interrupted() const {
  std::error_code ec;
  return fs::exists(journal_path(), ec) || fs::exists(with_suffix(journal_path(), ".undo"), ec);
}

void Store::remove_temporaries(const std::vector<Change>& changes) const {
  // Under the lock every ".NAME.XXXXXX.tmp" in the folders a writer wrote to is
  // a leftover of it (a new content not yet renamed, an old one kept aside).
  // Each folder is listed once.
  std::error_code ec;
  std::set<fs::path> folders;
  for (const auto& c : changes) folders.insert((m_root / c.path).parent_path());
  for (const auto& dir : folders)
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      std::string name = e.path().filename().string();
      if (name.starts_with('.') && name.ends_with(".tmp")) fs::remove(e.path(), ec);
    }
}

bool Store::finish_interrupted() const {
  fs::path file = journal_path();
  fs::path undo_file = with_suffix(file, ".undo");
  std::error_code ec;
  bool undo = fs::exists(undo_file, ec);
  if (!undo && !fs::exists(file, ec)) return false;
  fs::path found = undo ? undo_file : file;
  auto journal = read_journal(found);
  if (!journal || (undo && journal->undo().empty())) {
    // Never a torn one (it is written atomically): a file tally did not write.
    // Kept for a person to look at, and never replayed.
    fs::path bad = with_suffix(file, ".bad");
    fs::rename(found, bad, ec);
    notice(fmt::format(
        "tally: warning: {} is not a journal this tally can read; it was set aside as {} and "
        "not replayed",
        found.lexically_relative(m_root).string(), bad.lexically_relative(m_root).string()));
    return false;
  }
  bool committing = journal->commit && m_settings.commit;
  if (committing) Git(m_root).require_work_tree();
  if (undo) {
    // A writer that failed was putting the old files back when it was killed.
    write_changes(journal->undo());
    remove_temporaries(journal->changes);
    if (committing) unstage(journal->changes);
    fs::remove(undo_file, ec);
    notice("tally: a change that had failed was undone, as its command said: " +
           first_line(journal->message));
    return true;
  }
  write_changes(journal->changes);
  remove_temporaries(journal->changes);
  if (committing) commit_changes(journal->changes, journal->message, journal->identity);
  fs::remove(file, ec);
  notice("tally: finished a change that an interrupted tally command had begun: " +
         first_line(journal->message));
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
  forget_listings();
}

void Store::forget_listings() const {
  m_task_ids.reset();
  m_task_dirs.reset();
  m_people.reset();
}

void Store::unstage(const std::vector<Change>& changes) const {
  std::vector<fs::path> paths;
  for (const auto& c : changes) paths.push_back(c.path);
  try {
    Git(m_root).unstage(paths);
  } catch (const Error&) {
    // git itself is what failed: it staged nothing either.
  }
}

void Store::commit_changes(const std::vector<Change>& changes, const std::string& message,
                           const std::optional<Identity>& identity) const {
  if (!m_settings.commit) return;
  std::vector<fs::path> paths;
  for (const auto& c : changes) paths.push_back(c.path);
  Git(m_root).commit(paths, message, identity);
}

namespace {

// One file of a change on its way: the new content under a temporary name,
// the old file under another (a hard link), so that both going forward and
// going back are renames, which a full disk cannot stop half-way.
struct Step {
  fs::path full;
  bool existed = false;
  std::optional<fs::path> temp;   // the new content, not yet in place
  std::optional<fs::path> aside;  // the old file
};

void drop(std::optional<fs::path>& p) {
  if (p) ::unlink(p->c_str());
  p.reset();
}

}  // namespace

void Store::apply(const std::vector<Change>& changes, const std::string& message,
                  const Person* actor, bool commit) const {
  for (const auto& c : changes)
    if (!is_safe_store_path(c.path))
      throw Error("refusing to write '{}': not a path inside the store", c.path.string())
          .exit(Exit::failed);
  // A repository that cannot take the commit is found before any file is touched.
  bool committing = commit && m_settings.commit;
  if (committing) Git(m_root).require_work_tree();
  Journal journal{message, std::nullopt, commit, changes, {}};
  if (actor && !actor->email.empty())
    journal.identity = Identity{actor->name.empty() ? actor->login : actor->name, actor->email};
  std::vector<Step> steps;
  for (const auto& c : changes) {
    Step step;
    step.full = m_root / c.path;
    step.existed = fs::exists(step.full);
    journal.before.push_back(step.existed ? std::optional(read_file(step.full)) : std::nullopt);
    steps.push_back(std::move(step));
  }
  // From here a kill leaves the journal, and the next command finishes the change.
  write_journal(journal_path(), journal);
  std::error_code ec;
  // Every byte is written before any file is replaced: a failure here changes nothing.
  try {
    for (size_t i = 0; i < changes.size(); ++i) {
      if (changes[i].content) steps[i].temp = write_temporary(steps[i].full, *changes[i].content);
      if (steps[i].existed) steps[i].aside = link_aside(steps[i].full);
    }
  } catch (...) {
    for (auto& step : steps) drop(step.temp), drop(step.aside);
    fs::remove(journal_path(), ec);
    throw;
  }
  std::set<fs::path> folders;
  for (const auto& step : steps) folders.insert(step.full.parent_path());
  // Puts the old files back (renames only), under journal.undo meanwhile.
  auto roll_back = [&](const std::string& why) {
    fs::path undo_file = with_suffix(journal_path(), ".undo");
    fs::rename(journal_path(), undo_file, ec);
    try {
      for (auto& step : steps) {
        drop(step.temp);
        if (step.aside) {
          rename_file(*step.aside, step.full);
          step.aside.reset();
        } else if (!step.existed) {
          fs::remove(step.full, ec);
        }
      }
      for (const auto& dir : folders) sync_folder(dir);
    } catch (const Error& e) {
      throw Error("{}; putting the old files back failed as well: {}", why, e.what())
          .hint("the next tally command puts them back (from .tally/journal.undo)")
          .exit(Exit::failed);
    }
    forget_listings();
    fs::remove(undo_file, ec);
  };
  try {
    for (auto& step : steps) {
      if (step.temp) {
        rename_file(*step.temp, step.full);
        step.temp.reset();
      } else if (step.existed) {
        ::unlink(step.full.c_str());  // the old file stays, aside
      }
    }
    for (const auto& dir : folders) sync_folder(dir);
  } catch (const Error& e) {
    roll_back(e.what());
    throw;
  }
  forget_listings();
  if (committing) {
    try {
      commit_changes(changes, message, journal.identity);
    } catch (const Error& e) {
      unstage(changes);
      roll_back(e.what());
      throw;
    }
  }
  fs::remove(journal_path(), ec);
  for (auto& step : steps) drop(step.aside);
}

}  // namespace tally::core
