// audit (readiness, computations.md §8), audit evidence add, audit signoff, audit pack.
// `audit verify` lives in log_commands.cc; this file gives `audit` its own action when
// it is run without a subcommand.
#include <CLI/CLI.hpp>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

#include "tpmkit/app/evidence.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/cli/cli.h"
#include "tpmkit/report/audit_report.h"
#include "tpmkit/toolkit/audit_readiness.h"

namespace tpmkit::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct AuditOptions {
  SourceOptions source;
  std::string evidence_root;
  std::string item;
  std::string file;
  std::string by;
  std::string on;
  std::string output;
};

Date Today() {
  return Date::FromSysDays(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

std::optional<fs::path> RootOption(const AuditOptions& o) {
  if (o.evidence_root.empty()) return std::nullopt;
  return fs::path(o.evidence_root);
}

struct Readiness {
  app::LoadedProgram loaded;
  fs::path root;
  toolkit::AuditReadiness readiness;
  std::optional<store::VerifyResult> verification;
};

Result<Readiness> ComputeReadiness(const Cli& cli, const AuditOptions& o) {
  TPMKIT_ASSIGN_OR_RETURN(auto as_of, cli.AsOf());
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, app::LoadProgram(cli.Session(), o.source.Source()));
  Readiness r{std::move(loaded), {}, {}, std::nullopt};
  const auto& p = r.loaded.program;
  r.root = app::EvidenceRoot(RootOption(o), r.loaded.base_dir);
  toolkit::AuditInputs in;
  in.as_of = as_of ? *as_of : (p.status_date ? *p.status_date : Today());
  in.file_sha256 = app::HashEvidence(p, r.root);
  if (!r.loaded.from_file) {
    TPMKIT_ASSIGN_OR_RETURN(auto v, app::VerifyAuditTrail(cli.Session()));
    in.trail_verified = v.ok;
    r.verification = v;
  }
  r.readiness = toolkit::ComputeAuditReadiness(p, in);
  return r;
}

int RunAudit(const Cli& cli, const AuditOptions& o) {
  auto r = ComputeReadiness(cli, o);
  if (!r.ok()) return Fail(r.error());
  if (cli.global.json) {
    Print(report::AuditJson(r->readiness));
  } else {
    Print(report::AuditText(r->readiness, {.color = cli.Color()}));
  }
  return kExitOk;
}

Status NeedsWorkspace(const AuditOptions& o, const std::string& what) {
  if (!o.source.file.empty()) {
    return Error::Usage("audit " + what + " edits the workspace; use -p, not -f");
  }
  return OkStatus();
}

std::optional<std::string> ProgramId(const AuditOptions& o) {
  if (o.source.program.empty()) return std::nullopt;
  return o.source.program;
}

int RunEvidenceAdd(const Cli& cli, const AuditOptions& o) {
  if (auto s = NeedsWorkspace(o, "evidence add"); !s.ok()) return Fail(s.error());
  // A workspace program has no file folder: paths are kept relative to --evidence-root,
  // else to the current folder.
  fs::path root = o.evidence_root.empty() ? fs::current_path() : fs::path(o.evidence_root);
  std::string hash;
  auto result = app::EditProgram(cli.Session(), ProgramId(o), [&](model::Program& p) -> Status {
    TPMKIT_RETURN_IF_ERROR(app::AddEvidence(p, o.item, o.file, root));
    for (const auto& item : p.audit->items) {
      if (item.id == o.item && !item.evidence.empty()) hash = item.evidence.back().sha256;
    }
    return OkStatus();
  });
  if (!result.ok()) return Fail(result.error());
  auto file_hash = app::Sha256File(o.file);
  if (file_hash.ok()) hash = *file_hash;
  if (cli.global.json) {
    Print(json{{"item", o.item}, {"path", o.file}, {"sha256", hash}, {"changed", result->changed}}
              .dump(2));
  } else if (result->changed == 0) {
    Print("Evidence " + o.file + " is already recorded on " + o.item + " with SHA-256 " + hash +
          ".");
  } else {
    Print("Recorded evidence " + o.file + " on audit item " + o.item + " (SHA-256 " + hash + ").");
  }
  return kExitOk;
}

int RunSignoff(const Cli& cli, const AuditOptions& o) {
  if (auto s = NeedsWorkspace(o, "signoff"); !s.ok()) return Fail(s.error());
  auto as_of = cli.AsOf();
  if (!as_of.ok()) return Fail(as_of.error());
  std::optional<Date> on;
  if (!o.on.empty()) {
    on = Date::Parse(o.on);
    if (!on) return Fail(Error::Usage("--on: expected a date YYYY-MM-DD, got '" + o.on + "'"));
  }
  Date used;
  auto result = app::EditProgram(cli.Session(), ProgramId(o), [&](model::Program& p) -> Status {
    used = on ? *on : (*as_of ? **as_of : (p.status_date ? *p.status_date : Today()));
    return app::SignOff(p, o.item, o.by, used);
  });
  if (!result.ok()) return Fail(result.error());
  if (cli.global.json) {
    Print(
        json{{"item", o.item}, {"by", o.by}, {"on", used.ToString()}, {"changed", result->changed}}
            .dump(2));
  } else {
    Print("Audit item " + o.item + " signed off by " + o.by + " on " + used.ToString() + ".");
  }
  return kExitOk;
}

int RunPack(const Cli& cli, const AuditOptions& o) {
  auto r = ComputeReadiness(cli, o);
  if (!r.ok()) return Fail(r.error());
  app::AuditPackInput in;
  in.program = r->loaded.program;
  in.readiness = r->readiness;
  in.evidence_root = r->root;
  in.verification = r->verification;
  if (!r->loaded.from_file) {
    store::AuditFilter filter;
    filter.program = in.program.id;
    auto entries = app::ReadLog(cli.Session(), filter);
    if (!entries.ok()) return Fail(entries.error());
    in.trail = std::move(*entries);
  }
  auto as_of = cli.AsOf();
  if (!as_of.ok()) return Fail(as_of.error());
  const auto& status_date = in.program.status_date;
  in.generated_on = *as_of ? **as_of : (status_date ? *status_date : Today());
  auto summary = app::WriteAuditPack(o.output, in);
  if (!summary.ok()) return Fail(summary.error());
  if (cli.global.json) {
    Print(json{{"pack", o.output},
               {"files", summary->files},
               {"evidence_files", summary->evidence_files},
               {"missing", summary->missing},
               {"trail_verified", r->verification ? json(r->verification->ok) : json(nullptr)}}
              .dump(2));
  } else {
    std::string trail = !r->verification      ? "no audit trail (read from a file)"
                        : r->verification->ok ? "the audit trail verified"
                                              : "the audit trail does NOT verify";
    Print("Wrote " + o.output + ": " + std::to_string(summary->files) + " files, " +
          std::to_string(summary->evidence_files) + " evidence files with their SHA-256, " +
          std::to_string(summary->missing) + " missing; " + trail + ".");
  }
  return kExitOk;
}

CLI::App* FindOrAddAudit(CLI::App& app) {
  for (auto* sub : app.get_subcommands([](CLI::App* a) { return a->get_name() == "audit"; })) {
    return sub;
  }
  return app.add_subcommand("audit", "Audit readiness and the audit trail");
}

void AddRoot(CLI::App& cmd, AuditOptions& o) {
  cmd.add_option("--evidence-root", o.evidence_root,
                 "Folder that relative evidence paths start from (default: the program "
                 "file's folder)");
}

}  // namespace

void RegisterAuditCommands(CLI::App& app, Cli& cli) {
  CLI::App* audit = FindOrAddAudit(app);
  audit->description("Audit readiness: the checklist, evidence, signoffs, automatic checks");
  auto opts = std::make_shared<AuditOptions>();
  AddSourceOptions(*audit, opts->source);
  AddRoot(*audit, *opts);
  audit->footer(
      "Without a subcommand: readiness, items, evidence states and gaps.\n"
      "Examples:\n  tpmkit audit -f examples/phoenix.yaml\n"
      "  tpmkit audit pack -o phoenix-audit.zip");
  audit->callback([&cli, opts, audit] {
    if (audit->get_subcommands().empty()) {
      cli.run = [&cli, opts] { return RunAudit(cli, *opts); };
    }
  });

  auto* evidence = audit->add_subcommand("evidence", "Audit evidence files");
  evidence->require_subcommand(1);
  auto add_opts = std::make_shared<AuditOptions>();
  auto* add = evidence->add_subcommand("add", "Hash a file and record it as evidence of an item");
  add->add_option("ITEM", add_opts->item, "The checklist item id")->required();
  add->add_option("FILE", add_opts->file, "The evidence file")->required();
  add->add_option("-p,--program", add_opts->source.program, "A program of the workspace");
  AddRoot(*add, *add_opts);
  add->footer(
      "The path is stored relative to --evidence-root (default: the current folder)\n"
      "when the file lies under it.\n"
      "Example:\n  tpmkit audit evidence add training evidence/training-roster.md");
  add->callback(
      [&cli, add_opts] { cli.run = [&cli, add_opts] { return RunEvidenceAdd(cli, *add_opts); }; });

  auto sign_opts = std::make_shared<AuditOptions>();
  auto* sign = audit->add_subcommand("signoff", "Record who signed off a checklist item");
  sign->add_option("ITEM", sign_opts->item, "The checklist item id")->required();
  sign->add_option("--by", sign_opts->by, "Who signs off")->required();
  sign->add_option("--on", sign_opts->on, "The date (default: the as-of date)");
  sign->add_option("-p,--program", sign_opts->source.program, "A program of the workspace");
  sign->footer("Example:\n  tpmkit audit signoff risk_assessments --by 'Victor Lindqvist'");
  sign->callback(
      [&cli, sign_opts] { cli.run = [&cli, sign_opts] { return RunSignoff(cli, *sign_opts); }; });

  auto pack_opts = std::make_shared<AuditOptions>();
  auto* pack = audit->add_subcommand(
      "pack", "Write a zip: HTML index, evidence files with hashes, the audit trail as JSON");
  AddSourceOptions(*pack, pack_opts->source);
  AddRoot(*pack, *pack_opts);
  pack->add_option("-o,--output", pack_opts->output, "The zip file to write")->required();
  pack->footer("Example:\n  tpmkit audit pack -f examples/phoenix.yaml -o phoenix-audit.zip");
  pack->callback(
      [&cli, pack_opts] { cli.run = [&cli, pack_opts] { return RunPack(cli, *pack_opts); }; });
}

}  // namespace tpmkit::cli
