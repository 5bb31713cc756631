#!/usr/bin/python3
"""Parses an RFC 5322 message with Python's email package and checks what an email
client needs: the headers tpmkit promises, a text/plain UTF-8 body that decodes.
Prints the decoded subject and exits 0; exits 1 with the reason otherwise."""
import email
import email.policy
import email.utils
import sys

with open(sys.argv[1], "rb") as f:
    msg = email.message_from_binary_file(f, policy=email.policy.default)

problems = []
if msg.defects:
    problems.append("defects: %r" % msg.defects)
for header in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"):
    if msg[header] is None:
        problems.append("missing header " + header)
if msg.get_content_type() != "text/plain":
    problems.append("content type " + msg.get_content_type())
if (msg.get_content_charset() or "").lower() != "utf-8":
    problems.append("charset " + str(msg.get_content_charset()))
if msg["Content-Transfer-Encoding"] not in ("8bit", "quoted-printable"):
    problems.append("transfer encoding " + str(msg["Content-Transfer-Encoding"]))
for header in ("From", "To"):
    name, addr = email.utils.parseaddr(str(msg[header]))
    if not name or "@" not in addr:
        problems.append("%s is not a named mailbox: %r" % (header, str(msg[header])))
if email.utils.parsedate_to_datetime(str(msg["Date"])) is None:
    problems.append("Date does not parse")
body = msg.get_content()
if "RECOMMENDATION" not in body or "ASK" not in body:
    problems.append("body lacks the recommendation or the ask")
if problems:
    print("; ".join(problems))
    sys.exit(1)
print(str(msg["Subject"]))
print(str(msg["Date"]))
