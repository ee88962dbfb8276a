// The driver is named by the binary's absolute path rather than by "tally" on
// PATH: a clone set up from a build folder or a test runs the same binary git
// was told about, and a package that installs to /usr/bin gets /usr/bin/tally.
// Moving the binary elsewhere needs `tally setup-git` again.
//
// sync stops at the first thing a person must decide: a conflict leaves git's
// rebase in place (the markers are around the conflicting fields only, which
// is what the driver is for), a store with errors is not pushed. Whatever it
// leaves, the next `tally sync` gets the clone out of it by itself: it marks
// its own pulls (.tally/sync), so that a rebase of its own found in progress
// is continued (a conflict the person has resolved), or undone (one that was
// killed); git's autostash-only state (a pull killed just after it set the
// uncommitted changes aside) is put back whoever made it. No decision reads
// git's words: exit codes, porcelain output and git's own state files.
#include "core/sync.hpp"

#include "core/error.hpp"
#include "core/fsutil.hpp"
#include "core/process.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace tally::core {

namespace fs = std::filesystem;

namespace {

constexpr const char* driver_name = "tally: field-by-field merge of task and record files";
constexpr const char* attributes_header =
    "# tally merges its task and record files field by field (tally setup-git, tally-sync(1))";

// The store's own files: what sync may commit. Never the user's other work.
const std::vector<std::string> store_paths{"tally.yaml", "people.yaml", "tasks",    "deals",
                                           "companies",  "leads",       "contacts", "plans"};

// git's output with the trailing newline cut, or nullopt when git fails.
std::optional<std::string> git_out(const fs::path& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = run_process(argv, dir);
  if (r.status != 0) return std::nullopt;
  return std::string(trim(r.out));
}

std::optional<std::string> local_config(const fs::path& dir, const std::string& key) {
  return git_out(dir, {"config", "--local", "--get", key});
}

// The mark of a pull of ours, there from before the pull until git is no
// longer in the middle of it.
fs::path sync_mark(const fs::path& root) {
  return root / ".tally" / "sync";
}

bool busy(const fs::path& root) {
  auto st = Git(root).state();
  return st && st->operation != Git::Operation::none;
}

// Store files with uncommitted changes, as paths from the top of the work tree.
std::vector<std::string> pending_files(const fs::path& root) {
  std::vector<std::string> args{"status", "--porcelain", "-z", "--untracked-files=all", "--"};
  args.insert(args.end(), store_paths.begin(), store_paths.end());
  args.insert(args.begin(), "git");
  auto r = run_process(args, root);  // not trimmed: a status may start with a space
  if (r.status != 0)
    throw Error("git status failed in {}", root.string()).detail(r.err).exit(Exit::failed);
  std::vector<std::string> files;
  auto fields = split(r.out, '\0');
  for (size_t i = 0; i < fields.size(); ++i) {
    std::string_view f = fields[i];
    if (f.size() < 4) continue;
    files.emplace_back(f.substr(3));
    if ((f[0] == 'R' || f[0] == 'C') && i + 1 < fields.size()) files.emplace_back(fields[++i]);
  }
  return files;
}

std::size_t count_commits(const fs::path& root, const std::string& range) {
  auto n = git_out(root, {"rev-list", "--count", range});
  return n ? std::stoul(*n) : 0;
}

// The fields between markers in a conflicted file: the first line of each side.
std::vector<std::string> conflicting_fields(const fs::path& file) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::exists(file, ec)) return out;
  auto lines = split(read_file(file), '\n');
  auto take = [&](std::string_view line) {
    auto colon = line.find(':');
    if (line.empty() || line[0] == ' ' || line[0] == '-' || colon == std::string_view::npos) return;
    std::string key(line.substr(0, colon));
    if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
  };
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].starts_with("<<<<<<<") || lines[i] == "=======") take(lines[i + 1]);
  }
  return out;
}

[[noreturn]] void conflict_error(const fs::path& root, const std::string& upstream) {
  fs::path top = git_out(root, {"rev-parse", "--show-toplevel"}).value_or(root.string());
  auto names = git_out(root, {"diff", "--name-only", "--diff-filter=U"}).value_or("");
  std::string detail;
  std::size_t n = 0;
  for (auto name : split(names, '\n')) {
    if (name.empty()) continue;
    ++n;
    auto fields = conflicting_fields(top / std::string(name));
    detail += std::string(name) + (fields.empty() ? "" : ": " + join(fields, ", ")) + "\n";
  }
  throw Error(
      "the pull from {} stopped on a conflict in {} file{}: both sides changed the same "
      "field",
      upstream, n, n == 1 ? "" : "s")
      .detail(std::string(trim(detail)))
      .hint(
          "keep the right lines between <<<<<<< and >>>>>>> and delete the markers, then run "
          "'tally sync' again: it finishes the pull; 'tally sync --abort' goes back to where you "
          "were")
      .exit(Exit::failed);
}

// git with the merge driver configured, for a clone that never ran setup-git.
std::vector<std::string> git_with_driver(const fs::path& root) {
  std::vector<std::string> argv{"git"};
  if (!git_out(root, {"config", "--get", "merge.tally.driver"}))
    argv.insert(argv.end(), {"-c", std::string("merge.tally.name=") + driver_name, "-c",
                             "merge.tally.driver=" + merge_driver_command()});
  return argv;
}

// The mark's two lines: "pulling" or "conflict" (stopped for the person), and the upstream.
void mark(const fs::path& root, const char* state, const std::string& upstream) {
  write_file_atomic(sync_mark(root), std::string(state) + "\n" + upstream + "\n");
}

// git pull --rebase through the driver; returns the number of commits that
// came in since the upstream was at `before` (empty: where it is now).
std::size_t pull(const fs::path& root, const std::string& upstream, std::string before) {
  if (before.empty()) before = git_out(root, {"rev-parse", upstream}).value_or("");
  auto argv = git_with_driver(root);
  argv.insert(argv.end(), {"pull", "--rebase", "--autostash", "--quiet"});
  mark(root, "pulling", upstream);
  auto r = run_process(argv, root);
  std::error_code ec;
  if (r.status != 0) {
    if (busy(root)) {
      // Stopped for the person, not killed: the next sync continues it.
      mark(root, "conflict", upstream);
      conflict_error(root, upstream);
    }
    fs::remove(sync_mark(root), ec);
    throw Error("git pull from {} failed", upstream)
        .detail(std::string(trim(r.err.empty() ? r.out : r.err)))
        .exit(Exit::failed);
  }
  fs::remove(sync_mark(root), ec);
  std::string after = git_out(root, {"rev-parse", upstream}).value_or("");
  if (before.empty() || after.empty() || before == after) return 0;
  return count_commits(root, before + ".." + after);
}

// The files git left unmerged, from the top of the work tree.
std::vector<std::string> unmerged_files(const fs::path& root) {
  auto r = run_process({"git", "diff", "--name-only", "--diff-filter=U", "-z"}, root);
  std::vector<std::string> out;
  for (auto& f : split(r.out, '\0'))
    if (!f.empty()) out.push_back(f);
  return out;
}

bool has_conflict_markers(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return false;
  for (auto line : split(read_file(file), '\n'))
    if (line.starts_with("<<<<<<<") || line.starts_with(">>>>>>>") || line == "=======")
      return true;
  return false;
}

// A rebase that git began setting up but never started: the folder is there
// without the state of a rebase (no head-name), at most with the autostash.
bool unstarted_rebase(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && !fs::exists(dir / "head-name", ec);
}

// Puts back the uncommitted changes an autostash-only rebase holds, then
// removes that rebase. HEAD never moved (the rebase had not begun), so the
// work tree is made HEAD's again first: the stash holds all it had.
std::string restore_autostash(const fs::path& root, const fs::path& dir) {
  std::error_code ec;
  std::string stash;
  if (fs::exists(dir / "autostash", ec)) stash = std::string(trim(read_file(dir / "autostash")));
  Git git(root);
  if (!stash.empty()) {
    Git::checked_id(stash, "autostash");
    git.run({"reset", "--hard", "--quiet"});
    auto applied = run_process({"git", "stash", "apply", "--quiet", stash}, root);
    if (applied.status != 0) {
      // Kept where a person finds it, never lost.
      run_process({"git", "stash", "store", "-m", "tally sync: your uncommitted changes", stash},
                  root);
      fs::remove_all(dir, ec);
      throw Error(
          "an interrupted sync had set your uncommitted changes aside, and they do not "
          "go back on their own")
          .detail(std::string(trim(applied.err)))
          .hint("they are kept as the newest entry of 'git stash list'")
          .exit(Exit::failed);
    }
  }
  fs::remove_all(dir, ec);
  return stash.empty()
             ? "removed the rest of a pull that was interrupted before it began"
             : fmt::format(
                   "an interrupted sync had set your uncommitted changes aside (autostash {}): "
                   "put them back",
                   stash.substr(0, 10));
}

// Whether any process has `file` open (Linux: /proc/*/fd). A git at work keeps
// its lock file open until it is done with it; one killed outright does not.
bool held_open(const fs::path& file) {
  std::error_code ec;
  for (const auto& proc : fs::directory_iterator("/proc", ec)) {
    std::error_code fd_ec;
    for (const auto& fd : fs::directory_iterator(proc.path() / "fd", fd_ec)) {
      std::error_code link_ec;
      if (fs::read_symlink(fd.path(), link_ec) == file) return true;
    }
  }
  return false;
}

// A git killed together with an earlier sync (its whole process group) leaves
// index.lock behind, which every later git refuses to pass. After a wait for a
// git that is still at work, a lock that no process holds open is removed.
void clear_stale_index_lock(const fs::path& git_dir, std::vector<std::string>& done) {
  fs::path lock = git_dir / "index.lock";
  std::error_code ec;
  for (int i = 0; i < 40 && fs::exists(lock, ec); ++i) {
    if (!held_open(lock)) {
      fs::remove(lock, ec);
      done.push_back("removed the index.lock that a git killed with an earlier sync had left");
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

// Gets the clone out of what an earlier sync left: see the note at the top.
// What it did is added to `done`; a state that is not ours is an Error.
void recover(const fs::path& root, bool abort, std::vector<std::string>& done) {
  auto st = Git(root).state();
  if (!st) return;
  std::error_code ec;
  bool ours = fs::exists(sync_mark(root), ec);
  auto lines = ours ? split(read_file(sync_mark(root)), '\n') : std::vector<std::string>{};
  bool stopped = !lines.empty() && lines[0] == "conflict";
  std::string upstream = lines.size() > 1 && !lines[1].empty() ? lines[1] : "the upstream";
  fs::path merge_dir = st->git_dir / "rebase-merge";
  if (ours) clear_stale_index_lock(st->git_dir, done);
  if (st->operation == Git::Operation::rebase && unstarted_rebase(merge_dir)) {
    if (!ours) clear_stale_index_lock(st->git_dir, done);
    done.push_back(restore_autostash(root, merge_dir));
  } else if (st->operation != Git::Operation::none && !ours) {
    throw Error("git is in the middle of a rebase or a merge in {} that tally sync did not start",
                root.string())
        .hint(
            "finish it ('git status' says how) or abort it ('git rebase --abort' or 'git merge "
            "--abort'), then run 'tally sync' again");
  } else if (st->operation == Git::Operation::rebase) {
    auto unmerged = unmerged_files(root);
    if (abort || !stopped) {
      Git(root).run({"rebase", "--abort"});
      done.push_back(abort ? "undid the pull that had stopped on a conflict: the clone is as it "
                             "was before it"
                           : "undid a pull that was interrupted (its rebase): your changes are "
                             "as they were before it");
    } else {
      for (const auto& f : unmerged)
        if (has_conflict_markers(fs::path(st->top) / f)) conflict_error(root, upstream);
      if (!unmerged.empty()) {
        std::vector<std::string> add{"add", "--"};
        add.insert(add.end(), unmerged.begin(), unmerged.end());
        Git(st->top).run(add);
      }
      auto argv = git_with_driver(root);
      argv.insert(argv.end(), {"rebase", "--continue"});
      auto r = run_process(argv, root, {{"GIT_EDITOR", "true"}});
      if (r.status != 0) {
        if (busy(root)) conflict_error(root, upstream);
        throw Error("git rebase --continue failed")
            .detail(std::string(trim(r.err.empty() ? r.out : r.err)))
            .exit(Exit::failed);
      }
      done.push_back(
          unmerged.empty()
              ? std::string("finished the pull that had stopped on a conflict")
              : "finished the pull that had stopped on a conflict, with your resolution of " +
                    join(unmerged, ", "));
    }
  }
  fs::remove(sync_mark(root), ec);
}

}  // namespace

std::vector<std::string> merge_attribute_lines() {
  std::vector<std::string> out{"tasks/**/*.yaml merge=tally"};
  for (RecordKind k : all_record_kinds)
    out.push_back(std::string(kind_folder(k)) + "/*.yaml merge=tally");
  return out;
}

std::string merge_driver_command() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return (ec ? std::string("tally") : shell_quote(exe.string())) + " merge-file %O %A %B %P";
}

GitSetup setup_git(const fs::path& root) {
  if (!Git(root).in_work_tree())
    throw Error("the store {} is not in a git work tree", root.string())
        .hint("make one with 'git init' there, or clone the team's repository");
  GitSetup out;
  out.driver = merge_driver_command();
  fs::path file = root / ".gitattributes";
  std::string text = fs::exists(file) ? read_file(file) : std::string();
  std::vector<std::string> have;
  for (auto line : split(text, '\n')) have.emplace_back(trim(line));
  std::string add;
  for (const auto& line : merge_attribute_lines())
    if (std::find(have.begin(), have.end(), line) == have.end()) add += line + "\n";
  if (!add.empty()) {
    if (!text.empty() && text.back() != '\n') text += '\n';
    if (std::find(have.begin(), have.end(), attributes_header) == have.end())
      text += std::string(attributes_header) + "\n";
    write_file_atomic(file, text + add);
    out.attributes_changed = true;
  }
  Git git(root);
  for (const auto& [key, value] :
       {std::pair<std::string, std::string>{"merge.tally.name", driver_name},
        {"merge.tally.driver", out.driver}}) {
    if (local_config(root, key) == value) continue;
    git.run({"config", "--local", key, value});
    out.config_changed = true;
  }
  return out;
}

SyncResult sync_store(const Store& store, const SyncOptions& options) {
  const fs::path& root = store.root();
  if (!Git(root).in_work_tree())
    throw Error("the store {} is not in a git repository, so there is nothing to sync with",
                root.string())
        .hint("clone the team's repository, or add a remote to this one with 'git remote add'");
  auto lock = store.lock();
  SyncResult result;
  recover(root, options.abort, result.recovered);
  if (options.abort) return result;
  auto branch = git_out(root, {"symbolic-ref", "--quiet", "--short", "HEAD"});
  if (!branch)
    throw Error("HEAD is detached, so there is no branch to sync")
        .hint("switch to your branch with 'git switch main' (or its name)");
  auto upstream = git_out(root, {"rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"});
  Git git(root);
  auto remote = git.config("branch." + *branch + ".remote");
  auto merge_ref = git.config("branch." + *branch + ".merge");
  if (!upstream || !remote || !merge_ref)
    throw Error("the branch {} has no upstream to sync with", *branch)
        .hint(
            fmt::format("push it once with 'git push -u origin {0}', or name one with 'git branch "
                        "--set-upstream-to origin/{0}'",
                        *branch));

  result.upstream = *upstream;
  auto pending = pending_files(root);
  if (!pending.empty() && options.commit && store.settings().commit) {
    fs::path top = git_out(root, {"rev-parse", "--show-toplevel"}).value_or(root.string());
    std::vector<fs::path> paths(pending.begin(), pending.end());
    Git(top).commit(paths, "sync: pending changes", std::nullopt);
    result.committed = pending;
  } else {
    result.left = pending;
  }

  std::string seen;  // the upstream before the fetch that showed it had moved
  for (int attempt = 1;; ++attempt) {
    result.pulled += pull(root, *upstream, seen);
    result.report = check_store(root);
    if (!result.report.ok()) return result;
    std::size_t ahead = count_commits(root, *upstream + "..HEAD");
    if (ahead == 0) return result;
    ++result.pushes;
    seen = git_out(root, {"rev-parse", *upstream}).value_or("");
    auto r = run_process({"git", "push", "--quiet", *remote, "HEAD:" + *merge_ref}, root);
    if (r.status == 0) {
      result.pushed = ahead;
      return result;
    }
    std::string err(trim(r.err.empty() ? r.out : r.err));
    // Someone pushed first (before we asked, or while our push was on its way):
    // then the remote's branch has moved on since we pulled, which a fetch
    // shows. When it has not, the remote refused (a hook, the guard): final.
    bool fetched = run_process({"git", "fetch", "--quiet", *remote}, root).status == 0;
    bool moved = fetched && git_out(root, {"rev-parse", *upstream}).value_or("") != seen;
    if (!moved) throw Error("git push to {} failed", *upstream).detail(err).exit(Exit::failed);
    if (attempt == 2)
      throw Error("the push to {} was rejected twice: others are pushing at the same time",
                  *upstream)
          .detail(err)
          .hint("run 'tally sync' again in a moment")
          .exit(Exit::failed);
  }
}

}  // namespace tally::core
