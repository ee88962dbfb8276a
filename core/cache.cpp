#include "core/cache.hpp"

#include "core/fsutil.hpp"
#include "core/parallel.hpp"
#include "core/yaml_io.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <optional>

namespace tally::core {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_record_magic = "tally-records-cache 5\n";
constexpr std::string_view k_task_magic = "tally-tasks-cache 4\n";
constexpr std::int64_t k_racy_ns = 2'000'000'000;

struct Signature {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const Signature&) const = default;
};

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

// The cache file, mapped read-only: only the pages of what is decoded are read.
// The cache is always replaced by rename, never written in place, so the
// mapping stays whole while another process rewrites it.
class MappedFile {
 public:
  explicit MappedFile(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        m_data = p;
        m_size = static_cast<size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (m_data) ::munmap(m_data, m_size);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view view() const { return {static_cast<const char*>(m_data), m_size}; }

 private:
  void* m_data = nullptr;
  size_t m_size = 0;
};

// Folders opened once, so that each file is stat-ed by its name alone, from any thread.
class Folders {
 public:
  explicit Folders(const std::vector<fs::path>& dirs) {
    for (const auto& d : dirs)
      m_fds.push_back(::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  }
  ~Folders() {
    for (int fd : m_fds)
      if (fd >= 0) ::close(fd);
  }
  Folders(const Folders&) = delete;
  Folders& operator=(const Folders&) = delete;

  bool signature(std::uint32_t dir, std::string_view name, Signature& sig) const {
    // "<name>.yaml" on the stack: a task ID and its extension are past std::string's small size.
    char file[256];
    std::string heap;
    const char* path = file;
    constexpr std::string_view ext = ".yaml";
    if (name.size() + ext.size() < sizeof file) {
      std::memcpy(file, name.data(), name.size());
      std::memcpy(file + name.size(), ext.data(), ext.size());
      file[name.size() + ext.size()] = '\0';
    } else {
      heap = std::string(name) + std::string(ext);
      path = heap.c_str();
    }
    struct stat st {};
    if (m_fds[dir] < 0 || ::fstatat(m_fds[dir], path, &st, 0) != 0) return false;
    sig = {static_cast<std::uint64_t>(st.st_size),
           static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
           static_cast<std::uint64_t>(st.st_ino)};
    return true;
  }

 private:
  std::vector<int> m_fds;
};

std::uint64_t seconds_of(Instant at) {
  return static_cast<std::uint64_t>(at.time_since_epoch().count());
}

Instant instant_of(std::uint64_t v) {
  return Instant{std::chrono::seconds(static_cast<std::int64_t>(v))};
}

void put_stamp(Writer& w, const Stamp& s) {
  w.str(s.text);
  w.u64(seconds_of(s.at));
}

bool get_stamp(Reader& in, Stamp& s) {
  std::uint64_t at = 0;
  if (!in.str(s.text) || !in.u64(at)) return false;
  s.at = instant_of(at);
  return true;
}

void put_list(Writer& w, const std::vector<std::string>& v) {
  w.u64(v.size());
  for (const auto& s : v) w.str(s);
}

bool get_list(Reader& in, std::vector<std::string>& v) {
  std::uint64_t n = 0;
  if (!in.u64(n) || n > in.rest().size()) return false;
  v.resize(static_cast<size_t>(n));
  for (auto& s : v)
    if (!in.str(s)) return false;
  return true;
}

// A kept YAML value (a log entry's extra key, an unknown key): a scalar with its
// tag (so quoting survives), or a collection as canonical YAML text.
void put_node(Writer& w, const YAML::Node& n) {
  w.str(n.Tag());
  if (n.IsScalar()) {
    w.u64('s');
    w.str(n.Scalar());
  } else if (n.IsNull()) {
    w.u64('n');
  } else if (n.size() == 0) {
    w.u64(n.IsMap() ? '{' : '[');
  } else {
    w.u64('y');
    w.str(emit_yaml(n));
  }
}

bool get_node(Reader& in, YAML::Node& n) {
  std::string tag;
  std::uint64_t kind = 0;
  if (!in.str(tag) || !in.u64(kind)) return false;
  std::string body;
  switch (kind) {
    case 's':
      if (!in.str(body)) return false;
      n = YAML::Node(body);
      if (!tag.empty()) n.SetTag(tag);
      return true;
    case 'n':
      n = YAML::Node();
      return true;
    case '{':
      n = YAML::Node(YAML::NodeType::Map);
      return true;
    case '[':
      n = YAML::Node(YAML::NodeType::Sequence);
      return true;
    case 'y':
      if (!in.str(body)) return false;
      n = YAML::Load(body);
      return true;
    default:
      return false;
  }
}

void put_pairs(Writer& w, const std::vector<std::pair<std::string, YAML::Node>>& v) {
  w.u64(v.size());
  for (const auto& [k, n] : v) {
    w.str(k);
    put_node(w, n);
  }
}

bool get_pairs(Reader& in, std::vector<std::pair<std::string, YAML::Node>>& v) {
  std::uint64_t count = 0;
  if (!in.u64(count) || count > in.rest().size()) return false;
  v.reserve(static_cast<size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string k;
    YAML::Node n;
    if (!in.str(k) || !get_node(in, n)) return false;
    v.emplace_back(std::move(k), n);
  }
  return true;
}

// A log value: a scalar with its tag, or null, or a collection as YAML text.
void put_log_value(Writer& w, const LogValue& v) {
  if (v.IsScalar()) {
    w.u64('s');
    w.str(v.Tag());
    w.str(v.Scalar());
  } else if (v.Type() == YAML::NodeType::Null) {
    w.u64('n');
  } else {
    w.u64('y');
    put_node(w, v.node());
  }
}

bool get_log_value(Reader& in, std::optional<LogValue>& v) {
  std::uint64_t kind = 0;
  if (!in.u64(kind)) return false;
  if (kind == 'n') {
    v = LogValue::null();
    return true;
  }
  if (kind == 's') {
    std::string tag, text;
    if (!in.str(tag) || !in.str(text)) return false;
    v = LogValue::scalar(std::move(text), std::move(tag));
    return true;
  }
  YAML::Node n;
  if (kind != 'y' || !get_node(in, n)) return false;
  v = LogValue(n);
  return true;
}

void put_log(Writer& w, const std::vector<LogEntry>& log) {
  w.u64(log.size());
  for (const auto& e : log) {
    put_stamp(w, e.at);
    w.str(e.by);
    w.str(e.event);
    w.u64(e.data.size());
    for (const auto& [k, v] : e.data) {
      w.str(k);
      put_log_value(w, v);
    }
  }
}

bool get_log(Reader& in, std::vector<LogEntry>& log) {
  std::uint64_t count = 0;
  if (!in.u64(count) || count > in.rest().size()) return false;
  log.reserve(static_cast<size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    LogEntry e;
    std::uint64_t values = 0;
    if (!get_stamp(in, e.at) || !in.str(e.by) || !in.str(e.event) || !in.u64(values) ||
        values > in.rest().size())
      return false;
    e.data.reserve(static_cast<size_t>(values));
    for (std::uint64_t k = 0; k < values; ++k) {
      std::string key;
      std::optional<LogValue> v;
      if (!in.str(key) || !get_log_value(in, v)) return false;
      e.data.emplace_back(std::move(key), std::move(*v));
    }
    log.push_back(std::move(e));
  }
  return true;
}

// Optional values are stored with a presence flag.
void put_optional_stamp(Writer& w, const std::optional<Stamp>& s) {
  w.u64(s.has_value());
  if (s) put_stamp(w, *s);
}

bool get_optional_stamp(Reader& in, std::optional<Stamp>& s) {
  std::uint64_t present = 0;
  if (!in.u64(present)) return false;
  if (!present) return true;
  s.emplace();
  return get_stamp(in, *s);
}

// How each kind of value goes into the cache, and the one byte its index
// entry carries about it (a task's status) so that readers can skip it.
struct RecordCodec {
  static constexpr std::string_view magic = k_record_magic;

  static void put(Writer& w, const Record& r) {
    for (const std::string* s :
         {&r.id, &r.title, &r.company, &r.contact, &r.owner, &r.stage, &r.currency})
      w.str(*s);
    w.u64(r.amount.has_value());
    if (r.amount) w.str(r.amount->to_string());
    put_optional_stamp(w, r.created);
    put_optional_stamp(w, r.closed);
    w.u64(r.fields.size());
    for (const auto& [k, v] : r.fields) {
      w.str(k);
      w.str(v);
    }
    w.str(r.unknown.size() ? emit_yaml(r.unknown) : "");
    put_log(w, r.log);
  }

  static bool get(Reader& in, Record& r) {
    for (std::string* s :
         {&r.id, &r.title, &r.company, &r.contact, &r.owner, &r.stage, &r.currency})
      if (!in.str(*s)) return false;
    std::uint64_t has_amount = 0, nfields = 0;
    if (!in.u64(has_amount)) return false;
    if (has_amount) {
      std::string amount;
      if (!in.str(amount)) return false;
      r.amount = Money::parse(amount);
    }
    if (!get_optional_stamp(in, r.created) || !get_optional_stamp(in, r.closed) ||
        !in.u64(nfields) || nfields > in.rest().size())
      return false;
    r.fields.reserve(static_cast<size_t>(nfields));
    for (std::uint64_t i = 0; i < nfields; ++i) {
      std::string k, v;
      if (!in.str(k) || !in.str(v)) return false;
      r.fields.emplace_back(std::move(k), std::move(v));
    }
    std::string_view unknown;
    if (!in.view(unknown)) return false;
    if (!unknown.empty()) r.unknown = YAML::Load(std::string(unknown));
    return get_log(in, r.log);
  }

  static std::uint8_t tag(const Record& r) { return r.closed ? 1 : 0; }
  // Closed records first: a plan check reads only them.
  static bool hot(std::uint8_t tag) { return tag == 1; }
};

struct TaskCodec {
  static constexpr std::string_view magic = k_task_magic;

  static void put(Writer& w, const Task& t) {
    for (const std::string* s : {&t.id, &t.title, &t.creator, &t.responsible, &t.priority, &t.link,
                                 &t.group, &t.recur, &t.description, &t.result})
      w.str(*s);
    w.u64(static_cast<std::uint64_t>(t.status));
    w.u64((t.review ? 1u : 0u) | (t.may_move_deadline ? 2u : 0u) | (t.result_required ? 4u : 0u));
    put_list(w, t.participants);
    put_list(w, t.observers);
    put_list(w, t.tags);
    put_stamp(w, t.created);
    put_optional_stamp(w, t.deadline);
    w.u64(t.checklist.size());
    for (const auto& c : t.checklist) {
      w.str(c.text);
      w.u64(c.done);
    }
    put_log(w, t.log);
    put_pairs(w, t.unknown);
  }

  static bool get(Reader& in, Task& t) {
    for (std::string* s : {&t.id, &t.title, &t.creator, &t.responsible, &t.priority, &t.link,
                           &t.group, &t.recur, &t.description, &t.result})
      if (!in.str(*s)) return false;
    std::uint64_t status = 0, flags = 0, count = 0;
    if (!in.u64(status) || status > static_cast<std::uint64_t>(Status::cancelled) || !in.u64(flags))
      return false;
    t.status = static_cast<Status>(status);
    t.review = flags & 1;
    t.may_move_deadline = flags & 2;
    t.result_required = flags & 4;
    if (!get_list(in, t.participants) || !get_list(in, t.observers) || !get_list(in, t.tags) ||
        !get_stamp(in, t.created) || !get_optional_stamp(in, t.deadline) || !in.u64(count) ||
        count > in.rest().size())
      return false;
    for (std::uint64_t i = 0; i < count; ++i) {
      ChecklistItem c;
      std::uint64_t done = 0;
      if (!in.str(c.text) || !in.u64(done)) return false;
      c.done = done != 0;
      t.checklist.push_back(std::move(c));
    }
    return get_log(in, t.log) && get_pairs(in, t.unknown);
  }

  static std::uint8_t tag(const Task& t) { return static_cast<std::uint8_t>(t.status); }
  // Open tasks are stored first, together: reading only them touches few pages.
  static bool hot(std::uint8_t tag) { return is_open(static_cast<Status>(tag)); }
};

// One index entry of a cache file.
struct Cached {
  std::string_view name;
  Signature sig;
  std::uint8_t tag = 0;
  std::string_view body;
};

// A cache file: the magic line; when it was written (ns); the number of
// entries; the index's length in bytes; the index (per file, sorted by name:
// name, size, mtime, inode, tag, the value's offset in the body and its
// length); the body. False when it is not one or is damaged.
bool read_cache(std::string_view data, std::string_view magic, std::int64_t& written_ns,
                std::vector<Cached>& out) {
  if (!data.starts_with(magic)) return false;
  Reader in(data.substr(magic.size()));
  std::uint64_t written = 0, count = 0, index_size = 0;
  if (!in.u64(written) || !in.u64(count) || !in.u64(index_size) || index_size > in.rest().size() ||
      count > index_size)
    return false;
  written_ns = static_cast<std::int64_t>(written);
  Reader index(in.rest().substr(0, index_size));
  std::string_view body = in.rest().substr(index_size);
  out.resize(static_cast<size_t>(count));
  for (Cached& c : out) {
    std::uint64_t mtime = 0, tag = 0, offset = 0, length = 0;
    if (!index.view(c.name) || !index.u64(c.sig.size) || !index.u64(mtime) ||
        !index.u64(c.sig.inode) || !index.u64(tag) || !index.u64(offset) || !index.u64(length) ||
        offset > body.size() || length > body.size() - offset)
      return false;
    c.sig.mtime_ns = static_cast<std::int64_t>(mtime);
    c.tag = static_cast<std::uint8_t>(tag);
    c.body = body.substr(offset, length);
  }
  return true;
}

template <class T, class Codec>
std::vector<T> load_cached(const FileSet& files, const fs::path& cache_file,
                           const std::function<T(const std::string&)>& parse,
                           const std::function<bool(std::uint8_t)>& want, const T& blank) {
  MappedFile mapped(cache_file);
  std::vector<Cached> cached;
  std::int64_t written_ns = 0;
  if (!read_cache(mapped.view(), Codec::magic, written_ns, cached)) cached.clear();

  // Each file: its signature, and the cache entry that still holds it or a miss.
  constexpr size_t k_none = static_cast<size_t>(-1);
  const size_t n = files.size();
  std::vector<Signature> sigs(n);
  std::vector<bool> have_sig(n);
  std::vector<size_t> hit(n, k_none);
  std::vector<size_t> misses;
  {
    // 100 000 stats are most of a warm read: both cores share them.
    Folders folders(files.dirs);
    std::unique_ptr<bool[]> ok(new bool[n]);
    parallel_for(
        n, [&](size_t i) { ok[i] = folders.signature(files.dir(i), (*files.names)[i], sigs[i]); });
    size_t j = 0;
    for (size_t i = 0; i < n; ++i) {
      const std::string& name = (*files.names)[i];
      have_sig[i] = ok[i];
      // Both lists are sorted by name: one walk pairs them.
      while (j < cached.size() && cached[j].name < name) ++j;
      if (have_sig[i] && j < cached.size() && cached[j].name == name && cached[j].sig == sigs[i] &&
          sigs[i].mtime_ns < written_ns - k_racy_ns)
        hit[i] = j++;
      else
        misses.push_back(i);
    }
  }

  // A cold cache parses every file: spread that over the cores, keeping each
  // value's bytes for the cache and the value itself only when it is wanted.
  struct Parsed {
    std::string body;
    std::uint8_t tag = 0;
    std::unique_ptr<T> value;
  };
  std::vector<Parsed> parsed(misses.size());
  parallel_for(misses.size(), [&](size_t k) {
    T value = parse((*files.names)[misses[k]]);
    Writer w;
    Codec::put(w, value);
    parsed[k].body = std::move(w.out());
    parsed[k].tag = Codec::tag(value);
    if (!want || want(parsed[k].tag)) parsed[k].value = std::make_unique<T>(std::move(value));
  });

  // The wanted values in file order: parsed ones moved, cached ones decoded on every core.
  std::vector<std::pair<size_t, size_t>> chosen;  // file, miss number or k_none
  for (size_t i = 0, k = 0; i < n; ++i) {
    if (hit[i] != k_none) {
      if (!want || want(cached[hit[i]].tag)) chosen.emplace_back(i, k_none);
    } else if (k < misses.size() && misses[k] == i) {
      if (parsed[k].value) chosen.emplace_back(i, k);
      ++k;
    }
  }
  std::vector<T> out(chosen.size(), blank);
  parallel_for(chosen.size(), [&](size_t c) {
    auto [i, k] = chosen[c];
    if (k != k_none) {
      out[c] = std::move(*parsed[k].value);
      return;
    }
    Reader in(cached[hit[i]].body);
    T value = blank;
    bool ok = false;
    try {
      ok = Codec::get(in, value);
    } catch (const std::exception&) {
      ok = false;
    }
    // A damaged entry is no entry: the file is the truth.
    out[c] = ok ? std::move(value) : parse((*files.names)[i]);
  });

  size_t signed_files = 0;
  for (size_t i = 0; i < n; ++i) signed_files += have_sig[i];
  if (misses.empty() && cached.size() == signed_files) return out;

  // Rewrite: the index in file order, the bodies hot ones first, unchanged ones
  // copied as bytes from the old cache.
  auto now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  std::vector<std::string_view> bodies(n);
  std::vector<std::uint8_t> tags(n);
  for (size_t i = 0, k = 0; i < n; ++i) {
    if (hit[i] != k_none) {
      bodies[i] = cached[hit[i]].body;
      tags[i] = cached[hit[i]].tag;
    } else if (k < misses.size() && misses[k] == i) {
      bodies[i] = parsed[k].body;
      tags[i] = parsed[k].tag;
      ++k;
    }
  }
  std::vector<std::uint64_t> offsets(n);
  std::vector<std::string_view> pieces;
  std::uint64_t offset = 0;
  pieces.emplace_back();  // the header and index, filled in below
  for (bool hot : {true, false})
    for (size_t i = 0; i < n; ++i)
      if (have_sig[i] && Codec::hot(tags[i]) == hot) {
        offsets[i] = offset;
        offset += bodies[i].size();
        pieces.push_back(bodies[i]);
      }
  Writer index;
  for (size_t i = 0; i < n; ++i) {
    if (!have_sig[i]) continue;
    index.str((*files.names)[i]);
    index.u64(sigs[i].size);
    index.u64(static_cast<std::uint64_t>(sigs[i].mtime_ns));
    index.u64(sigs[i].inode);
    index.u64(tags[i]);
    index.u64(offsets[i]);
    index.u64(bodies[i].size());
  }
  Writer head;
  head.out() = std::string(Codec::magic);
  head.u64(static_cast<std::uint64_t>(now_ns));
  head.u64(signed_files);
  head.u64(index.out().size());
  head.out() += index.out();
  pieces[0] = head.out();
  try {
    write_file_atomic(cache_file, pieces, Durability::unsynced);
  } catch (const std::exception&) {
    // A read-only store simply goes without a cache.
  }
  return out;
}

}  // namespace

std::vector<Record> load_records_cached(RecordKind kind, const FileSet& files,
                                        const fs::path& cache_file,
                                        const std::function<Record(const std::string&)>& parse,
                                        bool closed_only) {
  Record blank;
  blank.kind = kind;
  std::function<bool(std::uint8_t)> want;
  if (closed_only) want = [](std::uint8_t tag) { return tag == 1; };
  return load_cached<Record, RecordCodec>(files, cache_file, parse, want, blank);
}

std::vector<Task> load_tasks_cached(const FileSet& files, const fs::path& cache_file,
                                    const std::function<Task(const std::string&)>& parse,
                                    const std::function<bool(Status)>& want) {
  std::function<bool(std::uint8_t)> by_tag;
  if (want)
    by_tag = [&](std::uint8_t tag) {
      return tag <= static_cast<std::uint8_t>(Status::cancelled) && want(static_cast<Status>(tag));
    };
  return load_cached<Task, TaskCodec>(files, cache_file, parse, by_tag, Task{});
}

}  // namespace tally::core
