// changes: the change requests, assessing one by simulation, approving, rejecting and
// implementing it (change control).
#include <CLI/CLI.hpp>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

#include "tpmkit/app/workspace.h"
#include "tpmkit/cli/cli.h"
#include "tpmkit/report/register_text.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/change_control.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::cli {

namespace {

using nlohmann::json;
namespace rt = report::register_text;

struct ChangeOptions {
  SourceOptions source;
  std::string id;
  int iterations = 10000;
  uint64_t seed = 1;
  std::string by;
  std::string note;
  std::string on;
};

json DateOrNull(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

Date Today() {
  return Date::FromSysDays(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

int RunList(const Cli& cli, const ChangeOptions& o) {
  auto loaded = app::LoadProgram(cli.Session(), o.source.Source());
  if (!loaded.ok()) return Fail(loaded.error());
  const auto& p = loaded->program;
  if (cli.global.json) {
    json list = json::array();
    for (const auto& c : p.changes) {
      json tasks = json::array();
      for (const auto& t : c.adds_tasks) tasks.push_back(t.id);
      json approvals = json::array();
      for (const auto& a : c.approvals) {
        approvals.push_back({{"by", a.by},
                             {"on", a.on.ToString()},
                             {"decision", std::string(model::Name(a.decision))},
                             {"note", a.note}});
      }
      list.push_back({{"id", c.id},
                      {"title", c.title},
                      {"requested_by", c.requested_by},
                      {"requested_on", DateOrNull(c.requested_on)},
                      {"status", std::string(model::Name(c.status))},
                      {"schedule_days",
                       c.impact && c.impact->schedule ? json(*c.impact->schedule) : json(nullptr)},
                      {"cost", toolkit::ChangeCost(c).ToDouble()},
                      {"adds_tasks", tasks},
                      {"approvals", approvals}});
    }
    auto b = toolkit::ComputeBudgetPosition(p);
    Print(json{{"changes", list}, {"remaining_budget", b.remaining.ToDouble()}}.dump(2));
    return kExitOk;
  }
  if (p.changes.empty()) {
    Print("Program " + p.id + " has no change requests.");
    return kExitOk;
  }
  rt::Table t;
  t.header = {"ID", "STATUS", "REQUESTED BY", "ON", "DAYS", "COST", "TITLE"};
  t.right_aligned = {false, false, false, false, true, true, false};
  for (const auto& c : p.changes) {
    t.rows.push_back(
        {{c.id, {}},
         {std::string(model::Name(c.status)),
          c.status == model::ChangeStatus::kProposed ? rt::kYellow : std::string_view()},
         {rt::OrDash(c.requested_by), {}},
         {c.requested_on ? c.requested_on->ToString() : "-", {}},
         {c.impact && c.impact->schedule ? toolkit::wording::Number(*c.impact->schedule) + "d"
                                         : "-",
          {}},
         {toolkit::Amount(toolkit::ChangeCost(c), p.currency), {}},
         {c.title, {}}});
  }
  auto b = toolkit::ComputeBudgetPosition(p);
  Print(rt::Render(t, {.color = cli.Color()}) +
        "\nBudget not yet committed: " + toolkit::Amount(b.remaining, p.currency) + " (budget " +
        toolkit::Amount(b.budget, p.currency) + ", planned work " +
        toolkit::Amount(b.planned, p.currency) + ", approved changes not yet implemented " +
        toolkit::Amount(b.approved_changes, p.currency) + ").");
  return kExitOk;
}

int RunAssess(const Cli& cli, const ChangeOptions& o) {
  auto as_of = cli.AsOf();
  if (!as_of.ok()) return Fail(as_of.error());
  if (o.iterations < 1) return Fail(Error::Usage("--iterations must be at least 1"));
  auto loaded = app::LoadProgram(cli.Session(), o.source.Source());
  if (!loaded.ok()) return Fail(loaded.error());
  const auto& p = loaded->program;
  toolkit::SimulationOptions sim;
  sim.iterations = o.iterations;
  sim.seed = o.seed;
  sim.as_of = *as_of;
  auto r = toolkit::SimulateChange(p, o.id, sim);
  if (!r.ok()) return Fail(r.error());
  const auto& a = *r;
  auto pot = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  if (cli.global.json) {
    Print(json{{"id", a.id},
               {"title", a.title},
               {"finish_before", a.before.finish.ToString()},
               {"finish_after", a.after.finish.ToString()},
               {"p80_before", DateOrNull(a.before.p80_finish)},
               {"p80_after", DateOrNull(a.after.p80_finish)},
               {"p_on_time_before", pot(a.before.p_on_time)},
               {"p_on_time_after", pot(a.after.p_on_time)},
               {"p_on_time_target", pot(a.p_on_time_target)},
               {"cost_before", a.before.cost.ToDouble()},
               {"cost_after", a.after.cost.ToDouble()},
               {"cost_delta", a.cost_delta.ToDouble()},
               {"remaining_budget", a.budget.remaining.ToDouble()},
               {"finish_delay_days", a.finish_delay_days},
               {"p80_delay_days", a.p80_delay_days ? json(*a.p80_delay_days) : json(nullptr)},
               {"iterations", o.iterations},
               {"seed", o.seed},
               {"recommendation", std::string(toolkit::ChangeRecommendationName(a.recommendation))},
               {"reason", a.reason},
               {"reply", a.reply}}
              .dump(2));
    return kExitOk;
  }
  auto pct = [](const std::optional<double>& v) {
    return v ? toolkit::wording::Percent(*v) : std::string("-");
  };
  auto day = [](const std::optional<Date>& d) { return d ? d->ToString() : std::string("-"); };
  rt::Table t;
  t.header = {"", "WITHOUT", "WITH " + a.id};
  t.right_aligned = {false, true, true};
  t.rows.push_back(
      {{"Planned finish", {}}, {a.before.finish.ToString(), {}}, {a.after.finish.ToString(), {}}});
  t.rows.push_back(
      {{"P80 finish", {}}, {day(a.before.p80_finish), {}}, {day(a.after.p80_finish), {}}});
  t.rows.push_back(
      {{"Chance on time", {}}, {pct(a.before.p_on_time), {}}, {pct(a.after.p_on_time), {}}});
  t.rows.push_back({{"Cost", {}},
                    {toolkit::Amount(a.before.cost, p.currency), {}},
                    {toolkit::Amount(a.after.cost, p.currency), {}}});
  std::string out = "Change " + a.id + ": " + a.title + "\nSimulated with " +
                    std::to_string(o.iterations) + " iterations, seed " + std::to_string(o.seed) +
                    ".\n\n" + rt::Render(t, {.color = cli.Color()}) + "\n" + a.reason +
                    "\n\nReply to the requester:\n\n" + a.reply;
  Print(out);
  return kExitOk;
}

Result<std::optional<Date>> ParseOn(const std::string& on) {
  if (on.empty()) return std::optional<Date>();
  auto d = Date::Parse(on);
  if (!d) return Error::Usage("--on: expected a date YYYY-MM-DD, got '" + on + "'");
  return std::optional<Date>(*d);
}

int RunEdit(const Cli& cli, const ChangeOptions& o, const std::string& action) {
  if (!o.source.file.empty()) {
    return Fail(Error::Usage("changes " + action + " edits the workspace; use -p, not -f"));
  }
  auto as_of = cli.AsOf();
  if (!as_of.ok()) return Fail(as_of.error());
  auto on = ParseOn(o.on);
  if (!on.ok()) return Fail(on.error());
  if (action != "implement" && o.by.empty()) {
    return Fail(Error::Usage("changes " + action + " needs --by NAME"));
  }
  std::optional<std::string> program_id;
  if (!o.source.program.empty()) program_id = o.source.program;
  size_t added = 0;
  auto result = app::EditProgram(cli.Session(), program_id, [&](model::Program& p) -> Status {
    if (action == "implement") {
      size_t before = p.TaskCount();
      TPMKIT_RETURN_IF_ERROR(toolkit::ImplementChange(p, o.id));
      added = p.TaskCount() - before;
      return OkStatus();
    }
    model::Approval a;
    a.by = o.by;
    a.note = o.note;
    a.on = *on ? **on : (*as_of ? **as_of : (p.status_date ? *p.status_date : Today()));
    a.decision = action == "approve" ? model::ApprovalDecision::kApproved
                                     : model::ApprovalDecision::kRejected;
    return toolkit::RecordChangeDecision(p, o.id, a);
  });
  if (!result.ok()) return Fail(result.error());
  std::string status = action == "approve"  ? "approved"
                       : action == "reject" ? "rejected"
                                            : "implemented";
  if (cli.global.json) {
    Print(
        json{{"id", o.id}, {"status", status}, {"tasks_added", added}, {"changed", result->changed}}
            .dump(2));
  } else if (action == "implement") {
    Print("Change " + o.id +
          " is implemented: " + toolkit::wording::Count(static_cast<long>(added), "task", "tasks") +
          " added to the plan (" +
          toolkit::wording::Count(static_cast<long>(result->changed), "entry", "entries") +
          " in the audit trail).");
  } else {
    Print("Change " + o.id + " is " + status + " by " + o.by + " (" +
          toolkit::wording::Count(static_cast<long>(result->changed), "entry", "entries") +
          " in the audit trail).");
  }
  return kExitOk;
}

}  // namespace

void RegisterChangeCommands(CLI::App& app, Cli& cli) {
  auto list_opts = std::make_shared<ChangeOptions>();
  auto* changes = app.add_subcommand("changes",
                                     "Change requests: list, assess, approve, "
                                     "reject, implement");
  AddSourceOptions(*changes, list_opts->source);
  changes->footer(
      "Example:\n  tpmkit changes -f examples/phoenix.yaml\n"
      "See docs/commands/changes.md for the assessment rule.");
  changes->callback([&cli, list_opts, changes] {
    if (changes->get_subcommands().empty()) {
      cli.run = [&cli, list_opts] { return RunList(cli, *list_opts); };
    }
  });

  auto assess_opts = std::make_shared<ChangeOptions>();
  auto* assess = changes->add_subcommand(
      "assess", "Simulate the program with and without a change and recommend approve or reject");
  AddSourceOptions(*assess, assess_opts->source);
  assess->add_option("ID", assess_opts->id, "The change id")->required();
  assess->add_option("--iterations", assess_opts->iterations,
                     "Monte Carlo iterations (default 10000)");
  assess->add_option("--seed", assess_opts->seed, "Random seed (default 1)");
  assess->footer(
      "Rejects when the chance of finishing on time would be below targets.p_on_time,\n"
      "or when the change costs more than the budget not yet committed.\n"
      "Example:\n  tpmkit changes assess CR-03 -f examples/phoenix.yaml");
  assess->callback([&cli, assess_opts] {
    cli.run = [&cli, assess_opts] { return RunAssess(cli, *assess_opts); };
  });

  for (std::string action : {"approve", "reject", "implement"}) {
    auto opts = std::make_shared<ChangeOptions>();
    std::string what =
        action == "implement"
            ? "Add an approved change's tasks to the plan and mark it implemented"
            : (action == "approve" ? "Approve a change request (appends an approval)"
                                   : "Reject a change request (appends a rejection)");
    auto* sub = changes->add_subcommand(action, what);
    AddSourceOptions(*sub, opts->source);
    sub->add_option("ID", opts->id, "The change id")->required();
    if (action != "implement") {
      sub->add_option("--by", opts->by, "Who decides")->required();
      sub->add_option("--note", opts->note, "Why, in a sentence");
      sub->add_option("--on", opts->on, "The date decided (default: the as-of date)");
    }
    sub->footer("Example:\n  tpmkit changes " + action + " CR-03" +
                (action == "implement" ? "" : " --by 'Dana Lee' --note 'Funded from contingency'"));
    sub->callback([&cli, opts, action] {
      cli.run = [&cli, opts, action] { return RunEdit(cli, *opts, action); };
    });
  }
}

}  // namespace tpmkit::cli
