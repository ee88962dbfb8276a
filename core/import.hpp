// `tally import`: CRM records from a CSV export (Bitrix24's layout, or any
// other CRM's through a mapping file), upserted by the source system's ID.
// The file is streamed row by row; only the records that change are kept in
// memory until the end, when they are written as one commit. A second run of
// the same file changes nothing; a deal whose stage changed gets a `stage`
// entry in its log, so daily imports build the funnel's history.
#pragma once

#include "core/context.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tally::core {

struct ImportRequest {
  RecordKind kind = RecordKind::deal;
  std::filesystem::path file;
  std::optional<std::filesystem::path> map_file;
  bool dry_run = false;     // read and compare, write nothing
  bool add_people = false;  // unknown responsible people become inactive managers
};

struct ImportReport {
  struct Rejected {
    std::size_t line = 0;
    std::size_t end_line = 0;  // > line when the row took (or broke) several lines
    std::string id;
    std::string reason;
  };
  struct Stranger {
    std::string name;  // as the file writes it
    std::size_t rows = 0;
    std::string login;  // the login made for them with --add-people
  };

  std::string encoding;
  char delimiter = ';';
  std::size_t rows = 0;      // data rows read, repeated product rows included
  std::size_t repeated = 0;  // further rows of one deal (one per product), not counted as deals
  std::size_t added = 0, updated = 0, unchanged = 0;
  std::size_t stage_changes = 0;
  std::size_t rejected_count = 0;
  std::vector<Rejected> rejected;  // the first 1000
  std::vector<std::string> unknown_columns;
  std::vector<std::string> warnings;  // the first 100
  std::size_t warning_count = 0;
  std::vector<Stranger> strangers;  // responsible people not in people.yaml
  bool written = false;             // files were written (and committed when committing)
  std::string message;              // the commit message
};

// Reads, compares and (unless dry_run) writes. Throws Error, with nothing
// written, when the file cannot be read at all (missing, empty, not text, no ID
// column); a bad row only rejects that row.
ImportReport import_records(Context& ctx, const ImportRequest& request);

}  // namespace tally::core
