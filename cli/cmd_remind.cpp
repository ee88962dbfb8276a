// tally remind, tally calendar, tally recur: what reaches people outside the
// terminal — the daily digest by e-mail, deadlines in the phone's calendar,
// and the instances of recurring tasks.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/task_view.hpp"

#include "core/error.hpp"
#include "core/fsutil.hpp"
#include "core/ical.hpp"
#include "core/mime.hpp"
#include "core/process.hpp"
#include "core/recur.hpp"
#include "core/remind.hpp"
#include "core/text.hpp"

#include <iostream>

namespace tally::cli {

namespace {

// A date without a time means the morning of that day: reminders go out before work.
core::Instant as_of(const core::Context& ctx, const std::string& text) {
  if (text.empty()) return ctx.now;
  const auto& zone = ctx.store.zone();
  const auto& cal = ctx.store.settings().calendar;
  core::Instant at = core::parse_when(text, ctx.now, zone, cal);
  auto day = date::floor<date::days>(zone.to_local(at));
  // parse_when puts a bare day at its end of work; "+4h" or "10:00" keep their moment.
  if (at != zone.to_instant(cal.end_of_day(day)) || text.find(':') != std::string::npos) return at;
  return zone.to_instant(core::LocalTime{day} + cal.day_start);
}

Value task_brief(const core::Task* t) {
  return Value::object()
      .set("id", t->id)
      .set("title", t->title)
      .set("responsible", t->responsible)
      .set("deadline", t->deadline ? Value(t->deadline->text) : Value())
      .set("link", Value::text_or_null(t->link));
}

Value digest_value(const core::Digest& d, const core::Zone& zone) {
  auto list = [](const std::vector<const core::Task*>& tasks) {
    Value v = Value::list();
    for (const core::Task* t : tasks) v.push(task_brief(t));
    return v;
  };
  Value esc = Value::list();
  for (const auto& e : d.escalations)
    esc.push(task_brief(e.task)
                 .set("working_days_late", e.working_days_late)
                 .set("deadline_moves", e.deadline_moves));
  Value counters = Value::object();
  for (const auto& k : core::counter_kinds())
    if (k.key != std::string_view("total") && k.key != std::string_view("no_deadline"))
      counters.set(k.key, counter_value(d.counters, k));
  Value missed = Value::list();
  for (const auto& m : d.missed) {
    Value days = Value::list();
    for (const auto& day : m.days) days.push(day);
    missed.push(Value::object().set("template", m.tmpl->id).set("title", m.tmpl->title).set(
        "days", days));
  }
  Value overruled = Value::list();
  for (const auto& o : d.overruled)
    overruled.push(task_brief(o.task)
                       .set("event", o.entry->event)
                       .set("at", o.entry->at.text)
                       .set("rejected", o.entry->get("rejected")));
  Value unreadable = Value::list();
  for (const auto& f : d.unreadable) unreadable.push(f);
  (void)zone;
  return Value::object()
      .set("login", d.person->login)
      .set("name", d.person->name)
      .set("email", Value::text_or_null(d.person->email))
      .set("date", core::format_date(d.day))
      .set("subject", core::digest_subject(d))
      .set("counters", counters)
      .set("overdue", list(d.overdue))
      .set("due_today", list(d.due_today))
      .set("due_soon", list(d.due_soon))
      .set("new", list(d.unseen))
      .set("to_review", list(d.to_review))
      .set("deferred", list(d.deferred))
      .set("declined", list(d.declined))
      .set("escalations", esc)
      .set("missed_recurrences", missed)
      .set("overruled", overruled)
      .set("unreadable_files", unreadable);
}

core::MailMessage message_for(const core::Digest& d, const core::Context& ctx,
                              const std::string& body) {
  const auto& s = ctx.store.settings();
  core::MailMessage m;
  m.from = {s.mail_from_name, s.mail_from};
  m.to = {d.person->name, d.person->email};
  m.subject = core::digest_subject(d);
  m.text = body;
  m.date = ctx.now;
  // Stable for the same digest, new when its content changes (a resend after a fix is not a
  // duplicate).
  m.message_id = "<" + core::format_date(d.day) + "." + d.person->login + "." +
                 core::instance_id(ctx.store.settings().name + body, d.day).substr(2) + "@tally>";
  return m;
}

void add_remind(CLI::App& parent, const Globals& globals) {
  struct Options {
    std::string date, person, format = "text", outbox, sendmail;
    bool all = false, no_recur = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand(
      "remind", "the daily digest per person: terminal, Markdown, JSON or e-mail");
  cmd->add_option("--date", opt->date,
                  "as of this day (its working morning) or moment; default: now");
  auto* person = cmd->add_option("--person", opt->person, "only this person's digest");
  cmd->add_flag("--all", opt->all, "every active person (the default)")->excludes(person);
  cmd->add_option("--format", opt->format, "text, md, json or email")
      ->check(CLI::IsMember({"text", "md", "json", "email"}));
  auto* outbox = cmd->add_option("--outbox", opt->outbox,
                                 "write one e-mail per person to DIR/<login>-<date>.eml");
  cmd->add_option("--sendmail", opt->sendmail, "pipe each e-mail to CMD (default: sendmail -t -oi)")
      ->expected(0, 1)
      ->default_str("sendmail -t -oi")
      ->excludes(outbox);
  cmd->add_flag("--no-recur", opt->no_recur,
                "do not create due instances of recurring tasks first");
  cmd->callback([opt, cmd, &globals] {
    auto ctx = globals.reading_context();
    ctx.now = as_of(ctx, opt->date);
    const auto& zone = ctx.store.zone();
    if (!opt->no_recur) {
      // Digests matter more than today's recurring tasks: a failure here (no git
      // identity under cron, a read-only clone) is reported and the digests still go out.
      try {
        core::create_due_instances(ctx, date::floor<date::days>(zone.to_local(ctx.now)));
      } catch (const core::Error& e) {
        std::cerr << "tally: warning: recurring tasks were not made: " << e.what() << "\n";
      }
    }
    const auto& people = ctx.store.people();
    std::vector<const core::Person*> who;
    if (!opt->person.empty())
      who.push_back(&people.require(opt->person));
    else
      for (const auto& p : people.list) who.push_back(&p);
    auto tasks = ctx.store.load_tasks();
    std::vector<std::string> unreadable;
    for (const auto& u : ctx.store.unreadable()) unreadable.push_back(u.message);
    auto digests =
        core::build_digests(tasks, people, who, ctx.now, zone, ctx.store.settings(), unreadable);
    std::erase_if(digests, [](const core::Digest& d) { return d.empty(); });
    bool sendmail = cmd->count("--sendmail") > 0;
    bool email = opt->format == "email" || !opt->outbox.empty() || sendmail;
    if (digests.empty()) return;  // silent: cron mails any output
    auto shorts = short_ids(ctx.store, tasks);
    if (opt->format == "json" && !email) {
      Value list = Value::list();
      for (const auto& d : digests) list.push(digest_value(d, zone));
      list.print_json(std::cout);
      return;
    }
    if (!email) {
      for (size_t i = 0; i < digests.size(); ++i) {
        std::string text = core::digest_text(digests[i], zone, shorts, ctx.now);
        if (opt->format == "md") {
          auto lines = core::split(text, '\n');
          text = "## " + lines[0] + "\n\n" + lines[1] + "\n";
          for (size_t k = 2; k < lines.size(); ++k) {
            const auto& l = lines[k];
            if (l.empty())
              text += "\n";
            else if (l.starts_with("  "))
              text += "- " + l.substr(2) + "\n";
            else
              text += "**" + l + "**\n\n";
          }
        }
        std::cout << (i ? "\n" : "") << text;
      }
      return;
    }
    std::string command = opt->sendmail.empty() ? "sendmail -t -oi" : opt->sendmail;
    int failures = 0;
    for (const auto& d : digests) {
      if (d.person->email.empty()) {
        std::cout << std::flush;  // keep stdout and stderr in the order things happened
        std::cerr << "tally: warning: " << d.person->login
                  << " has no e-mail in people.yaml; the digest was not sent\n";
        continue;
      }
      std::string message;
      try {
        message = core::render_message(
            message_for(d, ctx, core::digest_text(d, zone, shorts, ctx.now)), zone);
      } catch (const core::Error& e) {
        ++failures;  // one bad address must not keep the others' digests back
        std::cout << std::flush;
        std::cerr << "tally: error: the digest of " << d.person->login
                  << " cannot be mailed: " << e.what() << "\n";
        continue;
      }
      if (!opt->outbox.empty()) {
        auto file = std::filesystem::path(opt->outbox) /
                    (d.person->login + "-" + core::format_date(d.day) + ".eml");
        core::write_file_atomic(file, message);
        std::cout << "wrote " << file.string() << "\n";
      } else if (sendmail) {
        std::vector<std::string> argv;
        for (const auto& part : core::split(command, ' '))
          if (!part.empty()) argv.push_back(part);
        core::ProcessResult r;
        try {
          r = core::run_process(argv, ctx.store.root(), {}, message);
        } catch (const core::Error& e) {
          r.status = 127;
          r.err = e.what();
        }
        if (r.status != 0) {
          ++failures;
          std::cout << std::flush;
          std::cerr << "tally: error: " << command << " failed for " << d.person->login << " (exit "
                    << r.status << ")"
                    << (r.err.empty() ? "" : ": " + std::string(core::trim(r.err))) << "\n";
        } else {
          std::cout << "sent to " << d.person->login << " <" << d.person->email << ">\n";
        }
      } else {
        std::cout << message << "\r\n";
      }
    }
    if (failures) throw ExitRequest{static_cast<int>(core::Exit::failed)};
  });
}

void add_calendar(CLI::App& parent, const Globals& globals) {
  auto login = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto* cmd =
      parent.add_subcommand("calendar", "an iCalendar feed of a person's deadlines, for the phone");
  cmd->add_option("person", *login, "whose deadlines")->required();
  cmd->add_option("--out", *out, "write the feed to FILE (atomically) instead of standard output");
  cmd->callback([login, out, &globals] {
    auto ctx = globals.reading_context();
    const core::Person& p = ctx.store.people().require(*login);
    const auto& s = ctx.store.settings();
    std::string slug;
    for (char c : s.name) slug += c == ' ' ? '-' : c;
    std::vector<core::CalendarEvent> events;
    for (const auto& t : ctx.store.load_tasks()) {
      if (!t.recur.empty() || !t.deadline) continue;
      bool mine =
          t.responsible == p.login ||
          std::find(t.participants.begin(), t.participants.end(), p.login) != t.participants.end();
      if (!mine) continue;
      bool open = core::is_open(t.status) && t.status != core::Status::deferred;
      // A closed task stays a month as cancelled, so a subscribed calendar drops it.
      if (!open && (t.log.empty() || ctx.now - t.log.back().at.at > std::chrono::days(30)))
        continue;
      core::CalendarEvent e;
      e.uid = t.id + "@" + (slug.empty() ? "tally" : slug);
      e.summary = t.title;
      e.description = "Задача " + t.id + ", от " + t.creator +
                      (t.link.empty() ? "" : ", " + t.link) +
                      (t.description.empty() ? "" : "\n\n" + t.description);
      e.start = t.deadline->at;
      e.alarm_before = s.alarm_before;
      e.stamp = ctx.now;
      e.sequence = static_cast<int>(t.log.size());  // the log only grows: every change raises it
      e.cancelled = !open;
      events.push_back(std::move(e));
    }
    std::string feed =
        core::render_calendar(s.name + " — " + (p.name.empty() ? p.login : p.name), events);
    if (out->empty())
      std::cout << feed;
    else
      core::write_file_atomic(*out, feed);
  });
}

void add_recur(CLI::App& parent, const Globals& globals) {
  auto when = std::make_shared<std::string>();
  auto* cmd = parent.add_subcommand(
      "recur", "create the due instances of recurring tasks (remind does it too)");
  cmd->add_option("--date", *when, "up to this day (default: today)");
  cmd->callback([when, &globals] {
    auto ctx = globals.context();
    ctx.now = as_of(ctx, *when);
    const auto& zone = ctx.store.zone();
    auto made = core::create_due_instances(ctx, date::floor<date::days>(zone.to_local(ctx.now)));
    for (const auto& t : made)
      std::cout << "created " << t.id << " for " << t.responsible << ", due "
                << core::format_human(t.deadline->at, zone) << " — " << t.title << "\n";
  });
}

}  // namespace

void add_reminders(CLI::App& parent, const Globals& globals) {
  add_remind(parent, globals);
  add_calendar(parent, globals);
  add_recur(parent, globals);
}

}  // namespace tally::cli
