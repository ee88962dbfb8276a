// The store's journal (.tally/journal): before a writer touches the first
// file of a change, it writes down the whole change (every file's new content
// and its old one, the commit message and identity) in one atomic file. A
// writer killed between its files, or between the files and the commit, leaves
// the journal behind; the next command replays it, so the change is finished,
// never half-made. A writer that fails instead (a full disk, git refusing the
// commit) puts the old files back itself; while it does, the journal is named
// .tally/journal.undo, so that a kill in the middle of that is undone, not
// redone, by the next command. A journal that cannot be read is set aside as
// .tally/journal.bad and reported, never replayed and never dropped silently.
#pragma once

#include "core/git.hpp"
#include "core/store.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tally::core {

struct Journal {
  std::string message;
  std::optional<Identity> identity;
  bool commit = true;  // false for --no-commit and stores outside git
  std::vector<Change> changes;
  // Each change's file as it was before (nullopt: there was none); empty in a
  // journal of tally 1 (format 1), which can be finished but not undone.
  std::vector<std::optional<std::string>> before;

  // The old contents as changes that put them back; empty when unknown.
  std::vector<Change> undo() const;
};

// Writes the journal atomically and durably.
void write_journal(const std::filesystem::path& file, const Journal& j);
// The journal at `file`; nullopt when there is none or it is not a whole one.
std::optional<Journal> read_journal(const std::filesystem::path& file);

}  // namespace tally::core
