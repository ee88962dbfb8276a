#include "core/import_map.hpp"

#include "core/error.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <charconv>

namespace tally::core {

namespace {

// Which kinds a built-in title applies to.
enum : unsigned { D = 1, C = 2, T = 4, L = 8, ALL = D | C | T | L };

unsigned kind_bit(RecordKind k) {
  switch (k) {
    case RecordKind::deal:
      return D;
    case RecordKind::company:
      return C;
    case RecordKind::contact:
      return T;
    case RecordKind::lead:
      return L;
  }
  return 0;
}

struct Known {
  unsigned kinds;
  Col col;
  const char* field;  // for Col::field
  std::vector<const char*> titles;
};

// Bitrix24's column titles (Russian and English interface), plus our own
// names so that `tally export` output imports back.
const std::vector<Known>& known_columns() {
  static const std::vector<Known> table{
      {ALL, Col::id, "", {"ID", "id"}},
      {D,
       Col::title,
       "",
       {"Название сделки", "Название", "Сделка", "Deal name", "Deal", "Name", "title"}},
      {C,
       Col::title,
       "",
       {"Название компании", "Название", "Компания", "Company name", "Company", "Name", "title"}},
      {T, Col::title, "", {"ФИО", "Полное имя", "Контакт", "Full name", "Contact", "title"}},
      {L, Col::title, "", {"Название лида", "Название", "Лид", "Lead name", "Lead", "title"}},
      {D, Col::stage, "", {"Стадия сделки", "Стадия", "Stage", "Deal stage", "stage"}},
      {L,
       Col::stage,
       "",
       {"Статус", "Статус лида", "Стадия", "Status", "Lead status", "Stage", "stage"}},
      {D,
       Col::status,
       "",
       {"Группа стадий", "Статус сделки", "Deal status", "Stage group", "status"}},
      {D | L,
       Col::amount,
       "",
       {"Сумма", "Сумма сделки", "Возможная сумма", "Amount", "Income", "Opportunity", "amount"}},
      {D | L, Col::currency, "", {"Валюта", "Currency", "currency"}},
      {ALL, Col::owner, "", {"Ответственный", "Responsible", "Responsible person", "owner"}},
      {D | T, Col::company, "", {"Компания", "Company", "company"}},
      {L, Col::company, "", {"Название компании", "Company name", "company"}},
      {D, Col::contact, "", {"Контакт", "Contact", "contact"}},
      {ALL,
       Col::created,
       "",
       {"Дата создания", "Создана", "Создан", "Created", "Date created", "created"}},
      {D,
       Col::closed,
       "",
       {"Предполагаемая дата закрытия", "Дата закрытия", "Assumed close date", "Closing date",
        "Close date", "Estimated close date", "closed"}},
      {T | L, Col::first_name, "", {"Имя", "First name", "Name"}},
      {T | L, Col::last_name, "", {"Фамилия", "Last name"}},
      {T | L, Col::middle_name, "", {"Отчество", "Second name", "Middle name"}},
      {D, Col::product, "", {"Товар", "Товары", "Product", "Products"}},
      {ALL, Col::field, "source", {"Источник", "Source"}},
      {D, Col::field, "type", {"Тип", "Тип сделки", "Type", "Deal type"}},
      {C, Col::field, "type", {"Тип компании", "Тип", "Company type", "Type"}},
      {D, Col::field, "pipeline", {"Воронка", "Направление", "Pipeline"}},
      {D | L, Col::field, "probability", {"Вероятность", "Probability"}},
      {ALL, Col::field, "region", {"Регион", "Region"}},
      {ALL, Col::field, "segment", {"Сегмент", "Segment"}},
      {ALL, Col::field, "city", {"Город", "City"}},
      {C | T | L,
       Col::field,
       "phone",
       {"Телефон", "Рабочий телефон", "Мобильный телефон", "Phone", "Work phone", "Mobile phone"}},
      {C | T | L, Col::field, "email", {"E-mail", "Email", "Рабочий e-mail", "Work e-mail"}},
      {C | L,
       Col::field,
       "website",
       {"Сайт", "Корпоративный сайт", "Website", "Corporate website"}},
      {C, Col::field, "industry", {"Сфера деятельности", "Industry"}},
      {C, Col::field, "inn", {"ИНН", "INN", "TIN"}},
      {T | L, Col::field, "position", {"Должность", "Position"}},
      {ALL, Col::field, "comment", {"Комментарий", "Comment", "Comments"}},
      {ALL,
       Col::ignored,
       "",
       {"Дата изменения",
        "Изменена",
        "Изменен",
        "Modified",
        "Date modified",
        "Кем создана",
        "Кем создан",
        "Created by",
        "Кем изменена",
        "Кем изменен",
        "Modified by",
        "Цена",
        "Price",
        "Количество",
        "Quantity",
        "Доступна для всех",
        "Доступен для всех",
        "Available to everyone",
        "Дата начала",
        "Start date",
        "Закрыта",
        "Closed",
        "Повторная сделка",
        "Repeat deal",
        "Повторный лид",
        "Repeat lead",
        "Наблюдатели",
        "Observers"}},
  };
  return table;
}

std::optional<ColumnRole> role_of_name(std::string_view name) {
  static const std::pair<const char*, Col> names[] = {{"id", Col::id},
                                                      {"title", Col::title},
                                                      {"stage", Col::stage},
                                                      {"status", Col::status},
                                                      {"amount", Col::amount},
                                                      {"currency", Col::currency},
                                                      {"owner", Col::owner},
                                                      {"company", Col::company},
                                                      {"contact", Col::contact},
                                                      {"created", Col::created},
                                                      {"closed", Col::closed},
                                                      {"first_name", Col::first_name},
                                                      {"last_name", Col::last_name},
                                                      {"middle_name", Col::middle_name},
                                                      {"product", Col::product},
                                                      {"ignore", Col::ignored}};
  for (const auto& [n, col] : names)
    if (name == n) return ColumnRole{col, ""};
  if (name.starts_with("fields.") && name.size() > 7 && !has_control(name) &&
      name.find(':') == std::string_view::npos)
    return ColumnRole{Col::field, std::string(name.substr(7))};
  return std::nullopt;
}

// Pairs of a map that is either {key: text} or {key: [text, ...]}.
void read_pairs(const YamlDoc& doc, Reader& r, const YAML::Node& node, std::string_view what,
                std::vector<std::pair<std::string, std::string>>& out) {
  if (!r.is_map(node, what)) return;
  for (const auto& kv : node) {
    std::string key = kv.first.Scalar();
    if (kv.second.IsSequence()) {
      for (const auto& item : kv.second) out.emplace_back(key, r.line(item, key));
    } else if (kv.second.IsScalar()) {
      out.emplace_back(key, r.line(kv.second, key));
    } else {
      r.problems.add(doc, kv.second,
                     fmt::format("'{}' wants a column title or a list of them", key));
    }
  }
}

}  // namespace

std::string fold_title(std::string_view title) {
  std::string s;
  for (std::int32_t cp : code_points(to_lower(title))) {
    if (cp == 0x451) cp = 0x435;  // ё -> е
    if (cp == 0xA0 || cp == 0x202F || cp == '\t') cp = ' ';
    if (cp == ' ' && (s.empty() || s.back() == ' ')) continue;
    append_utf8(s, cp);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == ':' || s.back() == '*')) s.pop_back();
  return s;
}

ImportMap ImportMap::load(const std::filesystem::path& file) {
  YamlDoc doc = load_yaml_file(file, file);
  ImportMap map;
  Problems problems;
  Zone utc = Zone::locate("UTC");
  Reader r{doc, problems, utc};
  if (!r.is_map(doc.root, "a mapping file")) problems.throw_if_any();
  for (const auto& kv : doc.root) {
    std::string key = kv.first.Scalar();
    const YAML::Node& v = kv.second;
    if (key == "columns") {
      read_pairs(doc, r, v, "'columns'", map.columns);
      if (v.IsMap())
        for (const auto& c : v)
          if (!role_of_name(c.first.Scalar()))
            problems.add(doc, c.first,
                         fmt::format("unknown field '{}'; fields are id, title, stage, status, "
                                     "amount, currency, owner, company, contact, created, closed, "
                                     "first_name, last_name, middle_name, product, ignore and "
                                     "fields.NAME",
                                     c.first.Scalar()));
    } else if (key == "delimiter") {
      std::string d = r.text(v, key);
      if (d == "tab") d = "\t";
      if (d != ";" && d != "," && d != "\t")
        problems.add(doc, v, "'delimiter' is ';', ',' or tab");
      else
        map.delimiter = d[0];
    } else if (key == "encoding") {
      map.encoding = r.line(v, key);
    } else if (key == "dates") {
      std::string order = r.line(v, key);
      if (order != "dd/mm/yyyy" && order != "mm/dd/yyyy")
        problems.add(doc, v, "'dates' is dd/mm/yyyy or mm/dd/yyyy (for dates with slashes)");
      map.day_first_slash = order == "dd/mm/yyyy";
    } else if (key == "stages") {
      read_pairs(doc, r, v, "'stages'", map.stages);
    } else if (key == "currencies") {
      read_pairs(doc, r, v, "'currencies'", map.currencies);
    } else {
      problems.add(doc, kv.first,
                   fmt::format("unknown key '{}'; a mapping file has columns, delimiter, "
                               "encoding, dates, stages and currencies",
                               key));
    }
  }
  problems.throw_if_any();
  return map;
}

std::vector<std::optional<ColumnRole>> map_columns(RecordKind kind,
                                                   const std::vector<std::string>& header,
                                                   const ImportMap& map) {
  std::vector<std::optional<ColumnRole>> roles(header.size());
  for (size_t i = 0; i < header.size(); ++i) {
    std::string title = fold_title(header[i]);
    for (const auto& [name, theirs] : map.columns)
      if (fold_title(theirs) == title) {
        roles[i] = role_of_name(name);
        break;
      }
    if (roles[i]) continue;
    if (auto own = role_of_name(header[i]); own && own->col == Col::field) {
      roles[i] = own;
      continue;
    }
    for (const auto& k : known_columns()) {
      if (!(k.kinds & kind_bit(kind))) continue;
      for (const char* t : k.titles)
        if (fold_title(t) == title) roles[i] = ColumnRole{k.col, k.field};
      if (roles[i]) break;
    }
  }
  return roles;
}

Instant parse_export_time(std::string_view text, const Zone& zone, bool day_first_slash) {
  std::string s(trim(text));
  auto bad = [&]() {
    return Error("cannot read the date '{}'", s)
        .hint("dates are dd.mm.yyyy [hh:mm[:ss]], mm/dd/yyyy [hh:mm[:ss] am|pm] or ISO");
  };
  if (s.size() >= 10 && s[4] == '-') {
    try {
      if (s.size() == 10) return zone.to_instant(LocalTime{parse_iso_day(s)});
      return parse_timestamp(s, zone);
    } catch (const Error&) {
      throw bad();
    }
  }
  // Numbers and separators: d.m.y or m/d/y, then h:m[:s], then am/pm.
  std::vector<int> n;
  std::string word;
  char date_sep = 0;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      int v = 0;
      auto [p, ec] = std::from_chars(s.data() + i, s.data() + s.size(), v);
      if (ec != std::errc{} || p - (s.data() + i) > 4) throw bad();
      i = static_cast<size_t>(p - s.data());
      n.push_back(v);
    } else if ((c == '.' || c == '/') && n.size() < 3) {
      if (date_sep && date_sep != c) throw bad();
      date_sep = c;
      ++i;
    } else if (c == ':' && n.size() >= 3) {
      ++i;
    } else if (c == ' ') {
      ++i;
    } else {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      ++i;
    }
  }
  if (n.size() < 3 || n.size() == 4 || n.size() > 6 || !date_sep) throw bad();
  if (!word.empty() && word != "am" && word != "pm") throw bad();
  bool month_first = date_sep == '/' && !day_first_slash;
  int day = month_first ? n[1] : n[0], month = month_first ? n[0] : n[1], year = n[2];
  int hour = n.size() > 3 ? n[3] : 0, minute = n.size() > 4 ? n[4] : 0;
  int second = n.size() > 5 ? n[5] : 0;
  if (!word.empty()) {
    if (n.size() < 5 || hour < 1 || hour > 12) throw bad();
    hour = hour % 12 + (word == "pm" ? 12 : 0);
  }
  date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                           date::day{static_cast<unsigned>(day)}};
  if (year < 1900 || !ymd.ok() || hour > 23 || minute > 59 || second > 59) throw bad();
  LocalTime t = LocalTime{LocalDay{ymd}} + std::chrono::hours(hour) + std::chrono::minutes(minute) +
                std::chrono::seconds(second);
  return zone.to_instant(t);
}

std::optional<std::string> currency_code(std::string_view text, const ImportMap& map) {
  std::string t = fold_title(text);
  for (const auto& [theirs, code] : map.currencies)
    if (fold_title(theirs) == t) return code;
  static const std::pair<const char*, std::vector<const char*>> names[] = {
      {"RUB",
       {"Российский рубль", "Рубль", "руб", "руб.", "р.", "Russian Ruble", "Russian rouble",
        "Ruble", "Rouble"}},
      {"USD", {"Доллар США", "Доллар", "US Dollar", "U.S. Dollar", "Dollar"}},
      {"EUR", {"Евро", "Euro"}},
      {"BYN", {"Белорусский рубль", "Belarusian Ruble", "Belarusian rouble"}},
      {"KZT", {"Тенге", "Казахстанский тенге", "Tenge", "Kazakhstani Tenge"}},
      {"UAH", {"Гривна", "Украинская гривна", "Hryvnia", "Ukrainian Hryvnia"}},
      {"CNY", {"Юань", "Китайский юань", "Yuan", "Chinese Yuan"}},
      {"GBP", {"Фунт стерлингов", "British Pound", "Pound Sterling"}},
  };
  for (const auto& [code, list] : names) {
    if (fold_title(code) == t) return code;
    for (const char* n : list)
      if (fold_title(n) == t) return code;
  }
  // Any other three Latin letters pass as an ISO 4217 code.
  if (t.size() == 3 &&
      std::all_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    std::string code = t;
    for (auto& c : code) c = static_cast<char>(c - 'a' + 'A');
    return code;
  }
  return std::nullopt;
}

std::optional<std::string> stage_group(std::string_view text) {
  std::string t = fold_title(text);
  if (t.empty() || t == "в работе" || t == "в процессе" || t == "in progress" || t == "in work" ||
      t == "open" || t == "process")
    return std::string();
  for (const char* w : {"успеш", "выигр", "won", "success"})
    if (t.starts_with(w) || t.find(std::string(" ") + w) != std::string::npos) return "won";
  for (const char* w : {"провал", "проигр", "lost", "fail"})
    if (t.starts_with(w) || t.find(std::string(" ") + w) != std::string::npos) return "lost";
  return std::nullopt;
}

std::optional<std::string> bitrix_english_stage(std::string_view name) {
  static const std::pair<const char*, const char*> stages[] = {
      {"new", "new"},
      {"preparing documents", "preparation"},
      {"prepayment invoice", "proposal"},
      {"in progress", "negotiation"},
      {"final invoice", "final"},
      {"deal won", "won"},
      {"deal lost", "lost"},
      {"analyze failure", "analysis"}};
  std::string t = fold_title(name);
  for (const auto& [n, id] : stages)
    if (t == n) return std::string(id);
  return std::nullopt;
}

std::string login_from_name(std::string_view name) {
  // Transliteration of Russian letters for a login (not an encoding: text
  // stays UTF-8 everywhere else).
  static const char* const cyr[] = {"a",  "b",  "v",  "g",    "d", "e", "zh", "z", "i",  "y", "k",
                                    "l",  "m",  "n",  "o",    "p", "r", "s",  "t", "u",  "f", "kh",
                                    "ts", "ch", "sh", "shch", "",  "y", "",   "e", "yu", "ya"};
  std::string out;
  for (std::int32_t cp : code_points(to_lower(name))) {
    if (cp >= 0x430 && cp <= 0x44F)
      out += cyr[cp - 0x430];
    else if (cp == 0x451)
      out += "e";
    else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
      out += static_cast<char>(cp);
    else if (!out.empty() && out.back() != '.')
      out += '.';
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  while (!out.empty() && !(out[0] >= 'a' && out[0] <= 'z')) out.erase(0, 1);
  return out.empty() ? "person" : out;
}

}  // namespace tally::core
