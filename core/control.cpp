// Counters and efficiency (SPEC section 4). Efficiency must judge what held at
// every moment of a period, not only the task's present state, so it replays
// the append-only log into spans (timeline) and reads those. The counters are
// about the present and read the task's current fields.
#include "core/control.hpp"

#include "core/error.hpp"
#include "core/lifecycle.hpp"

#include <algorithm>
#include <charconv>

namespace tally::core {

namespace {

// The part of a span that decides control: what the task was, by when, and whose.
struct State {
  Status status = Status::new_;
  std::optional<Instant> deadline;
  std::string responsible;

  bool operator==(const State&) const = default;
};

State state_of(const Span& s) {
  return {s.status, s.deadline, s.responsible};
}

void assign(Span& s, State st) {
  s.status = st.status;
  s.deadline = st.deadline;
  s.responsible = std::move(st.responsible);
}

// A deadline as written in a log entry's `from`/`to`: "" is none. Entries are
// not validated when a task is read, so a hand-broken one must not stop every
// report: it is unreadable (nullopt) and the caller keeps what it knew.
std::optional<std::optional<Instant>> logged_deadline(const std::string& text) {
  if (text.empty()) return std::optional<Instant>{};
  // Logged timestamps carry their offset; the zone only fills in a missing one.
  static const Zone utc = Zone::locate("UTC");
  try {
    return std::optional<Instant>{parse_timestamp(text, utc)};
  } catch (const Error&) {
    return std::nullopt;
  }
}

// Moves the timeline to `next` at `at`. A change at the instant the last span
// began (or earlier, in a hand-reordered log) rewrites that span instead of
// leaving a zero-length one; a span that becomes equal to its predecessor is
// folded back into it, so consecutive spans always differ.
void move_to(std::vector<Span>& spans, Instant at, State next) {
  Span& last = spans.back();
  if (state_of(last) == next) return;
  if (at > last.from) {
    last.until = at;
    Span s;
    s.from = at;
    assign(s, std::move(next));
    spans.push_back(std::move(s));
    return;
  }
  assign(last, std::move(next));
  if (spans.size() > 1 && state_of(spans[spans.size() - 2]) == state_of(last)) {
    spans.pop_back();
    spans.back().until = std::nullopt;
  }
}

bool contains(const std::vector<std::string>& list, const std::string& login) {
  return std::find(list.begin(), list.end(), login) != list.end();
}

bool is_doer(const Task& t, const std::string& login) {
  return t.responsible == login || contains(t.participants, login);
}

bool is_involved(const Task& t, const std::string& login) {
  return t.creator == login || is_doer(t, login) || contains(t.observers, login);
}

// Comments after the person's own last entry. Log order, not time: the log is append-only, so a
// comment merged in from another clone is new to the person even if its clock says earlier.
int unread_comments(const Task& t, const std::string& login) {
  int n = 0;
  for (const LogEntry& e : t.log) {
    if (e.by == login)
      n = 0;
    else if (e.event == "commented")
      ++n;
  }
  return n;
}

// The end of the first working day after the local date of `now`. A calendar
// without any working day (a broken tally.yaml) falls back to tomorrow.
Instant due_soon_limit(Instant now, const Zone& zone, const WorkCalendar& calendar) {
  LocalDay today = date::floor<date::days>(zone.to_local(now));
  LocalDay next = today + date::days{1};
  for (int i = 1; i <= 366; ++i) {
    if (calendar.is_working_day(today + date::days{i})) {
      next = today + date::days{i};
      break;
    }
  }
  return zone.to_instant(calendar.end_of_day(next));
}

// Whether the person answered for the task at any time. Exact, and cheap next
// to a timeline: efficiency for every person of a department over 100 000
// tasks must not replay every log once per person.
bool ever_doer(const Task& t, const std::string& login) {
  if (is_doer(t, login)) return true;
  return std::any_of(t.log.begin(), t.log.end(), [&](const LogEntry& e) {
    return e.event == "reassigned" && (e.get("from") == login || e.get("to") == login);
  });
}

bool in_work_status(Status s) {
  return is_active(s) || s == Status::review;
}

}  // namespace

const std::vector<CounterKind>& counter_kinds() {
  static const std::vector<CounterKind> kinds{
      {"overdue", "OVERDUE", &Counters::overdue, true},
      {"new", "NEW", &Counters::new_, true},
      {"review", "REVIEW", &Counters::review, true},
      {"comments", "COMMENTS", &Counters::comments, true},
      {"deferred", "DEFERRED", &Counters::deferred, true},
      {"total", "TOTAL", nullptr, false},
      {"due_soon", "DUE SOON", &Counters::due_soon, false},
      {"no_deadline", "NO DEADLINE", &Counters::no_deadline, false},
  };
  return kinds;
}

int counter_value(const Counters& c, const CounterKind& kind) {
  return kind.field ? c.*kind.field : c.total();
}

int Counters::total() const {
  int sum = 0;
  for (const auto& k : counter_kinds())
    if (k.in_total) sum += this->*k.field;
  return sum;
}

const CounterKind* find_counter(std::string_view key) {
  for (const auto& k : counter_kinds())
    if (key == k.key) return &k;
  return nullptr;
}

void add_counters(Counters& sum, const Counters& c) {
  for (const auto& k : counter_kinds())
    if (k.field) sum.*k.field += c.*k.field;
}

std::vector<Span> timeline(const Task& task) {
  State state{Status::new_, std::nullopt, task.responsible};
  if (task.deadline) state.deadline = task.deadline->at;
  auto first_deadline = std::find_if(task.log.begin(), task.log.end(),
                                     [](const LogEntry& e) { return e.event == "deadline"; });
  if (first_deadline != task.log.end())
    if (auto d = logged_deadline(first_deadline->get("from"))) state.deadline = *d;
  auto first_reassign = std::find_if(task.log.begin(), task.log.end(),
                                     [](const LogEntry& e) { return e.event == "reassigned"; });
  if (first_reassign != task.log.end()) state.responsible = first_reassign->get("from");

  std::vector<Span> spans(1);
  spans[0].from = task.created.at;
  assign(spans[0], state);
  for (const LogEntry& e : task.log) {
    if (e.event == "deadline") {
      if (auto d = logged_deadline(e.get("to"))) state.deadline = *d;
    } else if (e.event == "reassigned") {
      state.responsible = e.get("to");
    }
    if (auto s = parse_status(e.get("status"))) state.status = *s;
    move_to(spans, e.at.at, state);
  }

  // The file is the truth: a hand edit that left no log entry shows here, at
  // an unknown moment, so the last span takes it.
  State now{task.status, std::nullopt, task.responsible};
  if (task.deadline) now.deadline = task.deadline->at;
  move_to(spans, spans.back().from, std::move(now));
  return spans;
}

Counters count_for(const std::string& login, const std::vector<Task>& tasks, Instant now,
                   const Zone& zone, const WorkCalendar& calendar, const People& people) {
  Counters c;
  c.login = login;
  Instant soon = due_soon_limit(now, zone, calendar);
  const Person* person = people.find(login);
  for (const Task& t : tasks) {
    if (!t.recur.empty()) continue;  // a recurring task's template stands for its instances
    // Put aside is never out of sight: it waits for the creator's or the head's decision.
    if (person && awaits_decision(t, people) && decides_on(*person, t, people)) ++c.deferred;
    if (!is_open(t.status)) continue;
    bool doer = is_doer(t, login);
    if (doer && t.overdue(now)) ++c.overdue;
    if (t.responsible == login && t.status == Status::new_) ++c.new_;
    if (t.creator == login && t.status == Status::review) ++c.review;
    if (is_involved(t, login)) c.comments += unread_comments(t, login);
    if (doer && is_active(t.status) && t.deadline && t.deadline->at > now && t.deadline->at <= soon)
      ++c.due_soon;
    if (t.creator == login && !t.deadline) ++c.no_deadline;
  }
  return c;
}

Period month_period(std::string_view text, const Zone& zone) {
  auto fail = [&] { return Error("'{}' is not a month such as 2026-11", text); };
  if (text.size() != 7 || text[4] != '-') throw fail();
  int y = 0;
  unsigned m = 0;
  auto digits = [](std::string_view s, auto& out) {
    if (!std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      return false;
    return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc{};
  };
  if (!digits(text.substr(0, 4), y) || !digits(text.substr(5, 2), m) || m < 1 || m > 12)
    throw fail();
  date::year_month first{date::year{y}, date::month{m}};
  auto begin = LocalDay{date::year_month_day{first / 1}};
  auto end = LocalDay{date::year_month_day{(first + date::months{1}) / 1}};
  return {zone.to_instant(LocalTime{begin}), zone.to_instant(LocalTime{end})};
}

Efficiency efficiency_for(const std::string& login, const std::vector<Task>& tasks, Period period,
                          Instant now) {
  Efficiency e;
  e.login = login;
  // The part of the period after now has not happened yet (TALLY_NOW may lie in the past).
  Instant end = std::min(period.end, now);
  for (const Task& t : tasks) {
    if (!t.recur.empty()) continue;  // a recurring task's template stands for its instances
    if (t.responsible == login)
      for (const LogEntry& entry : t.log)
        if (entry.event == "deadline" && entry.at.at >= period.begin && entry.at.at < end)
          ++e.deadline_moves;
    if (t.creator == login || end <= period.begin || t.created.at >= end) continue;
    if (!ever_doer(t, login)) continue;
    bool participant = contains(t.participants, login);
    bool in_work = false, violated = false;
    for (const Span& s : timeline(t)) {
      Instant from = std::max(s.from, period.begin);
      Instant until = s.until ? std::min(*s.until, end) : end;
      if (from >= until) continue;
      if (!participant && s.responsible != login) continue;
      if (in_work_status(s.status)) in_work = true;
      // Overdue at some moment of [from, until): the deadline fell before its end.
      if (is_active(s.status) && s.deadline && *s.deadline < until) violated = true;
    }
    e.in_work += in_work;
    e.violations += violated;
  }
  if (e.in_work > 0) {
    int kept = std::max(0, e.in_work - e.violations);
    // Round half up in integers, so that a .5 never depends on binary floating point.
    e.percent = (200 * kept + e.in_work) / (2 * e.in_work);
  }
  return e;
}

std::vector<const Task*> needing_reassignment(const std::vector<Task>& tasks,
                                              const People& people) {
  std::vector<const Task*> out;
  for (const Task& t : tasks) {
    if (!t.recur.empty()) continue;  // a recurring task's template stands for its instances
    if (!is_open(t.status)) continue;
    const Person* p = people.find(t.responsible);
    if (!p || !p->active) out.push_back(&t);
  }
  return out;
}

}  // namespace tally::core
