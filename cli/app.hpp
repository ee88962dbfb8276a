// The tally executable: global options, the table of command groups, and the
// one place where errors become "tally: error: ..." and an exit code.
#pragma once

#include "core/context.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace tally::cli {

// Options every command shares.
struct Globals {
  std::optional<std::string> store;
  bool no_commit = false;
  // The files reading commands went on without; run() warns of them and exits 4.
  std::shared_ptr<core::UnreadableList> unreadable = std::make_shared<core::UnreadableList>();
  bool raw = false;  // --raw: CSV cells as they are (no formula guard)

  // Opens the store and the clock for a command.
  core::Context context() const;
  // The same for a command that only reads and reports: a file it cannot read is left out
  // (with a warning and exit 4) instead of failing the whole report.
  core::Context reading_context() const;
};

// Thrown by a command that ran fine but must exit with another code (--fail-on).
struct ExitRequest {
  int code;
};

// A command group: its name, one line of summary, and the function that adds it to the app.
struct CommandGroup {
  const char* name;
  const char* summary;
  void (*add)(CLI::App& parent, const Globals& globals);
};

const std::vector<CommandGroup>& command_groups();

void add_init(CLI::App& parent, const Globals& globals);
void add_person(CLI::App& parent, const Globals& globals);
void add_deal(CLI::App& parent, const Globals& globals);
void add_company(CLI::App& parent, const Globals& globals);
void add_lead(CLI::App& parent, const Globals& globals);
void add_contact(CLI::App& parent, const Globals& globals);
void add_task(CLI::App& parent, const Globals& globals);
void add_counters(CLI::App& parent, const Globals& globals);
void add_plan(CLI::App& parent, const Globals& globals);
void add_check(CLI::App& parent, const Globals& globals);
void add_audit(CLI::App& parent, const Globals& globals);
// guard and setup-remote (cmd_guard.cpp).
void add_guard(CLI::App& parent, const Globals& globals);
void add_setup_remote(CLI::App& parent, const Globals& globals);
// import and export (cmd_import.cpp).
void add_import(CLI::App& parent, const Globals& globals);
void add_export(CLI::App& parent, const Globals& globals);
// remind, calendar and recur (cmd_remind.cpp).
void add_reminders(CLI::App& parent, const Globals& globals);
// sync, setup-git and merge-file (cmd_sync.cpp).
void add_sync(CLI::App& parent, const Globals& globals);
void add_setup_git(CLI::App& parent, const Globals& globals);
void add_merge_file(CLI::App& parent, const Globals& globals);
void add_completion(CLI::App& parent, const Globals& globals);  // cmd_completion.cpp
// The lifecycle subcommands of `tally task` (cmd_task_life.cpp).
void add_task_life(CLI::App* task_group, const Globals& globals);

// Bare `tally`: the personal dashboard (cmd_dashboard.cpp).
void show_dashboard(const Globals& globals);

int run(int argc, char** argv);

}  // namespace tally::cli
