#include "tpmkit/toolkit/review.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "tpmkit/plan/network.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/stakeholders.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::toolkit {

namespace {

constexpr std::array<Theme, kThemeCount> kThemes = {
    Theme::kAssumptions,  Theme::kRisks,     Theme::kAccountability, Theme::kDependencies,
    Theme::kCriticalPath, Theme::kWorstCase, Theme::kKpis,           Theme::kDecisionRule,
};

constexpr std::array<std::string_view, kThemeCount> kThemeTitles = {
    "Assumptions",   "Risks",      "Accountability",  "Dependencies",
    "Critical path", "Worst case", "Measures (KPIs)", "Decision rules",
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

  void Add(Theme theme, SubjectKind kind, const std::string& id, std::string detail,
           std::string rule) {
    out_.push_back({theme,
                    bank_.Entry(theme).question,
                    kind,
                    Subject(kind, id),
                    std::move(detail),
                    {std::move(rule)}});
  }
  // Joins the reasons found for one subject into one finding; reasons are (rule, words).
  void AddReasons(Theme theme, SubjectKind kind, const std::string& id, std::string lead,
                  const std::vector<std::pair<std::string, std::string>>& reasons) {
    if (reasons.empty()) return;
    std::vector<std::string> words, rules;
    for (const auto& [rule, text] : reasons) {
      rules.push_back(rule);
      words.push_back(text);
    }
    out_.push_back({theme, bank_.Entry(theme).question, kind, Subject(kind, id),
                    lead + " " + wording::JoinList(words) + ".", std::move(rules)});
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
                    wording::Count(static_cast<long>(p.TaskCount()), "task", "tasks")),
        "none");
}

void ReviewRisks(const model::Program& p, const ReviewInputs& in, Reviewer& r) {
  if (p.risks.empty()) {
    r.Add(Theme::kRisks, SubjectKind::kProgram, p.id,
          fmt::format("The risk register holds 0 risks for a plan of {} and a budget of {}.",
                      wording::Count(static_cast<long>(p.TaskCount()), "task", "tasks"),
                      WholeAmount(p.EffectiveBudget().ToDouble(), p.currency)),
          "empty");
    return;
  }
  for (const auto& risk : p.risks) {
    if (!IsActive(risk)) continue;
    const int score = RiskScore(risk);
    std::vector<std::pair<std::string, std::string>> reasons;
    if (risk.mitigation.empty()) reasons.emplace_back("no_mitigation", "no mitigation is recorded");
    if (score >= 12 && risk.owner.empty()) {
      reasons.emplace_back("no_owner",
                           fmt::format("it scores {} of 25 (12 or more) and has no owner", score));
    }
    if (score >= 12 && !risk.response_due) {
      reasons.emplace_back(
          "no_response_date",
          fmt::format("it scores {} of 25 (12 or more) and has no response date", score));
    }
    if (risk.response_due && in.as_of && *risk.response_due < *in.as_of) {
      reasons.emplace_back(
          "response_overdue",
          fmt::format(
              "its response was due on {}, {} ago", risk.response_due->ToString(),
              wording::Count(*in.as_of - *risk.response_due, "calendar day", "calendar days")));
    }
    r.AddReasons(
        Theme::kRisks, SubjectKind::kRisk, risk.id,
        fmt::format("Risk {} is {} with a probability of {} and severity {} of 5:", risk.id,
                    model::Name(risk.status), wording::Percent(risk.probability), risk.severity),
        reasons);
  }
}

void ReviewAccountability(const model::Program& p, const ReviewInputs& in, Reviewer& r) {
  for (const auto* task : plan::TasksInFileOrder(p)) {
    if (task->milestone || !task->owner.empty()) continue;
    r.Add(Theme::kAccountability, SubjectKind::kTask, task->id,
          fmt::format("Task {} ({} working days, cost {}) has no owner.", task->id,
                      wording::Number(task->PlannedDuration()),
                      WholeAmount(task->cost.value_or(Money{}).ToDouble(), p.currency)),
          "no_owner");
  }
  for (const auto& risk : p.risks) {
    if (!risk.owner.empty()) continue;
    r.Add(Theme::kAccountability, SubjectKind::kRisk, risk.id,
          fmt::format("Risk {} ({}, score {} of 25) has no owner.", risk.id,
                      model::Name(risk.status), RiskScore(risk)),
          "no_owner");
  }
  for (const auto& dep : p.dependencies) {
    if (!dep.owner.empty()) continue;
    r.Add(Theme::kAccountability, SubjectKind::kDependency, dep.id,
          fmt::format("External dependency {} ({}, needed by {} {}) has no owner on our side.",
                      dep.id, model::Name(dep.status),
                      wording::Count(static_cast<long>(dep.tasks.size()), "task", "tasks"),
                      dep.needed_by ? "on " + dep.needed_by->ToString() : "at no stated date"),
          "no_owner");
  }
  for (const auto& change : p.changes) {
    if (!change.requested_by.empty()) continue;
    r.Add(Theme::kAccountability, SubjectKind::kChange, change.id,
          fmt::format("Change request {} ({}) names nobody who requested it and answers for it.",
                      change.id, model::Name(change.status)),
          "no_owner");
  }
  if (!in.as_of) return;
  if (p.audit) {
    for (const auto& item : p.audit->items) {
      if (!item.due || !(*item.due < *in.as_of) || item.status == model::AuditStatus::kDone ||
          item.status == model::AuditStatus::kNotApplicable) {
        continue;
      }
      r.Add(Theme::kAccountability, SubjectKind::kAuditItem, item.id,
            fmt::format("Audit item {} ({}) was due on {}, {} ago; {}.", item.id,
                        wording::Spaced(model::Name(item.status)), item.due->ToString(),
                        wording::Count(*in.as_of - *item.due, "calendar day", "calendar days"),
                        item.owner.empty() ? "it has no owner" : "its owner is " + item.owner),
            "audit_overdue");
    }
  }
  for (const auto& s : ComputeStakeholderMatrix(p, *in.as_of).stakeholders) {
    if (!s.overdue) continue;
    const std::string who = fmt::format("{} ({}, {})", s.name.empty() ? s.id : s.name, s.id,
                                        wording::Lower(QuadrantTitle(s.quadrant)));
    r.Add(
        Theme::kAccountability, SubjectKind::kStakeholder, s.id,
        s.next_contact
            ? fmt::format("{} is due a contact every {}; the last was on {}: {} overdue.", who,
                          wording::Count(s.cadence_days, "day", "days"), s.last_contact->ToString(),
                          wording::Count(*in.as_of - *s.next_contact, "day", "days"))
            : fmt::format("{} has never been contacted.", who),
        "contact_overdue");
  }
}

void ReviewDependencies(const model::Program& p, Reviewer& r) {
  for (const auto& dep : p.dependencies) {
    if (dep.status == model::DependencyStatus::kDelivered) continue;
    std::vector<std::pair<std::string, std::string>> reasons;
    if (dep.status != model::DependencyStatus::kOnTrack) {
      reasons.emplace_back(
          "status", fmt::format("its status is {}", wording::Spaced(model::Name(dep.status))));
    }
    if (!dep.expected) {
      reasons.emplace_back("no_expected", "the provider has given no expected date");
    } else if (dep.needed_by && *dep.expected > *dep.needed_by) {
      reasons.emplace_back("late",
                           fmt::format("it is expected on {}, {} calendar days after it is needed "
                                       "on {}",
                                       dep.expected->ToString(), *dep.expected - *dep.needed_by,
                                       dep.needed_by->ToString()));
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
    if (ts.deadline_missed && tasks[i]->deadline) {
      r.Add(Theme::kCriticalPath, SubjectKind::kTask, tasks[i]->id,
            fmt::format(
                "Task {} finishes on {}, {} after its deadline {}.", tasks[i]->id,
                ts.finish.ToString(),
                wording::Count(ts.finish - *tasks[i]->deadline, "calendar day", "calendar days"),
                tasks[i]->deadline->ToString()),
            "deadline_missed");
    }
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
                               p.target->ToString()),
          "no_float");
  }
}

void ReviewWorstCase(const model::Program& p, const ReviewInputs& in, Reviewer& r) {
  bool any_estimate = false;
  for (const auto* t : plan::TasksInFileOrder(p)) any_estimate |= t->estimate.has_value();
  if (!any_estimate) {
    r.Add(Theme::kWorstCase, SubjectKind::kProgram, p.id,
          fmt::format("None of the {} has a three-point estimate, so the forecast has no "
                      "spread and cannot tell a worst case.",
                      wording::Count(static_cast<long>(p.TaskCount()), "task", "tasks")),
          "no_estimates");
    return;
  }
  if (in.p90_finish && p.target && *in.p90_finish > *p.target) {
    r.Add(Theme::kWorstCase, SubjectKind::kProgram, p.id,
          fmt::format("The forecast's p90 finish (the date we are 90% likely to finish by) is {}, "
                      "{} calendar days after the target date {}.",
                      in.p90_finish->ToString(), *in.p90_finish - *p.target, p.target->ToString()),
          "p90_late");
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

// How far a red KPI is from its target, in the KPI's own unit: "44.2 points short" (of a
// percentage), "17.5 points over" (of the risk score), "0.88 short" (of an index).
std::string KpiGap(const KpiHealth& k) {
  double gap = k.lower_is_better ? *k.value - k.target : k.target - *k.value;
  const char* side = k.lower_is_better ? "over" : "short";
  if (k.name == "p_on_time" || k.name == "readiness" || k.name == "risk_score") {
    if (k.name == "p_on_time") gap *= 100;  // a fraction: percentage points
    // One decimal, as the values themselves are written.
    const std::string points = wording::Number(gap, 1);
    return fmt::format("{} {} {}", points, points == "1" ? "point" : "points", side);
  }
  return fmt::format("{} {}", wording::Number(gap, 2), side);
}

void ReviewKpis(const model::Program& p, const ReviewInputs& in, Reviewer& r) {
  if (!AnyTarget(p.targets)) {
    r.Add(Theme::kKpis, SubjectKind::kProgram, p.id,
          "The program sets 0 KPI targets, so no measure says whether it is on track.",
          "no_targets");
    return;
  }
  if (!in.health) return;
  for (const auto& k : in.health->kpis) {
    if (!k.rag || *k.rag != Rag::kRed || !k.value) continue;
    r.Add(Theme::kKpis, SubjectKind::kKpi, k.name,
          fmt::format("The {} (KPI {}) is red: {} against a target of {} {}, {}.", KpiLabel(k),
                      k.name, KpiValue(k), k.lower_is_better ? "at most" : "at least", KpiTarget(k),
                      KpiGap(k)),
          "red");
  }
}

void ReviewDecisionRules(const model::Program& p, Reviewer& r) {
  for (const auto& d : p.decisions) {
    if (d.status != model::DecisionStatus::kOpen) continue;
    int weighted = 0;
    for (const auto& c : d.criteria) weighted += c.weight > 0 ? 1 : 0;
    std::vector<std::pair<std::string, std::string>> reasons;
    if (d.decision_rule.empty()) reasons.emplace_back("no_rule", "it states no decision rule");
    if (weighted == 0) {
      reasons.emplace_back("no_weights",
                           fmt::format("none of its {} has a weight above 0",
                                       wording::Count(static_cast<long>(d.criteria.size()),
                                                      "criterion", "criteria")));
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

std::string_view ThemeTitle(Theme t) { return kThemeTitles[static_cast<size_t>(t)]; }

std::vector<std::string> PhrasesFor(const BankEntry& entry, std::span<const Finding> findings) {
  std::vector<std::string> out = entry.phrases;
  for (const auto& p : entry.rule_phrases) {
    const bool raised = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
      return f.theme == entry.theme &&
             std::find(f.rules.begin(), f.rules.end(), p.rule) != f.rules.end();
    });
    if (raised && std::find(out.begin(), out.end(), p.text) == out.end()) out.push_back(p.text);
  }
  return out;
}

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
    case SubjectKind::kAuditItem:
      return "audit item";
    case SubjectKind::kStakeholder:
      return "stakeholder";
  }
  return "program";
}

const LanguageBank& DefaultLanguageBank() {
  static const LanguageBank kBank{{
      {Theme::kAssumptions,
       "What are we taking for granted, and what happens to the plan if it turns out false?",
       {"Write down the three conditions this plan cannot survive without.",
        "Who would notice first if one of them stopped being true?"},
       {}},
      {Theme::kRisks,
       "What could stop us, who is working on it, and by when will we know it worked?",
       {},
       {{"empty", "List what could stop us, with a likelihood, a severity and an owner for each."},
        {"no_mitigation", "What do we do this week to make it less likely or less costly?"},
        {"no_owner",
         "Name the person who acts when this risk fires, and the date they will report back."},
        {"no_response_date",
         "Name the person who acts when this risk fires, and the date they will report back."},
        {"response_overdue", "Ask the owner what the response achieved, and set the next date."}}},
      {Theme::kAccountability,
       "Who answers for this piece of work when it slips?",
       {},
       {{"no_owner", "Give every task, risk, dependency and change a single named owner."},
        {"no_owner", "A team is not an owner: name the person."},
        {"audit_overdue", "Ask each owner of an overdue audit item for a date they will keep."},
        {"contact_overdue",
         "Book the overdue conversations this week, the most influential people first."}}},
      {Theme::kDependencies,
       "What are we waiting on from others, and when did they promise it?",
       {"Ask the provider for a date in writing and compare it with the date we need.",
        "What can we start without it, and what is our fallback if it is late?"},
       {}},
      {Theme::kCriticalPath,
       "Which work decides the finish date, and how much room is left before the target?",
       {},
       {{"no_float", "Show the chain of tasks with no float and what would shorten it."},
        {"no_float", "Which of these tasks could start earlier or run in parallel?"},
        {"deadline_missed",
         "For each missed deadline, say who it was promised to and what they now get, when."}}},
      {Theme::kWorstCase,
       "What is the worst realistic finish, and can we live with it?",
       {},
       {{"no_estimates",
         "Give optimistic, likely and pessimistic durations for the uncertain tasks."},
        {"p90_late", "Tell the sponsor the 90th-percentile date, not only the likely one."}}},
      {Theme::kKpis,
       "How will we know we are on track, and which measure says we are not?",
       {},
       {{"no_targets", "Set a target for each KPI the steering committee reads."},
        {"red", "For each red KPI, say what brings it back and by when."}}},
      {Theme::kDecisionRule,
       "How will this decision be made, and by which criteria?",
       {"Agree the rule and the weighted criteria before comparing the options.",
        "Who decides, and by what date?"},
       {}},
  }};
  return kBank;
}

LanguageBank ApplyBankOverrides(LanguageBank bank, const std::vector<BankOverride>& overrides) {
  for (const auto& o : overrides) {
    auto& entry = bank.entries[static_cast<size_t>(o.theme)];
    if (o.question) entry.question = *o.question;
    if (o.replace_phrases) {
      entry.phrases.clear();
      entry.rule_phrases.clear();  // the file's phrases are all there is
    }
    entry.phrases.insert(entry.phrases.end(), o.phrases.begin(), o.phrases.end());
  }
  return bank;
}

std::vector<Finding> ReviewProgram(const model::Program& program, const ReviewInputs& inputs,
                                   const LanguageBank& bank) {
  std::vector<Finding> out;
  Reviewer r(bank, out);
  ReviewAssumptions(program, r);
  ReviewRisks(program, inputs, r);
  ReviewAccountability(program, inputs, r);
  ReviewDependencies(program, r);
  ReviewCriticalPath(program, inputs, r);
  ReviewWorstCase(program, inputs, r);
  ReviewKpis(program, inputs, r);
  ReviewDecisionRules(program, r);
  return out;
}

}  // namespace tpmkit::toolkit
