#include "cli/app.hpp"

#include "core/init.hpp"

#include <iostream>

namespace tally::cli {

void add_init(CLI::App& parent, const Globals& globals) {
  struct Options {
    std::string dir = ".";
    std::string name;
    std::optional<std::string> timezone;
    std::string currency = "RUB";
  };
  auto opt = std::make_shared<Options>();
  auto* cmd =
      parent.add_subcommand("init", "create a store (and a git repository if there is none)");
  cmd->add_option("dir", opt->dir, "the folder to make a store of (default: the current one)");
  cmd->add_option("--name", opt->name, "the store's name (default: the folder's name)");
  cmd->add_option("--timezone", opt->timezone,
                  "IANA time zone (default: the system's, else Europe/Moscow)");
  cmd->add_option("--currency", opt->currency, "currency of amounts (default: RUB)");
  cmd->callback([opt, &globals] {
    // `tally --store DIR init` names the folder as well as `tally init DIR` does.
    std::string dir = opt->dir == "." && globals.store ? *globals.store : opt->dir;
    core::InitRequest rq{dir, opt->name, opt->timezone, opt->currency, !globals.no_commit};
    auto result = core::init_store(rq);
    std::cout << "created the store " << result.root.string() << " (time zone " << result.timezone
              << ")\n";
    if (result.created_repository) std::cout << "initialized a git repository there\n";
    std::cout << "next: tally person add LOGIN --name \"Имя Фамилия\" --email E --role head --dept "
                 "sales\n";
  });
}

}  // namespace tally::cli
