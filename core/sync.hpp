// Sharing a store between clones: `tally setup-git` installs the merge driver
// (core/merge.hpp) for a clone, `tally sync` commits what is pending, pulls
// with rebase through that driver, checks the store and pushes.
#pragma once

#include "core/check.hpp"
#include "core/store.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace tally::core {

// The lines of .gitattributes that send the store's files to the driver.
std::vector<std::string> merge_attribute_lines();

// The driver's command for git: this very binary by its absolute path (from
// /proc/self/exe, so it works when tally is not on PATH), then
// "merge-file %O %A %B %P".
std::string merge_driver_command();

struct GitSetup {
  bool attributes_changed = false;  // .gitattributes was written
  bool config_changed = false;      // merge.tally.* was set in the clone's config
  std::string driver;               // the command git runs
};

// Writes the missing driver lines into .gitattributes at the store root
// (other lines are kept) and sets merge.tally.name and merge.tally.driver in
// the clone's own git config. Running it again changes nothing.
GitSetup setup_git(const std::filesystem::path& root);

struct SyncOptions {
  bool commit = true;  // commit pending changes of store files first
  bool abort = false;  // only undo what an earlier sync left in progress
};

struct SyncResult {
  std::vector<std::string> recovered;  // what was done about an earlier sync's leftovers
  std::vector<std::string> committed;  // store files committed as pending changes
  std::vector<std::string> left;       // pending store files left uncommitted (commit off)
  std::string upstream;                // "origin/main"
  std::size_t pulled = 0;              // commits that came in
  std::size_t pushed = 0;              // commits sent
  int pushes = 0;                      // push attempts (2 after one rejection)
  CheckReport report;                  // the check after the last pull
};

// Under the writers' lock: first gets the clone out of what an earlier sync
// left (its rebase stopped on a conflict the person has since resolved is
// finished, one that was killed is undone, an autostash-only state is put
// back; each said in `recovered`), then commits pending store files (never
// other work), `git pull --rebase --autostash`, checks the store, and pushes
// when the check has no errors; a push refused because the remote moved on is
// retried once after another pull. Throws Error when there is no upstream,
// when the pull stops on a conflict (the rebase is left for the person to
// resolve; the next sync finishes it, or `abort` undoes it), when git is in
// the middle of something sync did not start, or when git fails. A check with
// errors is returned (report.ok() is false) with nothing pushed.
SyncResult sync_store(const Store& store, const SyncOptions& options);

}  // namespace tally::core
