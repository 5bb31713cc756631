#include "tpmkit/server/problem.h"

#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"

namespace tpmkit::server {

namespace http = boost::beast::http;

HttpResponse ProblemResponse(http::status status, const std::string& detail,
                             const std::vector<Diagnostic>& errors) {
  nlohmann::ordered_json body = {{"type", "about:blank"},
                                 {"title", std::string(http::obsolete_reason(status))},
                                 {"status", static_cast<int>(status)},
                                 {"detail", detail}};
  if (!errors.empty()) {
    auto& list = body["errors"] = nlohmann::ordered_json::array();
    for (const auto& d : errors) {
      nlohmann::ordered_json e = {{"line", d.line}, {"column", d.column}, {"message", d.message}};
      if (!d.file.empty()) e["file"] = d.file;
      list.push_back(std::move(e));
    }
  }
  HttpResponse response{status, 11};
  response.set(http::field::content_type, "application/problem+json");
  // Invalid UTF-8 quoted from a request is replaced, never a reason to fail.
  response.body() = body.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return response;
}

http::status StatusFor(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidInput:
      return error.diagnostics.empty() ? http::status::bad_request
                                       : http::status::unprocessable_entity;
    case ErrorCode::kUsage:
      return http::status::bad_request;
    case ErrorCode::kNotFound:
      return http::status::not_found;
    case ErrorCode::kConflict:
    case ErrorCode::kBusy:
      return http::status::conflict;
    case ErrorCode::kStale:
      return http::status::precondition_failed;
    case ErrorCode::kUnauthorized:
      return http::status::unauthorized;
    case ErrorCode::kThrottled:
      return http::status::too_many_requests;
    case ErrorCode::kCheckFailed:
      return http::status::unprocessable_entity;
    case ErrorCode::kStorage:
      return http::status::service_unavailable;
    case ErrorCode::kInternal:
      return http::status::internal_server_error;
  }
  return http::status::internal_server_error;
}

void LogServerError(const Error& error) {
  static std::mutex log_mutex;
  std::lock_guard lock(log_mutex);
  std::cerr << "tpmkit serve: " << (error.code == ErrorCode::kStorage ? "storage" : "internal")
            << " error: " << EscapeControls(error.message) << "\n";
}

HttpResponse ErrorResponse(const Error& error) {
  const auto status = StatusFor(error);
  if (error.code == ErrorCode::kStorage || error.code == ErrorCode::kInternal) {
    LogServerError(error);
    auto response = ProblemResponse(
        status, error.code == ErrorCode::kStorage
                    ? "The workspace database cannot be used right now; try again shortly."
                    : "The server could not answer this request; the operator's log has the "
                      "details.");
    if (error.code == ErrorCode::kStorage) response.set(http::field::retry_after, "5");
    return response;
  }
  if (error.code == ErrorCode::kBusy) {
    auto response = ProblemResponse(status, error.message);
    response.set(http::field::retry_after, "1");
    return response;
  }
  return ProblemResponse(status, error.message, error.diagnostics);
}

}  // namespace tpmkit::server
