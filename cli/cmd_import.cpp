// import and export: CRM records from another CRM's CSV export, and the store's
// records and tasks out as CSV or JSON.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/task_view.hpp"

#include "core/error.hpp"
#include "core/export.hpp"
#include "core/import.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <filesystem>

#include <iostream>

namespace tally::cli {

namespace {

const std::vector<std::string> import_kinds{"deals", "companies", "contacts", "leads"};

core::RecordKind kind_of_folder(const std::string& name) {
  for (auto k : core::all_record_kinds)
    if (core::kind_folder(k) == name) return k;
  throw core::Error("unknown kind '{}'", name);
}

struct ImportOptions {
  std::string kind, file, map, format = "table";
  bool dry_run = false, add_people = false;
};

std::string shown_delimiter(char d) {
  return d == '\t' ? "tab" : std::string("'") + d + "'";
}

std::string where(const core::ImportReport::Rejected& r) {
  std::string s = r.end_line > r.line ? fmt::format("lines {}-{}", r.line, r.end_line)
                                      : fmt::format("line {}", r.line);
  return r.id.empty() ? s : s + ", ID " + r.id;
}

Value report_value(const core::ImportReport& r, bool dry_run) {
  Value v = Value::object();
  v.set("encoding", r.encoding);
  v.set("delimiter", std::string(1, r.delimiter));
  v.set("rows", static_cast<std::int64_t>(r.rows));
  v.set("repeated", static_cast<std::int64_t>(r.repeated));
  v.set("added", static_cast<std::int64_t>(r.added));
  v.set("updated", static_cast<std::int64_t>(r.updated));
  v.set("unchanged", static_cast<std::int64_t>(r.unchanged));
  v.set("rejected", static_cast<std::int64_t>(r.rejected_count));
  v.set("stage_changes", static_cast<std::int64_t>(r.stage_changes));
  Value rejects = Value::list();
  for (const auto& x : r.rejected) {
    Value item = Value::object();
    item.set("line", static_cast<std::int64_t>(x.line));
    item.set("end_line", static_cast<std::int64_t>(x.end_line));
    item.set("id", Value::text_or_null(x.id));
    item.set("reason", x.reason);
    rejects.push(std::move(item));
  }
  v.set("rejections", std::move(rejects));
  v.set("unknown_columns", Value::strings(r.unknown_columns));
  v.set("warnings", Value::strings(r.warnings));
  Value people = Value::list();
  for (const auto& s : r.strangers) {
    Value item = Value::object();
    item.set("name", s.name);
    item.set("rows", static_cast<std::int64_t>(s.rows));
    item.set("login", Value::text_or_null(s.login));
    people.push(std::move(item));
  }
  v.set("unknown_people", std::move(people));
  v.set("dry_run", dry_run);
  v.set("written", r.written);
  return v;
}

void print_report(const core::ImportReport& r, const ImportOptions& opt) {
  std::cout << fmt::format("{}: {}, {} between values, {} row{}",
                           std::filesystem::path(opt.file).filename().string(), r.encoding,
                           shown_delimiter(r.delimiter), r.rows, r.rows == 1 ? "" : "s");
  if (r.repeated) std::cout << fmt::format(" ({} repeated for products)", r.repeated);
  std::cout << (opt.dry_run ? "; a dry run, nothing written\n" : "\n");
  Table counts({{"RESULT"}, {"RECORDS", true}, {""}});
  counts.add({"added", std::to_string(r.added), ""});
  counts.add({"updated", std::to_string(r.updated),
              r.stage_changes ? fmt::format("{} with a new stage", r.stage_changes) : ""});
  counts.add({"unchanged", std::to_string(r.unchanged), ""});
  counts.add({"rejected", std::to_string(r.rejected_count), ""});
  counts.print(std::cout);
  for (const auto& x : r.rejected)
    std::cout << "rejected: " << where(x) << ": " << x.reason << '\n';
  if (r.rejected_count > r.rejected.size())
    std::cout << fmt::format("rejected: {} more not listed\n",
                             r.rejected_count - r.rejected.size());
  if (!r.unknown_columns.empty())
    std::cout << "warning: unknown columns, not imported: " << core::join(r.unknown_columns, ", ")
              << '\n';
  for (const auto& w : r.warnings) std::cout << "warning: " << w << '\n';
  if (r.warning_count > r.warnings.size())
    std::cout << fmt::format("warning: {} more not listed\n", r.warning_count - r.warnings.size());
  std::vector<std::string> unknown, added;
  for (const auto& s : r.strangers) {
    std::string rows = fmt::format("{} row{}", s.rows, s.rows == 1 ? "" : "s");
    if (s.login.empty())
      unknown.push_back(fmt::format("{} ({})", s.name, rows));
    else
      added.push_back(fmt::format("{} ({}, {})", s.login, s.name, rows));
  }
  if (!unknown.empty())
    std::cout << "not in people.yaml: " << core::join(unknown, ", ")
              << "\nhint: add them with 'tally person add', or import again with --add-people\n";
  if (!added.empty())
    std::cout << (opt.dry_run ? "would add as inactive managers: " : "added as inactive managers: ")
              << core::join(added, ", ") << '\n';
  if (r.written)
    std::cout << r.message << '\n';
  else if (!opt.dry_run && r.added + r.updated == 0)
    std::cout << "nothing to change\n";
}

// Records as JSON: one object per row, the extra fields nested under "fields".
void print_export(const core::ExportTable& t, Format format, bool raw) {
  if (format == Format::csv) {
    std::vector<Table::Column> columns;
    for (const auto& c : t.columns) columns.push_back({c});
    Table table(columns);
    for (const auto& row : t.rows) table.add(row);
    table.print_csv(std::cout, raw);
    return;
  }
  Value list = Value::list();
  for (const auto& row : t.rows) {
    Value item = Value::object(), fields = Value::object();
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const std::string& name = t.columns[c];
      if (!name.starts_with("fields."))
        item.set(name, Value::text_or_null(row[c]));
      else if (!row[c].empty())
        fields.set(name.substr(7), row[c]);
    }
    item.set("fields", std::move(fields));
    list.push(std::move(item));
  }
  list.print_json(std::cout);
  std::cout << '\n';
}

}  // namespace

void add_import(CLI::App& parent, const Globals& globals) {
  auto opt = std::make_shared<ImportOptions>();
  auto* cmd =
      parent.add_subcommand("import", "import deals, companies, contacts or leads from CSV");
  cmd->add_option("kind", opt->kind, "deals, companies, contacts or leads")
      ->required()
      ->check(CLI::IsMember(import_kinds));
  cmd->add_option("file", opt->file, "the CSV file exported from the CRM")->required();
  cmd->add_option("--map", opt->map, "a mapping file naming another CRM's columns (YAML)");
  cmd->add_flag("--dry-run", opt->dry_run, "read and compare, write nothing");
  cmd->add_flag("--add-people", opt->add_people,
                "add responsible people missing from people.yaml as inactive managers");
  cmd->add_option("--format", opt->format, "the summary as table or json")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->callback([opt, &globals] {
    auto ctx = globals.context();
    core::ImportRequest req;
    req.kind = kind_of_folder(opt->kind);
    req.file = opt->file;
    if (!opt->map.empty()) req.map_file = opt->map;
    req.dry_run = opt->dry_run;
    req.add_people = opt->add_people;
    core::ImportReport report = core::import_records(ctx, req);
    if (opt->format == "json") {
      report_value(report, opt->dry_run).print_json(std::cout);
      std::cout << '\n';
    } else {
      print_report(report, *opt);
    }
    // Rows were rejected: the rest went in, but someone has to look.
    if (report.rejected_count > 0) throw ExitRequest{static_cast<int>(core::Exit::found)};
  });
}

void add_export(CLI::App& parent, const Globals& globals) {
  auto kind = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("csv");
  auto* cmd = parent.add_subcommand("export", "export records or tasks as CSV or JSON");
  cmd->add_option("kind", *kind, "deals, companies, contacts, leads or tasks")
      ->required()
      ->check(CLI::IsMember({"deals", "companies", "contacts", "leads", "tasks"}));
  cmd->add_option("--format", *format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
  cmd->callback([kind, format, &globals] {
    auto ctx = globals.reading_context();
    Format f = parse_format(*format);
    if (*kind == "tasks" && f == Format::json) {
      Value list = Value::list();
      auto tasks = ctx.store.load_tasks();
      std::sort(tasks.begin(), tasks.end(),
                [](const core::Task& a, const core::Task& b) { return a.id < b.id; });
      for (const auto& t : tasks) list.push(task_value(t, ctx, true));
      list.print_json(std::cout);
      std::cout << '\n';
      return;
    }
    print_export(*kind == "tasks" ? core::export_tasks(ctx.store)
                                  : core::export_records(ctx.store, kind_of_folder(*kind)),
                 f, globals.raw);
  });
}

}  // namespace tally::cli
