#include "core/remind.hpp"

#include "core/lifecycle.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace tally::core {

namespace {

bool involved_as_doer(const Task& t, const std::string& login) {
  return t.responsible == login ||
         std::find(t.participants.begin(), t.participants.end(), login) != t.participants.end();
}

LocalDay day_of(Instant t, const Zone& zone) {
  return date::floor<date::days>(zone.to_local(t));
}

// Russian plural: 1 задача, 2 задачи, 5 задач; 11–14 take the third form.
const char* plural(int n, const char* one, const char* few, const char* many) {
  int d = n % 10, h = n % 100;
  if (d == 1 && h != 11) return one;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return few;
  return many;
}

std::string late_text(Instant deadline, Instant now) {
  auto hours = std::chrono::duration_cast<std::chrono::hours>(now - deadline).count();
  if (hours >= 24) return fmt::format("{} дн. {} ч", hours / 24, hours % 24);
  return fmt::format("{} ч", std::max<long>(1, hours));
}

}  // namespace

int working_days_between(Instant from, Instant to, const Zone& zone, const WorkCalendar& calendar) {
  int n = 0;
  for (LocalDay d = day_of(from, zone) + date::days{1}; d <= day_of(to, zone); d += date::days{1})
    n += calendar.is_working_day(d);
  return n;
}

namespace {

// When the previous working day's digest went out: the same moment of that day. What was logged
// since then is news today (a Monday digest tells what happened since Friday's).
Instant previous_digest(Instant now, const Zone& zone, const WorkCalendar& cal) {
  LocalDay today = day_of(now, zone);
  LocalDay prev = today - date::days{1};
  for (int i = 0; i < 366 && !cal.is_working_day(prev); ++i) prev -= date::days{1};
  return now - (today - prev);
}

// The log entry that put the task aside last (deferred or declined), or nullptr.
const LogEntry* put_aside_entry(const Task& t) {
  for (auto it = t.log.rbegin(); it != t.log.rend(); ++it)
    if (it->event == "deferred" || it->event == "declined") return &*it;
  return nullptr;
}

}  // namespace

std::vector<Digest> build_digests(const std::vector<Task>& tasks, const People& people,
                                  const std::vector<const Person*>& who, Instant now,
                                  const Zone& zone, const Settings& settings,
                                  const std::vector<std::string>& unreadable) {
  const WorkCalendar& cal = settings.calendar;
  LocalDay today = day_of(now, zone);
  LocalDay next = today + date::days{1};
  for (int i = 0; i < 366 && !cal.is_working_day(next); ++i) next += date::days{1};
  Instant end_of_today = zone.to_instant(LocalTime{today + date::days{1}});
  Instant end_of_next = zone.to_instant(cal.end_of_day(next));
  Instant since = previous_digest(now, zone, cal);

  std::vector<Digest> out;
  for (const Person* p : who) {
    if (!p->active) continue;
    Digest d;
    d.person = p;
    d.day = today;
    d.counters = count_for(p->login, tasks, now, zone, cal, people);
    if (p->role == "head") d.unreadable = unreadable;
    for (const Task& t : tasks) {
      if (!t.recur.empty()) {  // a template is not work; its instances are
        if (t.creator != p->login) continue;
        Missed m{&t, {}};
        for (const LogEntry& e : t.log)
          if (e.event == "skipped" && e.at.at > since && e.at.at <= now) {
            std::string day = e.get("day");
            if (std::find(m.days.begin(), m.days.end(), day) == m.days.end())
              m.days.push_back(day);
          }
        if (!m.days.empty()) d.missed.push_back(std::move(m));
        continue;
      }
      if (involved_as_doer(t, p->login) && is_active(t.status) && t.deadline) {
        if (t.deadline->at < now)
          d.overdue.push_back(&t);
        else if (t.deadline->at < end_of_today)
          d.due_today.push_back(&t);
        else if (t.deadline->at <= end_of_next)
          d.due_soon.push_back(&t);
        else if (t.responsible == p->login && t.status == Status::new_)
          d.unseen.push_back(&t);
      } else if (t.responsible == p->login && t.status == Status::new_) {
        d.unseen.push_back(&t);
      }
      if (t.creator == p->login && t.status == Status::review) d.to_review.push_back(&t);
      for (const LogEntry& e : t.log)
        if (e.by == p->login && !e.get("rejected").empty() && now - e.at.at < date::days{7} &&
            e.at.at <= now)
          d.overruled.push_back({&t, &e});
      if (awaits_decision(t, people) && decides_on(*p, t, people))
        (t.status == Status::declined ? d.declined : d.deferred).push_back(&t);
      // Escalation: the head learns of a task late for longer than escalate_after; one that was
      // late when it was put aside stays there while it is aside.
      bool was_late = t.overdue(now);
      if (!was_late && (t.status == Status::deferred || t.status == Status::declined) && t.deadline)
        if (const LogEntry* aside = put_aside_entry(t)) was_late = t.deadline->at < aside->at.at;
      if (p->role == "head" && t.responsible != p->login && was_late &&
          is_head_over(*p, t, people)) {
        int late = working_days_between(t.deadline->at, now, zone, cal);
        if (late > settings.escalate_after_days) {
          int moves = static_cast<int>(std::count_if(
              t.log.begin(), t.log.end(), [](const LogEntry& e) { return e.event == "deadline"; }));
          d.escalations.push_back({&t, late, moves});
        }
      }
    }
    for (auto* list :
         {&d.overdue, &d.due_today, &d.due_soon, &d.unseen, &d.to_review, &d.deferred, &d.declined})
      std::sort(list->begin(), list->end(), by_deadline);
    std::sort(
        d.escalations.begin(), d.escalations.end(),
        [&](const Escalation& a, const Escalation& b) { return by_deadline(a.task, b.task); });
    out.push_back(std::move(d));
  }
  return out;
}

std::string digest_subject(const Digest& d) {
  date::year_month_day ymd{d.day};
  std::vector<std::string> parts;
  auto add = [&](size_t n, std::string text) {
    if (n) parts.push_back(fmt::format("{} {}", n, text));
  };
  int u = static_cast<int>(d.unseen.size());
  add(d.overdue.size(), "просрочено");
  add(d.due_today.size(), "на сегодня");
  add(d.due_soon.size(), "скоро срок");
  add(d.unseen.size(), plural(u, "новая", "новые", "новых"));
  add(d.to_review.size(), plural(static_cast<int>(d.to_review.size()), "ждёт проверки",
                                 "ждут проверки", "ждут проверки"));
  add(d.deferred.size(),
      plural(static_cast<int>(d.deferred.size()), "отложена", "отложены", "отложено"));
  add(d.declined.size(),
      plural(static_cast<int>(d.declined.size()), "отклонена", "отклонены", "отклонено"));
  add(d.missed.size(), plural(static_cast<int>(d.missed.size()), "пропущено повторение",
                              "пропущены повторения", "пропущено повторений"));
  add(d.escalations.size(),
      plural(static_cast<int>(d.escalations.size()), "эскалация", "эскалации", "эскалаций"));
  add(d.overruled.size(), plural(static_cast<int>(d.overruled.size()), "действие не применено",
                                 "действия не применены", "действий не применено"));
  if (!d.unreadable.empty()) parts.push_back("файлы с ошибками");
  std::string list;
  for (size_t i = 0; i < parts.size(); ++i) list += (i ? ", " : "") + parts[i];
  return fmt::format("Задачи на {:02}.{:02}: {}", static_cast<unsigned>(ymd.day()),
                     static_cast<unsigned>(ymd.month()), list);
}

std::string digest_text(const Digest& d, const Zone& zone,
                        const std::map<std::string, std::string>& shorts, Instant now) {
  std::string out;
  const Person& p = *d.person;
  out += fmt::format("{} ({}), {}\n", p.name.empty() ? p.login : p.name, p.login,
                     format_human(now, zone));
  const Counters& c = d.counters;
  out +=
      fmt::format("просрочено {} · новых {} · на проверке {} · комментариев {} · ждут решения {} "
                  "· скоро срок {}\n",
                  c.overdue, c.new_, c.review, c.comments, c.deferred, c.due_soon);
  auto id_of = [&](const Task* t) {
    auto it = shorts.find(t->id);
    return it == shorts.end() ? t->id : it->second;
  };
  auto line = [&](const Task* t, const std::string& extra) {
    std::string due = t->deadline ? format_human(t->deadline->at, zone) : "без срока";
    std::string link = t->link.empty() ? "" : " [" + t->link + "]";
    return fmt::format("  {}  {}  {}{}{}\n", id_of(t), due, t->title, link, extra);
  };
  auto section = [&](const char* heading, const std::vector<const Task*>& list, auto extra) {
    if (list.empty()) return;
    out += fmt::format("\n{} ({}):\n", heading, list.size());
    for (const Task* t : list) out += line(t, extra(t));
  };
  auto none = [](const Task*) { return std::string(); };
  section("Просрочено", d.overdue,
          [&](const Task* t) { return ", опоздание " + late_text(t->deadline->at, now); });
  section("Срок сегодня", d.due_today, none);
  section("Срок в следующий рабочий день", d.due_soon, none);
  section("Новые, ещё не просмотрены", d.unseen, none);
  section("Ждут вашей проверки", d.to_review,
          [](const Task* t) { return ", исполнитель " + t->responsible; });
  auto aside = [](const Task* t) {
    std::string reason = put_aside_reason(*t);
    return ", " + t->responsible + (reason.empty() ? "" : ": " + reason);
  };
  section("Отложены исполнителем, ждут вашего решения", d.deferred, aside);
  section("Отклонены, ждут вашего решения", d.declined, aside);
  if (!d.escalations.empty()) {
    out += fmt::format("\nЭскалация: просрочено дольше порога ({}):\n", d.escalations.size());
    for (const auto& e : d.escalations)
      out += line(e.task, fmt::format(", {}, {} раб. дн., срок переносили {} раз",
                                      e.task->responsible, e.working_days_late, e.deadline_moves));
  }
  if (!d.missed.empty()) {
    out += fmt::format("\nПропущены повторения ({}):\n", d.missed.size());
    for (const auto& m : d.missed) {
      std::vector<std::string> days;
      for (const auto& day : m.days)
        days.push_back(day.size() == 10 ? day.substr(8, 2) + "." + day.substr(5, 2) : day);
      out += fmt::format("  {}  {}: пропущены повторения: {} (не созданы: срок уже прошёл)\n",
                         id_of(m.tmpl), m.tmpl->title, join(days, ", "));
    }
  }
  if (!d.overruled.empty()) {
    out += fmt::format("\nВаши действия не применены ({}):\n", d.overruled.size());
    for (const auto& o : d.overruled)
      out += fmt::format("  {}  {}: «{}» от {} не применено: {}\n", id_of(o.task), o.task->title,
                         o.entry->event, format_human(o.entry->at.at, zone),
                         o.entry->get("rejected"));
  }
  if (!d.unreadable.empty()) {
    out += fmt::format("\nХранилище: файлы с ошибками ({}), их задачи не вошли в сводку:\n",
                       d.unreadable.size());
    for (const auto& f : d.unreadable) out += "  " + f + "\n";
  }
  return out;
}

}  // namespace tally::core
