// `tally init`: a new store with its settings, an empty team, a .gitignore for
// the local .tally/ folder, a git repository when there is none, and a commit.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace tally::core {

struct InitRequest {
  std::filesystem::path dir;
  std::string name;                     // default: the folder's name
  std::optional<std::string> timezone;  // default: the system's, else Europe/Moscow
  std::string currency = "RUB";
  bool commit = true;
};

struct InitResult {
  std::filesystem::path root;
  std::string timezone;
  bool created_repository = false;
  bool committed = false;
};

InitResult init_store(const InitRequest& request);

}  // namespace tally::core
