// The audit page: readiness as `tpmkit audit` computes it (the checklist with each item's
// status, evidence states and recorded SHA-256, the overdue items, the gaps), the evidence
// upload for editors (a file form, multipart/form-data, kept under the server's
// --evidence-root and hashed by app::UploadEvidence as the API's upload is), the sign-off
// form for owners, the audit pack download, and the program's trail with the verification
// of the whole chain (app::VerifyTrail, run by app::CheckReadiness, as `tpmkit audit
// verify`).
#include <fmt/format.h>

#include <algorithm>

#include "tpmkit/app/audit_cases.h"
#include "tpmkit/report/audit_report.h"
#include "tpmkit/report/audit_text.h"
#include "tpmkit/server/api_handlers.h"
#include "tpmkit/server/form.h"
#include "tpmkit/server/multipart.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web::pages {

namespace http = boost::beast::http;

namespace {

// The trail entries the page lists, newest first; the pack and `tpmkit log` have them all.
constexpr size_t kTrailEntries = 30;

// What a refused form brings back to the page: the form ("evidence" or "signoff"), the
// item chosen, what was typed and the errors beside their fields.
struct AuditFormState {
  std::string form;
  std::string item;
  std::string by;
  std::string on;
  std::map<std::string, std::string> errors;
  std::string problem;
};

std::string AuditPath(const Call& call) {
  return fmt::format("/programs/{}/audit", QueryEncode(call.Program()));
}

// The SHA-256 the program records for evidence `ref` of item `id`; "" when none.
std::string RecordedHash(const model::Program& program, const std::string& id,
                         const std::string& ref) {
  if (!program.audit) return "";
  for (const auto& item : program.audit->items) {
    if (item.id != id) continue;
    for (const auto& e : item.evidence) {
      if (e.path == ref) return e.sha256;
    }
  }
  return "";
}

nlohmann::json TrailView(Call& call) {
  app::ReadLogRequest request;
  request.filter.program = call.Program();
  request.limit = kTrailEntries;
  auto log = app::ReadLog(call.env, request);
  auto rows = nlohmann::json::array();
  if (!log.ok()) return rows;
  for (const auto& e : log->entries) {
    rows.push_back({{"seq", e.seq},
                    {"at", e.at},
                    {"actor", e.actor.empty() ? "-" : e.actor},
                    {"action", std::string(model::Name(e.change.action))},
                    {"entity", e.change.entity},
                    {"entity_id", e.change.entity_id},
                    {"hash", e.hash.substr(0, 12)}});
  }
  return rows;
}

HttpResponse AuditPage(Call& call, const AuditFormState& state, const std::string& notice,
                       http::status status) {
  call.version.expected.reset();
  auto as_of = call.AsOf();
  if (!as_of.ok()) return ErrorPage(call, as_of.error());
  auto r = app::CheckReadiness(
      call.env, {{std::nullopt, call.Program()}, *as_of, call.options.evidence_root});
  if (!r.ok()) return ErrorPage(call, r.error());
  const std::string version = call.version.current;
  auto header = ProgramHeader(call);
  if (!header.ok()) return ErrorPage(call, header.error());
  const auto& a = r->readiness;
  auto items = nlohmann::json::array();
  auto choices = nlohmann::json::array();
  auto overdue = nlohmann::json::array();
  for (const auto& item : a.items) {
    auto evidence = nlohmann::json::array();
    for (const auto& e : item.evidence) {
      const std::string hash = e.is_path ? RecordedHash(r->loaded.program, item.id, e.ref) : "";
      evidence.push_back({{"ref", e.ref},
                          {"state", std::string(toolkit::EvidenceStateName(e.state))},
                          {"sha256", hash}});
    }
    const std::string due = item.due ? item.due->ToString() : "-";
    items.push_back({{"id", item.id},
                     {"status", std::string(model::Name(item.status))},
                     {"owner", item.owner.empty() ? "-" : item.owner},
                     {"due", due},
                     {"overdue", item.overdue},
                     {"unsupported", item.unsupported},
                     {"signoff", item.signoff ? fmt::format("{} on {}", item.signoff->by,
                                                            item.signoff->on.ToString())
                                              : std::string("-")},
                     {"evidence", evidence},
                     {"has_evidence", !evidence.empty()}});
    if (item.overdue) overdue.push_back({{"id", item.id}, {"due", due}});
    choices.push_back({{"id", item.id}, {"selected", item.id == state.item}});
  }
  auto gaps = nlohmann::json::array();
  for (const auto& g : a.gaps) gaps.push_back({{"item", g.item}, {"text", g.text}});
  nlohmann::json verification = false;
  if (r->verification) {
    const auto v = app::ToTrailVerification(*r->verification);
    verification = {{"ok", v.ok}, {"text", report::TrailVerificationText(v)}};
  }
  const auto error = [&](const char* name) {
    auto it = state.errors.find(name);
    return it == state.errors.end() ? std::string() : it->second;
  };
  nlohmann::json view = {
      {"program_id", call.Program()},
      {"notice", notice},
      {"readiness", a.readiness ? fmt::format("{:.0f} %", *a.readiness) : "not applicable"},
      {"done", a.done},
      {"applicable", a.applicable},
      {"overdue_count", a.overdue},
      {"unsupported", a.unsupported},
      {"as_of", a.as_of.ToString()},
      {"items", items},
      {"overdue", overdue},
      {"has_overdue", !overdue.empty()},
      {"gaps", gaps},
      {"has_gaps", !gaps.empty()},
      {"lookup", report::EvidenceLookupText(a, r->evidence_root.string(), r->root_source)},
      {"pack_url", AuditPath(call) + "/pack"},
      {"verification", verification},
      {"trail", TrailView(call)},
      {"evidence_form", false},
      {"signoff_form", false}};
  const auto form_view = [&](const char* name) {
    return nlohmann::json{{"csrf_token", call.who->csrf_token},
                          {"version", version},
                          {"action", AuditPath(call) + "/" + name},
                          {"items", choices},
                          {"problem", state.form == name ? state.problem : ""},
                          {"item_error", state.form == name ? error("item") : ""}};
  };
  if (call.Role() >= app::Role::kEditor) {
    view["evidence_form"] = form_view("evidence");
    view["evidence_form"]["file_error"] = error("file");
  }
  if (call.Role() >= app::Role::kOwner) {
    view["signoff_form"] = form_view("signoff");
    view["signoff_form"]["by"] = state.by.empty() ? call.who->user : state.by;
    view["signoff_form"]["on"] = state.on;
    view["signoff_form"]["by_error"] = error("by");
    view["signoff_form"]["on_error"] = error("on");
  }
  return Page(call,
              {.title = "Audit",
               .section = "audit",
               .program = std::move(*header),
               .as_of = a.as_of.ToString()},
              "audit", view, status);
}

// A file's name as the evidence folder keeps it: one plain segment (letters, digits, '.',
// '-', '_'; app::UploadEvidence refuses anything else), every other character as '-', so
// that "Minutes 2026-06.pdf" from a laptop is kept as "Minutes-2026-06.pdf".
std::string EvidenceName(std::string_view filename) {
  // Old browsers send the whole client path.
  if (auto slash = filename.find_last_of("/\\"); slash != std::string_view::npos)
    filename.remove_prefix(slash + 1);
  std::string name;
  for (char c : filename.substr(0, 128)) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    name += plain ? c : '-';
  }
  while (!name.empty() && name.front() == '.') name.erase(0, 1);
  return name;
}

// The refusal of a form's use case: beside its field when it names one, else above.
HttpResponse Refused(Call& call, AuditFormState& state, const Error& error) {
  if (error.code == ErrorCode::kStale) {
    state.problem = StaleFormProblem(call);
    return AuditPage(call, state, "", http::status::precondition_failed);
  }
  if (error.code != ErrorCode::kInvalidInput && error.code != ErrorCode::kNotFound)
    return ErrorPage(call, error);
  state.problem = error.message;
  for (const auto& d : error.diagnostics) state.problem += " " + d.message;
  return AuditPage(call, state, "",
                   error.code == ErrorCode::kNotFound ? http::status::not_found
                                                      : http::status::unprocessable_entity);
}

}  // namespace

HttpResponse Audit(Call& call) {
  std::string notice;
  const std::string item = call.target.Query("item").value_or("");
  const std::string done = call.target.Query("done").value_or("");
  if (done == "evidence" && !item.empty()) {
    notice = fmt::format("Evidence recorded on {}: {} (SHA-256 {}).", item,
                         call.target.Query("path").value_or(""),
                         call.target.Query("sha256").value_or(""));
  } else if (done == "signoff" && !item.empty()) {
    notice = fmt::format("{} signed off.", item);
  }
  return AuditPage(call, {}, notice, http::status::ok);
}

HttpResponse UploadEvidence(Call& call) {
  const auto boundary = MultipartBoundary(call.request[http::field::content_type]);
  auto form = boundary ? ParseMultipart(call.request.body(), *boundary) : std::nullopt;
  if (!form) {
    return MessagePage(call, http::status::bad_request, "Not a file form",
                       "Send the evidence with the upload form of the audit page.");
  }
  AuditFormState state;
  state.form = "evidence";
  state.item = form->Value("item");
  const MultipartPart* file = form->Find("file");
  if (state.item.empty()) state.errors["item"] = "Choose the checklist item.";
  if (!file || !file->filename || file->filename->empty()) {
    state.errors["file"] = "Choose the file to upload.";
  } else if (file->data.empty()) {
    state.errors["file"] = "This file is empty: choose the evidence itself.";
  }
  const std::string name = file && file->filename ? EvidenceName(*file->filename) : "";
  if (state.errors.empty() && name.empty()) {
    state.errors["file"] = "Rename the file: its name has no letter or digit to keep.";
  }
  if (!state.errors.empty()) {
    state.problem = "Nothing was uploaded: correct the fields marked below.";
    return AuditPage(call, state, "", http::status::unprocessable_entity);
  }
  if (auto v = form->Find("version")) call.version.expected = v->data;
  auto r = app::UploadEvidence(
      call.env, {call.Program(), state.item, name, file->data, call.options.evidence_root});
  if (!r.ok()) return Refused(call, state, r.error());
  return Redirect(call,
                  fmt::format("{}?done=evidence&item={}&path={}&sha256={}", AuditPath(call),
                              QueryEncode(state.item), QueryEncode(r->path), r->recorded.sha256));
}

HttpResponse SignOff(Call& call) {
  auto form = IsFormPost(call.request) ? ParseForm(call.request.body()) : std::nullopt;
  if (!form) {
    return MessagePage(call, http::status::bad_request, "Not a form",
                       "Send the sign-off form of the audit page.");
  }
  AuditFormState state;
  state.form = "signoff";
  state.item = form->Value("item");
  state.by = form->Value("by");
  state.on = form->Value("on");
  if (state.item.empty()) state.errors["item"] = "Choose the checklist item.";
  std::optional<Date> on;
  if (!state.on.empty()) {
    on = Date::Parse(state.on);
    if (!on) state.errors["on"] = "Enter a date as YYYY-MM-DD, or leave it empty for today.";
  }
  if (!state.errors.empty()) {
    state.problem = "Nothing was signed off: correct the fields marked below.";
    return AuditPage(call, state, "", http::status::unprocessable_entity);
  }
  auto as_of = call.AsOf();
  if (!as_of.ok()) return ErrorPage(call, as_of.error());
  if (auto v = form->Get("version")) call.version.expected = *v;
  const std::string signer = state.by.empty() ? call.who->user : state.by;
  auto r = app::SignOffItem(call.env, {call.Program(), state.item, signer, on, *as_of});
  if (!r.ok()) return Refused(call, state, r.error());
  return Redirect(call,
                  fmt::format("{}?done=signoff&item={}", AuditPath(call), QueryEncode(state.item)));
}

HttpResponse AuditPack(Call& call) {
  // The API's download as it is: the same use case (app::PackAudit), zip and file name.
  HttpResponse response = handlers::AuditPack(call);
  if (response.result() == http::status::ok) return response;
  const auto problem = nlohmann::json::parse(response.body(), nullptr, false);
  std::string detail = problem.is_object() ? problem.value("detail", "") : "";
  if (detail.empty()) detail = "The audit pack could not be made; try again shortly.";
  return MessagePage(call, response.result(), "No audit pack", detail);
}

}  // namespace tpmkit::server::web::pages
