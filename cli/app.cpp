#include "cli/app.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "tally_version.hpp"

#include <iostream>

namespace tally::cli {

core::Context Globals::context() const {
  std::optional<std::filesystem::path> dir;
  if (store) dir = *store;
  core::Context ctx = core::Context::open(dir);
  ctx.commit = !no_commit;
  return ctx;
}

core::Context Globals::reading_context() const {
  core::Context ctx = context();
  ctx.store.skip_unreadable(unreadable);
  return ctx;
}

const std::vector<CommandGroup>& command_groups() {
  static const std::vector<CommandGroup> groups{
      {"init", "create a store (and a git repository if there is none)", add_init},
      {"person", "the team: add, list and show people", add_person},
      {"deal", "deals: add, list, show", add_deal},
      {"company", "companies: add, list, show", add_company},
      {"lead", "leads: add, list, show", add_lead},
      {"contact", "contacts: add, list, show", add_contact},
      {"task", "assign tasks and follow them through their life", add_task},
      {"counters", "overdue, new, review and comment counters; efficiency", add_counters},
      {"plan", "sales plans per segment and the check against actual sales", add_plan},
      {"check", "validate the whole store (CI, pre-commit)", add_check},
      {"audit", "the history against the rules: who did what for whom", add_audit},
      {"guard", "the shared repository's hook: refuse pushes that break the rules", add_guard},
      {"setup-remote", "install tally guard in the shared bare repository", add_setup_remote},
      {"import", "import deals, companies, contacts and leads from another CRM's CSV", add_import},
      {"export", "export records and tasks as CSV or JSON", add_export},
      {"remind", "daily digests, e-mail, the phone calendar, recurring tasks", add_reminders},
      {"sync", "share the store: commit what is pending, pull, merge, check, push", add_sync},
      {"setup-git", "make this clone merge task and record files with tally", add_setup_git},
      {"merge-file", "git's merge driver for task and record files", add_merge_file},
      {"completion", "print a completion script for bash, zsh or fish", add_completion},
  };
  return groups;
}

namespace {

// Messages carry what the user gave (TALLY_USER, IDs, names, file lines): a
// control character in them is shown escaped, never sent to the terminal.
void print_lines(std::string_view first, std::string_view rest, const std::string& text,
                 std::string_view keep = {}) {
  bool head = true;
  for (const auto& line : core::split(text, '\n')) {
    std::cerr << (head ? first : rest) << core::escape_control(line, keep) << '\n';
    head = false;
  }
}

void print_error(const core::Error& e) {
  print_lines("tally: error: ", "  ", e.what());
  // A file's line keeps its tabs, so that the caret under it stays in place.
  if (!e.detail().empty()) print_lines("  ", "  ", e.detail(), "\t");
  if (!e.hint().empty()) print_lines("hint: ", "  ", e.hint());
}

void print_notice(const std::string& text) {
  print_lines("", "  ", text);
}

// The files a reading command went on without: a warning each, and exit 4 unless the command
// already exits with something to say.
int with_unreadable(int code, const core::UnreadableList& unreadable) {
  if (unreadable.empty()) return code;
  std::cout << std::flush;
  for (const auto& u : unreadable) print_lines("tally: warning: ", "  ", u.message + " (skipped)");
  std::cerr << "hint: 'tally check' lists every problem; the other files were read\n";
  return code == 0 ? static_cast<int>(core::Exit::partial) : code;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"tally: tasks, deadlines and sales plans for a sales team, kept in git", "tally"};
  app.set_version_flag("--version",
                       std::string("tally ") + TALLY_VERSION + " (" + TALLY_GIT_COMMIT + ")");
  Globals globals;
  app.add_option("--store", globals.store,
                 "the store's folder (default: $TALLY_STORE, else the nearest folder upwards with "
                 "tally.yaml)");
  app.add_flag("--no-commit", globals.no_commit, "write the files but make no git commit");
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.callback([&app, &globals] {
    if (app.get_subcommands().empty()) show_dashboard(globals);
  });
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    // The error reaches the root app; name the deepest subcommand that was parsed.
    std::string path = failed->get_name();
    for (auto subs = failed->get_subcommands(); !subs.empty();
         subs = subs.front()->get_subcommands())
      path += " " + subs.front()->get_name();
    return fmt::format("tally: error: {}\nhint: run '{} --help'\n", core::escape_control(e.what()),
                       path);
  });
  app.add_flag("--raw", globals.raw,
               "CSV as it is: no leading ' before a text cell that a spreadsheet would run as a "
               "formula");
  for (const auto& group : command_groups()) group.add(app, globals);
  core::set_notice_sink(print_notice);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(core::Exit::usage);
  } catch (const ExitRequest& e) {
    return with_unreadable(e.code, *globals.unreadable);
  } catch (const core::Error& e) {
    print_error(e);
    return with_unreadable(static_cast<int>(e.exit_code()), *globals.unreadable);
  } catch (const YAML::Exception& e) {
    print_lines("tally: error: ", "  ", e.what());
    return static_cast<int>(core::Exit::usage);
  } catch (const std::exception& e) {
    print_lines("tally: error: ", "  ", e.what());
    return static_cast<int>(core::Exit::failed);
  }
  return with_unreadable(0, *globals.unreadable);
}

}  // namespace tally::cli
