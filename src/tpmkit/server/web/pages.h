// The handlers of the web app's pages (web_app.cc lists them with their paths and the
// roles they need). Each reads its parameters, calls one use case, and renders a template
// with the words of report/.
#pragma once

#include "tpmkit/server/call.h"

namespace tpmkit::server::web::pages {

// Static files and accounts (pages_account.cc).
HttpResponse StaticFile(Call& call);
HttpResponse LoginForm(Call& call);
HttpResponse LoginSubmit(Call& call);
HttpResponse LogoutSubmit(Call& call);

// The portfolio, the dashboard and the status report (pages_program.cc).
HttpResponse Portfolio(Call& call);
HttpResponse Dashboard(Call& call);
HttpResponse StatusReport(Call& call);

// The plan (Gantt chart, tasks, milestones) and the forecast of the finish (pages_plan.cc).
HttpResponse Plan(Call& call);
HttpResponse ForecastPage(Call& call);

// The risk register and its forms (pages_risks.cc).
HttpResponse Risks(Call& call);
HttpResponse AddRisk(Call& call);
// One risk with its edit and close forms.
HttpResponse Risk(Call& call);
HttpResponse EditRisk(Call& call);
HttpResponse CloseRisk(Call& call);
// A risk's escalation: the preview and the .eml (pages_escalate.cc).
HttpResponse EscalateRisk(Call& call);
HttpResponse EscalateRiskEml(Call& call);

// The scorecard and its assessment form (pages_scorecard.cc); the stakeholders and the
// log-a-contact form (pages_stakeholders.cc); decisions and the choice
// (pages_decisions.cc); change requests, approve and reject (pages_changes.cc).
HttpResponse Scorecard(Call& call);
HttpResponse AssessScorecard(Call& call);
HttpResponse Stakeholders(Call& call);
HttpResponse LogContact(Call& call);
HttpResponse Decisions(Call& call);
HttpResponse Decision(Call& call);
HttpResponse ChooseOption(Call& call);
HttpResponse Changes(Call& call);
HttpResponse Change(Call& call);
HttpResponse ApproveChange(Call& call);
HttpResponse RejectChange(Call& call);

// Audit readiness: the checklist, evidence upload, sign-off, the pack and the trail
// (pages_audit.cc).
HttpResponse Audit(Call& call);
HttpResponse UploadEvidence(Call& call);
HttpResponse SignOff(Call& call);
HttpResponse AuditPack(Call& call);

// Users and access for admins; everyone's own sessions and tokens (pages_admin.cc).
HttpResponse Users(Call& call);
HttpResponse AddUser(Call& call);
HttpResponse GrantRole(Call& call);
HttpResponse DisableUser(Call& call);
HttpResponse RevokeUserToken(Call& call);
HttpResponse MySessions(Call& call);
HttpResponse RevokeMySession(Call& call);
HttpResponse LogOutEverywhere(Call& call);
HttpResponse CreateMyToken(Call& call);
HttpResponse RevokeMyToken(Call& call);

// Applying a program file, MS Project XML or a Jira CSV (pages_import.cc): a new program
// (admin) or over an existing one (editor).
HttpResponse ImportForm(Call& call);
HttpResponse ImportSubmit(Call& call);

}  // namespace tpmkit::server::web::pages
