// What the forms of the register pages (scorecard, stakeholders, decisions, changes) share:
// reading a typed number, the busy error of a page that simulates, and the diagnostics of a
// refused edit beside their fields (the stale-form sentence is page.h's StaleFormProblem).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/error.h"
#include "tpmkit/server/call.h"
#include "tpmkit/server/form.h"

namespace tpmkit::server::web {

// A form shown again after a refused submission: what was typed (nullptr: a fresh form),
// the errors beside their fields (by field name) and a problem for the top of the form.
struct FormState {
  const Form* typed = nullptr;
  std::map<std::string, std::string> errors;
  std::string problem;
};

// `text` as a finite number, all of it ("0.3", "12"); nullopt otherwise.
std::optional<double> TypedNumber(const std::string& text);
// `text` as a whole number of at most six digits ("4"); nullopt otherwise.
std::optional<int> TypedWholeNumber(const std::string& text);

// The error of a page that found every simulation slot taken (kBusy: 503, try again).
Error SimulationsBusy();

// A refused edit's diagnostics ("scorecard.assessments[3].ratings.vendor: ...") beside the
// fields whose name ends their path ("ratings.vendor"), unless a field has an error
// already; the other diagnostics, or the error's message when it has none, as sentences
// for the top of the form.
std::vector<std::string> DiagnosticsBesideFields(const Error& error,
                                                 const std::vector<std::string>& fields,
                                                 std::map<std::string, std::string>& errors);

}  // namespace tpmkit::server::web
