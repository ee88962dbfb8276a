#include "core/git.hpp"

#include "core/error.hpp"
#include "core/process.hpp"
#include "core/text.hpp"

namespace tally::core {

std::string Git::run(const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env) const {
  std::vector<std::string> argv{"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = run_process(argv, m_dir, env);
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

void Git::commit(const std::vector<std::filesystem::path>& paths, const std::string& message,
                 const std::optional<Identity>& fallback) const {
  std::vector<std::string> add{"add", "--all", "--"};
  for (const auto& p : paths) add.push_back(p.string());
  run(add);
  std::map<std::string, std::string> env;
  if (fallback && (!config("user.email") || !config("user.name"))) {
    env = {{"GIT_AUTHOR_NAME", fallback->name},
           {"GIT_AUTHOR_EMAIL", fallback->email},
           {"GIT_COMMITTER_NAME", fallback->name},
           {"GIT_COMMITTER_EMAIL", fallback->email}};
  }
  std::vector<std::string> commit{"commit", "--quiet", "--only", "-m", message, "--"};
  for (const auto& p : paths) commit.push_back(p.string());
  run(commit, env);
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
