#include "tpmkit/app/deferred_store.h"

#include <utility>

namespace tpmkit::app {

DeferredStore::DeferredStore(std::string url, const Clock& clock, DeferredStoreOptions options)
    : url_(std::move(url)), clock_(clock), options_(options) {}

DeferredStore::~DeferredStore() = default;

Status DeferredStore::Open() {
  if (store_) return OkStatus();
  store::OpenOptions open;
  open.create = options_.create;
  open.clock = [this] { return clock_.Now(); };
  auto opened = store::OpenStore(url_, open);
  if (!opened.ok()) {
    if (opened.error().code == ErrorCode::kNotFound) {
      return Error{ErrorCode::kStorage,
                   "no workspace at " + url_ +
                       ": run `tpmkit init` or `tpmkit apply FILE` first, or name one with --db",
                   {}};
    }
    return opened.error();
  }
  store_ = std::move(*opened);
  return OkStatus();
}

Result<std::unique_ptr<store::Transaction>> DeferredStore::Begin(store::TxnMode mode) {
  TPMKIT_RETURN_IF_ERROR(Open());
  return store_->Begin(mode);
}

}  // namespace tpmkit::app
