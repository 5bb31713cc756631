#include "tpmkit/server/api_routes.h"

#include "tpmkit/server/api_handlers.h"

namespace tpmkit::server {

const std::vector<RouteSpec>& ApiRoutes() {
  using enum Access;
  namespace h = handlers;
  static const std::vector<RouteSpec> kRoutes = {
      {"GET", "/healthz", kPublic, h::Health},
      {"GET", "/readyz", kPublic, h::Ready},
      {"GET", "/api/v1/openapi.json", kPublic, h::OpenApi},

      {"POST", "/api/v1/session", kPublic, h::Login},
      {"DELETE", "/api/v1/session", kUser, h::Logout},
      {"GET", "/api/v1/me", kUser, h::Me},
      {"GET", "/api/v1/me/sessions", kUser, h::MySessions},
      {"DELETE", "/api/v1/me/sessions", kUser, h::EndMyOtherSessions},
      {"PUT", "/api/v1/me/password", kUser, h::ChangeMyPassword},
      {"GET", "/api/v1/me/tokens", kUser, h::MyTokens},
      {"POST", "/api/v1/me/tokens", kUser, h::CreateMyToken},
      {"DELETE", "/api/v1/me/tokens/{tid}", kUser, h::RevokeMyToken},

      {"GET", "/api/v1/users", kAdmin, h::Users},
      {"POST", "/api/v1/users", kAdmin, h::AddUser},
      {"POST", "/api/v1/users/{name}/disable", kAdmin, h::DisableUser},
      {"GET", "/api/v1/users/{name}/sessions", kAdmin, h::UserSessions},
      {"DELETE", "/api/v1/users/{name}/sessions", kAdmin, h::RevokeUserSessions},
      {"POST", "/api/v1/users/{name}/tokens", kAdmin, h::CreateUserToken},
      {"GET", "/api/v1/audit/verify", kAdmin, h::VerifyTrail},

      {"GET", "/api/v1/programs", kUser, h::Programs},
      {"GET", "/api/v1/portfolio", kUser, h::Portfolio},
      {"POST", "/api/v1/programs", kAdmin, h::CreateProgram},
      {"GET", "/api/v1/programs/{id}", kViewer, h::ShowProgram, true},
      {"PUT", "/api/v1/programs/{id}", kEditor, h::ReplaceProgram},
      {"PUT", "/api/v1/programs/{id}/roles/{name}", kOwner, h::GrantRole},
      {"GET", "/api/v1/programs/{id}/schedule", kViewer, h::Schedule, true},
      {"GET", "/api/v1/programs/{id}/forecast", kViewer, h::Forecast, true},
      {"GET", "/api/v1/programs/{id}/evm", kViewer, h::Evm, true},
      {"GET", "/api/v1/programs/{id}/review", kViewer, h::Review, true},
      {"GET", "/api/v1/programs/{id}/status", kViewer, h::Status, true},
      {"POST", "/api/v1/programs/{id}/snapshots", kEditor, h::TakeSnapshot},
      {"GET", "/api/v1/programs/{id}/log", kViewer, h::Log, true},
      {"GET", "/api/v1/programs/{id}/impact", kViewer, h::Impact, true},

      {"GET", "/api/v1/programs/{id}/scorecard", kViewer, h::Scorecard, true},
      {"POST", "/api/v1/programs/{id}/scorecard/assessments", kEditor, h::AssessScorecard},
      {"GET", "/api/v1/programs/{id}/risks", kViewer, h::Risks, true},
      {"POST", "/api/v1/programs/{id}/risks", kEditor, h::AddRisk},
      {"PATCH", "/api/v1/programs/{id}/risks/{rid}", kEditor, h::UpdateRisk},
      {"POST", "/api/v1/programs/{id}/risks/{rid}/escalation", kViewer, h::Escalate},
      {"GET", "/api/v1/programs/{id}/stakeholders", kViewer, h::Stakeholders, true},
      {"POST", "/api/v1/programs/{id}/stakeholders/{sid}/contacts", kEditor, h::LogContact},
      {"GET", "/api/v1/programs/{id}/decisions/{did}", kViewer, h::Decision, true},
      {"POST", "/api/v1/programs/{id}/decisions/{did}/choice", kOwner, h::ChooseOption},
      {"GET", "/api/v1/programs/{id}/changes", kViewer, h::Changes, true},
      {"GET", "/api/v1/programs/{id}/changes/{cid}/assessment", kViewer, h::AssessChange, true},
      {"POST", "/api/v1/programs/{id}/changes/{cid}/approval", kOwner, h::ApproveChange},
      {"POST", "/api/v1/programs/{id}/changes/{cid}/rejection", kOwner, h::RejectChange},
      {"POST", "/api/v1/programs/{id}/changes/{cid}/implementation", kEditor, h::ImplementChange},

      // Readiness hashes the evidence files on disk: never cached by program version.
      {"GET", "/api/v1/programs/{id}/audit", kViewer, h::Audit},
      {"POST", "/api/v1/programs/{id}/audit/{item}/evidence", kEditor, h::UploadEvidence},
      {"POST", "/api/v1/programs/{id}/audit/{item}/signoff", kOwner, h::SignOff},
      {"GET", "/api/v1/programs/{id}/audit/pack", kViewer, h::AuditPack},
  };
  return kRoutes;
}

}  // namespace tpmkit::server
