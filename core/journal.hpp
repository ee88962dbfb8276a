// The store's redo journal (.tally/journal): before a writer touches the first
// file of a change, it writes down the whole change (every file's new content,
// the commit message and identity) in one atomic file. A writer killed between
// its files, or between the files and the commit, leaves the journal behind;
// the next command replays it, so the change is finished, never half-made.
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
};

// Writes the journal atomically and durably.
void write_journal(const std::filesystem::path& file, const Journal& j);
// The journal at `file`; nullopt when there is none or it is not a whole one.
std::optional<Journal> read_journal(const std::filesystem::path& file);

}  // namespace tally::core
