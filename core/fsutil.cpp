#include "core/fsutil.hpp"

#include "core/error.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
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

}  // namespace

void write_file_atomic(const fs::path& path, std::string_view content) {
  // A device or a pipe named as an output (--out /dev/stdout) is written to, never
  // replaced: renaming over /dev/null would leave a plain file there for everyone.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    bool ok = fd >= 0;
    for (size_t done = 0; ok && done < content.size();) {
      ssize_t n = ::write(fd, content.data() + done, content.size() - done);
      if (n < 0 && errno == EINTR) continue;
      ok = n > 0;
      if (ok) done += static_cast<size_t>(n);
    }
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
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::error_code ec;
  fs::create_directories(dir, ec);
  // The temporary name starts with '.' and ends in ".tmp" so that store scans skip it.
  std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX.tmp")).string();
  int fd = ::mkstemps(tmpl.data(), 4);
  if (fd < 0)
    throw Error("cannot write in {}: {}", dir.string(), std::strerror(errno)).exit(Exit::failed);
  for (std::string_view content : pieces) {
    const char* p = content.data();
    size_t left = content.size();
    while (left > 0) {
      ssize_t n = ::write(fd, p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        int err = errno;
        ::close(fd);
        ::unlink(tmpl.c_str());
        throw Error("cannot write {}: {}", path.string(), std::strerror(err)).exit(Exit::failed);
      }
      p += n;
      left -= static_cast<size_t>(n);
    }
  }
  ::fchmod(fd, 0644);
  bool synced = durability == Durability::unsynced || ::fsync(fd) == 0;
  if (!synced || ::close(fd) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw Error("cannot write {}: {}", path.string(), std::strerror(err)).exit(Exit::failed);
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    throw Error("cannot replace {}: {}", path.string(), std::strerror(err)).exit(Exit::failed);
  }
  if (durability == Durability::synced) fsync_dir(dir);
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
