// tally sync, tally merge-file, tally setup-git: sharing one store between
// clones (core/sync.hpp) and the merge driver git runs for task and record
// files (core/merge.hpp).
#include "cli/app.hpp"

#include "core/error.hpp"
#include "core/merge.hpp"
#include "core/sync.hpp"
#include "core/text.hpp"

#include <filesystem>
#include <iostream>

namespace tally::cli {

namespace {

namespace fs = std::filesystem;

fs::path store_root(const Globals& globals, const fs::path& from) {
  return core::Store::discover(
      globals.store ? std::optional<fs::path>(*globals.store) : std::nullopt, from);
}

std::string plural(std::size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// The errors the check found, as `tally check` shows them.
void print_errors(const core::CheckReport& report) {
  for (const auto& f : report.findings) {
    if (f.severity != core::Finding::Severity::error) continue;
    std::cout << "error: " << f.message << '\n';
    for (const auto& line : core::split(f.detail, '\n'))
      if (!line.empty()) std::cout << "  " << line << '\n';
    if (!f.hint.empty()) std::cout << "  hint: " << f.hint << '\n';
  }
}

void print_sync(const core::SyncResult& r, bool abort) {
  for (const auto& line : r.recovered) std::cout << line << '\n';
  if (abort) {
    if (r.recovered.empty()) std::cout << "no sync of tally's is in progress: nothing to undo\n";
    return;
  }
  if (!r.committed.empty())
    std::cout << "committed " << plural(r.committed.size(), "pending file")
              << " (sync: pending changes)\n";
  if (!r.left.empty())
    std::cout << "left " << plural(r.left.size(), "pending file")
              << " uncommitted (committing is off)\n";
  if (r.pulled > 0)
    std::cout << "pulled " << plural(r.pulled, "commit") << " from " << r.upstream << '\n';
  else
    std::cout << "nothing new on " << r.upstream << '\n';
  if (r.pushes > 1)
    std::cout << "the first push was rejected (someone pushed meanwhile); pulled again\n";
  if (!r.report.ok()) {
    print_errors(r.report);
    throw core::Error("the store has {} after the pull, so nothing was pushed",
                      plural(r.report.errors(), "error"))
        .hint("fix them ('tally check' lists them), commit, then run 'tally sync' again")
        .exit(core::Exit::found);
  }
  std::cout << "checked " << plural(r.report.files, "file") << ": no errors\n";
  if (r.pushed > 0)
    std::cout << "pushed " << plural(r.pushed, "commit") << " to " << r.upstream << '\n';
  else
    std::cout << "nothing to push\n";
}

}  // namespace

void add_sync(CLI::App& parent, const Globals& globals) {
  auto* cmd = parent.add_subcommand(
      "sync", "share the store: commit what is pending, pull, merge, check, push");
  auto abort = std::make_shared<bool>(false);
  cmd->add_flag("--abort", *abort,
                "undo the pull that an earlier sync left in progress (stopped on a conflict, or "
                "killed), and do nothing else");
  cmd->callback([&globals, abort] {
    core::Store store = core::Store::open(store_root(globals, fs::current_path()));
    print_sync(core::sync_store(store, core::SyncOptions{!globals.no_commit, *abort}), *abort);
  });
}

void add_merge_file(CLI::App& parent, const Globals& globals) {
  struct Options {
    std::string base, ours, theirs, path;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand(
      "merge-file", "git's merge driver: merge a task or record file field by field");
  cmd->add_option("base", opt->base, "the common ancestor (git's %O)")->required();
  cmd->add_option("ours", opt->ours, "our version; the result is written here (git's %A)")
      ->required();
  cmd->add_option("theirs", opt->theirs, "their version (git's %B)")->required();
  cmd->add_option("path", opt->path,
                  "the file's path in the repository (git's %P); tells a task from a record");
  cmd->callback([opt, &globals] {
    // The store's zone reads timestamps without an offset; there is none outside a store.
    // Its people judge the merged log (replay.hpp); outside a store the fields merge alone.
    std::optional<core::Zone> zone;
    std::optional<core::People> people;
    try {
      fs::path from = fs::current_path() / fs::path(opt->path).parent_path();
      auto store = core::Store::open(store_root(globals, from));
      zone = store.zone();
      people = store.people();
    } catch (const core::Error&) {
      zone = core::Zone::locate("UTC");
    }
    auto r = core::merge_files(opt->base, opt->ours, opt->theirs, opt->path, *zone,
                               people ? &*people : nullptr);
    if (r.clean()) return;
    std::string name = opt->path.empty() ? opt->ours : opt->path;
    if (r.text_merge)
      std::cerr << "tally: conflict in " << name << " (merged as text: it is not a valid file)\n";
    else
      std::cerr << "tally: conflict in " << name << ": both sides changed "
                << core::join(r.conflicts, ", ") << '\n';
    throw ExitRequest{static_cast<int>(core::Exit::found)};
  });
}

void add_setup_git(CLI::App& parent, const Globals& globals) {
  auto* cmd = parent.add_subcommand(
      "setup-git", "make this clone merge task and record files with tally (merge driver)");
  cmd->callback([&globals] {
    fs::path root = store_root(globals, fs::current_path());
    auto r = core::setup_git(root);
    if (r.attributes_changed)
      std::cout << "wrote .gitattributes: task and record files merge with tally\n"
                << "commit it, so that every clone has it: git add .gitattributes && git "
                   "commit -m 'merge driver'\n";
    if (r.config_changed)
      std::cout << "set the merge driver in the clone's git config: " << r.driver << '\n';
    if (!r.attributes_changed && !r.config_changed)
      std::cout << "the merge driver is already set up: " << r.driver << '\n';
  });
}

}  // namespace tally::cli
