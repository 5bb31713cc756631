// One API request as a handler sees it: the request, its decoded target and path
// parameters, the caller, and an Env for the use cases (the caller as actor, the
// If-Match version to check, the version read reported back for the ETag). Plus the
// helpers every handler shares: reading a JSON body, answering JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "tpmkit/app/access.h"
#include "tpmkit/app/env.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/server/api.h"
#include "tpmkit/server/http_server.h"
#include "tpmkit/server/problem.h"
#include "tpmkit/server/router.h"

namespace tpmkit::server {

struct ApiState;  // api.cc: shared caches and limits

struct Call {
  HttpRequest& request;
  const Peer& peer;
  Target target;
  PathParams params;
  app::Env& env;
  app::VersionCheck& version;
  std::optional<app::Principal> who;  // nullopt: anonymous (public routes only)
  const ApiOptions& options;
  ApiState& state;
  std::string logged_in;  // set by the login route: the access log's user

  const std::string& Param(std::string_view name) const { return params.Get(name); }
  const std::string& Program() const { return params.Get("id"); }
  // The role of the caller on the route's program.
  app::Role Role() const;

  // ?as_of=YYYY-MM-DD; kUsage for a bad date.
  Result<std::optional<Date>> AsOf() const;
  // ?NAME=N as an integer in [lo, hi]; `fallback` when absent. kUsage otherwise.
  Result<int64_t> IntQuery(std::string_view name, int64_t fallback, int64_t lo, int64_t hi) const;
  // ?as_of, ?iterations (1..options.max_iterations, default 10,000) and ?seed (default 1)
  // of a read that simulates.
  struct Simulation {
    std::optional<Date> as_of;
    int iterations = 10'000;
    uint64_t seed = 1;
  };
  Result<Simulation> SimulationQuery() const;
  // The body as a JSON object. kUsage when it is not one (or not JSON at all).
  Result<nlohmann::json> JsonBody() const;
};

using Handler = HttpResponse (*)(Call& call);

// A JSON answer (application/json), with the program's version as ETag when known.
HttpResponse JsonResponse(const Call& call, std::string body,
                          boost::beast::http::status status = boost::beast::http::status::ok);
// A document in another type (text/yaml, application/xml, application/zip, ...).
HttpResponse DocumentResponse(const Call& call, std::string body, const std::string& content_type,
                              const std::string& download_name = "");

// Evaluates `expr` (a Result); answers its error as problem+json from the handler, else
// declares `lhs` with its value.
#define TPMKIT_OR_RESPOND(lhs, expr)                                                    \
  auto lhs##_result = (expr);                                                           \
  if (!lhs##_result.ok()) return ::tpmkit::server::ErrorResponse(lhs##_result.error()); \
  auto lhs = std::move(*lhs##_result)

class SimulationSlot;
// The answer when no simulation slot freed up in time (503 with Retry-After); nullopt
// when the slot is held.
std::optional<HttpResponse> SimulationBusy(const SimulationSlot& slot);

// Fields of a JSON body, with the checks every handler needs. Each returns kInvalidInput
// naming the field when the value has the wrong type.
Result<std::optional<std::string>> StringField(const nlohmann::json& body, const std::string& key);
Result<std::optional<double>> NumberField(const nlohmann::json& body, const std::string& key);
Result<std::optional<bool>> BoolField(const nlohmann::json& body, const std::string& key);
Result<std::optional<Date>> DateField(const nlohmann::json& body, const std::string& key);
// kInvalidInput when the body has a key not in `known` (a typo must not pass silently).
Status OnlyFields(const nlohmann::json& body, std::initializer_list<std::string_view> known);

}  // namespace tpmkit::server
