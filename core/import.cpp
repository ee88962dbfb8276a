#include "core/import.hpp"

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/fsutil.hpp"
#include "core/ids.hpp"
#include "core/import_map.hpp"
#include "core/team.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <unordered_map>

namespace tally::core {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_listed_rejects = 1000;
constexpr std::size_t k_listed_warnings = 100;
constexpr std::size_t k_cols = static_cast<std::size_t>(Col::ignored) + 1;

// One line of text: runs of white space, line breaks included, become one space.
std::string one_line(std::string_view s) {
  std::string out;
  for (char c : trim(s)) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && !out.empty() && out.back() == ' ') continue;
    out += space ? ' ' : c;
  }
  return out;
}

void set_field(Record& rec, const std::string& name, const std::string& value) {
  auto it = std::find_if(rec.fields.begin(), rec.fields.end(),
                         [&](const auto& kv) { return kv.first == name; });
  if (value.empty()) {
    if (it != rec.fields.end()) rec.fields.erase(it);
  } else if (it != rec.fields.end()) {
    it->second = value;
  } else {
    rec.fields.emplace_back(name, value);
  }
}

// Records of one kind by ID and by title (a title two records share finds neither).
struct NameIndex {
  std::unordered_map<std::string, std::string> by_title;
  std::unordered_map<std::string, bool> ids;

  void add(const Record& r) {
    ids[r.id] = true;
    auto [it, fresh] = by_title.emplace(fold_title(r.title), r.id);
    if (!fresh) it->second.clear();
  }
  std::optional<std::string> find(std::string_view text) const {
    if (auto it = by_title.find(fold_title(text)); it != by_title.end() && !it->second.empty())
      return it->second;
    if (ids.count(std::string(text))) return std::string(text);
    return std::nullopt;
  }
};

// Words of a folded name in order, so that "Петров Иван" finds "Иван Петров".
std::string sorted_words(std::string_view folded) {
  auto words = split(folded, ' ');
  std::sort(words.begin(), words.end());
  return join(words, " ");
}

// Responsible people by e-mail, then full name (in either word order), then
// login, then the name in Latin letters ("Ivan Petrov" finds "Иван Петров").
struct PeopleIndex {
  std::unordered_map<std::string, std::string> by_email, by_name, by_words, by_login, by_latin;

  explicit PeopleIndex(const People& people) {
    for (const auto& p : people.list) add(p.login, p.name, p.email);
  }
  void add(const std::string& login, const std::string& name, const std::string& email) {
    by_login[login] = login;
    if (!email.empty()) by_email[fold_title(email)] = login;
    auto [a, fresh_name] = by_name.emplace(fold_title(name), login);
    if (!fresh_name) a->second.clear();
    auto [b, fresh_words] = by_words.emplace(sorted_words(fold_title(name)), login);
    if (!fresh_words) b->second.clear();
    auto [c, fresh_latin] = by_latin.emplace(latin_words(name), login);
    if (!fresh_latin) c->second.clear();
  }
  // "Пётр Сидоров" and "Sidorov Petr" alike: "petr sidorov".
  static std::string latin_words(std::string_view name) {
    std::string dotted = login_from_name(name);
    std::replace(dotted.begin(), dotted.end(), '.', ' ');
    return sorted_words(dotted);
  }
  std::optional<std::string> find(std::string_view text) const {
    std::string t = fold_title(text);
    for (const auto* m : {&by_email, &by_name, &by_login})
      if (auto it = m->find(t); it != m->end() && !it->second.empty()) return it->second;
    for (const auto& [m, key] :
         {std::pair{&by_words, sorted_words(t)}, {&by_latin, latin_words(t)}})
      if (auto it = m->find(key); it != m->end() && !it->second.empty()) return it->second;
    return std::nullopt;
  }
};

// Bitrix24's default lead statuses, in both languages, to their status IDs.
std::optional<std::string> bitrix_lead_status(std::string_view text) {
  static const std::pair<const char*, std::vector<const char*>> statuses[] = {
      {"new", {"Не обработан", "Новый", "Unassigned", "New"}},
      {"in_process", {"В работе", "In progress"}},
      {"processed", {"Обработан", "Processed"}},
      {"converted", {"Качественный лид", "Сконвертирован", "Good lead", "Converted"}},
      {"junk", {"Некачественный лид", "Junk lead", "Junk"}}};
  std::string t = fold_title(text);
  for (const auto& [id, names] : statuses)
    for (const char* n : names)
      if (fold_title(n) == t) return std::string(id);
  return std::nullopt;
}

struct Pending {
  Record rec;
  bool is_new = false;
};

class Importer {
 public:
  Importer(Context& ctx, const ImportRequest& req, ImportReport& report)
      : m_ctx(ctx), m_req(req), m_report(report), m_people(ctx.store.people()) {}

  void read();
  void write(const Person& actor);

 private:
  void open_columns(const std::vector<std::string>& header);
  void take(const CsvRow& row);
  std::string fill(const std::vector<std::string>& v, Record& rec);
  std::string fill_stage(const std::vector<std::string>& v, Record& rec);
  std::string owner_of(const std::string& text, std::string& login);
  const std::string* cell(const std::vector<std::string>& v, Col c) const {
    return m_first[static_cast<std::size_t>(c)] ? &v[*m_first[static_cast<std::size_t>(c)]]
                                                : nullptr;
  }
  void reject(const CsvRow& row, std::string id, std::string reason);
  void warn(std::string text);
  bool has_stages() const {
    return m_req.kind == RecordKind::deal || m_req.kind == RecordKind::lead;
  }

  Context& m_ctx;
  const ImportRequest& m_req;
  ImportReport& m_report;
  ImportMap m_map;
  std::array<std::optional<std::size_t>, k_cols> m_first{};
  std::vector<std::pair<std::string, std::vector<std::size_t>>> m_extras;  // field -> columns
  std::vector<std::string> m_header;
  std::unordered_map<std::string, Record> m_existing;
  NameIndex m_companies, m_contacts;
  PeopleIndex m_people;
  std::unordered_map<std::string, std::size_t> m_seen;  // ID -> line of its first row
  std::string m_last_id;
  std::unordered_map<std::string, std::size_t> m_stranger_index;  // folded name -> index
  std::vector<Pending> m_pending;
};

void Importer::reject(const CsvRow& row, std::string id, std::string reason) {
  ++m_report.rejected_count;
  if (m_report.rejected.size() < k_listed_rejects)
    m_report.rejected.push_back({row.line, row.end_line, std::move(id), std::move(reason)});
}

void Importer::warn(std::string text) {
  ++m_report.warning_count;
  if (m_report.warnings.size() < k_listed_warnings) m_report.warnings.push_back(std::move(text));
}

void Importer::open_columns(const std::vector<std::string>& header) {
  m_header = header;
  auto roles = map_columns(m_req.kind, header, m_map);
  bool any = false;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (!roles[i]) {
      m_report.unknown_columns.push_back(header[i]);
      continue;
    }
    any = true;
    if (roles[i]->col == Col::field) {
      auto it = std::find_if(m_extras.begin(), m_extras.end(),
                             [&](const auto& e) { return e.first == roles[i]->field; });
      if (it == m_extras.end()) it = m_extras.insert(m_extras.end(), {roles[i]->field, {}});
      it->second.push_back(i);
    } else if (!m_first[static_cast<std::size_t>(roles[i]->col)]) {
      m_first[static_cast<std::size_t>(roles[i]->col)] = i;
    }
  }
  std::string file = m_req.file.filename().string();
  std::string kind(kind_name(m_req.kind));
  if (!any)
    throw Error("none of the columns of {} is known for a {}", file, kind)
        .hint(fmt::format("is it an export of {}? Its columns: {}; a --map file can name them",
                          kind_folder(m_req.kind), join(header, ", ")));
  if (!m_first[static_cast<std::size_t>(Col::id)])
    throw Error("{} has no ID column", file)
        .hint("its columns: " + join(header, ", ") + "; name the ID column in a --map file");
  bool named = m_first[static_cast<std::size_t>(Col::title)] ||
               m_first[static_cast<std::size_t>(Col::first_name)] ||
               m_first[static_cast<std::size_t>(Col::last_name)];
  if (!named)
    throw Error("{} has no column with the {}'s {}", file, kind,
                m_req.kind == RecordKind::contact ? "name" : "title")
        .hint("its columns: " + join(header, ", ") + "; name it in a --map file");
}

void Importer::read() {
  if (m_req.map_file) m_map = ImportMap::load(*m_req.map_file);
  std::string file = m_req.file.filename().string();
  std::error_code ec;
  if (fs::is_directory(m_req.file, ec)) throw Error("{} is a folder, not a CSV file", file);
  std::ifstream in(m_req.file, std::ios::binary);
  if (!in) throw Error("cannot open {}: {}", m_req.file.string(), std::strerror(errno));
  CsvReader reader(in, file, CsvOptions{m_map.delimiter, m_map.encoding});
  const auto& header = reader.header();
  if (header.empty()) throw Error("{} is empty", file).hint("export the list from the CRM again");
  m_report.encoding = reader.encoding();
  m_report.delimiter = reader.delimiter();
  open_columns(header);

  for (auto& r : m_ctx.store.load_records(m_req.kind)) {
    std::string id = r.id;
    m_existing.emplace(std::move(id), std::move(r));
  }
  if (m_req.kind != RecordKind::company)
    for (const auto& r : m_ctx.store.load_records(RecordKind::company)) m_companies.add(r);
  if (m_req.kind == RecordKind::deal)
    for (const auto& r : m_ctx.store.load_records(RecordKind::contact)) m_contacts.add(r);

  CsvRow row;
  while (reader.next(row)) take(row);
}

void Importer::take(const CsvRow& row) {
  ++m_report.rows;
  if (!row.error.empty()) return reject(row, "", row.error);
  std::string id(trim(*cell(row.values, Col::id)));
  bool products = m_first[static_cast<std::size_t>(Col::product)].has_value();
  if (products && !id.empty() && id == m_last_id) {
    ++m_report.repeated;  // the same deal again, for its next product row
    return;
  }
  m_last_id = id;
  if (id.empty()) return reject(row, "", "it has no ID");
  if (!is_safe_record_id(id))
    return reject(row, id,
                  fmt::format("'{}' cannot be an ID (letters, digits, '-', '_', '.')", id));
  auto [seen, first] = m_seen.emplace(id, row.line);
  if (!first)
    return reject(row, id,
                  fmt::format("ID {} appears again (first on line {}); the first row is kept", id,
                              seen->second));
  for (std::size_t i = 0; i < row.values.size(); ++i)
    if (has_control(row.values[i], "\n\r\t"))
      return reject(row, id, fmt::format("control characters in '{}'", m_header[i]));

  auto old = m_existing.find(id);
  // Copied by construction: assigning a YAML::Node merges its memory into the
  // target's, which grows with every record and makes a long import quadratic.
  Record rec = old != m_existing.end() ? old->second : Record{};
  rec.kind = m_req.kind;
  rec.id = id;
  std::string why = fill(row.values, rec);
  if (!why.empty()) return reject(row, id, why);
  if (old == m_existing.end()) {
    ++m_report.added;
    m_pending.push_back({std::move(rec), true});
    return;
  }
  if (record_to_yaml(rec) == record_to_yaml(old->second)) {
    ++m_report.unchanged;
    return;
  }
  ++m_report.updated;
  if (has_stages() && rec.stage != old->second.stage) ++m_report.stage_changes;
  m_pending.push_back({std::move(rec), false});
}

std::string Importer::owner_of(const std::string& text, std::string& login) {
  if (auto known = m_people.find(text)) {
    login = *known;
    return {};
  }
  std::string key = fold_title(text);
  auto [it, fresh] = m_stranger_index.emplace(key, m_report.strangers.size());
  if (fresh) {
    ImportReport::Stranger s{text, 0, ""};
    if (m_req.add_people) {
      std::string base = text.find('@') != std::string::npos
                             ? login_from_name(text.substr(0, text.find('@')))
                             : login_from_name(text);
      if (!is_valid_login(base)) base = "person";
      s.login = base;
      for (int n = 2; m_people.by_login.count(s.login); ++n) s.login = base + std::to_string(n);
      m_people.add(s.login, text, "");
    }
    m_report.strangers.push_back(s);
  }
  auto& stranger = m_report.strangers[it->second];
  ++stranger.rows;
  if (stranger.login.empty())
    return fmt::format("the responsible '{}' is not in people.yaml", text);
  login = stranger.login;
  return {};
}

std::string Importer::fill_stage(const std::vector<std::string>& v, Record& rec) {
  const auto* text = cell(v, Col::stage);
  const auto* group_text = cell(v, Col::status);
  if (!text && !group_text) return {};
  std::string name = text ? one_line(*text) : "";
  std::optional<std::string> mapped;
  for (const auto& [theirs, ours] : m_map.stages)
    if (fold_title(theirs) == fold_title(name)) mapped = ours;
  if (m_req.kind == RecordKind::lead) {
    if (!mapped) mapped = bitrix_lead_status(name);
    rec.stage = mapped ? *mapped : name;
    return {};
  }
  const Settings& settings = m_ctx.store.settings();
  const Stage* stage = nullptr;
  auto by_id = [&](const std::string& id) -> const Stage* {
    for (const auto& s : settings.stages)
      if (s.id == id) return &s;
    return nullptr;
  };
  if (mapped) {
    stage = by_id(*mapped);
    if (!stage)
      return fmt::format("the map sends stage '{}' to '{}', which tally.yaml lacks", name, *mapped);
  }
  for (std::size_t i = 0; !stage && i < settings.stages.size(); ++i)
    if (fold_title(settings.stages[i].name) == fold_title(name) ||
        fold_title(settings.stages[i].id) == fold_title(name))
      stage = &settings.stages[i];
  if (!stage)
    if (auto english = bitrix_english_stage(name)) stage = by_id(*english);
  std::optional<std::string> group;
  if (group_text) {
    group = stage_group(*group_text);
    if (!group)
      return fmt::format("unknown stage group '{}' (in progress, won or lost)",
                         one_line(*group_text));
  }
  if (group && !group->empty() && (!stage || stage->outcome != *group)) {
    stage = nullptr;
    for (const auto& s : settings.stages)
      if (s.outcome == *group && !stage) stage = &s;
    if (!stage) return fmt::format("tally.yaml has no stage with the outcome {}", *group);
  }
  if (!stage && name.empty()) {
    if (!rec.stage.empty()) return {};
    if (settings.stages.empty()) return "tally.yaml has no stages";
    stage = &settings.stages.front();
  }
  if (!stage)
    return fmt::format(
        "unknown stage '{}'; add it to tally.yaml or name it under stages: in a --map file", name);
  rec.stage = stage->id;
  return {};
}

std::string Importer::fill(const std::vector<std::string>& v, Record& rec) {
  const Settings& settings = m_ctx.store.settings();
  const Zone& zone = m_ctx.store.zone();
  if (const auto* t = cell(v, Col::title)) rec.title = one_line(*t);
  if (rec.title.empty() || !cell(v, Col::title)) {
    std::vector<std::string> parts;
    for (Col c : {Col::first_name, Col::middle_name, Col::last_name})
      if (const auto* p = cell(v, c); p && !one_line(*p).empty()) parts.push_back(one_line(*p));
    if (!parts.empty()) rec.title = join(parts, " ");
  }
  if (rec.title.empty())
    return m_req.kind == RecordKind::contact ? "it has no name" : "it has no title";
  if (const auto* o = cell(v, Col::owner)) {
    std::string text = one_line(*o);
    rec.owner.clear();
    if (!text.empty())
      if (auto why = owner_of(text, rec.owner); !why.empty()) return why;
  }
  auto link = [&](Col col, const NameIndex& index, std::string& target, const char* name_field) {
    const auto* c = cell(v, col);
    if (!c) return;
    std::string text = one_line(*c);
    auto found = text.empty() ? std::nullopt : index.find(text);
    target = found ? *found : "";
    // A fields.company_name column of our own export sets the field itself.
    bool explicit_field = std::any_of(m_extras.begin(), m_extras.end(),
                                      [&](const auto& e) { return e.first == name_field; });
    if (!explicit_field) set_field(rec, name_field, found ? "" : text);
  };
  if (m_req.kind != RecordKind::company)
    link(Col::company, m_companies, rec.company, "company_name");
  if (m_req.kind == RecordKind::deal) link(Col::contact, m_contacts, rec.contact, "contact_name");
  if (const auto* a = cell(v, Col::amount)) {
    std::string text = one_line(*a);
    rec.amount.reset();
    try {
      if (!text.empty()) rec.amount = Money::parse(text);
    } catch (const Error& e) {
      return e.what();
    }
  }
  if (const auto* c = cell(v, Col::currency)) {
    std::string text = one_line(*c);
    rec.currency.clear();
    if (!text.empty()) {
      auto code = currency_code(text, m_map);
      if (!code)
        return fmt::format("unknown currency '{}'; name it under currencies: in a --map file",
                           text);
      rec.currency = *code;
    }
  }
  if (rec.amount && rec.currency.empty()) rec.currency = settings.currency;
  auto stamp = [&](Col col, std::optional<Stamp>& target) -> std::string {
    const auto* c = cell(v, col);
    if (!c) return {};
    std::string text = one_line(*c);
    if (text.empty()) {
      target.reset();
      return {};
    }
    try {
      Instant t = parse_export_time(text, zone, m_map.day_first_slash);
      if (!target || target->at != t) target = Stamp::make(t, zone);
    } catch (const Error& e) {
      return fmt::format("{} in '{}'", e.what(), m_header[*m_first[static_cast<std::size_t>(col)]]);
    }
    return {};
  };
  if (auto why = stamp(Col::created, rec.created); !why.empty()) return why;
  if (has_stages())
    if (auto why = fill_stage(v, rec); !why.empty()) return why;
  if (m_req.kind == RecordKind::deal && cell(v, Col::closed)) {
    const Stage* stage = settings.find_stage(rec.stage);
    std::string outcome = stage ? stage->outcome : "";
    if (auto why = stamp(Col::closed, rec.closed); !why.empty()) return why;
    // An open deal is not closed yet: its expected close date is no close.
    if (outcome.empty()) rec.closed.reset();
    if (outcome == "won" && rec.closed && rec.closed->at > m_ctx.now)
      warn(
          fmt::format("deal {} is won but closes on {}, in the future (Bitrix24 fills the close "
                      "date with creation + 7 days)",
                      rec.id, format_human(rec.closed->at, zone)));
  }
  for (const auto& [field, columns] : m_extras) {
    std::string value;
    for (std::size_t i : columns)
      if (value.empty()) value = one_line(v[i]);
    set_field(rec, field, value);
  }
  return {};
}

void Importer::write(const Person& actor) {
  std::vector<const ImportReport::Stranger*> newcomers;
  for (const auto& s : m_report.strangers)
    if (!s.login.empty()) newcomers.push_back(&s);
  if (m_pending.empty() && newcomers.empty()) return;
  const fs::path people_file = m_ctx.store.root() / "people.yaml";
  std::optional<std::string> people_before;
  if (fs::exists(people_file)) people_before = read_file(people_file);
  auto restore_people = [&] {
    if (newcomers.empty()) return;
    std::error_code ec;
    if (people_before)
      write_file_atomic(people_file, *people_before);
    else
      fs::remove(people_file, ec);
  };
  try {
    // add_person checks who may add people and writes people.yaml; the commit is ours.
    bool commit = m_ctx.commit;
    m_ctx.commit = false;
    for (const auto* s : newcomers) {
      Person p;
      p.login = s->login;
      p.name = s->name;
      p.role = "manager";
      p.active = false;
      add_person(m_ctx, p);
    }
    m_ctx.commit = commit;
    auto lock = m_ctx.store.lock();
    std::vector<Change> changes;
    Stamp now = Stamp::make(m_ctx.now, m_ctx.store.zone());
    std::string folder(kind_folder(m_req.kind));
    for (auto& p : m_pending) {
      // The file as it is now, with its log and unknown keys (the parsed-record
      // cache keeps no log); the import sets only the values that a file can hold.
      auto fresh = m_ctx.store.find_record(m_req.kind, p.rec.id);
      std::string before = fresh ? record_to_yaml(*fresh) : "";
      Record rec = fresh ? std::move(*fresh) : std::move(p.rec);
      std::string old_stage = rec.stage;
      if (fresh) {
        rec.title = std::move(p.rec.title);
        rec.company = std::move(p.rec.company);
        rec.contact = std::move(p.rec.contact);
        rec.owner = std::move(p.rec.owner);
        rec.stage = std::move(p.rec.stage);
        rec.amount = p.rec.amount;
        rec.currency = std::move(p.rec.currency);
        rec.created = std::move(p.rec.created);
        rec.closed = std::move(p.rec.closed);
        rec.fields = std::move(p.rec.fields);
      }
      if (has_stages() && (!fresh || old_stage != rec.stage)) {
        LogEntry e{now, actor.login, fresh ? "stage" : "imported", {}};
        if (fresh) e.data.emplace_back("from", text_node(old_stage));
        e.data.emplace_back(fresh ? "to" : "stage", text_node(rec.stage));
        rec.log.push_back(std::move(e));
      }
      std::string text = record_to_yaml(rec);
      if (fresh && text == before) continue;
      changes.push_back({folder + "/" + rec.id + ".yaml", std::move(text)});
    }
    if (!newcomers.empty()) changes.push_back({"people.yaml", read_file(people_file)});
    std::string message =
        fmt::format("import {} from {}: {} added, {} updated", folder,
                    m_req.file.filename().string(), m_report.added, m_report.updated);
    if (m_report.stage_changes)
      message += fmt::format(", {} stage change{}", m_report.stage_changes,
                             m_report.stage_changes == 1 ? "" : "s");
    if (!newcomers.empty())
      message += fmt::format(", {} {} added to people.yaml", newcomers.size(),
                             newcomers.size() == 1 ? "person" : "people");
    m_ctx.store.apply(changes, message, &actor, m_ctx.commit);
    m_report.written = true;
    m_report.message = message;
  } catch (...) {
    restore_people();
    throw;
  }
}

}  // namespace

ImportReport import_records(Context& ctx, const ImportRequest& request) {
  ImportReport report;
  // Who acts is settled before reading a large file; a dry run needs nobody.
  std::optional<Person> actor;
  if (!request.dry_run) actor = ctx.actor();
  Importer importer(ctx, request, report);
  importer.read();
  if (!request.dry_run) importer.write(*actor);
  return report;
}

}  // namespace tally::core
