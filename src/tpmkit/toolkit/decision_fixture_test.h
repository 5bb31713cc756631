// For tests of decision rules and of their words: a decision of three options with
// hand-set metrics. `fast` ranks first but has little chance of making the target;
// `safe` makes it; `cheap` is the cheapest and ranks last. Header-only, tests only.
#pragma once

#include <string>

#include "tpmkit/model/program.h"
#include "tpmkit/toolkit/decisions.h"

namespace tpmkit::testing {

struct DecisionFixture {
  static Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

  model::Program program;
  model::Decision decision;
  toolkit::DecisionAnalysis analysis;

  DecisionFixture() {
    program.id = "demo";
    program.name = "Demo Program";
    program.start = D(2026, 1, 5);
    program.target = D(2026, 9, 30);
    program.budget = Money::FromDouble(1'000'000);
    program.targets = model::Targets{};
    program.targets->p_on_time = 0.8;
    decision.id = "D-1";
    decision.question = "Which way do we go";
    decision.criteria = {{"cost", "Program cost", 50, model::Measure::kCost},
                         {"risk", "Delivery risk", 50, std::nullopt}};
    decision.options = {{"fast", "Go fast", {{"risk", 4}}, std::nullopt},
                        {"safe", "Play safe", {{"risk", 3}}, std::nullopt},
                        {"cheap", "Spend less", {{"risk", 1}}, std::nullopt}};
    analysis.id = "D-1";
    Add("fast", 4.5, 900'000, D(2026, 9, 20), D(2026, 10, 10), 0.3, D(2026, 9, 30));
    Add("safe", 3.5, 1'100'000, D(2026, 9, 1), D(2026, 9, 25), 0.85, D(2026, 9, 30));
    Add("cheap", 2.0, 700'000, D(2026, 10, 1), D(2026, 10, 20), 0.9, D(2026, 11, 30));
  }

  void Add(const std::string& id, double score, double cost, Date finish, Date p80, double p,
           Date target) {
    toolkit::ScoredOption s;
    s.option = id;
    s.weighted_score = score;
    s.scores = {{"cost", score}, {"risk", score}};
    s.metrics = toolkit::OptionMetrics{Money::FromDouble(cost), finish, p80, p, target};
    s.rank = static_cast<int>(analysis.ranking.size()) + 1;
    analysis.ranking.push_back(s);
  }
};

}  // namespace tpmkit::testing
