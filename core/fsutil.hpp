// File-system primitives the store's safety rests on: atomic replacement of a
// file (temporary in the same folder, fsync, rename, fsync of the folder) and
// an exclusive lock for writers.
//
// Test hook: TALLY_TEST_DISK_FREE=BYTES makes this process behave as if the
// disk had only BYTES free: once the files it writes here have taken that many
// bytes, every further write fails with ENOSPC, as on a full disk. Renames,
// links and deletions take no space and still work. For tests only.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
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

// Writes `content` under a temporary name beside `path` (".NAME.XXXXXX.tmp",
// which store scans skip), flushed to disk, and returns that name; `path`
// itself is untouched. On failure nothing is left behind.
std::filesystem::path write_temporary(const std::filesystem::path& path, std::string_view content);

// A second name for the file at `path` (a hard link beside it, named as a
// temporary), so that it can be put back later without writing a byte;
// nullopt when there is no file there.
std::optional<std::filesystem::path> link_aside(const std::filesystem::path& path);

// rename(2), as an Error naming `to` when it fails.
void rename_file(const std::filesystem::path& from, const std::filesystem::path& to);

// Flushes a folder's entries (after renames in it) to disk.
void sync_folder(const std::filesystem::path& dir);

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
