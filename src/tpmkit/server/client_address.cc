#include "tpmkit/server/client_address.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>

namespace tpmkit::server {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Parsed, so that "::1" and "0:0::1" are the same proxy.
bool Parse(std::string_view text, boost::asio::ip::address& out) {
  boost::system::error_code ec;
  out = boost::asio::ip::make_address(std::string(Trim(text)), ec);
  return !ec;
}

}  // namespace

bool IsIpAddress(std::string_view text) {
  boost::asio::ip::address ignored;
  return Parse(text, ignored);
}

std::string ClientAddress(std::string_view peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies) {
  boost::asio::ip::address from;
  if (trusted_proxies.empty() || forwarded_for.empty() || !Parse(peer, from)) {
    return std::string(peer);
  }
  const bool trusted =
      std::any_of(trusted_proxies.begin(), trusted_proxies.end(), [&](const std::string& proxy) {
        boost::asio::ip::address a;
        return Parse(proxy, a) && a == from;
      });
  if (!trusted) return std::string(peer);
  const auto comma = forwarded_for.rfind(',');
  const auto last =
      comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1);
  boost::asio::ip::address client;
  if (!Parse(last, client)) return std::string(peer);
  return client.to_string();
}

}  // namespace tpmkit::server
