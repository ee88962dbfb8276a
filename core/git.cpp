#include "core/git.hpp"

#include "core/error.hpp"
#include "core/process.hpp"
#include "core/text.hpp"

#include <chrono>
#include <set>
#include <thread>

namespace tally::core {

std::string Git::run(const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env,
                     const std::string& input) const {
  std::vector<std::string> argv{"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = run_process(argv, m_dir, env, input);
  // A tally killed while its git child ran leaves that child to finish on its
  // own, holding index.lock for a moment: wait for it rather than fail. A lock
  // still there after five seconds is reported with git's own advice.
  for (int tries = 0;
       r.status != 0 && tries < 100 && r.err.find("index.lock") != std::string::npos &&
       r.err.find("File exists") != std::string::npos;
       ++tries) {
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

// The identity to commit with: git's own when it has one, else the acting person's.
std::map<std::string, std::string> identity_env(const Git& git,
                                                const std::optional<Identity>& fallback) {
  if (!fallback || (git.config("user.email") && git.config("user.name"))) return {};
  return {{"GIT_AUTHOR_NAME", fallback->name},
          {"GIT_AUTHOR_EMAIL", fallback->email},
          {"GIT_COMMITTER_NAME", fallback->name},
          {"GIT_COMMITTER_EMAIL", fallback->email}};
}

std::string nul_separated(const std::vector<std::filesystem::path>& paths) {
  std::string out;
  for (const auto& p : paths) {
    out += p.generic_string();
    out += '\0';
  }
  return out;
}

}  // namespace

bool Git::commit(const std::vector<std::filesystem::path>& paths, const std::string& message,
                 const std::optional<Identity>& fallback) const {
  // With plumbing, a commit costs the same in a store of 100 000 files as in
  // one of ten: only the named paths are hashed and put into the index, and the
  // tree is written from the index (git keeps unchanged subtrees' hashes), so
  // nothing stats the whole work tree as `git commit` does.
  auto heads = run_process({"git", "rev-parse", "--verify", "-q", "HEAD", "HEAD^{tree}"}, m_dir);
  auto lines = split(std::string(trim(heads.out)), '\n');
  std::string before = run({"write-tree"});
  if (heads.status == 0 && lines.size() == 2 && trim(before) != lines[1]) {
    // Staged work: plumbing is still right when it is only these paths (a writer killed
    // between update-index and update-ref left them staged).
    std::set<std::string> ours;
    for (const auto& p : paths) ours.insert(p.generic_string());
    bool only_ours = true;
    for (const auto& staged :
         split(run({"diff-index", "--cached", "--name-only", "-z", "HEAD"}), '\0'))
      only_ours = only_ours && (staged.empty() || ours.contains(staged));
    if (only_ours) before = lines[1];
  }
  if (heads.status != 0 || lines.size() != 2 || trim(before) != lines[1]) {
    // No commit yet, or the index holds other staged work of the user's: let
    // `git commit --only` keep that work out of the commit.
    return commit_porcelain(paths, message, fallback);
  }
  // Paths on stdin, NUL-separated: an import of 100 000 records is past the argument limit.
  run({"update-index", "--add", "--remove", "-z", "--stdin"}, {}, nul_separated(paths));
  std::string tree(trim(run({"write-tree"})));
  if (tree == lines[1]) return false;  // the files were already as committed
  std::string commit(trim(
      run({"commit-tree", tree, "-p", lines[0], "-m", message}, identity_env(*this, fallback))));
  std::string subject = message.substr(0, message.find('\n'));
  run({"update-ref", "-m", "commit: " + subject, "HEAD", commit, lines[0]});
  return true;
}

bool Git::commit_porcelain(const std::vector<std::filesystem::path>& paths,
                           const std::string& message,
                           const std::optional<Identity>& fallback) const {
  std::string list = nul_separated(paths);
  run({"add", "--all", "--pathspec-from-file=-", "--pathspec-file-nul"}, {}, list);
  if (run_process({"git", "rev-parse", "--verify", "-q", "HEAD"}, m_dir).status == 0 &&
      run_process(
          {"git", "diff", "--cached", "--quiet", "--pathspec-from-file=-", "--pathspec-file-nul"},
          m_dir, {}, list)
              .status == 0)
    return false;
  try {
    run({"commit", "--quiet", "--only", "-m", message, "--pathspec-from-file=-",
         "--pathspec-file-nul"},
        identity_env(*this, fallback), list);
  } catch (const Error& e) {
    // The paths are already as committed (a change finished after its writer was killed).
    if (e.detail().find("nothing to commit") != std::string::npos) return false;
    throw;
  }
  return true;
}

void Git::unstage(const std::vector<std::filesystem::path>& paths) const {
  std::vector<std::string> argv{"git", "reset", "--quiet", "--"};
  for (const auto& p : paths) argv.push_back(p.string());
  if (run_process(argv, m_dir).status == 0) return;
  // No commit yet: there is no HEAD to reset to, so drop the paths from the index.
  argv = {"git", "rm", "--cached", "--quiet", "--ignore-unmatch", "--"};
  for (const auto& p : paths) argv.push_back(p.string());
  run_process(argv, m_dir);
}

}  // namespace tally::core
