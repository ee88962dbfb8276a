// git, run as a child process. The store commits only the files a command
// changed, with the user's own identity, so a tally commit never sweeps up the
// user's other work.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tally::core {

struct Identity {
  std::string name;
  std::string email;
};

class Git {
 public:
  explicit Git(std::filesystem::path dir) : m_dir(std::move(dir)) {}

  // True when `dir` lies inside a git work tree.
  bool in_work_tree() const;
  // `git config --get key`, nullopt when unset.
  std::optional<std::string> config(const std::string& key) const;
  void init() const;
  // Stages exactly `paths` (relative to dir; deletions included) and commits
  // only them, without scanning the rest of the work tree. When git has no
  // identity configured, `fallback` is used. False when the paths were already
  // as committed (no commit is made).
  bool commit(const std::vector<std::filesystem::path>& paths, const std::string& message,
              const std::optional<Identity>& fallback) const;
  // Unstages `paths` (after a failed commit).
  void unstage(const std::vector<std::filesystem::path>& paths) const;
  // Runs git with args; throws Error with git's stderr when it fails.
  std::string run(const std::vector<std::string>& args,
                  const std::map<std::string, std::string>& env = {},
                  const std::string& input = {}) const;

 private:
  // `git add` and `git commit --only`: for the first commit, and when the index
  // holds staged work of the user's that must stay out of the commit.
  bool commit_porcelain(const std::vector<std::filesystem::path>& paths, const std::string& message,
                        const std::optional<Identity>& fallback) const;

  std::filesystem::path m_dir;
};

}  // namespace tally::core
