// Which column of a CRM export holds which of our fields. Built-in tables know
// Bitrix24's column titles in Russian and English for deals, companies,
// contacts and leads; a small YAML mapping file (--map) names the columns of any
// other CRM and may set the delimiter, the encoding, the order of slash dates,
// and the names of stages and currencies. Also here: turning the display values
// of an export (dates, currency names, stage groups) into ours.
#pragma once

#include "core/dates.hpp"
#include "core/records.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tally::core {

// What a column holds.
enum class Col {
  id,
  title,
  stage,
  status,  // the stage group: in progress, won or lost
  amount,
  currency,
  owner,
  company,
  contact,
  created,
  closed,
  first_name,
  last_name,
  middle_name,
  product,  // a product column: the export repeats a deal once per product row
  field,    // an extra value kept in the record's `fields` under `field`
  ignored,  // known and deliberately not imported (modified date, created by ...)
};

struct ColumnRole {
  Col col = Col::ignored;
  std::string field;  // for Col::field
};

struct ImportMap {
  // (our name, their column title): our names are id, title, stage, ..., fields.NAME, ignore.
  std::vector<std::pair<std::string, std::string>> columns;
  char delimiter = 0;
  std::string encoding;
  bool day_first_slash = false;                                 // dd/mm/yyyy instead of mm/dd/yyyy
  std::vector<std::pair<std::string, std::string>> stages;      // their stage name -> our stage ID
  std::vector<std::pair<std::string, std::string>> currencies;  // their name -> code

  // Reads a mapping file; problems name file:line:column.
  static ImportMap load(const std::filesystem::path& file);
};

// Header titles compared loosely: case, 'ё'/'е', spaces, a trailing ':' or '*'.
std::string fold_title(std::string_view title);

// The role of each header column (nullopt: unknown) for records of `kind`.
std::vector<std::optional<ColumnRole>> map_columns(RecordKind kind,
                                                   const std::vector<std::string>& header,
                                                   const ImportMap& map);

// "27.11.2026", "27.11.2026 14:30[:15]", "11/27/2026 02:30:15 pm", ISO forms; a
// date alone is midnight in `zone`. Throws Error when it cannot read it.
Instant parse_export_time(std::string_view text, const Zone& zone, bool day_first_slash);

// "Российский рубль", "US Dollar", "руб.", "RUB" -> "RUB"; nullopt when unknown.
std::optional<std::string> currency_code(std::string_view text, const ImportMap& map);

// "Сделка успешна"/"Won" -> "won", "Провалена"/"Lost" -> "lost", "В работе"/"In
// progress"/"" -> ""; nullopt when unknown.
std::optional<std::string> stage_group(std::string_view text);

// The stage ID Bitrix24 gives its default English stage name ("Deal won" -> "won").
std::optional<std::string> bitrix_english_stage(std::string_view name);

// A login made from a full name ("Иван Петров" -> "ivan.petrov"), Latin letters only.
std::string login_from_name(std::string_view name);

}  // namespace tally::core
