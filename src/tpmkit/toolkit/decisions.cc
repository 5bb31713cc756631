#include "tpmkit/toolkit/decisions.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace tpmkit::toolkit {

namespace {

// Ranks by weighted score descending, ties (within kScoreTieTolerance) by id.
bool Ahead(double score_a, const std::string& id_a, double score_b, const std::string& id_b) {
  if (std::abs(score_a - score_b) > kScoreTieTolerance) return score_a > score_b;
  return id_a < id_b;
}

struct Table {
  // scores[o][c]: option o's score on criterion c, nullopt when it has none.
  std::vector<std::vector<std::optional<double>>> scores;
};

double Weighted(const std::vector<std::optional<double>>& scores,
                const std::vector<double>& weights) {
  double sum = 0, weight = 0;
  for (size_t c = 0; c < scores.size(); ++c) {
    if (!scores[c]) continue;
    sum += weights[c] * *scores[c];
    weight += weights[c];
  }
  return weight > 0 ? sum / weight : 0;
}

// Index of the top option under `weights`.
size_t TopOption(const model::Decision& d, const Table& t, const std::vector<double>& weights) {
  size_t best = 0;
  double best_score = Weighted(t.scores[0], weights);
  for (size_t o = 1; o < d.options.size(); ++o) {
    double s = Weighted(t.scores[o], weights);
    if (Ahead(s, d.options[o].id, best_score, d.options[best].id)) {
      best = o;
      best_score = s;
    }
  }
  return best;
}

}  // namespace

std::optional<double> MetricValue(const OptionMetrics& m, model::Measure measure) {
  switch (measure) {
    case model::Measure::kCost:
      return m.cost.ToDouble();
    case model::Measure::kFinish:
      return static_cast<double>(m.finish.days());
    case model::Measure::kP80Finish:
      if (!m.p80_finish) return std::nullopt;
      return static_cast<double>(m.p80_finish->days());
    case model::Measure::kPOnTime:
      return m.p_on_time;
  }
  return std::nullopt;
}

bool LowerIsBetter(model::Measure measure) { return measure != model::Measure::kPOnTime; }

std::vector<double> MapMeasuredScores(const std::vector<std::optional<double>>& values,
                                      bool lower_is_better) {
  std::optional<double> lo, hi;
  for (const auto& v : values) {
    if (!v) continue;
    lo = lo ? std::min(*lo, *v) : *v;
    hi = hi ? std::max(*hi, *v) : *v;
  }
  std::vector<double> out;
  out.reserve(values.size());
  for (const auto& v : values) {
    if (!v) {
      out.push_back(1);
    } else if (*hi == *lo) {
      out.push_back(5);
    } else if (lower_is_better) {
      out.push_back(1 + 4 * (*hi - *v) / (*hi - *lo));
    } else {
      out.push_back(1 + 4 * (*v - *lo) / (*hi - *lo));
    }
  }
  return out;
}

double ScoreLine::At(double w) const {
  double weight = base_weight + (has_score ? w : 0);
  return weight > 0 ? (base_sum + w * (has_score ? score : 0)) / weight : 0;
}

std::optional<double> CrossingNearest(const ScoreLine& top, const ScoreLine& challenger,
                                      double current, double lo, double hi) {
  // S_c(w) - S_t(w) has the sign of P(w) = (A_c + w a_c)(B_t + w b_t) - (A_t + w a_t)(B_c + w b_c)
  // wherever both denominators are positive.
  const double ac = challenger.has_score ? challenger.score : 0;
  const double bc = challenger.has_score ? 1 : 0;
  const double at = top.has_score ? top.score : 0;
  const double bt = top.has_score ? 1 : 0;
  const double Ac = challenger.base_sum, Bc = challenger.base_weight;
  const double At = top.base_sum, Bt = top.base_weight;
  const double q2 = ac * bt - at * bc;
  const double q1 = Ac * bt + ac * Bt - At * bc - at * Bc;
  const double q0 = Ac * Bt - At * Bc;
  const double scale = std::max({std::abs(q2), std::abs(q1), std::abs(q0), 1.0});
  const double eps = 1e-12 * scale;

  std::vector<std::pair<double, double>> roots;  // (root, P'(root))
  if (std::abs(q2) <= eps) {
    if (std::abs(q1) <= eps) return std::nullopt;  // no crossing: parallel or identical
    roots.push_back({-q0 / q1, q1});
  } else {
    double disc = q1 * q1 - 4 * q2 * q0;
    if (disc <= eps * scale) return std::nullopt;  // no real root, or a touch (double root)
    double sq = std::sqrt(disc);
    // The numerically stable pair of roots.
    double q = -0.5 * (q1 + (q1 >= 0 ? sq : -sq));
    double r1 = q / q2;
    double r2 = q0 / q;
    for (double r : {r1, r2}) roots.push_back({r, 2 * q2 * r + q1});
  }

  std::optional<double> best;
  for (auto [r, slope] : roots) {
    if (std::abs(r - lo) <= 1e-9) r = lo;
    if (std::abs(r - hi) <= 1e-9) r = hi;
    if (r < lo || r > hi) continue;
    if (challenger.base_weight + bc * r <= 0 || top.base_weight + bt * r <= 0) continue;
    // The challenger must be ahead beyond the root, moving away from the current weight.
    bool ahead_beyond = std::abs(r - current) <= 1e-12 || (r > current ? slope > 0 : slope < 0);
    if (!ahead_beyond) continue;
    double dist = std::abs(r - current);
    if (!best || dist < std::abs(*best - current) - 1e-12 ||
        (std::abs(dist - std::abs(*best - current)) <= 1e-12 && r < *best)) {
      best = r;
    }
  }
  return best;
}

Result<DecisionAnalysis> AnalyzeDecision(const model::Program& program,
                                         const model::Decision& decision,
                                         const std::map<std::string, OptionMetrics>& metrics) {
  const auto& d = decision;
  if (d.options.empty()) {
    return Error::Invalid("decision " + d.id + " has no options to compare");
  }
  const size_t nc = d.criteria.size(), no = d.options.size();
  Table table;
  table.scores.assign(no, std::vector<std::optional<double>>(nc));
  for (size_t c = 0; c < nc; ++c) {
    const auto& crit = d.criteria[c];
    if (crit.measure) {
      std::vector<std::optional<double>> values;
      for (const auto& o : d.options) {
        auto it = metrics.find(o.id);
        if (it == metrics.end()) {
          return Error::Invalid("decision " + d.id + ": option " + o.id +
                                " has no simulated metrics for criterion " + crit.id);
        }
        values.push_back(MetricValue(it->second, *crit.measure));
      }
      auto mapped = MapMeasuredScores(values, LowerIsBetter(*crit.measure));
      for (size_t o = 0; o < no; ++o) table.scores[o][c] = mapped[o];
    } else {
      for (size_t o = 0; o < no; ++o) {
        if (auto it = d.options[o].scores.find(crit.id); it != d.options[o].scores.end()) {
          table.scores[o][c] = it->second;
        }
      }
    }
  }

  std::vector<double> weights;
  for (const auto& c : d.criteria) weights.push_back(c.weight);

  DecisionAnalysis out;
  out.id = d.id;
  for (size_t o = 0; o < no; ++o) {
    ScoredOption s;
    s.option = d.options[o].id;
    s.name = d.options[o].name;
    s.weighted_score = Weighted(table.scores[o], weights);
    for (size_t c = 0; c < nc; ++c) {
      if (table.scores[o][c]) s.scores[d.criteria[c].id] = *table.scores[o][c];
    }
    if (auto it = metrics.find(s.option); it != metrics.end()) s.metrics = it->second;
    out.ranking.push_back(std::move(s));
  }
  std::sort(out.ranking.begin(), out.ranking.end(), [](const auto& a, const auto& b) {
    return Ahead(a.weighted_score, a.option, b.weighted_score, b.option);
  });
  for (size_t i = 0; i < out.ranking.size(); ++i) out.ranking[i].rank = static_cast<int>(i + 1);

  const size_t top = TopOption(d, table, weights);
  for (size_t c = 0; c < nc; ++c) {
    CriterionSensitivity cs;
    cs.criterion = d.criteria[c].id;
    cs.name = d.criteria[c].name;
    cs.weight = weights[c];
    auto line = [&](size_t o) {
      ScoreLine l;
      for (size_t i = 0; i < nc; ++i) {
        if (i == c || !table.scores[o][i]) continue;
        l.base_sum += weights[i] * *table.scores[o][i];
        l.base_weight += weights[i];
      }
      l.has_score = table.scores[o][c].has_value();
      l.score = table.scores[o][c].value_or(0);
      return l;
    };
    ScoreLine top_line = line(top);
    for (size_t o = 0; o < no; ++o) {
      if (o == top) continue;
      auto r = CrossingNearest(top_line, line(o), cs.weight);
      if (!r) continue;
      double dist = std::abs(*r - cs.weight);
      double best_dist = cs.flip_at ? std::abs(*cs.flip_at - cs.weight) : 0;
      if (!cs.flip_at || dist < best_dist - 1e-12 ||
          (std::abs(dist - best_dist) <= 1e-12 &&
           (*r < *cs.flip_at || (*r == *cs.flip_at && d.options[o].id < cs.new_top)))) {
        cs.flip_at = *r;
        cs.new_top = d.options[o].id;
      }
    }
    out.sensitivity.push_back(std::move(cs));
  }

  for (const auto& [key, own] : d.stakeholder_weights) {
    StakeholderPreference pref;
    pref.stakeholder = key;
    for (const auto& s : program.stakeholders) {
      if (s.id == key) pref.name = s.name;
    }
    std::vector<double> sw(nc, 0);
    double total = 0;
    for (size_t c = 0; c < nc; ++c) {
      if (auto it = own.find(d.criteria[c].id); it != own.end()) sw[c] = it->second;
      total += sw[c];
    }
    if (total > 0) {
      size_t t = TopOption(d, table, sw);
      pref.top_option = d.options[t].id;
      pref.weighted_score = Weighted(table.scores[t], sw);
    }
    out.stakeholders.push_back(std::move(pref));
  }
  return out;
}

}  // namespace tpmkit::toolkit
