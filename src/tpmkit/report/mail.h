// The pieces of an RFC 5322 / MIME message that the escalation's .eml and the status
// report's email share: header values, display names, the Date header, CRLF bodies.
#pragma once

#include <string>

#include "tpmkit/base/date.h"

namespace tpmkit::report {

// A header value on one line: control characters (a line break would start a new header)
// become spaces.
std::string OneLine(std::string s);
// A header value: as is when ASCII, else one RFC 2047 encoded word (UTF-8, base64).
std::string HeaderText(const std::string& text);
// A display name: quoted when it has specials, encoded when not ASCII.
std::string DisplayName(const std::string& text);
// A From/To value: "Display Name <address>" (the address alone when there is no name).
std::string MailboxHeader(const std::string& name, const std::string& address);
// "Mon, 15 Jun 2026 09:00:00 +0000": 09:00 UTC on `date`, so that drafts are deterministic.
std::string MailDate(Date date);
// `text` with every "\n" as "\r\n".
std::string Crlf(const std::string& text);

}  // namespace tpmkit::report
