#include "tpmkit/toolkit/audit_readiness.h"

#include <gtest/gtest.h>

namespace tpmkit::toolkit {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

model::AuditItem Item(std::string id, model::AuditStatus status) {
  model::AuditItem it;
  it.id = std::move(id);
  it.status = status;
  return it;
}

model::Evidence PathEvidence(std::string path, std::string sha) {
  return model::Evidence{std::move(path), std::move(sha), ""};
}

// As of 2026-06-15. Eleven items: the ten defaults and soc2; training is not applicable,
// so 10 apply. Done: requirements, change_trail, approvals, internal_audits, soc2 = 5,
// readiness = 100 * 5 / 10 = 50.
model::Program Sample() {
  using S = model::AuditStatus;
  model::Program p;
  p.sponsor = "Dana Lee";
  p.audit = model::Audit{7, {}};
  auto& items = p.audit->items;
  auto req = Item("requirements", S::kDone);
  req.evidence = {PathEvidence("docs/req.pdf", "abc"),
                  model::Evidence{"", "", "https://wiki.example.com/req"}};
  req.signoff = model::Signoff{"Dana Lee", D(2026, 5, 2)};
  auto trail = Item("change_trail", S::kDone);  // signoff, no evidence: unsupported
  trail.signoff = model::Signoff{"Dana Lee", D(2026, 5, 2)};
  auto sec = Item("security_controls", S::kInProgress);
  sec.due = D(2026, 6, 10);  // 5 days past due
  auto ra = Item("risk_assessments", S::kNotStarted);
  ra.due = D(2026, 6, 15);  // due today: not overdue
  auto appr = Item("approvals", S::kDone);
  appr.evidence = {PathEvidence("docs/appr.pdf", "111")};
  appr.signoff = model::Signoff{"Dana Lee", D(2026, 5, 2)};
  auto training = Item("training", S::kNotApplicable);
  training.due = D(2026, 1, 1);  // not applicable: never overdue
  auto ia = Item("internal_audits", S::kDone);
  ia.evidence = {PathEvidence("docs/gone.pdf", "ff")};
  ia.signoff = model::Signoff{"Ana Ruiz", D(2026, 6, 1)};
  auto soc2 = Item("soc2", S::kDone);
  soc2.evidence = {model::Evidence{"", "", "https://trust.example.com/soc2"}};
  soc2.signoff = model::Signoff{"Ana Ruiz", D(2026, 6, 1)};
  // File order differs from the default order on purpose.
  items = {soc2, ia, training, appr, ra, sec, trail, req};

  p.scorecard = model::Scorecard{};
  p.scorecard->assessments.push_back({D(2026, 5, 16), "Priya", {}, ""});  // 30 days before
  p.scorecard->assessments.push_back({D(2026, 7, 1), "Later", {}, ""});   // after as_of
  model::Change c;
  c.id = "CR-1";
  c.status = model::ChangeStatus::kApproved;  // no approvals entry: the check fails
  p.changes = {c};
  return p;
}

AuditInputs Inputs() {
  AuditInputs in;
  in.as_of = D(2026, 6, 15);
  in.file_sha256 =
      std::map<std::string, std::string>{{"docs/req.pdf", "ABC"}, {"docs/appr.pdf", "222"}};
  return in;
}

TEST(AuditReadinessTest, ChecklistAndReadiness) {
  const auto a = ComputeAuditReadiness(Sample(), Inputs());
  ASSERT_EQ(a.items.size(), 11u);
  const auto& defaults = model::DefaultAuditItemIds();
  for (size_t i = 0; i < defaults.size(); ++i) EXPECT_EQ(a.items[i].id, defaults[i]);
  EXPECT_EQ(a.items[10].id, "soc2");
  EXPECT_FALSE(a.items[10].default_item);
  EXPECT_FALSE(a.items[9].in_file);  // privacy is absent: not started
  EXPECT_EQ(a.items[9].status, model::AuditStatus::kNotStarted);
  EXPECT_EQ(a.applicable, 10);
  EXPECT_EQ(a.done, 5);
  ASSERT_TRUE(a.readiness.has_value());
  EXPECT_DOUBLE_EQ(*a.readiness, 50.0);
  EXPECT_EQ(a.retention_years, 7);
}

TEST(AuditReadinessTest, UnsupportedOverdueAndEvidenceStates) {
  const auto a = ComputeAuditReadiness(Sample(), Inputs());
  EXPECT_FALSE(a.items[0].unsupported);  // requirements: evidence and signoff
  EXPECT_TRUE(a.items[1].unsupported);   // change_trail: no evidence
  EXPECT_TRUE(a.items[2].overdue);       // security_controls: 06-10 < 06-15
  EXPECT_FALSE(a.items[3].overdue);      // risk_assessments: due on as_of
  EXPECT_FALSE(a.items[5].overdue);      // training: not applicable
  EXPECT_EQ(a.unsupported, 1);
  EXPECT_EQ(a.overdue, 1);
  ASSERT_EQ(a.items[0].evidence.size(), 2u);
  EXPECT_EQ(a.items[0].evidence[0].state, EvidenceState::kVerified);  // hex case ignored
  EXPECT_EQ(a.items[0].evidence[1].state, EvidenceState::kLinked);
  EXPECT_EQ(a.items[0].evidence[1].ref, "https://wiki.example.com/req");
  EXPECT_EQ(a.items[4].evidence[0].state, EvidenceState::kChanged);
  EXPECT_EQ(a.items[7].evidence[0].state, EvidenceState::kMissing);
  EXPECT_EQ(a.items[10].evidence[0].state, EvidenceState::kLinked);
}

TEST(AuditReadinessTest, EvidenceUncheckedWithoutFilesAndUnverifiedWithoutHash) {
  auto p = Sample();
  AuditInputs in;
  in.as_of = D(2026, 6, 15);
  auto a = ComputeAuditReadiness(p, in);
  EXPECT_EQ(a.items[0].evidence[0].state, EvidenceState::kUnchecked);
  p.audit->items[0].evidence = {PathEvidence("docs/plain.txt", "")};  // soc2
  in.file_sha256 = std::map<std::string, std::string>{{"docs/plain.txt", "00"}};
  a = ComputeAuditReadiness(p, in);
  EXPECT_EQ(a.items[10].evidence[0].state, EvidenceState::kUnverified);
}

TEST(AuditReadinessTest, NothingApplicableGivesNullReadiness) {
  model::Program p;
  p.audit = model::Audit{};
  for (const auto& id : model::DefaultAuditItemIds()) {
    p.audit->items.push_back(Item(id, model::AuditStatus::kNotApplicable));
  }
  const auto a = ComputeAuditReadiness(p, AuditInputs{D(2026, 1, 1), {}, {}, {}});
  EXPECT_EQ(a.applicable, 0);
  EXPECT_FALSE(a.readiness.has_value());
  EXPECT_TRUE(a.gaps.empty());
}

TEST(AuditReadinessTest, NoAuditSectionIsTenNotStarted) {
  const auto a = ComputeAuditReadiness(model::Program{}, AuditInputs{D(2026, 1, 1), {}, {}, {}});
  EXPECT_EQ(a.applicable, 10);
  EXPECT_DOUBLE_EQ(*a.readiness, 0);
  EXPECT_EQ(a.gaps.size(), 10u);
}

TEST(AuditReadinessTest, AutomaticChecks) {
  auto in = Inputs();
  const auto checks = AutomaticAuditChecks(Sample(), in);
  ASSERT_EQ(checks.size(), 4u);
  EXPECT_EQ(checks[0].id, "change_trail");
  EXPECT_FALSE(checks[0].ok.has_value());
  EXPECT_EQ(checks[1].id, "approvals");
  EXPECT_EQ(checks[1].ok, false);
  EXPECT_EQ(checks[1].reason,
            "1 of 1 approved, implemented or rejected change requests (CR-1) has no approval "
            "with approver and date.");
  EXPECT_EQ(checks[2].id, "risk_assessments");
  EXPECT_EQ(checks[2].ok, true);  // 2026-05-16 is exactly 30 days before 2026-06-15
  EXPECT_EQ(checks[2].reason,
            "The latest scorecard assessment, on 2026-05-16, is 30 days old as of 2026-06-15, "
            "within the 30-day window.");
  EXPECT_EQ(checks[3].ok, true);
  EXPECT_EQ(checks[3].reason,
            "The program names a sponsor, Dana Lee, to escalate compliance issues to.");

  in.as_of = D(2026, 6, 16);  // 31 days
  EXPECT_EQ(AutomaticAuditChecks(Sample(), in)[2].ok, false);
  in.trail_verified = true;
  EXPECT_EQ(AutomaticAuditChecks(Sample(), in)[0].ok, true);
}

TEST(AuditReadinessTest, ApprovalsCheckPassesWhenEverythingIsRecorded) {
  model::Program p;
  model::Change c;
  c.id = "CR-1";
  c.status = model::ChangeStatus::kImplemented;
  c.approvals = {
      model::Approval{"Dana Lee", D(2026, 4, 9), model::ApprovalDecision::kApproved, ""}};
  model::Change proposed;
  proposed.id = "CR-2";  // proposed: needs no approval
  model::Decision d;
  d.id = "D-1";
  d.status = model::DecisionStatus::kDecided;
  d.decided_by = "Dana Lee";
  d.decided_on = D(2026, 6, 12);
  p.changes = {c, proposed};
  p.decisions = {d};
  const auto checks = AutomaticAuditChecks(p, AuditInputs{D(2026, 6, 15), {}, {}, {}});
  EXPECT_EQ(checks[1].ok, true);
  EXPECT_EQ(checks[1].reason,
            "Every approved, implemented or rejected change request (1) has an approval with "
            "approver and date and every decided decision (1) names who decided and when.");
  p.decisions[0].decided_on.reset();
  EXPECT_EQ(AutomaticAuditChecks(p, AuditInputs{D(2026, 6, 15), {}, {}, {}})[1].ok, false);
  EXPECT_EQ(AutomaticAuditChecks(p, AuditInputs{D(2026, 6, 15), {}, {}, {}})[3].ok, false);
}

TEST(AuditReadinessTest, GapsInWords) {
  const auto a = ComputeAuditReadiness(Sample(), Inputs());
  std::vector<std::string> kinds;
  for (const auto& g : a.gaps) kinds.push_back(g.item + ":" + std::string(GapKindName(g.kind)));
  EXPECT_EQ(kinds, (std::vector<std::string>{
                       "change_trail:unsupported", "security_controls:overdue",
                       "risk_assessments:not_started", "approvals:contradicted",
                       "approvals:evidence_changed", "compliance_escalation:not_started",
                       "internal_audits:evidence_missing", "record_retention:not_started",
                       "privacy:not_started"}));
  EXPECT_EQ(a.gaps[0].text, "Item change_trail is marked done but has no evidence.");
  EXPECT_EQ(a.gaps[1].text,
            "Item security_controls was due on 2026-06-10 and is in progress, 5 days past due.");
  EXPECT_EQ(a.gaps[2].text,
            "Item risk_assessments has not started (due on 2026-06-15). The workspace can "
            "support it: The latest scorecard assessment, on 2026-05-16, is 30 days old as of "
            "2026-06-15, within the 30-day window.");
  EXPECT_EQ(a.gaps[4].text,
            "Evidence docs/appr.pdf of item approvals has changed since it was recorded: its "
            "SHA-256 no longer matches.");
  EXPECT_EQ(a.gaps[5].text,
            "Item compliance_escalation has not started and the program file does not list it. "
            "The workspace can support it: The program names a sponsor, Dana Lee, to escalate "
            "compliance issues to.");
}

}  // namespace
}  // namespace tpmkit::toolkit
