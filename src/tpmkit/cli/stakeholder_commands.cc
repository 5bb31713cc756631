// stakeholders: the prioritization matrix (computations.md §6), the overdue contacts,
// the communication plan, and logging a contact with one stakeholder.
#include <CLI/CLI.hpp>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

#include "tpmkit/app/workspace.h"
#include "tpmkit/cli/cli.h"
#include "tpmkit/report/stakeholder_report.h"
#include "tpmkit/toolkit/stakeholders.h"

namespace tpmkit::cli {

namespace {

struct StakeholderOptions {
  SourceOptions source;
  bool overdue = false;
};

struct ContactOptions {
  std::string program;
  std::string id;
  std::string on;
  std::string note;
};

Date Today() {
  return Date::FromSysDays(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

// --as-of, else the program's status date, else today.
Result<Date> AsOfFor(const Cli& cli, const model::Program& p) {
  TPMKIT_ASSIGN_OR_RETURN(auto as_of, cli.AsOf());
  if (as_of) return *as_of;
  return p.status_date ? *p.status_date : Today();
}

int RunStakeholders(const Cli& cli, const StakeholderOptions& o, bool plan) {
  auto loaded = app::LoadProgram(cli.Session(), o.source.Source());
  if (!loaded.ok()) return Fail(loaded.error());
  const auto& p = loaded->program;
  auto as_of = AsOfFor(cli, p);
  if (!as_of.ok()) return Fail(as_of.error());
  auto matrix = toolkit::ComputeStakeholderMatrix(p, *as_of);
  if (o.overdue) std::erase_if(matrix.stakeholders, [](const auto& s) { return !s.overdue; });
  std::optional<toolkit::CommunicationPlan> comms;
  if (plan) comms = toolkit::ComputeCommunicationPlan(p, *as_of);
  if (comms && o.overdue) {
    std::erase_if(comms->entries, [](const auto& e) { return !e.stakeholder.overdue; });
  }
  if (cli.global.json) {
    Print(report::StakeholdersJson(matrix, comms));
    return kExitOk;
  }
  report::RegisterTextOptions ro{.color = cli.Color()};
  if (plan) {
    Print(report::CommunicationPlanText(*comms, ro));
  } else if (o.overdue) {
    Print(report::StakeholderTableText(matrix, ro));
  } else {
    Print(report::StakeholderTableText(matrix, ro) + "\n" +
          report::StakeholderGridText(matrix, ro));
  }
  return kExitOk;
}

int RunContact(const Cli& cli, const ContactOptions& o) {
  auto on = Date::Parse(o.on);
  if (!on) return Fail(Error::Usage("--on: expected a date YYYY-MM-DD, got '" + o.on + "'"));
  if (o.note.empty()) return Fail(Error::Usage("--note: say in a sentence what was discussed"));
  std::optional<std::string> program_id;
  if (!o.program.empty()) program_id = o.program;
  std::string name;
  auto result = app::EditProgram(cli.Session(), program_id, [&](model::Program& p) -> Status {
    for (auto& s : p.stakeholders) {
      if (s.id != o.id) continue;
      s.contacts.push_back({*on, o.note});
      // last_contact is the latest contact, so logging an older one keeps it.
      if (!s.last_contact || *s.last_contact < *on) s.last_contact = *on;
      name = s.name;
      return OkStatus();
    }
    std::string ids;
    for (const auto& s : p.stakeholders) ids += (ids.empty() ? "" : ", ") + s.id;
    return Error::NotFound("no stakeholder '" + o.id + "' in program " + p.id +
                           (ids.empty() ? " (it has none)" : " (known: " + ids + ")"));
  });
  if (!result.ok()) return Fail(result.error());
  if (cli.global.json) {
    Print(
        nlohmann::json{{"stakeholder", o.id}, {"on", on->ToString()}, {"changed", result->changed}}
            .dump(2));
  } else {
    Print("Logged a contact with " + (name.empty() ? o.id : name + " (" + o.id + ")") + " on " +
          on->ToString() + ".");
  }
  return kExitOk;
}

}  // namespace

void RegisterStakeholderCommands(CLI::App& app, Cli& cli) {
  auto opts = std::make_shared<StakeholderOptions>();
  auto* sh = app.add_subcommand(
      "stakeholders", "The stakeholder matrix: priority, quadrant, cadence, next contact");
  AddSourceOptions(*sh, opts->source);
  sh->add_flag("--overdue", opts->overdue, "Only the stakeholders overdue for contact");
  sh->footer(
      "Without a subcommand: the table and the 2x2 influence x impact matrix.\n"
      "Examples:\n  tpmkit stakeholders -f examples/phoenix.yaml\n"
      "  tpmkit stakeholders plan -f examples/phoenix.yaml");
  auto plan_opts = std::make_shared<StakeholderOptions>();
  auto* plan = sh->add_subcommand(
      "plan", "The communication plan: who, channel, cadence, next date and what to raise");
  AddSourceOptions(*plan, plan_opts->source);
  plan->add_flag("--overdue", plan_opts->overdue, "Only the stakeholders overdue for contact");
  plan->footer("Example:\n  tpmkit stakeholders plan --as-of 2026-06-15");
  plan->callback([&cli, plan_opts] {
    cli.run = [&cli, plan_opts] { return RunStakeholders(cli, *plan_opts, true); };
  });
  sh->callback([&cli, opts, sh] {
    if (sh->get_subcommands().empty()) {
      cli.run = [&cli, opts] { return RunStakeholders(cli, *opts, false); };
    }
  });

  auto contact_opts = std::make_shared<ContactOptions>();
  auto* one = app.add_subcommand("stakeholder", "Work with one stakeholder");
  one->require_subcommand(1);
  one->footer(
      "Example:\n  tpmkit stakeholder contact cfo --on 2026-06-16 --note \"Budget review\"");
  auto* contact =
      one->add_subcommand("contact", "Log an engagement: kept as history, last_contact updated");
  contact->add_option("ID", contact_opts->id, "The stakeholder id")->required();
  contact->add_option("--on", contact_opts->on, "The date of the contact (YYYY-MM-DD)")->required();
  contact->add_option("--note", contact_opts->note, "What was discussed")->required();
  contact->add_option("-p,--program", contact_opts->program,
                      "A program of the workspace (optional when it holds one)");
  contact->footer(
      "Example:\n  tpmkit stakeholder contact cfo --on 2026-06-16 "
      "--note 'Walked through the D-01 options'");
  contact->callback([&cli, contact_opts] {
    cli.run = [&cli, contact_opts] { return RunContact(cli, *contact_opts); };
  });
}

}  // namespace tpmkit::cli
