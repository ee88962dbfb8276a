// A task file: tasks/YYYY/MM/<ID>.yaml. Keys are written in one fixed order,
// optional ones omitted when empty, unknown ones kept after the known ones;
// the log only grows. Status lives here, never in the path.
#pragma once

#include "core/schema.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tally::core {

enum class Status { new_, accepted, in_progress, review, done, deferred, declined, cancelled };

std::string_view status_name(Status s);
std::optional<Status> parse_status(std::string_view name);
std::vector<std::string> status_names();
// new, accepted, in_progress, review and deferred: the task still wants something from someone.
bool is_open(Status s);
// Open, or declined: a declined task waits for its creator to decide (reopen, reassign, cancel).
bool is_pending(Status s);
// new, accepted, in_progress: the states in which a passed deadline makes the task overdue.
bool is_active(Status s);

struct ChecklistItem {
  std::string text;
  bool done = false;
};

// A further value of a log entry (from, to, reason, text ...): nearly always a
// scalar, kept as its text and tag (the tag is how quoting survives) rather than
// as a YAML node, which costs half a kilobyte and five allocations; 100 000
// tasks' logs are read at once. Lists and maps, which only a hand edit writes,
// are kept as nodes.
class LogValue {
 public:
  LogValue(const YAML::Node& node);  // NOLINT: entries are built from nodes
  bool IsScalar() const { return m_kind == YAML::NodeType::Scalar; }
  // The scalar's text; "" for anything else.
  const std::string& Scalar() const { return m_scalar; }
  const std::string& Tag() const { return m_tag; }
  YAML::NodeType::value Type() const { return m_kind; }
  // The value as a node, to write.
  YAML::Node node() const;

  // For the cache: a scalar or null made from its parts.
  static LogValue scalar(std::string text, std::string tag);
  static LogValue null();

 private:
  LogValue() = default;
  YAML::NodeType::value m_kind = YAML::NodeType::Null;
  std::string m_scalar;
  std::string m_tag;
  std::shared_ptr<const YAML::Node> m_collection;  // a map or sequence, cloned off its document
};

struct LogEntry {
  Stamp at;
  std::string by;
  std::string event;
  // Further keys of the entry (from, to, reason, text ...) in file order.
  std::vector<std::pair<std::string, LogValue>> data;

  std::string get(std::string_view key) const;
};

struct Task {
  std::string id;
  std::string title;
  Status status = Status::new_;
  std::string creator;
  std::string responsible;
  std::vector<std::string> participants;
  std::vector<std::string> observers;
  Stamp created;
  std::optional<Stamp> deadline;
  std::string priority = "normal";
  bool review = false;
  bool may_move_deadline = false;  // the responsible may move the deadline (with a reason)
  bool result_required = false;    // the responsible cannot finish without a result text
  std::string link;                // "deal/1042"; empty for a general task
  std::string group;
  std::string recur;
  std::vector<std::string> tags;
  std::vector<ChecklistItem> checklist;
  std::string description;
  std::string result;  // what the responsible reported on finishing
  std::vector<LogEntry> log;
  std::vector<std::pair<std::string, YAML::Node>> unknown;

  bool overdue(Instant now) const { return deadline && is_active(status) && deadline->at < now; }
};

// The order people read tasks in: by deadline, those without one last, then by ID.
inline bool by_deadline(const Task* a, const Task* b) {
  if (a->deadline.has_value() != b->deadline.has_value()) return a->deadline.has_value();
  if (a->deadline && a->deadline->at != b->deadline->at) return a->deadline->at < b->deadline->at;
  return a->id < b->id;
}

// A `log:` list as read from a file: every entry needs `at` and `event`, and `by`
// when `need_by`; other keys are kept in order. Problems go to the reader's list.
std::vector<LogEntry> read_log(const Reader& r, const YAML::Node& list, bool need_by);
// The `log:` list to write; the entries' keys in the order they were read.
YAML::Node log_node(const std::vector<LogEntry>& log);

// Validates and reads a task document; every problem is reported at once.
Task parse_task(const YamlDoc& doc, const Zone& zone);
std::string task_to_yaml(const Task& t);

// "tasks/2026/11/T-XXXXXXXXXX.yaml" for a task created at `created` (local month).
std::string task_relative_path(const std::string& id, Instant created, const Zone& zone);

}  // namespace tally::core
