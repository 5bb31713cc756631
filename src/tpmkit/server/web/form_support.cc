#include "tpmkit/server/web/form_support.h"

#include <charconv>
#include <cmath>

namespace tpmkit::server::web {

std::optional<double> TypedNumber(const std::string& text) {
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

std::optional<int> TypedWholeNumber(const std::string& text) {
  auto v = TypedNumber(text);
  if (!v || *v != std::floor(*v) || std::fabs(*v) >= 1e6) return std::nullopt;
  return static_cast<int>(*v);
}

Error SimulationsBusy() {
  return {ErrorCode::kBusy,
          "The server is running as many simulations as it may; try again in a few seconds.",
          {}};
}

std::vector<std::string> DiagnosticsBesideFields(const Error& error,
                                                 const std::vector<std::string>& fields,
                                                 std::map<std::string, std::string>& errors) {
  std::vector<std::string> rest;
  for (const auto& d : error.diagnostics) {
    const std::string& m = d.message;
    const auto colon = m.find(": ");
    const std::string path = colon == std::string::npos ? "" : m.substr(0, colon);
    bool placed = false;
    for (const auto& f : fields) {
      if ((path == f || path.ends_with("." + f)) && !errors.contains(f)) {
        errors[f] = m.substr(colon + 2);
        placed = true;
        break;
      }
    }
    if (!placed) rest.push_back(m);
  }
  if (error.diagnostics.empty()) rest.push_back(error.message);
  return rest;
}

}  // namespace tpmkit::server::web
