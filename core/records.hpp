// CRM records: deals, companies, leads and contacts, one file each under
// deals/, companies/, leads/, contacts/. Records imported from another CRM
// keep that system's ID; extra fields (region, segment, ...) live in `fields`.
// A record's `log` grows as imports see its stage change, so that the funnel's
// history builds up; its entries have the shape of a task's log entries.
#pragma once

#include "core/money.hpp"
#include "core/schema.hpp"
#include "core/task.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tally::core {

enum class RecordKind { deal, company, lead, contact };

constexpr RecordKind all_record_kinds[] = {RecordKind::deal, RecordKind::company, RecordKind::lead,
                                           RecordKind::contact};

std::string_view kind_name(RecordKind k);       // "deal"
std::string_view kind_folder(RecordKind k);     // "deals"
std::string_view kind_id_prefix(RecordKind k);  // "D-" for generated IDs
std::optional<RecordKind> parse_kind(std::string_view name);

struct Record {
  RecordKind kind = RecordKind::deal;
  std::string id;
  std::string title;
  std::string company;  // company ID (deal, lead, contact)
  std::string contact;  // contact ID (deal, lead)
  std::string owner;    // login
  std::string stage;    // stage ID (deal, lead)
  std::optional<Money> amount;
  std::string currency;
  std::optional<Stamp> created;
  std::optional<Stamp> closed;
  std::vector<std::pair<std::string, std::string>> fields;  // in file order
  // Oldest first: {at, by, event, ...}; `by` may be absent (a system wrote it).
  std::vector<LogEntry> log;
  YAML::Node unknown;  // null until a key is kept (a map node per record costs allocations)

  // A field by name: the built-in ones first, then `fields`.
  std::optional<std::string> field(std::string_view name) const;
};

Record parse_record(const YamlDoc& doc, RecordKind kind, const Zone& zone);
std::string record_to_yaml(const Record& r);

}  // namespace tally::core
