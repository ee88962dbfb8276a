#include "core/people.hpp"

#include "core/error.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <set>

namespace tally::core {

bool is_valid_login(std::string_view login) {
  if (login.empty() || login.size() > 32) return false;
  if (!std::islower(static_cast<unsigned char>(login[0]))) return false;
  return std::all_of(login.begin(), login.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

bool is_valid_role(std::string_view role) {
  return role == "head" || role == "manager";
}

bool is_valid_email(std::string_view email) {
  auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 >= email.size() ||
      email.find('@', at + 1) != std::string_view::npos || email.size() > 254)
    return false;
  return std::all_of(email.begin(), email.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f &&
           std::string_view("<>,;\"()[]\\:").find(c) == std::string_view::npos;
  });
}

const Person* People::find(std::string_view login) const {
  for (const auto& p : list)
    if (p.login == login) return &p;
  return nullptr;
}

const Person* People::find_by_email(std::string_view email) const {
  std::string wanted = to_lower(email);
  for (const auto& p : list)
    if (!p.email.empty() && to_lower(p.email) == wanted) return &p;
  return nullptr;
}

std::vector<const Person*> People::all_by_email(std::string_view email) const {
  std::string wanted = to_lower(email);
  std::vector<const Person*> out;
  for (const auto& p : list)
    if (!p.email.empty() && to_lower(p.email) == wanted) out.push_back(&p);
  return out;
}

const Person& People::require(std::string_view login) const {
  if (auto p = find(login)) return *p;
  auto known = logins();
  auto near = nearest(login, known);
  std::string hint = known.empty() ? "people.yaml is empty; add someone with 'tally person add'"
                                   : "known people: " + join(known, ", ");
  if (!near.empty()) hint = "did you mean " + join(near, ", ") + "? " + hint;
  throw Error("unknown person '{}'", login).hint(hint);
}

std::vector<std::string> People::logins() const {
  std::vector<std::string> out;
  for (const auto& p : list) out.push_back(p.login);
  return out;
}

std::vector<const Person*> People::department(std::string_view dept) const {
  std::vector<const Person*> out;
  for (const auto& p : list)
    if (p.active && p.department == dept) out.push_back(&p);
  return out;
}

std::vector<std::string> People::departments() const {
  std::set<std::string> seen;
  for (const auto& p : list)
    if (!p.department.empty()) seen.insert(p.department);
  return {seen.begin(), seen.end()};
}

People parse_people(const YamlDoc& doc) {
  People people;
  Problems problems;
  Zone utc = Zone::locate("UTC");
  Reader r{doc, problems, utc};
  if (doc.root.IsNull()) return people;  // an empty file is an empty team
  if (!r.is_map(doc.root, "people.yaml")) problems.throw_if_any();
  for (const auto& kv : doc.root)
    if (kv.first.Scalar() != "people") people.unknown[kv.first] = kv.second;
  const YAML::Node list = doc.root["people"];
  if (!list || list.IsNull()) return people;
  if (!list.IsSequence()) {
    problems.add(doc, list, "'people' must be a list");
    problems.throw_if_any();
  }
  std::set<std::string> seen;
  for (const auto& item : list) {
    if (!r.is_map(item, "a person")) continue;
    Person p;
    for (const auto& kv : item) {
      std::string key = kv.first.as<std::string>();
      const YAML::Node& v = kv.second;
      if (key == "login")
        p.login = r.line(v, key);
      else if (key == "name")
        p.name = r.line(v, key);
      else if (key == "email")
        p.email = r.line(v, key);
      else if (key == "role")
        p.role = r.line(v, key);
      else if (key == "department")
        p.department = r.line(v, key);
      else if (key == "active")
        p.active = r.boolean(v, key);
      else
        p.unknown[key] = v;
    }
    if (!is_valid_login(p.login))
      problems.add(
          doc, item["login"] ? item["login"] : item,
          fmt::format("'{}' is not a valid login (lower-case latin letters, digits, '.', '_', '-')",
                      p.login));
    else if (!seen.insert(p.login).second)
      problems.add(doc, item["login"], fmt::format("login '{}' is listed twice", p.login));
    if (!p.email.empty() && !is_valid_email(p.email))
      problems.add(doc, item["email"], fmt::format("'{}' is not an e-mail address", p.email));
    if (!p.role.empty() && !is_valid_role(p.role))
      problems.add(doc, item["role"],
                   fmt::format("unknown role '{}'; roles are head and manager", p.role));
    people.list.push_back(std::move(p));
  }
  problems.throw_if_any();
  return people;
}

std::string people_to_yaml(const People& people) {
  YAML::Node root(YAML::NodeType::Map);
  YAML::Node list(YAML::NodeType::Sequence);
  for (const auto& p : people.list) {
    YAML::Node n(YAML::NodeType::Map);
    n["login"] = text_node(p.login);
    put_text(n, "name", p.name);
    put_text(n, "email", p.email);
    put_text(n, "role", p.role);
    put_text(n, "department", p.department);
    n["active"] = p.active ? "true" : "false";
    for (const auto& kv : p.unknown) n[kv.first] = kv.second;
    list.push_back(n);
  }
  root["people"] = list;
  for (const auto& kv : people.unknown) root[kv.first] = kv.second;
  return emit_yaml(root);
}

}  // namespace tally::core
