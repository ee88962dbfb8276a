#include "core/records.hpp"

#include "core/error.hpp"
#include "core/ids.hpp"

namespace tally::core {

std::string_view kind_name(RecordKind k) {
  switch (k) {
    case RecordKind::deal:
      return "deal";
    case RecordKind::company:
      return "company";
    case RecordKind::lead:
      return "lead";
    case RecordKind::contact:
      return "contact";
  }
  return "";
}

std::string_view kind_folder(RecordKind k) {
  switch (k) {
    case RecordKind::deal:
      return "deals";
    case RecordKind::company:
      return "companies";
    case RecordKind::lead:
      return "leads";
    case RecordKind::contact:
      return "contacts";
  }
  return "";
}

std::string_view kind_id_prefix(RecordKind k) {
  switch (k) {
    case RecordKind::deal:
      return "D-";
    case RecordKind::company:
      return "CO-";
    case RecordKind::lead:
      return "L-";
    case RecordKind::contact:
      return "CT-";
  }
  return "";
}

std::optional<RecordKind> parse_kind(std::string_view name) {
  for (auto k : all_record_kinds)
    if (kind_name(k) == name) return k;
  return std::nullopt;
}

std::optional<std::string> Record::field(std::string_view name) const {
  auto nonempty = [](const std::string& s) -> std::optional<std::string> {
    if (s.empty()) return std::nullopt;
    return s;
  };
  if (name == "id") return id;
  if (name == "title") return nonempty(title);
  if (name == "company") return nonempty(company);
  if (name == "contact") return nonempty(contact);
  if (name == "owner") return nonempty(owner);
  if (name == "stage") return nonempty(stage);
  if (name == "amount") return amount ? std::optional(amount->to_string()) : std::nullopt;
  if (name == "currency") return nonempty(currency);
  for (const auto& [k, v] : fields)
    if (k == name) return v;
  return std::nullopt;
}

Record parse_record(const YamlDoc& doc, RecordKind kind, const Zone& zone) {
  Record rec;
  rec.kind = kind;
  Problems problems;
  Reader r{doc, problems, zone};
  if (!r.is_map(doc.root, doc.path.string())) problems.throw_if_any();
  for (const auto& kv : doc.root) {
    std::string key = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    if (key == "id")
      rec.id = r.line(v, key);
    else if (key == "title")
      rec.title = r.line(v, key);
    else if (key == "company")
      rec.company = r.line(v, key);
    else if (key == "contact")
      rec.contact = r.line(v, key);
    else if (key == "owner")
      rec.owner = r.line(v, key);
    else if (key == "stage")
      rec.stage = r.line(v, key);
    else if (key == "currency")
      rec.currency = r.line(v, key);
    else if (key == "created")
      rec.created = r.stamp(v, key);
    else if (key == "closed")
      rec.closed = r.stamp(v, key);
    else if (key == "amount") {
      try {
        rec.amount = Money::parse(r.text(v, key));
      } catch (const Error& e) {
        problems.add(doc, v, e.what());
      }
    } else if (key == "log") {
      rec.log = read_log(r, v, false);
    } else if (key == "fields") {
      if (!r.is_map(v, "'fields'")) continue;
      for (const auto& f : v)
        rec.fields.emplace_back(f.first.as<std::string>(),
                                r.line(f.second, f.first.as<std::string>()));
    } else {
      rec.unknown[key] = YAML::Clone(v);
    }
  }
  std::string expected = doc.path.stem().string();
  if (rec.id.empty())
    problems.add(doc, doc.root, "the record has no 'id'");
  else if (!is_safe_file_name(rec.id))
    problems.add(doc, doc.root["id"],
                 "'id' must not hold '/', '\\', '..' or control characters, nor start with '.'");
  else if (rec.id != expected)
    problems.add(doc, doc.root["id"],
                 fmt::format("'id' is {} but the file is named {}.yaml", rec.id, expected));
  problems.throw_if_any();
  return rec;
}

std::string record_to_yaml(const Record& rec) {
  YAML::Node root(YAML::NodeType::Map);
  root["id"] = text_node(rec.id);
  put_text(root, "title", rec.title);
  put_text(root, "company", rec.company);
  put_text(root, "contact", rec.contact);
  put_text(root, "owner", rec.owner);
  put_text(root, "stage", rec.stage);
  // Quoted so that YAML readers elsewhere take it as exact text, not a binary float.
  if (rec.amount) root["amount"] = text_node(rec.amount->to_string());
  put_text(root, "currency", rec.currency);
  if (rec.created) root["created"] = rec.created->text;
  if (rec.closed) root["closed"] = rec.closed->text;
  if (!rec.fields.empty()) {
    YAML::Node f(YAML::NodeType::Map);
    for (const auto& [k, v] : rec.fields) f[k] = text_node(v);
    root["fields"] = f;
  }
  if (!rec.log.empty()) root["log"] = log_node(rec.log);
  for (const auto& kv : rec.unknown) root[kv.first] = kv.second;
  return emit_yaml(root);
}

}  // namespace tally::core
