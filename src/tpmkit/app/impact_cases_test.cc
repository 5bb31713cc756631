#include "tpmkit/app/impact_cases.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tpmkit/app/change_cases.h"
#include "tpmkit/app/risk_cases.h"
#include "tpmkit/app/test_env.h"

namespace tpmkit::app {
namespace {

using toolkit::ImpactKind;

// The clock at midnight UTC of `day`, so the next edits are recorded on that date.
void SetClock(TestEnv& t, const char* day) { t.clock = FixedClock(*ParseUtcTimestamp(day)); }

const toolkit::ImpactStatement* Find(const toolkit::ImpactReport& r, ImpactKind kind,
                                     std::string_view id) {
  for (const auto& s : r.statements) {
    if (s.kind == kind && s.id == id) return &s;
  }
  return nullptr;
}

const toolkit::ImpactQuantity* Q(const toolkit::ImpactStatement& s, std::string_view name) {
  for (const auto& q : s.quantities) {
    if (q.name == name) return &q;
  }
  return nullptr;
}

TEST(ImpactStatements, EditsOverWeeksBecomeStatementsWithTheirTrailEntries) {
  TestEnv t("2026-05-01T10:00:00Z", kPhoenixFile);
  SetClock(t, "2026-05-15");
  UpdateRiskRequest lower;
  lower.risk_id = "R-01";
  lower.fields.probability = 0.2;
  ASSERT_TRUE(UpdateRisk(t.env, lower).ok());
  SetClock(t, "2026-05-20");
  ASSERT_TRUE(CloseRisk(t.env, {std::nullopt, "R-13"}).ok());
  SetClock(t, "2026-05-25");
  DecideChangeRequest reject;
  reject.change_id = "CR-03";
  reject.decision = model::ApprovalDecision::kRejected;
  reject.by = "Dana Lee";
  reject.on = Date::FromYmd(2026, 5, 25);
  ASSERT_TRUE(DecideChange(t.env, reject).ok());
  SetClock(t, "2026-06-12");
  auto edited = EditProgram(t.env, std::nullopt, [](model::Program& p) -> Status {
    for (auto& item : p.audit->items) {
      if (item.id == "training") {
        item.status = model::AuditStatus::kDone;
        item.signoff = model::Signoff{"Grace Nakamura", Date::FromYmd(2026, 6, 12)};
      }
    }
    for (auto& k : p.stakeholders) {
      if (k.id == "billing-ops") {
        k.stance = model::Stance::kSupportive;
        k.satisfaction = 4;
      }
    }
    return OkStatus();
  });
  ASSERT_TRUE(edited.ok()) << edited.error().message;

  auto r = ImpactStatements(t.env, {{}, std::nullopt});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->as_of, Date::FromYmd(2026, 6, 15));  // phoenix's status date
  const auto& report = r->report;
  EXPECT_TRUE(report.has_trail);
  EXPECT_EQ(report.trail_from, Date::FromYmd(2026, 5, 1));

  const auto* r01 = Find(report, ImpactKind::kRiskMitigated, "R-01");
  ASSERT_NE(r01, nullptr);
  EXPECT_DOUBLE_EQ(*Q(*r01, "exposure_cost")->before, 24000);  // 0.4 * 60,000
  EXPECT_DOUBLE_EQ(*Q(*r01, "exposure_cost")->after, 12000);
  EXPECT_EQ(r01->from, Date::FromYmd(2026, 5, 1));
  EXPECT_EQ(r01->to, Date::FromYmd(2026, 5, 15));
  EXPECT_EQ(r01->trail.size(), 2u);  // recorded, then the probability lowered

  const auto* r13 = Find(report, ImpactKind::kRiskClosed, "R-13");
  ASSERT_NE(r13, nullptr);
  EXPECT_EQ(r13->basis, toolkit::ImpactBasis::kTrail);
  EXPECT_EQ(r13->to, Date::FromYmd(2026, 5, 20));
  EXPECT_DOUBLE_EQ(Q(*r13, "exposure_cost")->amount, 2500);  // 0.25 * 10,000

  const auto* cr03 = Find(report, ImpactKind::kChangeRejected, "CR-03");
  ASSERT_NE(cr03, nullptr);
  EXPECT_EQ(cr03->by, "Dana Lee");
  EXPECT_DOUBLE_EQ(Q(*cr03, "cost")->amount, 64000);
  EXPECT_DOUBLE_EQ(Q(*cr03, "schedule")->amount, 5);
  EXPECT_EQ(cr03->trail.size(), 1u);

  const auto* ready = Find(report, ImpactKind::kReadinessRaised, "");
  ASSERT_NE(ready, nullptr);
  EXPECT_NEAR(*ready->quantities[0].before, 100.0 * 6 / 9, 1e-9);
  EXPECT_NEAR(*ready->quantities[0].after, 100.0 * 7 / 9, 1e-9);
  EXPECT_EQ(ready->from, Date::FromYmd(2026, 5, 1));
  EXPECT_EQ(ready->to, Date::FromYmd(2026, 6, 12));

  const auto* helen = Find(report, ImpactKind::kStakeholderMoved, "billing-ops");
  ASSERT_NE(helen, nullptr);
  EXPECT_EQ(helen->label_before, "resistant");
  EXPECT_EQ(helen->label_after, "supportive");

  // The trail's entries are the ones `log` shows for those edits.
  const auto audit = t.Audit();
  for (const auto* s : {r01, r13, cr03, ready, helen}) {
    for (int64_t seq : s->trail) {
      EXPECT_TRUE(std::any_of(audit.begin(), audit.end(), [&](const store::AuditEntry& e) {
        return e.seq == seq;
      })) << seq;
    }
  }
}

TEST(ImpactStatements, AFileHasNoTrailSoOnlyTheDataSpeaks) {
  TestEnv t("2026-06-15");
  auto r = ImpactStatements(t.env, {{kPhoenixFile, std::nullopt}, std::nullopt});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->loaded.from_file);
  EXPECT_FALSE(r->report.has_trail);
  ASSERT_FALSE(r->report.statements.empty());
  for (const auto& s : r->report.statements) {
    EXPECT_NE(s.basis, toolkit::ImpactBasis::kTrail) << toolkit::ImpactKindName(s.kind);
    EXPECT_TRUE(s.trail.empty());
    EXPECT_NE(s.kind, ImpactKind::kReadinessRaised);
    EXPECT_NE(s.kind, ImpactKind::kStakeholderMoved);
  }
  // Phoenix's rejected change and its decided cutover are there from the data alone.
  EXPECT_NE(Find(r->report, ImpactKind::kChangeRejected, "CR-04"), nullptr);
  EXPECT_NE(Find(r->report, ImpactKind::kDecisionTaken, "D-02"), nullptr);
}

TEST(ImpactStatements, UnknownProgramIsNotFound) {
  TestEnv t("2026-06-15", kPhoenixFile);
  auto r = ImpactStatements(t.env, {{std::nullopt, "nope"}, std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace tpmkit::app
