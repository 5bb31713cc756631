// audit: readiness (computations.md §8), evidence add, signoff, pack and verify; log: the
// tamper-evident audit trail, newest first.
#include "tpmkit/cli/audit_commands.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

#include "tpmkit/app/audit_cases.h"
#include "tpmkit/cli/command.h"
#include "tpmkit/report/audit_report.h"
#include "tpmkit/report/audit_text.h"

namespace tpmkit::cli {

namespace {

std::optional<std::filesystem::path> RootArg(const std::string& evidence_root) {
  if (evidence_root.empty()) return std::nullopt;
  return std::filesystem::path(evidence_root);
}

std::optional<std::string> ProgramArg(const std::string& program) {
  if (program.empty()) return std::nullopt;
  return program;
}

void AddRootOption(CLI::App& command, std::string& evidence_root) {
  command.add_option("--evidence-root", evidence_root,
                     "Folder that relative evidence paths start from (default: the program "
                     "file's folder, or the folder `apply` read the program from)");
}

}  // namespace

ExitCode RunAudit(const AuditArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::CheckReadiness(env, {a.source.Source(), a.common.as_of, RootArg(a.evidence_root)});
  if (!r.ok()) return Fail(err, r.error());
  std::error_code ec;
  const std::string root = std::filesystem::absolute(r->evidence_root, ec).string();
  // The JSON is the API's document too (server.md: the same body), which does not show the
  // server's folders: each evidence entry's state says what is missing.
  if (a.common.json) {
    Print(out, report::AuditJson(r->readiness));
    return ExitCode::kOk;
  }
  std::string text = report::AuditText(r->readiness, {.color = a.common.color});
  if (auto where = report::EvidenceLookupText(r->readiness, root, r->root_source); !where.empty()) {
    text += "\n" + where;
  }
  Print(out, text);
  return ExitCode::kOk;
}

ExitCode RunEvidenceAdd(const EvidenceAddArgs& a, app::Env& env, std::ostream& out,
                        std::ostream& err) {
  auto r =
      app::RecordEvidence(env, {ProgramArg(a.program), a.item, a.file, RootArg(a.evidence_root)});
  if (!r.ok()) return Fail(err, r.error());
  const report::RecordedEvidence recorded{a.item, a.file, r->sha256, r->changed};
  Print(out, a.common.json ? report::RecordedEvidenceJson(recorded)
                           : report::RecordedEvidenceText(recorded));
  return ExitCode::kOk;
}

ExitCode RunSignoff(const SignoffArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto on = OptionalDateArg("--on", a.on);
  if (!on.ok()) return Fail(err, on.error());
  auto r = app::SignOffItem(env, {ProgramArg(a.program), a.item, a.by, *on, a.common.as_of});
  if (!r.ok()) return Fail(err, r.error());
  const report::ItemSignoff signoff{a.item, a.by, r->on, r->changed};
  Print(out, a.common.json ? report::ItemSignoffJson(signoff) : report::ItemSignoffText(signoff));
  return ExitCode::kOk;
}

ExitCode RunPack(const PackArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::PackAudit(env, {a.source.Source(), a.common.as_of, RootArg(a.evidence_root),
                                a.output, a.allow_missing});
  if (!r.ok()) return Fail(err, r.error());
  report::WrittenPack pack{a.output, r->summary.files, r->summary.evidence_files,
                           r->summary.missing, std::nullopt};
  if (r->verification) pack.trail_verified = r->verification->ok;
  Print(out, a.common.json ? report::WrittenPackJson(pack) : report::WrittenPackText(pack));
  return ExitCode::kOk;
}

ExitCode RunVerify(const VerifyArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::VerifyTrail(env, {});
  if (!r.ok()) return Fail(err, r.error());
  const report::TrailVerification v = app::ToTrailVerification(*r);
  Print(out, a.common.json ? report::TrailVerificationJson(v) : report::TrailVerificationText(v));
  return v.ok ? ExitCode::kOk : ExitCode::kCheckFailed;
}

ExitCode RunLog(const LogArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  app::ReadLogRequest request;
  if (!a.program.empty()) request.filter.program = a.program;
  if (!a.entity.empty()) request.filter.entity = a.entity;
  if (!a.actor.empty()) request.filter.actor = a.actor;
  if (!a.since.empty()) {
    // A date, or anything as long as a timestamp: `since` is compared with `at` as text.
    if (!Date::Parse(a.since) && a.since.size() < 11) {
      return Fail(err, Error::Usage("--since: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got '" +
                                    a.since + "'"));
    }
    request.filter.since = a.since;
  }
  request.limit = a.limit;
  auto r = app::ReadLog(env, request);
  if (!r.ok()) return Fail(err, r.error());
  if (a.common.json) {
    Print(out, report::AuditEntriesJson(app::ToLogEntries(r->entries)));
    return ExitCode::kOk;
  }
  if (r->entries.empty()) {
    Print(out, report::NoLogEntriesText());
    return ExitCode::kOk;
  }
  std::string text;
  for (const auto& e : r->entries) {
    text += report::LogEntryText(app::ToLogEntry(e));
  }
  Print(out, text);
  return ExitCode::kOk;
}

void DefineLogCommands(CLI::App& root, Invocation& invocation) {
  auto lo = std::make_shared<LogArgs>();
  auto* log = root.add_subcommand("log", "List the audit trail, newest first");
  log->add_option("-p,--program", lo->program, "Only this program's entries");
  log->add_option("--entity", lo->entity, "Only this kind of entity (task, risk, ...)");
  log->add_option("--since", lo->since, "Only entries at or after this date (YYYY-MM-DD)");
  log->add_option("--actor", lo->actor, "Only entries by this actor");
  log->add_option("-n,--limit", lo->limit, "At most this many entries");
  log->footer("Example:\n  tpmkit log --entity risk --since 2026-06-01");
  Bind(*log, invocation, lo, RunLog);
}

void DefineAuditCommands(CLI::App& root, Invocation& invocation) {
  auto ao = std::make_shared<AuditArgs>();
  auto* audit = root.add_subcommand(
      "audit", "Audit readiness: the checklist, evidence, signoffs, automatic checks");
  AddSourceOptions(*audit, ao->source);
  AddRootOption(*audit, ao->evidence_root);
  audit->footer(
      "Without a subcommand: readiness, items, evidence states and gaps.\n"
      "Examples:\n  tpmkit audit -f examples/phoenix.yaml\n"
      "  tpmkit audit pack -o phoenix-audit.zip");
  Bind(*audit, invocation, ao, RunAudit, {.unless_subcommand = true});

  auto vo = std::make_shared<VerifyArgs>();
  auto* verify = audit->add_subcommand(
      "verify", "Recompute the audit trail's hash chain; exit 1 when it is broken");
  verify->footer("Example:\n  tpmkit audit verify");
  Bind(*verify, invocation, vo, RunVerify);

  auto* evidence = audit->add_subcommand("evidence", "Audit evidence files");
  evidence->require_subcommand(1);
  auto eo = std::make_shared<EvidenceAddArgs>();
  auto* add = evidence->add_subcommand("add", "Hash a file and record it as evidence of an item");
  add->add_option("ITEM", eo->item, "The checklist item id")->required();
  add->add_option("FILE", eo->file, "The evidence file")->required();
  add->add_option("-p,--program", eo->program, "A program of the workspace");
  AddRootOption(*add, eo->evidence_root);
  add->footer(
      "The path is stored relative to --evidence-root (default: the current folder)\n"
      "when the file lies under it.\n"
      "Example:\n  tpmkit audit evidence add training evidence/training-roster.md");
  Bind(*add, invocation, eo, RunEvidenceAdd);

  auto so = std::make_shared<SignoffArgs>();
  auto* sign = audit->add_subcommand("signoff", "Record who signed off a checklist item");
  sign->add_option("ITEM", so->item, "The checklist item id")->required();
  sign->add_option("--by", so->by, "Who signs off")->required();
  sign->add_option("--on", so->on, "The date (default: the as-of date)");
  sign->add_option("-p,--program", so->program, "A program of the workspace");
  sign->footer("Example:\n  tpmkit audit signoff risk_assessments --by 'Victor Lindqvist'");
  Bind(*sign, invocation, so, RunSignoff);

  auto po = std::make_shared<PackArgs>();
  auto* pack = audit->add_subcommand(
      "pack", "Write a zip: HTML index, evidence files with hashes, the audit trail as JSON");
  AddSourceOptions(*pack, po->source);
  AddRootOption(*pack, po->evidence_root);
  pack->add_option("-o,--output", po->output, "The zip file to write")->required();
  pack->add_flag("--allow-missing", po->allow_missing,
                 "Write the pack even when evidence files are missing (else exit 1, no pack)");
  pack->footer(
      "Exit 1 without a pack when evidence files are missing or refused, unless\n"
      "--allow-missing.\n"
      "Example:\n  tpmkit audit pack -f examples/phoenix.yaml -o phoenix-audit.zip");
  Bind(*pack, invocation, po, RunPack);
}

}  // namespace tpmkit::cli
