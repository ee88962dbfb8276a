// RFC 5545 iCalendar output, written by hand: tally only ever writes a feed and never reads
// one, and the subset it writes (one VCALENDAR of VEVENTs with a VALARM) is small enough that a
// library would cost more than it saves. Times are always UTC ("Z" form) so the feed needs no
// VTIMEZONE and phones show deadlines in whatever zone they are in. Every line goes through
// ical_fold, so no property can exceed 75 octets however long the Russian text is.
#include "core/ical.hpp"

#include <fmt/format.h>

#include <string_view>

namespace tally::core {

namespace {

constexpr std::string_view k_crlf = "\r\n";

// RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break.
constexpr size_t k_line_octets = 75;

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// RFC 5545 3.1 CONTROL = %x00-08 / %x0A-1F / %x7F: HTAB is allowed in TEXT, so it stays.
bool is_control(unsigned char c) {
  return (c < 0x20 && c != '\t') || c == 0x7f;
}

// DATE-TIME in UTC, RFC 5545 3.3.5 form #2: "20261128T150000Z".
std::string utc_date_time(Instant t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

// A URI value is not TEXT: backslash escapes would corrupt it, but a line break inside it would
// start a property of its own, so control characters are dropped instead.
std::string uri_value(std::string_view url) {
  std::string out;
  for (char c : url) {
    if (!is_control(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

// Minutes rather than "-PT1H30M": one form for every value keeps the feed and its checks simple.
// A negative alarm_before rings after the start, which RFC 5545 3.8.6.3 expresses without the sign.
std::string trigger(std::chrono::minutes before) {
  const auto count = before.count();
  return count > 0 ? fmt::format("-PT{}M", count) : fmt::format("PT{}M", -count);
}

void add_line(std::string& out, std::string_view name, std::string_view value) {
  std::string line;
  line.reserve(name.size() + 1 + value.size());
  line.append(name).append(":").append(value);
  out += ical_fold(line);
  out += k_crlf;
}

void add_event(std::string& out, const CalendarEvent& event) {
  const std::string summary = ical_escape(event.summary);
  add_line(out, "BEGIN", "VEVENT");
  add_line(out, "UID", ical_escape(event.uid));
  add_line(out, "DTSTAMP", utc_date_time(event.stamp));
  add_line(out, "DTSTART", utc_date_time(event.start));
  // RFC 5545 3.8.2.2: DTEND must be later than DTSTART; without it the event is an instant.
  if (event.duration.count() > 0)
    add_line(out, "DTEND", utc_date_time(event.start + event.duration));
  add_line(out, "SUMMARY", summary);
  if (!event.description.empty()) add_line(out, "DESCRIPTION", ical_escape(event.description));
  if (!event.url.empty()) add_line(out, "URL", uri_value(event.url));
  add_line(out, "SEQUENCE", std::to_string(event.sequence));
  add_line(out, "STATUS", event.cancelled ? "CANCELLED" : "CONFIRMED");
  // A deadline is a point to meet, not a meeting: it must not mark the person busy.
  add_line(out, "TRANSP", "TRANSPARENT");
  // A phone that still rang for a cancelled task would be worse than no feed at all.
  if (event.alarm_before.count() != 0 && !event.cancelled) {
    add_line(out, "BEGIN", "VALARM");
    add_line(out, "ACTION", "DISPLAY");
    add_line(out, "DESCRIPTION", summary);  // required for DISPLAY (RFC 5545 3.6.6)
    add_line(out, "TRIGGER", trigger(event.alarm_before));
    add_line(out, "END", "VALARM");
  }
  add_line(out, "END", "VEVENT");
}

}  // namespace

std::string render_calendar(const std::string& name, const std::vector<CalendarEvent>& events) {
  std::string out;
  add_line(out, "BEGIN", "VCALENDAR");
  add_line(out, "VERSION", "2.0");
  add_line(out, "PRODID", "-//tally//tally//EN");
  add_line(out, "CALSCALE", "GREGORIAN");
  add_line(out, "METHOD", "PUBLISH");
  add_line(out, "X-WR-CALNAME", ical_escape(name));
  for (const auto& event : events) add_event(out, event);
  add_line(out, "END", "VCALENDAR");
  return out;
}

std::string ical_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        // A Windows line end is one line break; a lone CR is just another control character.
        if (i + 1 < text.size() && text[i + 1] == '\n') {
          out += "\\n";
          ++i;
        }
        break;
      default:
        if (!is_control(static_cast<unsigned char>(c))) out += c;
    }
  }
  return out;
}

std::string ical_fold(const std::string& line) {
  if (line.size() <= k_line_octets) return line;
  std::string out;
  out.reserve(line.size() + line.size() / (k_line_octets - 1) * 3);
  size_t pos = 0;
  size_t room = k_line_octets;
  while (line.size() - pos > room) {
    size_t cut = pos + room;
    // Back up to the first byte of a character; a UTF-8 character has at most 3 continuation
    // bytes, so a longer run is malformed input and may be cut anywhere.
    size_t start = cut;
    while (start > cut - 3 && is_continuation_byte(line[start])) --start;
    if (!is_continuation_byte(line[start])) cut = start;
    out.append(line, pos, cut - pos);
    out += k_crlf;
    out += ' ';
    pos = cut;
    room = k_line_octets - 1;  // the leading space counts towards the 75 octets
  }
  out.append(line, pos, std::string::npos);
  return out;
}

}  // namespace tally::core
