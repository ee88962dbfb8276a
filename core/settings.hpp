// tally.yaml: the store's settings (name, time zone, currency, funnel stages,
// working hours and days, holidays, tolerance, whether to commit).
#pragma once

#include "core/dates.hpp"
#include "core/yaml_io.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tally::core {

struct Stage {
  std::string id;       // what deal files hold: "negotiation"
  std::string name;     // what people see: "Переговоры"
  std::string outcome;  // "", "won" or "lost"
};

struct Settings {
  std::string name;
  std::string timezone = "Europe/Moscow";
  std::string currency = "RUB";
  std::vector<Stage> stages;
  WorkCalendar calendar;
  int tolerance_percent = 20;
  // Plans are judged by pace only once this share of a running period has passed
  // (working days); absent from the file means 25%, and is not written back.
  std::optional<int> judge_after_percent;
  int judge_after() const { return judge_after_percent.value_or(25); }
  // Reminders: who the digest comes from, when an overdue task reaches the
  // department head (working days), how long before a deadline the phone rings.
  std::string mail_from = "tally@localhost";
  std::string mail_from_name = "tally";
  int escalate_after_days = 2;
  std::chrono::minutes alarm_before{60};
  bool commit = true;
  YAML::Node unknown{YAML::NodeType::Map};

  // The default funnel for a new store, Bitrix24's default deal stages.
  static std::vector<Stage> default_stages();
  const Stage* find_stage(std::string_view id_or_name) const;
};

// Reads and validates tally.yaml; every problem is reported at once.
Settings parse_settings(const YamlDoc& doc);
std::string settings_to_yaml(const Settings& s);

}  // namespace tally::core
