#include "core/cache_codec.hpp"

#include "core/yaml_io.hpp"

#include <chrono>
#include <optional>

namespace tally::core::cache {

namespace {

std::uint64_t seconds_of(Instant at) {
  return static_cast<std::uint64_t>(at.time_since_epoch().count());
}

Instant instant_of(std::uint64_t v) {
  return Instant{std::chrono::seconds(static_cast<std::int64_t>(v))};
}

void put_stamp(Writer& w, const Stamp& s) {
  w.str(s.text);
  w.u64(seconds_of(s.at));
}

bool get_stamp(Reader& in, Stamp& s) {
  std::uint64_t at = 0;
  if (!in.str(s.text) || !in.u64(at)) return false;
  s.at = instant_of(at);
  return true;
}

void put_list(Writer& w, const std::vector<std::string>& v) {
  w.u64(v.size());
  for (const auto& s : v) w.str(s);
}

bool get_list(Reader& in, std::vector<std::string>& v) {
  std::uint64_t n = 0;
  if (!in.u64(n) || n > in.rest().size()) return false;
  v.resize(static_cast<size_t>(n));
  for (auto& s : v)
    if (!in.str(s)) return false;
  return true;
}

// A kept YAML value (a log entry's extra key, an unknown key): a scalar with its
// tag (so quoting survives), or a collection as canonical YAML text.
void put_node(Writer& w, const YAML::Node& n) {
  w.str(n.Tag());
  if (n.IsScalar()) {
    w.u64('s');
    w.str(n.Scalar());
  } else if (n.IsNull()) {
    w.u64('n');
  } else if (n.size() == 0) {
    w.u64(n.IsMap() ? '{' : '[');
  } else {
    w.u64('y');
    w.str(emit_yaml(n));
  }
}

bool get_node(Reader& in, YAML::Node& n) {
  std::string tag;
  std::uint64_t kind = 0;
  if (!in.str(tag) || !in.u64(kind)) return false;
  std::string body;
  switch (kind) {
    case 's':
      if (!in.str(body)) return false;
      n = YAML::Node(body);
      if (!tag.empty()) n.SetTag(tag);
      return true;
    case 'n':
      n = YAML::Node();
      return true;
    case '{':
      n = YAML::Node(YAML::NodeType::Map);
      return true;
    case '[':
      n = YAML::Node(YAML::NodeType::Sequence);
      return true;
    case 'y':
      if (!in.str(body)) return false;
      n = YAML::Load(body);
      return true;
    default:
      return false;
  }
}

void put_pairs(Writer& w, const std::vector<std::pair<std::string, YAML::Node>>& v) {
  w.u64(v.size());
  for (const auto& [k, n] : v) {
    w.str(k);
    put_node(w, n);
  }
}

bool get_pairs(Reader& in, std::vector<std::pair<std::string, YAML::Node>>& v) {
  std::uint64_t count = 0;
  if (!in.u64(count) || count > in.rest().size()) return false;
  v.reserve(static_cast<size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string k;
    YAML::Node n;
    if (!in.str(k) || !get_node(in, n)) return false;
    v.emplace_back(std::move(k), n);
  }
  return true;
}

// A log value: a scalar with its tag, or null, or a collection as YAML text.
void put_log_value(Writer& w, const LogValue& v) {
  if (v.IsScalar()) {
    w.u64('s');
    w.str(v.Tag());
    w.str(v.Scalar());
  } else if (v.Type() == YAML::NodeType::Null) {
    w.u64('n');
  } else {
    w.u64('y');
    put_node(w, v.node());
  }
}

bool get_log_value(Reader& in, std::optional<LogValue>& v) {
  std::uint64_t kind = 0;
  if (!in.u64(kind)) return false;
  if (kind == 'n') {
    v = LogValue::null();
    return true;
  }
  if (kind == 's') {
    std::string tag, text;
    if (!in.str(tag) || !in.str(text)) return false;
    v = LogValue::scalar(std::move(text), std::move(tag));
    return true;
  }
  YAML::Node n;
  if (kind != 'y' || !get_node(in, n)) return false;
  v = LogValue(n);
  return true;
}

void put_log(Writer& w, const std::vector<LogEntry>& log) {
  w.u64(log.size());
  for (const auto& e : log) {
    put_stamp(w, e.at);
    w.str(e.by);
    w.str(e.event);
    w.u64(e.data.size());
    for (const auto& [k, v] : e.data) {
      w.str(k);
      put_log_value(w, v);
    }
  }
}

bool get_log(Reader& in, std::vector<LogEntry>& log) {
  std::uint64_t count = 0;
  if (!in.u64(count) || count > in.rest().size()) return false;
  log.reserve(static_cast<size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    LogEntry e;
    std::uint64_t values = 0;
    if (!get_stamp(in, e.at) || !in.str(e.by) || !in.str(e.event) || !in.u64(values) ||
        values > in.rest().size())
      return false;
    e.data.reserve(static_cast<size_t>(values));
    for (std::uint64_t k = 0; k < values; ++k) {
      std::string key;
      std::optional<LogValue> v;
      if (!in.str(key) || !get_log_value(in, v)) return false;
      e.data.emplace_back(std::move(key), std::move(*v));
    }
    log.push_back(std::move(e));
  }
  return true;
}

// Optional values are stored with a presence flag.
void put_optional_stamp(Writer& w, const std::optional<Stamp>& s) {
  w.u64(s.has_value());
  if (s) put_stamp(w, *s);
}

bool get_optional_stamp(Reader& in, std::optional<Stamp>& s) {
  std::uint64_t present = 0;
  if (!in.u64(present)) return false;
  if (!present) return true;
  s.emplace();
  return get_stamp(in, *s);
}

}  // namespace

void RecordCodec::put(Writer& w, const Record& r) {
  for (const std::string* s :
       {&r.id, &r.title, &r.company, &r.contact, &r.owner, &r.stage, &r.currency})
    w.str(*s);
  w.u64(r.amount.has_value());
  if (r.amount) w.str(r.amount->to_string());
  put_optional_stamp(w, r.created);
  put_optional_stamp(w, r.closed);
  w.u64(r.fields.size());
  for (const auto& [k, v] : r.fields) {
    w.str(k);
    w.str(v);
  }
  w.str(r.unknown.size() ? emit_yaml(r.unknown) : "");
  put_log(w, r.log);
}

bool RecordCodec::get(Reader& in, Record& r) {
  for (std::string* s : {&r.id, &r.title, &r.company, &r.contact, &r.owner, &r.stage, &r.currency})
    if (!in.str(*s)) return false;
  std::uint64_t has_amount = 0, nfields = 0;
  if (!in.u64(has_amount)) return false;
  if (has_amount) {
    std::string amount;
    if (!in.str(amount)) return false;
    r.amount = Money::parse(amount);
  }
  if (!get_optional_stamp(in, r.created) || !get_optional_stamp(in, r.closed) || !in.u64(nfields) ||
      nfields > in.rest().size())
    return false;
  r.fields.reserve(static_cast<size_t>(nfields));
  for (std::uint64_t i = 0; i < nfields; ++i) {
    std::string k, v;
    if (!in.str(k) || !in.str(v)) return false;
    r.fields.emplace_back(std::move(k), std::move(v));
  }
  std::string_view unknown;
  if (!in.view(unknown)) return false;
  if (!unknown.empty()) r.unknown = YAML::Load(std::string(unknown));
  return get_log(in, r.log);
}

void TaskCodec::put(Writer& w, const Task& t) {
  for (const std::string* s : {&t.id, &t.title, &t.creator, &t.responsible, &t.priority, &t.link,
                               &t.group, &t.recur, &t.description, &t.result})
    w.str(*s);
  w.u64(static_cast<std::uint64_t>(t.status));
  w.u64((t.review ? 1u : 0u) | (t.may_move_deadline ? 2u : 0u) | (t.result_required ? 4u : 0u));
  put_list(w, t.participants);
  put_list(w, t.observers);
  put_list(w, t.tags);
  put_stamp(w, t.created);
  put_optional_stamp(w, t.deadline);
  w.u64(t.checklist.size());
  for (const auto& c : t.checklist) {
    w.str(c.text);
    w.u64(c.done);
  }
  put_log(w, t.log);
  put_pairs(w, t.unknown);
}

bool TaskCodec::get(Reader& in, Task& t) {
  for (std::string* s : {&t.id, &t.title, &t.creator, &t.responsible, &t.priority, &t.link,
                         &t.group, &t.recur, &t.description, &t.result})
    if (!in.str(*s)) return false;
  std::uint64_t status = 0, flags = 0, count = 0;
  if (!in.u64(status) || status > static_cast<std::uint64_t>(Status::cancelled) || !in.u64(flags))
    return false;
  t.status = static_cast<Status>(status);
  t.review = flags & 1;
  t.may_move_deadline = flags & 2;
  t.result_required = flags & 4;
  if (!get_list(in, t.participants) || !get_list(in, t.observers) || !get_list(in, t.tags) ||
      !get_stamp(in, t.created) || !get_optional_stamp(in, t.deadline) || !in.u64(count) ||
      count > in.rest().size())
    return false;
  for (std::uint64_t i = 0; i < count; ++i) {
    ChecklistItem c;
    std::uint64_t done = 0;
    if (!in.str(c.text) || !in.u64(done)) return false;
    c.done = done != 0;
    t.checklist.push_back(std::move(c));
  }
  return get_log(in, t.log) && get_pairs(in, t.unknown);
}

}  // namespace tally::core::cache
