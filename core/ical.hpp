// RFC 5545 iCalendar feeds: a VEVENT at each open task's deadline with a
// VALARM before it, so deadlines reach the phone's calendar.
#pragma once

#include "core/dates.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace tally::core {

struct CalendarEvent {
  std::string uid;          // stable across runs: "<task id>@<store name>"
  std::string summary;      // any Unicode
  std::string description;  // any Unicode, may have new lines
  Instant start{};
  std::chrono::minutes duration{30};
  std::chrono::minutes alarm_before{60};  // 0: no alarm
  Instant stamp{};                        // DTSTAMP
  int sequence = 0;
  bool cancelled = false;  // STATUS:CANCELLED, so a subscribed calendar removes it
  std::string url;         // optional
};

// A whole VCALENDAR: PRODID, VERSION 2.0, CALSCALE, METHOD:PUBLISH, X-WR-CALNAME,
// the events in UTC (DTSTART:20261128T150000Z), text escaped (\\ \; \, \n),
// lines folded at 75 octets without splitting a UTF-8 character, CRLF line ends.
std::string render_calendar(const std::string& name, const std::vector<CalendarEvent>& events);

// Escapes TEXT per RFC 5545 3.3.11.
std::string ical_escape(const std::string& text);

// Folds one content line (without its CRLF) into 75-octet lines joined by CRLF + space.
std::string ical_fold(const std::string& line);

}  // namespace tally::core
