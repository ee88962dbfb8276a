#include "core/team.hpp"

#include "core/error.hpp"
#include "core/fsutil.hpp"
#include "core/text.hpp"

namespace tally::core {

void add_person(Context& ctx, Person person) {
  auto lock = ctx.store.lock();
  People people = ctx.store.people();
  person.name = std::string(trim(person.name));
  if (!is_valid_login(person.login))
    throw Error("'{}' is not a valid login", person.login)
        .hint(
            "use lower-case latin letters, digits, '.', '_' or '-', starting with a letter, such "
            "as ivan");
  if (people.find(person.login)) throw Error("{} is already in people.yaml", person.login);
  if (person.name.empty() || has_control(person.name))
    throw Error("a person needs a one-line --name").hint("such as --name \"Иван Петров\"");
  if (!person.email.empty() && !is_valid_email(person.email))
    throw Error("'{}' is not an e-mail address", person.email);
  if (!person.email.empty())
    if (auto other = people.find_by_email(person.email))
      throw Error("{} already has the e-mail {}", other->login, person.email);
  if (!is_valid_role(person.role))
    throw Error("unknown role '{}'", person.role).hint("roles are head and manager");
  if (has_control(person.department)) throw Error("--dept must be one line of text");

  const Person* actor = nullptr;
  if (!people.list.empty()) {
    actor = &ctx.actor();
    bool has_head = false;
    for (const auto& p : people.list) has_head |= p.role == "head" && p.active;
    if (has_head && actor->role != "head") {
      std::vector<std::string> heads;
      for (const auto& p : people.list)
        if (p.role == "head" && p.active) heads.push_back(p.login);
      throw Error("only a head adds people, and {} is a {}", actor->login, actor->role)
          .hint("ask " + join(heads, " or "));
    }
  }
  people.list.push_back(person);
  std::string message =
      fmt::format("person {}: added, {}{} — {}", person.login, person.role,
                  person.department.empty() ? "" : " in " + person.department, person.name);
  ctx.store.apply({{"people.yaml", people_to_yaml(people)}}, message,
                  actor ? actor : &people.list.back(), ctx.commit);
}

}  // namespace tally::core
