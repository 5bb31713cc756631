// The routes of the server: METHOD + a path pattern whose segments are literals or
// {name} parameters ("/api/v1/programs/{id}/risks/{rid}"). Requests are matched segment
// by segment on their percent-decoded path, so a parameter never spans a '/', and an
// encoded "%2F" inside one stays part of its value. A path that matches a pattern under
// another method gives the methods it allows (405 with Allow).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tpmkit::server {

// The decoded parts of a request target.
struct Target {
  std::vector<std::string> segments;                       // path, split at '/', decoded
  std::vector<std::pair<std::string, std::string>> query;  // in order, decoded
  // The first value of query parameter `name`.
  std::optional<std::string> Query(std::string_view name) const;
};

// Parses an origin-form target ("/a/b?x=1"). nullopt when it is not one (an absolute URL,
// a bad percent-escape, a NUL byte, a "." or ".." segment).
std::optional<Target> ParseTarget(std::string_view target);

struct PathParams {
  std::vector<std::pair<std::string, std::string>> values;
  // The value of parameter `name`; "" when the route has none.
  const std::string& Get(std::string_view name) const;
};

class RouteTable {
 public:
  // Returns the route's index (the order of Add calls).
  size_t Add(std::string_view method, std::string_view pattern);

  struct Match {
    std::optional<size_t> route;  // the route matched; nullopt when none
    PathParams params;
    std::string allow;  // when no route matched but the path did: "GET, POST"
  };
  Match Find(std::string_view method, const std::vector<std::string>& segments) const;

  // The pattern of route `index` (for the access log and the OpenAPI test).
  const std::string& Pattern(size_t index) const { return routes_[index].pattern; }
  const std::string& Method(size_t index) const { return routes_[index].method; }
  size_t size() const { return routes_.size(); }

 private:
  struct Segment {
    std::string text;
    bool param = false;
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
  };
  static bool Matches(const Route& route, const std::vector<std::string>& segments,
                      PathParams* params);
  std::vector<Route> routes_;
};

}  // namespace tpmkit::server
