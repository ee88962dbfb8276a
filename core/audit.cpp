#include "core/audit.hpp"

#include "core/error.hpp"
#include "core/guard.hpp"
#include "core/process.hpp"
#include "core/text.hpp"

namespace tally::core {

AuditReport audit(const Store& store, const std::string& range) {
  Git git(store.root());
  if (!git.in_work_tree())
    throw Error("the store is not in a git repository, so it has no history to audit")
        .exit(Exit::usage);
  if (range.starts_with('-') ||
      run_process({"git", "rev-list", "--max-count=1", range, "--"}, store.root()).status != 0)
    throw Error("'{}' is not a commit or a range of commits in this repository", range)
        .hint("a branch, a commit, or A..B such as origin/main..HEAD")
        .exit(Exit::usage);
  // Paths in git's output are relative to the repository's top, which may lie above the store.
  std::string prefix(trim(git.run({"rev-parse", "--show-prefix"})));
  AuditReport report;
  for (const auto& c : commits_of(git, {range})) check_commit(git, c, prefix, report);
  return report;
}

}  // namespace tally::core
