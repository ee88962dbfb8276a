#include "core/control.hpp"

#include "core/error.hpp"
#include "core/yaml_io.hpp"

#include <doctest/doctest.h>

using namespace tally::core;

namespace {

// November 2026 in Moscow (UTC+3, no DST): the 1st is a Sunday, the 27th a Friday.
const Zone& moscow() {
  static const Zone zone = Zone::locate("Europe/Moscow");
  return zone;
}

Instant at(std::string_view local) {
  return parse_timestamp(local, moscow());
}

// A timestamp as tally writes it into a log entry, with its offset.
std::string ts(std::string_view local) {
  return format_timestamp(at(local), moscow());
}

using Fields = std::vector<std::pair<std::string, std::string>>;

LogEntry entry(std::string_view when, std::string by, std::string event,
               const Fields& fields = {}) {
  LogEntry e;
  e.at = {at(when), ts(when)};
  e.by = std::move(by);
  e.event = std::move(event);
  for (const auto& [k, v] : fields) e.data.emplace_back(k, YAML::Node(v));
  return e;
}

Task make(std::string id, Status status, std::string creator, std::string responsible,
          std::optional<std::string_view> deadline = std::nullopt,
          std::string_view created = "2026-11-02 10:00") {
  Task t;
  t.id = std::move(id);
  t.status = status;
  t.creator = std::move(creator);
  t.responsible = std::move(responsible);
  t.created = {at(created), ts(created)};
  if (deadline) t.deadline = Stamp{at(*deadline), ts(*deadline)};
  t.log.push_back(entry(created, t.creator, "created"));
  return t;
}

LogEntry status_entry(std::string_view when, std::string by, std::string event,
                      std::string status) {
  return entry(when, std::move(by), std::move(event), {{"status", std::move(status)}});
}

LogEntry moved(std::string_view when, std::string_view from, std::string_view to) {
  return entry(when, "anna", "deadline",
               {{"from", from.empty() ? "" : ts(from)},
                {"to", to.empty() ? "" : ts(to)},
                {"reason", "клиент попросил"}});
}

LogEntry reassigned(std::string_view when, std::string from, std::string to) {
  return entry(when, "anna", "reassigned",
               {{"from", std::move(from)}, {"to", std::move(to)}, {"status", "new"}});
}

Counters count(const std::string& login, const std::vector<Task>& tasks, std::string_view now,
               const WorkCalendar& calendar = {}) {
  return count_for(login, tasks, at(now), moscow(), calendar, People{});
}

Efficiency november(const std::string& login, const std::vector<Task>& tasks,
                    std::string_view now = "2026-11-20 12:00") {
  return efficiency_for(login, tasks, month_period("2026-11", moscow()), at(now));
}

}  // namespace

TEST_CASE("core::timeline") {
  SUBCASE("a task nobody touched is one open span") {
    Task t = make("T-1", Status::new_, "anna", "ivan", "2026-11-05 18:00");
    auto spans = timeline(t);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].from == at("2026-11-02 10:00"));
    CHECK_FALSE(spans[0].until);
    CHECK(spans[0].status == Status::new_);
    CHECK(spans[0].deadline == at("2026-11-05 18:00"));
    CHECK(spans[0].responsible == "ivan");
  }
  SUBCASE("status changes") {
    Task t = make("T-1", Status::done, "anna", "ivan");
    t.log.push_back(status_entry("2026-11-02 11:00", "ivan", "viewed", "accepted"));
    t.log.push_back(entry("2026-11-02 11:30", "petr", "commented", {{"text", "ок"}}));
    t.log.push_back(status_entry("2026-11-02 12:00", "ivan", "started", "in_progress"));
    t.log.push_back(status_entry("2026-11-03 15:00", "ivan", "done", "done"));
    auto spans = timeline(t);
    REQUIRE(spans.size() == 4);
    CHECK(spans[0].status == Status::new_);
    CHECK(spans[0].until == at("2026-11-02 11:00"));
    CHECK(spans[1].status == Status::accepted);
    CHECK(spans[1].until == at("2026-11-02 12:00"));
    CHECK(spans[2].status == Status::in_progress);
    CHECK(spans[2].until == at("2026-11-03 15:00"));
    CHECK(spans[3].status == Status::done);
  }
  SUBCASE("deadline moves start from the first entry's old deadline") {
    Task t = make("T-1", Status::in_progress, "anna", "ivan", "2026-11-20 18:00");
    t.log.push_back(status_entry("2026-11-02 10:00", "ivan", "started", "in_progress"));
    t.log.push_back(moved("2026-11-06 09:00", "2026-11-05 18:00", ""));
    t.log.push_back(moved("2026-11-07 09:00", "", "2026-11-20 18:00"));
    auto spans = timeline(t);
    REQUIRE(spans.size() == 3);
    CHECK(spans[0].status == Status::in_progress);  // same instant as creation: no empty span
    CHECK(spans[0].deadline == at("2026-11-05 18:00"));
    CHECK(spans[1].from == at("2026-11-06 09:00"));
    CHECK_FALSE(spans[1].deadline);
    CHECK(spans[2].deadline == at("2026-11-20 18:00"));
  }
  SUBCASE("reassignment starts from the first entry's old responsible and resets to new") {
    Task t = make("T-1", Status::accepted, "anna", "petr");
    t.log.push_back(status_entry("2026-11-02 11:00", "ivan", "started", "in_progress"));
    t.log.push_back(reassigned("2026-11-04 10:00", "ivan", "petr"));
    t.log.push_back(status_entry("2026-11-04 12:00", "petr", "viewed", "accepted"));
    auto spans = timeline(t);
    REQUIRE(spans.size() == 4);
    CHECK(spans[0].responsible == "ivan");
    CHECK(spans[1].responsible == "ivan");
    CHECK(spans[1].status == Status::in_progress);
    CHECK(spans[2].responsible == "petr");
    CHECK(spans[2].status == Status::new_);
    CHECK(spans[3].status == Status::accepted);
  }
  SUBCASE("entries at one instant leave no zero-length span and keep the last state") {
    Task t = make("T-1", Status::done, "anna", "ivan");
    t.log.push_back(status_entry("2026-11-02 12:00", "ivan", "started", "in_progress"));
    t.log.push_back(status_entry("2026-11-02 12:00", "ivan", "done", "review"));
    t.log.push_back(status_entry("2026-11-02 12:00", "anna", "accepted", "done"));
    auto spans = timeline(t);
    REQUIRE(spans.size() == 2);
    CHECK(spans[1].from == at("2026-11-02 12:00"));
    CHECK(spans[1].status == Status::done);
  }
  SUBCASE("a hand edit without a log entry shows in the last span") {
    Task t = make("T-1", Status::in_progress, "anna", "petr", "2026-11-30 18:00");
    t.log.push_back(status_entry("2026-11-03 10:00", "ivan", "done", "done"));
    auto spans = timeline(t);
    REQUIRE(spans.size() == 2);
    CHECK(spans[1].status == Status::in_progress);
    t.status = Status::new_;  // as if never done: the span the log made is folded away
    CHECK(timeline(t).size() == 1);
  }
  SUBCASE("a task file as written, with offsets in the log") {
    const char* text = R"(id: T-4F7KQ9MZ2A
title: Позвонить
status: in_progress
creator: anna
responsible: ivan
created: 2026-11-27T10:00:00+03:00
deadline: 2026-11-28T18:00:00+03:00
log:
  - at: 2026-11-27T11:30:00+03:00
    by: ivan
    event: started
    status: in_progress
  - at: 2026-11-27T12:00:00+03:00
    by: anna
    event: deadline
    from: 2026-11-27T15:00:00Z
    to: 2026-11-28T18:00:00+03:00
)";
    Task t = parse_task(parse_yaml(text, "tasks/2026/11/T-4F7KQ9MZ2A.yaml"), moscow());
    auto spans = timeline(t);
    REQUIRE(spans.size() == 3);
    CHECK(spans[0].deadline == at("2026-11-27 18:00"));
    CHECK(spans[1].status == Status::in_progress);
    CHECK(spans[2].from == at("2026-11-27 12:00"));
    CHECK(spans[2].deadline == at("2026-11-28 18:00"));
  }
}

TEST_CASE("core::count_for") {
  const char* wednesday = "2026-11-25 12:00";
  SUBCASE("overdue: deadline before now, active, responsible or participant") {
    Task late = make("T-1", Status::in_progress, "anna", "ivan", "2026-11-25 11:59");
    late.participants = {"petr"};
    Task exactly_now = make("T-2", Status::accepted, "anna", "ivan", wednesday);
    Task in_review = make("T-3", Status::review, "anna", "ivan", "2026-11-20 18:00");
    Task deferred = make("T-4", Status::deferred, "anna", "ivan", "2026-11-20 18:00");
    std::vector<Task> tasks{late, exactly_now, in_review, deferred};
    CHECK(count("ivan", tasks, wednesday).overdue == 1);
    CHECK(count("petr", tasks, wednesday).overdue == 1);
    CHECK(count("anna", tasks, wednesday).overdue == 0);
    CHECK(count("ivan", tasks, "2026-11-25 12:00:01").overdue == 2);
  }
  SUBCASE("new counts for the responsible only; review for the creator only") {
    Task fresh = make("T-1", Status::new_, "anna", "ivan");
    fresh.participants = {"petr"};
    Task waiting = make("T-2", Status::review, "anna", "ivan");
    waiting.observers = {"petr"};
    std::vector<Task> tasks{fresh, waiting};
    Counters ivan = count("ivan", tasks, wednesday);
    CHECK(ivan.new_ == 1);
    CHECK(ivan.review == 0);
    Counters petr = count("petr", tasks, wednesday);
    CHECK(petr.new_ + petr.review == 0);
    Counters anna = count("anna", tasks, wednesday);
    CHECK(anna.review == 1);
    CHECK(anna.total() == 1);
    CHECK(anna.login == "anna");
  }
  SUBCASE("comments by others after the person's own last entry") {
    Task t = make("T-1", Status::in_progress, "anna", "ivan");
    t.observers = {"olga"};
    t.log.push_back(entry("2026-11-03 10:00", "petr", "commented", {{"text", "раз"}}));
    t.log.push_back(status_entry("2026-11-03 11:00", "ivan", "started", "in_progress"));
    t.log.push_back(entry("2026-11-03 12:00", "petr", "commented", {{"text", "два"}}));
    t.log.push_back(entry("2026-11-03 13:00", "anna", "commented", {{"text", "три"}}));
    t.log.push_back(entry("2026-11-03 14:00", "ivan", "viewed"));
    t.log.push_back(entry("2026-11-03 15:00", "petr", "commented", {{"text", "четыре"}}));
    std::vector<Task> tasks{t};
    CHECK(count("ivan", tasks, wednesday).comments == 1);
    CHECK(count("anna", tasks, wednesday).comments == 1);
    CHECK(count("olga", tasks, wednesday).comments == 4);   // no entry of her own: all count
    CHECK(count("sasha", tasks, wednesday).comments == 0);  // not involved in the task
    CHECK(count("ivan", tasks, wednesday).total() == 1);
    tasks[0].status = Status::done;
    CHECK(count("olga", tasks, wednesday).comments == 0);
  }
  SUBCASE("due soon: up to the end of the next working day") {
    auto soon = [](std::string_view now, std::string_view deadline,
                   const WorkCalendar& calendar = {}) {
      Task t = make("T-1", Status::accepted, "anna", "ivan", deadline);
      return count("ivan", {t}, now, calendar).due_soon;
    };
    CHECK(soon(wednesday, "2026-11-25 17:00") == 1);
    CHECK(soon(wednesday, "2026-11-26 18:00") == 1);
    CHECK(soon(wednesday, "2026-11-26 18:01") == 0);
    CHECK(soon(wednesday, wednesday) == 0);  // passed now: overdue territory, not a warning
    const char* friday = "2026-11-27 17:00";
    CHECK(soon(friday, "2026-11-28 12:00") == 1);
    CHECK(soon(friday, "2026-11-30 18:00") == 1);
    CHECK(soon(friday, "2026-12-01 09:00") == 0);
    WorkCalendar holiday;
    holiday.holidays = {LocalDay{date::year{2026} / 11 / 30}};
    CHECK(soon(friday, "2026-12-01 18:00", holiday) == 1);
    CHECK(soon(friday, "2026-12-01 18:01", holiday) == 0);
    // Late on Thursday in UTC is already Friday in Moscow.
    CHECK(soon("2026-11-26T22:30:00Z", "2026-11-30 18:00") == 1);

    Task review = make("T-2", Status::review, "anna", "ivan", "2026-11-26 12:00");
    Task helping = make("T-3", Status::in_progress, "anna", "olga", "2026-11-26 12:00");
    helping.participants = {"ivan"};
    CHECK(count("ivan", {review, helping}, wednesday).due_soon == 1);
    CHECK(count("ivan", {review, helping}, wednesday).total() == 0);
  }
  SUBCASE("no deadline: open tasks the person created") {
    Task open = make("T-1", Status::deferred, "anna", "ivan");
    Task closed = make("T-2", Status::cancelled, "anna", "ivan");
    Task dated = make("T-3", Status::new_, "anna", "ivan", "2026-12-01 18:00");
    std::vector<Task> tasks{open, closed, dated};
    CHECK(count("anna", tasks, wednesday).no_deadline == 1);
    CHECK(count("ivan", tasks, wednesday).no_deadline == 0);
    CHECK(count("anna", tasks, wednesday).total() == 0);
  }
}

TEST_CASE("core::efficiency_for") {
  auto working = [](std::string id, std::string_view deadline) {
    Task t = make(std::move(id), Status::in_progress, "anna", "ivan", deadline);
    t.log.push_back(status_entry("2026-11-02 11:00", "ivan", "started", "in_progress"));
    return t;
  };
  SUBCASE("overdue then moved later is still a violation") {
    Task t = working("T-1", "2026-11-25 18:00");
    t.log.push_back(moved("2026-11-07 09:00", "2026-11-05 18:00", "2026-11-25 18:00"));
    Efficiency e = november("ivan", {t});
    CHECK(e.login == "ivan");
    CHECK(e.in_work == 1);
    CHECK(e.violations == 1);
    CHECK(e.deadline_moves == 1);
  }
  SUBCASE("moved before it passed is no violation; done exactly at the deadline neither") {
    Task t = working("T-1", "2026-11-25 18:00");
    t.log.push_back(moved("2026-11-05 17:00", "2026-11-05 18:00", "2026-11-25 18:00"));
    Task on_time = working("T-2", "2026-11-10 18:00");
    on_time.status = Status::done;
    on_time.log.push_back(status_entry("2026-11-10 18:00", "ivan", "done", "done"));
    Efficiency e = november("ivan", {t, on_time});
    CHECK(e.in_work == 2);
    CHECK(e.violations == 0);
  }
  SUBCASE("judged at now: a deadline still ahead is not yet a violation") {
    Task t = working("T-1", "2026-11-25 18:00");
    CHECK(november("ivan", {t}, "2026-11-25 18:00").violations == 0);
    CHECK(november("ivan", {t}, "2026-11-25 18:01").violations == 1);
    CHECK(november("ivan", {t}, "2027-01-10 12:00").violations == 1);
    // A task created after now has not happened yet.
    CHECK(november("ivan", {t}, "2026-11-01 12:00").in_work == 0);
  }
  SUBCASE("only tasks open at some moment of the period") {
    Task closed_before =
        make("T-1", Status::done, "anna", "ivan", "2026-10-05 18:00", "2026-10-01 10:00");
    closed_before.log.push_back(status_entry("2026-10-20 10:00", "ivan", "done", "done"));
    Task closed_in =
        make("T-2", Status::done, "anna", "ivan", "2026-10-05 18:00", "2026-10-01 10:00");
    closed_in.log.push_back(status_entry("2026-11-03 10:00", "ivan", "done", "done"));
    Task after = make("T-3", Status::new_, "anna", "ivan", "2026-12-03 18:00", "2026-12-02 10:00");
    Task deferred =
        make("T-4", Status::deferred, "anna", "ivan", "2026-10-05 18:00", "2026-10-01 10:00");
    deferred.log.push_back(status_entry("2026-10-02 10:00", "ivan", "deferred", "deferred"));
    Task deferred_in =
        make("T-5", Status::deferred, "anna", "ivan", std::nullopt, "2026-10-01 10:00");
    deferred_in.log.push_back(status_entry("2026-11-04 10:00", "ivan", "deferred", "deferred"));
    Task in_review =
        make("T-6", Status::review, "anna", "ivan", "2026-10-05 18:00", "2026-10-01 10:00");
    in_review.log.push_back(status_entry("2026-10-02 10:00", "ivan", "done", "review"));
    Efficiency e =
        november("ivan", {closed_before, closed_in, after, deferred, deferred_in, in_review},
                 "2026-12-10 12:00");
    CHECK(e.in_work == 3);     // closed_in, deferred_in and in_review
    CHECK(e.violations == 1);  // closed_in was overdue until it was done; review is not overdue
    CHECK(e.percent == 67);
  }
  SUBCASE("the creator's own tasks are excluded; participants count") {
    Task own = working("T-1", "2026-11-05 18:00");
    own.creator = "ivan";
    Task helping = make("T-2", Status::in_progress, "anna", "olga", "2026-11-05 18:00");
    helping.participants = {"ivan"};
    Efficiency e = november("ivan", {own, helping});
    CHECK(e.in_work == 1);
    CHECK(e.violations == 1);
    CHECK(november("anna", {own, helping}).in_work == 0);
    CHECK(november("olga", {own, helping}).in_work == 1);
  }
  SUBCASE("responsibility follows reassignment") {
    Task t = working("T-1", "2026-11-05 18:00");
    t.responsible = "petr";
    t.log.push_back(reassigned("2026-11-10 10:00", "ivan", "petr"));
    CHECK(november("ivan", {t}).violations == 1);
    CHECK(november("petr", {t}).violations == 1);
    Task early =
        make("T-2", Status::accepted, "anna", "petr", "2026-11-05 18:00", "2026-10-20 10:00");
    early.log.push_back(reassigned("2026-10-30 10:00", "ivan", "petr"));
    early.log.push_back(status_entry("2026-10-30 11:00", "petr", "viewed", "accepted"));
    CHECK(november("ivan", {early}).in_work == 0);
    CHECK(november("petr", {early}).violations == 1);
  }
  SUBCASE("percent rounds half up") {
    Task late1 = working("T-1", "2026-11-05 18:00");
    Task late2 = working("T-2", "2026-11-06 18:00");
    Task ok1 = working("T-3", "2026-11-30 18:00");
    Task ok2 = working("T-4", "2026-11-29 18:00");
    CHECK(november("ivan", {late1, late2, ok1}).percent == 33);
    CHECK(november("ivan", {late1, ok1, ok2}).percent == 67);
    CHECK(november("ivan", {late1, ok1}).percent == 50);
    Efficiency none = november("ivan", {});
    CHECK(none.in_work == 0);
    CHECK(none.percent == 100);
  }
  SUBCASE("deadline moves in the period on the person's tasks") {
    Task t = working("T-1", "2026-12-10 18:00");
    t.log.push_back(moved("2026-10-31 23:59", "2026-11-05 18:00", "2026-11-06 18:00"));
    t.log.push_back(moved("2026-11-01 00:00", "2026-11-06 18:00", "2026-11-07 18:00"));
    t.log.push_back(moved("2026-11-15 10:00", "2026-11-07 18:00", "2026-12-01 18:00"));
    t.log.push_back(moved("2026-12-01 00:00", "2026-12-01 18:00", "2026-12-10 18:00"));
    CHECK(november("ivan", {t}).deadline_moves == 2);
    CHECK(november("anna", {t}).deadline_moves == 0);
  }
}

TEST_CASE("core::month_period") {
  Period p = month_period("2026-11", moscow());
  CHECK(p.begin == at("2026-11-01 00:00"));
  CHECK(p.end == at("2026-12-01 00:00"));
  CHECK(month_period("2026-12", Zone::locate("UTC")).end == at("2027-01-01T00:00:00Z"));
  for (const char* bad :
       {"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11x", "", "+026-11", "2026-1a"}) {
    CAPTURE(bad);
    CHECK_THROWS_WITH_AS(month_period(bad, moscow()),
                         doctest::Contains("is not a month such as 2026-11"), Error);
  }
}

TEST_CASE("core::needing_reassignment") {
  People people;
  for (const char* login : {"ivan", "petr"}) people.list.emplace_back().login = login;
  people.list[1].active = false;
  std::vector<Task> tasks{make("T-1", Status::in_progress, "anna", "ivan"),
                          make("T-2", Status::deferred, "anna", "petr"),
                          make("T-3", Status::new_, "anna", "gone"),
                          make("T-4", Status::done, "anna", "petr")};
  auto found = needing_reassignment(tasks, people);
  REQUIRE(found.size() == 2);
  CHECK(found[0]->id == "T-2");
  CHECK(found[1]->id == "T-3");
}
