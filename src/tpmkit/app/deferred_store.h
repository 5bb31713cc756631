// The workspace as the command line opens it: once per process, and only when a command
// first needs it, so that commands reading a file (-f) never touch a database and a
// mistyped --db is not created by a read. Every error of the workspace names it.
#pragma once

#include <memory>
#include <string>

#include "tpmkit/base/clock.h"
#include "tpmkit/store/store.h"

namespace tpmkit::app {

struct DeferredStoreOptions {
  // Create the workspace when it does not exist (init, apply, import). Otherwise a
  // missing workspace is kStorage "no workspace at URL: run `tpmkit init` ...".
  bool create = false;
  // What chose the workspace, when not the command line itself ("TPMKIT_DB"): errors say
  // "workspace URL (from TPMKIT_DB): ...", so that a user knows which setting to change.
  std::string origin = "";
};

// The workspace `url` as it may be printed: a database URL without its password.
std::string ShownWorkspace(const std::string& url);

class DeferredStore final : public store::Store {
 public:
  // `clock` stamps the audit trail's entries; it must outlive the store.
  DeferredStore(std::string url, const Clock& clock, DeferredStoreOptions options = {});
  ~DeferredStore() override;

  // Opens the workspace on the first call (applying migrations), then begins. Errors of the
  // workspace (kStorage, kBusy, kInternal), here and from the transaction's calls, name it:
  // the URL, and options.origin when set.
  Result<std::unique_ptr<store::Transaction>> Begin(store::TxnMode mode) override;

  // Opens (or creates, with options.create) the workspace now.
  Status Open();

 private:
  Error Named(Error error) const;

  std::string url_;
  const Clock& clock_;
  DeferredStoreOptions options_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace tpmkit::app
