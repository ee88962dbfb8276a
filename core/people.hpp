// people.yaml: the team. Logins are what task files refer to.
#pragma once

#include "core/yaml_io.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tally::core {

struct Person {
  std::string login;
  std::string name;
  std::string email;
  std::string role;  // head | manager
  std::string department;
  bool active = true;
  YAML::Node unknown{YAML::NodeType::Map};
};

class People {
 public:
  std::vector<Person> list;
  YAML::Node unknown{YAML::NodeType::Map};  // top-level keys other than `people`

  const Person* find(std::string_view login) const;
  const Person* find_by_email(std::string_view email) const;
  // Everyone with that e-mail, in any case (more than one is a `tally check` error).
  std::vector<const Person*> all_by_email(std::string_view email) const;
  // The person with that login, or Error listing the known logins (nearest first).
  const Person& require(std::string_view login) const;
  std::vector<std::string> logins() const;
  // Active members of a department, in file order.
  std::vector<const Person*> department(std::string_view dept) const;
  std::vector<std::string> departments() const;
};

bool is_valid_login(std::string_view login);
bool is_valid_role(std::string_view role);
// A plain ASCII addr-spec: one '@', no spaces, quotes, brackets or control characters.
bool is_valid_email(std::string_view email);

People parse_people(const YamlDoc& doc);
std::string people_to_yaml(const People& people);

}  // namespace tally::core
