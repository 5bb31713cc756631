// The handlers of the API's routes (api_routes.cc lists them with their paths and the
// roles they need). Each reads its parameters, calls one use case and answers the JSON
// document its command prints with --json.
#pragma once

#include "tpmkit/server/call.h"

namespace tpmkit::server::handlers {

// Service and accounts (api_accounts.cc).
HttpResponse Health(Call& call);
HttpResponse Ready(Call& call);
HttpResponse OpenApi(Call& call);
HttpResponse Login(Call& call);
HttpResponse Logout(Call& call);
HttpResponse Me(Call& call);
HttpResponse MySessions(Call& call);
HttpResponse EndMyOtherSessions(Call& call);
HttpResponse ChangeMyPassword(Call& call);
HttpResponse MyTokens(Call& call);
HttpResponse CreateMyToken(Call& call);
HttpResponse RevokeMyToken(Call& call);
HttpResponse Users(Call& call);
HttpResponse AddUser(Call& call);
HttpResponse DisableUser(Call& call);
HttpResponse UserSessions(Call& call);
HttpResponse RevokeUserSessions(Call& call);
HttpResponse CreateUserToken(Call& call);
HttpResponse GrantRole(Call& call);
HttpResponse VerifyTrail(Call& call);

// Programs and their plans (api_programs.cc).
HttpResponse Programs(Call& call);
HttpResponse CreateProgram(Call& call);
HttpResponse ReplaceProgram(Call& call);
HttpResponse ShowProgram(Call& call);
HttpResponse Schedule(Call& call);
HttpResponse Forecast(Call& call);
HttpResponse Evm(Call& call);
HttpResponse Review(Call& call);
HttpResponse Status(Call& call);
HttpResponse TakeSnapshot(Call& call);
HttpResponse Portfolio(Call& call);
HttpResponse Log(Call& call);

// Risks, scorecard, escalation, stakeholders, decisions, changes (api_registers.cc).
HttpResponse Scorecard(Call& call);
HttpResponse AssessScorecard(Call& call);
HttpResponse Risks(Call& call);
HttpResponse AddRisk(Call& call);
HttpResponse UpdateRisk(Call& call);
HttpResponse Escalate(Call& call);
HttpResponse Stakeholders(Call& call);
HttpResponse LogContact(Call& call);
HttpResponse Decision(Call& call);
HttpResponse ChooseOption(Call& call);
HttpResponse Changes(Call& call);
HttpResponse AssessChange(Call& call);
HttpResponse ApproveChange(Call& call);
HttpResponse RejectChange(Call& call);
HttpResponse ImplementChange(Call& call);

// Outcome statements (api_impact.cc).
HttpResponse Impact(Call& call);

// Audit readiness (api_audit.cc).
HttpResponse Audit(Call& call);
HttpResponse UploadEvidence(Call& call);
HttpResponse SignOff(Call& call);
HttpResponse AuditPack(Call& call);

}  // namespace tpmkit::server::handlers
