#include "core/cache.hpp"
#include "core/fsutil.hpp"

#include <doctest/doctest.h>

#include <unistd.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

using namespace tally::core;
namespace fs = std::filesystem;

namespace {

const char* task_text = R"(id: T-4F7KQ9MZ2A
title: Позвонить ООО «Ромашка»
status: in_progress
creator: anna
responsible: ivan
participants:
  - petr
created: 2026-11-27T10:00:00+03:00
deadline: 2026-11-28T15:00:00Z
priority: high
review: true
may_move_deadline: true
link: deal/1042
tags:
  - "2026"
checklist:
  - text: Отправить КП
    done: true
description: |-
  Две строки
  описания
log:
  - at: 2026-11-27T10:00:00+03:00
    by: anna
    event: created
  - at: 2026-11-27T12:00:00+03:00
    by: anna
    event: deadline
    from: ""
    to: 2026-11-28T15:00:00Z
    reason: клиент просил
x-crm: "0017"
x-list:
  - 1
  - two
x-empty: {}
)";

}  // namespace

TEST_CASE("core::load_tasks_cached") {
  fs::path dir = fs::temp_directory_path() / ("tally-cache-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "T-4F7KQ9MZ2A.yaml";
  write_file_atomic(file, task_text);
  // An old file, so the cache may trust it (a fresh one is "racily clean" and re-read).
  fs::last_write_time(file, fs::file_time_type::clock::now() - std::chrono::hours(1));
  fs::path cache = dir / "tasks.bin";
  Zone zone = Zone::locate("Europe/Moscow");
  int parsed = 0;
  auto parse = [&](const std::string&) {
    ++parsed;
    return parse_task(load_yaml_file(file, "tasks/2026/11/T-4F7KQ9MZ2A.yaml"), zone);
  };
  std::vector<std::string> names{"T-4F7KQ9MZ2A"};
  FileSet files;
  files.dirs = {dir};
  files.names = &names;

  auto first = load_tasks_cached(files, cache, parse);
  CHECK(parsed == 1);
  CHECK(fs::exists(cache));
  auto second = load_tasks_cached(files, cache, parse);
  CHECK(parsed == 1);  // from the cache
  REQUIRE(second.size() == 1);
  SUBCASE("a task from the cache writes the same bytes as one parsed from its file") {
    CHECK(task_to_yaml(second[0]) == task_text);
    CHECK(second[0].deadline->at == first[0].deadline->at);
    CHECK(second[0].log[1].get("reason") == "клиент просил");
  }
  SUBCASE("a changed file is parsed again") {
    std::string changed = task_text;
    changed.replace(changed.find("status: in_progress"), 19, "status: review     ");
    write_file_atomic(file, changed);
    auto third = load_tasks_cached(files, cache, parse);
    CHECK(parsed == 2);
    CHECK(third[0].status == Status::review);
  }
  SUBCASE("a damaged cache is ignored") {
    write_file_atomic(cache, "tally-tasks-cache 1\ngarbage");
    auto third = load_tasks_cached(files, cache, parse);
    CHECK(parsed == 2);
    CHECK(task_to_yaml(third[0]) == task_text);
  }
  SUBCASE("a cache cut short anywhere is ignored, never half read") {
    std::string whole = read_file(cache);
    for (size_t keep : {size_t{0}, size_t{10}, whole.size() / 2, whole.size() - 1}) {
      write_file_atomic(cache, whole.substr(0, keep));
      auto again = load_tasks_cached(files, cache, parse);
      REQUIRE(again.size() == 1);
      CHECK(task_to_yaml(again[0]) == task_text);
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("core::load_tasks_cached decodes only the wanted statuses, and sees every change") {
  fs::path dir = fs::temp_directory_path() / ("tally-cache-want-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  Zone zone = Zone::locate("Europe/Moscow");
  auto text = [](const std::string& id, const std::string& status) {
    return "id: " + id + "\ntitle: Задача\nstatus: " + status +
           "\ncreator: anna\nresponsible: ivan\ncreated: 2026-11-27T10:00:00+03:00\n";
  };
  // Ten tasks, every third one open, in a folder of their own.
  std::vector<std::string> names;
  for (int i = 0; i < 10; ++i) {
    std::string id = "T-" + std::string(9, 'A') + std::to_string(i);
    names.push_back(id);
    write_file_atomic(dir / (id + ".yaml"), text(id, i % 3 == 0 ? "new " : "done"));
    fs::last_write_time(dir / (id + ".yaml"),
                        fs::file_time_type::clock::now() - std::chrono::hours(1));
  }
  FileSet files;
  files.dirs = {dir};
  files.names = &names;
  fs::path cache = dir / "tasks.bin";
  int parsed = 0;
  auto parse = [&](const std::string& id) {
    ++parsed;
    return parse_task(load_yaml_file(dir / (id + ".yaml"), id + ".yaml"), zone);
  };
  auto open = [](Status s) { return is_open(s); };
  auto ids = [](const std::vector<Task>& tasks) {
    std::vector<std::string> out;
    for (const auto& t : tasks) out.push_back(t.id);
    return out;
  };
  auto cold = load_tasks_cached(files, cache, parse, open);
  CHECK(parsed == 10);
  CHECK(ids(cold) == std::vector<std::string>{names[0], names[3], names[6], names[9]});
  auto warm = load_tasks_cached(files, cache, parse, open);
  CHECK(parsed == 10);
  CHECK(ids(warm) == ids(cold));
  CHECK(load_tasks_cached(files, cache, parse).size() == 10);
  CHECK(parsed == 10);

  // Closed behind the cache's back, at the same size, within the same second as
  // the cache was written: the mtime (nanoseconds) and the racy rule catch it.
  write_file_atomic(dir / (names[1] + ".yaml"), text(names[1], "new "));
  write_file_atomic(dir / (names[3] + ".yaml"), text(names[3], "done"));
  auto after = load_tasks_cached(files, cache, parse, open);
  CHECK(parsed == 12);
  CHECK(ids(after) == std::vector<std::string>{names[0], names[1], names[6], names[9]});

  // A file gone, and one new: the index follows the folder.
  fs::remove(dir / (names[6] + ".yaml"));
  names.erase(names.begin() + 6);
  names.push_back("T-ZZZZZZZZZZ");
  write_file_atomic(dir / "T-ZZZZZZZZZZ.yaml", text("T-ZZZZZZZZZZ", "new "));
  auto last = load_tasks_cached(files, cache, parse, open);
  CHECK(ids(last) == std::vector<std::string>{names[0], names[1], names[8], "T-ZZZZZZZZZZ"});
  fs::remove_all(dir);
}

TEST_CASE("core::load_records_cached keeps each record its own") {
  // Records with and without unknown keys and logs, read cold (in parallel) and then from
  // the cache: nothing one record holds may show up in another, and every record written
  // back gives the bytes of its file.
  fs::path dir = fs::temp_directory_path() / ("tally-cache-rec-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  Zone zone = Zone::locate("Europe/Moscow");
  std::vector<std::string> ids;
  std::map<std::string, std::string> texts;
  for (int i = 0; i < 300; ++i) {
    std::string id = std::to_string(1000 + i);
    std::string text = "id: \"" + id + "\"\ntitle: Сделка " + id + "\n";
    if (i % 3 == 0)
      text += "log:\n  - at: 2026-11-27T10:00:00+03:00\n    event: stage\n    to: won\n";
    if (i % 7 == 0) text += "x-custom-" + id + ": " + id + "\n";
    write_file_atomic(dir / (id + ".yaml"), text);
    fs::last_write_time(dir / (id + ".yaml"),
                        fs::file_time_type::clock::now() - std::chrono::hours(1));
    ids.push_back(id);
    texts[id] = text;
  }
  auto parse = [&](const std::string& id) {
    return parse_record(load_yaml_file(dir / (id + ".yaml"), "deals/" + id + ".yaml"),
                        RecordKind::deal, zone);
  };
  fs::path cache = dir / "deals.bin";
  for (int round = 0; round < 2; ++round) {  // cold, then from the cache
    FileSet files;
    files.dirs = {dir};
    files.names = &ids;
    auto records = load_records_cached(RecordKind::deal, files, cache, parse);
    REQUIRE(records.size() == ids.size());
    for (const auto& r : records) CHECK(record_to_yaml(r) == texts[r.id]);
  }
  fs::remove_all(dir);
}
