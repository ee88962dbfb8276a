// A cache of parsed records under .tally/cache/, so that reading 20 000 deals
// costs a stat each instead of a YAML parse each. It is never the truth: every
// entry is checked against its file's size, modification time (nanoseconds)
// and inode, and an entry whose file changed within two seconds of the cache's
// own writing is not trusted (git's "racily clean" problem: a change in the
// same tick as the cache would keep the old signature). Delete .tally/ and
// everything still works, only slower.
#pragma once

#include "core/records.hpp"
#include "core/task.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace tally::core {

// The records of one kind in `dir` (deals/, companies/ ...), each from the cache
// when its file is unchanged, else from `parse`; then refreshes the cache file
// `cache_file` when anything was parsed. Errors in writing the cache are ignored.
std::vector<Record> load_records_cached(RecordKind kind, const std::filesystem::path& dir,
                                        const std::filesystem::path& cache_file,
                                        const std::vector<std::string>& ids,
                                        const std::function<Record(const std::string& id)>& parse);

// The same for task files: `files` holds each task's ID and path.
std::vector<Task> load_tasks_cached(
    const std::vector<std::pair<std::string, std::filesystem::path>>& files,
    const std::filesystem::path& cache_file,
    const std::function<Task(const std::string& id)>& parse);

}  // namespace tally::core
