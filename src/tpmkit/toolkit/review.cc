#include "tpmkit/toolkit/review.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "tpmkit/plan/network.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::toolkit {

namespace {

constexpr std::array<Theme, kThemeCount> kThemes = {
    Theme::kAssumptions,  Theme::kRisks,     Theme::kAccountability, Theme::kDependencies,
    Theme::kCriticalPath, Theme::kWorstCase, Theme::kKpis,           Theme::kDecisionRule,
};

constexpr std::array<std::string_view, kThemeCount> kThemeNames = {
    "assumptions",   "risks",      "accountability", "dependencies",
    "critical_path", "worst_case", "kpis",           "decision_rule",
};

std::string Subject(SubjectKind kind, const std::string& id) {
  return fmt::format("{} {}", SubjectKindName(kind), id);
}

class Reviewer {
 public:
  Reviewer(const LanguageBank& bank, std::vector<Finding>& out) : bank_(bank), out_(out) {}

  void Add(Theme theme, SubjectKind kind, const std::string& id, std::string detail) {
    out_.push_back(
        {theme, bank_.Entry(theme).question, kind, Subject(kind, id), std::move(detail)});
  }
  // Joins the reasons found for one subject into one finding.
  void AddReasons(Theme theme, SubjectKind kind, const std::string& id, std::string lead,
                  const std::vector<std::string>& reasons) {
    if (reasons.empty()) return;
    Add(theme, kind, id, lead + " " + wording::JoinList(reasons) + ".");
  }

 private:
  const LanguageBank& bank_;
  std::vector<Finding>& out_;
};

void ReviewAssumptions(const model::Program& p, Reviewer& r) {
  if (!p.assumptions.empty()) return;
  r.Add(Theme::kAssumptions, SubjectKind::kProgram, p.id,
        fmt::format("The program file lists 0 assumptions, so nothing says which conditions "
                    "the plan of {} depends on.",
                    wording::Count(static_cast<long>(p.TaskCount()), "task", "tasks")));
}

void ReviewRisks(const model::Program& p, Reviewer& r) {
  if (p.risks.empty()) {
    r.Add(Theme::kRisks, SubjectKind::kProgram, p.id,
          fmt::format("The risk register holds 0 risks for a plan of {} and a budget of {}.",
                      wording::Count(static_cast<long>(p.TaskCount()), "task", "tasks"),
                      UngroupedAmount(p.EffectiveBudget().ToDouble(), p.currency)));
    return;
  }
  for (const auto& risk : p.risks) {
    if (!IsActive(risk)) continue;
    const int score = RiskScore(risk);
    std::vector<std::string> reasons;
    if (risk.mitigation.empty()) reasons.push_back("no mitigation is recorded");
    if (score >= 12 && risk.owner.empty()) {
      reasons.push_back(fmt::format("it scores {} of 25 (12 or more) and has no owner", score));
    }
    if (score >= 12 && !risk.response_due) {
      reasons.push_back(
          fmt::format("it scores {} of 25 (12 or more) and has no response date", score));
    }
    r.AddReasons(
        Theme::kRisks, SubjectKind::kRisk, risk.id,
        fmt::format("Risk {} is {} with a probability of {} and severity {} of 5:", risk.id,
                    model::Name(risk.status), wording::Percent(risk.probability), risk.severity),
        reasons);
  }
}

void ReviewAccountability(const model::Program& p, Reviewer& r) {
  for (const auto* task : plan::TasksInFileOrder(p)) {
    if (task->milestone || !task->owner.empty()) continue;
    r.Add(Theme::kAccountability, SubjectKind::kTask, task->id,
          fmt::format("Task {} ({} working days, cost {}) has no owner.", task->id,
                      wording::Number(task->PlannedDuration()),
                      UngroupedAmount(task->cost.value_or(Money{}).ToDouble(), p.currency)));
  }
  for (const auto& risk : p.risks) {
    if (!risk.owner.empty()) continue;
    r.Add(Theme::kAccountability, SubjectKind::kRisk, risk.id,
          fmt::format("Risk {} ({}, score {} of 25) has no owner.", risk.id,
                      model::Name(risk.status), RiskScore(risk)));
  }
  for (const auto& dep : p.dependencies) {
    if (!dep.owner.empty()) continue;
    r.Add(Theme::kAccountability, SubjectKind::kDependency, dep.id,
          fmt::format("External dependency {} ({}, needed by {} {}) has no owner on our side.",
                      dep.id, model::Name(dep.status),
                      wording::Count(static_cast<long>(dep.tasks.size()), "task", "tasks"),
                      dep.needed_by ? "on " + dep.needed_by->ToString() : "at no stated date"));
  }
  for (const auto& change : p.changes) {
    if (!change.requested_by.empty()) continue;
    r.Add(Theme::kAccountability, SubjectKind::kChange, change.id,
          fmt::format("Change request {} ({}) names nobody who requested it and answers for it.",
                      change.id, model::Name(change.status)));
  }
}

void ReviewDependencies(const model::Program& p, Reviewer& r) {
  for (const auto& dep : p.dependencies) {
    if (dep.status == model::DependencyStatus::kDelivered) continue;
    std::vector<std::string> reasons;
    if (dep.status != model::DependencyStatus::kOnTrack) {
      std::string status(model::Name(dep.status));
      std::replace(status.begin(), status.end(), '_', ' ');
      reasons.push_back(fmt::format("its status is {}", status));
    }
    if (!dep.expected) {
      reasons.push_back("the provider has given no expected date");
    } else if (dep.needed_by && *dep.expected > *dep.needed_by) {
      reasons.push_back(fmt::format(
          "it is expected on {}, {} calendar days after it is needed "
          "on {}",
          dep.expected->ToString(), *dep.expected - *dep.needed_by, dep.needed_by->ToString()));
    }
    r.AddReasons(Theme::kDependencies, SubjectKind::kDependency, dep.id,
                 fmt::format("External dependency {} from {}:", dep.id,
                             dep.provider.empty() ? "an unnamed provider" : dep.provider),
                 reasons);
  }
}

void ReviewCriticalPath(const model::Program& p, const ReviewInputs& in, Reviewer& r) {
  if (!in.schedule || !p.target) return;
  const auto tasks = plan::TasksInFileOrder(p);
  for (size_t i = 0; i < tasks.size() && i < in.schedule->tasks.size(); ++i) {
    const auto& ts = in.schedule->tasks[i];
    if (!ts.critical || !ts.float_to_target || *ts.float_to_target > 0) continue;
    const int f = *ts.float_to_target;
    r.Add(Theme::kCriticalPath, SubjectKind::kTask, tasks[i]->id,
          f == 0 ? fmt::format("Task {} is critical and finishes on {} with 0 working days of "
                               "float to the target {}.",
                               tasks[i]->id, ts.finish.ToString(), p.target->ToString())
                 : fmt::format("Task {} is critical and finishes on {}, {} after the "
                               "target {}.",
                               tasks[i]->id, ts.finish.ToString(),
                               wording::Count(-f, "working day", "working days"),
                               p.target->ToString()));
  }
}

void ReviewWorstCase(const model::Program& p, const ReviewInputs& in, Reviewer& r) {
  bool any_estimate = false;
  for (const auto* t : plan::TasksInFileOrder(p)) any_estimate |= t->estimate.has_value();
  if (!any_estimate) {
    r.Add(Theme::kWorstCase, SubjectKind::kProgram, p.id,
          fmt::format("None of the {} has a three-point estimate, so the forecast has no "
                      "spread and cannot tell a worst case.",
                      wording::Count(static_cast<long>(p.TaskCount()), "task", "tasks")));
    return;
  }
  if (in.p90_finish && p.target && *in.p90_finish > *p.target) {
    r.Add(Theme::kWorstCase, SubjectKind::kProgram, p.id,
          fmt::format("The forecast's p90 finish (the date we are 90% likely to finish by) is {}, "
                      "{} calendar days after the target date {}.",
                      in.p90_finish->ToString(), *in.p90_finish - *p.target, p.target->ToString()));
  }
}

bool AnyTarget(const std::optional<model::Targets>& t) {
  return t &&
         (t->spi || t->cpi || t->p_on_time || t->readiness || t->satisfaction || t->risk_score);
}

std::string KpiValue(const KpiHealth& k) {
  if (k.name == "p_on_time") return wording::Percent(*k.value);
  if (k.name == "readiness") return wording::Number(*k.value, 1) + "%";
  if (k.name == "risk_score") return wording::Number(*k.value, 1) + " of 100";
  if (k.name == "satisfaction") return wording::Number(*k.value, 2) + " of 5";
  return wording::Number(*k.value, 2);
}

std::string KpiTarget(const KpiHealth& k) {
  if (k.name == "p_on_time") return wording::Percent(k.target);
  if (k.name == "readiness") return wording::Number(k.target, 1) + "%";
  if (k.name == "risk_score") return wording::Number(k.target, 1) + " of 100";
  if (k.name == "satisfaction") return wording::Number(k.target, 2) + " of 5";
  return wording::Number(k.target, 2);
}

// What the KPI measures, in words (the key follows for the team).
std::string KpiLabel(const KpiHealth& k) {
  if (k.name == "p_on_time") return "chance of finishing by the target date";
  if (k.name == "readiness") return "audit readiness";
  if (k.name == "satisfaction") return "mean stakeholder satisfaction";
  if (k.name == "risk_score") return "risk scorecard score";
  if (k.name == "spi") return "schedule performance index";
  if (k.name == "cpi") return "cost performance index";
  return k.name;
}

void ReviewKpis(const model::Program& p, const ReviewInputs& in, Reviewer& r) {
  if (!AnyTarget(p.targets)) {
    r.Add(Theme::kKpis, SubjectKind::kProgram, p.id,
          "The program sets 0 KPI targets, so no measure says whether it is on track.");
    return;
  }
  if (!in.health) return;
  for (const auto& k : in.health->kpis) {
    if (!k.rag || *k.rag != Rag::kRed || !k.value) continue;
    r.Add(Theme::kKpis, SubjectKind::kKpi, k.name,
          fmt::format("The {} (KPI {}) is red: {} against a target of {} {}, a miss of more than "
                      "10%.",
                      KpiLabel(k), k.name, KpiValue(k), k.lower_is_better ? "at most" : "at least",
                      KpiTarget(k)));
  }
}

void ReviewDecisionRules(const model::Program& p, Reviewer& r) {
  for (const auto& d : p.decisions) {
    if (d.status != model::DecisionStatus::kOpen) continue;
    int weighted = 0;
    for (const auto& c : d.criteria) weighted += c.weight > 0 ? 1 : 0;
    std::vector<std::string> reasons;
    if (d.decision_rule.empty()) reasons.push_back("it states no decision rule");
    if (weighted == 0) {
      reasons.push_back(fmt::format(
          "none of its {} has a weight above 0",
          wording::Count(static_cast<long>(d.criteria.size()), "criterion", "criteria")));
    }
    r.AddReasons(
        Theme::kDecisionRule, SubjectKind::kDecision, d.id,
        fmt::format("Open decision {} ({}):", d.id,
                    wording::Count(static_cast<long>(d.options.size()), "option", "options")),
        reasons);
  }
}

}  // namespace

std::string_view ThemeName(Theme t) { return kThemeNames[static_cast<size_t>(t)]; }

std::optional<Theme> ParseTheme(std::string_view name) {
  for (size_t i = 0; i < kThemeNames.size(); ++i) {
    if (kThemeNames[i] == name) return kThemes[i];
  }
  return std::nullopt;
}

std::span<const Theme> AllThemes() { return kThemes; }

std::string_view SubjectKindName(SubjectKind k) {
  switch (k) {
    case SubjectKind::kProgram:
      return "program";
    case SubjectKind::kTask:
      return "task";
    case SubjectKind::kRisk:
      return "risk";
    case SubjectKind::kDependency:
      return "dependency";
    case SubjectKind::kDecision:
      return "decision";
    case SubjectKind::kChange:
      return "change";
    case SubjectKind::kKpi:
      return "kpi";
  }
  return "program";
}

const LanguageBank& DefaultLanguageBank() {
  static const LanguageBank kBank{{
      {Theme::kAssumptions,
       "What are we taking for granted, and what happens to the plan if it turns out false?",
       {"Write down the three conditions this plan cannot survive without.",
        "Who would notice first if one of them stopped being true?"}},
      {Theme::kRisks,
       "What could stop us, who is working on it, and by when will we know it worked?",
       {"Name the person who acts when this risk fires, and the date they will report back.",
        "What do we do this week to make it less likely or less costly?"}},
      {Theme::kAccountability,
       "Who answers for this piece of work when it slips?",
       {"Give every task, risk, dependency and change a single named owner.",
        "A team is not an owner: name the person."}},
      {Theme::kDependencies,
       "What are we waiting on from others, and when did they promise it?",
       {"Ask the provider for a date in writing and compare it with the date we need.",
        "What can we start without it, and what is our fallback if it is late?"}},
      {Theme::kCriticalPath,
       "Which work decides the finish date, and how much room is left before the target?",
       {"Show the chain of tasks with no float and what would shorten it.",
        "Which of these tasks could start earlier or run in parallel?"}},
      {Theme::kWorstCase,
       "What is the worst realistic finish, and can we live with it?",
       {"Give optimistic, likely and pessimistic durations for the uncertain tasks.",
        "Tell the sponsor the 90th-percentile date, not only the likely one."}},
      {Theme::kKpis,
       "How will we know we are on track, and which measure says we are not?",
       {"Set a target for each KPI the steering committee reads.",
        "For each red KPI, say what brings it back and by when."}},
      {Theme::kDecisionRule,
       "How will this decision be made, and by which criteria?",
       {"Agree the rule and the weighted criteria before comparing the options.",
        "Who decides, and by what date?"}},
  }};
  return kBank;
}

LanguageBank ApplyBankOverrides(LanguageBank bank, const std::vector<BankOverride>& overrides) {
  for (const auto& o : overrides) {
    auto& entry = bank.entries[static_cast<size_t>(o.theme)];
    if (o.question) entry.question = *o.question;
    if (o.replace_phrases) entry.phrases.clear();
    entry.phrases.insert(entry.phrases.end(), o.phrases.begin(), o.phrases.end());
  }
  return bank;
}

std::vector<Finding> ReviewProgram(const model::Program& program, const ReviewInputs& inputs,
                                   const LanguageBank& bank) {
  std::vector<Finding> out;
  Reviewer r(bank, out);
  ReviewAssumptions(program, r);
  ReviewRisks(program, r);
  ReviewAccountability(program, r);
  ReviewDependencies(program, r);
  ReviewCriticalPath(program, inputs, r);
  ReviewWorstCase(program, inputs, r);
  ReviewKpis(program, inputs, r);
  ReviewDecisionRules(program, r);
  return out;
}

}  // namespace tpmkit::toolkit
