#include "tpmkit/report/register_web_words.h"

#include <fmt/format.h>

#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace words = toolkit::wording;

namespace {

std::string DateOrDash(const std::optional<Date>& d) { return d ? d->ToString() : "-"; }

std::string Amount(const Money& m, const std::string& currency) {
  return toolkit::WholeAmount(m.ToDouble(), currency);
}

}  // namespace

std::vector<CriterionWords> CriterionRowsOf(const toolkit::ScorecardResult& card) {
  double rated_weight = 0;
  for (const auto& r : card.rows) {
    if (r.rating) rated_weight += r.weight;
  }
  std::vector<CriterionWords> out;
  for (const auto& r : card.rows) {
    CriterionWords w{r.id, r.name.empty() ? r.id : r.name, words::Number(r.weight), "-", "-", "-"};
    if (r.rating) {
      w.rating = std::to_string(*r.rating);
      if (rated_weight > 0) {
        w.weighted = words::Number(100 * r.weight * (*r.rating - 1) / (4 * rated_weight), 1);
      }
      w.band = std::string(toolkit::BandName(toolkit::BandOf(100.0 * (*r.rating - 1) / 4)));
    }
    out.push_back(std::move(w));
  }
  return out;
}

std::string ScoreWords(const std::optional<double>& score,
                       const std::optional<toolkit::Band>& band) {
  if (!score) return "not scored";
  return fmt::format("{} of 100 ({})", words::Number(*score, 1),
                     band ? toolkit::BandName(*band) : "no band");
}

std::string SuggestionWords(const toolkit::Suggestion& s) {
  if (!s.rating) return "No suggestion: " + s.reason;
  return fmt::format("Suggested: {}. {}", *s.rating, s.reason);
}

std::string OverdueWords(const toolkit::StakeholderMatrix& matrix) {
  return toolkit::wording::Count(matrix.overdue, "stakeholder is", "stakeholders are");
}

std::vector<StakeholderWords> StakeholderRowsOf(const toolkit::StakeholderMatrix& matrix) {
  std::vector<StakeholderWords> out;
  for (const auto& s : matrix.stakeholders) {
    StakeholderWords w;
    w.id = s.id;
    w.name = s.name.empty() ? s.id : s.name;
    w.role = s.role.empty() ? "-" : s.role;
    w.quadrant = std::string(toolkit::QuadrantTitle(s.quadrant));
    w.stance = std::string(model::Name(s.stance));
    w.channel = s.channel.empty() ? "-" : s.channel;
    w.influence = std::to_string(s.influence);
    w.impact = std::to_string(s.impact);
    w.priority = std::to_string(s.priority);
    w.cadence = fmt::format("every {}{}", words::Count(s.cadence_days, "day", "days"),
                            s.default_cadence ? " (the quadrant's default)" : "");
    w.last_contact = s.last_contact ? s.last_contact->ToString() : "never";
    w.next_contact = !s.next_contact ? std::string("now (never contacted)")
                     : s.overdue     ? s.next_contact->ToString() + " (overdue)"
                                     : s.next_contact->ToString();
    w.overdue = s.overdue;
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<DecisionRowWords> DecisionRowsOf(const model::Program& program) {
  std::vector<DecisionRowWords> out;
  for (const auto& d : program.decisions) {
    out.push_back({d.id, d.question, std::string(model::Name(d.status)),
                   d.chosen.empty() ? "-" : d.chosen,
                   words::Count(static_cast<long>(d.options.size()), "option", "options")});
  }
  return out;
}

std::vector<OptionWords> OptionRowsOf(const model::Program& program,
                                      const model::Decision& decision,
                                      const toolkit::DecisionAnalysis& analysis) {
  std::vector<OptionWords> out;
  for (const auto& s : analysis.ranking) {
    OptionWords w;
    w.rank = std::to_string(s.rank);
    w.option = s.option;
    w.name = s.name;
    w.top = s.rank == 1;
    for (const auto& c : decision.criteria) {
      auto it = s.scores.find(c.id);
      w.scores.push_back(it == s.scores.end() ? "-" : words::Number(it->second, 2));
    }
    w.weighted = words::Number(s.weighted_score, 2);
    if (s.metrics) {
      w.cost = Amount(s.metrics->cost, program.currency);
      w.finish = s.metrics->finish.ToString();
      w.p80_finish = DateOrDash(s.metrics->p80_finish);
      w.p_on_time = s.metrics->p_on_time ? words::Percent(*s.metrics->p_on_time) : "-";
    } else {
      w.cost = w.finish = w.p80_finish = w.p_on_time = "-";
    }
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<std::string> CriterionHeadings(const model::Decision& decision) {
  std::vector<std::string> out;
  for (const auto& c : decision.criteria) {
    out.push_back(fmt::format("{} ({})", c.id, words::Number(c.weight)));
  }
  return out;
}

std::vector<std::string> SensitivityLines(const toolkit::DecisionAnalysis& analysis) {
  std::vector<std::string> out;
  for (const auto& s : analysis.sensitivity) {
    if (s.flip_at) {
      out.push_back(fmt::format("{}: weight {} now; at {} {} takes the top.", s.criterion,
                                words::Number(s.weight), words::Number(*s.flip_at, 1), s.new_top));
    } else {
      out.push_back(fmt::format("{}: weight {} now; no weight from 0 to 100 changes the top.",
                                s.criterion, words::Number(s.weight)));
    }
  }
  return out;
}

std::vector<std::string> PreferenceLines(const toolkit::DecisionAnalysis& analysis) {
  std::vector<std::string> out;
  for (const auto& p : analysis.stakeholders) {
    const std::string who =
        p.name.empty() ? p.stakeholder : fmt::format("{} ({})", p.name, p.stakeholder);
    if (p.top_option.empty()) {
      out.push_back(who + " gives every criterion a weight of 0: no preference.");
    } else {
      out.push_back(fmt::format("{} would rank {} first ({}).", who, p.top_option,
                                words::Number(p.weighted_score, 2)));
    }
  }
  return out;
}

std::string RecommendationLine(const toolkit::RuleOutcome& rule) {
  if (rule.recommended.empty()) return "";
  return fmt::format("Recommended by the decision rule: {}{}.", rule.recommended,
                     rule.none_qualifies ? " (no option meets the rule: top of the ranking)"
                     : rule.reading == toolkit::RuleReading::kUnreadable
                         ? " (the rule could not be read: top of the ranking)"
                         : "");
}

std::vector<ChangeRowWords> ChangeRowsOf(const model::Program& program) {
  std::vector<ChangeRowWords> out;
  for (const auto& c : program.changes) {
    ChangeRowWords w;
    w.id = c.id;
    w.title = c.title;
    w.requested_by = c.requested_by.empty() ? "-" : c.requested_by;
    w.requested_on = DateOrDash(c.requested_on);
    w.status = std::string(model::Name(c.status));
    w.proposed = c.status == model::ChangeStatus::kProposed;
    w.schedule =
        c.impact && c.impact->schedule
            ? words::Count(static_cast<long>(*c.impact->schedule), "working day", "working days")
            : "-";
    w.cost = c.impact && c.impact->cost ? Amount(*c.impact->cost, program.currency) : "-";
    w.decided = "-";
    if (!c.approvals.empty()) {
      const auto& a = c.approvals.back();
      w.decided = fmt::format("{} by {} on {}", model::Name(a.decision), a.by, a.on.ToString());
    }
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<ComparisonWords> ChangeComparisonOf(const model::Program& program,
                                                const toolkit::ChangeAssessment& a) {
  auto pct = [](const std::optional<double>& v) { return v ? words::Percent(*v) : "-"; };
  return {
      {"Planned finish", a.before.finish.ToString(), a.after.finish.ToString()},
      {"P80 finish", DateOrDash(a.before.p80_finish), DateOrDash(a.after.p80_finish)},
      {"Chance on time", pct(a.before.p_on_time), pct(a.after.p_on_time)},
      {"Forecast final cost", Amount(a.before.cost, program.currency),
       Amount(a.after.cost, program.currency)},
  };
}

std::string RecommendationWords(toolkit::ChangeRecommendation recommendation) {
  return recommendation == toolkit::ChangeRecommendation::kApprove ? "Approve" : "Say no";
}

}  // namespace tpmkit::report
