// git, run as a child process. The store commits only the files a command
// changed, with the user's own identity, so a tally commit never sweeps up the
// user's other work.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tally::core {

struct Identity {
  std::string name;
  std::string email;
};

class Git {
 public:
  explicit Git(std::filesystem::path dir) : m_dir(std::move(dir)) {}

  // What git is in the middle of in a clone, as its state files say.
  enum class Operation { none, rebase, merge, cherry_pick, revert };
  struct State {
    std::string top;     // the top of the work tree
    std::string prefix;  // the way from there to dir, "" or ending in '/'
    std::filesystem::path git_dir;
    std::string head;  // HEAD's commit id; empty on a branch with no commit yet
    Operation operation = Operation::none;
  };
  // All of that from one git process; nullopt when `dir` lies in no work tree.
  // The one place that tells whether git is in the middle of something.
  std::optional<State> state() const;

  // True when `dir` lies inside a git work tree.
  bool in_work_tree() const;
  // Throws Error (exit 3) unless `dir` lies in a work tree that git can use:
  // git missing from PATH, no repository at all, and a broken one (a .git that
  // git does not recognise, such as one with a corrupt HEAD) are each said so.
  void require_work_tree() const;
  // `git config --get key`, nullopt when unset.
  std::optional<std::string> config(const std::string& key) const;
  void init() const;
  // Commits exactly `paths` (relative to dir; deletions included) as they are in
  // the work tree, on top of HEAD, and stages them; the user's other staged work
  // stays staged and out of the commit. Neither the work tree nor the whole index
  // is scanned. When git has no identity configured, `fallback` is used. False
  // when the paths were already as committed (no commit is made).
  bool commit(const std::vector<std::filesystem::path>& paths, const std::string& message,
              const std::optional<Identity>& fallback) const;
  // A full object id (40 or 64 hex digits), and git's answer checked to be one.
  static bool is_hex_id(std::string_view s);
  static std::string checked_id(std::string_view out, const char* what);
  // Unstages `paths` (after a failed commit).
  void unstage(const std::vector<std::filesystem::path>& paths) const;
  // Runs git with args; throws Error with git's stderr when it fails.
  std::string run(const std::vector<std::string>& args,
                  const std::map<std::string, std::string>& env = {},
                  const std::string& input = {}) const;

 private:
  struct Head {
    std::string top;     // the top of the work tree
    std::string prefix;  // the way from there to dir, "" or ending in '/'
    std::string commit;  // HEAD's commit id
  };
  // index.lock of this clone's index, asked of git once (after a failure only).
  std::filesystem::path index_lock() const;
  mutable std::filesystem::path m_index_lock;
  struct NewTree {
    std::string before;  // HEAD's root tree
    std::string after;
  };
  // The new root tree: HEAD's tree with `paths` as in the work tree,
  // only the folders on their way written anew. Nullopt when plumbing cannot
  // say it exactly (a symlink, a file where HEAD has a folder) and git's own
  // `commit --only` must.
  std::optional<NewTree> tree_with(const std::vector<std::filesystem::path>& paths,
                                   const Head& head, bool filemode) const;
  // `git commit --only` of the staged paths: for the first commit, during a
  // merge or a rebase, and for paths that plumbing leaves to git.
  bool commit_porcelain(const std::vector<std::filesystem::path>& paths, const std::string& message,
                        const std::optional<Identity>& fallback, bool has_head) const;

  std::filesystem::path m_dir;
};

}  // namespace tally::core
