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

// Extend the deadline to the p80 finish with the risk happening.
EscalationOption ExtendDeadline(const model::Program& program, Date p80_after) {
  model::Scenario sc;
  sc.target = p80_after;
  return {"extend-deadline", "Extend the deadline",
          fmt::format("Move the target date from {} to {}, the date we "
                      "are 80% likely to meet with the risk happening.",
                      program.target->ToString(), p80_after.ToString()),
          sc};
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
  if (!r.impact) {
    missing.push_back(fmt::format("risk {} has no impact (schedule, cost and tasks)", r.id));
  } else {
    if (!r.impact->schedule || *r.impact->schedule <= 0) {
      missing.push_back(fmt::format("risk {} has no impact.schedule in working days", r.id));
    }
    if (r.impact->tasks.empty()) {
      missing.push_back(fmt::format("risk {} lists no impact.tasks", r.id));
    }
    if (!r.impact->cost) missing.push_back(fmt::format("risk {} has no impact.cost", r.id));
  }
  if (!program.target) {
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

std::optional<size_t> RecommendOption(const std::vector<OptionOutcome>& options,
                                      std::optional<Date> target) {
  std::optional<size_t> best;
  // Options that keep the target.
  for (size_t i = 0; i < options.size(); ++i) {
    const auto& o = options[i];
    if (!o.simulated || !o.p80 || !target || *o.p80 > *target) continue;
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
    if (!o.simulated) continue;
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

Result<Escalation> BuildEscalation(const model::Program& program, const EscalationSubject& subject,
                                   const EscalationFacts& f) {
  const model::Risk& r = *subject.risk;
  const std::string& cur = program.currency;
  Escalation e;
  e.program_name = program.name;
  e.risk_id = r.id;
  e.to = subject.to_name;
  e.from = f.from_name;
  e.schedule_days = f.schedule_days;
  e.cost = r.impact->cost->ToDouble();
  e.p80_before = f.p80_before;
  e.p80_after = f.p80_after;
  e.options = f.options;

  e.subject = f.schedule_days > 0
                  ? fmt::format("Decision needed by {}: {} ({}) could delay {} by {}",
                                AskDueDate(r, f.as_of).ToString(), r.title, r.id, program.name,
                                Days(f.schedule_days, "working"))
                  : fmt::format("Decision needed by {}: {} ({}) puts {} of {}'s money at risk",
                                AskDueDate(r, f.as_of).ToString(), r.title, r.id,
                                WholeAmount(r.impact->cost->ToDouble(), cur), program.name);

  const bool realized = r.status == model::RiskStatus::kRealized;
  std::string category = r.category;
  std::replace(category.begin(), category.end(), '_', ' ');
  e.issue = fmt::format(
      "{} risk {}, \"{}\", {}. It is a {} risk owned by {}; we rate it {} likely, with a "
      "severity of {} on a scale of 1 to 5 (risk score {} of 25).",
      program.name, r.id, r.title,
      realized                                     ? "has happened"
      : r.status == model::RiskStatus::kMitigating ? "is being mitigated"
                                                   : "is open",
      category, r.owner, wording::Percent(r.probability), r.severity, RiskScore(r));
  if (!r.trigger.empty()) {
    e.issue += fmt::format(" The sign that it is happening: {}.", r.trigger);
    if (e.issue.ends_with("..")) e.issue.pop_back();
  }

  const double sched = *r.impact->schedule;
  e.impact.push_back(fmt::format(
      "If it happens, it adds {} to {}, and the date we are 80% likely to finish by (the p80 "
      "finish) moves from {} to {}, {} later ({} simulated runs of the schedule, the same runs "
      "with and without the risk).",
      Days(std::lround(sched), "working"), wording::JoinList(TaskLabels(program, r.impact->tasks)),
      f.p80_before.ToString(), f.p80_after.ToString(), Days(f.schedule_days, "working"),
      Grouped(f.iterations)));
  e.impact.push_back(fmt::format(
      "The planned finish date moves from {} to {}, against a target date of {}.",
      f.finish_before.ToString(), f.finish_after.ToString(), program.target->ToString()));
  if (f.p_on_time_before && f.p_on_time_after) {
    e.impact.push_back(
        fmt::format("The chance of finishing by the target date falls from {} to {}.",
                    wording::Percent(*f.p_on_time_before), wording::Percent(*f.p_on_time_after)));
  }
  e.impact.push_back(fmt::format("It costs {} on top of the budget of {}.",
                                 WholeAmount(e.cost, cur),
                                 WholeAmount(program.EffectiveBudget().ToDouble(), cur)));
  if (f.milestones.empty()) {
    e.impact.push_back("No milestone date moves in the planned schedule.");
  } else {
    std::vector<std::string> moves;
    for (const auto& m : f.milestones) {
      moves.push_back(fmt::format("{} ({}) from {} to {}", m.name, m.id, m.before.ToString(),
                                  m.after.ToString()));
    }
    e.impact.push_back(fmt::format(
        "{} move: {}.", wording::Count(static_cast<long>(moves.size()), "milestone", "milestones"),
        wording::JoinList(moves)));
  }

  for (const auto& o : f.options) {
    std::string s = o.how;
    if (o.simulated && o.p80) {
      s += fmt::format(" With the risk happening, the date we are 80% likely to finish by is {}",
                       o.p80->ToString());
      if (o.p_on_time && o.target) {
        s += fmt::format(" and the chance of finishing by {} is {}", o.target->ToString(),
                         wording::Percent(*o.p_on_time));
      }
      s += !o.cost       ? ", at no added cost recorded in the program."
           : *o.cost < 0 ? fmt::format(", saving {}.", WholeAmount(-*o.cost, cur))
                         : fmt::format(", at an added cost of {}.", WholeAmount(*o.cost, cur));
    }
    e.option_summaries.push_back(std::move(s));
  }
  auto best = RecommendOption(f.options, program.target);
  if (!best) {
    return Error::Invalid(fmt::format(
        "cannot recommend an option for risk {}: none of the {} options could be simulated", r.id,
        f.options.size()));
  }
  const auto& b = f.options[*best];
  e.recommended = b.id;
  if (b.p80 && *b.p80 <= *program.target) {
    e.rationale = fmt::format(
        "It is the {}option that keeps the date we are 80% likely to finish by ({}) on or "
        "before the target date {}.",
        b.cost ? "least costly " : "", b.p80->ToString(), program.target->ToString());
  } else {
    e.rationale = fmt::format(
        "No option keeps the date we are 80% likely to finish by on or before the target date "
        "{}; this one gives the best chance of meeting its own date ({} by {}).",
        program.target->ToString(), wording::Percent(b.p_on_time.value_or(0)),
        b.target.value_or(*program.target).ToString());
  }
  e.ask_by = AskDueDate(r, f.as_of);
  size_t number = *best + 1;
  e.ask = fmt::format(
      "{}, please approve option {}, \"{}\", by {}, so that {}, who owns the risk, can put it "
      "into effect before the risk costs more time. If you prefer another option, tell us which "
      "by the same date.",
      subject.to_name, number, b.name, e.ask_by.ToString(), r.owner);
  e.signoff = fmt::format("{}, for {}", f.from_name, program.name);
  return e;
}

std::vector<EscalationOption> EscalationOptions(const model::Program& program,
                                                const EscalationSubject& subject, Date p80_after) {
  std::vector<EscalationOption> out;
  if (subject.decision) {
    for (const auto& o : subject.decision->options) {
      if (!o.scenario) {
        out.push_back({o.id, o.name,
                       fmt::format("{}: option {} of decision {} states no scenario, so "
                                   "it cannot be simulated.",
                                   o.name, o.id, subject.decision->id),
                       std::nullopt});
      } else {
        out.push_back(
            {o.id, o.name, ScenarioWords(program, *o.scenario, subject.decision->id), o.scenario});
      }
    }
    return out;
  }
  out.push_back(AddResources(program, *subject.risk));
  out.push_back(ReduceScope(program));
  out.push_back(ExtendDeadline(program, p80_after));
  return out;
}

}  // namespace tpmkit::toolkit
