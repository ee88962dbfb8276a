// `tally audit`: walks the git history and reports what the store's rules
// forbid but git cannot stop, commit by commit (core/guard.hpp): a log entry
// whose `by` is not the person who made the commit, a transition the rules do
// not allow, history rewritten, fields that are not what the log leads to,
// people.yaml, tally.yaml or plans changed by someone who is not a head. The
// same rules `tally guard` enforces at the remote.
#pragma once

#include "core/store.hpp"

#include <string>
#include <vector>

namespace tally::core {

struct AuditFinding {
  std::string commit;  // abbreviated hash
  std::string date;    // author date, ISO 8601
  std::string author;  // "Name <email>"
  std::string file;    // relative to the repository's top
  std::string message;
  std::string rule;  // which rule (guard.hpp's rule names: "author", "role", ...)
};

struct AuditReport {
  std::vector<AuditFinding> findings;
  std::size_t commits = 0;  // commits read
  std::size_t entries = 0;  // new log entries checked
};

// `range` is anything `git rev-list` takes ("HEAD", "origin/main..HEAD"). Each
// commit is judged with people.yaml as it stood in its parent; a merge by what
// it adds to its sides.
AuditReport audit(const Store& store, const std::string& range);

}  // namespace tally::core
