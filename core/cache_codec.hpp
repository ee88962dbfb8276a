// How records and tasks are written into the cache files of core/cache.cpp and
// read back: numbers as varints, strings with their length, each field in a
// fixed order; and the one byte an index entry carries about a value (a
// task's status, whether a record is closed) so that readers can skip it.
// Bump a magic line whenever what is written changes.
#pragma once

#include "core/records.hpp"
#include "core/task.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace tally::core::cache {

// Numbers are LEB128 varints (a task's are mostly one byte), strings a length and their bytes.
class Writer {
 public:
  void u64(std::uint64_t v) {
    for (; v >= 0x80; v >>= 7) m_out += static_cast<char>((v & 0x7f) | 0x80);
    m_out += static_cast<char>(v);
  }
  void str(std::string_view s) {
    u64(s.size());
    m_out += s;
  }
  std::string& out() { return m_out; }

 private:
  std::string m_out;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : m_in(in) {}
  bool u64(std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64 && !m_in.empty(); shift += 7) {
      auto byte = static_cast<unsigned char>(m_in.front());
      m_in.remove_prefix(1);
      v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return true;
    }
    return false;
  }
  bool view(std::string_view& s) {
    std::uint64_t n = 0;
    if (!u64(n) || m_in.size() < n) return false;
    s = m_in.substr(0, n);
    m_in.remove_prefix(n);
    return true;
  }
  bool str(std::string& s) {
    std::string_view v;
    if (!view(v)) return false;
    s.assign(v);
    return true;
  }
  std::string_view rest() const { return m_in; }

 private:
  std::string_view m_in;
};

struct RecordCodec {
  static constexpr std::string_view magic = "tally-records-cache 5\n";

  static void put(Writer& w, const Record& v);
  static bool get(Reader& in, Record& v);

  static std::uint8_t tag(const Record& r) { return r.closed ? 1 : 0; }
  // Closed records first: a plan check reads only them.
  static bool hot(std::uint8_t tag) { return tag == 1; }
};

struct TaskCodec {
  static constexpr std::string_view magic = "tally-tasks-cache 4\n";

  static void put(Writer& w, const Task& v);
  static bool get(Reader& in, Task& v);

  static std::uint8_t tag(const Task& t) { return static_cast<std::uint8_t>(t.status); }
  // Open tasks are stored first, together: reading only them touches few pages.
  static bool hot(std::uint8_t tag) { return is_open(static_cast<Status>(tag)); }
};

}  // namespace tally::core::cache
