// log and audit verify: reading the tamper-evident audit trail.
#include <CLI/CLI.hpp>
#include <iomanip>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tpmkit/app/audit_json.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/cli/cli.h"

namespace tpmkit::cli {

namespace {

using nlohmann::json;

struct LogOptions {
  std::string program;
  std::string entity;
  std::string since;
  std::string actor;
  size_t limit = 0;
};

std::string Abbrev(const std::optional<std::string>& v) {
  if (!v) return "(none)";
  std::string s = *v;
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

std::string EntryText(const store::AuditEntry& e) {
  std::ostringstream out;
  out << std::setw(6) << e.seq << "  " << e.at << "  " << e.actor << "  "
      << model::Name(e.change.action) << ' ' << e.change.entity << ' ' << e.change.entity_id << " ("
      << e.program << ")\n";
  // An update lists its fields; a create or delete is summarized, its fields are in --json.
  if (e.change.action == model::ChangeAction::kUpdate) {
    for (const auto& c : e.change.changes) {
      out << "        " << c.field << ": " << Abbrev(c.old_value) << " -> " << Abbrev(c.new_value)
          << '\n';
    }
  }
  return out.str();
}

int RunLog(const Cli& cli, const LogOptions& o) {
  store::AuditFilter filter;
  if (!o.program.empty()) filter.program = o.program;
  if (!o.entity.empty()) filter.entity = o.entity;
  if (!o.actor.empty()) filter.actor = o.actor;
  if (!o.since.empty()) {
    if (!Date::Parse(o.since) && o.since.size() < 11) {
      return Fail(Error::Usage("--since: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got '" +
                               o.since + "'"));
    }
    filter.since = o.since;
  }
  auto entries = app::ReadLog(cli.Session(), filter);
  if (!entries.ok()) return Fail(entries.error());
  auto& list = *entries;
  if (o.limit > 0 && list.size() > o.limit) list.resize(o.limit);
  if (cli.global.json) {
    Print(app::AuditEntriesJson(list));
    return kExitOk;
  }
  if (list.empty()) {
    Print("No audit-trail entries match.");
    return kExitOk;
  }
  std::string text;
  for (const auto& e : list) text += EntryText(e);
  Print(text);
  return kExitOk;
}

int RunVerify(const Cli& cli) {
  auto result = app::VerifyAuditTrail(cli.Session());
  if (!result.ok()) return Fail(result.error());
  const auto& r = *result;
  if (cli.global.json) {
    Print(json{{"ok", r.ok},
               {"entries", r.entries},
               {"first_bad", r.first_bad ? json(*r.first_bad) : json(nullptr)},
               {"reason", r.reason}}
              .dump(2));
  } else if (r.ok) {
    Print("Audit trail verified: " + std::to_string(r.entries) +
          " entries, every hash matches its entry and links to the one before.");
  } else {
    Print("Audit trail BROKEN at entry " + std::to_string(r.first_bad.value_or(0)) + " of " +
          std::to_string(r.entries) + ": " + r.reason);
  }
  return r.ok ? kExitOk : kExitCheckFailed;
}

}  // namespace

void RegisterLogCommands(CLI::App& app, Cli& cli) {
  auto opts = std::make_shared<LogOptions>();
  auto* log = app.add_subcommand("log", "List the audit trail, newest first");
  log->add_option("-p,--program", opts->program, "Only this program's entries");
  log->add_option("--entity", opts->entity, "Only this kind of entity (task, risk, ...)");
  log->add_option("--since", opts->since, "Only entries at or after this date (YYYY-MM-DD)");
  log->add_option("--actor", opts->actor, "Only entries by this actor");
  log->add_option("-n,--limit", opts->limit, "At most this many entries");
  log->footer("Example:\n  tpmkit log --entity risk --since 2026-06-01");
  log->callback([&cli, opts] { cli.run = [&cli, opts] { return RunLog(cli, *opts); }; });

  CLI::App* audit = nullptr;
  for (auto* sub : app.get_subcommands([](CLI::App* a) { return a->get_name() == "audit"; })) {
    audit = sub;
  }
  if (!audit) audit = app.add_subcommand("audit", "Audit readiness and the audit trail");
  auto* verify = audit->add_subcommand(
      "verify", "Recompute the audit trail's hash chain; exit 1 when it is broken");
  verify->footer("Example:\n  tpmkit audit verify");
  verify->callback([&cli] { cli.run = [&cli] { return RunVerify(cli); }; });
}

}  // namespace tpmkit::cli
