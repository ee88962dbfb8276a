// A cache of parsed records and tasks under .tally/cache/, so that reading
// 100 000 task files costs a stat each instead of a YAML parse each. It is never
// the truth: every entry is checked against its file's size, modification time
// (nanoseconds) and inode, and an entry whose file changed within two seconds of
// the cache's own writing is not trusted (git's "racily clean" problem: a change
// in the same tick as the cache would keep the old signature). Delete .tally/
// and everything still works, only slower.
//
// A cache file is an index (name, signature, a one-byte summary such as the
// task's status, where its value lies) followed by the values, mapped into
// memory: a command that wants only open tasks decodes only those, and the
// values of unchanged files are copied as bytes when the cache is rewritten.
#pragma once

#include "core/records.hpp"
#include "core/task.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace tally::core {

// The files to load: dirs[dir_of[i]] / (names[i] + ".yaml"), names sorted.
// An empty dir_of puts every file in dirs[0].
struct FileSet {
  std::vector<std::filesystem::path> dirs;
  const std::vector<std::string>* names = nullptr;
  const std::vector<std::uint32_t>* dir_of = nullptr;

  size_t size() const { return names->size(); }
  std::uint32_t dir(size_t i) const { return dir_of ? (*dir_of)[i] : 0; }
};

// A file that could not be parsed: its place in the FileSet and the error's text.
struct ParseFailure {
  size_t index = 0;
  std::string message;  // "deals/1042.yaml:3:9: what"
};

// The records of one kind (deals/, companies/ ...), each from the cache when
// its file is unchanged, else from `parse`; then rewrites the cache file when
// anything was parsed. Errors in writing the cache are ignored. With
// `closed_only`, only the records that have a `closed` date are decoded. A file that `parse`
// rejects with an Error stops the load, unless `failures` is given: then it is left out (and
// out of the cache) and listed there.
std::vector<Record> load_records_cached(RecordKind kind, const FileSet& files,
                                        const std::filesystem::path& cache_file,
                                        const std::function<Record(const std::string& id)>& parse,
                                        bool closed_only = false,
                                        std::vector<ParseFailure>* failures = nullptr);

// The same for task files, keeping only the tasks whose status `want` accepts
// (every task when `want` is empty), in the order of `files`.
std::vector<Task> load_tasks_cached(const FileSet& files, const std::filesystem::path& cache_file,
                                    const std::function<Task(const std::string& id)>& parse,
                                    const std::function<bool(Status)>& want = {},
                                    std::vector<ParseFailure>* failures = nullptr);

}  // namespace tally::core
