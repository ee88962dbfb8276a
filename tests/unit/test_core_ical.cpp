#include "core/ical.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace tally::core;
using namespace std::chrono_literals;

namespace {

Instant utc(std::chrono::year_month_day day, std::chrono::seconds time) {
  return Instant{std::chrono::sys_days{day}} + time;
}

// The physical lines of `text`, which must end with CRLF; a bare CR or LF fails the test.
std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t end = text.find("\r\n", pos);
    REQUIRE(end != std::string::npos);
    std::string line = text.substr(pos, end - pos);
    CHECK(line.find('\r') == std::string::npos);
    CHECK(line.find('\n') == std::string::npos);
    lines.push_back(std::move(line));
    pos = end + 2;
  }
  return lines;
}

// RFC 5545 3.1 unfolding: a CRLF followed by one space disappears.
std::string unfold(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

bool starts_with_continuation_byte(std::string_view line) {
  return !line.empty() && (static_cast<unsigned char>(line[0]) & 0xC0) == 0x80;
}

// Each physical line of a folded text: within 75 octets (the leading space included), and
// never starting in the middle of a UTF-8 character (after the folding space).
void check_folded(const std::string& folded) {
  const auto lines = physical_lines(folded + "\r\n");
  for (size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(lines[i]);
    CHECK(lines[i].size() <= 75);
    CHECK_FALSE(starts_with_continuation_byte(lines[i]));
    if (i > 0) {
      REQUIRE(lines[i].size() >= 2);
      CHECK(lines[i][0] == ' ');
      CHECK_FALSE(starts_with_continuation_byte(std::string_view(lines[i]).substr(1)));
    }
  }
}

std::string repeat(std::string_view piece, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

CalendarEvent call_event() {
  CalendarEvent e;
  e.uid = "T-4F7K@sales";
  e.summary = "Позвонить в ООО «Ромашка»";
  e.description = "Счёт, договор; акт\nвторая строка";
  e.start = utc(2026y / 11 / 28, 15h);
  e.stamp = utc(2026y / 11 / 27, 7h);
  e.sequence = 2;
  e.url = "https://crm.example/deals/42?a=1,2";
  return e;
}

CalendarEvent cancelled_event() {
  CalendarEvent e;
  e.uid = "T-9QX2@sales";
  e.summary = "Отправить КП";
  e.start = utc(2026y / 12 / 1, 6h + 30min);
  e.duration = 90min;
  e.stamp = utc(2026y / 11 / 27, 7h);
  e.sequence = 1;
  e.cancelled = true;
  return e;
}

}  // namespace

TEST_CASE("core::ical_escape") {
  CHECK(ical_escape(",;\\\n") == "\\,\\;\\\\\\n");
  CHECK(ical_escape("Счёт, договор; акт") == "Счёт\\, договор\\; акт");
  CHECK(ical_escape("a\r\nb") == "a\\nb");  // a Windows line end is one break, not two
  CHECK(ical_escape("a\nb\nc") == "a\\nb\\nc");
  CHECK(ical_escape("C:\\temp") == "C:\\\\temp");
  CHECK(ical_escape("time: \"10:00\"") == "time: \"10:00\"");  // ':' and '"' are TEXT as they are
  SUBCASE("control characters are dropped, a tab is kept") {
    CHECK(ical_escape(std::string("a\0b", 3)) == "ab");
    CHECK(ical_escape("a\x01\x1f\x7f"
                      "b") == "ab");
    CHECK(ical_escape("a\rb") == "ab");
    CHECK(ical_escape("a\tb") == "a\tb");
  }
  CHECK(ical_escape("") == "");
}

TEST_CASE("core::ical_fold") {
  SUBCASE("75 octets stay on one line") {
    const std::string line(75, 'a');
    CHECK(ical_fold(line) == line);
    CHECK(ical_fold("") == "");
  }
  SUBCASE("76 octets: the continuation line's space counts") {
    const std::string line(76, 'a');
    CHECK(ical_fold(line) == std::string(75, 'a') + "\r\n a");
    const std::string longer(75 + 74 + 1, 'b');
    CHECK(ical_fold(longer) == std::string(75, 'b') + "\r\n " + std::string(74, 'b') + "\r\n b");
  }
  SUBCASE("a Cyrillic letter is never split") {
    // "S:" + 37 letters is 76 octets; the 75th octet is the first half of the last letter.
    const std::string line = "S:" + repeat("ж", 37);
    CHECK(ical_fold(line) == "S:" + repeat("ж", 36) + "\r\n ж");
  }
  SUBCASE("3- and 4-octet characters are kept whole") {
    const std::string line = "X:" + repeat("€", 40) + repeat("😀", 30);
    const auto folded = ical_fold(line);
    check_folded(folded);
    CHECK(unfold(folded) == line);
  }
  SUBCASE("a 200-character Cyrillic summary") {
    const std::string line = "SUMMARY:" + repeat("Позвонить\\, ", 16) + repeat("щ", 8);
    const auto folded = ical_fold(line);
    CHECK(folded.size() > line.size());
    check_folded(folded);
    CHECK(unfold(folded) == line);
  }
  SUBCASE("malformed UTF-8 still folds within 75 octets") {
    const std::string line = "X:" + std::string(200, '\x80');
    const auto folded = ical_fold(line);
    for (const auto& l : physical_lines(folded + "\r\n")) CHECK(l.size() <= 75);
    CHECK(unfold(folded) == line);
  }
}

TEST_CASE("core::render_calendar") {
  SUBCASE("exact output of a small calendar") {
    const std::string expected =
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        "PRODID:-//tally//tally//EN\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\n"
        "X-WR-CALNAME:Продажи\\, Москва\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:T-4F7K@sales\r\n"
        "DTSTAMP:20261127T070000Z\r\n"
        "DTSTART:20261128T150000Z\r\n"
        "DTEND:20261128T153000Z\r\n"
        "SUMMARY:Позвонить в ООО «Ромашка»\r\n"
        "DESCRIPTION:Счёт\\, договор\\; акт\\nвторая строка\r\n"
        "URL:https://crm.example/deals/42?a=1,2\r\n"
        "SEQUENCE:2\r\n"
        "STATUS:CONFIRMED\r\n"
        "TRANSP:TRANSPARENT\r\n"
        "BEGIN:VALARM\r\n"
        "ACTION:DISPLAY\r\n"
        "DESCRIPTION:Позвонить в ООО «Ромашка»\r\n"
        "TRIGGER:-PT60M\r\n"
        "END:VALARM\r\n"
        "END:VEVENT\r\n"
        "BEGIN:VEVENT\r\n"
        "UID:T-9QX2@sales\r\n"
        "DTSTAMP:20261127T070000Z\r\n"
        "DTSTART:20261201T063000Z\r\n"
        "DTEND:20261201T080000Z\r\n"
        "SUMMARY:Отправить КП\r\n"
        "SEQUENCE:1\r\n"
        "STATUS:CANCELLED\r\n"
        "TRANSP:TRANSPARENT\r\n"
        "END:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    CHECK(render_calendar("Продажи, Москва", {call_event(), cancelled_event()}) == expected);
  }

  SUBCASE("an empty calendar is still a calendar") {
    CHECK(render_calendar("x", {}) ==
          "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tally//tally//EN\r\n"
          "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:x\r\nEND:VCALENDAR\r\n");
  }

  SUBCASE("alarms") {
    auto e = call_event();
    e.alarm_before = 90min;
    CHECK(render_calendar("x", {e}).find("TRIGGER:-PT90M\r\n") != std::string::npos);
    e.alarm_before = -15min;  // after the start
    CHECK(render_calendar("x", {e}).find("TRIGGER:PT15M\r\n") != std::string::npos);
    e.alarm_before = 0min;
    CHECK(render_calendar("x", {e}).find("VALARM") == std::string::npos);
    e.alarm_before = 60min;
    e.cancelled = true;
    const auto cancelled = render_calendar("x", {e});
    CHECK(cancelled.find("VALARM") == std::string::npos);
    CHECK(cancelled.find("STATUS:CANCELLED\r\n") != std::string::npos);
  }

  SUBCASE("a long Cyrillic summary is folded, escaped, and unfolds back") {
    auto e = call_event();
    e.summary = repeat("Звонок, счёт; ", 14) + "итог";  // 200 characters
    e.description = "строка 1\r\nстрока 2\nC:\\путь";
    const auto text = render_calendar("Отдел продаж", {e});
    const auto lines = physical_lines(text);
    for (const auto& line : lines) {
      CAPTURE(line);
      CHECK(line.size() <= 75);
      CHECK_FALSE(starts_with_continuation_byte(line));
      if (line[0] == ' ') CHECK_FALSE(starts_with_continuation_byte(line.substr(1)));
    }
    const auto unfolded = unfold(text);
    const std::string summary = "SUMMARY:" + repeat("Звонок\\, счёт\\; ", 14) + "итог\r\n";
    CHECK(unfolded.find("\r\n" + summary) != std::string::npos);
    CHECK(unfolded.find("\r\nDESCRIPTION:" + summary.substr(8)) != std::string::npos);
    CHECK(unfolded.find("\r\nDESCRIPTION:строка 1\\nстрока 2\\nC:\\\\путь\r\n") !=
          std::string::npos);
    CHECK(text.find("SUMMARY:Звонок") != std::string::npos);
    CHECK(text.find(summary) == std::string::npos);  // it really was folded
  }

  SUBCASE("CRLF everywhere, no bare LF or CR") {
    auto e = call_event();
    e.summary = "a\nb\rc";
    e.url = "https://x.example/\r\nX-INJECTED:1";
    e.uid = "id;with,separators\n";
    const auto text = render_calendar("name\nwith break", {e, cancelled_event()});
    REQUIRE(text.size() >= 2);
    CHECK(text.substr(text.size() - 2) == "\r\n");
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') CHECK((i > 0 && text[i - 1] == '\r'));
      if (text[i] == '\r') CHECK((i + 1 < text.size() && text[i + 1] == '\n'));
    }
    CHECK(text.find("\r\nX-INJECTED") == std::string::npos);
    CHECK(text.find("URL:https://x.example/X-INJECTED:1\r\n") != std::string::npos);
    CHECK(text.find("UID:id\\;with\\,separators\\n\r\n") != std::string::npos);
    CHECK(text.find("X-WR-CALNAME:name\\nwith break\r\n") != std::string::npos);
    CHECK(text.find("SUMMARY:a\\nbc\r\n") != std::string::npos);
  }

  SUBCASE("an event without duration has no DTEND") {
    auto e = call_event();
    e.duration = 0min;
    const auto text = render_calendar("x", {e});
    CHECK(text.find("DTEND") == std::string::npos);
    CHECK(text.find("DTSTART:20261128T150000Z\r\n") != std::string::npos);
  }
}
