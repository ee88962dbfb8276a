#!/usr/bin/python3
"""Checks an e-mail message written by tally with Python's own MIME parser.

    check_message.py FILE.eml --to EMAIL --subject SUBJECT [--body-contains TEXT]...

Parses the message twice (email.policy.default and compat32) and requires: no
parser defects anywhere, the expected recipient and (decoded) subject, no
header outside the set tally writes and none twice, CRLF line ends only, no line
over 998 octets, and a UTF-8 text/plain part containing every --body-contains
text. Prints "ok" and exits 0, or prints each failure and exits 1. Standard
library only, so that it runs on a bare Debian python3.
"""

import argparse
import email
import email.header
import email.policy
import email.utils
import os
import sys

# The headers tally writes, each at most once; anything else (Bcc, a second To)
# would mean text got out of its header.
ALLOWED = {
    "date", "from", "to", "subject", "message-id", "mime-version", "content-type",
    "content-transfer-encoding", "auto-submitted", "x-mailer",
}
REQUIRED = ALLOWED - {"content-transfer-encoding"}
MAX_LINE = 998  # RFC 5322 2.1.1, without the CRLF


def utf8_arg(text):
    # Under a non-UTF-8 locale argv arrives with surrogate escapes; the tests pass UTF-8.
    return os.fsencode(text).decode("utf-8")


def check_lines(data, failures):
    if not data.endswith(b"\r\n"):
        failures.append("the message does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n"), 1):
        if b"\n" in line or b"\r" in line:
            failures.append(f"line {number}: a bare CR or LF")
        if len(line) > MAX_LINE:
            failures.append(f"line {number}: {len(line)} octets, over {MAX_LINE}")


def defects_of(msg):
    found = []
    for part in msg.walk():
        found += [f"{part.get_content_type()}: {d!r}" for d in part.defects]
    return found


def check_headers(msg, failures):
    names = [name.lower() for name in msg.keys()]
    for name in sorted(set(names)):
        if name not in ALLOWED:
            failures.append(f"unexpected header {name!r}")
        elif names.count(name) > 1:
            failures.append(f"header {name!r} appears {names.count(name)} times")
    for name in sorted(REQUIRED - set(names)):
        failures.append(f"missing header {name!r}")
    # With the default policy each header is parsed on access; its defects live there.
    for name, value in msg.items():
        for defect in getattr(value, "defects", ()):
            failures.append(f"header {name}: {defect!r}")


def check_default(data, args, failures):
    msg = email.message_from_bytes(data, policy=email.policy.default)
    failures += [f"default policy defect: {d}" for d in defects_of(msg)]
    check_headers(msg, failures)
    to = msg["To"].addresses if msg["To"] is not None else ()
    if len(to) != 1 or to[0].addr_spec != args.to:
        failures.append(f"To is {[a.addr_spec for a in to]}, expected [{args.to!r}]")
    if str(msg["Subject"]) != args.subject:
        failures.append(f"Subject is {str(msg['Subject'])!r}, expected {args.subject!r}")
    date = msg["Date"].datetime if msg["Date"] is not None else None
    if date is None or date.tzinfo is None:
        failures.append(f"Date {str(msg['Date'])!r} is missing or has no time zone")
    if msg["MIME-Version"] != "1.0":
        failures.append(f"MIME-Version is {msg['MIME-Version']!r}")

    kind = msg.get_content_type()
    if kind == "multipart/alternative":
        parts = [p.get_content_type() for p in msg.iter_parts()]
        if parts != ["text/plain", "text/html"]:
            failures.append(f"the alternative parts are {parts}, expected text/plain, text/html")
    elif kind != "text/plain":
        failures.append(f"the message is {kind}, expected text/plain or multipart/alternative")
    plain = msg.get_body(preferencelist=("plain",))
    if plain is None:
        failures.append("no text/plain part")
        return
    if plain.get_content_charset() != "utf-8":
        failures.append(f"text/plain charset is {plain.get_content_charset()!r}, expected utf-8")
    try:
        text = plain.get_payload(decode=True).decode("utf-8")
    except UnicodeDecodeError as e:
        failures.append(f"text/plain is not UTF-8: {e}")
        return
    for wanted in args.body_contains:
        if wanted not in text:
            failures.append(f"text/plain does not contain {wanted!r}")


def check_compat32(data, args, failures):
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    failures += [f"compat32 defect: {d}" for d in defects_of(msg)]
    to = email.utils.getaddresses(msg.get_all("To", []))
    if [addr for _, addr in to] != [args.to]:
        failures.append(f"compat32: To is {to}, expected [{args.to!r}]")
    subject = str(email.header.make_header(email.header.decode_header(msg["Subject"] or "")))
    if subject != args.subject:
        failures.append(f"compat32: Subject is {subject!r}, expected {args.subject!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the .eml file")
    parser.add_argument("--to", required=True, help="the expected recipient addr-spec")
    parser.add_argument("--subject", required=True, help="the expected decoded subject")
    parser.add_argument("--body-contains", action="append", default=[], metavar="TEXT",
                        help="text the text/plain part must contain (repeatable)")
    args = parser.parse_args()
    args.to = utf8_arg(args.to)
    args.subject = utf8_arg(args.subject)
    args.body_contains = [utf8_arg(t) for t in args.body_contains]

    try:
        with open(args.file, "rb") as f:
            data = f.read()
    except OSError as e:
        print(f"cannot read {args.file}: {e.strerror}")
        return 1

    failures = []
    check_lines(data, failures)
    try:
        check_default(data, args, failures)
        check_compat32(data, args, failures)
    except Exception as e:  # a parser that gives up is a failure to report, not a traceback
        failures.append(f"the checker could not finish: {type(e).__name__}: {e}")
    if failures:
        print("\n".join(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
