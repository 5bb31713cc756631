#include "tpmkit/toolkit/impact.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tpmkit::toolkit {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }
Money U(int64_t units) { return Money::FromCents(units * 100); }

model::Task T(const std::string& id, double days, int64_t cost,
              std::vector<std::string> deps = {}) {
  model::Task t;
  t.id = id;
  t.name = "Task " + id;
  t.duration = days;
  t.cost = U(cost);
  for (auto& d : deps) t.depends.push_back({d, model::LinkType::kFS, 0});
  return t;
}

model::Risk R(const std::string& id, model::RiskStatus status, double p, int severity,
              std::optional<int64_t> cost, std::optional<double> days = std::nullopt) {
  model::Risk r;
  r.id = id;
  r.title = "Risk " + id;
  r.status = status;
  r.probability = p;
  r.severity = severity;
  r.raised = D(2026, 1, 12);
  if (cost || days) {
    r.impact = model::RiskImpact{};
    if (cost) r.impact->cost = U(*cost);
    r.impact->schedule = days;
  }
  return r;
}

// A small plan with nothing in its registers: no statement at all.
model::Program Plan() {
  model::Program p;
  p.id = "p";
  p.name = "P";
  p.start = D(2026, 1, 5);
  p.target = D(2026, 3, 31);
  p.projects.push_back({"one", "One", "", {T("a", 10, 300), T("b", 5, 200, {"a"})}});
  return p;
}

// The audit trail that records `programs` one after the other, one date each.
class Trail {
 public:
  void Record(const model::Program& next, Date on) {
    for (auto& c : model::DiffPrograms(last_ ? &*last_ : nullptr, next)) {
      entries_.push_back({++seq_, on, "tester", std::move(c)});
    }
    last_ = next;
  }
  const std::vector<TrailEntry>& entries() const { return entries_; }

 private:
  int64_t seq_ = 0;
  std::optional<model::Program> last_;
  std::vector<TrailEntry> entries_;
};

ImpactReport FromData(const model::Program& p, Date as_of = D(2026, 6, 15)) {
  return ComputeImpact(p, {as_of, std::nullopt});
}

ImpactReport FromTrail(const model::Program& p, const Trail& t, Date as_of = D(2026, 6, 15)) {
  return ComputeImpact(p, {as_of, t.entries()});
}

std::vector<std::string> Kinds(const ImpactReport& r) {
  std::vector<std::string> out;
  for (const auto& s : r.statements) out.push_back(std::string(ImpactKindName(s.kind)));
  return out;
}

const ImpactQuantity* Q(const ImpactStatement& s, std::string_view name) {
  for (const auto& q : s.quantities) {
    if (q.name == name) return &q;
  }
  return nullptr;
}

TEST(Impact, NothingIsStatedWithoutSupport) {
  auto p = Plan();
  // An open risk, a realized one, a proposed change, an open decision, an undelivered
  // dependency: none is an outcome.
  p.risks = {R("R-1", model::RiskStatus::kOpen, 0.5, 4, 10000),
             R("R-2", model::RiskStatus::kRealized, 0.5, 4, 10000)};
  model::Change proposed;
  proposed.id = "CR-1";
  proposed.impact = model::ChangeImpact{5.0, U(1000)};
  p.changes = {proposed};
  model::Dependency dep;
  dep.id = "dep";
  dep.status = model::DependencyStatus::kLate;
  dep.tasks = {"a"};
  p.dependencies = {dep};
  EXPECT_TRUE(FromData(p).statements.empty());
  Trail t;
  t.Record(p, D(2026, 5, 1));
  const auto r = FromTrail(p, t);
  EXPECT_TRUE(r.statements.empty()) << ::testing::PrintToString(Kinds(r));
  EXPECT_TRUE(r.has_trail);
  EXPECT_EQ(r.trail_from, D(2026, 5, 1));
}

TEST(Impact, ClosedRiskRetiresItsExposureFromTheData) {
  auto p = Plan();
  p.risks = {R("R-1", model::RiskStatus::kClosed, 0.3, 2, 40000, 5.0),
             R("R-2", model::RiskStatus::kClosed, 0.2, 4, std::nullopt)};
  const auto r = FromData(p);
  ASSERT_EQ(Kinds(r), (std::vector<std::string>{"risk_closed", "risk_closed"}));
  const auto& s = r.statements[0];
  EXPECT_EQ(s.id, "R-1");
  EXPECT_EQ(s.basis, ImpactBasis::kData);
  ASSERT_NE(Q(s, "exposure_cost"), nullptr);
  EXPECT_DOUBLE_EQ(*Q(s, "exposure_cost")->before, 12000);
  EXPECT_DOUBLE_EQ(*Q(s, "exposure_cost")->after, 0);
  EXPECT_DOUBLE_EQ(Q(s, "exposure_cost")->amount, 12000);
  EXPECT_DOUBLE_EQ(Q(s, "exposure_days")->amount, 1.5);
  EXPECT_EQ(s.from, D(2026, 1, 12));
  EXPECT_FALSE(s.to);  // the data does not say when it closed
  // Without a stated impact the score is what was retired: 0.2 -> likelihood 2, * 4.
  const auto& score = r.statements[1];
  EXPECT_EQ(score.id, "R-2");
  EXPECT_EQ(score.quantities.front().name, "risk_score");
  EXPECT_DOUBLE_EQ(score.quantities.front().amount, 8);
}

TEST(Impact, MitigatingRiskWithALowerResidualIsStatedAsAssessed) {
  auto p = Plan();
  auto r1 = R("R-1", model::RiskStatus::kMitigating, 0.45, 3, 45000, 8.0);
  r1.residual = model::Residual{0.25, 3};
  auto higher = R("R-2", model::RiskStatus::kMitigating, 0.2, 3, 10000);
  higher.residual = model::Residual{0.4, 3};  // a residual above the inherent: no claim
  auto open = R("R-3", model::RiskStatus::kOpen, 0.5, 3, 10000);
  open.residual = model::Residual{0.1, 1};  // not being mitigated yet: no claim
  p.risks = {r1, higher, open};
  const auto r = FromData(p);
  ASSERT_EQ(Kinds(r), (std::vector<std::string>{"risk_residual"}));
  const auto& s = r.statements[0];
  EXPECT_EQ(s.basis, ImpactBasis::kResidual);
  EXPECT_DOUBLE_EQ(*Q(s, "exposure_cost")->before, 20250);
  EXPECT_DOUBLE_EQ(*Q(s, "exposure_cost")->after, 11250);
  EXPECT_DOUBLE_EQ(*Q(s, "exposure_days")->before, 3.6);
  EXPECT_DOUBLE_EQ(*Q(s, "exposure_days")->after, 2);
  EXPECT_DOUBLE_EQ(*Q(s, "risk_score")->before, 9);
  EXPECT_DOUBLE_EQ(*Q(s, "risk_score")->after, 6);
}

TEST(Impact, RiskReducedSinceFirstRecordedComesFromTheTrail) {
  auto p = Plan();
  p.risks = {R("R-1", model::RiskStatus::kOpen, 0.6, 4, 100000, 10.0),
             R("R-2", model::RiskStatus::kOpen, 0.2, 3, 10000)};
  Trail t;
  t.Record(p, D(2026, 4, 1));
  p.risks[0].status = model::RiskStatus::kMitigating;
  t.Record(p, D(2026, 4, 20));
  p.risks[0].probability = 0.2;
  p.risks[1].probability = 0.5;  // went up: never a statement
  t.Record(p, D(2026, 5, 13));
  const auto r = FromTrail(p, t);
  ASSERT_EQ(Kinds(r), (std::vector<std::string>{"risk_mitigated"}));
  const auto& s = r.statements[0];
  EXPECT_EQ(s.basis, ImpactBasis::kTrail);
  EXPECT_EQ(s.label_before, "open");
  EXPECT_EQ(s.label_after, "mitigating");
  EXPECT_DOUBLE_EQ(*Q(s, "exposure_cost")->before, 60000);
  EXPECT_DOUBLE_EQ(*Q(s, "exposure_cost")->after, 20000);
  EXPECT_DOUBLE_EQ(Q(s, "exposure_days")->amount, 4);
  EXPECT_DOUBLE_EQ(*Q(s, "risk_score")->before, 16);  // likelihood 4 * 4
  EXPECT_DOUBLE_EQ(*Q(s, "risk_score")->after, 8);    // likelihood 2 * 4
  EXPECT_EQ(s.from, D(2026, 4, 1));
  EXPECT_EQ(s.to, D(2026, 5, 13));
  // The creation, the status change and the probability change.
  ASSERT_EQ(s.trail.size(), 3u);
  EXPECT_TRUE(std::is_sorted(s.trail.begin(), s.trail.end()));
}

TEST(Impact, RiskClosedInTheTrailHasItsClosingDateAndEntry) {
  auto p = Plan();
  p.risks = {R("R-1", model::RiskStatus::kOpen, 0.5, 4, 80000)};
  Trail t;
  t.Record(p, D(2026, 3, 2));
  p.risks[0].probability = 0.4;
  p.risks[0].status = model::RiskStatus::kClosed;
  t.Record(p, D(2026, 6, 10));
  const auto r = FromTrail(p, t);
  ASSERT_EQ(Kinds(r), (std::vector<std::string>{"risk_closed"}));
  const auto& s = r.statements[0];
  EXPECT_EQ(s.basis, ImpactBasis::kTrail);
  // The exposure when first recorded is what closing retired.
  EXPECT_DOUBLE_EQ(*Q(s, "exposure_cost")->before, 40000);
  EXPECT_EQ(s.to, D(2026, 6, 10));
  std::vector<int64_t> risk_entries;
  for (const auto& e : t.entries()) {
    if (e.change.entity == "risk") risk_entries.push_back(e.seq);
  }
  EXPECT_EQ(s.trail, risk_entries);
  EXPECT_EQ(risk_entries.size(), 2u);
}

TEST(Impact, RejectedChangeKeepsItsDaysAndMoneyOffThePlan) {
  auto p = Plan();
  model::Change stated;
  stated.id = "CR-1";
  stated.title = "History";
  stated.status = model::ChangeStatus::kRejected;
  stated.requested_on = D(2026, 3, 2);
  stated.impact = model::ChangeImpact{15.0, U(140000)};
  stated.approvals = {{"Dana Lee", D(2026, 3, 12), model::ApprovalDecision::kRejected, ""}};
  model::Change simulated;  // no stated days: the schedule says how many
  simulated.id = "CR-2";
  simulated.status = model::ChangeStatus::kRejected;
  simulated.adds_tasks = {T("extra", 4, 5000, {"b"})};
  model::Change nothing;  // nothing to keep off: no statement
  nothing.id = "CR-3";
  nothing.status = model::ChangeStatus::kRejected;
  p.changes = {simulated, stated, nothing};
  const auto r = FromData(p);
  ASSERT_EQ(Kinds(r), (std::vector<std::string>{"change_rejected", "change_rejected"}));
  const auto& s = r.statements[0];  // the larger amount first
  EXPECT_EQ(s.id, "CR-1");
  EXPECT_EQ(s.by, "Dana Lee");
  EXPECT_DOUBLE_EQ(Q(s, "cost")->amount, 140000);
  EXPECT_DOUBLE_EQ(Q(s, "schedule")->amount, 15);
  EXPECT_EQ(s.to, D(2026, 3, 12));
  const auto& sim = r.statements[1];
  EXPECT_EQ(sim.id, "CR-2");
  EXPECT_DOUBLE_EQ(Q(sim, "cost")->amount, 5000);
  EXPECT_DOUBLE_EQ(Q(sim, "schedule")->amount, 4);
}

TEST(Impact, ApprovedChangeIsStatedOnlyWithinTheContingency) {
  auto p = Plan();  // task costs 500
  model::Change c;
  c.id = "CR-1";
  c.status = model::ChangeStatus::kApproved;
  c.impact = model::ChangeImpact{2.0, U(150)};
  c.approvals = {{"Robert Okafor", D(2026, 4, 21), model::ApprovalDecision::kApproved, ""}};
  p.changes = {c};
  EXPECT_TRUE(FromData(p).statements.empty()) << "no budget: no contingency to speak of";
  p.budget = U(1000);
  auto r = FromData(p);
  ASSERT_EQ(Kinds(r), (std::vector<std::string>{"change_approved"}));
  EXPECT_DOUBLE_EQ(Q(r.statements[0], "cost")->amount, 150);
  EXPECT_DOUBLE_EQ(*Q(r.statements[0], "contingency_left")->after, 350);
  p.budget = U(600);  // 500 planned + 150 approved: over budget
  EXPECT_TRUE(FromData(p).statements.empty());
}

model::Decision TwoOptions(std::optional<int64_t> chosen_cost, int64_t other_cost,
                           double other_factor) {
  model::Decision d;
  d.id = "D-1";
  d.question = "Which way?";
  d.status = model::DecisionStatus::kDecided;
  d.chosen = "fast";
  d.decided_by = "Dana Lee";
  d.decided_on = D(2026, 3, 18);
  model::Option fast;
  fast.id = "fast";
  fast.name = "Fast";
  fast.scenario = model::Scenario{};
  if (chosen_cost) fast.scenario->cost = U(*chosen_cost);
  model::Option slow;
  slow.id = "slow";
  slow.name = "Slow";
  slow.scenario = model::Scenario{};
  slow.scenario->cost = U(other_cost);
  slow.scenario->duration_factor = model::DurationFactor{{"b"}, other_factor};
  d.options = {fast, slow};
  return d;
}

TEST(Impact, DecisionStatesTheChosenOptionsMeasuredAdvantage) {
  auto p = Plan();
  p.decisions = {TwoOptions(35000, 180000, 3)};
  auto r = FromData(p);
  ASSERT_EQ(Kinds(r), (std::vector<std::string>{"decision_taken"}));
  const auto& s = r.statements[0];
  EXPECT_EQ(s.label_after, "Fast");
  EXPECT_EQ(s.alternatives, (std::vector<std::string>{"Slow"}));
  EXPECT_DOUBLE_EQ(Q(s, "cost_saved")->amount, 145000);
  EXPECT_DOUBLE_EQ(Q(s, "finish_earlier")->amount, 10);  // b: 5 -> 15 working days
  EXPECT_EQ(s.to, D(2026, 3, 18));
  // A choice that is dearer states its price beside its advantage.
  p.decisions = {TwoOptions(200000, 180000, 3)};
  r = FromData(p);
  ASSERT_EQ(r.statements.size(), 1u);
  EXPECT_EQ(r.statements[0].quantities.front().name, "finish_earlier");
  EXPECT_DOUBLE_EQ(Q(r.statements[0], "cost_added")->amount, 20000);
  // No measured advantage: nothing to claim.
  p.decisions = {TwoOptions(200000, 180000, 1)};
  EXPECT_TRUE(FromData(p).statements.empty());
  // An open decision: nothing either.
  p.decisions = {TwoOptions(35000, 180000, 3)};
  p.decisions[0].status = model::DecisionStatus::kOpen;
  EXPECT_TRUE(FromData(p).statements.empty());
}

model::AuditItem Item(const std::string& id, model::AuditStatus status) {
  model::AuditItem i;
  i.id = id;
  i.status = status;
  return i;
}

TEST(Impact, ReadinessRaisedOverThePeriodFromTheTrail) {
  auto p = Plan();
  p.audit = model::Audit{};
  for (const auto& id : model::DefaultAuditItemIds()) {
    p.audit->items.push_back(Item(id, model::AuditStatus::kInProgress));
  }
  p.audit->items[0].status = model::AuditStatus::kDone;
  p.audit->items[1].status = model::AuditStatus::kDone;
  p.audit->items[2].status = model::AuditStatus::kNotApplicable;  // 9 apply
  Trail t;
  t.Record(p, D(2026, 5, 1));
  EXPECT_TRUE(FromData(p).statements.empty()) << "a file has no history of readiness";
  p.audit->items[3].status = model::AuditStatus::kDone;
  t.Record(p, D(2026, 5, 20));
  p.audit->items[4].status = model::AuditStatus::kDone;
  p.audit->items[5].status = model::AuditStatus::kDone;
  t.Record(p, D(2026, 6, 12));
  const auto r = FromTrail(p, t);
  ASSERT_EQ(Kinds(r), (std::vector<std::string>{"readiness_raised"}));
  const auto& s = r.statements[0];
  EXPECT_NEAR(*s.quantities[0].before, 100.0 * 2 / 9, 1e-9);
  EXPECT_NEAR(*s.quantities[0].after, 100.0 * 5 / 9, 1e-9);
  EXPECT_DOUBLE_EQ(Q(s, "items_done")->amount, 3);
  EXPECT_EQ(s.from, D(2026, 5, 1));
  EXPECT_EQ(s.to, D(2026, 6, 12));
  EXPECT_EQ(s.trail.size(), 3u);
  ASSERT_EQ(s.entities.size(), 3u);
  EXPECT_EQ(s.entities[0].id, model::DefaultAuditItemIds()[3]);
  // Readiness that fell is no statement.
  p.audit->items[4].status = model::AuditStatus::kInProgress;
  p.audit->items[5].status = model::AuditStatus::kInProgress;
  p.audit->items[3].status = model::AuditStatus::kInProgress;
  p.audit->items[0].status = model::AuditStatus::kInProgress;
  t.Record(p, D(2026, 6, 14));
  EXPECT_TRUE(FromTrail(p, t).statements.empty());
}

TEST(Impact, ReadinessOfStatusesCountsMissingDefaultsAsNotStarted) {
  EXPECT_NEAR(*ReadinessOfStatuses({{"requirements", model::AuditStatus::kDone}}), 10.0, 1e-9);
  std::vector<std::pair<std::string, model::AuditStatus>> none;
  for (const auto& id : model::DefaultAuditItemIds()) {
    none.emplace_back(id, model::AuditStatus::kNotApplicable);
  }
  EXPECT_FALSE(ReadinessOfStatuses(none));
}

TEST(Impact, ScorecardImprovementBetweenFirstAndLatestAssessment) {
  auto p = Plan();
  p.scorecard = model::Scorecard{};
  model::Assessment first{D(2026, 4, 1), "Sofia", {{"schedule", 4}, {"budget", 4}}, ""};
  model::Assessment latest{D(2026, 6, 1), "Sofia", {{"schedule", 2}, {"budget", 3}}, ""};
  p.scorecard->assessments = {latest, first};  // file order does not matter
  auto r = FromData(p);
  ASSERT_EQ(Kinds(r), (std::vector<std::string>{"scorecard_improved"}));
  const auto& s = r.statements[0];
  EXPECT_GT(*s.quantities[0].before, *s.quantities[0].after);
  EXPECT_EQ(s.from, D(2026, 4, 1));
  EXPECT_EQ(s.to, D(2026, 6, 1));
  // Worse at the latest assessment: no statement.
  std::swap(p.scorecard->assessments[0].ratings, p.scorecard->assessments[1].ratings);
  EXPECT_TRUE(FromData(p).statements.empty());
}

TEST(Impact, DeliveredDependencyCountsTheTasksItUnblocksAndItsMargin) {
  auto p = Plan();
  model::Dependency early;
  early.id = "early";
  early.status = model::DependencyStatus::kDelivered;
  early.needed_by = D(2026, 1, 20);  // Tuesday
  early.expected = D(2026, 1, 16);   // Friday: 2 working days before
  early.tasks = {"a"};
  model::Dependency late = early;
  late.id = "late";
  late.needed_by = D(2026, 3, 2);
  late.expected = D(2026, 3, 9);
  late.tasks = {"a", "b"};
  p.dependencies = {early, late};
  const auto r = FromData(p);
  ASSERT_EQ(Kinds(r), (std::vector<std::string>{"dependency_delivered", "dependency_delivered"}));
  EXPECT_EQ(r.statements[0].id, "late");  // more tasks unblocked first
  EXPECT_DOUBLE_EQ(Q(r.statements[0], "days_late")->amount, 5);
  EXPECT_EQ(r.statements[1].id, "early");
  EXPECT_DOUBLE_EQ(Q(r.statements[1], "days_early")->amount, 2);
  EXPECT_EQ(r.statements[1].to, D(2026, 1, 16));
}

TEST(Impact, StakeholderWonOverSinceFirstRecorded) {
  auto p = Plan();
  model::Stakeholder helen;
  helen.id = "billing-ops";
  helen.name = "Helen Marsh";
  helen.influence = 4;
  helen.stance = model::Stance::kResistant;
  helen.satisfaction = 2;
  model::Stakeholder cfo = helen;
  cfo.id = "cfo";
  cfo.stance = model::Stance::kNeutral;
  p.stakeholders = {helen, cfo};
  Trail t;
  t.Record(p, D(2026, 4, 1));
  p.stakeholders[0].stance = model::Stance::kSupportive;
  p.stakeholders[0].satisfaction = 4;
  p.stakeholders[1].stance = model::Stance::kResistant;  // the wrong way: nothing
  t.Record(p, D(2026, 5, 27));
  const auto r = FromTrail(p, t);
  ASSERT_EQ(Kinds(r), (std::vector<std::string>{"stakeholder_moved"}));
  const auto& s = r.statements[0];
  EXPECT_EQ(s.label_before, "resistant");
  EXPECT_EQ(s.label_after, "supportive");
  EXPECT_DOUBLE_EQ(*Q(s, "satisfaction")->before, 2);
  EXPECT_DOUBLE_EQ(*Q(s, "satisfaction")->after, 4);
  EXPECT_EQ(s.to, D(2026, 5, 27));
  EXPECT_TRUE(FromData(p).statements.empty());
}

TEST(Impact, GroupsInOrderAndTheLargestOutcomeFirst) {
  auto p = Plan();
  p.risks = {R("R-small", model::RiskStatus::kClosed, 0.1, 2, 1000),
             R("R-score", model::RiskStatus::kClosed, 0.9, 5, std::nullopt),
             R("R-big", model::RiskStatus::kClosed, 0.5, 2, 90000)};
  model::Change c;
  c.id = "CR-1";
  c.status = model::ChangeStatus::kRejected;
  c.impact = model::ChangeImpact{1.0, std::nullopt};
  p.changes = {c};
  model::Dependency dep;
  dep.id = "dep";
  dep.status = model::DependencyStatus::kDelivered;
  dep.tasks = {"a"};
  p.dependencies = {dep};
  const auto r = FromData(p);
  std::vector<std::string> ids;
  for (const auto& s : r.statements) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"R-big", "R-small", "R-score", "CR-1", "dep"}));
  for (const auto& s : r.statements) {
    ASSERT_FALSE(s.quantities.empty());
    for (const auto& q : s.quantities) EXPECT_GT(q.amount, 0) << s.id << " " << q.name;
  }
}

TEST(Impact, TrailAfterTheDateInForceIsLeftOut) {
  auto p = Plan();
  model::Stakeholder k;
  k.id = "k";
  k.name = "K";
  k.stance = model::Stance::kResistant;
  p.stakeholders = {k};
  Trail t;
  t.Record(p, D(2026, 6, 20));
  p.stakeholders[0].stance = model::Stance::kSupportive;
  t.Record(p, D(2026, 6, 25));
  EXPECT_TRUE(FromTrail(p, t, D(2026, 6, 15)).statements.empty());
  EXPECT_FALSE(FromTrail(p, t, D(2026, 6, 15)).trail_from);
  EXPECT_EQ(FromTrail(p, t, D(2026, 6, 30)).statements.size(), 1u);
}

}  // namespace
}  // namespace tpmkit::toolkit
