#include "cli/app.hpp"
#include "cli/render.hpp"

#include "core/team.hpp"

#include <iostream>

namespace tally::cli {

namespace {

Value person_value(const core::Person& p) {
  Value v = Value::object();
  v.set("login", p.login);
  v.set("name", p.name);
  v.set("email", Value::text_or_null(p.email));
  v.set("role", p.role);
  v.set("department", Value::text_or_null(p.department));
  v.set("active", p.active);
  return v;
}

}  // namespace

void add_person(CLI::App& parent, const Globals& globals) {
  auto* group = parent.add_subcommand("person", "the team: add, list and show people");
  group->require_subcommand(1);

  auto person = std::make_shared<core::Person>();
  auto* add = group->add_subcommand("add", "add a person to people.yaml");
  add->add_option("login", person->login, "login: lower-case latin, such as ivan")->required();
  add->add_option("--name", person->name, "full name, such as \"Иван Петров\"")->required();
  add->add_option("--email", person->email, "e-mail address (identifies them through git)");
  add->add_option("--role", person->role, "head or manager")->required();
  add->add_option("--dept", person->department, "department, such as sales");
  add->callback([person, &globals] {
    auto ctx = globals.context();
    core::add_person(ctx, *person);
    std::cout << "added " << person->login << " (" << person->name << ")\n";
  });

  auto format = std::make_shared<std::string>("table");
  auto* list = group->add_subcommand("list", "list the team");
  list->add_option("--format", *format, "table, json, csv or yaml")
      ->check(CLI::IsMember(listing_formats));
  list->callback([format, &globals] {
    auto ctx = globals.context();
    Table table({{"LOGIN"}, {"NAME"}, {"ROLE"}, {"DEPT"}, {"EMAIL"}, {"ACTIVE"}});
    Value value = Value::list();
    for (const auto& p : ctx.store.people().list) {
      table.add({p.login, p.name, p.role, p.department, p.email, p.active ? "yes" : "no"});
      value.push(person_value(p));
    }
    print_listing(std::cout, parse_format(*format), table, value, globals.raw);
  });

  auto show_login = std::make_shared<std::string>();
  auto show_format = std::make_shared<std::string>("table");
  auto* show = group->add_subcommand("show", "show one person");
  show->add_option("login", *show_login, "their login")->required();
  show->add_option("--format", *show_format, "table, json, csv or yaml")
      ->check(CLI::IsMember(listing_formats));
  show->callback([show_login, show_format, &globals] {
    auto ctx = globals.context();
    const core::Person& p = ctx.store.people().require(*show_login);
    Table table({{"FIELD"}, {"VALUE"}});
    table.add({"login", p.login});
    table.add({"name", p.name});
    table.add({"email", p.email});
    table.add({"role", p.role});
    table.add({"department", p.department});
    table.add({"active", p.active ? "yes" : "no"});
    print_listing(std::cout, parse_format(*show_format), table, person_value(p), globals.raw);
  });
}

}  // namespace tally::cli
