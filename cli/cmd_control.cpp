// tally counters: the numbers that make late and ignored tasks impossible to miss.
#include "cli/app.hpp"
#include "cli/control_view.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <iostream>

namespace tally::cli {

namespace {

std::vector<std::string> counter_keys() {
  std::vector<std::string> out;
  for (const auto& k : core::counter_kinds()) out.emplace_back(k.key);
  return out;
}

}  // namespace

void add_counters(CLI::App& parent, const Globals& globals) {
  struct Options {
    std::string person, dept, period, format = "table";
    std::vector<std::string> fail_on;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd =
      parent.add_subcommand("counters", "overdue, new, review and comment counters per person");
  auto* person = cmd->add_option("--person", opt->person, "one person's counters");
  auto* dept = cmd->add_option("--dept", opt->dept, "the active members of a department");
  person->excludes(dept);
  cmd->add_option("--period", opt->period, "add efficiency over a month, such as 2026-11");
  cmd->add_option(
         "--fail-on", opt->fail_on,
         "exit 1 when any of these counters is above zero: " + core::join(counter_keys(), ", "))
      ->delimiter(',')
      ->check(CLI::IsMember(counter_keys()));
  cmd->add_option("--format", opt->format, "table, json, csv or yaml")
      ->check(CLI::IsMember(listing_formats));
  cmd->callback([opt, &globals] {
    auto ctx = globals.reading_context();
    const auto& people = ctx.store.people();
    std::vector<const core::Person*> who;
    if (!opt->person.empty()) {
      who.push_back(&people.require(opt->person));
    } else if (!opt->dept.empty()) {
      who = people.department(opt->dept);
      if (who.empty())
        throw core::Error("no active people in department '{}'", opt->dept)
            .hint("departments: " + core::join(people.departments(), ", "));
    } else {
      who = default_people(ctx);
    }
    std::optional<std::string> period;
    if (!opt->period.empty()) period = opt->period;
    // The counters are about pending tasks; efficiency over a period reads closed ones too.
    auto tasks = period ? ctx.store.load_tasks() : ctx.store.load_tasks(core::is_pending);
    auto report = build_counters(ctx, tasks, who, period);
    Format format = parse_format(opt->format);
    print_listing(std::cout, format, counters_table(report, format == Format::table),
                  counters_value(report, ctx), globals.raw);
    if (format == Format::table && !report.reassign.empty()) {
      std::cout << "\nneeds reassignment (the responsible is inactive):\n";
      for (const core::Task* t : report.reassign)
        std::cout << "  " << t->id << "  " << t->responsible << "  " << t->title << "\n";
    }
    for (const auto& name : opt->fail_on)
      for (const auto& c : report.counters)
        if (counter_value(c, *core::find_counter(name)) > 0)
          throw ExitRequest{static_cast<int>(core::Exit::found)};
  });
}

}  // namespace tally::cli
