#include "core/error.hpp"
#include "core/task.hpp"

#include <doctest/doctest.h>

using namespace tally::core;

namespace {

const char* canonical = R"(id: T-4F7KQ9MZ2A
title: Позвонить ООО «Ромашка» и согласовать спецификацию
status: in_progress
creator: anna
responsible: ivan
participants:
  - petr
observers:
  - anna
created: 2026-11-27T10:00:00+03:00
deadline: 2026-11-28T18:00:00+03:00
priority: high
review: true
link: deal/1042
group: G-0KW1JQEAM9
tags:
  - прайс
  - "2026"
checklist:
  - text: Отправить КП
    done: true
  - text: Получить подпись
    done: false
description: |-
  Клиент просил позвонить после обеда.
  Номер в карточке контакта.
log:
  - at: 2026-11-27T10:00:00+03:00
    by: anna
    event: created
  - at: 2026-11-27T11:30:00+03:00
    by: ivan
    event: started
  - at: 2026-11-27T12:00:00+03:00
    by: anna
    event: deadline
    from: 2026-11-27T18:00:00+03:00
    to: 2026-11-28T18:00:00+03:00
    reason: клиент в отпуске
x-crm-sync: "2026-11-27"
x-extra:
  source: bitrix24
  ids:
    - 17
    - 18
)";

Task parse(const std::string& text) {
  return parse_task(parse_yaml(text, "tasks/2026/11/T-4F7KQ9MZ2A.yaml"),
                    Zone::locate("Europe/Moscow"));
}

}  // namespace

TEST_CASE("core::task round trip") {
  SUBCASE("a canonical file is written back byte for byte") {
    Task t = parse(canonical);
    CHECK(task_to_yaml(t) == canonical);
  }
  SUBCASE("fields are read") {
    Task t = parse(canonical);
    CHECK(t.status == Status::in_progress);
    CHECK(t.participants == std::vector<std::string>{"petr"});
    CHECK(t.tags == std::vector<std::string>{"прайс", "2026"});
    CHECK(t.checklist.size() == 2);
    CHECK(t.checklist[0].done);
    CHECK(t.log.size() == 3);
    CHECK(t.log[2].get("reason") == "клиент в отпуске");
    CHECK(t.deadline->text == "2026-11-28T18:00:00+03:00");
    CHECK(format_timestamp(t.deadline->at, Zone::locate("UTC")) == "2026-11-28T15:00:00+00:00");
  }
  SUBCASE("unknown keys survive a change of a known one") {
    Task t = parse(canonical);
    t.status = Status::review;
    std::string out = task_to_yaml(t);
    CHECK(out.find("status: review\n") != std::string::npos);
    CHECK(
        out.find("x-crm-sync: \"2026-11-27\"\nx-extra:\n  source: bitrix24\n  ids:\n    - 17\n") !=
        std::string::npos);
  }
  SUBCASE("a timestamp's own offset is kept") {
    std::string text = canonical;
    text.replace(text.find("deadline: 2026-11-28T18:00:00+03:00"), 35,
                 "deadline: 2026-11-28T15:00:00Z");
    Task t = parse(text);
    CHECK(task_to_yaml(t) == text);
  }
}

TEST_CASE("core::parse_task problems") {
  SUBCASE("every problem at once") {
    std::string text =
        "id: T-4F7KQ9MZ2A\nstatus: open\ncreator: anna\ncreated: вчера\npriority: low\n"
        "link: invoice/7\nlog: []\n";
    try {
      parse(text);
      FAIL("no error");
    } catch (const Error& e) {
      std::string all = std::string(e.what()) + "\n" + e.detail();
      CHECK(all.find(":2:9: unknown status 'open'") != std::string::npos);
      CHECK(all.find(":4:10: 'created' is not a timestamp") != std::string::npos);
      CHECK(all.find(":5:11: 'priority' is normal or high") != std::string::npos);
      CHECK(all.find(":6:7: 'link' is deal/<ID>") != std::string::npos);
      CHECK(all.find("the task has no 'title'") != std::string::npos);
    }
  }
  SUBCASE("id must match the file name") {
    std::string text = canonical;
    text.replace(0, 16, "id: T-0000000000");
    CHECK_THROWS_WITH_AS(parse(text), doctest::Contains("but the file is named T-4F7KQ9MZ2A.yaml"),
                         Error);
  }
  SUBCASE("a link cannot climb out of its folder") {
    std::string text = canonical;
    text.replace(text.find("link: deal/1042"), 15, "link: deal/../x");
    CHECK_THROWS_AS(parse(text), Error);
  }
}

TEST_CASE("core::task_relative_path") {
  Zone moscow = Zone::locate("Europe/Moscow");
  // 23:30 UTC on 31 October is already 1 November in Moscow.
  Instant t = parse_timestamp("2026-10-31T23:30:00Z", moscow);
  CHECK(task_relative_path("T-4F7KQ9MZ2A", t, moscow) == "tasks/2026/11/T-4F7KQ9MZ2A.yaml");
}

TEST_CASE("core::is_open and is_active") {
  CHECK(is_open(Status::deferred));
  CHECK_FALSE(is_open(Status::cancelled));
  CHECK(is_active(Status::in_progress));
  CHECK_FALSE(is_active(Status::review));
}
