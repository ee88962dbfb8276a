#include "core/init.hpp"

#include "core/error.hpp"
#include "core/fsutil.hpp"
#include "core/git.hpp"
#include "core/settings.hpp"
#include "core/sync.hpp"
#include "core/text.hpp"

namespace tally::core {

namespace fs = std::filesystem;

InitResult init_store(const InitRequest& request) {
  fs::path root = fs::absolute(request.dir).lexically_normal();
  if (root.filename().empty()) root = root.parent_path();
  if (fs::exists(root / "tally.yaml"))
    throw Error("{} is already a tally store", root.string())
        .hint("its settings are in " + (root / "tally.yaml").string());
  if (fs::exists(root) && !fs::is_directory(root))
    throw Error("{} exists and is not a folder", root.string());

  Settings settings;
  settings.name = request.name.empty() ? root.filename().string() : request.name;
  if (has_control(settings.name)) throw Error("the store's name must be one line of text");
  settings.timezone =
      request.timezone ? *request.timezone : Zone::system_name().value_or("Europe/Moscow");
  Zone::locate(settings.timezone);  // validates
  settings.currency = request.currency;
  settings.stages = Settings::default_stages();

  InitResult result{root, settings.timezone};
  fs::create_directories(root);
  Git git(root);
  bool in_tree = git.in_work_tree();
  if (request.commit && (!git.config("user.email") || !git.config("user.name"))) {
    throw Error("git does not know who you are, so tally cannot commit the new store")
        .hint(
            "run 'git config --global user.name \"Your Name\"' and 'git config --global "
            "user.email you@example.com', or pass --no-commit");
  }
  if (!in_tree) {
    git.init();
    result.created_repository = true;
  }
  std::vector<fs::path> files{"tally.yaml", "people.yaml", ".gitignore"};
  write_file_atomic(root / "tally.yaml", settings_to_yaml(settings));
  write_file_atomic(root / "people.yaml", "people: []\n");
  std::string ignore;
  if (fs::exists(root / ".gitignore")) ignore = read_file(root / ".gitignore");
  if (ignore.find(".tally/") == std::string::npos) {
    if (!ignore.empty() && ignore.back() != '\n') ignore += '\n';
    ignore += "# tally's local cache and lock: never the truth, never committed\n/.tally/\n";
    write_file_atomic(root / ".gitignore", ignore);
  }
  // The merge driver: task and record files merge field by field across clones.
  if (setup_git(root).attributes_changed) files.emplace_back(".gitattributes");
  if (request.commit) {
    git.commit(files, fmt::format("store: created «{}»", settings.name), std::nullopt);
    result.committed = true;
  }
  return result;
}

}  // namespace tally::core
