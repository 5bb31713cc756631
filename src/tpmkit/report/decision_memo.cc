#include "tpmkit/report/decision_memo.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

namespace rt = register_text;
namespace words = toolkit::wording;
using nlohmann::json;

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
      return "measured: program cost, lower is better";
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
  if (!o.scenario) return "changes nothing in the plan";
  const auto& s = *o.scenario;
  std::vector<std::string> parts;
  if (s.duration_factor) {
    std::vector<std::string> names;
    for (const auto& t : s.duration_factor->tasks) names.push_back(TaskName(p, t));
    parts.push_back(fmt::format("multiplies the duration of {} by {}", words::JoinList(names),
                                words::Number(s.duration_factor->factor)));
  }
  if (!s.remove_tasks.empty()) {
    std::vector<std::string> names;
    for (const auto& t : s.remove_tasks) names.push_back(TaskName(p, t));
    parts.push_back("removes " + words::JoinList(names) + " from the plan");
  }
  if (s.target) parts.push_back("moves the target to " + s.target->ToString());
  if (s.cost) parts.push_back("adds " + toolkit::Amount(*s.cost, p.currency) + " of cost");
  if (parts.empty()) return "changes nothing in the plan";
  return words::JoinList(parts);
}

std::string Chance(const toolkit::OptionMetrics& m) {
  if (!m.p_on_time) return "no target to measure against";
  return words::Percent(*m.p_on_time) + " by " + (m.target ? m.target->ToString() : "the target");
}

std::string Score(double s) { return words::Number(s, 2); }

// "p_on_time >= 0.4", "p_on_time of at least 0.4", "p_on_time at least 40%".
std::optional<double> ParseFloor(const std::string& rule) {
  std::string lower = words::Lower(rule);
  auto at = lower.find("p_on_time");
  if (at == std::string::npos) return std::nullopt;
  std::string rest = lower.substr(at + 9);
  size_t i = 0;
  auto skip = [&](std::string_view w) {
    while (i < rest.size() && rest[i] == ' ') ++i;
    if (rest.compare(i, w.size(), w) == 0) {
      i += w.size();
      return true;
    }
    return false;
  };
  if (!skip(">=")) {
    skip("of");
    if (!skip("at least")) return std::nullopt;
  }
  while (i < rest.size() && rest[i] == ' ') ++i;
  char* end = nullptr;
  double v = std::strtod(rest.c_str() + i, &end);
  if (end == rest.c_str() + i) return std::nullopt;
  if (*end == '%') v /= 100;
  return v;
}

}  // namespace

RuleOutcome ApplyDecisionRule(const model::Decision& decision,
                              const toolkit::DecisionAnalysis& analysis) {
  RuleOutcome r;
  r.p_on_time_floor = ParseFloor(decision.decision_rule);
  for (const auto& o : analysis.ranking) {
    if (!r.p_on_time_floor) {
      r.qualifying.push_back(o.option);
    } else if (o.metrics && o.metrics->p_on_time &&
               *o.metrics->p_on_time >= *r.p_on_time_floor - 1e-12) {
      r.qualifying.push_back(o.option);
    }
  }
  r.none_qualifies = r.qualifying.empty();
  r.recommended = r.none_qualifies ? (analysis.ranking.empty() ? "" : analysis.ranking[0].option)
                                   : r.qualifying[0];
  return r;
}

std::string DecisionTableText(const DecisionReportInput& in, const RegisterTextOptions& o) {
  const auto& d = *in.decision;
  const auto& p = *in.program;
  std::string out = fmt::format("Decision {}: {}\n", d.id, d.question);
  out += fmt::format("Status: {}. Simulated with {} iterations, seed {}{}.\n\n",
                     model::Name(d.status), in.iterations, in.seed,
                     in.as_of ? ", as of " + in.as_of->ToString() : "");
  rt::Table t;
  t.header = {"RANK", "OPTION"};
  t.right_aligned = {true, false};
  for (const auto& c : d.criteria) {
    t.header.push_back(fmt::format("{} ({})", c.id, words::Number(c.weight)));
    t.right_aligned.push_back(true);
  }
  for (const auto& h : {"SCORE", "COST", "FINISH", "P80 FINISH", "P(ON TIME)"}) {
    t.header.push_back(h);
    t.right_aligned.push_back(std::string_view(h) != "FINISH" && std::string_view(h) != "P80 FINISH");
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
      row.push_back({toolkit::Amount(s.metrics->cost, p.currency), {}});
      row.push_back({s.metrics->finish.ToString(), {}});
      row.push_back({s.metrics->p80_finish ? s.metrics->p80_finish->ToString() : "-", {}});
      row.push_back({s.metrics->p_on_time ? words::Percent(*s.metrics->p_on_time) : "-", {}});
    } else {
      for (int k = 0; k < 4; ++k) row.push_back({"-", {}});
    }
    t.rows.push_back(std::move(row));
  }
  out += rt::Render(t, o);
  out += "\nScores are 1 (worst) to 5 (best); measured criteria are mapped from the simulated "
         "metrics.\n\nSensitivity (the weight at which the top option changes):\n";
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
      out += fmt::format("  {}: {}\n", s.name.empty() ? s.stakeholder : s.name + " (" + s.stakeholder + ")",
                         s.top_option.empty() ? "weighs nothing, so prefers no option"
                                              : "prefers " + s.top_option + " (score " +
                                                    Score(s.weighted_score) + ")");
    }
  }
  return out;
}

std::string DecisionMemoMarkdown(const DecisionReportInput& in) {
  const auto& d = *in.decision;
  const auto& p = *in.program;
  const auto& a = in.analysis;
  const RuleOutcome rule = ApplyDecisionRule(d, a);
  std::string m;
  m += fmt::format("# Decision memo: {} ({})\n\n", d.question, d.id);
  m += fmt::format("Program: {}. Prepared {}from {} simulations (seed {}) of the plan.\n\n",
                   p.name, in.as_of ? "as of " + in.as_of->ToString() + " " : "",
                   in.iterations, in.seed);

  m += "## Question and context\n\n";
  m += d.question + "\n\n";
  std::vector<std::string> ctx;
  if (!p.objective.empty()) m += "The program's objective: " + p.objective + "\n\n";
  m += fmt::format("The program started on {}", p.start.ToString());
  if (p.target) m += fmt::format(" and is committed to finish by {}", p.target->ToString());
  m += fmt::format("; its approved budget is {}.", toolkit::Amount(p.EffectiveBudget(), p.currency));
  if (p.targets && p.targets->p_on_time) {
    m += fmt::format(" The program aims for at least a {} chance of finishing on time.",
                     words::Percent(*p.targets->p_on_time));
  }
  m += fmt::format(" There {} on the table.\n\n",
                   d.options.size() == 1 ? "is one option" : fmt::format("are {} options", d.options.size()));

  m += "## Options\n\n";
  for (const auto& o : d.options) {
    m += fmt::format("- **{}** (`{}`) {}.", o.name.empty() ? o.id : o.name, o.id, ScenarioWords(p, o));
    for (const auto& s : a.ranking) {
      if (s.option != o.id || !s.metrics) continue;
      const auto& x = *s.metrics;
      m += fmt::format(" Planned finish {}; P80 finish {}; chance of finishing on time {}; "
                       "total cost {}.",
                       x.finish.ToString(), x.p80_finish ? x.p80_finish->ToString() : "unknown",
                       Chance(x), toolkit::Amount(x.cost, p.currency));
    }
    m += "\n";
  }
  m += "\n| Option | Planned finish | P80 finish | Chance on time | Cost |\n|---|---|---|---|---:|\n";
  for (const auto& o : d.options) {
    for (const auto& s : a.ranking) {
      if (s.option != o.id || !s.metrics) continue;
      const auto& x = *s.metrics;
      m += fmt::format("| {} | {} | {} | {} | {} |\n", o.id, x.finish.ToString(),
                       x.p80_finish ? x.p80_finish->ToString() : "unknown", Chance(x),
                       toolkit::Amount(x.cost, p.currency));
    }
  }

  m += "\n## Criteria and weights\n\n| Criterion | Weight (points) | How it is scored |\n|---|---:|---|\n";
  double total = 0;
  for (const auto& c : d.criteria) total += c.weight;
  for (const auto& c : d.criteria) {
    m += fmt::format("| {} (`{}`) | {} | {} |\n", c.name.empty() ? c.id : c.name, c.id,
                     words::Number(c.weight),
                     c.measure ? MeasureWords(*c.measure)
                               : "rated by the team, 1 (worst) to 5 (best)");
  }
  m += fmt::format("\nThe weights add up to {} points. Measured criteria are mapped linearly "
                   "onto 1 to 5 points between the worst option (1) and the best (5).\n\n",
                   words::Number(total));

  m += "## Ranking\n\n| Rank | Option | Weighted score (1 to 5) |";
  for (const auto& c : d.criteria) m += fmt::format(" {} |", c.id);
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

  const std::string top = a.ranking.empty() ? "" : a.ranking[0].option;
  m += "\n## How robust the ranking is\n\n";
  for (const auto& s : a.sensitivity) {
    std::string name = s.name.empty() ? s.criterion : s.name;
    if (!s.flip_at) {
      m += fmt::format("- No weight of {} between 0 and 100 points changes the top option "
                       "(it weighs {} points now).\n",
                       name, words::Number(s.weight));
    } else if (std::abs(*s.flip_at - s.weight) < 1e-9) {
      m += fmt::format("- {} is at a tie point: at its current weight of {} points `{}` and `{}` "
                       "score the same, and a small change of that weight decides between them.\n",
                       name, words::Number(s.weight), top, s.new_top);
    } else {
      m += fmt::format("- The ranking holds unless {} weighs {} than {} points (it weighs {} "
                       "points now); beyond that, `{}` comes first.\n",
                       name, *s.flip_at > s.weight ? "more" : "less",
                       words::Number(*s.flip_at, 1), words::Number(s.weight), s.new_top);
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
        ws.push_back(fmt::format("{} {}", c.id, words::Number(w == it->second.end() ? 0 : w->second)));
      }
    }
    if (s.top_option.empty()) {
      m += fmt::format("- {} gives every criterion a weight of 0, so prefers no option.\n", who);
    } else {
      m += fmt::format("- {}, weighing {}, would choose `{}` (weighted score {}){}.\n", who,
                       words::JoinList(ws), s.top_option, Score(s.weighted_score),
                       s.top_option == rule.recommended ? ", in line with the recommendation"
                                                        : ", which differs from the recommendation");
    }
  }

  m += "\n## Decision rule applied\n\n";
  m += "The rule: " + (d.decision_rule.empty() ? std::string("none was written down, so the "
                                                             "highest weighted score decides")
                                               : d.decision_rule) +
       "\n\n";
  if (rule.p_on_time_floor) {
    if (rule.none_qualifies) {
      m += fmt::format("No option reaches a chance of finishing on time of {}; the rule then "
                       "leaves the choice to the steering committee, and the best-ranked option "
                       "`{}` is named below as the fallback.\n",
                       words::Percent(*rule.p_on_time_floor), rule.recommended);
    } else {
      std::vector<std::string> q;
      for (const auto& id : rule.qualifying) q.push_back("`" + id + "`");
      m += fmt::format("{} reach{} a chance of finishing on time of at least {}; of these, `{}` "
                       "has the highest weighted score.\n",
                       words::JoinList(q), q.size() == 1 ? "es" : "", words::Percent(*rule.p_on_time_floor),
                       rule.recommended);
    }
  } else {
    m += fmt::format("Applied to the ranking above, the rule selects `{}`.\n", rule.recommended);
  }

  m += "\n## Recommendation\n\n";
  for (const auto& s : a.ranking) {
    if (s.option != rule.recommended) continue;
    m += fmt::format("We recommend **{}** (`{}`), with a weighted score of {} out of 5", OptionName(d, s.option),
                     s.option, Score(s.weighted_score));
    if (s.metrics) {
      const auto& x = *s.metrics;
      m += fmt::format(": planned finish {}, P80 finish {}, {} chance of finishing on time, "
                       "total cost {}",
                       x.finish.ToString(), x.p80_finish ? x.p80_finish->ToString() : "unknown",
                       x.p_on_time ? words::Percent(*x.p_on_time) : "an unmeasured",
                       toolkit::Amount(x.cost, p.currency));
    }
    m += ".";
    if (rule.none_qualifies) m += " The steering committee must confirm it, as no option meets the rule.";
    m += "\n";
  }
  if (d.status == model::DecisionStatus::kDecided) {
    m += fmt::format("\nDecided: `{}` was chosen by {} on {}. Rationale: {}\n", d.chosen,
                     d.decided_by.empty() ? "an unnamed decider" : d.decided_by,
                     d.decided_on ? d.decided_on->ToString() : "an unrecorded date",
                     d.rationale.empty() ? "none recorded." : d.rationale);
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
    m += "No stakeholder is recorded as concerned by this decision; the sponsor" +
         (p.sponsor.empty() ? std::string("") : " " + p.sponsor) +
         " announces it to the program team.\n";
  } else {
    m += fmt::format("Once decided, the decision and its rationale go to {} concerned by it, "
                     "each by their usual channel:\n\n",
                     words::Count(static_cast<long>(told.size()), "stakeholder", "stakeholders"));
    for (const auto* e : told) {
      const auto& s = e->stakeholder;
      m += fmt::format("- {}{}: by {}, on {}{}.\n", s.name.empty() ? s.id : s.name,
                       s.role.empty() ? "" : " (" + s.role + ")",
                       s.channel.empty() ? "the channel agreed with them" : s.channel,
                       e->contact_on.ToString(),
                       s.overdue ? " (contact is overdue, so at once)" : " (the next planned contact)");
    }
    m += "\nThe program team hears it at the next team meeting, and the decision is recorded "
         "with `tpmkit decide " + d.id + " --choose` so that the audit trail keeps who decided "
         "and when.\n";
  }
  return m;
}

std::string DecisionJson(const DecisionReportInput& in, const std::optional<std::string>& memo) {
  const auto& d = *in.decision;
  const auto& a = in.analysis;
  auto date = [](const std::optional<Date>& x) { return x ? json(x->ToString()) : json(nullptr); };
  json criteria = json::array();
  for (const auto& c : d.criteria) {
    criteria.push_back({{"id", c.id}, {"name", c.name}, {"weight", c.weight},
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
    ranking.push_back({{"option", s.option}, {"name", s.name}, {"rank", s.rank},
                       {"weighted_score", s.weighted_score}, {"scores", scores},
                       {"metrics", metrics}});
  }
  json sensitivity = json::array();
  for (const auto& s : a.sensitivity) {
    sensitivity.push_back({{"criterion", s.criterion}, {"weight", s.weight},
                           {"flip_at", s.flip_at ? json(*s.flip_at) : json(nullptr)},
                           {"new_top", s.new_top.empty() ? json(nullptr) : json(s.new_top)}});
  }
  json stakeholders = json::array();
  for (const auto& s : a.stakeholders) {
    stakeholders.push_back({{"stakeholder", s.stakeholder},
                            {"name", s.name.empty() ? json(nullptr) : json(s.name)},
                            {"top_option", s.top_option.empty() ? json(nullptr) : json(s.top_option)},
                            {"weighted_score", s.top_option.empty() ? json(nullptr) : json(s.weighted_score)}});
  }
  RuleOutcome rule = ApplyDecisionRule(d, a);
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
              {"recommendation", rule.recommended},
              {"memo", memo ? json(*memo) : json(nullptr)}}
      .dump(2);
}

}  // namespace tpmkit::report
