#include "core/cache.hpp"

#include "core/fsutil.hpp"
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

constexpr std::string_view k_magic = "tally-records-cache 1\n";
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
  return true;
}

struct Entry {
  Signature sig;
  Record record;
};

std::unordered_map<std::string, Entry> read_cache(const fs::path& file, RecordKind kind,
                                                  std::int64_t& written_ns) {
  std::unordered_map<std::string, Entry> entries;
  std::ifstream f(file, std::ios::binary);
  if (!f) return entries;
  std::ostringstream buf;
  buf << f.rdbuf();
  std::string data = std::move(buf).str();
  if (!std::string_view(data).starts_with(k_magic)) return entries;
  Reader in(std::string_view(data).substr(k_magic.size()));
  std::uint64_t written = 0, count = 0;
  if (!in.u64(written) || !in.u64(count)) return entries;
  written_ns = static_cast<std::int64_t>(written);
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string name;
    Entry e;
    std::uint64_t mtime = 0;
    e.record.kind = kind;
    if (!in.str(name) || !in.u64(e.sig.size) || !in.u64(mtime) || !in.u64(e.sig.inode)) return {};
    e.sig.mtime_ns = static_cast<std::int64_t>(mtime);
    try {
      if (!get_record(in, e.record)) return {};
    } catch (const std::exception&) {
      return {};  // a damaged cache is no cache
    }
    entries.emplace(std::move(name), std::move(e));
  }
  return entries;
}

}  // namespace

std::vector<Record> load_records_cached(RecordKind kind, const fs::path& dir,
                                        const fs::path& cache_file,
                                        const std::vector<std::string>& ids,
                                        const std::function<Record(const std::string&)>& parse) {
  std::int64_t written_ns = 0;
  auto cached = read_cache(cache_file, kind, written_ns);
  std::vector<Record> out;
  out.reserve(ids.size());
  std::vector<std::pair<size_t, Signature>> sigs;  // index into out, signature
  sigs.reserve(ids.size());
  bool changed = cached.size() != ids.size();
  auto now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  for (const auto& id : ids) {
    Signature sig;
    bool have_sig = signature_of(dir / (id + ".yaml"), sig);
    auto it = cached.find(id);
    if (have_sig && it != cached.end() && it->second.sig == sig &&
        sig.mtime_ns < written_ns - k_racy_ns) {
      out.push_back(it->second.record);
    } else {
      out.push_back(parse(id));
      changed = true;
    }
    if (have_sig) sigs.emplace_back(out.size() - 1, sig);
  }
  if (!changed) return out;
  Writer w;
  w.out() = std::string(k_magic);
  w.u64(static_cast<std::uint64_t>(now_ns));
  w.u64(sigs.size());
  for (const auto& [i, sig] : sigs) {
    w.str(out[i].id);
    w.u64(sig.size);
    w.u64(static_cast<std::uint64_t>(sig.mtime_ns));
    w.u64(sig.inode);
    put_record(w, out[i]);
  }
  try {
    write_file_atomic(cache_file, w.out());
  } catch (const std::exception&) {
    // A read-only store simply goes without a cache.
  }
  return out;
}

}  // namespace tally::core
