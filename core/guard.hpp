// The rules of the store, judged commit by commit from git's objects alone, so that they hold
// where nobody runs tally: `tally guard` in the shared bare repository's pre-receive hook
// refuses a push that breaks them, and `tally audit` reports the same over any range of a clone.
// A commit is judged against its parent(s): the people and roles as people.yaml stood in the
// parent (a merge is judged with its own), the store found by its tally.yaml in the tree.
#pragma once

#include "core/audit.hpp"
#include "core/git.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tally::core {

// The rules a commit can break, as findings name them (tally-guard(1)).
namespace rule {
inline constexpr const char* append_only =
    "append-only";  // a log entry removed, changed, a task deleted
inline constexpr const char* author =
    "author";                                // an entry by someone else than the commit's author
inline constexpr const char* role = "role";  // an entry the rules did not allow at its point
inline constexpr const char* fields = "fields";  // a field that is not what the log leads to
inline constexpr const char* head_only =
    "head-only";                               // people.yaml, tally.yaml, plans/ by a non-head
inline constexpr const char* merge = "merge";  // a merge that is not the union of its sides
inline constexpr const char* valid_file = "valid-file";  // a task file tally cannot read
}  // namespace rule

// A commit as the rules see it.
struct CommitInfo {
  std::string hash;
  std::vector<std::string> parents;
  std::string name, email, date;  // the author's
};

// The commits `revs` name (arguments of `git log`: "A..B", "NEW --not --all"), parents first.
std::vector<CommitInfo> commits_of(const Git& git, const std::vector<std::string>& revs);

// The folder of the store inside commit `rev` ("" or "sub/dir/"): the shallowest tally.yaml of
// its tree. Nullopt when the tree has none.
std::optional<std::string> store_prefix_at(const Git& git, const std::string& rev);

// Checks `commit` against the store's rules (the store at `prefix` of the repository) and adds
// every rule it breaks to `report`, with the commit, the file and the rule.
void check_commit(const Git& git, const CommitInfo& commit, const std::string& prefix,
                  AuditReport& report);

// One line a pre-receive hook reads on stdin: "<old> <new> <ref>".
struct RefUpdate {
  std::string old_id, new_id, ref;
};
// The lines of a pre-receive hook's stdin. Throws Error (usage) on a line that is not one.
std::vector<RefUpdate> parse_ref_updates(std::string_view text);

// What a push brings: every commit of the updates that no existing ref reaches yet, checked
// against the store of the tree it updates to. A ref deleted brings nothing; a tree without
// tally.yaml is not a store and is let through.
AuditReport guard(const Git& git, const std::vector<RefUpdate>& updates);

struct RemoteSetup {
  std::filesystem::path hook;
  bool changed = false;  // the hook was written (false: it was already this one)
};

// Installs the pre-receive hook that runs `tally guard` (this very binary by its absolute path)
// in the bare repository `repo`. A hook there that is not tally's is an Error unless `force`.
RemoteSetup setup_remote(const std::filesystem::path& repo, bool force);

}  // namespace tally::core
