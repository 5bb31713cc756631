// changes: the change requests, assessing one by simulation, approving, rejecting and
// implementing it (change control).
#include "tpmkit/cli/change_commands.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "tpmkit/app/change_cases.h"
#include "tpmkit/cli/command.h"
#include "tpmkit/report/change_text.h"

namespace tpmkit::cli {

namespace {

Error EditsTheWorkspace(const std::string& action) {
  return Error::Usage("changes " + action + " edits the workspace; use -p, not -f");
}

ExitCode RunDecision(const ChangeDecisionArgs& a, model::ApprovalDecision decision, app::Env& env,
                     std::ostream& out, std::ostream& err) {
  const bool approve = decision == model::ApprovalDecision::kApproved;
  if (!a.source.file.empty()) return Fail(err, EditsTheWorkspace(approve ? "approve" : "reject"));
  auto on = OptionalDateArg("--on", a.on);
  if (!on.ok()) return Fail(err, on.error());
  app::DecideChangeRequest request;
  request.program_id = a.source.ProgramId();
  request.change_id = a.id;
  request.decision = decision;
  request.by = a.by;
  request.note = a.note;
  request.on = *on;
  request.as_of = a.common.as_of;
  auto r = app::DecideChange(env, request);
  if (!r.ok()) return Fail(err, r.error());
  report::ChangeEdit edit;
  edit.id = r->change_id;
  edit.status = r->status;
  edit.by = r->approval.by;
  edit.changed = r->applied.changed;
  Print(out, a.common.json ? report::ChangeEditJson(edit) : report::ChangeEditText(edit));
  return ExitCode::kOk;
}

}  // namespace

ExitCode RunChanges(const ChangesArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::ListChanges(env, {a.source.Source(), a.common.as_of});
  if (!r.ok()) return Fail(err, r.error());
  const auto& p = r->loaded.program;
  Print(out, a.common.json ? report::ChangeListJson(p, r->money)
                           : report::ChangeListText(p, r->money, {.color = a.common.color}));
  return ExitCode::kOk;
}

ExitCode RunChangeAssess(const ChangeAssessArgs& a, app::Env& env, std::ostream& out,
                         std::ostream& err) {
  app::AssessChangeRequest request;
  request.source = a.source.Source();
  request.change_id = a.id;
  request.as_of = a.common.as_of;
  request.iterations = a.iterations;
  request.seed = a.seed;
  auto r = app::AssessChange(env, request);
  if (!r.ok()) return Fail(err, r.error());
  const report::SimulationRun run{r->iterations, r->seed};
  Print(out, a.common.json ? report::ChangeAssessmentJson(r->assessment, run)
                           : report::ChangeAssessmentText(r->loaded.program, r->assessment, run,
                                                          {.color = a.common.color}));
  return ExitCode::kOk;
}

ExitCode RunChangeApprove(const ChangeDecisionArgs& a, app::Env& env, std::ostream& out,
                          std::ostream& err) {
  return RunDecision(a, model::ApprovalDecision::kApproved, env, out, err);
}

ExitCode RunChangeReject(const ChangeDecisionArgs& a, app::Env& env, std::ostream& out,
                         std::ostream& err) {
  return RunDecision(a, model::ApprovalDecision::kRejected, env, out, err);
}

ExitCode RunChangeImplement(const ChangeImplementArgs& a, app::Env& env, std::ostream& out,
                            std::ostream& err) {
  if (!a.source.file.empty()) return Fail(err, EditsTheWorkspace("implement"));
  auto r = app::ImplementChange(env, {a.source.ProgramId(), a.id});
  if (!r.ok()) return Fail(err, r.error());
  report::ChangeEdit edit;
  edit.id = r->change_id;
  edit.status = model::ChangeStatus::kImplemented;
  edit.tasks_added = r->tasks_added;
  edit.changed = r->applied.changed;
  Print(out, a.common.json ? report::ChangeEditJson(edit) : report::ChangeEditText(edit));
  return ExitCode::kOk;
}

void DefineChangeCommands(CLI::App& root, Invocation& invocation) {
  auto list_args = std::make_shared<ChangesArgs>();
  auto* changes = root.add_subcommand("changes",
                                      "Change requests: list, assess, approve, "
                                      "reject, implement");
  AddSourceOptions(*changes, list_args->source);
  changes->footer(
      "Example:\n  tpmkit changes -f examples/phoenix.yaml\n"
      "See docs/commands/changes.md for the assessment rule.");
  Bind(*changes, invocation, list_args, RunChanges, {.unless_subcommand = true});

  auto assess_args = std::make_shared<ChangeAssessArgs>();
  auto* assess = changes->add_subcommand(
      "assess", "Simulate the program with and without a change and recommend approve or reject");
  AddSourceOptions(*assess, assess_args->source);
  assess->add_option("ID", assess_args->id, "The change id")->required();
  assess->add_option("--iterations", assess_args->iterations,
                     "Monte Carlo iterations (default 10000)");
  assess->add_option("--seed", assess_args->seed, "Random seed (default 1)")->check(SeedRange());
  assess->footer(
      "Rejects when the chance of finishing on time would be below targets.p_on_time,\n"
      "or when the change costs more than the budget not yet committed.\n"
      "Example:\n  tpmkit changes assess CR-03 -f examples/phoenix.yaml");
  Bind(*assess, invocation, assess_args, RunChangeAssess);

  const struct {
    const char* name;
    const char* what;
    RunFn<ChangeDecisionArgs> run;
    const char* note;  // of the example
  } decisions[] = {
      {"approve", "Approve a change request (appends an approval)", RunChangeApprove,
       "Funded from contingency"},
      {"reject", "Reject a change request (appends a rejection)", RunChangeReject,
       "Not before go-live"},
  };
  for (const auto& d : decisions) {
    auto args = std::make_shared<ChangeDecisionArgs>();
    auto* sub = changes->add_subcommand(d.name, d.what);
    AddProgramOption(*sub, args->source.program);  // an edit of the workspace: no -f
    sub->add_option("ID", args->id, "The change id")->required();
    sub->add_option("--by", args->by, "Who decides")->required();
    sub->add_option("--note", args->note, "Why, in a sentence");
    sub->add_option("--on", args->on, "The date decided (default: the as-of date)");
    sub->footer(std::string("Example:\n  tpmkit changes ") + d.name +
                " CR-03 --by 'Dana Lee' --note '" + d.note + "'");
    Bind(*sub, invocation, args, d.run);
  }

  auto implement_args = std::make_shared<ChangeImplementArgs>();
  auto* implement = changes->add_subcommand(
      "implement", "Add an approved change's tasks to the plan and mark it implemented");
  AddProgramOption(*implement, implement_args->source.program);
  implement->add_option("ID", implement_args->id, "The change id")->required();
  implement->footer(
      "Example (a change is approved before it is implemented):\n"
      "  tpmkit changes approve CR-03 --by 'Dana Lee'\n  tpmkit changes implement CR-03");
  Bind(*implement, invocation, implement_args, RunChangeImplement);
}

}  // namespace tpmkit::cli
