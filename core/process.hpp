// Child processes run with an argument vector, never through a shell, so no
// title or name can be interpreted as shell syntax.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tally::core {

struct ProcessResult {
  int status = 0;  // exit code; 128 + signal number when killed
  std::string out;
  std::string err;
};

// Runs argv[0] (looked up in PATH) in `dir` with `env_add` added to the
// environment, feeding `input` to its stdin. Throws Error when it cannot start.
// git (argv[0] "git") runs with LC_ALL=C and without LANGUAGE, whoever calls it.
ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& dir,
                          const std::map<std::string, std::string>& env_add = {},
                          const std::string& input = {});

}  // namespace tally::core
