#include "core/guard_git.hpp"

#include "core/error.hpp"
#include "core/guard.hpp"
#include "core/text.hpp"

#include <charconv>

namespace tally::core {

namespace {

std::vector<std::string> nul_fields(const std::string& out) {
  std::vector<std::string> fields = split(out, '\0');
  if (!fields.empty() && fields.back().empty()) fields.pop_back();
  return fields;
}

}  // namespace

std::vector<std::optional<std::string>> read_blobs(const Git& git,
                                                   const std::vector<std::string>& specs) {
  std::vector<std::optional<std::string>> blobs;
  if (specs.empty()) return blobs;
  std::string input;
  for (const auto& s : specs) input += s + '\n';
  std::string out = git.run({"cat-file", "--batch"}, {}, input);
  size_t pos = 0;
  for (size_t i = 0; i < specs.size(); ++i) {
    size_t eol = out.find('\n', pos);
    if (eol == std::string::npos)
      throw Error("git cat-file --batch answered {} of {} requests", i, specs.size())
          .exit(Exit::failed);
    std::string_view head(out.data() + pos, eol - pos);
    pos = eol + 1;
    // "<id> <type> <size>", or "<spec> missing" (and "ambiguous") with nothing after it.
    auto fields = split(head, ' ');
    size_t size = 0;
    if (fields.size() != 3 || !Git::is_hex_id(fields[0]) ||
        std::from_chars(fields[2].data(), fields[2].data() + fields[2].size(), size).ec !=
            std::errc()) {
      blobs.emplace_back();
      continue;
    }
    if (pos + size > out.size())
      throw Error("git cat-file --batch cut {} short", specs[i]).exit(Exit::failed);
    if (fields[1] == "blob")
      blobs.emplace_back(out.substr(pos, size));
    else
      blobs.emplace_back();
    pos += size + 1;
  }
  return blobs;
}

std::vector<std::string> changed_paths(const Git& git, const std::string& parent,
                                       const std::string& commit, const std::string& prefix) {
  std::vector<std::string> args{"diff-tree",      "-r",          "--no-renames",
                                "--no-commit-id", "--name-only", "-z"};
  if (parent.empty())
    args.insert(args.end(), {"--root", commit});
  else
    args.insert(args.end(), {parent, commit});
  args.emplace_back("--");
  if (!prefix.empty()) args.push_back(prefix);
  return nul_fields(git.run(args));
}

std::vector<std::string> tree_paths(const Git& git, const std::string& rev,
                                    const std::string& folder) {
  return nul_fields(git.run({"ls-tree", "-r", "--name-only", "-z", rev, "--", folder}));
}

std::vector<CommitInfo> commits_of(const Git& git, const std::vector<std::string>& revs) {
  std::vector<std::string> args{"log", "--reverse", "--topo-order",
                                "--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00"};
  args.insert(args.end(), revs.begin(), revs.end());
  args.emplace_back("--");
  std::vector<CommitInfo> commits;
  auto fields = nul_fields(git.run(args));
  for (size_t i = 0; i + 4 < fields.size(); i += 5) {
    CommitInfo c;
    c.hash = std::string(trim(fields[i]));
    for (const auto& p : split(fields[i + 1], ' '))
      if (!p.empty()) c.parents.push_back(p);
    c.name = fields[i + 2];
    c.email = fields[i + 3];
    c.date = fields[i + 4];
    commits.push_back(std::move(c));
  }
  return commits;
}

std::optional<std::string> store_prefix_at(const Git& git, const std::string& rev) {
  for (const auto& path : nul_fields(git.run({"ls-tree", "--name-only", "-z", rev})))
    if (path == "tally.yaml") return std::string();
  std::optional<std::string> best;
  for (const auto& path : nul_fields(git.run({"ls-tree", "-r", "--name-only", "-z", rev}))) {
    if (!path.ends_with("/tally.yaml")) continue;
    std::string folder = path.substr(0, path.size() - std::string_view("tally.yaml").size());
    auto depth = [](const std::string& s) { return std::count(s.begin(), s.end(), '/'); };
    if (!best || depth(folder) < depth(*best)) best = folder;
  }
  return best;
}

}  // namespace tally::core
