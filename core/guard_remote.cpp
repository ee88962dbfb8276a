// The guard at the remote: the ref updates a pre-receive hook is told of, the commits they
// bring, and the hook itself (tally setup-remote).
#include "core/guard.hpp"

#include "core/error.hpp"
#include "core/fsutil.hpp"
#include "core/process.hpp"
#include "core/text.hpp"

#include <sys/stat.h>

#include <set>

namespace tally::core {

namespace fs = std::filesystem;

namespace {

constexpr const char* hook_marker =
    "# tally guard: refuses a push that breaks the store's rules (tally setup-remote, "
    "tally-guard(1))";

bool is_zero_id(std::string_view id) {
  return id.find_first_not_of('0') == std::string_view::npos;
}

}  // namespace

std::vector<RefUpdate> parse_ref_updates(std::string_view text) {
  std::vector<RefUpdate> updates;
  for (const auto& line : split(text, '\n')) {
    if (trim(line).empty()) continue;
    auto f = split(trim(line), ' ');
    if (f.size() != 3 || !Git::is_hex_id(f[0]) || !Git::is_hex_id(f[1]) || f[2].empty())
      throw Error("'{}' is not a line of a pre-receive hook's input", escape_control(line))
          .hint(
              "tally guard reads '<old> <new> <ref>' lines on stdin, as git gives them to a "
              "pre-receive hook")
          .exit(Exit::usage);
    updates.push_back({f[0], f[1], f[2]});
  }
  return updates;
}

AuditReport guard(const Git& git, const std::vector<RefUpdate>& updates) {
  AuditReport report;
  std::set<std::string> seen;
  for (const auto& u : updates) {
    if (is_zero_id(u.new_id)) continue;  // a ref deleted brings no commit
    auto prefix = store_prefix_at(git, u.new_id);
    // A push that removes the store is judged as the store it removes.
    if (!prefix && !is_zero_id(u.old_id)) prefix = store_prefix_at(git, u.old_id);
    if (!prefix) continue;
    // Refs are not moved yet: --all is what the remote had before this push.
    for (const auto& c : commits_of(git, {u.new_id, "--not", "--all"}))
      if (seen.insert(c.hash).second) check_commit(git, c, *prefix, report);
  }
  return report;
}

RemoteSetup setup_remote(const fs::path& repo, bool force) {
  if (!fs::is_directory(repo))
    throw Error("there is no folder {}", repo.string())
        .hint("name the shared bare repository, such as /srv/git/sales.git")
        .exit(Exit::usage);
  auto bare = run_process({"git", "rev-parse", "--is-bare-repository"}, repo);
  if (bare.status != 0)
    throw Error("{} is not a git repository", repo.string())
        .hint("name the shared bare repository, such as /srv/git/sales.git")
        .exit(Exit::usage);
  if (trim(bare.out) != "true")
    throw Error("{} is a clone with a work tree, not a bare repository", repo.string())
        .hint("the guard belongs in the repository everyone pushes to (git init --bare)")
        .exit(Exit::usage);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  std::string script = std::string("#!/bin/sh\n") + hook_marker + "\nexec " +
                       (ec ? std::string("tally") : shell_quote(exe.string())) + " guard \"$@\"\n";
  fs::path hooks =
      fs::path(trim(run_process({"git", "rev-parse", "--git-path", "hooks"}, repo).out));
  if (hooks.is_relative()) hooks = repo / hooks;
  RemoteSetup out{hooks / "pre-receive", false};
  if (fs::exists(out.hook)) {
    std::string have = read_file(out.hook);
    if (have == script &&
        (fs::status(out.hook).permissions() & fs::perms::owner_exec) != fs::perms::none)
      return out;
    if (have.find(hook_marker) == std::string::npos && !force)
      throw Error("{} already has a pre-receive hook that is not tally's", repo.string())
          .detail(out.hook.string())
          .hint(
              "--force replaces it (keep a copy first); or call 'tally guard' from it with "
              "the same stdin")
          .exit(Exit::usage);
  }
  fs::create_directories(hooks);
  write_file_atomic(out.hook, script);
  fs::permissions(out.hook, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
  out.changed = true;
  return out;
}

}  // namespace tally::core
