// tally guard and tally setup-remote: the store's rules enforced at the shared repository
// (core/guard.hpp). guard runs as its pre-receive hook (or update hook) and needs no store.
#include "cli/app.hpp"

#include "core/error.hpp"
#include "core/guard.hpp"

#include <filesystem>
#include <iostream>
#include <iterator>

namespace tally::cli {

namespace {

std::string plural(std::size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

void add_guard(CLI::App& parent, const Globals&) {
  struct Options {
    std::vector<std::string> update;  // ref old new, as git gives an update hook
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand(
      "guard", "the remote's hook: refuse a push whose commits break the store's rules");
  cmd->add_option("update", opt->update,
                  "REF OLD NEW, as git runs an update hook; without them the pre-receive hook's "
                  "'<old> <new> <ref>' lines are read on stdin")
      ->expected(3);
  cmd->callback([opt] {
    std::vector<core::RefUpdate> updates;
    if (opt->update.empty()) {
      std::string input(std::istreambuf_iterator<char>(std::cin), {});
      updates = core::parse_ref_updates(input);
    } else {
      updates =
          core::parse_ref_updates(opt->update[1] + " " + opt->update[2] + " " + opt->update[0]);
    }
    core::Git git(std::filesystem::current_path());
    core::AuditReport report = core::guard(git, updates);
    if (report.findings.empty()) {
      std::cout << fmt::format("tally guard: {} checked, the store's rules hold\n",
                               plural(report.commits, "commit"));
      return;
    }
    std::string detail;
    for (const auto& f : report.findings)
      detail += fmt::format("{}{} {}: [{}] {}", detail.empty() ? "" : "\n", f.commit, f.file,
                            f.rule, f.message);
    throw core::Error("push refused: the pushed commits break the store's rules ({} in {})",
                      plural(report.findings.size(), "problem"), plural(report.commits, "commit"))
        .detail(detail)
        .hint(
            "make the change with tally, as someone the rules allow (a head for people.yaml, "
            "tally.yaml and plans); tally-guard(1) explains each rule")
        .exit(core::Exit::found);
  });
}

void add_setup_remote(CLI::App& parent, const Globals&) {
  struct Options {
    std::string repo;
    bool force = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand(
      "setup-remote", "install tally guard as the pre-receive hook of the shared bare repository");
  cmd->add_option("repository", opt->repo, "the bare repository everyone pushes to (PATH.git)")
      ->required();
  cmd->add_flag("--force", opt->force, "replace a pre-receive hook that is not tally's");
  cmd->callback([opt] {
    auto r = core::setup_remote(opt->repo, opt->force);
    if (r.changed)
      std::cout << "installed the pre-receive hook " << r.hook.string()
                << ": pushes that break the store's rules are refused\n";
    else
      std::cout << "the pre-receive hook is already tally guard's: " << r.hook.string() << '\n';
  });
}

}  // namespace tally::cli
