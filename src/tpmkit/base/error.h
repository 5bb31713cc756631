// Error values for everything a user can cause, and the Result<T> that carries them.
// ErrorCode maps to exit codes in exit_code.h (cli.md) and, later, HTTP statuses.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "tpmkit/base/diagnostic.h"

namespace tpmkit {

enum class ErrorCode {
  kInvalidInput,  // bad file, bad argument, failed validation: exit 2
  kUsage,         // wrong command-line usage: exit 2
  kNotFound,      // a named program, risk, item... does not exist: exit 2
  kConflict,      // the request contradicts the stored state: exit 2
  kStale,         // the program changed since the version the request was based on: exit 2
  kUnauthorized,  // no credentials, or wrong or expired ones (server: 401): exit 2
  kThrottled,     // too many failed logins; try again later (server: 429): exit 2
  kStorage,       // the workspace could not be read or written: exit 3
  kBusy,          // the workspace is locked by another writer: exit 3
  kCheckFailed,   // the command ran and the program failed the check asked for: exit 1
  kInternal,      // a bug; reported, exit 3
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<Diagnostic> diagnostics;  // one per problem when input was rejected

  static Error Invalid(std::string msg) { return {ErrorCode::kInvalidInput, std::move(msg), {}}; }
  static Error NotFound(std::string msg) { return {ErrorCode::kNotFound, std::move(msg), {}}; }
  static Error Storage(std::string msg) { return {ErrorCode::kStorage, std::move(msg), {}}; }
  static Error Usage(std::string msg) { return {ErrorCode::kUsage, std::move(msg), {}}; }
  static Error Conflict(std::string msg) { return {ErrorCode::kConflict, std::move(msg), {}}; }
  static Error Stale(std::string msg) { return {ErrorCode::kStale, std::move(msg), {}}; }
  static Error Unauthorized(std::string msg) {
    return {ErrorCode::kUnauthorized, std::move(msg), {}};
  }
};

// An std::expected-shaped result. Access to the wrong alternative is a bug (CHECK).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit on purpose
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& { return error_; }
  Error&& error() && { return std::move(error_); }

 private:
  Error error_;
  bool ok_ = true;
};

inline Status OkStatus() { return {}; }

}  // namespace tpmkit

// Propagates an error from an expression yielding Status or Result<T>.
#define TPMKIT_RETURN_IF_ERROR(expr)                                    \
  do {                                                                  \
    auto tpmkit_status_ = (expr);                                       \
    if (!tpmkit_status_.ok()) return std::move(tpmkit_status_).error(); \
  } while (0)

#define TPMKIT_CONCAT_INNER_(a, b) a##b
#define TPMKIT_CONCAT_(a, b) TPMKIT_CONCAT_INNER_(a, b)
#define TPMKIT_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return std::move(tmp).error();       \
  lhs = std::move(tmp).value()
// TPMKIT_ASSIGN_OR_RETURN(auto x, MakeX());
#define TPMKIT_ASSIGN_OR_RETURN(lhs, expr) \
  TPMKIT_ASSIGN_OR_RETURN_IMPL_(TPMKIT_CONCAT_(tpmkit_result_, __LINE__), lhs, expr)
