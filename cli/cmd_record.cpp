// deal, company, lead, contact: one shape of commands for the four CRM records.
#include "cli/app.hpp"
#include "cli/render.hpp"

#include "core/crm.hpp"
#include "core/error.hpp"

#include <iostream>

namespace tally::cli {

namespace {

using core::Record;
using core::RecordKind;

struct AddOptions {
  Record record;
  std::string amount, created, closed;
  std::vector<std::string> fields;
};

Value record_value(const Record& r) {
  Value v = Value::object();
  v.set("id", r.id);
  v.set("kind", std::string(core::kind_name(r.kind)));
  v.set("title", r.title);
  v.set("company", Value::text_or_null(r.company));
  v.set("contact", Value::text_or_null(r.contact));
  v.set("owner", Value::text_or_null(r.owner));
  v.set("stage", Value::text_or_null(r.stage));
  v.set("amount", r.amount ? Value(r.amount->to_string()) : Value());
  v.set("currency", Value::text_or_null(r.currency));
  v.set("created", r.created ? Value(r.created->text) : Value());
  v.set("closed", r.closed ? Value(r.closed->text) : Value());
  Value fields = Value::object();
  for (const auto& [k, val] : r.fields) fields.set(k, val);
  v.set("fields", fields);
  return v;
}

Table record_table(RecordKind kind) {
  switch (kind) {
    case RecordKind::deal:
      return Table({{"ID"}, {"TITLE"}, {"STAGE"}, {"OWNER"}, {"AMOUNT", true}, {"COMPANY"}});
    case RecordKind::lead:
      return Table({{"ID"}, {"TITLE"}, {"STAGE"}, {"OWNER"}});
    case RecordKind::contact:
      return Table({{"ID"}, {"NAME"}, {"COMPANY"}, {"OWNER"}});
    case RecordKind::company:
      break;
  }
  return Table({{"ID"}, {"TITLE"}, {"OWNER"}});
}

std::vector<std::string> record_row(const Record& r, const core::Settings& settings, bool human) {
  std::string amount = r.amount ? (human ? r.amount->to_human() : r.amount->to_string()) : "";
  std::string stage = r.stage;
  if (const core::Stage* st = settings.find_stage(r.stage); st && human) stage = st->name;
  switch (r.kind) {
    case RecordKind::deal:
      return {r.id, r.title, stage, r.owner, amount, r.company};
    case RecordKind::lead:
      return {r.id, r.title, stage, r.owner};
    case RecordKind::contact:
      return {r.id, r.title, r.company, r.owner};
    case RecordKind::company:
      break;
  }
  return {r.id, r.title, r.owner};
}

void add_record_group(CLI::App& parent, const Globals& globals, RecordKind kind) {
  std::string name(core::kind_name(kind));
  auto* group = parent.add_subcommand(name, name + " records: add, list, show");
  group->require_subcommand(1);

  auto opt = std::make_shared<AddOptions>();
  opt->record.kind = kind;
  auto* add = group->add_subcommand("add", "add a " + name);
  add->add_option("title", opt->record.title, kind == RecordKind::contact ? "full name" : "title")
      ->required();
  add->add_option("--id", opt->record.id, "the ID (keep the other CRM's ID; default: generated)");
  add->add_option("--owner", opt->record.owner, "login of the owner (default: you)");
  if (kind != RecordKind::company) add->add_option("--company", opt->record.company, "company ID");
  if (kind == RecordKind::deal || kind == RecordKind::lead) {
    add->add_option("--contact", opt->record.contact, "contact ID");
    add->add_option("--stage", opt->record.stage, "funnel stage (ID or name from tally.yaml)");
  }
  if (kind == RecordKind::deal) {
    add->add_option("--amount", opt->amount,
                    "amount: 12000000, \"12 000 000,50\" or 12,000,000.50");
    add->add_option("--currency", opt->record.currency, "currency (default: the store's)");
    add->add_option("--closed", opt->closed, "when it was won or lost (a date)");
  }
  add->add_option("--created", opt->created, "when it was created (default: now)");
  add->add_option("--field", opt->fields,
                  "an extra field KEY=VALUE, such as region=msk (repeatable)");
  add->callback([opt, &globals] {
    auto ctx = globals.context();
    Record rec = opt->record;
    if (!opt->amount.empty()) rec.amount = core::Money::parse(opt->amount);
    const auto& cal = ctx.store.settings().calendar;
    if (!opt->created.empty())
      rec.created = core::Stamp::make(
          core::parse_when(opt->created, ctx.now, ctx.store.zone(), cal), ctx.store.zone());
    if (!opt->closed.empty())
      rec.closed = core::Stamp::make(core::parse_when(opt->closed, ctx.now, ctx.store.zone(), cal),
                                     ctx.store.zone());
    for (const auto& f : opt->fields) {
      auto eq = f.find('=');
      if (eq == std::string::npos || eq == 0)
        throw core::Error("--field wants KEY=VALUE, not '{}'", f)
            .hint("such as --field region=msk");
      rec.fields.emplace_back(f.substr(0, eq), f.substr(eq + 1));
    }
    Record added = core::add_record(ctx, rec);
    std::cout << "added " << core::kind_name(added.kind) << " " << added.id << " — " << added.title
              << "\n";
  });

  auto format = std::make_shared<std::string>("table");
  auto owner = std::make_shared<std::string>();
  auto* list = group->add_subcommand("list", "list " + std::string(core::kind_folder(kind)));
  list->add_option("--owner", *owner, "only those owned by this login");
  list->add_option("--format", *format, "table, json, csv or yaml")
      ->check(CLI::IsMember(listing_formats));
  list->callback([format, owner, kind, &globals] {
    auto ctx = globals.reading_context();
    if (!owner->empty()) ctx.store.people().require(*owner);
    Format f = parse_format(*format);
    Table table = record_table(kind);
    Value value = Value::list();
    for (const auto& r : ctx.store.load_records(kind)) {
      if (!owner->empty() && r.owner != *owner) continue;
      table.add(record_row(r, ctx.store.settings(), f == Format::table));
      value.push(record_value(r));
    }
    print_listing(std::cout, f, table, value, globals.raw);
  });

  auto id = std::make_shared<std::string>();
  auto show_format = std::make_shared<std::string>("table");
  auto* show = group->add_subcommand("show", "show one " + name);
  show->add_option("id", *id, "its ID (a unique prefix is enough)")->required();
  show->add_option("--format", *show_format, "table, json, csv or yaml")
      ->check(CLI::IsMember(listing_formats));
  show->callback([id, show_format, kind, &globals] {
    auto ctx = globals.context();
    Record r = core::resolve_record(ctx.store, kind, *id);
    Table table({{"FIELD"}, {"VALUE"}});
    table.add({"id", r.id});
    table.add({"title", r.title});
    if (!r.company.empty()) table.add({"company", r.company});
    if (!r.contact.empty()) table.add({"contact", r.contact});
    table.add({"owner", r.owner});
    if (!r.stage.empty()) {
      const core::Stage* st = ctx.store.settings().find_stage(r.stage);
      table.add({"stage", st && st->name != st->id ? r.stage + " (" + st->name + ")" : r.stage});
    }
    if (r.amount) table.add({"amount", r.amount->to_human() + " " + r.currency});
    if (r.created) table.add({"created", core::format_human(r.created->at, ctx.store.zone())});
    if (r.closed) table.add({"closed", core::format_human(r.closed->at, ctx.store.zone())});
    for (const auto& [k, v] : r.fields) table.add({k, v});
    print_listing(std::cout, parse_format(*show_format), table, record_value(r), globals.raw);
  });
}

}  // namespace

void add_deal(CLI::App& parent, const Globals& globals) {
  add_record_group(parent, globals, RecordKind::deal);
}
void add_company(CLI::App& parent, const Globals& globals) {
  add_record_group(parent, globals, RecordKind::company);
}
void add_lead(CLI::App& parent, const Globals& globals) {
  add_record_group(parent, globals, RecordKind::lead);
}
void add_contact(CLI::App& parent, const Globals& globals) {
  add_record_group(parent, globals, RecordKind::contact);
}

}  // namespace tally::cli
