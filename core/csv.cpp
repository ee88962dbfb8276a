#include "core/csv.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace tally::core {

namespace {

constexpr std::size_t k_chunk = 64 * 1024;
// While looking for the next good row after a broken one, a candidate row may
// not run on longer than this: an odd quote would otherwise read to the end of
// the file from every line.
constexpr std::size_t k_resync_limit = 64 * 1024;

std::string upper(std::string s) {
  for (auto& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// True when s is valid UTF-8 except perhaps for a sequence cut off at its end
// (the chunk boundary fell inside a character).
bool valid_utf8_prefix(std::string_view s) {
  if (valid_utf8(s)) return true;
  for (std::size_t cut = 1; cut <= 3 && cut < s.size(); ++cut) {
    auto lead = static_cast<unsigned char>(s[s.size() - cut]);
    if (lead >= 0xC0) return valid_utf8(s.substr(0, s.size() - cut));
    if (lead < 0x80) return false;
  }
  return false;
}

[[noreturn]] void not_text(const std::string& name, std::string_view why) {
  throw Error("{} is not a CSV text file: {}", name, why)
      .hint("export the list from the CRM as CSV (UTF-8 or Windows-1251)");
}

}  // namespace

// Raw bytes in, UTF-8 text out. UTF-8 input passes through unchanged (rows with
// bytes that are not UTF-8 are rejected one by one later); anything else goes
// through iconv(3) chunk by chunk, keeping a character cut at a chunk's end for
// the next one.
class CsvReader::Decoder {
 public:
  Decoder(std::istream& in, std::string name, const std::string& encoding)
      : m_in(in), m_name(std::move(name)), m_forced(encoding) {}
  ~Decoder() {
    if (m_cd != reinterpret_cast<iconv_t>(-1)) iconv_close(m_cd);
  }
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  // Appends the next piece of text to `out`; false when the input is used up.
  bool read(std::string& out) {
    bool first = !m_started;
    if (first) {
      pull();
      detect();
      m_started = true;
    } else if (!pull() && m_raw.empty()) {
      return false;
    }
    std::size_t from = out.size();
    if (m_cd == reinterpret_cast<iconv_t>(-1)) {
      out += m_raw;
      m_raw.clear();
    } else {
      convert(out);
    }
    check(std::string_view(out).substr(from), first);
    return out.size() > from || !m_raw.empty() || !m_in_eof;
  }

  const std::string& shown() const { return m_shown; }

 private:
  bool pull() {
    if (m_in_eof) return false;
    std::size_t had = m_raw.size();
    m_raw.resize(had + k_chunk);
    m_in.read(m_raw.data() + had, static_cast<std::streamsize>(k_chunk));
    auto got = static_cast<std::size_t>(m_in.gcount());
    m_raw.resize(had + got);
    if (got < k_chunk) m_in_eof = true;
    if (m_in.bad()) throw Error("cannot read {}", m_name).exit(Exit::failed);
    return got > 0;
  }

  void open(const std::string& from) {
    m_cd = iconv_open("UTF-8", from.c_str());
    if (m_cd == reinterpret_cast<iconv_t>(-1))
      throw Error("unknown encoding '{}'", from).hint("such as UTF-8, WINDOWS-1251 or KOI8-R");
    m_shown = from;
  }

  void detect() {
    std::string forced = upper(m_forced);
    if (m_raw.starts_with("\xEF\xBB\xBF")) {
      m_raw.erase(0, 3);
      m_shown = "UTF-8 with BOM";
    } else if (m_raw.starts_with("\xFF\xFE") || m_raw.starts_with("\xFE\xFF")) {
      open("UTF-16");  // iconv reads the byte order mark and drops it
    } else if (!forced.empty() && forced != "UTF-8" && forced != "UTF8") {
      open(forced);
    } else if (forced.empty() && m_raw.find('\0') != std::string::npos) {
      not_text(m_name, "it holds NUL bytes");
    } else if (!forced.empty() || valid_utf8_prefix(m_raw)) {
      m_shown = "UTF-8";
    } else {
      open("WINDOWS-1251");
    }
  }

  void convert(std::string& out) {
    char* in = m_raw.data();
    std::size_t in_left = m_raw.size();
    std::string buf(m_raw.size() * 4 + 16, '\0');
    char* o = buf.data();
    std::size_t o_left = buf.size();
    while (in_left > 0) {
      if (iconv(m_cd, &in, &in_left, &o, &o_left) != static_cast<std::size_t>(-1)) continue;
      if (errno == EINVAL && !m_in_eof) break;  // a character cut at the chunk's end
      if (errno == E2BIG) {
        std::size_t used = buf.size() - o_left;
        buf.resize(buf.size() * 2);
        o = buf.data() + used;
        o_left = buf.size() - used;
        continue;
      }
      not_text(m_name,
               fmt::format("byte {} is not {} text", m_offset + (in - m_raw.data()) + 1, m_shown));
    }
    out.append(buf.data(), buf.size() - o_left);
    m_offset += m_raw.size() - in_left;
    m_raw.erase(0, m_raw.size() - in_left);
  }

  // A NUL anywhere, or other control characters at the start, mean this is not text.
  void check(std::string_view text, bool first) {
    if (text.find('\0') != std::string_view::npos) not_text(m_name, "it holds NUL bytes");
    if (!first) return;
    for (char c : text) {
      auto u = static_cast<unsigned char>(c);
      if (u < 0x20 && c != '\t' && c != '\n' && c != '\r')
        not_text(m_name, "it holds control characters");
    }
  }

  std::istream& m_in;
  std::string m_name;
  std::string m_forced;
  iconv_t m_cd = reinterpret_cast<iconv_t>(-1);
  std::string m_raw;
  std::size_t m_offset = 0;
  bool m_started = false;
  bool m_in_eof = false;
  std::string m_shown;
};

CsvReader::CsvReader(std::istream& in, std::string name, CsvOptions options)
    : m_decoder(std::make_unique<Decoder>(in, name, options.encoding)),
      m_name(std::move(name)),
      m_options(std::move(options)) {}

CsvReader::~CsvReader() = default;

bool CsvReader::ensure(std::size_t index) {
  while (index >= m_buf.size() && !m_eof)
    if (!m_decoder->read(m_buf)) m_eof = true;
  if (m_encoding_shown.empty()) m_encoding_shown = m_decoder->shown();
  return index < m_buf.size();
}

void CsvReader::compact() {
  if (m_pos < k_chunk) return;
  m_buf.erase(0, m_pos);
  m_pos = 0;
}

std::size_t CsvReader::next_line_start(std::size_t from, std::size_t& line) {
  for (std::size_t p = from; ensure(p); ++p) {
    if (m_buf[p] == '\n' || (m_buf[p] == '\r' && !(ensure(p + 1) && m_buf[p + 1] == '\n'))) {
      ++line;
      return p + 1;
    }
  }
  return m_buf.size();
}

CsvReader::Parse CsvReader::parse_row(std::size_t& pos, std::size_t& line, std::size_t limit,
                                      std::vector<std::string>& values, std::string& error) {
  std::size_t p = pos, ln = line;
  if (!ensure(p)) return Parse::end;
  values.clear();
  const std::size_t start = p;
  const char d = m_delimiter;
  // Ends the row at p: past its line break, if any.
  auto finish = [&] {
    if (ensure(p) && m_buf[p] == '\r') ++p;
    if (ensure(p) && m_buf[p] == '\n') ++p;
    pos = p;
    line = ln + 1;
    return Parse::ok;
  };
  for (;;) {
    std::string field;
    if (ensure(p) && m_buf[p] == '"') {
      std::size_t opened = ln;
      ++p;
      for (;;) {
        if (p - start > limit || !ensure(p)) {
          error = fmt::format("the quote opened on line {} is never closed", opened);
          return Parse::broken;
        }
        char c = m_buf[p];
        if (c == '"') {
          if (ensure(p + 1) && m_buf[p + 1] == '"') {
            field += '"';
            p += 2;
            continue;
          }
          ++p;
          break;
        }
        if (c == '\r' && ensure(p + 1) && m_buf[p + 1] == '\n') {
          ++p;  // CRLF inside a value becomes LF
          continue;
        }
        if (c == '\n') ++ln;
        field += c;
        ++p;
      }
      values.push_back(std::move(field));
      if (!ensure(p)) return finish();
      if (m_buf[p] == d) {
        ++p;
        continue;
      }
      if (m_buf[p] == '\n' || m_buf[p] == '\r') return finish();
      error = ln == line
                  ? std::string("a quote inside a quoted value is not doubled")
                  : fmt::format("a quote inside a quoted value is not doubled (line {})", ln);
      return Parse::broken;
    }
    // Unquoted: up to the delimiter or the end of the line; a quote here is kept as text.
    for (;;) {
      if (p - start > limit) {
        error = "the line is too long";
        return Parse::broken;
      }
      if (!ensure(p) || m_buf[p] == '\n' || m_buf[p] == '\r') {
        values.push_back(std::move(field));
        return finish();
      }
      if (m_buf[p] == d) {
        ++p;
        break;
      }
      field += m_buf[p++];
    }
    values.push_back(std::move(field));
  }
}

const std::vector<std::string>& CsvReader::header() {
  if (m_header_read) return m_header;
  m_header_read = true;
  if (!ensure(0)) return m_header;
  m_delimiter = m_options.delimiter;
  if (m_delimiter == 0) {
    // Count the candidates outside quotes on the first line.
    std::size_t semi = 0, comma = 0, tab = 0;
    bool quoted = false;
    for (std::size_t p = 0; ensure(p) && (quoted || (m_buf[p] != '\n' && m_buf[p] != '\r')); ++p) {
      char c = m_buf[p];
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      semi += c == ';';
      comma += c == ',';
      tab += c == '\t';
    }
    m_delimiter = semi >= comma && semi >= tab ? ';' : comma >= tab ? ',' : '\t';
  }
  std::string error;
  std::size_t pos = 0;
  if (parse_row(pos, m_line, m_options.max_row_bytes, m_header, error) == Parse::broken)
    throw Error("{}: cannot read the header line: {}", m_name, error);
  m_pos = pos;
  if (m_header.size() > 1 && m_header.back().empty()) m_header.pop_back();
  for (const auto& h : m_header)
    if (!valid_utf8(h)) not_text(m_name, "its header line is not UTF-8 text");
  return m_header;
}

void CsvReader::fit_to_header(CsvRow& row) const {
  auto& v = row.values;
  // "a";"b"; ends every line of a Bitrix24 export: the last, empty column is no value.
  if (v.size() == m_header.size() + 1 && v.back().empty()) v.pop_back();
  if (v.size() != m_header.size()) {
    row.error = fmt::format("it has {} values, the header has {}", v.size(), m_header.size());
    return;
  }
  for (const auto& s : v)
    if (!valid_utf8(s)) {
      row.error = fmt::format("it is not UTF-8 text (the file began as {})", m_encoding_shown);
      return;
    }
}

bool CsvReader::next(CsvRow& row) {
  header();
  auto blank = [](const std::vector<std::string>& v) {
    return std::all_of(v.begin(), v.end(), [](const std::string& s) { return s.empty(); });
  };
  for (;;) {
    compact();
    row = CsvRow{};
    row.line = m_line;
    std::size_t pos = m_pos, line = m_line;
    auto result = parse_row(pos, line, m_options.max_row_bytes, row.values, row.error);
    if (result == Parse::end) return false;
    if (result == Parse::ok) {
      m_pos = pos;
      m_line = line;
      if (blank(row.values)) continue;
      row.end_line = line - 1;
      fit_to_header(row);
      return true;
    }
    // A broken row: go on at the first later line that reads as a whole row
    // with the header's number of values (or is blank); what lies between is
    // reported with the broken row.
    std::size_t p = next_line_start(m_pos, line = m_line);
    for (;;) {
      if (p > k_chunk) {
        m_buf.erase(0, p);
        p = 0;
      }
      std::size_t cand = p, cand_line = line;
      std::vector<std::string> values;
      std::string ignored;
      auto r = parse_row(cand, cand_line, k_resync_limit, values, ignored);
      if (r == Parse::end) break;
      if (r == Parse::ok) {
        if (values.size() == m_header.size() + 1 && values.back().empty()) values.pop_back();
        if (blank(values) || values.size() == m_header.size()) break;
      }
      p = next_line_start(p, line);
    }
    m_pos = p;
    m_line = line;
    row.values.clear();
    row.end_line = line - 1;
    return true;
  }
}

}  // namespace tally::core
