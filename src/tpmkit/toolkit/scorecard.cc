#include "tpmkit/toolkit/scorecard.h"

#include <fmt/format.h>

#include <algorithm>

#include "tpmkit/toolkit/audit_readiness.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/stakeholders.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::toolkit {

namespace {

constexpr SuggestionRule kRules[] = {
    {"schedule",
     "p_on_time, the forecast probability of finishing on or before the target (0..1)",
     {"p_on_time >= 0.9", "0.75 <= p_on_time < 0.9", "0.5 <= p_on_time < 0.75",
      "0.25 <= p_on_time < 0.5", "p_on_time < 0.25"}},
    {"budget",
     "CPI, the cost performance index (earned value / actual cost)",
     {"CPI >= 1", "0.95 <= CPI < 1", "0.9 <= CPI < 0.95", "0.8 <= CPI < 0.9", "CPI < 0.8"}},
    {"stakeholder_alignment",
     "share, the influence of resistant key stakeholders / the influence of all key "
     "stakeholders (key: influence >= 4)",
     {"share = 0", "0 < share <= 0.25", "0.25 < share <= 0.5", "0.5 < share <= 0.75",
      "share > 0.75"}},
    {"vendor",
     "count, the external dependencies not delivered that are at_risk, late or expected "
     "after needed_by, plus the open or mitigating vendor risks",
     {"count = 0", "count = 1", "count = 2", "count = 3", "count >= 4"}},
    {"regulatory",
     "readiness, the audit readiness in percent",
     {"readiness >= 90", "75 <= readiness < 90", "50 <= readiness < 75", "25 <= readiness < 50",
      "readiness < 25"}},
    {"technical_feasibility",
     "count and max score (1..25) of the open or mitigating technical_feasibility risks",
     {"count = 0", "count = 1 and max score <= 4", "count <= 2 and max score <= 9",
      "count <= 3 and max score <= 15", "count >= 4 or max score >= 16"}},
};

const SuggestionRule* RuleFor(std::string_view criterion) {
  for (const auto& r : kRules) {
    if (r.criterion == criterion) return &r;
  }
  return nullptr;
}

// ", which rates N (condition)." for the criterion's rule.
std::string Rates(std::string_view criterion, int rating) {
  const SuggestionRule* rule = RuleFor(criterion);
  return fmt::format(", which rates {} ({}).", rating, rule->conditions[rating - 1]);
}

Suggestion SuggestSchedule(const model::Program& program, const SuggestInputs& in) {
  Suggestion s{"schedule", std::nullopt, ""};
  if (!in.p_on_time) {
    s.reason =
        "No forecast probability of finishing on time was given (it needs a target date "
        "and a forecast), so schedule is not rated.";
    return s;
  }
  s.rating = ScheduleRating(*in.p_on_time);
  const std::string target =
      program.target ? fmt::format("the target date {}", program.target->ToString()) : "the target";
  s.reason = fmt::format("The forecast gives a {}% chance of finishing on or before {}",
                         wording::Number(*in.p_on_time * 100.0, 2), target) +
             Rates("schedule", *s.rating);
  return s;
}

Suggestion SuggestBudget(const model::Program& program, const SuggestInputs& in) {
  Suggestion s{"budget", std::nullopt, ""};
  if (!in.cpi) {
    s.reason =
        "No cost performance index was given (it needs earned value and actual costs), "
        "so budget is not rated.";
    return s;
  }
  s.rating = BudgetRating(*in.cpi);
  s.reason = fmt::format(
                 "The cost performance index is {}: each 1 {} spent has earned {} {} "
                 "of planned work",
                 wording::Number(*in.cpi, 4), program.currency, wording::Number(*in.cpi, 4),
                 program.currency) +
             Rates("budget", *s.rating);
  return s;
}

Suggestion SuggestAlignment(const model::Program& program) {
  Suggestion s{"stakeholder_alignment", std::nullopt, ""};
  int key = 0;
  int resistant = 0;
  long key_influence = 0;
  long resistant_influence = 0;
  for (const auto& st : program.stakeholders) {
    if (st.influence < kKeyInfluence) continue;
    ++key;
    key_influence += st.influence;
    if (st.stance == model::Stance::kResistant) {
      ++resistant;
      resistant_influence += st.influence;
    }
  }
  if (key == 0) {
    s.reason = fmt::format(
        "No stakeholder has influence {} or more, so there is no key "
        "stakeholder to judge alignment by.",
        kKeyInfluence);
    return s;
  }
  const double share = static_cast<double>(resistant_influence) / key_influence;
  s.rating = AlignmentRating(share);
  s.reason = fmt::format(
                 "{} of {} key stakeholders (influence {} or more) {} resistant, holding "
                 "{} of {} influence points, a share of {}",
                 resistant, key, kKeyInfluence, resistant == 1 ? "is" : "are", resistant_influence,
                 key_influence, wording::Number(share, 4)) +
             Rates("stakeholder_alignment", *s.rating);
  return s;
}

Suggestion SuggestVendor(const model::Program& program) {
  Suggestion s{"vendor", std::nullopt, ""};
  std::vector<std::string> deps;
  for (const auto& d : program.dependencies) {
    if (d.status == model::DependencyStatus::kDelivered) continue;
    const bool off = d.status == model::DependencyStatus::kAtRisk ||
                     d.status == model::DependencyStatus::kLate ||
                     (d.expected && d.needed_by && *d.expected > *d.needed_by);
    if (off) deps.push_back(d.id);
  }
  std::vector<std::string> risks;
  for (const auto& r : program.risks) {
    if (r.category == "vendor" && IsActive(r)) risks.push_back(r.id);
  }
  const int count = static_cast<int>(deps.size() + risks.size());
  s.rating = VendorRating(count);
  if (count == 0) {
    s.reason = "No external dependency is off track and no vendor risk is open or mitigating" +
               Rates("vendor", *s.rating);
    return s;
  }
  std::vector<std::string> parts;
  if (!deps.empty()) {
    parts.push_back(fmt::format("{} {} not on track ({})",
                                wording::Count(static_cast<long>(deps.size()),
                                               "external dependency", "external dependencies"),
                                deps.size() == 1 ? "is" : "are", wording::JoinList(deps)));
  }
  if (!risks.empty()) {
    parts.push_back(
        fmt::format("{} {} open or mitigating ({})",
                    wording::Count(static_cast<long>(risks.size()), "vendor risk", "vendor risks"),
                    risks.size() == 1 ? "is" : "are", wording::JoinList(risks)));
  }
  std::string total = parts.size() > 1 ? fmt::format(", {} in all", count) : "";
  s.reason = wording::JoinList(parts) + total + Rates("vendor", *s.rating);
  return s;
}

Suggestion SuggestRegulatory(const model::Program& program) {
  Suggestion s{"regulatory", std::nullopt, ""};
  // Readiness does not depend on the date or on evidence files.
  const auto audit = ComputeAuditReadiness(program, AuditInputs{program.start, {}, {}, {}});
  if (!audit.readiness) {
    s.reason =
        "No audit item is applicable, so audit readiness is undefined and regulatory is "
        "not rated.";
    return s;
  }
  s.rating = RegulatoryRating(*audit.readiness);
  s.reason = fmt::format("{} of {} applicable audit items are done, a readiness of {}%", audit.done,
                         audit.applicable, wording::Number(*audit.readiness, 2)) +
             Rates("regulatory", *s.rating);
  return s;
}

Suggestion SuggestTechnical(const model::Program& program) {
  Suggestion s{"technical_feasibility", std::nullopt, ""};
  std::vector<std::string> ids;
  int max_score = 0;
  for (const auto& r : program.risks) {
    if (r.category != "technical_feasibility" || !IsActive(r)) continue;
    ids.push_back(r.id);
    max_score = std::max(max_score, RiskScore(r));
  }
  const int count = static_cast<int>(ids.size());
  s.rating = TechnicalRating(count, max_score);
  if (count == 0) {
    s.reason = "No technical feasibility risk is open or mitigating" +
               Rates("technical_feasibility", *s.rating);
    return s;
  }
  s.reason = fmt::format(
                 "{} {} open or mitigating ({}), the highest scoring {} of 25",
                 wording::Count(count, "technical feasibility risk", "technical feasibility risks"),
                 count == 1 ? "is" : "are", wording::JoinList(ids), max_score) +
             Rates("technical_feasibility", *s.rating);
  return s;
}

}  // namespace

std::string_view BandName(Band b) {
  switch (b) {
    case Band::kLow:
      return "low";
    case Band::kModerate:
      return "moderate";
    case Band::kHigh:
      return "high";
    case Band::kCritical:
      return "critical";
  }
  return "";
}

Band BandOf(double score) {
  if (score < 25) return Band::kLow;
  if (score < 50) return Band::kModerate;
  if (score < 75) return Band::kHigh;
  return Band::kCritical;
}

std::optional<double> ScoreRatings(const std::vector<model::Criterion>& criteria,
                                   const std::map<std::string, int>& ratings) {
  double weighted = 0;
  double weights = 0;
  for (const auto& c : criteria) {
    auto it = ratings.find(c.id);
    if (it == ratings.end()) continue;
    weighted += c.weight * (it->second - 1);
    weights += c.weight;
  }
  if (weights <= 0) return std::nullopt;
  return 100.0 * weighted / (4.0 * weights);
}

ScorecardResult ComputeScorecard(const model::Program& program) {
  ScorecardResult out;
  out.criteria = program.EffectiveCriteria();
  std::vector<const model::Assessment*> sorted;
  if (program.scorecard) {
    for (const auto& a : program.scorecard->assessments) sorted.push_back(&a);
  }
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [](const model::Assessment* a, const model::Assessment* b) { return a->date < b->date; });
  for (const auto* a : sorted) {
    TrendPoint p{a->date, a->by, ScoreRatings(out.criteria, a->ratings), std::nullopt};
    if (p.score) p.band = BandOf(*p.score);
    out.trend.push_back(std::move(p));
  }
  const model::Assessment* latest = sorted.empty() ? nullptr : sorted.back();
  for (const auto& c : out.criteria) {
    CriterionRating row{c.id, c.name, c.weight, std::nullopt};
    if (latest) {
      if (auto it = latest->ratings.find(c.id); it != latest->ratings.end())
        row.rating = it->second;
    }
    out.rows.push_back(std::move(row));
  }
  if (latest) {
    out.date = latest->date;
    out.by = latest->by;
    out.notes = latest->notes;
    out.ratings = latest->ratings;
    out.score = out.trend.back().score;
    out.band = out.trend.back().band;
  }
  return out;
}

SuggestedRatings SuggestRatings(const model::Program& program, const SuggestInputs& inputs) {
  SuggestedRatings out;
  const auto criteria = program.EffectiveCriteria();
  for (const auto& c : criteria) {
    Suggestion s;
    if (c.id == "schedule") {
      s = SuggestSchedule(program, inputs);
    } else if (c.id == "budget") {
      s = SuggestBudget(program, inputs);
    } else if (c.id == "stakeholder_alignment") {
      s = SuggestAlignment(program);
    } else if (c.id == "vendor") {
      s = SuggestVendor(program);
    } else if (c.id == "regulatory") {
      s = SuggestRegulatory(program);
    } else if (c.id == "technical_feasibility") {
      s = SuggestTechnical(program);
    } else {
      s = {c.id, std::nullopt,
           fmt::format("tpmkit has no data rule for the criterion {}, so rate it by hand.", c.id)};
    }
    if (s.rating) out.ratings[c.id] = *s.rating;
    out.items.push_back(std::move(s));
  }
  out.score = ScoreRatings(criteria, out.ratings);
  if (out.score) out.band = BandOf(*out.score);
  return out;
}

std::span<const SuggestionRule> SuggestionRules() { return kRules; }

std::vector<std::string> SuggestionHelpLines() {
  std::vector<std::string> lines;
  lines.push_back(
      "Suggested ratings (1 = no concern .. 5 = severe); the first condition that "
      "holds gives the rating:");
  for (const auto& r : kRules) {
    lines.push_back(fmt::format("  {}: from {}", r.criterion, r.measure));
    for (int i = 0; i < 5; ++i) lines.push_back(fmt::format("    {}: {}", i + 1, r.conditions[i]));
  }
  lines.push_back(
      "A criterion whose data is missing gets no suggestion, and its reason says "
      "what is missing.");
  return lines;
}

int ScheduleRating(double p) {
  if (p >= 0.9) return 1;
  if (p >= 0.75) return 2;
  if (p >= 0.5) return 3;
  if (p >= 0.25) return 4;
  return 5;
}

int BudgetRating(double cpi) {
  if (cpi >= 1) return 1;
  if (cpi >= 0.95) return 2;
  if (cpi >= 0.9) return 3;
  if (cpi >= 0.8) return 4;
  return 5;
}

int AlignmentRating(double share) {
  if (share <= 0) return 1;
  if (share <= 0.25) return 2;
  if (share <= 0.5) return 3;
  if (share <= 0.75) return 4;
  return 5;
}

int VendorRating(int count) { return std::clamp(count + 1, 1, 5); }

int RegulatoryRating(double readiness) {
  if (readiness >= 90) return 1;
  if (readiness >= 75) return 2;
  if (readiness >= 50) return 3;
  if (readiness >= 25) return 4;
  return 5;
}

int TechnicalRating(int count, int max_score) {
  if (count <= 0) return 1;
  if (count <= 1 && max_score <= 4) return 2;
  if (count <= 2 && max_score <= 9) return 3;
  if (count <= 3 && max_score <= 15) return 4;
  return 5;
}

}  // namespace tpmkit::toolkit
