// stakeholders: the prioritization matrix (computations.md section 6), the overdue
// contacts, the communication plan, and logging a contact with one stakeholder.
#include "tpmkit/cli/stakeholder_commands.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "tpmkit/app/stakeholder_cases.h"
#include "tpmkit/cli/command.h"
#include "tpmkit/report/stakeholder_report.h"
#include "tpmkit/report/stakeholder_text.h"

namespace tpmkit::cli {

ExitCode RunStakeholders(const StakeholdersArgs& a, app::Env& env, std::ostream& out,
                         std::ostream& err) {
  app::ListStakeholdersRequest request;
  request.source = a.source.Source();
  request.as_of = a.common.as_of;
  request.overdue_only = a.overdue;
  request.communication_plan = a.communication_plan;
  auto r = app::ListStakeholders(env, request);
  if (!r.ok()) return Fail(err, r.error());
  if (a.common.json) {
    Print(out, report::StakeholdersJson(r->matrix, r->plan));
  } else {
    Print(out,
          report::StakeholdersText(r->matrix, r->plan,
                                   {.text = {.color = a.common.color}, .overdue_only = a.overdue}));
  }
  return ExitCode::kOk;
}

ExitCode RunContact(const ContactArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto on = DateArg("--on", a.on);
  if (!on.ok()) return Fail(err, on.error());
  app::LogContactRequest request;
  if (!a.program.empty()) request.program_id = a.program;
  request.stakeholder_id = a.id;
  request.on = *on;
  request.note = a.note;
  auto r = app::LogContact(env, request);
  if (!r.ok()) return Fail(err, r.error());
  const report::LoggedContact contact{r->stakeholder_id, r->name, r->on, r->applied.changed};
  Print(out, a.common.json ? report::ContactJson(contact) : report::ContactText(contact));
  return ExitCode::kOk;
}

void DefineStakeholderCommands(CLI::App& root, Invocation& invocation) {
  auto args = std::make_shared<StakeholdersArgs>();
  auto* sh = root.add_subcommand(
      "stakeholders", "The stakeholder matrix: priority, quadrant, cadence, next contact");
  AddSourceOptions(*sh, args->source);
  sh->add_flag("--overdue", args->overdue, "Only the stakeholders overdue for contact");
  sh->footer(
      "Without a subcommand: the table and the 2x2 influence x impact matrix.\n"
      "Examples:\n  tpmkit stakeholders -f examples/phoenix.yaml\n"
      "  tpmkit stakeholders plan -f examples/phoenix.yaml");
  auto plan_args = std::make_shared<StakeholdersArgs>();
  plan_args->communication_plan = true;
  auto* plan = sh->add_subcommand(
      "plan", "The communication plan: who, channel, cadence, next date and what to raise");
  AddSourceOptions(*plan, plan_args->source);
  plan->add_flag("--overdue", plan_args->overdue, "Only the stakeholders overdue for contact");
  plan->footer("Example:\n  tpmkit stakeholders plan --as-of 2026-06-15");
  Bind(*plan, invocation, plan_args, RunStakeholders);
  Bind(*sh, invocation, args, RunStakeholders, {.unless_subcommand = true});

  auto contact_args = std::make_shared<ContactArgs>();
  auto* one = root.add_subcommand("stakeholder", "Work with one stakeholder");
  one->require_subcommand(1);
  one->footer(
      "Example:\n  tpmkit stakeholder contact cfo --on 2026-06-15 --note \"Budget review\"");
  auto* contact =
      one->add_subcommand("contact", "Log an engagement: kept as history, last_contact updated");
  contact->add_option("ID", contact_args->id, "The stakeholder id")->required();
  contact->add_option("--on", contact_args->on, "The date of the contact (YYYY-MM-DD)")->required();
  contact->add_option("--note", contact_args->note, "What was discussed")->required();
  AddProgramOption(*contact, contact_args->program);
  contact->footer(
      "Example:\n  tpmkit stakeholder contact cfo --on 2026-06-15 "
      "--note 'Walked through the D-01 options'");
  Bind(*contact, invocation, contact_args, RunContact);
}

}  // namespace tpmkit::cli
