#include "tpmkit/app/deferred_store.h"

#include <functional>
#include <utility>

namespace tpmkit::app {

namespace {

// Whether an error is the workspace's own (it could not be read or written), as opposed to
// a missing record or a refused value, which the caller words.
bool OfTheWorkspace(ErrorCode code) {
  return code == ErrorCode::kStorage || code == ErrorCode::kBusy || code == ErrorCode::kInternal;
}

// Words an error of the workspace (DeferredStore::Named).
using Namer = std::function<Error(Error)>;

// The rows of a transaction whose errors pass through `name`.
class NamedAccountRows final : public store::AccountRows {
 public:
  NamedAccountRows(store::AccountRows& rows, Namer name) : rows_(rows), name_(std::move(name)) {}

  Result<std::optional<store::UserRecord>> LoadUser(const std::string& name) override {
    return Pass(rows_.LoadUser(name));
  }
  Result<std::vector<store::UserRecord>> ListUsers() override { return Pass(rows_.ListUsers()); }
  Status PutUser(const store::UserRecord& user) override { return Pass(rows_.PutUser(user)); }
  Result<std::vector<store::GrantRecord>> ListGrants(
      const std::optional<std::string>& user) override {
    return Pass(rows_.ListGrants(user));
  }
  Status PutGrant(const store::GrantRecord& grant) override { return Pass(rows_.PutGrant(grant)); }
  Result<int64_t> DeleteGrant(const std::string& user, const std::string& program) override {
    return Pass(rows_.DeleteGrant(user, program));
  }
  Result<std::optional<store::SessionRecord>> LoadSession(const std::string& id_hash) override {
    return Pass(rows_.LoadSession(id_hash));
  }
  Result<std::vector<store::SessionRecord>> ListSessions(const std::string& user) override {
    return Pass(rows_.ListSessions(user));
  }
  Status PutSession(const store::SessionRecord& session) override {
    return Pass(rows_.PutSession(session));
  }
  Result<int64_t> DeleteSession(const std::string& id_hash) override {
    return Pass(rows_.DeleteSession(id_hash));
  }
  Result<int64_t> DeleteSessions(const std::string& user, const std::string& keep) override {
    return Pass(rows_.DeleteSessions(user, keep));
  }
  Result<int64_t> DeleteExpiredSessions(int64_t idle_before, int64_t created_before) override {
    return Pass(rows_.DeleteExpiredSessions(idle_before, created_before));
  }
  Result<std::optional<store::TokenRecord>> LoadToken(const std::string& hash) override {
    return Pass(rows_.LoadToken(hash));
  }
  Result<std::vector<store::TokenRecord>> ListTokens(const std::string& user) override {
    return Pass(rows_.ListTokens(user));
  }
  Status PutToken(const store::TokenRecord& token) override { return Pass(rows_.PutToken(token)); }
  Result<int64_t> DeleteToken(const std::string& id) override {
    return Pass(rows_.DeleteToken(id));
  }
  Status AddLoginFailure(const std::string& user, const std::string& address, int64_t at) override {
    return Pass(rows_.AddLoginFailure(user, address, at));
  }
  Result<store::LoginFailureCounts> CountLoginFailures(const std::string& user,
                                                       const std::string& address,
                                                       int64_t since) override {
    return Pass(rows_.CountLoginFailures(user, address, since));
  }
  Status ClearLoginFailures(const std::string& user, int64_t before) override {
    return Pass(rows_.ClearLoginFailures(user, before));
  }

 private:
  template <class R>
  R Pass(R result) const {
    if (!result.ok()) return name_(result.error());
    return result;
  }

  store::AccountRows& rows_;
  Namer name_;
};

// A transaction whose errors pass through `name`.
class NamedTransaction final : public store::Transaction {
 public:
  NamedTransaction(std::unique_ptr<store::Transaction> txn, Namer name)
      : txn_(std::move(txn)), name_(name), accounts_(txn_->Accounts(), std::move(name)) {}

  Result<std::vector<store::ProgramSummary>> ListPrograms() override {
    return Pass(txn_->ListPrograms());
  }
  Result<std::optional<model::Program>> LoadProgram(const std::string& id) override {
    return Pass(txn_->LoadProgram(id));
  }
  Status PutProgram(const model::Program& program) override {
    return Pass(txn_->PutProgram(program));
  }
  Status DeleteProgram(const std::string& id) override { return Pass(txn_->DeleteProgram(id)); }
  Result<std::vector<store::AuditEntry>> AppendAudit(
      const std::string& actor, const std::string& program,
      const std::vector<model::EntityChange>& changes) override {
    return Pass(txn_->AppendAudit(actor, program, changes));
  }
  Status CopyAudit(const std::vector<store::AuditEntry>& entries) override {
    return Pass(txn_->CopyAudit(entries));
  }
  Result<std::vector<store::AuditEntry>> ReadAudit(const store::AuditFilter& filter) override {
    return Pass(txn_->ReadAudit(filter));
  }
  Result<store::VerifyResult> VerifyAudit() override { return Pass(txn_->VerifyAudit()); }
  Result<std::string> ProgramVersion(const std::string& program) override {
    return Pass(txn_->ProgramVersion(program));
  }
  Result<std::vector<store::SnapshotRecord>> ReadSnapshots(const std::string& program) override {
    return Pass(txn_->ReadSnapshots(program));
  }
  Status PutSnapshot(const store::SnapshotRecord& snapshot) override {
    return Pass(txn_->PutSnapshot(snapshot));
  }
  store::AccountRows& Accounts() override { return accounts_; }
  Status Commit() override { return Pass(txn_->Commit()); }

 private:
  template <class R>
  R Pass(R result) const {
    if (!result.ok()) return name_(result.error());
    return result;
  }

  std::unique_ptr<store::Transaction> txn_;
  Namer name_;
  NamedAccountRows accounts_;
};

}  // namespace

DeferredStore::DeferredStore(std::string url, const Clock& clock, DeferredStoreOptions options)
    : url_(std::move(url)), clock_(clock), options_(std::move(options)) {}

DeferredStore::~DeferredStore() = default;

std::string ShownWorkspace(const std::string& url) { return store::RedactUrl(url); }

Error DeferredStore::Named(Error error) const {
  if (!OfTheWorkspace(error.code)) return error;
  // A database URL's password is never shown (the store's messages redact it too).
  const std::string shown = store::RedactUrl(url_);
  const std::string name =
      options_.origin.empty() ? shown : shown + " (from " + options_.origin + ")";
  // Messages that name the workspace already get the origin beside the name.
  if (const size_t at = error.message.find(shown); at != std::string::npos) {
    error.message.replace(at, shown.size(), name);
  } else {
    error.message = "workspace " + name + ": " + error.message;
  }
  return error;
}

Status DeferredStore::Open() {
  if (store_) return OkStatus();
  store::OpenOptions open;
  open.create = options_.create;
  open.clock = [this] { return clock_.Now(); };
  auto opened = store::OpenStore(url_, open);
  if (!opened.ok()) {
    if (opened.error().code == ErrorCode::kNotFound) {
      return Named(Error{ErrorCode::kStorage,
                         "no workspace at " + store::RedactUrl(url_) +
                             ": run `tpmkit init` or `tpmkit apply FILE` first, or name one "
                             "with --db",
                         {}});
    }
    return Named(opened.error());
  }
  store_ = std::move(*opened);
  return OkStatus();
}

Result<std::unique_ptr<store::Transaction>> DeferredStore::Begin(store::TxnMode mode) {
  TPMKIT_RETURN_IF_ERROR(Open());
  auto txn = store_->Begin(mode);
  if (!txn.ok()) return Named(txn.error());
  return std::unique_ptr<store::Transaction>(std::make_unique<NamedTransaction>(
      std::move(*txn), [this](Error error) { return Named(std::move(error)); }));
}

}  // namespace tpmkit::app
