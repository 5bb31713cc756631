// Programs as a whole and their plans: list, create, replace (apply), show and export,
// schedule, forecast, earned value, the plan review and the program's audit log.
#include <fmt/format.h>

#include "tpmkit/app/advice_cases.h"
#include "tpmkit/app/audit_cases.h"
#include "tpmkit/app/export_cases.h"
#include "tpmkit/app/plan_cases.h"
#include "tpmkit/app/program_cases.h"
#include "tpmkit/report/advice_text.h"
#include "tpmkit/report/audit_text.h"
#include "tpmkit/report/evm_text.h"
#include "tpmkit/report/export_tables.h"
#include "tpmkit/report/forecast_text.h"
#include "tpmkit/report/program_text.h"
#include "tpmkit/report/schedule_text.h"
#include "tpmkit/server/api_handlers.h"
#include "tpmkit/server/api_state.h"
#include "tpmkit/server/problem.h"

namespace tpmkit::server::handlers {

namespace http = boost::beast::http;

namespace {

app::ProgramSource Source(const Call& call) { return {std::nullopt, call.Program()}; }

// The format of a program document in a request body, from its Content-Type.
Result<std::string> DocumentFormat(const Call& call) {
  const std::string_view type = call.request[http::field::content_type];
  const auto is = [&](std::string_view media) { return type.starts_with(media); };
  if (type.empty() || is("application/yaml") || is("application/x-yaml") || is("text/yaml") ||
      is("application/json") || is("text/plain"))
    return std::string("yaml");
  if (is("application/xml") || is("text/xml")) return std::string("mspdi");
  if (is("text/csv") || is("application/csv")) return std::string("jira");
  return Error::Usage(
      "send a program file as application/yaml or application/json, MS Project XML as "
      "application/xml, or a Jira CSV export as text/csv");
}

HttpResponse Stored(Call& call, const Result<app::ApplyDocumentResponse>& r, http::status ok) {
  if (!r.ok()) return ErrorResponse(r.error());
  const report::StoredProgram stored{r->applied.program, r->applied.created, r->applied.changed};
  return JsonResponse(call, report::ApplyJson(stored), r->applied.created ? ok : http::status::ok);
}

// ?format=xlsx|ics|csv (&register=NAME for csv): the registers and dates as a download.
HttpResponse ExportData(Call& call, const std::string& format) {
  auto as_of = call.AsOf();
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  app::ExportDataRequest request;
  request.source = Source(call);
  request.format = format;
  request.as_of = *as_of;
  request.register_name = call.target.Query("register").value_or("");
  if (format == "csv" && request.register_name.empty()) {
    return ProblemResponse(http::status::bad_request,
                           fmt::format("format=csv: add register=NAME, one of {}",
                                       fmt::join(report::ExportRegisterNames(), ", ")));
  }
  request.forecast.threads = call.options.forecast_threads;
  // The KPIs of a workbook (and of the kpis register) may run the forecast.
  const bool simulates = format == "xlsx" || request.register_name == "kpis";
  std::optional<SimulationSlot> slot;
  if (simulates) {
    slot.emplace(call.state, std::chrono::seconds(10));
    if (auto busy = SimulationBusy(*slot)) return std::move(*busy);
  }
  auto r = app::ExportData(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  const char* type = format == "xlsx"
                         ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                     : format == "ics" ? "text/calendar; charset=utf-8"
                                       : "text/csv; charset=utf-8";
  return DocumentResponse(call, std::move(r->content), type, r->file_name);
}

}  // namespace

HttpResponse Programs(Call& call) {
  auto r = app::ListPrograms(call.env);
  if (!r.ok()) return ErrorResponse(r.error());
  std::vector<report::ListedProgram> visible;
  for (const auto& p : *r) {
    const app::Role role = app::RoleOn(*call.who, p.id);
    if (role != app::Role::kNone)
      visible.push_back({p.id, p.name, std::string(app::RoleName(role))});
  }
  return JsonResponse(call, report::ProgramListJson(visible));
}

HttpResponse CreateProgram(Call& call) {
  auto format = DocumentFormat(call);
  if (!format.ok()) return ErrorResponse(format.error());
  // A new program has no version yet: one that exists makes the write stale.
  call.version.expected = "";
  auto r = app::ApplyDocument(call.env, {call.request.body(), "request body", *format, ""});
  if (!r.ok() && r.error().code == ErrorCode::kStale) {
    return ProblemResponse(http::status::conflict,
                           "A program with this id exists already: replace it with PUT "
                           "/api/v1/programs/{id}.");
  }
  auto response = Stored(call, r, http::status::created);
  if (r.ok()) response.set(http::field::location, "/api/v1/programs/" + r->applied.program);
  return response;
}

HttpResponse ReplaceProgram(Call& call) {
  auto format = DocumentFormat(call);
  if (!format.ok()) return ErrorResponse(format.error());
  if (!call.version.expected) {
    return ProblemResponse(http::status::precondition_required,
                           "Replacing a whole program needs If-Match with the ETag of the "
                           "version you edited (GET the program first).");
  }
  auto r =
      app::ApplyDocument(call.env, {call.request.body(), "request body", *format, call.Program()});
  return Stored(call, r, http::status::created);
}

HttpResponse ShowProgram(Call& call) {
  if (auto format = call.target.Query("format"); format && *format != "json") {
    if (*format == "xlsx" || *format == "ics" || *format == "csv") return ExportData(call, *format);
    if (*format != "yaml" && *format != "mspdi") {
      return ProblemResponse(http::status::bad_request,
                             "format: expected json, yaml, mspdi, xlsx, ics or csv");
    }
    auto r = app::ExportProgram(call.env, {Source(call), *format, std::nullopt});
    if (!r.ok()) return ErrorResponse(r.error());
    const bool yaml = *format == "yaml";
    return DocumentResponse(call, std::move(r->text),
                            yaml ? "application/yaml; charset=utf-8" : "application/xml",
                            call.Program() + (yaml ? ".yaml" : ".xml"));
  }
  auto as_of = call.AsOf();
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  auto r = app::ShowProgram(call.env, {Source(call), *as_of});
  if (!r.ok()) return ErrorResponse(r.error());
  const report::ShowFigures figures{r->schedule, r->scorecard, r->readiness,
                                    r->status ? &*r->status : nullptr};
  return JsonResponse(call, report::ShowJson(r->loaded.program, figures));
}

HttpResponse Schedule(Call& call) {
  auto as_of = call.AsOf();
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  auto r = app::ScheduleProgram(call.env, {Source(call), *as_of});
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::ScheduleJson(r->loaded.program, r->schedule));
}

HttpResponse Forecast(Call& call) {
  TPMKIT_OR_RESPOND(q, call.SimulationQuery());
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (auto busy = SimulationBusy(slot)) return std::move(*busy);
  app::ForecastFinishRequest request;
  request.source = Source(call);
  request.as_of = q.as_of;
  request.iterations = q.iterations;
  request.seed = q.seed;
  request.threads = call.options.forecast_threads;
  auto r = app::ForecastFinish(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::ForecastJson(r->loaded.program, r->forecast));
}

HttpResponse Evm(Call& call) {
  auto as_of = call.AsOf();
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  auto r = app::EarnedValue(call.env, {Source(call), *as_of});
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::EvmJson(r->evm, r->loaded.program));
}

HttpResponse Review(Call& call) {
  auto as_of = call.AsOf();
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (auto busy = SimulationBusy(slot)) return std::move(*busy);
  app::ReviewPlanRequest request;
  request.source = Source(call);
  request.as_of = *as_of;
  auto r = app::ReviewPlan(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::ReviewJson(r->review.findings));
}

HttpResponse Log(Call& call) {
  app::ReadLogRequest request;
  request.filter.program = call.Program();
  if (auto entity = call.target.Query("entity")) request.filter.entity = *entity;
  if (auto actor = call.target.Query("actor")) request.filter.actor = *actor;
  if (auto since = call.target.Query("since")) {
    if (!Date::Parse(*since) && !ParseUtcTimestamp(*since)) {
      return ProblemResponse(http::status::bad_request,
                             "since: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
    }
    request.filter.since = *since;
  }
  auto limit = call.IntQuery("limit", 0, 0, 1'000'000);
  if (!limit.ok()) return ErrorResponse(limit.error());
  request.limit = static_cast<size_t>(*limit);
  auto r = app::ReadLog(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  if (call.version.current.empty()) {
    return ProblemResponse(http::status::not_found,
                           fmt::format("no program '{}' in the workspace", call.Program()));
  }
  return JsonResponse(call, report::AuditEntriesJson(app::ToLogEntries(r->entries)));
}

}  // namespace tpmkit::server::handlers
