#include "core/crm.hpp"

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"

namespace tally::core {

Record resolve_record(const Store& store, RecordKind kind, std::string_view typed) {
  std::string id(trim(typed));
  if (auto exact = store.find_record(kind, id)) return *exact;
  if (!is_safe_record_id(id)) throw Error("'{}' is not a valid {} ID", id, kind_name(kind));
  auto ids = store.record_ids(kind);
  if (ids.empty())
    throw Error("no {} {}", kind_name(kind), id)
        .hint(fmt::format("there are no {} yet; add one with 'tally {} add'", kind_folder(kind),
                          kind_name(kind)));
  return store.require_record(kind, resolve_prefix(id, ids, std::string(kind_name(kind))));
}

Record add_record(Context& ctx, Record rec) {
  auto lock = ctx.store.lock();
  const Person& actor = ctx.actor();
  std::string kind(kind_name(rec.kind));
  rec.title = std::string(trim(rec.title));
  if (rec.title.empty() || has_control(rec.title)) throw Error("a {} needs a one-line title", kind);
  if (rec.id.empty()) {
    rec.id = new_id(kind_id_prefix(rec.kind));
  } else {
    if (!is_safe_record_id(rec.id))
      throw Error("'{}' is not a valid {} ID", rec.id, kind)
          .hint("use letters, digits, '-', '_' or '.' (at most 64), not starting with '.'");
    if (ctx.store.find_record(rec.kind, rec.id)) throw Error("{} {} already exists", kind, rec.id);
  }
  if (rec.owner.empty()) rec.owner = actor.login;
  ctx.store.people().require(rec.owner);
  if (!rec.company.empty())
    rec.company = resolve_record(ctx.store, RecordKind::company, rec.company).id;
  if (!rec.contact.empty())
    rec.contact = resolve_record(ctx.store, RecordKind::contact, rec.contact).id;
  const Settings& settings = ctx.store.settings();
  if (rec.kind == RecordKind::deal) {
    if (rec.stage.empty()) rec.stage = settings.stages.empty() ? "" : settings.stages.front().id;
    const Stage* stage = settings.find_stage(rec.stage);
    if (!stage) {
      std::vector<std::string> ids;
      for (const auto& s : settings.stages) ids.push_back(s.id);
      throw Error("unknown stage '{}'", rec.stage).hint("stages in tally.yaml: " + join(ids, ", "));
    }
    rec.stage = stage->id;
    if (rec.currency.empty()) rec.currency = settings.currency;
  }
  for (const auto& [k, v] : rec.fields) {
    if (k.empty() || has_control(k) || k.find(':') != std::string::npos)
      throw Error("'{}' is not a valid field name", k);
    if (has_control(v)) throw Error("the field {} must be one line of text", k);
  }
  if (!rec.created) rec.created = Stamp::make(ctx.now, ctx.store.zone());
  std::string message = fmt::format("{} {}: added — {}", kind, rec.id, rec.title);
  ctx.store.apply(
      {{std::string(kind_folder(rec.kind)) + "/" + rec.id + ".yaml", record_to_yaml(rec)}}, message,
      &actor, ctx.commit);
  return rec;
}

}  // namespace tally::core
