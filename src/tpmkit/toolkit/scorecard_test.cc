#include "tpmkit/toolkit/scorecard.h"

#include <gtest/gtest.h>

namespace tpmkit::toolkit {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

model::Assessment Assess(Date date, std::map<std::string, int> ratings, std::string by = "") {
  model::Assessment a;
  a.date = date;
  a.by = std::move(by);
  a.ratings = std::move(ratings);
  return a;
}

TEST(ScoreRatingsTest, DefaultCriteriaExampleOfTheSpec) {
  // Weights 25, 20, 15, 15, 10, 15 (sum 100). sum w*(r-1) = 25*1 + 20*2 + 15*1 + 15*3 +
  // 10*0 + 15*4 = 185; score = 100 * 185 / (4 * 100) = 46.25.
  const auto s = ScoreRatings(model::DefaultCriteria(), {{"stakeholder_alignment", 2},
                                                         {"technical_feasibility", 3},
                                                         {"budget", 2},
                                                         {"schedule", 4},
                                                         {"regulatory", 1},
                                                         {"vendor", 5}});
  ASSERT_TRUE(s.has_value());
  EXPECT_DOUBLE_EQ(*s, 46.25);
  EXPECT_EQ(BandOf(*s), Band::kModerate);
}

TEST(ScoreRatingsTest, OnlyRatedCriteriaCount) {
  // schedule 5 and budget 1 only: (15*4 + 15*0) / (4 * 30) = 0.5 -> 50.
  EXPECT_DOUBLE_EQ(*ScoreRatings(model::DefaultCriteria(), {{"schedule", 5}, {"budget", 1}}), 50);
  // A rating for an unknown criterion is ignored; nothing rated -> null.
  EXPECT_FALSE(ScoreRatings(model::DefaultCriteria(), {{"unknown", 5}}).has_value());
  EXPECT_FALSE(ScoreRatings(model::DefaultCriteria(), {}).has_value());
  // All ones -> 0; all fives -> 100.
  std::map<std::string, int> ones, fives;
  for (const auto& c : model::DefaultCriteria()) {
    ones[c.id] = 1;
    fives[c.id] = 5;
  }
  EXPECT_DOUBLE_EQ(*ScoreRatings(model::DefaultCriteria(), ones), 0);
  EXPECT_DOUBLE_EQ(*ScoreRatings(model::DefaultCriteria(), fives), 100);
}

TEST(ScoreRatingsTest, CustomWeightsNeedNotSumTo100) {
  std::vector<model::Criterion> c = {{"a", "A", 1}, {"b", "B", 3}};
  // (1*(3-1) + 3*(4-1)) / (4 * 4) = 11/16 = 0.6875 -> 68.75.
  EXPECT_DOUBLE_EQ(*ScoreRatings(c, {{"a", 3}, {"b", 4}}), 68.75);
}

TEST(BandTest, Boundaries) {
  EXPECT_EQ(BandOf(0), Band::kLow);
  EXPECT_EQ(BandOf(24.999), Band::kLow);
  EXPECT_EQ(BandOf(25), Band::kModerate);
  EXPECT_EQ(BandOf(49.999), Band::kModerate);
  EXPECT_EQ(BandOf(50), Band::kHigh);
  EXPECT_EQ(BandOf(74.999), Band::kHigh);
  EXPECT_EQ(BandOf(75), Band::kCritical);
  EXPECT_EQ(BandOf(100), Band::kCritical);
  EXPECT_EQ(BandName(Band::kModerate), "moderate");
}

TEST(ScorecardTest, LatestByDateTiesByFileOrderAndTrendSorted) {
  model::Program p;
  p.scorecard = model::Scorecard{};
  auto& a = p.scorecard->assessments;
  a.push_back(Assess(D(2026, 6, 1), {{"schedule", 5}}, "first of June 1"));   // 100
  a.push_back(Assess(D(2026, 3, 1), {{"schedule", 1}}, "March"));             // 0
  a.push_back(Assess(D(2026, 6, 1), {{"schedule", 3}}, "second of June 1"));  // 50
  a.push_back(Assess(D(2026, 4, 1), {{"schedule", 2}}, "April"));             // 25
  const auto r = ComputeScorecard(p);
  ASSERT_TRUE(r.date.has_value());
  EXPECT_EQ(*r.date, D(2026, 6, 1));
  EXPECT_EQ(r.by, "second of June 1");
  EXPECT_DOUBLE_EQ(*r.score, 50);
  EXPECT_EQ(r.band, Band::kHigh);
  ASSERT_EQ(r.trend.size(), 4u);
  EXPECT_EQ(r.trend[0].by, "March");
  EXPECT_EQ(r.trend[1].by, "April");
  EXPECT_DOUBLE_EQ(*r.trend[1].score, 25);
  EXPECT_EQ(r.trend[2].by, "first of June 1");
  EXPECT_EQ(r.trend[3].by, "second of June 1");
  ASSERT_EQ(r.rows.size(), 6u);
  EXPECT_EQ(r.rows[3].id, "schedule");
  EXPECT_EQ(r.rows[3].rating, 3);
  EXPECT_FALSE(r.rows[0].rating.has_value());
}

TEST(ScorecardTest, NoAssessments) {
  model::Program p;
  const auto r = ComputeScorecard(p);
  EXPECT_FALSE(r.date.has_value());
  EXPECT_FALSE(r.score.has_value());
  EXPECT_FALSE(r.band.has_value());
  EXPECT_TRUE(r.trend.empty());
  EXPECT_EQ(r.rows.size(), 6u);
}

TEST(SuggestionCutOffsTest, Schedule) {
  EXPECT_EQ(ScheduleRating(1.0), 1);
  EXPECT_EQ(ScheduleRating(0.9), 1);
  EXPECT_EQ(ScheduleRating(0.8999), 2);
  EXPECT_EQ(ScheduleRating(0.75), 2);
  EXPECT_EQ(ScheduleRating(0.7499), 3);
  EXPECT_EQ(ScheduleRating(0.5), 3);
  EXPECT_EQ(ScheduleRating(0.4999), 4);
  EXPECT_EQ(ScheduleRating(0.25), 4);
  EXPECT_EQ(ScheduleRating(0.2499), 5);
  EXPECT_EQ(ScheduleRating(0), 5);
}

TEST(SuggestionCutOffsTest, Budget) {
  EXPECT_EQ(BudgetRating(1.2), 1);
  EXPECT_EQ(BudgetRating(1.0), 1);
  EXPECT_EQ(BudgetRating(0.9999), 2);
  EXPECT_EQ(BudgetRating(0.95), 2);
  EXPECT_EQ(BudgetRating(0.9499), 3);
  EXPECT_EQ(BudgetRating(0.9), 3);
  EXPECT_EQ(BudgetRating(0.8999), 4);
  EXPECT_EQ(BudgetRating(0.8), 4);
  EXPECT_EQ(BudgetRating(0.7999), 5);
}

TEST(SuggestionCutOffsTest, Alignment) {
  EXPECT_EQ(AlignmentRating(0), 1);
  EXPECT_EQ(AlignmentRating(0.0001), 2);
  EXPECT_EQ(AlignmentRating(0.25), 2);
  EXPECT_EQ(AlignmentRating(0.2501), 3);
  EXPECT_EQ(AlignmentRating(0.5), 3);
  EXPECT_EQ(AlignmentRating(0.5001), 4);
  EXPECT_EQ(AlignmentRating(0.75), 4);
  EXPECT_EQ(AlignmentRating(0.7501), 5);
  EXPECT_EQ(AlignmentRating(1), 5);
}

TEST(SuggestionCutOffsTest, Vendor) {
  EXPECT_EQ(VendorRating(0), 1);
  EXPECT_EQ(VendorRating(1), 2);
  EXPECT_EQ(VendorRating(2), 3);
  EXPECT_EQ(VendorRating(3), 4);
  EXPECT_EQ(VendorRating(4), 5);
  EXPECT_EQ(VendorRating(40), 5);
}

TEST(SuggestionCutOffsTest, Regulatory) {
  EXPECT_EQ(RegulatoryRating(100), 1);
  EXPECT_EQ(RegulatoryRating(90), 1);
  EXPECT_EQ(RegulatoryRating(89.99), 2);
  EXPECT_EQ(RegulatoryRating(75), 2);
  EXPECT_EQ(RegulatoryRating(74.99), 3);
  EXPECT_EQ(RegulatoryRating(50), 3);
  EXPECT_EQ(RegulatoryRating(49.99), 4);
  EXPECT_EQ(RegulatoryRating(25), 4);
  EXPECT_EQ(RegulatoryRating(24.99), 5);
  EXPECT_EQ(RegulatoryRating(0), 5);
}

TEST(SuggestionCutOffsTest, Technical) {
  EXPECT_EQ(TechnicalRating(0, 0), 1);
  EXPECT_EQ(TechnicalRating(1, 4), 2);
  EXPECT_EQ(TechnicalRating(1, 5), 3);  // the score raises it
  EXPECT_EQ(TechnicalRating(2, 1), 3);  // the count raises it
  EXPECT_EQ(TechnicalRating(2, 9), 3);
  EXPECT_EQ(TechnicalRating(2, 10), 4);
  EXPECT_EQ(TechnicalRating(3, 2), 4);
  EXPECT_EQ(TechnicalRating(3, 15), 4);
  EXPECT_EQ(TechnicalRating(3, 16), 5);
  EXPECT_EQ(TechnicalRating(4, 1), 5);
  EXPECT_EQ(TechnicalRating(1, 25), 5);
}

TEST(SuggestionCutOffsTest, MonotoneInEveryInput) {
  for (int n = 0; n < 10; ++n) {
    EXPECT_LE(VendorRating(n), VendorRating(n + 1));
    for (int s = 1; s < 25; ++s) {
      EXPECT_LE(TechnicalRating(n, s), TechnicalRating(n + 1, s));
      EXPECT_LE(TechnicalRating(n, s), TechnicalRating(n, s + 1));
    }
  }
  for (int i = 0; i < 100; ++i) {
    EXPECT_GE(ScheduleRating(i / 100.0), ScheduleRating((i + 1) / 100.0));
    EXPECT_GE(RegulatoryRating(i), RegulatoryRating(i + 1));
    EXPECT_LE(AlignmentRating(i / 100.0), AlignmentRating((i + 1) / 100.0));
  }
}

model::Program SuggestProgram() {
  model::Program p;
  p.target = D(2026, 9, 30);
  // Key stakeholders: a (5, resistant), b (4, supportive); c has influence 3, not key.
  // share = 5 / (5 + 4) = 0.5556 -> rating 4.
  model::Stakeholder a, b, c;
  a.id = "a", a.influence = 5, a.stance = model::Stance::kResistant;
  b.id = "b", b.influence = 4, b.stance = model::Stance::kSupportive;
  c.id = "c", c.influence = 3, c.stance = model::Stance::kResistant;
  p.stakeholders = {a, b, c};
  // Dependencies off track: d1 (at_risk), d2 (expected after needed_by). d3 is
  // delivered (never counted), d4 on track -> 2.
  model::Dependency d1, d2, d3, d4;
  d1.id = "d1", d1.status = model::DependencyStatus::kAtRisk;
  d2.id = "d2", d2.needed_by = D(2026, 3, 1), d2.expected = D(2026, 3, 2);
  d3.id = "d3", d3.status = model::DependencyStatus::kDelivered, d3.needed_by = D(2026, 3, 1),
  d3.expected = D(2026, 4, 1);
  d4.id = "d4", d4.needed_by = D(2026, 3, 1), d4.expected = D(2026, 3, 1);
  p.dependencies = {d1, d2, d3, d4};
  // Vendor risks: v1 open counts, v2 closed does not -> vendor count 2 + 1 = 3 -> 4.
  // Technical: t1 open 0.4 x 4 = 12, t2 mitigating 0.2 x 2 = 4 -> count 2, max 12 -> 4.
  auto risk = [](std::string id, std::string cat, double pr, int sev, model::RiskStatus st) {
    model::Risk r;
    r.id = std::move(id);
    r.category = std::move(cat);
    r.probability = pr;
    r.severity = sev;
    r.status = st;
    return r;
  };
  p.risks = {risk("v1", "vendor", 0.4, 4, model::RiskStatus::kOpen),
             risk("v2", "vendor", 0.4, 4, model::RiskStatus::kClosed),
             risk("t1", "technical_feasibility", 0.4, 4, model::RiskStatus::kOpen),
             risk("t2", "technical_feasibility", 0.2, 2, model::RiskStatus::kMitigating),
             risk("t3", "technical_feasibility", 0.9, 5, model::RiskStatus::kRealized)};
  // Audit: 4 of the 10 default items done -> readiness 40% -> 4.
  p.audit = model::Audit{};
  for (const char* id : {"requirements", "change_trail", "approvals", "privacy"}) {
    model::AuditItem it;
    it.id = id;
    it.status = model::AuditStatus::kDone;
    p.audit->items.push_back(it);
  }
  return p;
}

TEST(SuggestRatingsTest, EveryCriterionFromData) {
  const auto s = SuggestRatings(SuggestProgram(), SuggestInputs{0.62, 0.92});
  // schedule 0.62 -> 3; budget 0.92 -> 3.
  const std::map<std::string, int> expected = {{"stakeholder_alignment", 4},
                                               {"technical_feasibility", 4},
                                               {"budget", 3},
                                               {"schedule", 3},
                                               {"regulatory", 4},
                                               {"vendor", 4}};
  EXPECT_EQ(s.ratings, expected);
  // 25*3 + 20*3 + 15*2 + 15*2 + 10*3 + 15*3 = 270; 100 * 270 / 400 = 67.5.
  EXPECT_DOUBLE_EQ(*s.score, 67.5);
  EXPECT_EQ(s.band, Band::kHigh);
  ASSERT_EQ(s.items.size(), 6u);
  EXPECT_EQ(s.items[0].criterion, "stakeholder_alignment");
  EXPECT_EQ(s.items[0].reason,
            "1 of 2 key stakeholders (influence 4 or more) is resistant, holding 5 of 9 "
            "influence points, a share of 0.5556, which rates 4 (0.5 < share <= 0.75).");
  EXPECT_EQ(s.items[1].reason,
            "2 technical feasibility risks are open or mitigating (t1 and t2), the highest "
            "scoring 12 of 25, which rates 4 (count <= 3 and max score <= 15).");
  EXPECT_EQ(s.items[2].reason,
            "The cost performance index is 0.92: each 1 USD spent has earned 0.92 USD of planned "
            "work, which rates 3 (0.9 <= CPI < 0.95).");
  EXPECT_EQ(s.items[3].reason,
            "The forecast gives a 62% chance of finishing on or before the target date "
            "2026-09-30, which rates 3 (0.5 <= p_on_time < 0.75).");
  EXPECT_EQ(s.items[4].reason,
            "4 of 10 applicable audit items are done, a readiness of 40%, which rates 4 "
            "(25 <= readiness < 50).");
  EXPECT_EQ(s.items[5].reason,
            "2 external dependencies are not on track (d1 and d2) and 1 vendor risk is open or "
            "mitigating (v1), 3 in all, which rates 4 (count = 3).");
}

TEST(SuggestRatingsTest, MissingInputsGiveNoRatingAndSayWhy) {
  model::Program p;  // no stakeholders, no risks, no audit section
  const auto s = SuggestRatings(p, SuggestInputs{});
  // Only vendor (count 0 -> 1), technical (none -> 1) and regulatory (0 of 10 -> 5).
  const std::map<std::string, int> expected = {
      {"technical_feasibility", 1}, {"regulatory", 5}, {"vendor", 1}};
  EXPECT_EQ(s.ratings, expected);
  // (20*0 + 10*4 + 15*0) / (4 * 45) = 40/180 -> 22.22
  EXPECT_NEAR(*s.score, 22.2222222, 1e-6);
  EXPECT_FALSE(s.items[0].rating.has_value());
  EXPECT_NE(s.items[0].reason.find("no key stakeholder"), std::string::npos);
  EXPECT_NE(s.items[2].reason.find("No cost performance index"), std::string::npos);
  EXPECT_NE(s.items[3].reason.find("No forecast probability"), std::string::npos);
  EXPECT_EQ(s.items[5].reason,
            "No external dependency is off track and no vendor risk is open or mitigating, "
            "which rates 1 (count = 0).");
}

TEST(SuggestRatingsTest, CustomCriterionWithoutRule) {
  model::Program p;
  p.scorecard = model::Scorecard{};
  p.scorecard->criteria =
      std::vector<model::Criterion>{{"morale", "Team morale", 10}, {"vendor", "Vendor", 10}};
  const auto s = SuggestRatings(p, SuggestInputs{});
  ASSERT_EQ(s.items.size(), 2u);
  EXPECT_FALSE(s.items[0].rating.has_value());
  EXPECT_EQ(s.items[0].reason,
            "tpmkit has no data rule for the criterion morale, so rate it by hand.");
  EXPECT_DOUBLE_EQ(*s.score, 0);  // vendor 1 only
}

TEST(SuggestionRulesTest, HelpTextCoversEveryRule) {
  const auto lines = SuggestionHelpLines();
  EXPECT_EQ(SuggestionRules().size(), 6u);
  EXPECT_EQ(lines.size(), 2u + 6u * 6u);
  EXPECT_EQ(lines[1].rfind("  schedule: from p_on_time", 0), 0u);
}

}  // namespace
}  // namespace tpmkit::toolkit
