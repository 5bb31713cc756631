#!/usr/bin/python3
"""Parses an RFC 5322 message with Python's email package and checks what an email
client needs: the headers tpmkit promises (From and To as named mailboxes, Subject, a
Date that parses, a Message-ID, MIME-Version 1.0, Content-Type text/plain with
charset=UTF-8), no parser defects, and a body that decodes as strict UTF-8.
Prints the decoded subject and the date and exits 0; exits 1 with the reasons otherwise.
With --body FILE, also writes the decoded body there (line ends as LF)."""
import email
import email.policy
import email.utils
import re
import sys

path = sys.argv[1]
body_out = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--body" else None

with open(path, "rb") as f:
    raw = f.read()
msg = email.message_from_bytes(raw, policy=email.policy.default)

problems = []
if msg.defects:
    problems.append("defects: %r" % msg.defects)
if b"\r\n\r\n" not in raw:
    problems.append("no CRLF blank line between the headers and the body")
for header in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"):
    if msg[header] is None:
        problems.append("missing header " + header)
    elif getattr(msg[header], "defects", None):
        problems.append("header %s has defects: %r" % (header, msg[header].defects))
if msg["MIME-Version"] is not None and str(msg["MIME-Version"]).strip() != "1.0":
    problems.append("MIME-Version " + str(msg["MIME-Version"]))
if msg["Content-Type"] is not None:
    if msg.get_content_type() != "text/plain":
        problems.append("content type " + msg.get_content_type())
    if (msg.get_content_charset() or "").lower() != "utf-8":
        problems.append("charset " + str(msg.get_content_charset()))
if msg["Content-Transfer-Encoding"] not in ("8bit", "quoted-printable", "base64"):
    problems.append("transfer encoding " + str(msg["Content-Transfer-Encoding"]))
for header in ("From", "To"):
    if msg[header] is None:
        continue
    name, addr = email.utils.parseaddr(str(msg[header]))
    if not name or not re.fullmatch(r"[^@\s<>]+@[^@\s<>]+", addr):
        problems.append("%s is not a named mailbox: %r" % (header, str(msg[header])))
if msg["Message-ID"] is not None and not re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>",
                                                      str(msg["Message-ID"]).strip()):
    problems.append("Message-ID is not <left@right>: %r" % str(msg["Message-ID"]))
if msg["Date"] is not None:
    try:
        if email.utils.parsedate_to_datetime(str(msg["Date"])) is None:
            problems.append("Date does not parse")
    except (TypeError, ValueError):
        problems.append("Date does not parse: %r" % str(msg["Date"]))
body = ""
try:
    body = msg.get_payload(decode=True).decode("utf-8", errors="strict")
except (AttributeError, UnicodeDecodeError) as e:
    problems.append("body does not decode as UTF-8: %s" % e)
if "RECOMMENDATION" not in body or "ASK" not in body:
    problems.append("body lacks the recommendation or the ask")
if problems:
    print("; ".join(problems))
    sys.exit(1)
print(str(msg["Subject"]))
print(str(msg["Date"]))
if body_out:
    with open(body_out, "w", encoding="utf-8", newline="\n") as f:
        f.write(body.replace("\r\n", "\n"))
