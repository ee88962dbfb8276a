// The store: a folder holding tally.yaml, found by walking up from the working
// directory (or named by --store / TALLY_STORE). It reads people, records and
// tasks, and applies a set of file changes atomically, under the writers'
// lock, as one git commit of just those files.
#pragma once

#include "core/fsutil.hpp"
#include "core/git.hpp"
#include "core/people.hpp"
#include "core/records.hpp"
#include "core/settings.hpp"
#include "core/task.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tally::core {

// One file to write (content) or delete (nullopt), relative to the store root.
struct Change {
  std::filesystem::path path;
  std::optional<std::string> content;
};

// A file that a reading command could not read and went on without.
struct Unreadable {
  std::string file;     // relative to the store root
  std::string message;  // "tasks/2026/11/T-….yaml:3:9: unknown status …"
};
using UnreadableList = std::vector<Unreadable>;

// What the store does on its own that a person must hear of (a killed
// writer's change finished, a failed one undone, a garbage journal set aside)
// is told to this sink, one line each; the CLI prints it on stderr. Set once
// by main; without one, nothing is told.
using NoticeSink = void (*)(const std::string&);
void set_notice_sink(NoticeSink sink);

class Store {
 public:
  // The store root for `explicit_dir` (the --store option), else $TALLY_STORE,
  // else the nearest folder upwards from `cwd` holding tally.yaml.
  static std::filesystem::path discover(const std::optional<std::filesystem::path>& explicit_dir,
                                        const std::filesystem::path& cwd);
  static Store open(const std::filesystem::path& root);

  const std::filesystem::path& root() const { return m_root; }
  const Settings& settings() const { return m_settings; }
  const Zone& zone() const { return m_zone; }

  const People& people() const;

  // Task IDs from file names alone (no parsing), sorted.
  const std::vector<std::string>& task_ids() const;
  // Whether a task with this whole ID exists: a stat per month folder, no listing.
  bool has_task(const std::string& id) const;
  // Resolves a typed ID or unique prefix to a full task ID.
  std::string resolve_task(std::string_view typed) const;
  Task load_task(const std::string& id) const;
  // Every task, or only those whose status `want` accepts: the others are not
  // even decoded from the cache (most tasks are closed; most commands read open ones).
  std::vector<Task> load_tasks(const std::function<bool(Status)>& want = {}) const;
  std::filesystem::path task_path(const std::string& id) const;

  std::vector<std::string> record_ids(RecordKind kind) const;
  std::optional<Record> find_record(RecordKind kind, const std::string& id) const;
  // The record or an Error listing the nearest IDs.
  Record require_record(RecordKind kind, const std::string& id) const;
  // Every record of the kind, or only those with a `closed` date (what plans count).
  std::vector<Record> load_records(RecordKind kind, bool closed_only = false) const;

  // Reading commands go on without a file they cannot read: from now on load_tasks and
  // load_records leave such a file out and add it to `sink` (once per file), so one broken file
  // never silences the report for everybody. Without it they throw, as every command that
  // changes the store must (it would otherwise work from an incomplete picture).
  void skip_unreadable(std::shared_ptr<UnreadableList> sink) { m_unreadable = std::move(sink); }
  // The files left out so far (empty when not skipping).
  const UnreadableList& unreadable() const;
  // Adds a file to the list when skipping (once per file); does nothing when not.
  void left_out(const std::filesystem::path& rel, const std::string& message) const;

  // Takes the writers' lock (.tally/lock), waiting up to $TALLY_LOCK_TIMEOUT
  // seconds (10), then finishes a change that a killed writer left in the journal.
  std::unique_ptr<FileLock> lock() const;
  // Replays .tally/journal when a writer was killed before it finished: writes
  // its files again, commits them, removes the journal; undoes the change of
  // .tally/journal.undo (a failed writer killed while it put the old files
  // back); sets a journal it cannot read aside as .tally/journal.bad. Each is
  // told to the notice sink. Call under the lock.
  bool finish_interrupted() const;
  std::filesystem::path journal_path() const;
  // Whether a journal (or an undo journal) waits for finish_interrupted().
  bool interrupted() const;

  // Writes the changes atomically and, when committing is on (here and in
  // tally.yaml), commits exactly those files. A repository that cannot commit
  // (git missing, none, a broken one) is an Error before any file is touched.
  // The whole change is first written to the journal, so a kill at any point
  // is finished by the next command. Any failure after that (a full disk, a
  // refused commit) puts the old files back before the Error goes on: a
  // command that fails has changed nothing. Call under the lock.
  void apply(const std::vector<Change>& changes, const std::string& message, const Person* actor,
             bool commit) const;

 private:
  void write_changes(const std::vector<Change>& changes) const;
  void forget_listings() const;
  void remove_temporaries(const std::vector<Change>& changes) const;
  void unstage(const std::vector<Change>& changes) const;
  void commit_changes(const std::vector<Change>& changes, const std::string& message,
                      const std::optional<Identity>& identity) const;

  std::filesystem::path m_root;
  Settings m_settings;
  Zone m_zone;
  mutable std::optional<People> m_people;
  std::shared_ptr<UnreadableList> m_unreadable;
  const std::vector<std::filesystem::path>& task_dirs() const;
  std::optional<std::filesystem::path> probe_task(const std::string& id) const;

  mutable std::optional<std::vector<std::string>> m_task_ids;             // sorted
  mutable std::vector<std::uint32_t> m_task_dir_of;                       // each ID's folder
  mutable std::optional<std::vector<std::filesystem::path>> m_task_dirs;  // tasks/YYYY/MM
};

}  // namespace tally::core
