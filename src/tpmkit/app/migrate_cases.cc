#include "tpmkit/app/migrate_cases.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "tpmkit/model/program.h"
#include "tpmkit/store/store.h"

namespace tpmkit::app {

namespace {

// Everything a workspace holds that migrate copies, read in one transaction.
struct WorkspaceContents {
  std::vector<model::Program> programs;
  std::vector<store::SnapshotRecord> snapshots;
  std::vector<store::AuditEntry> trail;  // oldest first
  std::vector<store::UserRecord> users;
  std::vector<store::GrantRecord> grants;
  std::vector<store::SessionRecord> sessions;
  std::vector<store::TokenRecord> tokens;
};

// `error` with the workspace it came from in front: "source URL: ..." / "target URL: ...".
Error Of(const std::string& which, const std::string& url, Error error) {
  error.message = fmt::format("{} {}: {}", which, store::RedactUrl(url), error.message);
  return error;
}

Result<WorkspaceContents> ReadAll(store::Transaction& t) {
  TPMKIT_ASSIGN_OR_RETURN(store::VerifyResult verified, t.VerifyAudit());
  if (!verified.ok) {
    return Error{ErrorCode::kConflict,
                 fmt::format("its audit trail does not verify (entry {}: {}); a broken chain is "
                             "not carried over: run `tpmkit audit verify` there",
                             verified.first_bad.value_or(0), verified.reason),
                 {}};
  }
  WorkspaceContents c;
  TPMKIT_ASSIGN_OR_RETURN(auto listed, t.ListPrograms());
  for (const auto& summary : listed) {
    TPMKIT_ASSIGN_OR_RETURN(std::optional<model::Program> p, t.LoadProgram(summary.id));
    if (!p) continue;
    c.programs.push_back(std::move(*p));
    TPMKIT_ASSIGN_OR_RETURN(auto snapshots, t.ReadSnapshots(summary.id));
    for (auto& s : snapshots) c.snapshots.push_back(std::move(s));
  }
  TPMKIT_ASSIGN_OR_RETURN(c.trail, t.ReadAudit({}));
  std::reverse(c.trail.begin(), c.trail.end());  // ReadAudit gives the newest first
  store::AccountRows& accounts = t.Accounts();
  TPMKIT_ASSIGN_OR_RETURN(c.users, accounts.ListUsers());
  TPMKIT_ASSIGN_OR_RETURN(c.grants, accounts.ListGrants(std::nullopt));
  for (const auto& user : c.users) {
    TPMKIT_ASSIGN_OR_RETURN(auto sessions, accounts.ListSessions(user.name));
    for (auto& s : sessions) c.sessions.push_back(std::move(s));
    TPMKIT_ASSIGN_OR_RETURN(auto tokens, accounts.ListTokens(user.name));
    for (auto& tok : tokens) c.tokens.push_back(std::move(tok));
  }
  return c;
}

// kConflict unless the target holds no program, no trail entry and no user.
Status RequireEmpty(store::Transaction& t) {
  TPMKIT_ASSIGN_OR_RETURN(auto programs, t.ListPrograms());
  TPMKIT_ASSIGN_OR_RETURN(auto trail, t.ReadAudit({}));
  TPMKIT_ASSIGN_OR_RETURN(auto users, t.Accounts().ListUsers());
  if (programs.empty() && trail.empty() && users.empty()) return OkStatus();
  return Error{ErrorCode::kConflict,
               fmt::format("the workspace is not empty ({} programs, {} audit entries, {} "
                           "users): migrate only into a new workspace",
                           programs.size(), trail.size(), users.size()),
               {}};
}

Status WriteAll(store::Transaction& t, const WorkspaceContents& c) {
  for (const auto& p : c.programs) TPMKIT_RETURN_IF_ERROR(t.PutProgram(p));
  TPMKIT_RETURN_IF_ERROR(t.CopyAudit(c.trail));
  for (const auto& s : c.snapshots) TPMKIT_RETURN_IF_ERROR(t.PutSnapshot(s));
  store::AccountRows& accounts = t.Accounts();
  for (const auto& u : c.users) TPMKIT_RETURN_IF_ERROR(accounts.PutUser(u));
  for (const auto& g : c.grants) TPMKIT_RETURN_IF_ERROR(accounts.PutGrant(g));
  for (const auto& s : c.sessions) TPMKIT_RETURN_IF_ERROR(accounts.PutSession(s));
  for (const auto& tok : c.tokens) TPMKIT_RETURN_IF_ERROR(accounts.PutToken(tok));
  return OkStatus();
}

}  // namespace

Result<report::MigrationCounts> MigrateWorkspace(const Clock& clock,
                                                 const MigrateRequest& request) {
  if (request.from == request.to) {
    return Error::Usage("--from and --to name the same workspace");
  }
  WorkspaceContents contents;
  {
    store::OpenOptions options;
    options.create = false;
    options.read_only = true;
    auto source = store::OpenStore(request.from, options);
    if (!source.ok()) return Of("source", request.from, source.error());
    auto read = [&]() -> Status {
      TPMKIT_ASSIGN_OR_RETURN(auto t, (*source)->Begin(store::TxnMode::kRead));
      TPMKIT_ASSIGN_OR_RETURN(contents, ReadAll(*t));
      return OkStatus();
    };
    if (Status s = read(); !s.ok()) return Of("source", request.from, s.error());
  }

  store::OpenOptions options;
  options.clock = [&clock] { return clock.Now(); };
  auto target = store::OpenStore(request.to, options);
  if (!target.ok()) return Of("target", request.to, target.error());
  auto write = [&]() -> Status {
    TPMKIT_ASSIGN_OR_RETURN(auto t, (*target)->Begin(store::TxnMode::kWrite));
    TPMKIT_RETURN_IF_ERROR(RequireEmpty(*t));
    TPMKIT_RETURN_IF_ERROR(WriteAll(*t, contents));
    return t->Commit();
  };
  if (Status s = write(); !s.ok()) return Of("target", request.to, s.error());
  // The copy is only done when the target's chain verifies by itself.
  auto verify = [&]() -> Status {
    TPMKIT_ASSIGN_OR_RETURN(auto t, (*target)->Begin(store::TxnMode::kRead));
    TPMKIT_ASSIGN_OR_RETURN(store::VerifyResult v, t->VerifyAudit());
    if (!v.ok || v.entries != static_cast<int64_t>(contents.trail.size())) {
      return Error::Storage(
          fmt::format("the copied audit trail does not verify ({} of {} entries: {})", v.entries,
                      contents.trail.size(), v.reason));
    }
    return OkStatus();
  };
  if (Status s = verify(); !s.ok()) return Of("target", request.to, s.error());

  report::MigrationCounts counts;
  counts.from = store::RedactUrl(request.from);
  counts.to = store::RedactUrl(request.to);
  counts.programs = contents.programs.size();
  counts.audit_entries = contents.trail.size();
  counts.snapshots = contents.snapshots.size();
  counts.users = contents.users.size();
  counts.grants = contents.grants.size();
  counts.sessions = contents.sessions.size();
  counts.tokens = contents.tokens.size();
  return counts;
}

}  // namespace tpmkit::app
