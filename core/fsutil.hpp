// File-system primitives the store's safety rests on: atomic replacement of a
// file (temporary in the same folder, fsync, rename, fsync of the folder) and
// an exclusive lock for writers.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace tally::core {

std::string read_file(const std::filesystem::path& path);

// Replaces (or creates) `path` with `content` so that a crash leaves either the
// old or the new file. Creates missing parent folders. A device or a pipe is
// written to as it is, never replaced.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

// synced: the file and its folder are flushed to disk before this returns (the
// store's files). unsynced: still replaced whole by rename, but a crash may
// lose it (a cache, which is checked on reading and rebuilt when lost).
enum class Durability { synced, unsynced };
// The same for content given in pieces, written one after another.
void write_file_atomic(const std::filesystem::path& path,
                       const std::vector<std::string_view>& pieces, Durability durability);

// An exclusive advisory lock (flock) on a file; released on destruction or
// process death, so a crashed writer never leaves a stale lock behind.
class FileLock {
 public:
  // Waits up to `timeout`; throws Error naming the holder's PID when it expires.
  FileLock(const std::filesystem::path& path, std::chrono::milliseconds timeout);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int m_fd = -1;
};

}  // namespace tally::core
