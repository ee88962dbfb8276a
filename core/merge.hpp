// Three-way merge of one store file, for git's merge driver (`tally
// merge-file`). Task and CRM record files are merged field by field against
// the common base instead of line by line: lists of logins and tags merge as
// sets, checklist items by their text, log entries as a union ordered by time,
// unknown keys like any other field. Only when both sides changed one field to
// different values is there a conflict, and then the file holds git-style
// markers around just that field's lines, so a person can pick one and
// `tally check` refuses the file until they do.
#pragma once

#include "core/dates.hpp"
#include "core/people.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tally::core {

struct MergeResult {
  std::string text;  // canonical YAML, with markers when there are conflicts
  std::vector<std::string>
      conflicts;            // fields both sides changed differently ("title", "fields.region")
  bool text_merge = false;  // merged line by line by `git merge-file`, not field by field
  bool clean() const { return conflicts.empty(); }
};

// Merges the three texts of the file at `path` (relative to the store root:
// tasks/..., deals/..., companies/..., leads/..., contacts/...; an empty path
// means a task file). An empty `base` means both sides added the file.
// Returns nullopt when a text is not a valid file of that kind (a syntax
// error, markers of an earlier conflict, a file tally does not merge), so
// the caller can fall back to a merge line by line.
//
// With `people`, a task is then settled by its log (replay.hpp): the union of both logs is
// replayed under the rules, an entry they do not allow at its point of the merged history (the
// old responsible's `done` after a reassignment, a second terminal transition) is kept marked
// `rejected: <why>` and has no effect, and the fields that change are written from the replay.
// Those fields never conflict; a title, priority or description edited on both sides keeps the
// later edit (both are in the log).
std::optional<MergeResult> merge_texts(const std::string& base, const std::string& ours,
                                       const std::string& theirs, const std::string& path,
                                       const Zone& zone, const People* people = nullptr);

// git's merge driver: merges `base` and `theirs` into `ours` in place (git's
// %O, %B and %A). Falls back to `git merge-file` for files merge_texts cannot
// read. The result is written to `ours` even when it has conflicts.
MergeResult merge_files(const std::filesystem::path& base, const std::filesystem::path& ours,
                        const std::filesystem::path& theirs, const std::string& path,
                        const Zone& zone, const People* people = nullptr);

}  // namespace tally::core
