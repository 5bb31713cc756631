// The executive escalation of a risk (cli.md `escalate`, computations.md section 7a):
// what the issue is, what it does to the finish and the money, the options with their
// simulated outcomes, the recommendation, the ask and the sign-off. EscalationOptions
// builds the options to simulate (the decision's, else the generic ones), and
// SimulateEscalation runs the schedules and forecasts (escalation_simulation.cc) and
// builds the message's content with BuildEscalation. Nothing here is a placeholder:
// missing data is an error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"
#include "tpmkit/toolkit/decision_rule.h"
#include "tpmkit/toolkit/decisions.h"
#include "tpmkit/toolkit/money_position.h"
#include "tpmkit/toolkit/option_simulation.h"

namespace tpmkit::toolkit {

// What the caller must check before simulating anything: the risk exists and is open,
// mitigating or realized (then it is written as an issue), states an owner and an
// impact on the schedule (impact.schedule > 0 with impact.tasks), on the money
// (impact.cost > 0) or both; a schedule impact needs a program target; `to` names the
// sponsor or a stakeholder (by id or name, any case) and resolves to that person's name.
// Errors: kNotFound for an unknown risk or decision, kInvalidInput naming everything
// that is missing.
struct EscalationSubject {
  const model::Risk* risk = nullptr;
  const model::Decision* decision = nullptr;
  std::string to_name;           // the addressee as the program names them
  std::string to_role;           // "sponsor" or the stakeholder's role (may be empty)
  bool schedule_impact = false;  // impact.schedule > 0 on impact.tasks
  bool cost_impact = false;      // impact.cost > 0
};
Result<EscalationSubject> CheckEscalation(const model::Program& program, const std::string& risk_id,
                                          const std::optional<std::string>& decision_id,
                                          const std::string& to);

// A milestone whose scheduled date moves when the risk happens.
struct MilestoneMove {
  std::string id;
  std::string name;
  Date before;
  Date after;
};

// An option as simulated by the caller (with the risk happening).
struct OptionOutcome {
  std::string id;
  std::string name;
  std::string how;  // one sentence: what was simulated, or why it was not
  bool simulated = false;
  std::optional<Date> p80;          // p80 finish with this option
  std::optional<double> p_on_time;  // against `target`
  std::optional<Date> target;       // the target the option implies
  std::optional<double> cost;       // money the option adds, currency units
  // The forecast final cost (money_position.h) with the option and the risk happening.
  std::optional<double> final_cost;
  // The option's target falls in a change freeze read from the assumptions: it needs an
  // exception, and the generic rule recommends it only when nothing else is simulated.
  std::optional<Date> freeze_start;
};

// A change freeze the program's assumptions state: an assumption that mentions "freeze"
// and a date YYYY-MM-DD (the first one is the freeze's start).
struct Freeze {
  Date start;
  std::string assumption;
};
std::vector<Freeze> ReadFreezes(const model::Program& program);

// The first freeze that starts after `target_before` (the program's target) and on or
// before `date`: moving the target to `date` lands in it. nullopt when none does.
std::optional<Freeze> FreezeHit(const std::vector<Freeze>& freezes,
                                std::optional<Date> target_before, Date date);

struct EscalationFacts {
  Date as_of;
  int iterations = 0;
  uint64_t seed = 0;
  Date finish_before, finish_after;  // deterministic schedule without / with the risk
  Date p80_before, p80_after;
  int schedule_days = 0;  // working days from p80_before to p80_after
  std::optional<double> p_on_time_before, p_on_time_after;
  std::vector<MilestoneMove> milestones;
  std::vector<OptionOutcome> options;  // in the order to present them
  std::string from_name;               // who signs; empty: the program's default sender
  MoneyPosition money;                 // as the program stands
  std::vector<Freeze> freezes;
  // With a decision: `decide`'s view (the options simulated as the program stands, with
  // the same iterations and seed) and its rule, and the same rule applied to the
  // options with the risk happening.
  std::optional<DecisionAnalysis> ranking;
  std::optional<RuleOutcome> rule;
  std::optional<RuleOutcome> rule_with_risk;
};

// A part of the full analysis, after the message in md and eml.
struct AppendixSection {
  std::string heading;
  std::vector<std::string> items;  // one paragraph or list item each
};

struct Escalation {
  std::string subject;  // at most kMaxSubject characters, the headline number first
  std::string to;
  std::string from;
  bool is_issue = false;                  // a realized risk: written as an issue
  std::string issue;                      // one or two sentences
  std::vector<std::string> impact_brief;  // the message's impact lines (finish, money)
  std::vector<std::string> option_brief;  // the message's option lines, same order as options
  std::string options_note;               // what the options are, e.g. "decision D-01's"
  std::vector<std::string> impact;        // the full statements, one sentence each
  MoneyPosition money;
  std::optional<double> final_cost_with_risk;  // forecast final cost if the risk happens
  std::vector<AppendixSection> appendix;       // the full analysis (md, eml, json)
  int schedule_days = 0;
  double cost = 0;
  Date p80_before, p80_after;
  std::vector<OptionOutcome> options;
  std::vector<std::string> option_summaries;  // one sentence per option, same order
  std::string recommended;                    // option id
  std::string rationale;
  std::string ask;
  Date ask_by;
  std::string signoff;
  std::string program_name;
  std::string risk_id;
  std::string currency;
};

inline constexpr size_t kMaxSubject = 80;

// Task ids as "Name (id)" (the id alone when the program has no such task or it has no
// name), in the order given: executives read names, the id lets the team find the task.
std::vector<std::string> TaskLabels(const model::Program& program,
                                    const std::vector<std::string>& ids);

// The recommendation rule without a decision: options whose target falls in a change
// freeze (freeze_start) are left out unless nothing else was simulated; then among the
// options whose p80 is on or before the program's target, the lowest cost (then the
// earliest p80, then the first); when none is, the highest p_on_time against the
// option's own target (then the lowest cost, then the first). Options that were not
// simulated are never recommended. nullopt when none was simulated.
std::optional<size_t> RecommendOption(const std::vector<OptionOutcome>& options,
                                      std::optional<Date> target);

// When the ask is due: the risk's response_due when it is on or after as_of, else as_of
// plus 7 calendar days.
Date AskDueDate(const model::Risk& risk, Date as_of);

// Builds the escalation: the message (issue, impact, options, recommendation, ask, at
// most about 250 words) and the appendix. With a decision the recommendation is the
// option its rule picks in `decide` (facts.rule), and the text says when the same rule
// picks another option with the risk happening. Without `from_name` the message is
// signed by the sponsor (by the program's team when it goes to the sponsor). Errors:
// kInvalidInput when no option could be simulated (there would be nothing to recommend).
Result<Escalation> BuildEscalation(const model::Program& program, const EscalationSubject& subject,
                                   const EscalationFacts& facts);

// An option of the escalation before it is simulated.
struct EscalationOption {
  std::string id;
  std::string name;
  std::string how;  // one sentence: what is simulated, or why it cannot be
  // What the option does to the plan; nullopt when it cannot be simulated (it is then
  // presented, but never recommended).
  std::optional<model::Scenario> scenario;
};

// The options of an escalation, in the order to present them (docs/commands/escalate.md).
// With subject.decision: that decision's options, each with its own scenario (an option
// that states none is the plan as it stands, as `decide` simulates it). Without, for a risk to the
// schedule, three generic options,
// - add resources: the unfinished tasks that are not milestones among those the risk hits
//   take 20% less time (duration_factor 0.8) for 25% of their planned cost;
// - reduce scope: the tasks (and cost) of the first option among the program's decisions
//   that removes tasks;
// - extend the deadline: the target and cost of the first option among the program's
//   decisions that moves the target (moving a date costs what the program says), else
//   the target moves to `p80_after`, the p80 finish with the risk happening, at no cost
//   the program records;
// and for a risk to the money only: absorb the cost (the plan as it stands) and reduce
// scope. The add-resources and reduce-scope options cannot be simulated when there is no
// such task or option. `subject` must
// come from CheckEscalation (the risk has an impact and the program a target). Pure.
// `money` words the absorb option; without it, the money position without earned value.
std::vector<EscalationOption> EscalationOptions(const model::Program& program,
                                                const EscalationSubject& subject, Date p80_after,
                                                const MoneyPosition& money);
std::vector<EscalationOption> EscalationOptions(const model::Program& program,
                                                const EscalationSubject& subject, Date p80_after);

// The whole escalation of `subject` (from CheckEscalation) as of `as_of`, the date in
// force, signed by `from_name` (empty: the default sender): the money position as of
// `as_of`; with a decision, its options measured as `decide` does (MeasureOptions) and
// its rule applied; the forecast runs as the program stands and with the
// risk forced to happen (for a risk to the schedule), the deterministic schedule without and with
// plan::WithRiskHappening, and each option of EscalationOptions is simulated
// (SimulateOption) with the risk forced; all with the iterations, seed, threads and
// as_of of `options` (options.forced_risks is ignored). Errors: those of the forecast,
// the schedule, the calendar, plan::ApplyScenario and BuildEscalation.
// O((options + 2) * iterations * (tasks + links)).
Result<Escalation> SimulateEscalation(const model::Program& program,
                                      const EscalationSubject& subject, Date as_of,
                                      const std::string& from_name,
                                      const SimulationOptions& options);

}  // namespace tpmkit::toolkit
