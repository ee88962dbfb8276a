// `tally export`: records and tasks as rows of text under our own field names,
// for CSV (and JSON) that other tools, or `tally import` itself, read back.
// Amounts are exact ("12000000.50"), times ISO 8601 with offset, people logins,
// stages IDs; a record's extra fields become columns named fields.NAME.
#pragma once

#include "core/store.hpp"

#include <string>
#include <vector>

namespace tally::core {

struct ExportTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // one cell per column; empty when unset
};

// Every record of `kind`, in ID order. Only the columns that kind uses, then
// the extra fields in the order they first appear.
ExportTable export_records(const Store& store, RecordKind kind);

// Every task, in ID order, without its log; lists joined with ", ".
ExportTable export_tasks(const Store& store);

}  // namespace tally::core
