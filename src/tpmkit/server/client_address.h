// Who a request comes from, for the login throttle and the audit trail. Behind nginx every
// connection comes from nginx, which tells the client's address in X-Forwarded-For; that
// header is believed only from the proxies named with `serve --trusted-proxy`, since any
// client can send it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tpmkit::server {

// True for an IPv4 or IPv6 address in text ("127.0.0.1", "::1").
bool IsIpAddress(std::string_view text);

// The client's address: `peer` (the connection's), unless `peer` is one of
// `trusted_proxies` and `forwarded_for` ends in an IP address: then that last entry, the
// one the proxy itself added (earlier entries came from the client and prove nothing).
std::string ClientAddress(std::string_view peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies);

}  // namespace tpmkit::server
