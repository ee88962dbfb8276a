#include "core/cache.hpp"

#include "core/fsutil.hpp"
#include "core/parallel.hpp"
#include "core/yaml_io.hpp"

#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace tally::core {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_magic = "tally-records-cache 2\n";
constexpr std::string_view k_task_magic = "tally-tasks-cache 1\n";
constexpr std::int64_t k_racy_ns = 2'000'000'000;

struct Signature {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const Signature&) const = default;
};

bool signature_of(const fs::path& p, Signature& sig) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return false;
  sig = {static_cast<std::uint64_t>(st.st_size),
         static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
         static_cast<std::uint64_t>(st.st_ino)};
  return true;
}

class Writer {
 public:
  void u64(std::uint64_t v) { m_out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(const std::string& s) {
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
    if (m_in.size() < sizeof v) return false;
    std::memcpy(&v, m_in.data(), sizeof v);
    m_in.remove_prefix(sizeof v);
    return true;
  }
  bool str(std::string& s) {
    std::uint64_t n = 0;
    if (!u64(n) || m_in.size() < n) return false;
    s.assign(m_in.substr(0, n));
    m_in.remove_prefix(n);
    return true;
  }
  bool done() const { return m_in.empty(); }

 private:
  std::string_view m_in;
};

void put_log(Writer& w, const std::vector<LogEntry>& log);
bool get_log(Reader& in, std::vector<LogEntry>& log);

// Optional values are stored with a one-character presence mark.
void put_record(Writer& w, const Record& r) {
  for (const std::string* s :
       {&r.id, &r.title, &r.company, &r.contact, &r.owner, &r.stage, &r.currency})
    w.str(*s);
  w.str(r.amount ? "1" + r.amount->to_string() : "0");
  w.str(r.created ? "1" + r.created->text : "0");
  w.u64(r.created ? static_cast<std::uint64_t>(r.created->at.time_since_epoch().count()) : 0);
  w.str(r.closed ? "1" + r.closed->text : "0");
  w.u64(r.closed ? static_cast<std::uint64_t>(r.closed->at.time_since_epoch().count()) : 0);
  w.u64(r.fields.size());
  for (const auto& [k, v] : r.fields) {
    w.str(k);
    w.str(v);
  }
  w.str(r.unknown.size() ? emit_yaml(r.unknown) : "");
  put_log(w, r.log);
}

bool get_record(Reader& in, Record& r) {
  for (std::string* s : {&r.id, &r.title, &r.company, &r.contact, &r.owner, &r.stage, &r.currency})
    if (!in.str(*s)) return false;
  std::string amount, created, closed, unknown;
  std::uint64_t created_at = 0, closed_at = 0, nfields = 0;
  if (!in.str(amount) || !in.str(created) || !in.u64(created_at) || !in.str(closed) ||
      !in.u64(closed_at) || !in.u64(nfields))
    return false;
  if (amount.empty() || created.empty() || closed.empty()) return false;
  if (amount[0] == '1') r.amount = Money::parse(amount.substr(1));
  auto seconds = [](std::uint64_t v) {
    return Instant{std::chrono::seconds(static_cast<std::int64_t>(v))};
  };
  if (created[0] == '1') r.created = Stamp{seconds(created_at), created.substr(1)};
  if (closed[0] == '1') r.closed = Stamp{seconds(closed_at), closed.substr(1)};
  for (std::uint64_t i = 0; i < nfields; ++i) {
    std::string k, v;
    if (!in.str(k) || !in.str(v)) return false;
    r.fields.emplace_back(std::move(k), std::move(v));
  }
  if (!in.str(unknown)) return false;
  if (!unknown.empty()) r.unknown = YAML::Load(unknown);
  return get_log(in, r.log);
}

void put_stamp(Writer& w, const Stamp& s) {
  w.str(s.text);
  w.u64(static_cast<std::uint64_t>(s.at.time_since_epoch().count()));
}

bool get_stamp(Reader& in, Stamp& s) {
  std::uint64_t at = 0;
  if (!in.str(s.text) || !in.u64(at)) return false;
  s.at = Instant{std::chrono::seconds(static_cast<std::int64_t>(at))};
  return true;
}

void put_list(Writer& w, const std::vector<std::string>& v) {
  w.u64(v.size());
  for (const auto& s : v) w.str(s);
}

bool get_list(Reader& in, std::vector<std::string>& v) {
  std::uint64_t n = 0;
  if (!in.u64(n)) return false;
  v.resize(static_cast<size_t>(n));
  for (auto& s : v)
    if (!in.str(s)) return false;
  return true;
}

// A kept YAML value (a log entry's extra key, an unknown key): a scalar with its
// tag (so quoting survives), or a collection as canonical YAML text.
void put_node(Writer& w, const YAML::Node& n) {
  w.str(n.Tag());
  if (n.IsScalar())
    w.str("s" + n.Scalar());
  else if (n.IsMap() && n.size() == 0)
    w.str("y{}");
  else if (n.IsSequence() && n.size() == 0)
    w.str("y[]");
  else if (n.IsNull())
    w.str("n");
  else
    w.str("y" + emit_yaml(n));
}

bool get_node(Reader& in, YAML::Node& n) {
  std::string tag, body;
  if (!in.str(tag) || !in.str(body) || body.empty()) return false;
  if (body[0] == 's') {
    n = YAML::Node(body.substr(1));
    if (!tag.empty()) n.SetTag(tag);
  } else if (body[0] == 'n') {
    n = YAML::Node();
  } else {
    n = YAML::Load(body.substr(1));
  }
  return true;
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
  if (!in.u64(count)) return false;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string k;
    YAML::Node n;
    if (!in.str(k) || !get_node(in, n)) return false;
    v.emplace_back(std::move(k), n);
  }
  return true;
}

void put_log(Writer& w, const std::vector<LogEntry>& log) {
  w.u64(log.size());
  for (const auto& e : log) {
    put_stamp(w, e.at);
    w.str(e.by);
    w.str(e.event);
    put_pairs(w, e.data);
  }
}

bool get_log(Reader& in, std::vector<LogEntry>& log) {
  std::uint64_t count = 0;
  if (!in.u64(count)) return false;
  for (std::uint64_t i = 0; i < count; ++i) {
    LogEntry e;
    if (!get_stamp(in, e.at) || !in.str(e.by) || !in.str(e.event) || !get_pairs(in, e.data))
      return false;
    log.push_back(std::move(e));
  }
  return true;
}

void put_task(Writer& w, const Task& t) {
  for (const std::string* s : {&t.id, &t.title, &t.creator, &t.responsible, &t.priority, &t.link,
                               &t.group, &t.recur, &t.description, &t.result})
    w.str(*s);
  w.str(std::string(status_name(t.status)));
  w.u64((t.review ? 1u : 0u) | (t.may_move_deadline ? 2u : 0u) | (t.result_required ? 4u : 0u) |
        (t.deadline ? 8u : 0u));
  put_list(w, t.participants);
  put_list(w, t.observers);
  put_list(w, t.tags);
  put_stamp(w, t.created);
  if (t.deadline) put_stamp(w, *t.deadline);
  w.u64(t.checklist.size());
  for (const auto& c : t.checklist) {
    w.str(c.text);
    w.u64(c.done);
  }
  put_log(w, t.log);
  put_pairs(w, t.unknown);
}

bool get_task(Reader& in, Task& t) {
  for (std::string* s : {&t.id, &t.title, &t.creator, &t.responsible, &t.priority, &t.link,
                         &t.group, &t.recur, &t.description, &t.result})
    if (!in.str(*s)) return false;
  std::string status;
  std::uint64_t flags = 0, count = 0;
  if (!in.str(status) || !in.u64(flags)) return false;
  auto st = parse_status(status);
  if (!st) return false;
  t.status = *st;
  t.review = flags & 1;
  t.may_move_deadline = flags & 2;
  t.result_required = flags & 4;
  if (!get_list(in, t.participants) || !get_list(in, t.observers) || !get_list(in, t.tags) ||
      !get_stamp(in, t.created))
    return false;
  if (flags & 8) {
    Stamp d;
    if (!get_stamp(in, d)) return false;
    t.deadline = d;
  }
  if (!in.u64(count)) return false;
  for (std::uint64_t i = 0; i < count; ++i) {
    ChecklistItem c;
    std::uint64_t done = 0;
    if (!in.str(c.text) || !in.u64(done)) return false;
    c.done = done != 0;
    t.checklist.push_back(std::move(c));
  }
  return get_log(in, t.log) && get_pairs(in, t.unknown);
}

// One cache file: a magic line, when it was written, then per file its name,
// signature and the parsed value.
template <class T>
std::vector<T> load_cached(const std::vector<std::pair<std::string, fs::path>>& files,
                           const fs::path& cache_file, std::string_view magic,
                           const std::function<T(const std::string&)>& parse,
                           void (*put)(Writer&, const T&), bool (*get)(Reader&, T&),
                           T (*blank)(RecordKind), RecordKind kind) {
  struct Entry {
    Signature sig;
    T value;
  };
  std::unordered_map<std::string, Entry> cached;
  std::int64_t written_ns = 0;
  std::ifstream f(cache_file, std::ios::binary);
  if (f) {
    std::ostringstream buf;
    buf << f.rdbuf();
    std::string data = std::move(buf).str();
    if (std::string_view(data).starts_with(magic)) {
      Reader in(std::string_view(data).substr(magic.size()));
      std::uint64_t written = 0, count = 0;
      bool ok = in.u64(written) && in.u64(count);
      written_ns = static_cast<std::int64_t>(written);
      for (std::uint64_t n = 0; ok && n < count; ++n) {
        std::string name;
        Entry e{{}, blank(kind)};
        std::uint64_t mtime = 0;
        ok = in.str(name) && in.u64(e.sig.size) && in.u64(mtime) && in.u64(e.sig.inode);
        e.sig.mtime_ns = static_cast<std::int64_t>(mtime);
        try {
          ok = ok && get(in, e.value);
        } catch (const std::exception&) {
          ok = false;  // a damaged cache is no cache
        }
        if (ok) cached.emplace(std::move(name), std::move(e));
      }
      if (!ok) cached.clear();
    }
  }
  // Each element made on its own: a copied YAML::Node would share one map among all records.
  std::vector<T> out;
  out.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) out.push_back(blank(kind));
  std::vector<std::pair<size_t, Signature>> sigs;  // index into out, signature
  std::vector<size_t> misses;
  bool changed = cached.size() != files.size();
  auto now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  for (size_t i = 0; i < files.size(); ++i) {
    Signature sig;
    bool have_sig = signature_of(files[i].second, sig);
    auto it = cached.find(files[i].first);
    if (have_sig && it != cached.end() && it->second.sig == sig &&
        sig.mtime_ns < written_ns - k_racy_ns) {
      out[i] = std::move(it->second.value);
    } else {
      misses.push_back(i);
    }
    if (have_sig) sigs.emplace_back(i, sig);
  }
  // A cold cache parses every file: spread that over the cores.
  parallel_for(misses.size(), [&](size_t n) { out[misses[n]] = parse(files[misses[n]].first); });
  changed = changed || !misses.empty();
  if (!changed) return out;
  Writer w;
  w.out() = std::string(magic);
  w.u64(static_cast<std::uint64_t>(now_ns));
  w.u64(sigs.size());
  for (const auto& [i, sig] : sigs) {
    w.str(files[i].first);
    w.u64(sig.size);
    w.u64(static_cast<std::uint64_t>(sig.mtime_ns));
    w.u64(sig.inode);
    put(w, out[i]);
  }
  try {
    write_file_atomic(cache_file, w.out());
  } catch (const std::exception&) {
    // A read-only store simply goes without a cache.
  }
  return out;
}

}  // namespace

std::vector<Record> load_records_cached(RecordKind kind, const fs::path& dir,
                                        const fs::path& cache_file,
                                        const std::vector<std::string>& ids,
                                        const std::function<Record(const std::string&)>& parse) {
  std::vector<std::pair<std::string, fs::path>> files;
  for (const auto& id : ids) files.emplace_back(id, dir / (id + ".yaml"));
  auto blank = [](RecordKind k) {
    Record r;
    r.kind = k;
    return r;
  };
  return load_cached<Record>(files, cache_file, k_magic, parse, put_record, get_record, blank,
                             kind);
}

std::vector<Task> load_tasks_cached(const std::vector<std::pair<std::string, fs::path>>& files,
                                    const fs::path& cache_file,
                                    const std::function<Task(const std::string&)>& parse) {
  return load_cached<Task>(
      files, cache_file, k_task_magic, parse, put_task, get_task, [](RecordKind) { return Task{}; },
      RecordKind::deal);
}

}  // namespace tally::core
