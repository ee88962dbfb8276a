// tally check: validates the whole store for CI and the pre-commit hook; with
// --fix, rewrites what is safe to rewrite and removes leftovers of interrupted writes.
#include "cli/app.hpp"
#include "cli/render.hpp"

#include "core/check.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <filesystem>
#include <iostream>

namespace tally::cli {

namespace {

namespace fs = std::filesystem;
using core::Finding;

void print_text(const core::CheckReport& report) {
  for (const auto& f : report.findings) {
    bool error = f.severity == Finding::Severity::error;
    std::cout << (error ? "error: " : "warning: ") << f.message << '\n';
    for (const auto& line : core::split(f.detail, '\n'))
      if (!line.empty()) std::cout << "  " << line << '\n';
    if (!f.hint.empty()) std::cout << "  hint: " << f.hint << '\n';
  }
  std::cout << fmt::format("checked {} files: {} error{}, {} warning{}\n", report.files,
                           report.errors(), report.errors() == 1 ? "" : "s", report.warnings(),
                           report.warnings() == 1 ? "" : "s");
}

void print_json(const core::CheckReport& report) {
  Value list = Value::list();
  for (const auto& f : report.findings) {
    Value v = Value::object();
    v.set("severity", f.severity == Finding::Severity::error ? "error" : "warning");
    v.set("file", Value::text_or_null(f.file));
    v.set("message", f.message);
    v.set("detail", Value::text_or_null(f.detail));
    v.set("hint", Value::text_or_null(f.hint));
    list.push(std::move(v));
  }
  Value out = Value::object();
  out.set("files", static_cast<std::int64_t>(report.files));
  out.set("errors", static_cast<std::int64_t>(report.errors()));
  out.set("warnings", static_cast<std::int64_t>(report.warnings()));
  out.set("findings", std::move(list));
  out.print_json(std::cout);
  std::cout << '\n';
}

// Rewrites files into canonical form and deletes temporary files of
// interrupted writes, under the writers' lock, as one commit.
void fix(const Globals& globals) {
  auto ctx = globals.context();
  auto lock = ctx.store.lock();
  std::vector<core::Change> changes;
  for (auto& [rel, text] : core::canonical_rewrites(ctx.store.root())) {
    std::cout << "rewrote " << rel << " in canonical form\n";
    changes.push_back({rel, std::move(text)});
  }
  if (!changes.empty())
    ctx.store.apply(changes,
                    fmt::format("check --fix: {} file{} rewritten in canonical form",
                                changes.size(), changes.size() == 1 ? "" : "s"),
                    nullptr, ctx.commit);
  for (const auto& rel : core::stray_temporaries(ctx.store.root())) {
    std::error_code ec;
    if (fs::remove(ctx.store.root() / rel, ec)) std::cout << "removed " << rel << '\n';
  }
}

}  // namespace

void add_check(CLI::App& parent, const Globals& globals) {
  struct Options {
    bool fix = false, strict = false;
    std::string format = "text";
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand("check", "validate the whole store (CI, pre-commit)");
  cmd->add_flag("--fix", opt->fix,
                "rewrite files in canonical form (key order, formatting) and remove temporary "
                "files of interrupted writes, then check");
  cmd->add_flag("--strict", opt->strict, "exit 1 on warnings too");
  cmd->add_option("--format", opt->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([opt, &globals] {
    if (opt->fix) fix(globals);
    fs::path root = core::Store::discover(
        globals.store ? std::optional<fs::path>(*globals.store) : std::nullopt, fs::current_path());
    core::CheckReport report = core::check_store(root);
    if (opt->format == "json")
      print_json(report);
    else
      print_text(report);
    if (!report.ok() || (opt->strict && report.warnings() > 0))
      throw ExitRequest{static_cast<int>(core::Exit::found)};
  });
}

}  // namespace tally::cli
