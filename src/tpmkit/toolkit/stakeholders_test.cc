#include "tpmkit/toolkit/stakeholders.h"

#include <gtest/gtest.h>

namespace tpmkit::toolkit {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

model::Stakeholder Person(std::string id, std::string name, std::string role, int influence,
                          int impact, model::Stance stance) {
  model::Stakeholder s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.role = std::move(role);
  s.influence = influence;
  s.impact = impact;
  s.stance = stance;
  s.channel = "email";
  return s;
}

// As of 2026-06-15:
//   cfo       4x5 manage_closely, priority 20, resistant, last 06-01 + 7 = 06-08 < 06-15: overdue
//   ops-lead  5x4 manage_closely, priority 20, supportive, last 06-10 + 7 = 06-17
//   auditor   2x4 keep_informed, priority 8, neutral, cadence 3.5 -> 4, 06-11 + 4 = 06-15
//             (equal to as_of: not overdue)
//   vp-sales  4x2 keep_satisfied, priority 8, neutral, never contacted: overdue, no date
//   dev       1x1 monitor, priority 1, last_contact 05-01 but a logged contact on 06-01:
//             06-01 + 30 = 07-01
model::Program Sample() {
  model::Program p;
  p.currency = "USD";
  auto cfo = Person("cfo", "Chen Wu", "CFO", 4, 5, model::Stance::kResistant);
  cfo.last_contact = D(2026, 6, 1);
  auto ops = Person("ops-lead", "Maria Gomez", "Operations lead", 5, 4, model::Stance::kSupportive);
  ops.last_contact = D(2026, 6, 10);
  auto aud = Person("auditor", "Sam Poe", "Internal audit", 2, 4, model::Stance::kNeutral);
  aud.cadence = 3.5;
  aud.last_contact = D(2026, 6, 11);
  auto vp =
      Person("vp-sales", "VP Sales", "Vice president of sales", 4, 2, model::Stance::kNeutral);
  auto dev = Person("dev", "Lee Park", "Developer", 1, 1, model::Stance::kSupportive);
  dev.last_contact = D(2026, 5, 1);
  dev.contacts.push_back({D(2026, 6, 1), "Demo"});
  p.stakeholders = {dev, vp, aud, ops, cfo};

  auto risk = [](std::string id, std::string cat, std::string owner, double pr, int sev,
                 model::RiskStatus st) {
    model::Risk r;
    r.id = std::move(id);
    r.title = "Title " + r.id;
    r.category = std::move(cat);
    r.owner = std::move(owner);
    r.probability = pr;
    r.severity = sev;
    r.status = st;
    return r;
  };
  // Scores: R-01 3x4 = 12, R-02 2x3 = 6 (exposure 0.2 * 50000 = 10000), R-03 4x2 = 8.
  p.risks = {risk("R-01", "vendor", "Priya Shah", 0.4, 4, model::RiskStatus::kOpen),
             risk("R-02", "budget", "", 0.2, 3, model::RiskStatus::kOpen),
             risk("R-03", "schedule", "maria gomez", 0.6, 2, model::RiskStatus::kMitigating),
             risk("R-04", "regulatory", "Sam Poe", 0.9, 5, model::RiskStatus::kClosed)};
  p.risks[1].impact = model::RiskImpact{std::nullopt, Money::FromDouble(50000), {}};

  model::Decision d1;
  d1.id = "D-01";
  d1.question = "Add people or move the date?";
  d1.options.resize(2);
  d1.stakeholder_weights["cfo"] = {{"cost", 60}};
  model::Decision d2 = d1;
  d2.id = "D-02";
  d2.status = model::DecisionStatus::kDecided;
  p.decisions = {d1, d2};

  model::Change c1;
  c1.id = "CR-07";
  c1.title = "Partner SSO";
  c1.requested_by = "VP Sales";
  c1.impact = model::ChangeImpact{5.0, Money::FromDouble(30000)};
  model::Change c2 = c1;
  c2.id = "CR-08";
  c2.status = model::ChangeStatus::kApproved;
  p.changes = {c1, c2};
  return p;
}

TEST(QuadrantTest, Boundaries) {
  EXPECT_EQ(QuadrantOf(4, 4), Quadrant::kManageClosely);
  EXPECT_EQ(QuadrantOf(5, 5), Quadrant::kManageClosely);
  EXPECT_EQ(QuadrantOf(4, 3), Quadrant::kKeepSatisfied);
  EXPECT_EQ(QuadrantOf(3, 4), Quadrant::kKeepInformed);
  EXPECT_EQ(QuadrantOf(3, 3), Quadrant::kMonitor);
  EXPECT_EQ(QuadrantOf(1, 1), Quadrant::kMonitor);
  EXPECT_EQ(DefaultCadenceDays(Quadrant::kManageClosely), 7);
  EXPECT_EQ(DefaultCadenceDays(Quadrant::kKeepSatisfied), 14);
  EXPECT_EQ(DefaultCadenceDays(Quadrant::kKeepInformed), 14);
  EXPECT_EQ(DefaultCadenceDays(Quadrant::kMonitor), 30);
  EXPECT_EQ(QuadrantName(Quadrant::kKeepInformed), "keep_informed");
}

TEST(StakeholderMatrixTest, OrderQuadrantsCadenceAndOverdue) {
  const auto m = ComputeStakeholderMatrix(Sample(), D(2026, 6, 15));
  std::vector<std::string> ids;
  for (const auto& s : m.stakeholders) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"cfo", "ops-lead", "auditor", "vp-sales", "dev"}));
  const auto& cfo = m.stakeholders[0];
  EXPECT_EQ(cfo.quadrant, Quadrant::kManageClosely);
  EXPECT_EQ(cfo.priority, 20);
  EXPECT_EQ(cfo.next_contact, D(2026, 6, 8));
  EXPECT_TRUE(cfo.overdue);
  const auto& ops = m.stakeholders[1];
  EXPECT_EQ(ops.next_contact, D(2026, 6, 17));
  EXPECT_FALSE(ops.overdue);
  const auto& aud = m.stakeholders[2];
  EXPECT_EQ(aud.quadrant, Quadrant::kKeepInformed);
  EXPECT_EQ(aud.cadence_days, 4);
  EXPECT_FALSE(aud.default_cadence);
  EXPECT_EQ(aud.next_contact, D(2026, 6, 15));
  EXPECT_FALSE(aud.overdue);  // next_contact == as_of is not overdue
  const auto& vp = m.stakeholders[3];
  EXPECT_EQ(vp.quadrant, Quadrant::kKeepSatisfied);
  EXPECT_EQ(vp.cadence_days, 14);
  EXPECT_FALSE(vp.next_contact.has_value());
  EXPECT_TRUE(vp.overdue);
  const auto& dev = m.stakeholders[4];
  EXPECT_EQ(dev.quadrant, Quadrant::kMonitor);
  EXPECT_EQ(dev.last_contact, D(2026, 6, 1));
  EXPECT_EQ(dev.next_contact, D(2026, 7, 1));
  EXPECT_EQ(m.overdue, 2);
}

TEST(StakeholderMatrixTest, StanceBreaksPriorityTiesThenId) {
  model::Program p;
  p.stakeholders = {Person("b", "B", "", 3, 3, model::Stance::kSupportive),
                    Person("a", "A", "", 3, 3, model::Stance::kSupportive),
                    Person("c", "C", "", 3, 3, model::Stance::kNeutral),
                    Person("d", "D", "", 3, 3, model::Stance::kResistant),
                    Person("e", "E", "", 1, 9, model::Stance::kSupportive)};
  const auto m = ComputeStakeholderMatrix(p, D(2026, 1, 1));
  std::vector<std::string> ids;
  for (const auto& s : m.stakeholders) ids.push_back(s.id);
  // Priority 9 for all: resistant d, neutral c, supportive a then b; e has 1 x 9 = 9 too,
  // supportive, id "e" after "b".
  EXPECT_EQ(ids, (std::vector<std::string>{"d", "c", "a", "b", "e"}));
}

std::vector<std::string> TopicIds(const CommunicationEntry& e) {
  std::vector<std::string> ids;
  for (const auto& t : e.topics) ids.push_back(t.id);
  return ids;
}

TEST(CommunicationPlanTest, WhatConcernsWhom) {
  const auto plan = ComputeCommunicationPlan(Sample(), D(2026, 6, 15));
  ASSERT_EQ(plan.entries.size(), 5u);
  // cfo: R-01 (score 12, managed closely), R-02 (budget matches "cfo"); not R-03 (score 8,
  // schedule). D-01 (weights and manage_closely), CR-07 (manage_closely). Overdue: now.
  EXPECT_EQ(TopicIds(plan.entries[0]), (std::vector<std::string>{"R-01", "R-02", "D-01", "CR-07"}));
  EXPECT_EQ(plan.entries[0].contact_on, D(2026, 6, 15));
  EXPECT_EQ(plan.entries[0].topics[1].why, "its category budget matches the role word \"cfo\"");
  EXPECT_EQ(plan.entries[0].topics[1].text,
            "Risk R-02 (Title R-02), open, scores 6 of 25 (likelihood 2 x severity 3), with an "
            "exposure of 10,000 USD.");
  EXPECT_EQ(plan.entries[0].topics[2].why,
            "their weights are in the decision and they are managed closely");
  // ops-lead: R-01 (high), R-03 (owner by name, any case; schedule matches "operations").
  EXPECT_EQ(TopicIds(plan.entries[1]), (std::vector<std::string>{"R-01", "R-03", "D-01", "CR-07"}));
  EXPECT_EQ(plan.entries[1].topics[1].why,
            "they own it and its category schedule matches the role word \"operations\"");
  EXPECT_EQ(plan.entries[1].contact_on, D(2026, 6, 17));
  // auditor: R-04 is closed, so nothing.
  EXPECT_TRUE(plan.entries[2].topics.empty());
  // vp-sales requested CR-07 (matched by name); never contacted: now.
  EXPECT_EQ(TopicIds(plan.entries[3]), (std::vector<std::string>{"CR-07"}));
  EXPECT_EQ(
      plan.entries[3].topics[0].text,
      "Change request CR-07 (Partner SSO) is proposed, adding 5 working days and 30,000 USD.");
  EXPECT_EQ(plan.entries[3].contact_on, D(2026, 6, 15));
  EXPECT_TRUE(plan.entries[4].topics.empty());
}

TEST(CommunicationPlanTest, RoleWordsMatchWholeWordPrefixesOnly) {
  model::Program p;
  // "Director" contains "cto" inside the word but does not start with it.
  p.stakeholders = {Person("d", "Dee", "Director of marketing", 2, 2, model::Stance::kNeutral),
                    Person("e", "Eve", "Lead engineer", 2, 2, model::Stance::kNeutral)};
  model::Risk r;
  r.id = "T-1";
  r.category = "technical_feasibility";
  r.probability = 0.05;
  p.risks = {r};
  const auto plan = ComputeCommunicationPlan(p, D(2026, 1, 1));
  EXPECT_TRUE(plan.entries[0].topics.empty());
  EXPECT_EQ(TopicIds(plan.entries[1]), (std::vector<std::string>{"T-1"}));
}

// One key message each: the most direct tie wins (the cfo's weights in D-01 over a big
// risk; ops-lead's own R-03), a topic another stakeholder already leads with gives way at
// the same tie, and the message says what to ask of them.
TEST(CommunicationPlanTest, OneKeyMessageEach) {
  const auto plan = ComputeCommunicationPlan(Sample(), D(2026, 6, 15));
  auto key = [&](size_t i) {
    const auto& e = plan.entries[i];
    return e.key ? e.topics[*e.key].id : std::string("-");
  };
  EXPECT_EQ(key(0), "D-01");   // cfo: their weights are in it
  EXPECT_EQ(key(1), "R-03");   // ops-lead: they own it
  EXPECT_EQ(key(2), "-");      // auditor: nothing open
  EXPECT_EQ(key(3), "CR-07");  // vp-sales: they requested it
  EXPECT_EQ(plan.entries[0].topics[*plan.entries[0].key].message,
            "decision D-01 is open with 2 options: Add people or move the date? Ask for their "
            "view before it is decided.");
  EXPECT_EQ(plan.entries[3].topics[0].message,
            "change request CR-07 (Partner SSO) is proposed and would add 5 working days and "
            "30,000 USD; they asked for it: tell them what it costs the program and when it "
            "will be decided.");

  // Two people managed closely, tied to risks by score alone, lead with different ones.
  model::Program p;
  p.stakeholders = {Person("a", "Ann", "Sponsor", 5, 5, model::Stance::kNeutral),
                    Person("b", "Bob", "Director", 5, 5, model::Stance::kNeutral)};
  for (const auto& [id, pr, sev] : {std::tuple{"R-1", 0.9, 5}, std::tuple{"R-2", 0.7, 4}}) {
    model::Risk r;
    r.id = id;
    r.title = id;
    r.probability = pr;
    r.severity = sev;
    p.risks.push_back(r);
  }
  const auto two = ComputeCommunicationPlan(p, D(2026, 1, 1));
  EXPECT_EQ(two.entries[0].topics[*two.entries[0].key].id, "R-1");  // the higher score first
  EXPECT_EQ(two.entries[1].topics[*two.entries[1].key].id, "R-2");
}

}  // namespace
}  // namespace tpmkit::toolkit
