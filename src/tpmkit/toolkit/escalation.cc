#include "tpmkit/toolkit/escalation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "tpmkit/plan/network.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::toolkit {

namespace {

std::string Days(long n, std::string_view unit) {
  return wording::Count(n, std::string(unit) + " day", std::string(unit) + " days");
}

// What a decision option's scenario does, in one sentence.
std::string ScenarioWords(const model::Program& program, const model::Scenario& sc,
                          const std::string& decision) {
  std::vector<std::string> parts;
  if (sc.duration_factor && !sc.duration_factor->tasks.empty()) {
    parts.push_back(fmt::format(
        fmt::runtime(sc.duration_factor->tasks.size() == 1 ? "{} takes {}% of its planned time"
                                                           : "{} take {}% of their planned time"),
        wording::JoinList(TaskLabels(program, sc.duration_factor->tasks)),
        wording::Number(100.0 * sc.duration_factor->factor, 1)));
  }
  if (!sc.remove_tasks.empty()) {
    parts.push_back(
        fmt::format(fmt::runtime(sc.remove_tasks.size() == 1 ? "{} is removed from the plan"
                                                             : "{} are removed from the plan"),
                    wording::JoinList(TaskLabels(program, sc.remove_tasks))));
  }
  if (sc.target) {
    parts.push_back(fmt::format("the target date moves from {} to {}",
                                program.target ? program.target->ToString() : "none",
                                sc.target->ToString()));
  }
  if (sc.cost) {
    parts.push_back(fmt::format("it costs {}", WholeAmount(sc.cost->ToDouble(), program.currency)));
  }
  if (parts.empty())
    return fmt::format("As decision {} proposes, the plan stays as it is.", decision);
  return fmt::format("As decision {} proposes: {}.", decision, wording::JoinList(parts));
}

// Add resources: the unfinished tasks the risk hits run 20% faster for 25% more money.
EscalationOption AddResources(const model::Program& program, const model::Risk& risk) {
  model::Scenario sc;
  sc.duration_factor = model::DurationFactor{};
  sc.duration_factor->factor = 0.8;
  double cost = 0;
  for (const auto* t : plan::TasksInFileOrder(program)) {
    for (const auto& id : risk.impact->tasks) {
      if (t->id == id && !t->milestone && t->PercentComplete() < 100) {
        sc.duration_factor->tasks.push_back(id);
        cost += 0.25 * t->cost.value_or(Money{}).ToDouble();
      }
    }
  }
  if (sc.duration_factor->tasks.empty()) {
    return {"add-resources", "Add resources",
            fmt::format("Adding resources cannot be simulated: every task risk {} "
                        "hits is finished or a milestone.",
                        risk.id),
            std::nullopt};
  }
  sc.cost = Money::FromDouble(cost);
  return {"add-resources", "Add resources",
          fmt::format("Add people to {} so that the remaining work "
                      "takes 20% less time, at an estimated 25% of its "
                      "planned cost ({}).",
                      wording::JoinList(TaskLabels(program, sc.duration_factor->tasks)),
                      WholeAmount(cost, program.currency)),
          sc};
}

// Reduce scope: the first scope cut some decision of the program already proposes.
EscalationOption ReduceScope(const model::Program& program) {
  const model::Option* cut = nullptr;
  const model::Decision* in = nullptr;
  for (const auto& d : program.decisions) {
    for (const auto& o : d.options) {
      if (!cut && o.scenario && !o.scenario->remove_tasks.empty()) {
        cut = &o;
        in = &d;
      }
    }
  }
  if (!cut) {
    return {"reduce-scope", "Reduce scope",
            "Reducing scope cannot be simulated: no option of the program's decisions "
            "names tasks to remove, so tpmkit does not know which work is optional.",
            std::nullopt};
  }
  model::Scenario sc;
  sc.remove_tasks = cut->scenario->remove_tasks;
  sc.cost = cut->scenario->cost;
  return {"reduce-scope", "Reduce scope",
          fmt::format("Drop {}, the scope cut that decision {} "
                      "proposes (\"{}\").",
                      wording::JoinList(TaskLabels(program, sc.remove_tasks)), in->id, cut->name),
          sc};
}

// Extend the deadline: as the first decision option that moves the target proposes
// (its date and its cost: moving a date costs what the program says), else to the p80
// finish with the risk happening.
EscalationOption ExtendDeadline(const model::Program& program, Date p80_after) {
  for (const auto& d : program.decisions) {
    for (const auto& o : d.options) {
      if (!o.scenario || !o.scenario->target) continue;
      model::Scenario sc;
      sc.target = o.scenario->target;
      sc.cost = o.scenario->cost;
      return {"extend-deadline", "Extend the deadline",
              fmt::format("Move the target date from {} to {}, as decision {} proposes "
                          "(\"{}\"){}.",
                          program.target->ToString(), sc.target->ToString(), d.id, o.name,
                          sc.cost ? fmt::format(", at the {} it puts on the move",
                                                WholeAmount(sc.cost->ToDouble(), program.currency))
                                  : ""),
              sc};
    }
  }
  model::Scenario sc;
  sc.target = p80_after;
  return {"extend-deadline", "Extend the deadline",
          fmt::format("Move the target date from {} to {}, the date we "
                      "are 80% likely to meet with the risk happening; the program records "
                      "no cost for moving the date.",
                      program.target->ToString(), p80_after.ToString()),
          sc};
}

// Absorb a cost: the plan as it stands, the money from the budget.
EscalationOption Absorb(const model::Program& program, const model::Risk& risk,
                        const MoneyPosition& money) {
  return {"absorb", "Absorb the cost",
          fmt::format("Pay the {} from the budget, whose contingency left is {} and whose "
                      "headroom at the forecast is {}.",
                      WholeAmount(risk.impact->cost->ToDouble(), program.currency),
                      Amount(money.contingency_left, program.currency),
                      WholeAmount(money.headroom, program.currency)),
          model::Scenario{}};
}

// "1,000 USD over the approved budget of 2,400,000 USD" / "under".
std::string AgainstBudget(double final_cost, const MoneyPosition& m, const std::string& cur) {
  const double gap = m.budget.ToDouble() - final_cost;
  return fmt::format("{} {} the {} {}", WholeAmount(std::fabs(gap), cur),
                     gap < 0 ? "over" : "under", Amount(m.budget, cur),
                     m.budget_approved ? "budget" : "budget (the planned cost)");
}

std::string CostWords(const std::optional<double>& cost, const std::string& cur) {
  if (!cost) return "adds no cost";
  if (*cost < 0) return "saves " + WholeAmount(-*cost, cur);
  return "costs " + WholeAmount(*cost, cur);
}

// The conditions of a decision rule, in words.
std::string RuleWords(const RuleOutcome& rule, const std::string& cur) {
  std::vector<std::string> parts;
  for (const auto& c : rule.conditions) {
    switch (c.kind) {
      case RuleConditionKind::kPOnTimeAtLeast:
        parts.push_back("a chance of finishing on time of at least " + wording::Percent(c.value));
        break;
      case RuleConditionKind::kP80OnOrBefore:
        parts.push_back("a P80 finish on or before " + (c.against_target ? std::string("its target")
                                                        : c.date         ? c.date->ToString()
                                                                         : std::string("a date")));
        break;
      case RuleConditionKind::kCostAtMost:
        parts.push_back("a forecast final cost of at most " + WholeAmount(c.value, cur));
        break;
      case RuleConditionKind::kCostBelow:
        parts.push_back("a forecast final cost below " + WholeAmount(c.value, cur));
        break;
    }
  }
  return wording::JoinList(parts);
}

const ScoredOption* Ranked(const DecisionAnalysis& a, const std::string& id) {
  for (const auto& s : a.ranking) {
    if (s.option == id) return &s;
  }
  return nullptr;
}

// Keeps the subject within kMaxSubject characters: the first candidate that fits, else
// the last one cut at a word with an ellipsis.
std::string FitSubject(const std::vector<std::string>& candidates) {
  for (const auto& c : candidates) {
    if (c.size() <= kMaxSubject) return c;
  }
  std::string s = candidates.back().substr(0, kMaxSubject - 3);
  if (auto space = s.rfind(' '); space != std::string::npos && space > kMaxSubject / 2) {
    s.resize(space);
  }
  return s + "...";
}

}  // namespace

std::vector<std::string> TaskLabels(const model::Program& program,
                                    const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) {
    std::string text = id;
    for (const auto& project : program.projects) {
      for (const auto& t : project.tasks) {
        if ((t.id == id || project.id + "." + t.id == id) && !t.name.empty()) {
          text = fmt::format("{} ({})", t.name, id);
        }
      }
    }
    out.push_back(std::move(text));
  }
  return out;
}

Result<EscalationSubject> CheckEscalation(const model::Program& program, const std::string& risk_id,
                                          const std::optional<std::string>& decision_id,
                                          const std::string& to) {
  EscalationSubject s;
  for (const auto& r : program.risks) {
    if (r.id == risk_id) s.risk = &r;
  }
  if (!s.risk) {
    return Error::NotFound(fmt::format("no risk {} in program {}", risk_id, program.id));
  }
  if (decision_id) {
    for (const auto& d : program.decisions) {
      if (d.id == *decision_id) s.decision = &d;
    }
    if (!s.decision) {
      return Error::NotFound(fmt::format("no decision {} in program {}", *decision_id, program.id));
    }
  }
  std::vector<std::string> missing;
  const model::Risk& r = *s.risk;
  if (r.status == model::RiskStatus::kClosed) {
    missing.push_back(fmt::format("risk {} is closed, so there is nothing to escalate", r.id));
  }
  if (r.owner.empty()) missing.push_back(fmt::format("risk {} has no owner", r.id));
  if (r.impact) {
    const bool days = r.impact->schedule && *r.impact->schedule > 0;
    s.schedule_impact = days && !r.impact->tasks.empty();
    s.cost_impact = r.impact->cost && r.impact->cost->cents() > 0;
    if (days && r.impact->tasks.empty()) {
      missing.push_back(fmt::format(
          "risk {} lists no impact.tasks, so its {} working days cannot be placed in the plan",
          r.id, wording::Number(*r.impact->schedule)));
    }
  }
  if (!s.schedule_impact && !s.cost_impact && missing.empty()) {
    missing.push_back(fmt::format(
        "risk {} states no impact to escalate: give impact.schedule (working days) with "
        "impact.tasks, impact.cost, or both",
        r.id));
  }
  if (s.schedule_impact && !program.target) {
    missing.push_back(fmt::format("program {} has no target date", program.id));
  }
  if (s.decision && s.decision->options.empty()) {
    missing.push_back(fmt::format("decision {} has no options", s.decision->id));
  }
  const std::string want = wording::Lower(to);
  if (!program.sponsor.empty() && wording::Lower(program.sponsor) == want) {
    s.to_name = program.sponsor;
    s.to_role = "sponsor";
  } else {
    for (const auto& st : program.stakeholders) {
      if (wording::Lower(st.id) == want || wording::Lower(st.name) == want) {
        s.to_name = st.name;
        s.to_role = st.role;
        break;
      }
    }
  }
  if (s.to_name.empty()) {
    missing.push_back(fmt::format(
        "the addressee '{}' (to) is neither the program's sponsor nor one of its stakeholders "
        "(by id or name)",
        to));
  }
  if (!missing.empty()) {
    std::string msg = "cannot write the escalation: " + missing.front();
    for (size_t i = 1; i < missing.size(); ++i) msg += "; " + missing[i];
    return Error::Invalid(msg);
  }
  return s;
}

std::vector<Freeze> ReadFreezes(const model::Program& program) {
  std::vector<Freeze> out;
  for (const auto& a : program.assumptions) {
    if (wording::Lower(a).find("freeze") == std::string::npos) continue;
    for (size_t i = 0; i + 10 <= a.size(); ++i) {
      if (auto d = Date::Parse(std::string_view(a).substr(i, 10))) {
        out.push_back({*d, a});
        break;
      }
    }
  }
  return out;
}

std::optional<Freeze> FreezeHit(const std::vector<Freeze>& freezes,
                                std::optional<Date> target_before, Date date) {
  for (const auto& f : freezes) {
    if ((!target_before || f.start > *target_before) && f.start <= date) return f;
  }
  return std::nullopt;
}

std::optional<size_t> RecommendOption(const std::vector<OptionOutcome>& options,
                                      std::optional<Date> target) {
  bool clear_one = false;
  for (const auto& o : options) clear_one |= o.simulated && !o.freeze_start;
  auto eligible = [&](const OptionOutcome& o) {
    return o.simulated && (!clear_one || !o.freeze_start);
  };
  std::optional<size_t> best;
  // Options that keep the target.
  for (size_t i = 0; i < options.size(); ++i) {
    const auto& o = options[i];
    if (!eligible(o) || !o.p80 || !target || *o.p80 > *target) continue;
    if (!best) {
      best = i;
      continue;
    }
    const auto& b = options[*best];
    const double oc = o.cost.value_or(0), bc = b.cost.value_or(0);
    if (oc < bc || (oc == bc && *o.p80 < *b.p80)) best = i;
  }
  if (best) return best;
  for (size_t i = 0; i < options.size(); ++i) {
    const auto& o = options[i];
    if (!eligible(o)) continue;
    if (!best) {
      best = i;
      continue;
    }
    const auto& b = options[*best];
    const double op = o.p_on_time.value_or(0), bp = b.p_on_time.value_or(0);
    if (op > bp || (op == bp && o.cost.value_or(0) < b.cost.value_or(0))) best = i;
  }
  return best;
}

Date AskDueDate(const model::Risk& risk, Date as_of) {
  if (risk.response_due && *risk.response_due >= as_of) return *risk.response_due;
  return as_of + 7;
}

namespace {

// The sponsor signs, unless the message goes to the sponsor: then the program's team.
std::string DefaultSender(const model::Program& program, const EscalationSubject& subject) {
  if (!program.sponsor.empty() && subject.to_role != "sponsor" &&
      wording::Lower(subject.to_name) != wording::Lower(program.sponsor)) {
    return program.sponsor;
  }
  return "The " + program.name + " team";
}

std::string FreezeNote(const OptionOutcome& o) {
  return fmt::format(
      "its target {} falls in the change freeze that starts {}, so it needs an "
      "exception",
      o.target ? o.target->ToString() : "", o.freeze_start->ToString());
}

}  // namespace

Result<Escalation> BuildEscalation(const model::Program& program, const EscalationSubject& subject,
                                   const EscalationFacts& f) {
  const model::Risk& r = *subject.risk;
  const std::string& cur = program.currency;
  const bool issue = r.status == model::RiskStatus::kRealized;
  const bool sched = subject.schedule_impact;
  const double risk_cost = r.impact && r.impact->cost ? r.impact->cost->ToDouble() : 0;
  Escalation e;
  e.program_name = program.name;
  e.risk_id = r.id;
  e.currency = cur;
  e.is_issue = issue;
  e.to = subject.to_name;
  e.from = f.from_name.empty() ? DefaultSender(program, subject) : f.from_name;
  e.schedule_days = f.schedule_days;
  e.cost = risk_cost;
  e.p80_before = f.p80_before;
  e.p80_after = f.p80_after;
  e.options = f.options;
  e.money = f.money;
  e.final_cost_with_risk = f.money.forecast_final_cost + risk_cost;
  e.ask_by = AskDueDate(r, f.as_of);
  const std::string what = issue ? "issue" : "risk";

  // Issue.
  std::string category = r.category;
  std::replace(category.begin(), category.end(), '_', ' ');
  if (issue) {
    e.issue = fmt::format(
        "Issue {} of {}, \"{}\", has happened: it was a {} risk and is now an issue, owned by "
        "{}.",
        r.id, program.name, r.title, category.empty() ? "program" : category, r.owner);
  } else {
    e.issue =
        fmt::format("Risk {} of {}, \"{}\", {}: {} likely (risk score {} of 25), owned by {}.",
                    r.id, program.name, r.title,
                    r.status == model::RiskStatus::kMitigating ? "is being mitigated" : "is open",
                    wording::Percent(r.probability), RiskScore(r), r.owner);
  }

  // Impact: the message's two lines.
  const std::string when = issue ? "with it" : "if it happens";
  if (sched) {
    std::string finish =
        f.schedule_days == 0
            ? fmt::format("Finish: {}, the date we are 80% likely to finish by (P80) stays {}",
                          when, f.p80_before.ToString())
            : fmt::format(
                  "Finish: {}, the date we are 80% likely to finish by (P80) moves from "
                  "{} to {} ({})",
                  when, f.p80_before.ToString(), f.p80_after.ToString(),
                  Days(f.schedule_days, "working"));
    if (f.p_on_time_before && f.p_on_time_after) {
      const std::string before = wording::Percent(*f.p_on_time_before);
      const std::string after = wording::Percent(*f.p_on_time_after);
      finish += before == after
                    ? fmt::format(" and the chance of making the {} target stays at {}",
                                  program.target->ToString(), after)
                    : fmt::format(" and the chance of making the {} target {} from {} to {}",
                                  program.target->ToString(),
                                  *f.p_on_time_after < *f.p_on_time_before ? "falls" : "rises",
                                  before, after);
    }
    e.impact_brief.push_back(finish + ".");
  }
  if (risk_cost > 0) {
    e.impact_brief.push_back(fmt::format(
        "Money: {} {}; the forecast final cost becomes {}, {} (headroom today {}).",
        issue ? "it costs" : "it would cost", WholeAmount(risk_cost, cur),
        WholeAmount(*e.final_cost_with_risk, cur),
        AgainstBudget(*e.final_cost_with_risk, f.money, cur), WholeAmount(f.money.headroom, cur)));
  } else {
    e.impact_brief.push_back(
        fmt::format("Money: it states no cost; the forecast final cost stays {}, {}.",
                    WholeAmount(f.money.forecast_final_cost, cur),
                    AgainstBudget(f.money.forecast_final_cost, f.money, cur)));
  }

  // Impact: the full statements (appendix and JSON).
  if (sched) {
    const double days = *r.impact->schedule;
    e.impact.push_back(fmt::format(
        "{} adds {} to {}, and the date we are 80% likely to finish by (the p80 finish) moves "
        "from {} to {}, {} later ({} simulated runs of the schedule, the same runs with and "
        "without the {}).",
        issue ? "It" : "If it happens, it", Days(std::lround(days), "working"),
        wording::JoinList(TaskLabels(program, r.impact->tasks)), f.p80_before.ToString(),
        f.p80_after.ToString(), Days(f.schedule_days, "working"), Grouped(f.iterations), what));
    e.impact.push_back(fmt::format(
        "The planned finish date (the critical-path schedule, no uncertainty) moves from {} to "
        "{}, against a target date of {}.",
        f.finish_before.ToString(), f.finish_after.ToString(), program.target->ToString()));
    if (f.p_on_time_before && f.p_on_time_after) {
      e.impact.push_back(
          fmt::format("The chance of finishing by the target date falls from {} to {}.",
                      wording::Percent(*f.p_on_time_before), wording::Percent(*f.p_on_time_after)));
    }
  } else {
    e.impact.push_back(fmt::format(
        "It states no impact on the schedule: the P80 finish stays {} and the planned finish "
        "{}.",
        f.p80_before.ToString(), f.finish_before.ToString()));
  }
  e.impact.push_back(
      fmt::format("It costs {}: the forecast final cost would be {} instead of {}, {}.",
                  WholeAmount(risk_cost, cur), WholeAmount(*e.final_cost_with_risk, cur),
                  WholeAmount(f.money.forecast_final_cost, cur),
                  AgainstBudget(*e.final_cost_with_risk, f.money, cur)));
  if (sched) {
    if (f.milestones.empty()) {
      e.impact.push_back("No milestone date moves in the planned schedule.");
    } else {
      std::vector<std::string> moves;
      for (const auto& m : f.milestones) {
        moves.push_back(fmt::format("{} ({}) from {} to {}", m.name, m.id, m.before.ToString(),
                                    m.after.ToString()));
      }
      e.impact.push_back(
          fmt::format("{} move in the planned schedule: {}.",
                      wording::Count(static_cast<long>(moves.size()), "milestone", "milestones"),
                      wording::JoinList(moves)));
    }
  }
  if (!r.trigger.empty()) {
    std::string t = fmt::format("The sign that it is happening: {}.", r.trigger);
    if (t.ends_with("..")) t.pop_back();
    e.impact.push_back(std::move(t));
  }

  // Options: the message's lines and the full summaries.
  const std::string with =
      sched ? (issue ? "With the issue" : "With the risk happening") : "As the plan stands";
  e.options_note = subject.decision
                       ? fmt::format("decision {}, {}", subject.decision->id, wording::Lower(with))
                       : fmt::format("each {}", wording::Lower(with));
  for (auto& o : e.options) {
    if (o.simulated) o.final_cost = *e.final_cost_with_risk + o.cost.value_or(0);
  }
  for (const auto& o : e.options) {
    std::string brief, full = o.how;
    if (o.simulated && o.p80) {
      brief = fmt::format("{}: P80 {}", o.name, o.p80->ToString());
      full += fmt::format(" {}, the date we are 80% likely to finish by is {}", with,
                          o.p80->ToString());
      if (o.p_on_time && o.target) {
        brief += fmt::format(", {} by {}", wording::Percent(*o.p_on_time), o.target->ToString());
        full += fmt::format(" and the chance of finishing by {} is {}", o.target->ToString(),
                            wording::Percent(*o.p_on_time));
      }
      brief +=
          fmt::format(", {} (final cost {})",
                      !o.cost && risk_cost > 0 ? fmt::format("nothing beyond the {}'s cost", what)
                                               : CostWords(o.cost, cur),
                      WholeAmount(*o.final_cost, cur));
      full += fmt::format("; it {}, and the forecast final cost would be {}, {}.",
                          CostWords(o.cost, cur), WholeAmount(*o.final_cost, cur),
                          AgainstBudget(*o.final_cost, f.money, cur));
      if (o.freeze_start) {
        brief += fmt::format("; needs a change-freeze exception (target {}, freeze from {})",
                             o.target->ToString(), o.freeze_start->ToString());
        full += " But " + FreezeNote(o) + ".";
      }
      brief += ".";
    } else {
      brief = o.how;
    }
    e.option_brief.push_back(std::move(brief));
    e.option_summaries.push_back(std::move(full));
  }

  // Recommendation.
  std::optional<size_t> best;
  std::vector<std::string> why;
  if (subject.decision && f.rule && f.ranking) {
    const auto& d = *subject.decision;
    for (size_t i = 0; i < e.options.size(); ++i) {
      if (e.options[i].id == f.rule->recommended) best = i;
    }
    if (!best) {
      return Error::Invalid(fmt::format("decision {} recommends no option", d.id));
    }
    const ScoredOption* top = Ranked(*f.ranking, f.rule->recommended);
    const size_t n = f.ranking->ranking.size();
    const std::string place = top ? fmt::format("{} of {}, weighted score {} of 5", top->rank, n,
                                                wording::Number(top->weighted_score, 2))
                                  : "";
    if (f.rule->none_qualifies) {
      why.push_back(fmt::format(
          "No option meets the rule of decision {} ({}), so this is the top of its ranking ({}); "
          "the steering committee must confirm it.",
          d.id, RuleWords(*f.rule, cur), place));
    } else if (f.rule->reading == RuleReading::kRead && !f.rule->conditions.empty()) {
      std::string met;
      if (top && top->metrics && top->metrics->p_on_time && top->metrics->target) {
        met =
            fmt::format("; {} by {} as the plan stands", wording::Percent(*top->metrics->p_on_time),
                        top->metrics->target->ToString());
      }
      why.push_back(fmt::format(
          "Decision {}'s rule ({}) picks it: the best-ranked option that meets it ({}{}).", d.id,
          RuleWords(*f.rule, cur), place, met));
    } else {
      why.push_back(fmt::format("It tops the ranking of decision {} ({}).", d.id, place));
    }
    if (sched && f.rule_with_risk && f.rule_with_risk->recommended != f.rule->recommended) {
      size_t other = 0;
      for (size_t i = 0; i < e.options.size(); ++i) {
        if (e.options[i].id == f.rule_with_risk->recommended) other = i;
      }
      why.push_back(fmt::format(
          "If {} happens, the rule picks option {} instead: decide again then.", r.id, other + 1));
    }
    if (e.options[*best].freeze_start) {
      why.push_back(fmt::format("Note that {}.", FreezeNote(e.options[*best])));
    }
  } else {
    best = RecommendOption(e.options, program.target);
    if (!best) {
      return Error::Invalid(fmt::format(
          "cannot recommend an option for {} {}: none of the {} options could be simulated", what,
          r.id, e.options.size()));
    }
    const auto& b = e.options[*best];
    if (program.target && b.p80 && *b.p80 <= *program.target) {
      why.push_back(fmt::format(
          "It is the {}option that keeps the P80 finish ({}) on or before the target {}.",
          b.cost ? "least costly " : "", b.p80->ToString(), program.target->ToString()));
    } else if (program.target) {
      why.push_back(fmt::format(
          "No option keeps the P80 finish on or before the target {}; this one gives the best "
          "chance of meeting its own date ({} by {}){}.",
          program.target->ToString(), wording::Percent(b.p_on_time.value_or(0)),
          b.target.value_or(*program.target).ToString(), sched ? "" : ", at the lowest cost"));
    } else {
      why.push_back("It is the least costly option simulated.");
    }
    for (size_t i = 0; i < e.options.size(); ++i) {
      if (i != *best && e.options[i].simulated && e.options[i].freeze_start) {
        why.push_back(
            fmt::format("We do not recommend option {}: {}.", i + 1, FreezeNote(e.options[i])));
      }
    }
  }
  const auto& b = e.options[*best];
  e.recommended = b.id;
  for (const auto& w : why) e.rationale += (e.rationale.empty() ? "" : " ") + w;
  if (b.final_cost && *b.final_cost > f.money.budget.ToDouble()) {
    e.rationale += fmt::format(
        " With it the forecast final cost is {}, {}: the ask includes that "
        "money.",
        WholeAmount(*b.final_cost, cur), AgainstBudget(*b.final_cost, f.money, cur));
  }
  const size_t number = *best + 1;
  e.ask = fmt::format(
      "{}, please approve option {}{} by {} so that {}, who owns the {}, can act in time; or "
      "tell us by then which option you prefer.",
      subject.to_name, number, b.freeze_start ? " and the change-freeze exception it needs" : "",
      e.ask_by.ToString(), r.owner, what);
  // The program's team already names the program.
  e.signoff = f.from_name.empty() && e.from != program.sponsor
                  ? e.from
                  : fmt::format("{}, for {}", e.from, program.name);

  // Subject: the headline number first.
  const std::string decide =
      subject.decision ? "decide " + subject.decision->id : std::string("decide");
  std::vector<std::string> subjects;
  if (sched && f.p_on_time_after) {
    const std::string head = fmt::format(
        "{} chance of making {}", wording::Percent(*f.p_on_time_after), program.target->ToString());
    const std::string cond =
        issue ? fmt::format("now that {} has happened", r.id) : fmt::format("if {} happens", r.id);
    subjects.push_back(fmt::format("{} {}: {} by {}", head, cond, decide, e.ask_by.ToString()));
    subjects.push_back(fmt::format("{} {}, decide by {}", head, cond, e.ask_by.ToString()));
    subjects.push_back(fmt::format("{} {}", head, cond));
  } else if (sched) {
    subjects.push_back(fmt::format("{} {} later with {}: {} by {}", "P80",
                                   Days(f.schedule_days, "working"), r.id, decide,
                                   e.ask_by.ToString()));
  } else {
    const std::string head =
        fmt::format("{} {} ({})", WholeAmount(risk_cost, cur), issue ? "more" : "at risk", r.id);
    subjects.push_back(fmt::format("{}, {} headroom: {} by {}", head,
                                   WholeAmount(f.money.headroom, cur), decide,
                                   e.ask_by.ToString()));
    subjects.push_back(fmt::format("{}: {} by {}", head, decide, e.ask_by.ToString()));
  }
  e.subject = FitSubject(subjects);

  // Appendix: the full analysis.
  e.appendix.push_back({"Impact in detail", e.impact});
  std::vector<std::string> options;
  for (size_t i = 0; i < e.options.size(); ++i) {
    options.push_back(
        fmt::format("Option {}, {}: {}", i + 1, e.options[i].name, e.option_summaries[i]));
  }
  e.appendix.push_back({"Options in detail", options});
  if (subject.decision && f.ranking) {
    std::vector<std::string> ranking;
    for (const auto& s : f.ranking->ranking) {
      std::string line = fmt::format("{}. {} ({}): weighted score {}", s.rank, s.name, s.option,
                                     wording::Number(s.weighted_score, 2));
      if (s.metrics) {
        const auto& m = *s.metrics;
        if (m.p80_finish) line += fmt::format(", P80 {}", m.p80_finish->ToString());
        if (m.p_on_time && m.target) {
          line += fmt::format(", {} by {}", wording::Percent(*m.p_on_time), m.target->ToString());
        }
        line += fmt::format(", forecast final cost {}", WholeAmount(m.cost.ToDouble(), cur));
      }
      ranking.push_back(line + ".");
    }
    ranking.push_back(fmt::format(
        "These are the figures of `decide {}` with the same runs, as the plan stands (without "
        "forcing the {}).",
        subject.decision->id, what));
    e.appendix.push_back(
        {fmt::format("Decision {} as decide ranks it", subject.decision->id), ranking});
  }
  std::vector<std::string> constraints;
  for (const auto& fr : f.freezes) {
    constraints.push_back(fmt::format("Change freeze from {} (assumption: \"{}\").",
                                      fr.start.ToString(), fr.assumption));
  }
  if (!constraints.empty())
    e.appendix.push_back({"Constraints read from the assumptions", constraints});
  e.appendix.push_back(
      {"How the numbers were made",
       {fmt::format("As of {}; {} simulated runs of the schedule with seed {}, the same runs for "
                    "every option{}. P80 finish: the date we are 80% likely to finish by. "
                    "Forecast final cost: the estimate at completion (EAC) plus approved "
                    "changes not yet in the plan, plus what an option adds{}.",
                    f.as_of.ToString(), Grouped(f.iterations), f.seed,
                    sched ? fmt::format(", with and without the {}", what) : "",
                    risk_cost > 0 ? fmt::format(" and the {}'s cost", what) : "")}});
  return e;
}

std::vector<EscalationOption> EscalationOptions(const model::Program& program,
                                                const EscalationSubject& subject, Date p80_after) {
  return EscalationOptions(program, subject, p80_after,
                           ComputeMoneyPosition(program, std::nullopt));
}

std::vector<EscalationOption> EscalationOptions(const model::Program& program,
                                                const EscalationSubject& subject, Date p80_after,
                                                const MoneyPosition& money) {
  std::vector<EscalationOption> out;
  if (subject.decision) {
    for (const auto& o : subject.decision->options) {
      if (!o.scenario) {
        out.push_back(
            {o.id, o.name,
             fmt::format("As decision {} proposes: the plan stays as it is.", subject.decision->id),
             model::Scenario{}});
      } else {
        out.push_back(
            {o.id, o.name, ScenarioWords(program, *o.scenario, subject.decision->id), o.scenario});
      }
    }
    return out;
  }
  if (!subject.schedule_impact) {
    out.push_back(Absorb(program, *subject.risk, money));
    out.push_back(ReduceScope(program));
    return out;
  }
  out.push_back(AddResources(program, *subject.risk));
  out.push_back(ReduceScope(program));
  out.push_back(ExtendDeadline(program, p80_after));
  return out;
}

}  // namespace tpmkit::toolkit
