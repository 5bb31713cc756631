// The REST API v1 and the plumbing around it (spec server.md): who is asking (session
// cookie or bearer token), whether they may (roles; CSRF for browsers), which route, and
// the answer: the same JSON documents the command line prints with --json, errors as
// problem+json. Handlers are thin adapters over app/ use cases and report/ documents
// (api_*.cc, one file per area); this file's Api ties them to the HTTP server.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "tpmkit/base/clock.h"
#include "tpmkit/server/http_server.h"
#include "tpmkit/server/router.h"

namespace tpmkit::server {

struct ApiOptions {
  std::string db_url;
  const Clock* clock = nullptr;  // required; outlives the Api
  // The origin browsers use ("https://tpm.example.com"); empty: the request's Host, over
  // http. Cross-origin state-changing requests are refused.
  std::string public_url;
  // Where uploaded evidence files are kept (one folder per program and item).
  std::filesystem::path evidence_root;
  int max_simulations = 2;       // forecasts and simulations running at once; others wait
  int max_iterations = 200'000;  // per forecast request
  int forecast_threads = 1;      // threads one forecast request may use
};

class Api {
 public:
  explicit Api(ApiOptions options);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Thread-safe: called by the server's workers.
  Reply Handle(HttpRequest& request, const Peer& peer);

  // Every route, for the OpenAPI check and the docs.
  const RouteTable& Routes() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tpmkit::server
