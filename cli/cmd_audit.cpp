// tally audit: who did what in the history, against who may (the rules of core/guard.hpp).
#include "cli/app.hpp"
#include "cli/render.hpp"

#include "core/audit.hpp"
#include "core/error.hpp"

#include <iostream>

namespace tally::cli {

void add_audit(CLI::App& parent, const Globals& globals) {
  struct Options {
    std::string range = "HEAD";
    std::string format = "table";
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand(
      "audit",
      "history against the rules: entries made for someone else, transitions not allowed, fields "
      "not as the log leads, control files changed by a non-head");
  cmd->add_option("range", opt->range,
                  "commits to read, as git rev-list takes them (default HEAD)");
  cmd->add_option("--format", opt->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->callback([opt, &globals] {
    auto ctx = globals.context();
    core::AuditReport report = core::audit(ctx.store, opt->range);
    if (opt->format == "json") {
      Value list = Value::list();
      for (const auto& f : report.findings) {
        Value v = Value::object();
        v.set("commit", f.commit);
        v.set("date", f.date);
        v.set("author", f.author);
        v.set("file", f.file);
        v.set("rule", f.rule);
        v.set("message", f.message);
        list.push(std::move(v));
      }
      Value out = Value::object();
      out.set("commits", static_cast<std::int64_t>(report.commits));
      out.set("entries", static_cast<std::int64_t>(report.entries));
      out.set("findings", std::move(list));
      out.print_json(std::cout);
      std::cout << '\n';
    } else {
      Table table({{"COMMIT"}, {"DATE"}, {"AUTHOR"}, {"FILE"}, {"RULE"}, {"PROBLEM"}});
      for (const auto& f : report.findings)
        table.add({f.commit, f.date.substr(0, 10), f.author, f.file, f.rule, f.message});
      if (!table.empty()) table.print(std::cout);
      std::cout << fmt::format("read {} commits, {} new log entries: {} problem{}\n",
                               report.commits, report.entries, report.findings.size(),
                               report.findings.size() == 1 ? "" : "s");
    }
    if (!report.findings.empty()) throw ExitRequest{static_cast<int>(core::Exit::found)};
  });
}

}  // namespace tally::cli
