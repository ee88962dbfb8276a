// A streaming CSV reader for exports from other CRMs (Bitrix24 first of all).
// It reads an istream in chunks and yields one row at a time, so a 200 MB file
// costs a buffer, not its size. It finds the encoding (UTF-8 with or without a
// BOM, UTF-16 with a BOM, else Windows-1251, converted by glibc's iconv), the
// delimiter (from the header line), quoted values with embedded newlines and
// doubled quotes, and the empty last column of lines that end in a delimiter.
// A broken row is handed back with its line and reason, and reading goes on at
// the next line that reads as a whole row; a file that is not text at all is an
// Error before any row.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <vector>

namespace tally::core {

struct CsvOptions {
  char delimiter = 0;    // 0: the one of ';', ',' and tab that the header line uses most
  std::string encoding;  // empty: detect; else an iconv name such as "WINDOWS-1251"
  // A row longer than this (an unclosed quote running on) is rejected.
  std::size_t max_row_bytes = std::size_t{1} << 20;
};

struct CsvRow {
  std::vector<std::string> values;
  std::size_t line = 0;      // the physical line the row starts on, 1-based
  std::size_t end_line = 0;  // the last line it took (or that was skipped with it)
  std::string error;         // why the row was rejected; empty for a good row
};

class CsvReader {
 public:
  // `name` is the file name used in errors.
  CsvReader(std::istream& in, std::string name, CsvOptions options = {});
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // The header row (read once, first); empty for an empty file. Throws Error
  // when the file is not text (NUL bytes, control characters, bytes that are
  // not in its encoding) or the header itself cannot be read.
  const std::vector<std::string>& header();
  // The next data row; false at the end. Blank lines are skipped. A row whose
  // quotes are broken or whose number of values differs from the header's
  // comes back with `error` set. Throws Error on a NUL byte anywhere.
  bool next(CsvRow& row);

  char delimiter() const { return m_delimiter; }
  // "UTF-8", "UTF-8 with BOM", "WINDOWS-1251" ...
  const std::string& encoding() const { return m_encoding_shown; }

 private:
  class Decoder;
  enum class Parse { ok, end, broken };

  bool ensure(std::size_t index);  // true when m_buf holds index (reads more as needed)
  Parse parse_row(std::size_t& pos, std::size_t& line, std::size_t limit,
                  std::vector<std::string>& values, std::string& error);
  std::size_t next_line_start(std::size_t from, std::size_t& line);
  void compact();
  void fit_to_header(CsvRow& row) const;

  std::unique_ptr<Decoder> m_decoder;
  std::string m_name;
  CsvOptions m_options;
  std::string m_buf;      // decoded UTF-8 text not yet consumed
  std::size_t m_pos = 0;  // next row starts here in m_buf
  std::size_t m_line = 1;
  bool m_eof = false;
  bool m_header_read = false;
  bool m_trailing_delimiter = false;
  char m_delimiter = ',';
  std::string m_encoding_shown;
  std::vector<std::string> m_header;
};

}  // namespace tally::core
