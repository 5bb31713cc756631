#include "tpmkit/report/decision_memo.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/decision_rule.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

namespace rt = register_text;
namespace words = toolkit::wording;
using nlohmann::json;
using toolkit::RuleCondition;
using toolkit::RuleConditionKind;
using toolkit::RuleOutcome;
using toolkit::RuleReading;

const model::Option* FindOption(const model::Decision& d, const std::string& id) {
  for (const auto& o : d.options) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

std::string OptionName(const model::Decision& d, const std::string& id) {
  const auto* o = FindOption(d, id);
  return o && !o->name.empty() ? o->name : id;
}

std::string TaskName(const model::Program& p, const std::string& ref) {
  for (const auto& pr : p.projects) {
    for (const auto& t : pr.tasks) {
      if (t.id == ref || pr.id + "." + t.id == ref) return t.name.empty() ? t.id : t.name;
    }
  }
  return ref;
}

std::string MeasureWords(model::Measure m) {
  switch (m) {
    case model::Measure::kCost:
      return "measured: forecast final cost of the program with the option, lower is better";
    case model::Measure::kFinish:
      return "measured: planned finish date, earlier is better";
    case model::Measure::kP80Finish:
      return "measured: P80 finish date, earlier is better";
    case model::Measure::kPOnTime:
      return "measured: chance to finish by the target, higher is better";
  }
  return "";
}

std::string ScenarioWords(const model::Program& p, const model::Option& o) {
  if (!o.scenario) return "keeps the plan as it stands";
  const auto& s = *o.scenario;
  std::vector<std::string> parts;
  if (s.duration_factor) {
    std::vector<std::string> names;
    for (const auto& t : s.duration_factor->tasks) names.push_back(TaskName(p, t));
    const double f = s.duration_factor->factor;
    const std::string tasks = words::JoinList(names);
    if (f < 1) {
      parts.push_back(fmt::format("cuts the duration of {} by {}", tasks, words::Percent(1 - f)));
    } else if (f > 1) {
      parts.push_back(fmt::format("multiplies the duration of {} by {}", tasks, words::Number(f)));
    }
  }
  if (!s.remove_tasks.empty()) {
    std::vector<std::string> names;
    for (const auto& t : s.remove_tasks) names.push_back(TaskName(p, t));
    parts.push_back("removes " + words::JoinList(names) + " from the plan");
  }
  if (s.target) parts.push_back("moves the target to " + s.target->ToString());
  if (s.cost) parts.push_back("adds " + toolkit::Amount(*s.cost, p.currency) + " of cost");
  if (parts.empty()) return "keeps the plan as it stands";
  return words::JoinList(parts);
}

std::string Chance(const toolkit::OptionMetrics& m) {
  if (!m.p_on_time) return "no target to measure against";
  return words::Percent(*m.p_on_time) + " by " + (m.target ? m.target->ToString() : "the target");
}

std::string Score(double s) { return words::Number(s, 2); }

std::string ConditionWords(const RuleCondition& c, const std::string& currency) {
  switch (c.kind) {
    case RuleConditionKind::kPOnTimeAtLeast:
      return "a chance of finishing on time of at least " + words::Percent(c.value);
    case RuleConditionKind::kP80OnOrBefore:
      return c.against_target ? "a P80 finish on or before the target"
                              : "a P80 finish on or before " + c.date->ToString();
    case RuleConditionKind::kCostAtMost:
      return "a forecast final cost of at most " +
             toolkit::Amount(Money::FromDouble(c.value), currency);
    case RuleConditionKind::kCostBelow:
      return "a forecast final cost below " + toolkit::Amount(Money::FromDouble(c.value), currency);
  }
  return "";
}

}  // namespace

std::string DecisionTableText(const DecisionReportInput& in, const RegisterTextOptions& o) {
  const auto& d = *in.decision;
  const auto& p = *in.program;
  std::string out = fmt::format("Decision {}: {}\n", d.id, d.question);
  out +=
      fmt::format("Status: {}. Simulated with {} iterations, seed {}{}.\n\n", model::Name(d.status),
                  in.iterations, in.seed, in.as_of ? ", as of " + in.as_of->ToString() : "");
  rt::Table t;
  t.header = {"RANK", "OPTION"};
  t.right_aligned = {true, false};
  for (const auto& c : d.criteria) {
    t.header.push_back(fmt::format("{} ({})", c.id, words::Number(c.weight)));
    t.right_aligned.push_back(true);
  }
  for (const auto& h : {"SCORE", "FINAL COST", "PLANNED FINISH", "P80 FINISH", "P(ON TIME)"}) {
    t.header.push_back(h);
    t.right_aligned.push_back(std::string_view(h) != "FINISH" &&
                              std::string_view(h) != "P80 FINISH");
  }
  for (const auto& s : in.analysis.ranking) {
    std::vector<rt::Cell> row = {{fmt::format("{}", s.rank), {}},
                                 {s.option, s.rank == 1 ? rt::kBold : std::string_view()}};
    for (const auto& c : d.criteria) {
      auto it = s.scores.find(c.id);
      row.push_back({it == s.scores.end() ? "-" : Score(it->second), {}});
    }
    row.push_back({Score(s.weighted_score), {}});
    if (s.metrics) {
      row.push_back({toolkit::WholeAmount(s.metrics->cost.ToDouble(), p.currency), {}});
      row.push_back({s.metrics->finish.ToString(), {}});
      row.push_back({s.metrics->p80_finish ? s.metrics->p80_finish->ToString() : "-", {}});
      row.push_back({s.metrics->p_on_time ? words::Percent(*s.metrics->p_on_time) : "-", {}});
    } else {
      for (int k = 0; k < 4; ++k) row.push_back({"-", {}});
    }
    t.rows.push_back(std::move(row));
  }
  out += rt::Render(t, o);
  const RuleOutcome rule = ApplyDecisionRule(p, d, in.analysis);
  out +=
      "\nScores are 1 (worst) to 5 (best); measured criteria are mapped from the simulated "
      "metrics. FINAL COST is the forecast final cost with the option (EAC + approved changes "
      "+ what the option adds); PLANNED FINISH is the critical-path finish, P80 FINISH the "
      "forecast's.\n";
  if (!rule.recommended.empty()) {
    out += fmt::format("Recommended by the decision rule: {}{}.\n", rule.recommended,
                       rule.none_qualifies ? " (no option meets the rule: top of the ranking)"
                       : rule.reading == RuleReading::kUnreadable
                           ? " (the rule could not be read: top of the ranking)"
                           : "");
  }
  out += "\nSensitivity (the weight at which the top option changes):\n";
  for (const auto& s : in.analysis.sensitivity) {
    if (s.flip_at) {
      out += fmt::format("  {}: weight {} now; at {} {} takes the top.\n", s.criterion,
                         words::Number(s.weight), words::Number(*s.flip_at, 1), s.new_top);
    } else {
      out += fmt::format("  {}: weight {} now; no weight from 0 to 100 changes the top.\n",
                         s.criterion, words::Number(s.weight));
    }
  }
  if (!in.analysis.stakeholders.empty()) {
    out += "\nStakeholders' own weights:\n";
    for (const auto& s : in.analysis.stakeholders) {
      out += fmt::format(
          "  {}: {}\n", s.name.empty() ? s.stakeholder : s.name + " (" + s.stakeholder + ")",
          s.top_option.empty()
              ? "weighs nothing, so prefers no option"
              : "prefers " + s.top_option + " (score " + Score(s.weighted_score) + ")");
    }
  }
  return out;
}

namespace {

// "three" for small counts, digits beyond.
std::string CountWord(size_t n) {
  static constexpr std::string_view kWords[] = {"no",  "one",   "two",   "three", "four", "five",
                                                "six", "seven", "eight", "nine",  "ten"};
  return n < std::size(kWords) ? std::string(kWords[n]) : std::to_string(n);
}

std::string Capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// A sentence taken from the program file ends with a full stop.
std::string Sentence(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
  if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?') s += '.';
  return s;
}

const toolkit::ScoredOption* Scored(const toolkit::DecisionAnalysis& a, const std::string& id) {
  for (const auto& s : a.ranking) {
    if (s.option == id) return &s;
  }
  return nullptr;
}

std::string CriterionName(const model::DecisionCriterion& c) {
  return c.name.empty() ? c.id : c.name;
}

// The value an option shows for a rule condition, in words: "57%", "2026-10-07".
std::string ConditionValue(const RuleCondition& c, const toolkit::OptionMetrics& m,
                           const std::string& currency) {
  switch (c.kind) {
    case RuleConditionKind::kPOnTimeAtLeast:
      if (!m.p_on_time) return "no chance measured (no target)";
      return words::Percent(*m.p_on_time) +
             (m.target ? " by " + m.target->ToString() : std::string());
    case RuleConditionKind::kP80OnOrBefore:
      if (!m.p80_finish) return "no P80 finish";
      if (c.against_target) {
        return "P80 " + m.p80_finish->ToString() + " against a target of " +
               (m.target ? m.target->ToString() : std::string("none"));
      }
      return "P80 " + m.p80_finish->ToString();
    case RuleConditionKind::kCostAtMost:
    case RuleConditionKind::kCostBelow:
      return toolkit::WholeAmount(m.cost.ToDouble(), currency);
  }
  return "";
}

}  // namespace

namespace {

std::string MemoMarkdown(const DecisionReportInput& in) {
  const auto& d = *in.decision;
  const auto& p = *in.program;
  const auto& a = in.analysis;
  const RuleOutcome rule = ApplyDecisionRule(p, d, a);
  auto name_of = [&](const std::string& id) { return OptionName(d, id); };
  std::string m;
  m += fmt::format("# Decision memo {}: {}\n\n", d.id, p.name.empty() ? p.id : p.name);
  m += "**Question.** " + Sentence(d.question) + "\n\n";
  m += fmt::format(
      "{}Each option was simulated {} times on the plan as it stands (Monte Carlo forecast, "
      "random seed {}), with the same random draws for every option so that the differences "
      "come from the options themselves.\n\n",
      in.as_of ? "Prepared on " + in.as_of->ToString() + ". " : "", toolkit::Grouped(in.iterations),
      in.seed);

  m += "## Context\n\n";
  if (!p.objective.empty()) m += "The program's objective: " + Sentence(p.objective) + "\n\n";
  m += fmt::format("{} started on {}", p.name.empty() ? p.id : p.name, p.start.ToString());
  if (p.target) m += fmt::format(" and is committed to finish by {}", p.target->ToString());
  m += fmt::format(", within an approved budget of {}.",
                   toolkit::Amount(p.EffectiveBudget(), p.currency));
  if (p.targets && p.targets->p_on_time) {
    m += fmt::format(" It aims for a chance of at least {} of finishing on time.",
                     words::Percent(*p.targets->p_on_time));
  }
  m += fmt::format(" {} on the table.\n\n",
                   d.options.size() == 1
                       ? std::string("One option is")
                       : Capitalized(CountWord(d.options.size())) + " options are");

  m += "## Options\n\n";
  for (const auto& o : d.options) {
    m += fmt::format("- **{}** (`{}`): {}.", o.name.empty() ? o.id : o.name, o.id,
                     ScenarioWords(p, o));
    const auto* s = Scored(a, o.id);
    if (s && s->metrics) {
      const auto& x = *s->metrics;
      m += fmt::format(" Simulated, it finishes on {} as planned", x.finish.ToString());
      if (x.p80_finish) {
        m += fmt::format(" and by {} with 80% confidence", x.p80_finish->ToString());
      }
      if (x.p_on_time && x.target) {
        m += fmt::format("; its chance of finishing by its target of {} is {}",
                         x.target->ToString(), words::Percent(*x.p_on_time));
      }
      m += fmt::format("; its forecast final cost is {}.",
                       toolkit::WholeAmount(x.cost.ToDouble(), p.currency));
    }
    m += "\n";
  }
  m += "\n| Option | Planned finish | P80 finish | Chance of finishing by the target | "
       "Forecast final cost |\n|---|---|---|---|---:|\n";
  for (const auto& o : d.options) {
    const auto* s = Scored(a, o.id);
    if (!s || !s->metrics) continue;
    const auto& x = *s->metrics;
    m += fmt::format("| {} | {} | {} | {} | {} |\n", o.id, x.finish.ToString(),
                     x.p80_finish ? x.p80_finish->ToString() : "not simulated", Chance(x),
                     toolkit::WholeAmount(x.cost.ToDouble(), p.currency));
  }
  m += "\nThe planned finish is the schedule's finish date without variation; the P80 finish "
       "is the date by which 80% of the simulated runs finish.\n";

  m += "\n## Criteria and weights\n\n| Criterion | Weight (points) | How it is scored |\n"
       "|---|---:|---|\n";
  double total = 0;
  for (const auto& c : d.criteria) total += c.weight;
  for (const auto& c : d.criteria) {
    m += fmt::format(
        "| {} (`{}`) | {} | {} |\n", CriterionName(c), c.id, words::Number(c.weight),
        c.measure ? MeasureWords(*c.measure) : "rated by the team, 1 (worst) to 5 (best)");
  }
  m += fmt::format(
      "\nThe weights add up to {} points. Each measured criterion is mapped linearly onto 1 to "
      "5 points, from the worst option (1 point) to the best (5 points).\n\n",
      words::Number(total));

  m += "## Ranking\n\n| Rank | Option | Weighted score (out of 5) |";
  for (const auto& c : d.criteria) m += fmt::format(" {} |", CriterionName(c));
  m += "\n|---:|---|---:|";
  for (size_t i = 0; i < d.criteria.size(); ++i) m += "---:|";
  m += "\n";
  for (const auto& s : a.ranking) {
    m += fmt::format("| {} | {} | {} |", s.rank, s.option, Score(s.weighted_score));
    for (const auto& c : d.criteria) {
      auto it = s.scores.find(c.id);
      m += " " + (it == s.scores.end() ? std::string("not rated") : Score(it->second)) + " |";
    }
    m += "\n";
  }
  m += "\nAn option's weighted score is the average of its criterion scores (1 to 5 points), "
       "each counted with its weight.\n";

  const std::string top = a.ranking.empty() ? "" : a.ranking[0].option;
  m += "\n## How robust the ranking is\n\n";
  if (!top.empty()) {
    m += fmt::format("`{}` ranks first. Changing one weight at a time, the others unchanged:\n\n",
                     top);
  }
  for (const auto& s : a.sensitivity) {
    std::string name = s.name.empty() ? s.criterion : s.name;
    if (!s.flip_at) {
      m += fmt::format(
          "- No weight of {} between 0 and 100 points changes the top option (it weighs {} "
          "points now).\n",
          name, words::Number(s.weight));
    } else if (std::abs(*s.flip_at - s.weight) < 1e-9) {
      m += fmt::format(
          "- {} is at a tie point: at its current weight of {} points `{}` and `{}` score the "
          "same, so a small change of that weight decides between them.\n",
          name, words::Number(s.weight), top, s.new_top);
    } else {
      m += fmt::format(
          "- The ranking holds unless {} weighs {} than {} points (it weighs {} points now); "
          "beyond that, `{}` comes first.\n",
          name, *s.flip_at > s.weight ? "more" : "less", words::Number(*s.flip_at, 1),
          words::Number(s.weight), s.new_top);
    }
  }

  m += "\n## What each stakeholder would prefer\n\n";
  if (a.stakeholders.empty()) {
    m += "No stakeholder has stated weights of their own for this decision.\n";
  }
  for (const auto& s : a.stakeholders) {
    std::string who = s.name.empty() ? s.stakeholder : s.name + " (" + s.stakeholder + ")";
    std::vector<std::string> ws;
    if (auto it = d.stakeholder_weights.find(s.stakeholder); it != d.stakeholder_weights.end()) {
      for (const auto& c : d.criteria) {
        auto w = it->second.find(c.id);
        ws.push_back(fmt::format("{} {} points", CriterionName(c),
                                 words::Number(w == it->second.end() ? 0 : w->second)));
      }
    }
    if (s.top_option.empty()) {
      m += fmt::format("- {} gives every criterion a weight of 0, so prefers no option.\n", who);
    } else {
      m +=
          fmt::format("- {}, weighing {}, would choose `{}` (weighted score {} out of 5){}.\n", who,
                      words::JoinList(ws), s.top_option, Score(s.weighted_score),
                      s.top_option == rule.recommended ? ", in line with the recommendation"
                                                       : ", which differs from the recommendation");
    }
  }

  m += "\n## Decision rule applied\n\n";
  switch (rule.reading) {
    case RuleReading::kNone:
      m += fmt::format(
          "No decision rule was written down for this decision, so the ranking decides: "
          "`{}` has the highest weighted score.\n",
          rule.recommended);
      break;
    case RuleReading::kUnreadable:
      m += "The rule, as written: \"" + d.decision_rule + "\"\n\n";
      m += fmt::format(
          "This rule could not be read mechanically (tpmkit reads a minimum chance of "
          "finishing on time, a latest P80 finish date, a cost ceiling and the highest "
          "weighted score), so the ranking decides: `{}` has the highest weighted score. The "
          "steering committee should confirm that this is what the rule intends.\n",
          rule.recommended);
      break;
    case RuleReading::kRead: {
      m += "The rule, as written: \"" + d.decision_rule + "\"\n\n";
      if (rule.conditions.empty()) {
        m += fmt::format(
            "The rule sets no threshold; it picks the highest weighted score, which is "
            "`{}`'s.\n",
            rule.recommended);
        break;
      }
      std::vector<std::string> reads;
      for (const auto& c : rule.conditions) reads.push_back(ConditionWords(c, p.currency));
      m += "It was applied as follows: an option qualifies when it has " + words::JoinList(reads) +
           "; the qualifying option with the highest weighted score is recommended.\n\n";
      for (const auto& c : rule.conditions) {
        std::vector<std::string> parts;
        for (const auto& s : a.ranking) {
          bool meets = s.metrics && MeetsCondition(c, *s.metrics);
          parts.push_back(
              fmt::format("`{}` {} ({})", s.option, meets ? "meets it" : "does not",
                          s.metrics ? ConditionValue(c, *s.metrics, p.currency) : "not simulated"));
        }
        m += "- " + Capitalized(ConditionWords(c, p.currency)) + ": " + words::JoinList(parts) +
             ".\n";
      }
      m += "\n";
      if (rule.none_qualifies) {
        m += fmt::format(
            "No option meets the rule, so the choice falls to the steering committee; the "
            "best-ranked option, `{}`, is named below as the fallback.\n",
            rule.recommended);
      } else {
        std::vector<std::string> q;
        for (const auto& id : rule.qualifying) q.push_back("`" + id + "`");
        std::string who = rule.qualifying.size() == a.ranking.size() && a.ranking.size() > 1
                              ? (a.ranking.size() == 2
                                     ? "Both options qualify"
                                     : "All " + CountWord(a.ranking.size()) + " options qualify")
                              : words::JoinList(q) + (q.size() == 1 ? " qualifies" : " qualify");
        const auto* best = Scored(a, rule.recommended);
        m += fmt::format("{}; {} `{}` has the highest weighted score ({} out of 5).\n", who,
                         q.size() == 1 ? "so" : "of these,", rule.recommended,
                         best ? Score(best->weighted_score) : "0");
      }
      break;
    }
  }

  m += "\n## Recommendation\n\n";
  if (const auto* s = Scored(a, rule.recommended)) {
    m += fmt::format("We recommend **{}** (`{}`), with a weighted score of {} out of 5",
                     name_of(s->option), s->option, Score(s->weighted_score));
    if (s->metrics) {
      const auto& x = *s->metrics;
      m += fmt::format(": it finishes on {} as planned", x.finish.ToString());
      if (x.p80_finish) m += fmt::format(", by {} with 80% confidence", x.p80_finish->ToString());
      if (x.p_on_time && x.target) {
        m += fmt::format(", with a chance of {} of finishing by {}", words::Percent(*x.p_on_time),
                         x.target->ToString());
      }
      m += fmt::format(", at a forecast final cost of {}",
                       toolkit::WholeAmount(x.cost.ToDouble(), p.currency));
    }
    m += ".";
    if (rule.none_qualifies) {
      m += " The steering committee must confirm it, as no option meets the decision rule.";
    }
    if (s->metrics && s->metrics->p_on_time && p.targets && p.targets->p_on_time &&
        *s->metrics->p_on_time < *p.targets->p_on_time) {
      m += fmt::format(
          " Even so, its chance of finishing on time stays below the program's aim of {}, so "
          "the schedule risk remains and should be watched at every steering committee.",
          words::Percent(*p.targets->p_on_time));
    }
    m += "\n";
  }
  if (d.status == model::DecisionStatus::kDecided) {
    m += fmt::format("\nDecided: `{}` was chosen by {} on {}. Rationale: {}\n", d.chosen,
                     d.decided_by.empty() ? "an unnamed decider" : d.decided_by,
                     d.decided_on ? d.decided_on->ToString() : "an unrecorded date",
                     d.rationale.empty() ? "none recorded." : Sentence(d.rationale));
  }

  m += "\n## How it will be communicated\n\n";
  std::vector<const toolkit::CommunicationEntry*> told;
  for (const auto& e : in.communication.entries) {
    for (const auto& t : e.topics) {
      if (t.kind == toolkit::TopicKind::kDecision && t.id == d.id) {
        told.push_back(&e);
        break;
      }
    }
  }
  if (told.empty()) {
    m += "No stakeholder is recorded as concerned by this decision; " +
         (p.sponsor.empty() ? std::string("the sponsor") : p.sponsor + ", the sponsor,") +
         " announces it to the program team.\n";
  } else {
    m += fmt::format(
        "Once decided, the decision and its rationale go to the {} concerned by it, each "
        "through their usual channel:\n\n",
        told.size() == 1 ? std::string("stakeholder") : CountWord(told.size()) + " stakeholders");
    for (const auto* e : told) {
      const auto& s = e->stakeholder;
      m += fmt::format("- {}{}: {}, on {}{}.\n", s.name.empty() ? s.id : s.name,
                       s.role.empty() ? "" : ", " + s.role,
                       s.channel.empty() ? "through the channel agreed with them" : s.channel,
                       e->contact_on.ToString(),
                       s.overdue ? ", at once, as the contact with them is overdue"
                                 : ", their next planned contact");
    }
    m += "\nThe program team hears it at its next team meeting. The decision, who took it and "
         "when are recorded in the program's audit trail.\n";
  }
  return m;
}

}  // namespace

// Text from the program (names, rationales, notes) may hold control characters; a memo
// is printed on terminals and pasted into documents, so they are shown escaped.
std::string DecisionMemoMarkdown(const DecisionReportInput& in) {
  return EscapeControls(MemoMarkdown(in), {.keep_newlines = true});
}

std::string DecisionJson(const DecisionReportInput& in, const std::optional<std::string>& memo) {
  const auto& d = *in.decision;
  const auto& a = in.analysis;
  auto date = [](const std::optional<Date>& x) { return x ? json(x->ToString()) : json(nullptr); };
  json criteria = json::array();
  for (const auto& c : d.criteria) {
    criteria.push_back(
        {{"id", c.id},
         {"name", c.name},
         {"weight", c.weight},
         {"measure", c.measure ? json(std::string(model::Name(*c.measure))) : json(nullptr)}});
  }
  json ranking = json::array();
  for (const auto& s : a.ranking) {
    json scores = json::object();
    for (const auto& [k, v] : s.scores) scores[k] = v;
    json metrics = nullptr;
    if (s.metrics) {
      metrics = {{"cost", s.metrics->cost.ToDouble()},
                 {"finish", s.metrics->finish.ToString()},
                 {"p80_finish", date(s.metrics->p80_finish)},
                 {"p_on_time", s.metrics->p_on_time ? json(*s.metrics->p_on_time) : json(nullptr)},
                 {"target", date(s.metrics->target)}};
    }
    ranking.push_back({{"option", s.option},
                       {"name", s.name},
                       {"rank", s.rank},
                       {"weighted_score", s.weighted_score},
                       {"scores", scores},
                       {"metrics", metrics}});
  }
  json sensitivity = json::array();
  for (const auto& s : a.sensitivity) {
    sensitivity.push_back({{"criterion", s.criterion},
                           {"weight", s.weight},
                           {"flip_at", s.flip_at ? json(*s.flip_at) : json(nullptr)},
                           {"new_top", s.new_top.empty() ? json(nullptr) : json(s.new_top)}});
  }
  json stakeholders = json::array();
  for (const auto& s : a.stakeholders) {
    stakeholders.push_back(
        {{"stakeholder", s.stakeholder},
         {"name", s.name.empty() ? json(nullptr) : json(s.name)},
         {"top_option", s.top_option.empty() ? json(nullptr) : json(s.top_option)},
         {"weighted_score", s.top_option.empty() ? json(nullptr) : json(s.weighted_score)}});
  }
  const RuleOutcome rule = ApplyDecisionRule(*in.program, d, a);
  json conditions = json::array();
  for (const auto& c : rule.conditions) {
    conditions.push_back(
        {{"kind", std::string(toolkit::Name(c.kind))},
         {"value", c.kind == RuleConditionKind::kP80OnOrBefore ? json(nullptr) : json(c.value)},
         {"date", date(c.date)},
         {"against_target", c.against_target}});
  }
  json decision_rule = {{"text", d.decision_rule},
                        {"reading", std::string(toolkit::Name(rule.reading))},
                        {"conditions", conditions},
                        {"qualifying", rule.qualifying},
                        {"none_qualifies", rule.none_qualifies}};
  return json{{"id", d.id},
              {"question", d.question},
              {"status", std::string(model::Name(d.status))},
              {"as_of", date(in.as_of)},
              {"iterations", in.iterations},
              {"seed", in.seed},
              {"criteria", criteria},
              {"ranking", ranking},
              {"sensitivity", sensitivity},
              {"stakeholders", stakeholders},
              {"decision_rule", decision_rule},
              {"recommendation", rule.recommended.empty() ? json(nullptr) : json(rule.recommended)},
              {"memo", memo ? json(*memo) : json(nullptr)}}
      .dump(2);
}

}  // namespace tpmkit::report
