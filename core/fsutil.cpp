#include "core/fsutil.hpp"

#include "core/error.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

namespace tally::core {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error("cannot read {}: {}", path.string(), std::strerror(errno)).exit(Exit::failed);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

namespace {

void fsync_dir(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// TALLY_TEST_DISK_FREE (see fsutil.hpp): the bytes this process may still write; -1 unlimited.
long long& disk_free() {
  static long long left = [] {
    const char* env = std::getenv("TALLY_TEST_DISK_FREE");
    return env && *env ? std::atoll(env) : -1LL;
  }();
  return left;
}

// write(2) of all of `data` (to a file on disk: as the test hook allows); false with errno set.
bool write_all(int fd, std::string_view data, bool on_disk = true) {
  while (!data.empty()) {
    size_t want = data.size();
    long long no_limit = -1;
    long long& left = on_disk ? disk_free() : no_limit;
    if (left >= 0) {
      if (left == 0) {
        errno = ENOSPC;
        return false;
      }
      want = std::min<size_t>(want, static_cast<size_t>(left));
    }
    ssize_t n = ::write(fd, data.data(), want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) {
      errno = EIO;
      return false;
    }
    if (left >= 0) left -= n;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// A fresh temporary name beside `path`, opened for writing; throws Error.
std::pair<int, std::string> open_temporary(const fs::path& path) {
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::error_code ec;
  fs::create_directories(dir, ec);
  // The temporary name starts with '.' and ends in ".tmp" so that store scans skip it.
  std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX.tmp")).string();
  int fd = ::mkstemps(tmpl.data(), 4);
  if (fd < 0)
    throw Error("cannot write in {}: {}", dir.string(), std::strerror(errno)).exit(Exit::failed);
  return {fd, tmpl};
}

}  // namespace

void write_file_atomic(const fs::path& path, std::string_view content) {
  // A device or a pipe named as an output (--out /dev/stdout) is written to, never
  // replaced: renaming over /dev/null would leave a plain file there for everyone.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    bool ok = fd >= 0 && write_all(fd, content, false);
    int err = errno;
    if (fd >= 0) ::close(fd);
    if (!ok)
      throw Error("cannot write {}: {}", path.string(), std::strerror(err)).exit(Exit::failed);
    return;
  }
  write_file_atomic(path, std::vector<std::string_view>{content}, Durability::synced);
}

void write_file_atomic(const fs::path& path, const std::vector<std::string_view>& pieces,
                       Durability durability) {
  auto [fd, tmpl] = open_temporary(path);
  auto fail = [&, fd = fd, tmpl = tmpl](const char* what, int err, bool open) {
    if (open) ::close(fd);
    ::unlink(tmpl.c_str());
    throw Error("cannot {} {}: {}", what, path.string(), std::strerror(err)).exit(Exit::failed);
  };
  for (std::string_view content : pieces)
    if (!write_all(fd, content)) fail("write", errno, true);
  ::fchmod(fd, 0644);
  bool synced = durability == Durability::unsynced || ::fsync(fd) == 0;
  if (!synced) fail("write", errno, true);
  if (::close(fd) != 0) fail("write", errno, false);
  if (::rename(tmpl.c_str(), path.c_str()) != 0) fail("replace", errno, false);
  if (durability == Durability::synced)
    fsync_dir(path.parent_path().empty() ? "." : path.parent_path());
}

fs::path write_temporary(const fs::path& path, std::string_view content) {
  auto [fd, tmpl] = open_temporary(path);
  bool ok = write_all(fd, content);
  int err = errno;
  if (ok) {
    ::fchmod(fd, 0644);
    ok = ::fsync(fd) == 0;
    err = errno;
  }
  if (::close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    ::unlink(tmpl.c_str());
    throw Error("cannot write {}: {}", path.string(), std::strerror(err)).exit(Exit::failed);
  }
  return tmpl;
}

std::optional<fs::path> link_aside(const fs::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return std::nullopt;
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  // mkstemps finds a free name; link(2) needs it free again, so the placeholder goes first.
  for (int tries = 0; tries < 100; ++tries) {
    auto [fd, tmpl] = open_temporary(path);
    ::close(fd);
    ::unlink(tmpl.c_str());
    if (::link(path.c_str(), tmpl.c_str()) == 0) return fs::path(tmpl);
    if (errno != EEXIST)
      throw Error("cannot keep the old {}: {}", path.string(), std::strerror(errno))
          .exit(Exit::failed);
  }
  throw Error("cannot keep the old {}: no free name", path.string()).exit(Exit::failed);
}

void rename_file(const fs::path& from, const fs::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0)
    throw Error("cannot replace {}: {}", to.string(), std::strerror(errno)).exit(Exit::failed);
}

void sync_folder(const fs::path& dir) {
  fsync_dir(dir);
}

FileLock::FileLock(const fs::path& path, std::chrono::milliseconds timeout) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (m_fd < 0)
    throw Error("cannot open the lock {}: {}", path.string(), std::strerror(errno))
        .exit(Exit::failed);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR)
      throw Error("cannot lock {}: {}", path.string(), std::strerror(errno)).exit(Exit::failed);
    if (std::chrono::steady_clock::now() >= deadline) {
      char buf[32] = {};
      ssize_t n = ::pread(m_fd, buf, sizeof buf - 1, 0);
      std::string holder = n > 0 ? std::string(buf, static_cast<size_t>(n)) : "unknown";
      while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
      ::close(m_fd);
      throw Error("the store is locked by another tally (pid {})", holder)
          .hint("wait for it to finish, or run the command again")
          .exit(Exit::failed);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(m_fd, 0) == 0) (void)!::pwrite(m_fd, pid.data(), pid.size(), 0);
}

FileLock::~FileLock() {
  if (m_fd >= 0) {
    (void)!::ftruncate(m_fd, 0);
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
  }
}

}  // namespace tally::core
