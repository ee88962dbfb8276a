#include "core/settings.hpp"

#include "core/error.hpp"
#include "core/percent.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace tally::core {

namespace {

constexpr const char* day_names[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::optional<std::chrono::minutes> parse_hhmm(const std::string& s) {
  int h = 0, m = 0;
  char colon = 0;
  if (std::sscanf(s.c_str(), "%d%c%d", &h, &colon, &m) != 3 || colon != ':' || h < 0 || h > 24 ||
      m < 0 || m > 59 || s.size() > 5)
    return std::nullopt;
  return std::chrono::minutes(h * 60 + m);
}

std::string hhmm(std::chrono::minutes m) {
  return fmt::format("{:02}:{:02}", m.count() / 60, m.count() % 60);
}

}  // namespace

std::vector<Stage> Settings::default_stages() {
  return {{"new", "Новая", ""},
          {"preparation", "Подготовка документов", ""},
          {"proposal", "Счёт на предоплату", ""},
          {"negotiation", "В работе", ""},
          {"final", "Финальный счёт", ""},
          {"won", "Сделка успешна", "won"},
          {"lost", "Сделка провалена", "lost"},
          {"analysis", "Анализ причины провала", "lost"}};
}

const Stage* Settings::find_stage(std::string_view id_or_name) const {
  std::string wanted = to_lower(id_or_name);
  for (const auto& s : stages)
    if (to_lower(s.id) == wanted || to_lower(s.name) == wanted) return &s;
  return nullptr;
}

Settings parse_settings(const YamlDoc& doc) {
  Settings s;
  Problems problems;
  Zone utc = Zone::locate("UTC");
  Reader r{doc, problems, utc};
  if (!r.is_map(doc.root, "tally.yaml")) problems.throw_if_any();
  bool has_stages = false;
  for (const auto& kv : doc.root) {
    std::string key = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    if (key == "name") {
      s.name = r.line(v, key);
    } else if (key == "timezone") {
      s.timezone = r.line(v, key);
      try {
        Zone::locate(s.timezone);
      } catch (const Error&) {
        problems.add(
            doc, v,
            fmt::format("unknown time zone '{}'; use a name such as Europe/Moscow", s.timezone));
      }
    } else if (key == "currency") {
      s.currency = r.line(v, key);
    } else if (key == "workday") {
      if (!r.is_map(v, "'workday'")) continue;
      for (const char* part : {"start", "end"}) {
        auto t = parse_hhmm(v[part] ? r.text(v[part], part) : "");
        if (!t) {
          problems.add(doc, v[part] ? v[part] : v,
                       fmt::format("'workday.{}' must be a time such as 18:00", part));
          continue;
        }
        (std::string_view(part) == "start" ? s.calendar.day_start : s.calendar.day_end) = *t;
      }
      if (s.calendar.day_end <= s.calendar.day_start)
        problems.add(doc, v, "'workday.end' must be after 'workday.start'");
    } else if (key == "workweek") {
      s.calendar.work_days.fill(false);
      for (const auto& item : v.IsSequence() ? v : YAML::Node(YAML::NodeType::Sequence)) {
        std::string d = to_lower(r.text(item, key));
        auto it = std::find(std::begin(day_names), std::end(day_names), d);
        if (it == std::end(day_names))
          problems.add(doc, item, "'workweek' days are mon, tue, wed, thu, fri, sat, sun");
        else
          s.calendar.work_days[static_cast<size_t>(it - std::begin(day_names))] = true;
      }
      if (!v.IsSequence()) problems.add(doc, v, "'workweek' must be a list of days");
    } else if (key == "holidays") {
      for (const auto& item : r.list(v, key).empty() ? YAML::Node() : v) {
        try {
          s.calendar.holidays.push_back(parse_iso_day(item.Scalar()));
        } catch (const Error&) {
          problems.add(doc, item, "holidays are dates such as 2026-01-01");
        }
      }
      std::sort(s.calendar.holidays.begin(), s.calendar.holidays.end());
    } else if (key == "tolerance") {
      s.tolerance_percent = read_percent(r, v, key, k_tolerance).value_or(s.tolerance_percent);
    } else if (key == "judge_after") {
      s.judge_after_percent = read_percent(r, v, key, k_share);
    } else if (key == "mail_from") {
      s.mail_from = r.line(v, key);
      if (s.mail_from.find('@') == std::string::npos)
        problems.add(doc, v, "'mail_from' must be an e-mail address");
    } else if (key == "mail_from_name") {
      s.mail_from_name = r.line(v, key);
    } else if (key == "escalate_after" || key == "alarm_before") {
      // "2d" working days for escalation; "60m", "2h" or "1d" before a deadline for the alarm.
      std::string t = r.text(v, key);
      char unit = t.empty() ? ' ' : t.back();
      int n = -1;
      try {
        size_t used = 0;
        n = std::stoi(t.substr(0, t.size() - 1), &used);
        if (used + 1 != t.size()) n = -1;
      } catch (const std::exception&) {
      }
      if (key == "escalate_after") {
        if (n < 0 || unit != 'd')
          problems.add(doc, v, "'escalate_after' is a number of working days such as 2d");
        else
          s.escalate_after_days = n;
      } else if (n < 0 || (unit != 'm' && unit != 'h' && unit != 'd')) {
        problems.add(doc, v, "'alarm_before' is a time such as 60m, 2h or 1d");
      } else {
        s.alarm_before = std::chrono::minutes(n * (unit == 'm' ? 1 : unit == 'h' ? 60 : 24 * 60));
      }
    } else if (key == "commit") {
      s.commit = r.boolean(v, key);
    } else if (key == "stages") {
      has_stages = true;
      if (!v.IsSequence()) {
        problems.add(doc, v, "'stages' must be a list");
        continue;
      }
      for (const auto& item : v) {
        if (!r.is_map(item, "a stage")) continue;
        Stage st;
        st.id = item["id"] ? r.line(item["id"], "id") : "";
        st.name = item["name"] ? r.line(item["name"], "name") : st.id;
        st.outcome = item["outcome"] ? r.line(item["outcome"], "outcome") : "";
        if (st.id.empty()) problems.add(doc, item, "a stage needs an 'id'");
        if (!st.outcome.empty() && st.outcome != "won" && st.outcome != "lost")
          problems.add(doc, item["outcome"], "a stage's 'outcome' is won or lost");
        s.stages.push_back(st);
      }
    } else {
      s.unknown[key] = v;
    }
  }
  if (!has_stages) s.stages = Settings::default_stages();
  problems.throw_if_any();
  return s;
}

std::string settings_to_yaml(const Settings& s) {
  YAML::Node root(YAML::NodeType::Map);
  root["name"] = text_node(s.name);
  root["timezone"] = s.timezone;
  root["currency"] = s.currency;
  YAML::Node workday(YAML::NodeType::Map);
  workday["start"] = text_node(hhmm(s.calendar.day_start));
  workday["end"] = text_node(hhmm(s.calendar.day_end));
  root["workday"] = workday;
  YAML::Node week(YAML::NodeType::Sequence);
  for (int d : {1, 2, 3, 4, 5, 6, 0})
    if (s.calendar.work_days[static_cast<size_t>(d)]) week.push_back(day_names[d]);
  root["workweek"] = week;
  YAML::Node holidays(YAML::NodeType::Sequence);
  for (auto d : s.calendar.holidays) holidays.push_back(format_date(d));
  root["holidays"] = holidays;
  root["tolerance"] = fmt::format("{}%", s.tolerance_percent);
  if (s.judge_after_percent) root["judge_after"] = fmt::format("{}%", *s.judge_after_percent);
  root["commit"] = s.commit ? "true" : "false";
  root["mail_from"] = text_node(s.mail_from);
  root["mail_from_name"] = text_node(s.mail_from_name);
  root["escalate_after"] = fmt::format("{}d", s.escalate_after_days);
  root["alarm_before"] = fmt::format("{}m", s.alarm_before.count());
  YAML::Node stages(YAML::NodeType::Sequence);
  for (const auto& st : s.stages) {
    YAML::Node n(YAML::NodeType::Map);
    n["id"] = text_node(st.id);
    n["name"] = text_node(st.name);
    put_plain(n, "outcome", st.outcome);
    stages.push_back(n);
  }
  root["stages"] = stages;
  for (const auto& kv : s.unknown) root[kv.first] = kv.second;
  return emit_yaml(root);
}

}  // namespace tally::core
