// What every command gets: the store, the clock, and who is acting. Passed by
// reference; there are no globals.
#pragma once

#include "core/store.hpp"

#include <optional>
#include <string>

namespace tally::core {

struct Context {
  Store store;
  Instant now{};
  bool commit = true;               // false with --no-commit
  std::optional<std::string> user;  // TALLY_USER

  // Opens the store found from `store_dir`/TALLY_STORE/the working directory
  // and reads the clock (TALLY_NOW or the system's).
  static Context open(const std::optional<std::filesystem::path>& store_dir);

  // The person acting: TALLY_USER, else the person whose e-mail is git's
  // user.email. Throws Error saying how to set it when neither names someone.
  // An inactive person (who left the team) is refused.
  const Person& actor() const;
  // Who is reading: as actor(), but an inactive person may still look.
  const Person& identify() const;
};

}  // namespace tally::core
