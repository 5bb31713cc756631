// GET /api/v1/programs/{id}/impact: the outcome statements of `impact --json`.
#include "tpmkit/app/impact_cases.h"
#include "tpmkit/report/impact_text.h"
#include "tpmkit/server/api_handlers.h"
#include "tpmkit/server/problem.h"

namespace tpmkit::server::handlers {

HttpResponse Impact(Call& call) {
  auto as_of = call.AsOf();
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  auto r = app::ImpactStatements(call.env, {{std::nullopt, call.Program()}, *as_of});
  if (!r.ok()) return ErrorResponse(r.error());
  const auto& p = r->loaded.program;
  const report::ImpactReportInput input{p.id, p.name, p.currency, false, &r->report};
  return JsonResponse(call, report::ImpactJson(input));
}

}  // namespace tpmkit::server::handlers
