// Errors as RFC 9457 problem details (application/problem+json): {"type", "title",
// "status", "detail", "errors": [{"line", "column", "message"}]}. The detail is always
// the project's own sentence: an error's message when it is the user's to fix, a fixed
// sentence when it is the server's (storage, internal), whose text may name paths or
// database internals and goes to the operator's log instead.
#pragma once

#include <string>
#include <vector>

#include "tpmkit/base/diagnostic.h"
#include "tpmkit/base/error.h"
#include "tpmkit/server/http_server.h"

namespace tpmkit::server {

HttpResponse ProblemResponse(boost::beast::http::status status, const std::string& detail,
                             const std::vector<Diagnostic>& errors = {});

// The status of an error: kInvalidInput 422 when it has diagnostics (a file or fields with
// problems) else 400; kUsage 400; kNotFound 404; kConflict 409; kStale 412; kBusy 409;
// kStorage 503 (with Retry-After); kCheckFailed 422; kInternal 500.
boost::beast::http::status StatusFor(const Error& error);

// Writes an error of the server's side (storage, internal) with its text to the operator's
// log (stderr), one line, control characters escaped.
void LogServerError(const Error& error);

// The problem response for a use case's error. Errors of the server's side are logged
// (with their text) through `log_internal` and answered with a fixed sentence.
HttpResponse ErrorResponse(const Error& error);

}  // namespace tpmkit::server
