// `tally check`: validates the whole store and reports every problem in one
// run: YAML syntax (file:line:column), schema, IDs equal to file names,
// duplicate IDs, leftover git conflict markers, log order, link targets,
// people, plans. Used by CI, the pre-commit hook and `tally sync`.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace tally::core {

struct Finding {
  enum class Severity { error, warning };
  Severity severity = Severity::error;
  std::string file;     // relative to the store root; empty for the store as a whole
  std::string message;  // "file:line:column: what" when it has a position
  std::string detail;   // the source line and a caret, further problems of the file
  std::string hint;
};

struct CheckReport {
  std::vector<Finding> findings;
  std::size_t files = 0;  // files read
  std::size_t errors() const;
  std::size_t warnings() const;
  bool ok() const { return errors() == 0; }
};

// Reads every file of the store at `root` (never the cache) and reports what is wrong.
// Throws only when `root` is not a store at all.
CheckReport check_store(const std::filesystem::path& root);

// `check --fix`: rewrites in canonical form (key order, formatting) every file
// that parses without problems but is not written the way tally writes it.
// The content means the same before and after. Returns the relative paths of
// the files that are to be rewritten, with their new text.
std::vector<std::pair<std::string, std::string>> canonical_rewrites(
    const std::filesystem::path& root);

// Temporary files (".NAME.XXXXXX.tmp") that interrupted writes left in the
// store's folders, relative to the root.
std::vector<std::string> stray_temporaries(const std::filesystem::path& root);

}  // namespace tally::core
