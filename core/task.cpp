#include "core/task.hpp"

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/recur.hpp"
#include "core/text.hpp"

namespace tally::core {

namespace {

constexpr std::pair<Status, std::string_view> status_table[] = {
    {Status::new_, "new"},
    {Status::accepted, "accepted"},
    {Status::in_progress, "in_progress"},
    {Status::review, "review"},
    {Status::done, "done"},
    {Status::deferred, "deferred"},
    {Status::declined, "declined"},
    {Status::cancelled, "cancelled"}};

}  // namespace

std::string_view status_name(Status s) {
  for (auto& [st, name] : status_table)
    if (st == s) return name;
  return "";
}

std::optional<Status> parse_status(std::string_view name) {
  for (auto& [st, n] : status_table)
    if (n == name) return st;
  return std::nullopt;
}

std::vector<std::string> status_names() {
  std::vector<std::string> out;
  for (auto& [st, n] : status_table) out.emplace_back(n);
  return out;
}

bool is_open(Status s) {
  return s != Status::done && s != Status::declined && s != Status::cancelled;
}

bool is_pending(Status s) {
  return is_open(s) || s == Status::declined;
}

bool is_active(Status s) {
  return s == Status::new_ || s == Status::accepted || s == Status::in_progress;
}

LogValue::LogValue(const YAML::Node& node) : m_kind(node.Type()) {
  if (node.IsScalar()) {
    m_scalar = node.Scalar();
    m_tag = node.Tag();
  } else if (node.IsMap() || node.IsSequence()) {
    m_tag = node.Tag();
    m_collection = std::make_shared<const YAML::Node>(YAML::Clone(node));
  } else {
    m_kind = YAML::NodeType::Null;
  }
}

LogValue LogValue::scalar(std::string text, std::string tag) {
  LogValue v;
  v.m_kind = YAML::NodeType::Scalar;
  v.m_scalar = std::move(text);
  v.m_tag = std::move(tag);
  return v;
}

LogValue LogValue::null() {
  return LogValue();
}

YAML::Node LogValue::node() const {
  if (m_kind == YAML::NodeType::Scalar) {
    YAML::Node n(m_scalar);
    if (!m_tag.empty()) n.SetTag(m_tag);
    return n;
  }
  if (m_kind == YAML::NodeType::Null) return YAML::Node();
  return YAML::Clone(*m_collection);
}

std::string LogEntry::get(std::string_view key) const {
  for (const auto& [k, v] : data)
    if (k == key && v.IsScalar()) return v.Scalar();
  return {};
}

std::vector<LogEntry> read_log(const Reader& r, const YAML::Node& list, bool need_by) {
  std::vector<LogEntry> log;
  if (!list.IsSequence()) {
    r.problems.add(r.doc, list, "'log' must be a list");
    return log;
  }
  for (const auto& item : list) {
    if (!r.is_map(item, "a log entry")) continue;
    LogEntry e;
    for (const auto& f : item) {
      std::string k = f.first.Scalar();
      if (k == "at")
        e.at = r.stamp(f.second, "at");
      else if (k == "by")
        e.by = r.line(f.second, "by");
      else if (k == "event")
        e.event = r.line(f.second, "event");
      else
        e.data.emplace_back(k, f.second);
    }
    if (e.at.text.empty() || e.event.empty() || (need_by && e.by.empty()))
      r.problems.add(r.doc, item,
                     need_by ? "a log entry needs 'at', 'by' and 'event'"
                             : "a log entry needs 'at' and 'event'");
    log.push_back(std::move(e));
  }
  return log;
}

YAML::Node log_node(const std::vector<LogEntry>& log) {
  YAML::Node list(YAML::NodeType::Sequence);
  for (const auto& e : log) {
    YAML::Node item(YAML::NodeType::Map);
    item["at"] = e.at.text;
    if (!e.by.empty()) item["by"] = text_node(e.by);
    item["event"] = text_node(e.event);
    for (const auto& [k, v] : e.data) item[k] = v.node();
    list.push_back(item);
  }
  return list;
}

Task parse_task(const YamlDoc& doc, const Zone& zone) {
  Task t;
  Problems problems;
  Reader r{doc, problems, zone};
  if (!r.is_map(doc.root, "a task file")) problems.throw_if_any();
  bool has_status = false, has_created = false;
  for (const auto& kv : doc.root) {
    std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "id")
      t.id = r.line(v, key);
    else if (key == "title")
      t.title = r.line(v, key);
    else if (key == "status") {
      has_status = true;
      auto s = parse_status(r.text(v, key));
      if (!s)
        problems.add(doc, v,
                     fmt::format("unknown status '{}'; statuses are {}",
                                 v.IsScalar() ? v.Scalar() : "", join(status_names(), ", ")));
      else
        t.status = *s;
    } else if (key == "creator")
      t.creator = r.line(v, key);
    else if (key == "responsible")
      t.responsible = r.line(v, key);
    else if (key == "participants")
      t.participants = r.list(v, key);
    else if (key == "observers")
      t.observers = r.list(v, key);
    else if (key == "created") {
      has_created = true;
      t.created = r.stamp(v, key);
    } else if (key == "deadline")
      t.deadline = r.stamp(v, key);
    else if (key == "priority") {
      t.priority = r.line(v, key);
      if (t.priority != "normal" && t.priority != "high")
        problems.add(doc, v, "'priority' is normal or high");
    } else if (key == "review")
      t.review = r.boolean(v, key);
    else if (key == "may_move_deadline")
      t.may_move_deadline = r.boolean(v, key);
    else if (key == "result_required")
      t.result_required = r.boolean(v, key);
    else if (key == "result")
      t.result = r.text(v, key);
    else if (key == "link") {
      t.link = r.line(v, key);
      auto slash = t.link.find('/');
      std::string kind = t.link.substr(0, slash);
      if (slash == std::string::npos ||
          (kind != "deal" && kind != "company" && kind != "lead" && kind != "contact") ||
          !is_safe_record_id(t.link.substr(slash + 1)))
        problems.add(doc, v, "'link' is deal/<ID>, company/<ID>, lead/<ID> or contact/<ID>");
    } else if (key == "group")
      t.group = r.line(v, key);
    else if (key == "recur") {
      t.recur = r.line(v, key);
      try {
        parse_recur(t.recur);
      } catch (const Error& e) {
        problems.add(doc, v, fmt::format("{}; {}", e.what(), e.hint()));
      }
    } else if (key == "tags")
      t.tags = r.list(v, key);
    else if (key == "description")
      t.description = r.text(v, key);
    else if (key == "checklist") {
      if (!v.IsSequence()) {
        problems.add(doc, v, "'checklist' must be a list");
        continue;
      }
      for (const auto& item : v) {
        if (!r.is_map(item, "a checklist item")) continue;
        ChecklistItem c;
        c.text = item["text"] ? r.line(item["text"], "text") : "";
        c.done = item["done"] ? r.boolean(item["done"], "done") : false;
        t.checklist.push_back(c);
      }
    } else if (key == "log") {
      t.log = read_log(r, v, true);
    } else {
      t.unknown.emplace_back(key, YAML::Clone(v));
    }
  }
  std::string expected = doc.path.stem().string();
  if (!is_task_id(t.id))
    problems.add(doc, doc.root["id"] ? doc.root["id"] : doc.root,
                 fmt::format("'id' must be T- and 10 characters, not '{}'", t.id));
  else if (t.id != expected)
    problems.add(doc, doc.root["id"],
                 fmt::format("'id' is {} but the file is named {}.yaml", t.id, expected));
  if (t.title.empty())
    problems.add(doc, doc.root["title"] ? doc.root["title"] : doc.root, "the task has no 'title'");
  if (!has_status) problems.add(doc, doc.root, "the task has no 'status'");
  if (!has_created) problems.add(doc, doc.root, "the task has no 'created' time");
  if (t.creator.empty()) problems.add(doc, doc.root, "the task has no 'creator'");
  problems.throw_if_any();
  return t;
}

std::string task_to_yaml(const Task& t) {
  YAML::Node root(YAML::NodeType::Map);
  root["id"] = t.id;
  root["title"] = text_node(t.title);
  root["status"] = std::string(status_name(t.status));
  put_text(root, "creator", t.creator);
  put_text(root, "responsible", t.responsible);
  put_list(root, "participants", t.participants);
  put_list(root, "observers", t.observers);
  root["created"] = t.created.text;
  if (t.deadline) root["deadline"] = t.deadline->text;
  root["priority"] = t.priority;
  if (t.review) root["review"] = "true";
  if (t.may_move_deadline) root["may_move_deadline"] = "true";
  if (t.result_required) root["result_required"] = "true";
  put_text(root, "link", t.link);
  put_text(root, "group", t.group);
  put_text(root, "recur", t.recur);
  put_list(root, "tags", t.tags);
  if (!t.checklist.empty()) {
    YAML::Node list(YAML::NodeType::Sequence);
    for (const auto& c : t.checklist) {
      YAML::Node item(YAML::NodeType::Map);
      item["text"] = text_node(c.text);
      item["done"] = c.done ? "true" : "false";
      list.push_back(item);
    }
    root["checklist"] = list;
  }
  put_text(root, "description", t.description);
  put_text(root, "result", t.result);
  root["log"] = log_node(t.log);
  for (const auto& [k, v] : t.unknown) root[k] = v;
  return emit_yaml(root);
}

std::string task_relative_path(const std::string& id, Instant created, const Zone& zone) {
  if (!is_task_id(id)) throw Error("'{}' is not a task ID", id).exit(Exit::failed);
  auto day = date::floor<date::days>(zone.to_local(created));
  date::year_month_day ymd{day};
  return fmt::format("tasks/{:04}/{:02}/{}.yaml", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), id);
}

}  // namespace tally::core
