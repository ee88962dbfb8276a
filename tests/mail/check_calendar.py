#!/usr/bin/python3
"""Checks an iCalendar feed written by tally with an independent parser.

  check_calendar.py FILE.ics [--events N] [--uid UID]... [--summary TEXT]...
                    [--alarm-minutes M] [--cancelled UID]...

The raw bytes are checked first (CRLF only, physical lines of at most 75
octets that each decode as UTF-8, so a fold never splits a character), then
the file is parsed with python3-icalendar (the Debian package), not with
anything tally shares, so a bug in tally's writer cannot hide itself.

Prints "ok" and exits 0, or prints one line per failure and exits 1.
"""
import argparse
import datetime
import sys

from icalendar import Calendar

MAX_OCTETS = 75  # RFC 5545 3.1, excluding the CRLF


def check_bytes(data, fail):
    if not data:
        fail("the file is empty")
        return
    if not data.endswith(b"\r\n"):
        fail("the last line does not end with CRLF")
    for i, byte in enumerate(data):
        if byte == 0x0A and (i == 0 or data[i - 1] != 0x0D):
            fail(f"bare LF at byte {i}")
        if byte == 0x0D and (i + 1 == len(data) or data[i + 1] != 0x0A):
            fail(f"bare CR at byte {i}")
    lines = data.split(b"\r\n")
    if lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_OCTETS:
            fail(f"line {number} has {len(line)} octets (more than {MAX_OCTETS})")
        if not line:
            fail(f"line {number} is empty")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            fail(f"line {number} is not UTF-8 on its own (a character split by folding?): {e}")


def is_utc(prop, value):
    return (isinstance(value, datetime.datetime) and value.tzinfo is not None
            and value.utcoffset() == datetime.timedelta(0) and "TZID" not in prop.params)


def check_times(event, uid, fail):
    if "DTSTART" not in event:
        fail(f"{uid}: no DTSTART")
        return
    start = event.decoded("DTSTART")
    if not is_utc(event["DTSTART"], start):
        fail(f"{uid}: DTSTART {event['DTSTART'].to_ical().decode()} is not a UTC date-time")
        return
    if "DTEND" not in event:
        fail(f"{uid}: no DTEND")
        return
    end = event.decoded("DTEND")
    if not is_utc(event["DTEND"], end):
        fail(f"{uid}: DTEND {event['DTEND'].to_ical().decode()} is not a UTC date-time")
    elif not start < end:
        fail(f"{uid}: DTSTART {start} is not before DTEND {end}")


def describe_trigger(value):
    # In minutes, as --alarm-minutes is given; icalendar would re-serialise -PT60M as -PT1H.
    if isinstance(value, datetime.timedelta):
        return f"{value.total_seconds() / 60:g} minutes"
    return str(value)


def check_alarms(event, uid, cancelled, minutes, fail):
    alarms = [c for c in event.subcomponents if c.name == "VALARM"]
    if cancelled:
        # A cancelled task must not ring on the phone.
        if alarms:
            fail(f"{uid}: cancelled but has a VALARM")
        return
    if minutes is None:
        return
    if minutes == 0:
        if alarms:
            fail(f"{uid}: has a VALARM though --alarm-minutes is 0")
        return
    want = -datetime.timedelta(minutes=minutes)
    matching = [a for a in alarms if "TRIGGER" in a and a.decoded("TRIGGER") == want]
    if not matching:
        found = [describe_trigger(a.decoded("TRIGGER")) for a in alarms if "TRIGGER" in a]
        found = ", ".join(found) or "none"
        fail(f"{uid}: no VALARM with TRIGGER -{minutes} minutes (found: {found})")
    for alarm in matching:
        if str(alarm.get("ACTION", "")) != "DISPLAY":
            fail(f"{uid}: the VALARM's ACTION is not DISPLAY")
        if "DESCRIPTION" not in alarm:
            fail(f"{uid}: the DISPLAY VALARM has no DESCRIPTION")


def check_calendar(data, args, fail):
    try:
        calendar = Calendar.from_ical(data.decode("utf-8", errors="replace"))
    except Exception as e:  # the parser's own words are the most useful failure here
        fail(f"icalendar cannot parse the file: {e}")
        return
    if calendar.name != "VCALENDAR":
        fail(f"the top component is {calendar.name}, not VCALENDAR")
    for component in calendar.walk():
        for error in getattr(component, "errors", []):
            fail(f"icalendar reports in {component.name}: {error}")
    if str(calendar.get("VERSION", "")) != "2.0":
        fail(f"VERSION is {calendar.get('VERSION')!r}, not 2.0")
    if not str(calendar.get("PRODID", "")):
        fail("no PRODID")

    events = calendar.walk("VEVENT")
    if args.events is not None and len(events) != args.events:
        fail(f"{len(events)} VEVENTs, expected {args.events}")

    by_uid = {}
    for event in events:
        uid = str(event.get("UID", ""))
        if not uid:
            fail("a VEVENT has no UID")
        if "DTSTAMP" not in event:
            fail(f"{uid}: no DTSTAMP")
        by_uid.setdefault(uid, []).append(event)
    for uid, same in by_uid.items():
        if uid and len(same) > 1:
            fail(f"UID {uid} appears {len(same)} times")
    for uid in args.uid:
        if uid not in by_uid:
            fail(f"no VEVENT with UID {uid}")

    summaries = [str(event.get("SUMMARY", "")) for event in events]
    for text in args.summary:
        if text not in summaries:
            fail(f"no VEVENT with SUMMARY {text!r} (found: {summaries})")

    for uid in args.cancelled:
        status = [str(event.get("STATUS", "")) for event in by_uid.get(uid, [])]
        if not status:
            fail(f"no VEVENT with UID {uid} to be cancelled")
        elif status != ["CANCELLED"] * len(status):
            fail(f"{uid}: STATUS is {status}, not CANCELLED")

    for event in events:
        uid = str(event.get("UID", "?"))
        cancelled = str(event.get("STATUS", "")) == "CANCELLED"
        check_times(event, uid, fail)
        check_alarms(event, uid, cancelled, args.alarm_minutes, fail)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--events", type=int)
    parser.add_argument("--uid", action="append", default=[])
    parser.add_argument("--summary", action="append", default=[])
    parser.add_argument("--alarm-minutes", type=int)
    parser.add_argument("--cancelled", action="append", default=[])
    args = parser.parse_args()

    failures = []
    try:
        with open(args.file, "rb") as f:
            data = f.read()
    except OSError as e:
        print(f"cannot read {args.file}: {e}")
        return 1
    check_bytes(data, failures.append)
    check_calendar(data, args, failures.append)
    for failure in failures:
        print(failure)
    if failures:
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
