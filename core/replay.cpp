// Replay walks the log once, keeping the task as the entries so far left it, and asks the
// lifecycle's rules (entry_refusal) about each entry before applying it. The starting state is
// the file's, with the derived fields put back to where the log says they began.
#include "core/replay.hpp"

#include "core/error.hpp"
#include "core/lifecycle.hpp"
#include "core/yaml_io.hpp"

#include <algorithm>

namespace tally::core {

namespace {

std::optional<Stamp> logged_stamp(const std::string& text, const Zone& zone) {
  if (text.empty()) return std::nullopt;
  try {
    return Stamp{parse_timestamp(text, zone), text};
  } catch (const Error&) {
    return std::nullopt;
  }
}

bool has_key(const LogEntry& e, std::string_view key) {
  return std::any_of(e.data.begin(), e.data.end(), [&](const auto& kv) { return kv.first == key; });
}

// The fixed target of an event whose target does not depend on the history.
std::optional<Status> target_of(std::string_view event) {
  if (event == "acknowledged") return Status::accepted;
  if (event == "started" || event == "returned") return Status::in_progress;
  if (event == "accepted") return Status::done;
  if (event == "deferred") return Status::deferred;
  if (event == "declined") return Status::declined;
  if (event == "cancelled") return Status::cancelled;
  return std::nullopt;
}

bool moves_status(std::string_view event) {
  for (std::string_view e : {"acknowledged", "started", "done", "accepted", "returned", "deferred",
                             "resumed", "declined", "reopened", "cancelled"})
    if (event == e) return true;
  return false;
}

}  // namespace

Replay replay(const Task& file, const People& people) {
  static const Zone utc = Zone::locate("UTC");
  Replay out;
  Task& t = out.task;
  t = file;
  t.status = Status::new_;
  t.result.clear();
  for (const LogEntry& e : file.log)
    if (e.event == "created" && !e.get("to").empty()) {
      t.responsible = e.get("to");  // since tally logs it
      break;
    } else if (e.event == "reassigned") {
      t.responsible = e.get("from");
      break;
    }
  for (const LogEntry& e : file.log)
    if (e.event == "deadline") {
      t.deadline = logged_stamp(e.get("from"), utc);
      break;
    }
  for (size_t i = 0; i < file.log.size(); ++i) {
    const LogEntry& e = file.log[i];
    if (has_key(e, "rejected")) continue;
    std::string why = entry_refusal(e, t, people);
    if (!why.empty()) {
      out.refusals.push_back({i, why});
      continue;
    }
    if (moves_status(e.event)) {
      auto logged = parse_status(e.get("status"));
      if (auto fixed = target_of(e.event)) logged = fixed;
      if (logged) t.status = *logged;
      if (e.event == "done" && !e.get("result").empty()) t.result = e.get("result");
    } else if (e.event == "reassigned") {
      t.responsible = e.get("to");
      t.status = Status::new_;
      std::erase(t.participants, t.responsible);
    } else if (e.event == "deadline") {
      t.deadline = logged_stamp(e.get("to"), utc);
    } else if (e.event == "edited") {
      if (has_key(e, "title")) t.title = e.get("title");
      if (has_key(e, "priority")) t.priority = e.get("priority");
      if (has_key(e, "description")) t.description = e.get("description");
    }
  }
  // A deadline keeps the file's spelling when it is the same moment.
  if (t.deadline && file.deadline && t.deadline->at == file.deadline->at) t.deadline = file.deadline;
  return out;
}

std::vector<std::string> derived_differences(const Task& file, const Task& replayed) {
  std::vector<std::string> out;
  if (file.status != replayed.status) out.emplace_back("status");
  if (file.responsible != replayed.responsible) out.emplace_back("responsible");
  if (file.deadline.has_value() != replayed.deadline.has_value() ||
      (file.deadline && file.deadline->at != replayed.deadline->at))
    out.emplace_back("deadline");
  if (file.result != replayed.result) out.emplace_back("result");
  if (file.title != replayed.title) out.emplace_back("title");
  if (file.priority != replayed.priority) out.emplace_back("priority");
  if (file.description != replayed.description) out.emplace_back("description");
  return out;
}

Task settle(const Task& task, const People& people) {
  Replay r = replay(task, people);
  Task out = r.task;
  for (const Refusal& f : r.refusals)
    out.log[f.entry].data.emplace_back("rejected", text_node(f.why));
  return out;
}

}  // namespace tally::core
