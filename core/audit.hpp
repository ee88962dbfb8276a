// `tally audit`: walks the git history of the task files and reports what the
// store's rules forbid but git cannot stop: a log entry whose `by` is not the
// person who made the commit (someone acting for someone else), a transition
// that the person's role does not allow, and history rewritten (a log entry
// removed or changed). A job for CI on the shared remote.
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
};

struct AuditReport {
  std::vector<AuditFinding> findings;
  std::size_t commits = 0;  // commits read
  std::size_t entries = 0;  // new log entries checked
};

// `range` is anything `git rev-list` takes ("HEAD", "origin/main..HEAD"); merge
// commits are skipped (their changes are checked in the commits they merge).
// People and roles are those of people.yaml now.
AuditReport audit(const Store& store, const std::string& range);

}  // namespace tally::core
