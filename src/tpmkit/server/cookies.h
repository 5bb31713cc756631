// The session cookie (spec server.md): __Host-tpmkit, HttpOnly, Secure, SameSite=Lax,
// Path=/. The __Host- prefix makes browsers refuse it without Secure and Path=/ or with a
// Domain, so no other host can plant or read it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tpmkit::server {

inline constexpr std::string_view kSessionCookie = "__Host-tpmkit";

// The value of cookie `name` in a Cookie header ("a=1; b=2"); nullopt when absent. The
// first occurrence wins.
std::optional<std::string> FindCookie(std::string_view header, std::string_view name);

// The Set-Cookie value that stores a session for `max_age_seconds` (0: deletes it).
std::string SessionCookie(std::string_view value, int64_t max_age_seconds);

}  // namespace tpmkit::server
