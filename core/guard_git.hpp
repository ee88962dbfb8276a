// What the guard reads of git: blobs at revisions, the paths a commit changed, a tree's files.
// Plumbing only, so that it works the same in a bare repository and in a clone.
#pragma once

#include "core/git.hpp"

#include <optional>
#include <string>
#include <vector>

namespace tally::core {

// The contents of `specs` ("<rev>:<path>"), in order, from one `git cat-file --batch`;
// nullopt for one that names no file there.
std::vector<std::optional<std::string>> read_blobs(const Git& git,
                                                   const std::vector<std::string>& specs);

// The paths under `prefix` that differ between `parent` and `commit` (all of a root commit's
// when `parent` is empty), relative to the repository's top.
std::vector<std::string> changed_paths(const Git& git, const std::string& parent,
                                       const std::string& commit, const std::string& prefix);

// Every file under `folder` in the tree of `rev`.
std::vector<std::string> tree_paths(const Git& git, const std::string& rev,
                                    const std::string& folder);

}  // namespace tally::core
