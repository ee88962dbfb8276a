#include "core/cache.hpp"

#include "core/cache_codec.hpp"
#include "core/fsutil.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"

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

using cache::Reader;
using cache::RecordCodec;
using cache::TaskCodec;
using cache::Writer;

constexpr std::int64_t k_racy_ns = 2'000'000'000;

struct Signature {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const Signature&) const = default;
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
                           const std::function<bool(std::uint8_t)>& want, const T& blank,
                           std::vector<ParseFailure>* failures) {
  MappedFile mapped(cache_file);
  std::vector<Cached> cached;
  std::int64_t written_ns = 0;
  if (!read_cache(mapped.view(), Codec::magic, written_ns, cached)) cached.clear();

  // Each file: its signature, and the cache entry that still holds it or a miss.
  constexpr size_t k_none = static_cast<size_t>(-1);
  const size_t n = files.size();
  std::vector<Signature> sigs(n);
  std::vector<char> have_sig(n);  // (not vector<bool>: threads write neighbours)
  std::vector<size_t> hit(n, k_none);
  std::vector<size_t> misses;
  {
    // 100 000 stats are most of a warm read: both cores share them.
    Folders folders(files.dirs);
    parallel_for(n, [&](size_t i) {
      have_sig[i] = folders.signature(files.dir(i), (*files.names)[i], sigs[i]);
    });
    size_t j = 0;
    for (size_t i = 0; i < n; ++i) {
      const std::string& name = (*files.names)[i];
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
  std::vector<std::string> failed(failures ? misses.size() : 0);
  parallel_for(misses.size(), [&](size_t k) {
    std::optional<T> read;
    if (!failures) {
      read.emplace(parse((*files.names)[misses[k]]));
    } else {
      try {
        read.emplace(parse((*files.names)[misses[k]]));
      } catch (const Error& e) {
        failed[k] = e.what();
        return;
      }
    }
    T& value = *read;
    Writer w;
    Codec::put(w, value);
    parsed[k].body = std::move(w.out());
    parsed[k].tag = Codec::tag(value);
    if (!want || want(parsed[k].tag)) parsed[k].value = std::make_unique<T>(std::move(value));
  });

  // A file that could not be read is no file: not returned, not cached.
  for (size_t k = 0; k < failed.size(); ++k)
    if (!failed[k].empty()) {
      failures->push_back({misses[k], failed[k]});
      have_sig[misses[k]] = 0;
    }

  // Each file's value bytes and tag, from the old cache or just parsed.
  std::vector<std::string_view> bodies(n);
  std::vector<std::uint8_t> tags(n);
  std::vector<size_t> miss_of(n, k_none);
  for (size_t k = 0; k < misses.size(); ++k) {
    miss_of[misses[k]] = k;
    bodies[misses[k]] = parsed[k].body;
    tags[misses[k]] = parsed[k].tag;
  }
  for (size_t i = 0; i < n; ++i)
    if (hit[i] != k_none) {
      bodies[i] = cached[hit[i]].body;
      tags[i] = cached[hit[i]].tag;
    }

  // The wanted values in file order: parsed ones moved, cached ones decoded on every core.
  std::vector<size_t> chosen;
  for (size_t i = 0; i < n; ++i)
    if (hit[i] != k_none ? !want || want(tags[i])
                         : miss_of[i] != k_none && parsed[miss_of[i]].value)
      chosen.push_back(i);
  std::vector<T> out(chosen.size(), blank);
  parallel_for(chosen.size(), [&](size_t c) {
    size_t i = chosen[c];
    if (miss_of[i] != k_none) {
      out[c] = std::move(*parsed[miss_of[i]].value);
      return;
    }
    Reader in(bodies[i]);
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
  if ((misses.empty() || misses.size() == (failures ? failures->size() : 0)) &&
      cached.size() == signed_files)
    return out;

  // Rewrite: the index in file order, the bodies hot ones first, unchanged ones
  // copied as bytes from the old cache.
  auto now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
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
                                        bool closed_only, std::vector<ParseFailure>* failures) {
  Record blank;
  blank.kind = kind;
  std::function<bool(std::uint8_t)> want;
  if (closed_only) want = [](std::uint8_t tag) { return tag == 1; };
  return load_cached<Record, RecordCodec>(files, cache_file, parse, want, blank, failures);
}

std::vector<Task> load_tasks_cached(const FileSet& files, const fs::path& cache_file,
                                    const std::function<Task(const std::string&)>& parse,
                                    const std::function<bool(Status)>& want,
                                    std::vector<ParseFailure>* failures) {
  std::function<bool(std::uint8_t)> by_tag;
  if (want)
    by_tag = [&](std::uint8_t tag) {
      return tag <= static_cast<std::uint8_t>(Status::cancelled) && want(static_cast<Status>(tag));
    };
  return load_cached<Task, TaskCodec>(files, cache_file, parse, by_tag, Task{}, failures);
}

}  // namespace tally::core
