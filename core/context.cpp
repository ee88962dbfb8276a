#include "core/context.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <cstdlib>

namespace tally::core {

Context Context::open(const std::optional<std::filesystem::path>& store_dir) {
  Context ctx;
  ctx.store = Store::open(Store::discover(store_dir, std::filesystem::current_path()));
  // A writer was killed mid-change: finish its change before anything reads the store.
  if (ctx.store.interrupted()) ctx.store.lock();
  ctx.now = now_from_env(ctx.store.zone());
  if (const char* u = std::getenv("TALLY_USER"); u && *u) ctx.user = u;
  return ctx;
}

const Person& Context::actor() const {
  const Person& p = identify();
  if (!p.active)
    throw Error("{} is not active in people.yaml, so cannot change the store", p.login)
        .hint("a head can set 'active: true' on their entry");
  return p;
}

const Person& Context::identify() const {
  const People& people = store.people();
  if (user) {
    if (auto p = people.find(*user)) return *p;
    throw Error("TALLY_USER is '{}', who is not in people.yaml", *user)
        .hint(people.list.empty() ? "add yourself with 'tally person add'"
                                  : "known people: " + join(people.logins(), ", "));
  }
  auto email = Git(store.root()).config("user.email");
  if (email) {
    auto found = people.all_by_email(*email);
    if (found.size() == 1) return *found.front();
    if (found.size() > 1)
      throw Error(
          "cannot tell who you are: git's user.email {} is the e-mail of {} and {} in "
          "people.yaml",
          *email, found[0]->login, found[1]->login)
          .hint("set TALLY_USER to your login; 'tally check' shows the e-mail given twice");
    throw Error("cannot tell who you are: git's user.email {} is nobody's e-mail in people.yaml",
                *email)
        .hint("set TALLY_USER to your login, or put that e-mail on your entry in people.yaml");
  }
  throw Error("cannot tell who you are")
      .hint(
          "set TALLY_USER to your login, or set 'git config user.email' to your e-mail in "
          "people.yaml");
}

}  // namespace tally::core
