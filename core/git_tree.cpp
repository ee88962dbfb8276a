// How a commit's tree is built from HEAD's without reading the index: the
// folders on the way to the changed files are read from HEAD (one cat-file
// --batch), edited in git's binary tree format, and written anew; every other
// folder is kept by its id. See core/git.cpp for how a commit uses it.
#include "core/error.hpp"
#include "core/git.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <string_view>

namespace tally::core {

namespace fs = std::filesystem;

bool Git::is_hex_id(std::string_view s) {
  return (s.size() == 40 || s.size() == 64) &&
         s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string Git::checked_id(std::string_view out, const char* what) {
  std::string id(trim(out));
  if (!is_hex_id(id))
    throw Error("git {} gave '{}' where an object id belongs", what, id).exit(Exit::failed);
  return id;
}

namespace {

// ---- trees in git's own binary format: "<mode> <name>\0<raw object id>" per
// entry, sorted by name bytes, a folder's name compared as if it ended in '/'.

constexpr std::string_view folder_mode = "40000";

bool is_file_mode(std::string_view mode) {
  return mode == "100644" || mode == "100755";
}

std::string raw_id(std::string_view hex) {
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
  return out;
}

bool git_order(std::string_view a, bool a_folder, std::string_view b, bool b_folder) {
  size_t n = std::min(a.size(), b.size());
  int c = a.substr(0, n).compare(b.substr(0, n));
  if (c != 0) return c < 0;
  auto next = [n](std::string_view s, bool folder) {
    return s.size() > n ? static_cast<unsigned char>(s[n]) : folder ? '/' : '\0';
  };
  return next(a, a_folder) < next(b, b_folder);
}

// What becomes of one name in a folder.
struct Edit {
  bool folder = false;
  bool executable = false;
  std::optional<std::string> id;  // raw; none: the entry goes
};
using Edits = std::map<std::string, Edit, std::less<>>;

// `tree` with `edits` made, in one pass that copies the untouched entries as
// they are. Nullopt when git must judge an edit: a file replacing a folder, a
// submodule or a symlink, or a folder replacing a file. Without core.filemode
// a file keeps the mode it had, as update-index keeps it.
std::optional<std::string> edit_tree(std::string_view tree, size_t id_size, const Edits& edits,
                                     bool filemode) {
  struct Added {
    std::string_view name;
    std::string mode;
    const std::string* id;
  };
  std::vector<Added> added;
  for (const auto& [name, e] : edits)
    if (e.id)
      added.push_back({name,
                       e.folder       ? std::string(folder_mode)
                       : e.executable ? "100755"
                                      : "100644",
                       &*e.id});
  auto is_folder = [](const Added& a) { return a.mode == folder_mode; };
  std::sort(added.begin(), added.end(), [&](const Added& a, const Added& b) {
    return git_order(a.name, is_folder(a), b.name, is_folder(b));
  });
  std::string out;
  out.reserve(tree.size() + 64 * added.size());
  size_t next = 0;  // the first of `added` not yet written
  auto add = [&] {
    const Added& a = added[next++];
    out.append(a.mode).append(1, ' ').append(a.name).append(1, '\0').append(*a.id);
  };
  for (size_t i = 0; i < tree.size();) {
    size_t space = tree.find(' ', i);
    size_t nul = space == std::string_view::npos ? space : tree.find('\0', space);
    if (nul == std::string_view::npos || nul + 1 + id_size > tree.size())
      throw Error("git gave a tree that cannot be read").exit(Exit::failed);
    std::string_view mode = tree.substr(i, space - i);
    std::string_view name = tree.substr(space + 1, nul - space - 1);
    size_t end = nul + 1 + id_size;
    bool folder = mode == folder_mode;
    while (next < added.size() && git_order(added[next].name, is_folder(added[next]), name, folder))
      add();
    auto edit = edits.find(name);
    if (edit == edits.end()) {
      out.append(tree.substr(i, end - i));
    } else {
      const Edit& e = edit->second;
      if (e.folder ? !folder : e.id ? !is_file_mode(mode) : folder) return std::nullopt;
      // The same name and kind: its replacement is the next to add.
      if (e.id && !e.folder && !filemode) added[next].mode = std::string(mode);
    }
    i = end;
  }
  while (next < added.size()) add();
  return out;
}

struct GitObject {
  std::string id;
  std::string type;
  std::string data;
};

// `git cat-file --batch` answers, in the order asked: an object, or nullopt when missing.
std::vector<std::optional<GitObject>> read_batch(std::string_view out, size_t count,
                                                 size_t id_length) {
  std::vector<std::optional<GitObject>> objects;
  size_t pos = 0;
  while (objects.size() < count) {
    size_t eol = out.find('\n', pos);
    if (eol == std::string_view::npos) break;
    std::string_view header = out.substr(pos, eol - pos);
    pos = eol + 1;
    // "<id> <type> <size>"; a missing one is "<what was asked> missing", and
    // what is asked here is "<commit>:<path>", never an id and a space.
    if (header.size() <= id_length || header[id_length] != ' ') {
      objects.emplace_back();
      continue;
    }
    auto fields = split(header, ' ');
    size_t size = 0;
    if (fields.size() != 3 ||
        std::from_chars(fields[2].data(), fields[2].data() + fields[2].size(), size).ec !=
            std::errc() ||
        pos + size > out.size())
      break;
    objects.push_back(GitObject{fields[0], fields[1], std::string(out.substr(pos, size))});
    pos += size + 1;
  }
  if (objects.size() != count) throw Error("git cat-file gave a short answer").exit(Exit::failed);
  return objects;
}

size_t depth(const std::string& folder) {
  return folder.empty() ? 0
                        : 1 + static_cast<size_t>(std::count(folder.begin(), folder.end(), '/'));
}

// "tasks/2026/11/T-X.yaml" -> {"tasks/2026/11", "T-X.yaml"}; "" is the root.
std::pair<std::string, std::string> split_path(const std::string& full) {
  size_t slash = full.rfind('/');
  if (slash == std::string::npos) return {"", full};
  return {full.substr(0, slash), full.substr(slash + 1)};
}

}  // namespace

std::optional<Git::NewTree> Git::tree_with(const std::vector<fs::path>& paths, const Head& head,
                                           bool filemode) const {
  // Each changed file once, by its path from the top of the work tree.
  std::map<std::string, Edit> changes;
  for (const auto& p : paths) {
    std::string rel = p.lexically_normal().generic_string();
    // Names that cat-file's line-based input cannot carry, and anything
    // outside the store, are left to git.
    if (rel.empty() || rel == "." || rel == ".." || rel.starts_with("../") || rel.front() == '/' ||
        rel.back() == '/' || has_control(rel))
      return std::nullopt;
    std::error_code ec;
    auto st = fs::symlink_status(m_dir / rel, ec);
    Edit& e = changes[head.prefix + rel];
    if (st.type() == fs::file_type::regular) {
      e.id = "";  // to be hashed
      e.executable = (st.permissions() & fs::perms::owner_exec) != fs::perms::none;
    } else if (st.type() != fs::file_type::not_found) {
      return std::nullopt;  // a symlink or a folder: git knows how to stage those
    }
  }

  // The paths go as arguments, from the top of the work tree (where
  // .gitattributes read them): a list on stdin would have the answers back up
  // behind it. A batch at a time, below the argument limit.
  std::vector<std::string> ids;
  std::vector<std::string> batch;
  size_t batch_size = 0;
  auto hash = [&] {
    batch.insert(batch.begin(), {"hash-object", "-w", "--"});
    for (auto& id : split(trim(Git(head.top).run(batch)), '\n')) ids.push_back(std::move(id));
    batch.clear();
    batch_size = 0;
  };
  for (const auto& [full, e] : changes) {
    if (!e.id) continue;
    batch.push_back(full);
    if ((batch_size += full.size() + 1) > 64 * 1024) hash();
  }
  if (!batch.empty()) hash();
  auto id = ids.begin();
  for (auto& [full, e] : changes)
    if (e.id) e.id = raw_id(checked_id(id == ids.end() ? "" : *id++, "hash-object"));

  // HEAD's version of every folder on the way to a changed file, in one process.
  std::set<std::string> folder_set{""};
  for (const auto& [full, e] : changes)
    for (size_t s = full.find('/'); s != std::string::npos; s = full.find('/', s + 1))
      folder_set.insert(full.substr(0, s));
  std::vector<std::string> folders(folder_set.begin(), folder_set.end());
  std::vector<std::optional<GitObject>> objects;
  // A few folders at a time: the question must fit the pipe while the answer fills the other.
  for (size_t from = 0; from < folders.size();) {
    std::string query;
    size_t to = from;
    for (; to < folders.size() && query.size() < 2048; ++to)
      query += head.commit + (folders[to].empty() ? "^{tree}" : ":" + folders[to]) + '\n';
    for (auto& o :
         read_batch(run({"cat-file", "--batch"}, {}, query), to - from, head.commit.size()))
      objects.push_back(std::move(o));
    from = to;
  }
  if (!objects[0] || objects[0]->type != "tree")
    throw Error("git cat-file found no tree for HEAD").exit(Exit::failed);
  const std::string head_tree = objects[0]->id;
  std::map<std::string, std::string> before;  // a new folder: ""
  for (size_t i = 0; i < folders.size(); ++i) {
    if (!objects[i]) continue;
    if (objects[i]->type != "tree") return std::nullopt;  // a file where a folder goes
    before[folders[i]] = std::move(objects[i]->data);
  }

  std::map<std::string, Edits> edits;  // by folder
  for (auto& [full, e] : changes) {
    auto [folder, name] = split_path(full);
    edits[folder][name] = std::move(e);
  }
  const size_t id_size = head.commit.size() / 2;
  auto write = [&](const std::string& bytes) {
    return checked_id(run({"hash-object", "-t", "tree", "-w", "--stdin"}, {}, bytes),
                      "hash-object");
  };
  // Deepest first, so that a folder's new id is known when its parent is
  // written; the root, the one folder of depth 0, comes last.
  std::stable_sort(folders.begin(), folders.end(),
                   [](const auto& a, const auto& b) { return depth(a) > depth(b); });
  for (const auto& f : folders) {
    auto bytes = edit_tree(before[f], id_size, edits[f], filemode);
    if (!bytes) return std::nullopt;
    if (f.empty()) return NewTree{head_tree, *bytes == before[f] ? head_tree : write(*bytes)};
    if (*bytes == before[f]) continue;
    auto [parent, name] = split_path(f);
    if (edits[parent].contains(name)) return std::nullopt;  // a file where the folder was
    Edit& e = edits[parent][name];
    e.folder = true;
    if (!bytes->empty()) e.id = raw_id(write(*bytes));  // git keeps no empty folder
  }
  throw Error("git commit found no root folder").exit(Exit::failed);  // the root is always there
}

}  // namespace tally::core
