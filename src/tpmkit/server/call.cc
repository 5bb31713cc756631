#include "tpmkit/server/call.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "tpmkit/base/limits.h"
#include "tpmkit/server/api_routes.h"
#include "tpmkit/server/api_state.h"

namespace tpmkit::server {

namespace http = boost::beast::http;

app::Role Call::Role() const { return who ? app::RoleOn(*who, Program()) : app::Role::kNone; }

Result<std::optional<Date>> Call::AsOf() const {
  auto text = target.Query("as_of");
  if (!text) return std::optional<Date>();
  if (auto d = Date::Parse(*text); d && limits::InDateRange(*d)) return std::optional<Date>(*d);
  return Error::Usage("as_of: expected a date YYYY-MM-DD from " + limits::kMinDate.ToString() +
                      " to " + limits::kMaxDate.ToString());
}

Result<int64_t> Call::IntQuery(std::string_view name, int64_t fallback, int64_t lo,
                               int64_t hi) const {
  auto text = target.Query(name);
  if (!text) return fallback;
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size() || v < lo || v > hi)
    return Error::Usage(fmt::format("{}: expected an integer {}..{}", name, lo, hi));
  return v;
}

Result<Call::Simulation> Call::SimulationQuery() const {
  Simulation q;
  TPMKIT_ASSIGN_OR_RETURN(q.as_of, AsOf());
  TPMKIT_ASSIGN_OR_RETURN(auto iterations,
                          IntQuery("iterations", 10'000, 1, options.max_iterations));
  TPMKIT_ASSIGN_OR_RETURN(auto seed, IntQuery("seed", 1, 0, INT64_MAX));
  q.iterations = static_cast<int>(iterations);
  q.seed = static_cast<uint64_t>(seed);
  return q;
}

Result<nlohmann::json> Call::JsonBody() const {
  auto body = nlohmann::json::parse(request.body(), nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object())
    return Error::Usage("the request body must be a JSON object");
  return body;
}

namespace {

HttpResponse Respond(const Call& call, std::string body, http::status status,
                     const std::string& content_type) {
  HttpResponse response{status, call.request.version()};
  response.set(http::field::content_type, content_type);
  if (!call.version.current.empty())
    response.set(http::field::etag, "\"" + call.version.current + "\"");
  response.body() = std::move(body);
  return response;
}

// A file name safe inside a quoted Content-Disposition parameter.
std::string SafeDownloadName(const std::string& name) {
  std::string out;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    out += ok ? c : '_';
  }
  return out.empty() ? "download" : out;
}

}  // namespace

HttpResponse JsonResponse(const Call& call, std::string body, http::status status) {
  if (body.empty() || body.back() != '\n') body += '\n';
  return Respond(call, std::move(body), status, "application/json");
}

HttpResponse DocumentResponse(const Call& call, std::string body, const std::string& content_type,
                              const std::string& download_name) {
  auto response = Respond(call, std::move(body), http::status::ok, content_type);
  if (!download_name.empty()) {
    response.set(http::field::content_disposition,
                 "attachment; filename=\"" + SafeDownloadName(download_name) + "\"");
  }
  return response;
}

namespace {

Error WrongType(const std::string& key, const char* expected) {
  return Error::Invalid(fmt::format("{}: expected {}", key, expected));
}

}  // namespace

Result<std::optional<std::string>> StringField(const nlohmann::json& body, const std::string& key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return WrongType(key, "a string");
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::optional<double>> NumberField(const nlohmann::json& body, const std::string& key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<double>();
  if (!it->is_number()) return WrongType(key, "a number");
  const double v = it->get<double>();
  if (!std::isfinite(v)) return WrongType(key, "a finite number");
  return std::optional<double>(v);
}

Result<std::optional<bool>> BoolField(const nlohmann::json& body, const std::string& key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return WrongType(key, "true or false");
  return std::optional<bool>(it->get<bool>());
}

Result<std::optional<Date>> DateField(const nlohmann::json& body, const std::string& key) {
  TPMKIT_ASSIGN_OR_RETURN(auto text, StringField(body, key));
  if (!text) return std::optional<Date>();
  if (auto d = Date::Parse(*text); d && limits::InDateRange(*d)) return std::optional<Date>(*d);
  return WrongType(key, "a date YYYY-MM-DD from 1900-01-01 to 2200-12-31");
}

Status OnlyFields(const nlohmann::json& body, std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : body.items()) {
    bool found = false;
    for (auto k : known) found = found || k == key;
    if (!found) {
      std::string list;
      for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      // The key is the client's text: quoted through JSON so nothing in it is raw.
      return Error::Invalid(fmt::format(
          "unknown field {} (known: {})",
          nlohmann::json(key).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
          list));
    }
  }
  return OkStatus();
}

std::optional<HttpResponse> SimulationBusy(const SimulationSlot& slot) {
  if (slot.held()) return std::nullopt;
  auto response = ProblemResponse(http::status::service_unavailable,
                                  "The server is running as many simulations as it may; try "
                                  "again in a few seconds.");
  response.set(http::field::retry_after, "5");
  return response;
}

StorePool::Lease StorePool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  return Lease(*this, std::make_unique<app::DeferredStore>(url_, clock_));
}

void StorePool::Return(std::unique_ptr<app::DeferredStore> store) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
}

std::optional<std::string> ReadCache::Find(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

void ReadCache::Put(const std::string& key, std::string body) {
  const size_t size = key.size() + body.size();
  if (size > max_bytes_ / 16) return;
  std::lock_guard lock(mutex_);
  if (entries_.contains(key)) return;
  while ((entries_.size() >= max_entries_ || bytes_ + size > max_bytes_) && !order_.empty()) {
    auto oldest = entries_.find(order_.front());
    bytes_ -= oldest->first.size() + oldest->second.size();
    entries_.erase(oldest);
    order_.pop_front();
  }
  entries_.emplace(key, std::move(body));
  order_.push_back(key);
  bytes_ += size;
}

}  // namespace tpmkit::server
