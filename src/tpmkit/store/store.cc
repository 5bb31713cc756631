// OpenStore: the one place that maps a workspace URL to a backend.
#include "tpmkit/store/store.h"

#include "tpmkit/store/postgres/postgres_store.h"
#include "tpmkit/store/sqlite/sqlite_store.h"

namespace tpmkit::store {

namespace {

bool IsPostgresUrl(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

}  // namespace

std::string RedactUrl(const std::string& url) {
  if (!IsPostgresUrl(url)) return url;
  std::string out = url;
  // scheme://user:password@host...: the password is between the user's colon and the
  // last '@' of the authority.
  const size_t start = out.find("://") + 3;
  size_t end = out.find_first_of("/?#", start);
  if (end == std::string::npos) end = out.size();
  const size_t at = out.rfind('@', end);
  if (at != std::string::npos && at >= start) {
    const size_t colon = out.find(':', start);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  // ...?password=...&...
  for (size_t p = 0; (p = out.find("password=", p)) != std::string::npos;) {
    const size_t value = p + 9;
    size_t stop = out.find_first_of("&#", value);
    if (stop == std::string::npos) stop = out.size();
    out.replace(value, stop - value, "***");
    p = value + 3;
  }
  return out;
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& url, const OpenOptions& options) {
  if (IsPostgresUrl(url)) {
    TPMKIT_ASSIGN_OR_RETURN(auto store, postgres::PostgresStore::Open(url, options));
    return std::unique_ptr<Store>(std::move(store));
  }
  std::string path = url;
  if (path.starts_with("sqlite://")) path = path.substr(9);
  TPMKIT_ASSIGN_OR_RETURN(auto store, sqlite::SqliteStore::Open(path, options));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace tpmkit::store
