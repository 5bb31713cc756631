#include "tpmkit/server/router.h"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace tpmkit::server {

std::optional<std::string> Target::Query(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<Target> ParseTarget(std::string_view text) {
  auto parsed = boost::urls::parse_origin_form(text);
  if (!parsed) return std::nullopt;
  const boost::urls::url_view& url = *parsed;
  Target target;
  for (auto segment : url.segments()) {
    if (segment == "." || segment == ".." || segment.find('\0') != std::string::npos)
      return std::nullopt;
    target.segments.push_back(std::move(segment));
  }
  // "/a/b/" and "/a/b" are the same resource.
  if (!target.segments.empty() && target.segments.back().empty()) target.segments.pop_back();
  for (auto param : url.params()) {
    if (param.key.find('\0') != std::string::npos || param.value.find('\0') != std::string::npos)
      return std::nullopt;
    target.query.emplace_back(std::move(param.key), std::move(param.value));
  }
  return target;
}

const std::string& PathParams::Get(std::string_view name) const {
  static const std::string kEmpty;
  for (const auto& [key, value] : values) {
    if (key == name) return value;
  }
  return kEmpty;
}

size_t RouteTable::Add(std::string_view method, std::string_view pattern) {
  Route route{std::string(method), std::string(pattern), {}};
  size_t at = 1;  // patterns start with '/'
  while (at <= pattern.size()) {
    size_t end = pattern.find('/', at);
    if (end == std::string_view::npos) end = pattern.size();
    std::string_view part = pattern.substr(at, end - at);
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      route.segments.push_back({std::string(part.substr(1, part.size() - 2)), true});
    } else {
      route.segments.push_back({std::string(part), false});
    }
    at = end + 1;
  }
  routes_.push_back(std::move(route));
  return routes_.size() - 1;
}

bool RouteTable::Matches(const Route& route, const std::vector<std::string>& segments,
                         PathParams* params) {
  if (route.segments.size() != segments.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i) {
    const auto& s = route.segments[i];
    if (s.param) {
      if (segments[i].empty()) return false;
      if (params) params->values.emplace_back(s.text, segments[i]);
    } else if (s.text != segments[i]) {
      return false;
    }
  }
  return true;
}

RouteTable::Match RouteTable::Find(std::string_view method,
                                   const std::vector<std::string>& segments) const {
  Match match;
  for (size_t i = 0; i < routes_.size(); ++i) {
    const Route& route = routes_[i];
    if (route.method == method) {
      PathParams params;
      if (Matches(route, segments, &params)) {
        match.route = i;
        match.params = std::move(params);
        match.allow.clear();
        return match;
      }
    } else if (Matches(route, segments, nullptr)) {
      if (match.allow.find(route.method) == std::string::npos)
        match.allow += (match.allow.empty() ? "" : ", ") + route.method;
    }
  }
  return match;
}

}  // namespace tpmkit::server
