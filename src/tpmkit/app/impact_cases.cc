#include "tpmkit/app/impact_cases.h"

#include <algorithm>
#include <utility>

namespace tpmkit::app {

Result<std::vector<toolkit::TrailEntry>> ToTrailEntries(
    const std::vector<store::AuditEntry>& entries) {
  std::vector<toolkit::TrailEntry> out;
  out.reserve(entries.size());
  for (const auto& e : entries) {
    auto on = Date::Parse(std::string_view(e.at).substr(0, 10));
    if (!on) {
      return Error::Storage("audit trail entry " + std::to_string(e.seq) +
                            " has an unreadable time '" + e.at + "'");
    }
    out.push_back({e.seq, *on, e.actor, e.change});
  }
  std::sort(out.begin(), out.end(), [](const toolkit::TrailEntry& a, const toolkit::TrailEntry& b) {
    return a.seq < b.seq;
  });
  return out;
}

Result<ImpactStatementsResponse> ImpactStatements(Env& env,
                                                  const ImpactStatementsRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  toolkit::ImpactInputs inputs;
  if (!loaded.from_file) {
    // The program again, with its trail, from one snapshot: an edit between two reads
    // would otherwise pair a trail with data it does not describe.
    TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
    const std::string id = loaded.program.id;
    TPMKIT_ASSIGN_OR_RETURN(auto program, txn->LoadProgram(id));
    if (!program) return Error::NotFound("no program '" + id + "' in the workspace");
    loaded.program = std::move(*program);
    store::AuditFilter filter;
    filter.program = id;
    TPMKIT_ASSIGN_OR_RETURN(auto entries, txn->ReadAudit(filter));
    TPMKIT_ASSIGN_OR_RETURN(inputs.trail, ToTrailEntries(entries));
    if (env.version) {
      TPMKIT_ASSIGN_OR_RETURN(env.version->current, txn->ProgramVersion(id));
    }
  }
  ImpactStatementsResponse r;
  r.as_of = DateInForce(loaded.program, request.as_of, env.clock);
  inputs.as_of = r.as_of;
  r.report = toolkit::ComputeImpact(loaded.program, inputs);
  r.loaded = std::move(loaded);
  return r;
}

}  // namespace tpmkit::app
