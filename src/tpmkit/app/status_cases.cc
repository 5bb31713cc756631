#include "tpmkit/app/status_cases.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "tpmkit/app/program_cases.h"
#include "tpmkit/model/diff.h"
#include "tpmkit/plan/calendar.h"

namespace tpmkit::app {

namespace {

// Snapshot values: numbers with enough digits to read back the same double.
std::string Num(double v) { return fmt::format("{}", v); }

std::optional<double> ParseNum(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return v;
}

std::optional<toolkit::Rag> ParseRag(const std::string& text) {
  for (auto r : {toolkit::Rag::kGreen, toolkit::Rag::kAmber, toolkit::Rag::kRed}) {
    if (toolkit::RagName(r) == text) return r;
  }
  return std::nullopt;
}

constexpr std::string_view kRiskPrefix = "risk:";
constexpr size_t kMaxChanges = 50;

Status TakeSnapshot(Env& env, const std::string& program, const toolkit::StatusFigures& figures) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  TPMKIT_ASSIGN_OR_RETURN(auto existing, txn->ReadSnapshots(program));
  store::SnapshotRecord record = ToSnapshot(program, figures);
  model::EntityChange change{"snapshot", record.taken_on, model::ChangeAction::kCreate, {}};
  std::map<std::string, std::string> old;
  for (const auto& s : existing) {
    if (s.taken_on != record.taken_on) continue;
    change.action = model::ChangeAction::kUpdate;
    old.insert(s.figures.begin(), s.figures.end());
  }
  for (const auto& [name, value] : record.figures) {
    auto o = old.find(name);
    if (o != old.end() && o->second == value) continue;
    change.changes.push_back(
        {name, o == old.end() ? std::nullopt : std::optional(o->second), value});
  }
  for (const auto& [name, value] : old) {
    const bool kept = std::any_of(record.figures.begin(), record.figures.end(),
                                  [&](const auto& f) { return f.first == name; });
    if (!kept) change.changes.push_back({name, value, std::nullopt});
  }
  TPMKIT_RETURN_IF_ERROR(txn->PutSnapshot(record));
  if (!change.changes.empty() || change.action == model::ChangeAction::kCreate) {
    auto appended = txn->AppendAudit(env.actor, program, {std::move(change)});
    if (!appended.ok()) return std::move(appended).error();
  }
  return txn->Commit();
}

// The snapshots and trail entries of a workspace program, in one read transaction.
Status ReadHistory(Env& env, const std::string& program, toolkit::StatusReport& r) {
  const auto now = env.clock.Now();
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
  TPMKIT_ASSIGN_OR_RETURN(auto snapshots, txn->ReadSnapshots(program));
  for (const auto& s : snapshots) {
    toolkit::StatusFigures f = FromSnapshot(s);
    if (f.as_of > r.as_of) break;
    if (f.as_of < r.as_of) r.previous = f;
    r.history.push_back(std::move(f));
  }
  // The trail is stamped with the wall clock, snapshots with the date in force: "since the
  // previous snapshot" is since its audit entry; without one, the last 7 days by the clock.
  store::AuditFilter filter;
  filter.program = program;
  filter.since = fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                             std::chrono::floor<std::chrono::seconds>(now - std::chrono::days(7)));
  int64_t after_seq = 0;  // entries up to this one are older than the previous snapshot
  if (r.previous) {
    store::AuditFilter snaps{program, "snapshot", std::nullopt, std::nullopt};
    TPMKIT_ASSIGN_OR_RETURN(auto taken, txn->ReadAudit(snaps));
    const std::string date = r.previous->as_of.ToString();
    for (const auto& e : taken) {
      if (e.change.entity_id == date) {
        filter.since = e.at;
        after_seq = e.seq;
        break;
      }
    }
  }
  TPMKIT_ASSIGN_OR_RETURN(auto entries, txn->ReadAudit(filter));
  for (const auto& e : entries) {
    if (e.seq <= after_seq) break;  // newest first
    // Snapshots and the evidence root (workspace.h) are bookkeeping, not program news.
    if (e.change.entity == "snapshot" || e.change.entity == "evidence_root") continue;
    ++r.changes_total;
    if (r.changes.size() < kMaxChanges) {
      r.changes.push_back({e.at, e.actor, e.change.entity, e.change.entity_id,
                           std::string(model::Name(e.change.action))});
    }
  }
  return OkStatus();
}

}  // namespace

Result<toolkit::StatusReport> StatusOf(const model::Program& p, Date as_of,
                                       const ForecastRequest& forecast) {
  toolkit::StatusReport r;
  r.as_of = as_of;
  TPMKIT_ASSIGN_OR_RETURN(r.schedule, ScheduleOf(p, as_of));
  TPMKIT_ASSIGN_OR_RETURN(r.forecast, ForecastOf(p, forecast, as_of));
  TPMKIT_ASSIGN_OR_RETURN(r.evm, EvmOf(p, as_of));
  r.readiness = ReadinessOf(p, as_of);
  TPMKIT_ASSIGN_OR_RETURN(r.kpi_values, KpiValuesOf(p, as_of, forecast, &r.forecast));
  TPMKIT_RETURN_IF_ERROR(toolkit::CompleteStatus(p, r));
  return r;
}

store::SnapshotRecord ToSnapshot(const std::string& program, const toolkit::StatusFigures& f) {
  std::map<std::string, std::string> v;
  auto date = [&](const char* name, const std::optional<Date>& d) {
    if (d) v[name] = d->ToString();
  };
  auto num = [&](const char* name, const std::optional<double>& x) {
    if (x) v[name] = Num(*x);
  };
  date("target", f.target);
  date("finish", f.finish);
  date("p50", f.p50);
  date("p80", f.p80);
  num("p_on_time", f.p_on_time);
  if (f.p80_slip) v["p80_slip"] = std::to_string(*f.p80_slip);
  num("budget", f.budget);
  num("bac", f.bac);
  num("pv", f.pv);
  num("ev", f.ev);
  num("ac", f.ac);
  num("eac", f.eac);
  num("cpi", f.cpi);
  num("spi", f.spi);
  num("spi_t", f.spi_t);
  num("approved_changes", f.approved_changes);
  num("contingency_left", f.contingency_left);
  num("readiness", f.readiness);
  num("score", f.score);
  v["active_risks"] = std::to_string(f.active_risks);
  num("exposure_cost", f.exposure_cost);
  if (f.health) v["health"] = std::string(toolkit::RagName(*f.health));
  for (const auto& [id, score] : f.risk_scores) {
    v[std::string(kRiskPrefix) + id] = std::to_string(score);
  }
  store::SnapshotRecord out{program, f.as_of.ToString(), {}};
  out.figures.assign(v.begin(), v.end());
  return out;
}

toolkit::StatusFigures FromSnapshot(const store::SnapshotRecord& s) {
  toolkit::StatusFigures f;
  f.as_of = Date::Parse(s.taken_on).value_or(Date());
  for (const auto& [name, value] : s.figures) {
    const std::optional<double> x = ParseNum(value);
    if (name.starts_with(kRiskPrefix)) {
      if (x) f.risk_scores[name.substr(kRiskPrefix.size())] = static_cast<int>(*x);
    } else if (name == "target") {
      f.target = Date::Parse(value);
    } else if (name == "finish") {
      f.finish = Date::Parse(value);
    } else if (name == "p50") {
      f.p50 = Date::Parse(value);
    } else if (name == "p80") {
      f.p80 = Date::Parse(value);
    } else if (name == "health") {
      f.health = ParseRag(value);
    } else if (x) {
      const std::pair<const char*, std::optional<double>*> optional_numbers[] = {
          {"p_on_time", &f.p_on_time},
          {"eac", &f.eac},
          {"cpi", &f.cpi},
          {"spi", &f.spi},
          {"spi_t", &f.spi_t},
          {"readiness", &f.readiness},
          {"score", &f.score},
      };
      const std::pair<const char*, double*> numbers[] = {
          {"budget", &f.budget},
          {"bac", &f.bac},
          {"pv", &f.pv},
          {"ev", &f.ev},
          {"ac", &f.ac},
          {"approved_changes", &f.approved_changes},
          {"contingency_left", &f.contingency_left},
          {"exposure_cost", &f.exposure_cost},
      };
      for (const auto& [key, field] : optional_numbers) {
        if (name == key) *field = *x;
      }
      for (const auto& [key, field] : numbers) {
        if (name == key) *field = *x;
      }
      if (name == "p80_slip") f.p80_slip = static_cast<int64_t>(*x);
      if (name == "active_risks") f.active_risks = static_cast<int>(*x);
    }
  }
  return f;
}

Result<ProgramStatusResponse> ProgramStatus(Env& env, const ProgramStatusRequest& request) {
  ProgramStatusResponse r;
  TPMKIT_ASSIGN_OR_RETURN(r.loaded, LoadProgram(env, request.source));
  if (request.snapshot && r.loaded.from_file) {
    return Error{ErrorCode::kUsage,
                 "--snapshot keeps the figures in the workspace; use -p ID, not -f FILE",
                 {}};
  }
  const model::Program& p = r.loaded.program;
  const Date as_of = DateInForce(p, request.as_of, env.clock);
  TPMKIT_ASSIGN_OR_RETURN(r.status, StatusOf(p, as_of, request.forecast));
  if (r.loaded.from_file) return r;
  r.status.has_history = true;
  if (request.snapshot) {
    TPMKIT_RETURN_IF_ERROR(TakeSnapshot(env, p.id, r.status.now));
    r.status.snapshot_taken = true;
  }
  TPMKIT_RETURN_IF_ERROR(ReadHistory(env, p.id, r.status));
  if (env.version) {
    TPMKIT_ASSIGN_OR_RETURN(env.version->current, ReadProgramVersion(env, p.id));
  }
  return r;
}

Result<PortfolioResponse> Portfolio(Env& env, const PortfolioRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto summaries, ListPrograms(env));
  PortfolioResponse out;
  for (const auto& s : summaries) {
    if (request.only &&
        std::find(request.only->begin(), request.only->end(), s.id) == request.only->end()) {
      continue;
    }
    PortfolioEntry e{s.id, s.name, "", std::nullopt, ""};
    TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, ProgramSource{std::nullopt, s.id}));
    e.currency = loaded.program.currency;
    const Date as_of = DateInForce(loaded.program, request.as_of, env.clock);
    auto status = StatusOf(loaded.program, as_of, request.forecast);
    if (status.ok()) {
      e.figures = std::move(status->now);
    } else if (status.error().code == ErrorCode::kStorage) {
      return status.error();
    } else {
      e.problem = status.error().message;
    }
    out.programs.push_back(std::move(e));
  }
  return out;
}

}  // namespace tpmkit::app
