// git, run as a child process, and how tally commits with it.
//
// A commit must cost about the same in a store of 100 000 files as in one of
// ten. `git commit`, and update-index followed by write-tree, read and rewrite
// the whole index (11 MB at 100 000 files) more than once. So the commit is
// built from HEAD instead: the changed files are hashed, only the folders on
// their way (tasks/2026/11, tasks/2026, tasks, the root) are read from HEAD and
// written anew, and commit-tree and update-ref make the commit. The index is
// written once, by an update-index of just these paths that runs while the
// trees are built. Building from HEAD rather than from the index is also what
// keeps the user's own staged work out of the commit, and staged, as
// `git commit --only` does. The index takes the paths before HEAD moves: a
// writer killed in between leaves them staged and the next run commits them;
// never an index that would quietly undo the commit.
#include "core/git.hpp"

#include "core/error.hpp"
#include "core/process.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>
#include <set>
#include <string_view>
#include <thread>

namespace tally::core {

namespace fs = std::filesystem;

namespace {

std::string first_line_of(std::string_view s) {
  return std::string(trim(s.substr(0, s.find('\n'))));
}

}  // namespace

std::string Git::run(const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env,
                     const std::string& input) const {
  std::vector<std::string> argv{"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = run_process(argv, m_dir, env, input);
  // A tally killed while its git child ran leaves that child to finish on its
  // own, holding index.lock for a moment: wait for it rather than fail. Told by
  // the lock file being there, not by git's words (they change with the
  // language). A lock still there after five seconds is reported with git's advice.
  for (int tries = 0; r.status != 0 && tries < 100 && fs::exists(index_lock()); ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    r = run_process(argv, m_dir, env, input);
  }
  if (r.status != 0) {
    std::string msg(trim(r.err.empty() ? r.out : r.err));
    throw Error("git {} failed (exit {})", args.empty() ? "" : args.front(), r.status)
        .detail(msg)
        .exit(Exit::failed);
  }
  return r.out;
}

fs::path Git::index_lock() const {
  if (m_index_lock.empty()) {
    auto r = run_process({"git", "rev-parse", "--git-path", "index.lock"}, m_dir);
    fs::path p(std::string(trim(r.out)));
    // Never empty once asked: a clone git does not know has no lock to wait for.
    m_index_lock = r.status != 0 || p.empty() ? fs::path("/nonexistent/index.lock")
                   : p.is_absolute()          ? p
                                              : m_dir / p;
  }
  return m_index_lock;
}

std::optional<Git::State> Git::state() const {
  auto r = run_process({"git", "rev-parse", "--show-toplevel", "--show-prefix",
                        "--absolute-git-dir", "HEAD^{commit}"},
                       m_dir);
  // HEAD^{commit} fails on a branch with no commit yet, after the other answers.
  auto lines = split(r.out, '\n');
  if (lines.size() < 3 || lines[0].empty() || lines[2].empty()) return std::nullopt;
  State st{lines[0], lines[1], lines[2], "", Operation::none};
  if (r.status == 0 && lines.size() > 3 && is_hex_id(lines[3])) st.head = lines[3];
  static constexpr std::pair<const char*, Operation> markers[] = {
      {"rebase-merge", Operation::rebase},
      {"rebase-apply", Operation::rebase},
      {"MERGE_HEAD", Operation::merge},
      {"CHERRY_PICK_HEAD", Operation::cherry_pick},
      {"REVERT_HEAD", Operation::revert}};
  for (const auto& [name, op] : markers) {
    std::error_code ec;
    if (fs::exists(st.git_dir / name, ec)) {
      st.operation = op;
      break;
    }
  }
  return st;
}

void Git::require_work_tree() const {
  auto r = run_process({"git", "rev-parse", "--show-toplevel"}, m_dir);
  std::string top(trim(r.out));
  // The .git nearest above: git passes over one it cannot read and may find
  // another repository further up, or none. (GIT_DIR set: git is told where.)
  std::optional<fs::path> nearest;
  if (!std::getenv("GIT_DIR"))
    for (fs::path d = fs::absolute(m_dir).lexically_normal();; d = d.parent_path()) {
      std::error_code ec;
      if (fs::exists(d / ".git", ec)) {
        nearest = d;
        break;
      }
      if (d == d.root_path() || d.parent_path() == d) break;
    }
  std::error_code ec;
  bool same = r.status == 0 && nearest && fs::equivalent(top, *nearest, ec);
  if (r.status == 0 && (!nearest || same)) return;
  if (nearest)
    throw Error("the git repository {} is broken: git does not take it for a repository",
                (*nearest / ".git").string())
        .detail(r.status == 0 ? "git found " + top + " instead"
                              : first_line_of(r.err.empty() ? r.out : r.err))
        .hint(
            "repair it (a HEAD file holds a line such as 'ref: refs/heads/main'), or write "
            "without committing with --no-commit")
        .exit(Exit::failed);
  throw Error("the store {} is in no git repository, but tally.yaml says to commit every change",
              m_dir.string())
      .hint("run 'git init' there, set 'commit: false' in tally.yaml, or pass --no-commit")
      .exit(Exit::failed);
}

bool Git::in_work_tree() const {
  auto r = run_process({"git", "rev-parse", "--is-inside-work-tree"}, m_dir);
  return r.status == 0 && trim(r.out) == "true";
}

std::optional<std::string> Git::config(const std::string& key) const {
  auto r = run_process({"git", "config", "--get", key}, m_dir);
  if (r.status != 0) return std::nullopt;
  std::string v(trim(r.out));
  if (v.empty()) return std::nullopt;
  return v;
}

void Git::init() const {
  run({"init", "--quiet"});
}

namespace {

std::string nul_separated(const std::vector<fs::path>& paths) {
  std::string out;
  for (const auto& p : paths) {
    out += p.generic_string();
    out += '\0';
  }
  return out;
}

// Paths given to porcelain name those files only: '*' or '[' in a name is no pattern.
const std::map<std::string, std::string> literal{{"GIT_LITERAL_PATHSPECS", "1"}};

// What a commit needs from git's configuration, read in one process.
struct CommitConfig {
  bool has_name = false;
  bool has_email = false;
  bool filemode = true;  // git's default when unset
};

CommitConfig commit_config(const fs::path& dir) {
  // Exit 1 means none of the keys is set; the defaults stand.
  auto r = run_process(
      {"git", "config", "-z", "--get-regexp", R"(^(user\.name|user\.email|core\.filemode)$)"}, dir);
  CommitConfig c;
  for (const auto& item : split(r.out, '\0')) {
    auto nl = item.find('\n');
    std::string key = item.substr(0, nl);
    // The last setting wins, as for `git config --get`.
    bool bare = nl == std::string::npos;  // "key" without "= value": true
    std::string value = bare ? "" : to_lower(trim(item.substr(nl + 1)));
    if (key == "user.name") c.has_name = !value.empty();
    if (key == "user.email") c.has_email = !value.empty();
    if (key == "core.filemode")
      c.filemode = bare || !(value.empty() || value == "false" || value == "no" || value == "off" ||
                             value == "0");
  }
  return c;
}

// The identity to commit with: git's own when it has one, else the acting person's.
std::map<std::string, std::string> identity_env(const CommitConfig& config,
                                                const std::optional<Identity>& fallback) {
  if (!fallback || (config.has_email && config.has_name)) return {};
  return {{"GIT_AUTHOR_NAME", fallback->name},
          {"GIT_AUTHOR_EMAIL", fallback->email},
          {"GIT_COMMITTER_NAME", fallback->name},
          {"GIT_COMMITTER_EMAIL", fallback->email}};
}

}  // namespace

bool Git::commit(const std::vector<fs::path>& paths, const std::string& message,
                 const std::optional<Identity>& fallback) const {
  if (paths.empty()) return false;
  // Staging is the one step that reads and writes the whole index, and every
  // way below needs it: it starts first and runs alongside the rest. Paths on
  // stdin, NUL-separated: an import of 100 000 records is past the argument limit.
  std::string list = nul_separated(paths);
  auto staged = std::async(std::launch::async, [&] {
    run({"update-index", "--add", "--remove", "-z", "--stdin"}, {}, list);
  });

  // One process says where the store lies in the work tree, whether git is in
  // the middle of something that a partial commit must not cut into, and HEAD.
  auto st = state();
  bool has_head = st && !st->head.empty();
  bool busy = st && st->operation != Operation::none;

  std::optional<NewTree> tree;
  std::string commit;
  if (has_head && !busy) {
    const Head head{st->top, st->prefix, st->head};
    auto config = commit_config(m_dir);
    tree = tree_with(paths, head, config.filemode);
    if (tree && tree->after != tree->before) {
      auto made = run_process({"git", "commit-tree", tree->after, "-p", head.commit, "-m", message},
                              m_dir, identity_env(config, fallback));
      // Said as git commit would say it: the user asked for a commit, not for plumbing.
      if (made.status != 0)
        throw Error("git commit failed (exit {})", made.status)
            .detail(std::string(trim(made.err)))
            .exit(Exit::failed);
      commit = Git::checked_id(made.out, "commit-tree");
    }
  }
  staged.get();
  // No commit yet, a merge or a rebase going on, or a path plumbing leaves to git.
  if (!tree) return commit_porcelain(paths, message, fallback, has_head);
  if (commit.empty()) return false;  // the files were already as committed
  run({"update-ref", "-m", "commit: " + first_line_of(message), "HEAD", commit, st->head});
  return true;
}

bool Git::commit_porcelain(const std::vector<fs::path>& paths, const std::string& message,
                           const std::optional<Identity>& fallback, bool has_head) const {
  // The paths are staged already (commit --only needs new files staged; `git
  // add` would stop at a path already gone from the index and the work tree).
  if (has_head) {
    // Nothing to commit when none of the paths is staged differently from HEAD
    // (a change finished after its writer was killed).
    std::set<std::string> ours;
    for (const auto& p : paths) ours.insert(p.lexically_normal().generic_string());
    auto staged =
        split(run({"diff-index", "--cached", "--relative", "--name-only", "-z", "HEAD"}), '\0');
    if (std::none_of(staged.begin(), staged.end(),
                     [&](const std::string& s) { return ours.contains(s); }))
      return false;
  }
  auto env = identity_env(commit_config(m_dir), fallback);
  env.insert(literal.begin(), literal.end());
  run({"commit", "--quiet", "--only", "-m", message, "--pathspec-from-file=-",
       "--pathspec-file-nul"},
      env, nul_separated(paths));
  return true;
}

void Git::unstage(const std::vector<fs::path>& paths) const {
  std::string list = nul_separated(paths);
  if (run_process({"git", "reset", "--quiet", "--pathspec-from-file=-", "--pathspec-file-nul"},
                  m_dir, literal, list)
          .status == 0)
    return;
  // Where reset cannot (no commit to reset to, on an old git), drop the paths from the index.
  run_process({"git", "rm", "--cached", "--quiet", "--ignore-unmatch", "--pathspec-from-file=-",
               "--pathspec-file-nul"},
              m_dir, literal, list);
}

}  // namespace tally::core
