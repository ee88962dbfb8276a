#include "core/guard.hpp"

#include "core/error.hpp"
#include "core/fsutil.hpp"
#include "core/guard_git.hpp"
#include "core/process.hpp"
#include "core/text.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

using namespace tally::core;
namespace fs = std::filesystem;

namespace {

// A throw-away repository whose commits are made by `who` (name = login, e-mail login@x.ru).
struct Repo {
  fs::path dir = fs::temp_directory_path() / ("tally-guard-" + std::to_string(::getpid()));
  Repo() {
    fs::remove_all(dir);
    fs::create_directories(dir);
    git({"init", "-q"});
  }
  ~Repo() { fs::remove_all(dir); }
  std::string git(const std::vector<std::string>& args,
                  const std::map<std::string, std::string>& env = {}) {
    return Git(dir).run(args, env);
  }
  std::string commit(const std::string& who, const std::string& path, const std::string& text) {
    fs::create_directories((dir / path).parent_path());
    write_file_atomic(dir / path, text);
    git({"add", path});
    std::map<std::string, std::string> id{{"GIT_AUTHOR_NAME", who},
                                          {"GIT_AUTHOR_EMAIL", who + "@x.ru"},
                                          {"GIT_COMMITTER_NAME", who},
                                          {"GIT_COMMITTER_EMAIL", who + "@x.ru"}};
    git({"commit", "-q", "-m", path}, id);
    return std::string(trim(git({"rev-parse", "HEAD"})));
  }
};

const char* people_yaml =
    "people:\n"
    "  - login: anna\n    name: Анна\n    email: anna@x.ru\n    role: head\n    active: true\n"
    "  - login: ivan\n    name: Иван\n    email: ivan@x.ru\n    role: manager\n    active: true\n";

const char* task_head =
    "id: T-AAAAAAAAAA\ntitle: Позвонить\nstatus: {}\ncreator: anna\nresponsible: ivan\n"
    "created: 2026-11-27T10:00:00+03:00\nlog:\n"
    "  - at: 2026-11-27T10:00:00+03:00\n    by: anna\n    event: created\n";

std::string task(const std::string& status, const std::string& more = "") {
  return fmt::format(fmt::runtime(task_head), status) + more;
}

AuditReport check_head(Repo& repo) {
  AuditReport report;
  for (const auto& c : commits_of(Git(repo.dir), {"HEAD~1..HEAD"}))
    check_commit(Git(repo.dir), c, "", report);
  return report;
}

const std::string path = "tasks/2026/11/T-AAAAAAAAAA.yaml";

}  // namespace

TEST_CASE("core::parse_ref_updates") {
  std::string a(40, 'a'), z(40, '0');
  auto u =
      parse_ref_updates(z + " " + a + " refs/heads/main\n\n" + a + " " + z + " refs/heads/x\n");
  REQUIRE(u.size() == 2);
  CHECK(u[0].old_id == z);
  CHECK(u[0].new_id == a);
  CHECK(u[1].ref == "refs/heads/x");
  CHECK(parse_ref_updates("").empty());
  CHECK_THROWS_AS(parse_ref_updates("not a line\n"), Error);
  CHECK_THROWS_AS(parse_ref_updates(a + " " + a + "\n"), Error);
}

TEST_CASE("core::shell_quote") {
  CHECK(shell_quote("/usr/bin/tally") == "/usr/bin/tally");
  CHECK(shell_quote("/opt/my tally/tally") == "'/opt/my tally/tally'");
  CHECK(shell_quote("it's") == "'it'\\''s'");
}

TEST_CASE("core::read_blobs") {
  Repo repo;
  std::string head = repo.commit("anna", "a.txt", "один\n");
  auto blobs = read_blobs(Git(repo.dir), {head + ":a.txt", head + ":missing file", "HEAD:a.txt"});
  REQUIRE(blobs.size() == 3);
  CHECK(blobs[0] == "один\n");
  CHECK(!blobs[1]);
  CHECK(blobs[2] == "один\n");
}

TEST_CASE("core::check_commit") {
  Repo repo;
  repo.commit("runner", "tally.yaml", "name: S\ntimezone: Europe/Moscow\n");
  repo.commit("runner", "people.yaml", people_yaml);
  repo.commit("anna", path, task("new"));

  SUBCASE("the responsible's own acknowledgement keeps the rules") {
    repo.commit("ivan", path,
                task("accepted",
                     "  - at: 2026-11-27T11:00:00+03:00\n    by: ivan\n    event: "
                     "acknowledged\n    status: accepted\n"));
    auto r = check_head(repo);
    CHECK(r.findings.empty());
    CHECK(r.entries == 1);
  }
  SUBCASE("a status set by hand, without its entry") {
    repo.commit("ivan", path, task("cancelled"));
    auto r = check_head(repo);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == std::string(rule::fields));
    CHECK(r.findings[0].file == path);
  }
  SUBCASE("an entry by someone else, and one the role does not allow") {
    repo.commit("ivan", path,
                task("new",
                     "  - at: 2026-11-27T11:00:00+03:00\n    by: anna\n    event: "
                     "commented\n    text: привет\n"
                     "  - at: 2026-11-27T11:05:00+03:00\n    by: ivan\n    event: "
                     "accepted\n    status: done\n"));
    auto r = check_head(repo);
    std::vector<std::string> rules;
    for (const auto& f : r.findings) rules.push_back(f.rule);
    CHECK(rules == std::vector<std::string>{rule::author, rule::role});
  }
  SUBCASE("the log rewritten and the file deleted") {
    std::string t = task("new");
    repo.commit("anna", path,
                t.substr(0, t.find("log:")) +
                    "log:\n  - at: "
                    "2026-11-27T10:00:00+03:00\n    by: anna\n    event: made\n");
    auto r = check_head(repo);
    REQUIRE(!r.findings.empty());
    CHECK(r.findings[0].rule == std::string(rule::append_only));
    repo.git({"rm", "-q", path});
    repo.git({"commit", "-q", "-m", "gone"});
    r = check_head(repo);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == std::string(rule::append_only));
  }
  SUBCASE("people.yaml: a manager may not, a head may") {
    std::string promoted = people_yaml;
    promoted.replace(promoted.rfind("manager"), 7, "head");
    repo.commit("ivan", "people.yaml", promoted);
    auto r = check_head(repo);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].rule == std::string(rule::head_only));
    repo.git({"reset", "-q", "--hard", "HEAD~1"});
    repo.commit("anna", "people.yaml", promoted);
    CHECK(check_head(repo).findings.empty());
  }
}
