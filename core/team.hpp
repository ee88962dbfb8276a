// Changes to people.yaml.
#pragma once

#include "core/context.hpp"

namespace tally::core {

// Adds a person. The first person may be added by anyone; after that, when
// the team has a head, only a head adds people. Commits people.yaml.
void add_person(Context& ctx, Person person);

}  // namespace tally::core
