#include "core/fsutil.hpp"
#include "core/merge.hpp"

#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>

using namespace tally::core;
namespace fs = std::filesystem;

namespace {

const std::string path = "tasks/2026/11/T-4F7KQ9MZ2A.yaml";

// A task in canonical form; `middle` goes after `priority`, `log` after the created entry.
std::string task(const std::string& title = "Позвонить ООО «Ромашка»",
                 const std::string& status = "in_progress", const std::string& middle = "",
                 const std::string& log = "") {
  return "id: T-4F7KQ9MZ2A\ntitle: " + title + "\nstatus: " + status +
         "\ncreator: anna\nresponsible: ivan\ncreated: 2026-11-27T10:00:00+03:00\n"
         "deadline: 2026-11-28T18:00:00+03:00\npriority: normal\n" +
         middle + "log:\n  - at: 2026-11-27T10:00:00+03:00\n    by: anna\n    event: created\n" +
         log;
}

std::string comment(const std::string& at, const std::string& by, const std::string& text) {
  return "  - at: " + at + "\n    by: " + by + "\n    event: comment\n    text: " + text + "\n";
}

MergeResult merge(const std::string& b, const std::string& o, const std::string& t,
                  const std::string& p = path) {
  auto r = merge_texts(b, o, t, p, Zone::locate("Europe/Moscow"));
  REQUIRE(r.has_value());
  return *r;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("core::merge_texts fields") {
  SUBCASE("changes to different fields both arrive") {
    auto o = task("Позвонить ООО «Ромашка»", "done");
    auto t = task("Позвонить ООО «Ромашка» до обеда");
    auto r = merge(task(), o, t);
    CHECK(r.clean());
    CHECK(r.text == task("Позвонить ООО «Ромашка» до обеда", "done"));
  }
  SUBCASE("the same change on both sides is taken once") {
    auto o = task("Новое", "review");
    auto r = merge(task(), o, o);
    CHECK(r.clean());
    CHECK(r.text == o);
  }
  SUBCASE("a status change and a comment merge cleanly") {
    auto o = task("Позвонить ООО «Ромашка»", "review");
    auto t = task("Позвонить ООО «Ромашка»", "in_progress", "",
                  comment("2026-11-27T12:00:00+03:00", "petr", "перезвонил"));
    auto r = merge(task(), o, t);
    CHECK(r.clean());
    CHECK(r.text.find("status: review\n") != std::string::npos);
    CHECK(count(r.text, "event: comment") == 1);
  }
  SUBCASE("a field one side removed and the other left alone is removed") {
    auto b = task("Позвонить ООО «Ромашка»", "in_progress", "review: true\n");
    auto r = merge(b, task(), b);
    CHECK(r.clean());
    CHECK(r.text.find("review:") == std::string::npos);
  }
  SUBCASE("unknown keys merge like the others") {
    auto b = task() + "color: red\n";
    auto r = merge(b, task() + "color: blue\n", b + "size: 3\n");
    CHECK(r.clean());
    CHECK(r.text.find("color: blue\n") != std::string::npos);
    CHECK(r.text.find("size: 3\n") != std::string::npos);
  }
}

TEST_CASE("core::merge_texts lists") {
  SUBCASE("tags: additions and removals of both sides") {
    auto b = task("T", "new", "tags:\n  - a\n  - b\n");
    auto o = task("T", "new", "tags:\n  - a\n  - c\n");         // removed b, added c
    auto t = task("T", "new", "tags:\n  - a\n  - b\n  - d\n");  // added d
    auto r = merge(b, o, t);
    CHECK(r.clean());
    CHECK(r.text == task("T", "new", "tags:\n  - a\n  - c\n  - d\n"));
  }
  SUBCASE("the same addition on both sides is kept once") {
    auto o = task("T", "new", "tags:\n  - срочно\n");
    auto r = merge(task("T", "new"), o, o + "");
    CHECK(count(r.text, "срочно") == 1);
  }
  SUBCASE("participants from both sides") {
    auto b = task("T", "new");
    auto add = [](const std::string& who) {
      return "id: T-4F7KQ9MZ2A\ntitle: T\nstatus: new\ncreator: anna\nresponsible: ivan\n"
             "participants:\n  - " +
             who +
             "\ncreated: 2026-11-27T10:00:00+03:00\ndeadline: 2026-11-28T18:00:00+03:00\n"
             "priority: normal\nlog:\n  - at: 2026-11-27T10:00:00+03:00\n    by: anna\n"
             "    event: created\n";
    };
    auto r = merge(b, add("petr"), add("olga"));
    CHECK(r.clean());
    CHECK(r.text.find("participants:\n  - petr\n  - olga\n") != std::string::npos);
  }
  SUBCASE("checklist items by their text") {
    auto b = task("T", "new", "checklist:\n  - text: КП\n    done: false\n");
    auto o = task("T", "new", "checklist:\n  - text: КП\n    done: true\n");
    auto t = task("T", "new",
                  "checklist:\n  - text: КП\n    done: false\n  - text: Счёт\n    done: false\n");
    auto r = merge(b, o, t);
    CHECK(r.clean());
    CHECK(r.text.find(
              "checklist:\n  - text: КП\n    done: true\n  - text: Счёт\n    done: false\n") !=
          std::string::npos);
  }
}

TEST_CASE("core::merge_texts log") {
  auto early = comment("2026-11-27T11:00:00+03:00", "ivan", "звоню");
  auto late = comment("2026-11-27T12:00:00+03:00", "petr", "жду ответа");
  auto latest = comment("2026-11-27T13:00:00+03:00", "anna", "как дела?");
  SUBCASE("entries of both sides, ordered by time, each once") {
    auto b = task("T", "new", "", early);
    auto o = task("T", "new", "", early + latest);
    auto t = task("T", "new", "", early + late);
    auto r = merge(b, o, t);
    CHECK(r.clean());
    CHECK(r.text == task("T", "new", "", early + late + latest));
  }
  SUBCASE("the same entry added on both sides is kept once") {
    auto o = task("T", "new", "", early);
    auto r = merge(task("T", "new"), o, o);
    CHECK(count(r.text, "звоню") == 1);
  }
  SUBCASE("an entry only the base had is kept: the log only grows") {
    auto b = task("T", "new", "", early);
    auto r = merge(b, task("T", "new"), b);
    CHECK(count(r.text, "звоню") == 1);
  }
  SUBCASE("entries with one time keep ours before theirs") {
    auto mine = comment("2026-11-27T12:00:00+03:00", "ivan", "первый");
    auto r = merge(task(), task("Позвонить ООО «Ромашка»", "in_progress", "", mine),
                   task("Позвонить ООО «Ромашка»", "in_progress", "", late));
    CHECK(r.text.find("первый") < r.text.find("жду ответа"));
  }
}

TEST_CASE("core::merge_texts conflicts") {
  SUBCASE("both changed the title differently: markers around the title only") {
    auto o = task("Позвонить утром", "in_progress", "",
                  comment("2026-11-27T12:00:00+03:00", "ivan", "ок"));
    auto t = task("Позвонить вечером", "review");
    auto r = merge(task(), o, t);
    REQUIRE(r.conflicts == std::vector<std::string>{"title"});
    CHECK(r.text.find("<<<<<<< ours\ntitle: Позвонить утром\n=======\ntitle: Позвонить вечером\n"
                      ">>>>>>> theirs\nstatus: review\n") != std::string::npos);
    CHECK(count(r.text, "event: comment") == 1);
    CHECK(count(r.text, "<<<<<<<") == 1);
  }
  SUBCASE("done on one side, cancelled on the other") {
    auto r = merge(task(), task("Позвонить ООО «Ромашка»", "done"),
                   task("Позвонить ООО «Ромашка»", "cancelled"));
    CHECK(r.conflicts == std::vector<std::string>{"status"});
    CHECK(r.text.find("<<<<<<< ours\nstatus: done\n=======\nstatus: cancelled\n>>>>>>> theirs\n") !=
          std::string::npos);
  }
  SUBCASE("a field removed on one side and changed on the other") {
    auto b = task("T", "new", "link: deal/1042\n");
    auto r = merge(b, task("T", "new"), task("T", "new", "link: deal/1050\n"));
    CHECK(r.conflicts == std::vector<std::string>{"link"});
    CHECK(r.text.find("<<<<<<< ours\n=======\nlink: deal/1050\n>>>>>>> theirs\n") !=
          std::string::npos);
  }
  SUBCASE("a record field inside `fields`") {
    std::string head = "id: \"1042\"\ntitle: Поставка\nowner: ivan\nfields:\n";
    auto r = merge(head + "  region: msk\n", head + "  region: spb\n  segment: b2b\n",
                   head + "  region: ekb\n", "deals/1042.yaml");
    CHECK(r.conflicts == std::vector<std::string>{"fields.region"});
    CHECK(r.text.find("<<<<<<< ours\nfields:\n  region: spb\n  segment: b2b\n=======\nfields:\n"
                      "  region: ekb\n  segment: b2b\n>>>>>>> theirs\n") != std::string::npos);
  }
}

TEST_CASE("core::merge_texts records") {
  std::string head = "id: \"1042\"\ntitle: Поставка\n";
  auto r = merge(head + "owner: ivan\n", head + "owner: petr\n",
                 head + "owner: ivan\nstage: negotiation\n", "crm/deals/1042.yaml");
  CHECK(r.clean());
  CHECK(r.text == head + "owner: petr\nstage: negotiation\n");
}

TEST_CASE("core::merge_texts falls back") {
  auto zone = Zone::locate("Europe/Moscow");
  SUBCASE("a side that is not a task") {
    CHECK_FALSE(merge_texts(task(), "just: text\n", task(), path, zone));
  }
  SUBCASE("a side with markers of an earlier conflict") {
    auto marked = "<<<<<<< ours\n" + task() + "=======\n" + task("X") + ">>>>>>> theirs\n";
    CHECK_FALSE(merge_texts(task(), marked, task(), path, zone));
  }
  SUBCASE("a file tally does not merge field by field") {
    CHECK_FALSE(merge_texts("a: 1\n", "a: 2\n", "a: 1\n", "plans/2026-11.yaml", zone));
  }
  SUBCASE("both sides added the file: an empty base") {
    auto r = merge_texts("", task(), task("Позвонить ООО «Ромашка»", "done"), path, zone);
    REQUIRE(r);
    CHECK(r->conflicts == std::vector<std::string>{"status"});
  }
}

TEST_CASE("core::merge_files") {
  fs::path dir = fs::temp_directory_path() / ("tally-merge-" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto zone = Zone::locate("Europe/Moscow");
  SUBCASE("writes the merge into ours") {
    write_file_atomic(dir / "base", task());
    write_file_atomic(dir / "ours", task("Позвонить ООО «Ромашка»", "done"));
    write_file_atomic(dir / "theirs", task("Новое"));
    auto r = merge_files(dir / "base", dir / "ours", dir / "theirs", path, zone);
    CHECK(r.clean());
    CHECK_FALSE(r.text_merge);
    CHECK(read_file(dir / "ours") == task("Новое", "done"));
  }
  SUBCASE("another file merges line by line with git") {
    write_file_atomic(dir / "base", "a\nb\nc\n");
    write_file_atomic(dir / "ours", "A\nb\nc\n");
    write_file_atomic(dir / "theirs", "a\nb\nC\n");
    auto r = merge_files(dir / "base", dir / "ours", dir / "theirs", "notes.txt", zone);
    CHECK(r.text_merge);
    CHECK(r.clean());
    CHECK(read_file(dir / "ours") == "A\nb\nC\n");
    write_file_atomic(dir / "theirs", "x\nb\nc\n");
    r = merge_files(dir / "base", dir / "ours", dir / "theirs", "notes.txt", zone);
    CHECK_FALSE(r.clean());
    CHECK(read_file(dir / "ours").find("<<<<<<< ours\nA\n=======\nx\n>>>>>>> theirs\n") !=
          std::string::npos);
  }
  fs::remove_all(dir);
}
