// OpenStore: the one place that maps a workspace URL to a backend.
#include "tpmkit/store/store.h"

#include "tpmkit/store/sqlite/sqlite_store.h"

namespace tpmkit::store {

Result<std::unique_ptr<Store>> OpenStore(const std::string& url, const OpenOptions& options) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return Error::Usage("PostgreSQL workspaces are not supported yet");
  }
  std::string path = url;
  if (path.starts_with("sqlite://")) path = path.substr(9);
  TPMKIT_ASSIGN_OR_RETURN(auto store, sqlite::SqliteStore::Open(path, options));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace tpmkit::store
