#include "core/export.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace tally::core {

ExportTable export_records(const Store& store, RecordKind kind) {
  ExportTable t;
  bool deal = kind == RecordKind::deal, lead = kind == RecordKind::lead;
  t.columns = {"id", "title"};
  if (kind != RecordKind::company) t.columns.push_back("company");
  if (deal || lead) t.columns.push_back("contact");
  t.columns.push_back("owner");
  if (deal || lead) t.columns.insert(t.columns.end(), {"stage", "amount", "currency"});
  t.columns.push_back("created");
  if (deal) t.columns.push_back("closed");
  const std::size_t fixed = t.columns.size();
  auto records = store.load_records(kind);
  std::sort(records.begin(), records.end(),
            [](const Record& a, const Record& b) { return a.id < b.id; });
  for (const auto& r : records)
    for (const auto& [k, v] : r.fields)
      if (std::find(t.columns.begin() + fixed, t.columns.end(), "fields." + k) == t.columns.end())
        t.columns.push_back("fields." + k);
  for (const auto& r : records) {
    std::vector<std::string> row;
    for (const auto& c : t.columns) {
      if (c == "created" || c == "closed") {
        const auto& s = c == "created" ? r.created : r.closed;
        row.push_back(s ? s->text : "");
      } else {
        row.push_back(r.field(c.starts_with("fields.") ? c.substr(7) : c).value_or(""));
      }
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

ExportTable export_tasks(const Store& store) {
  ExportTable t;
  t.columns = {"id",        "title",   "status",   "creator",     "responsible", "participants",
               "observers", "created", "deadline", "priority",    "review",      "link",
               "group",     "recur",   "tags",     "description", "result"};
  auto tasks = store.load_tasks();
  std::sort(tasks.begin(), tasks.end(), [](const Task& a, const Task& b) { return a.id < b.id; });
  for (const auto& k : tasks) {
    t.rows.push_back({k.id, k.title, std::string(status_name(k.status)), k.creator, k.responsible,
                      join(k.participants, ", "), join(k.observers, ", "), k.created.text,
                      k.deadline ? k.deadline->text : "", k.priority, k.review ? "true" : "false",
                      k.link, k.group, k.recur, join(k.tags, ", "), k.description, k.result});
  }
  return t;
}

}  // namespace tally::core
