// Stakeholders as use cases: a fixed clock and an in-memory workspace holding
// examples/phoenix.yaml (status date 2026-06-15; cfo is Robert Okafor, last contacted on
// 2026-06-01). ctest runs from the source folder.
#include "tpmkit/app/stakeholder_cases.h"

#include <gtest/gtest.h>

#include "tpmkit/app/test_env.h"

namespace tpmkit::app {
namespace {

constexpr std::string_view kNow = "2026-06-20T09:00:00Z";

// The stakeholder cfo as stored now.
model::Stakeholder Cfo(TestEnv& w) { return FindById(w.Program().stakeholders, "cfo"); }

TEST(StakeholderCasesTest, ContactIsKeptAndMovesTheLastContactForward) {
  TestEnv w(kNow, kPhoenixFile);
  const size_t history = Cfo(w).contacts.size();
  auto r = LogContact(w.env, {std::nullopt, "cfo", Date::FromYmd(2026, 6, 16), "Budget review"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->name, "Robert Okafor");
  EXPECT_EQ(r->applied.changed, 1u);
  EXPECT_EQ(Cfo(w).last_contact, Date::FromYmd(2026, 6, 16));

  auto older = LogContact(w.env, {std::nullopt, "cfo", Date::FromYmd(2026, 6, 10), "A call"});
  ASSERT_TRUE(older.ok()) << older.error().message;
  const auto cfo = Cfo(w);
  EXPECT_EQ(cfo.last_contact, Date::FromYmd(2026, 6, 16));
  ASSERT_EQ(cfo.contacts.size(), history + 2);
  EXPECT_EQ(cfo.contacts.back().note, "A call");
}

TEST(StakeholderCasesTest, RefusedContactsChangeNothing) {
  TestEnv w(kNow, kPhoenixFile);
  const model::Stakeholder before = Cfo(w);
  auto unknown = LogContact(w.env, {std::nullopt, "nobody", Date::FromYmd(2026, 6, 16), "Hi"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  auto no_note = LogContact(w.env, {std::nullopt, "cfo", Date::FromYmd(2026, 6, 16), ""});
  ASSERT_FALSE(no_note.ok());
  EXPECT_EQ(no_note.error().code, ErrorCode::kUsage);
  EXPECT_EQ(Cfo(w), before);
}

TEST(StakeholderCasesTest, MatrixIsAsOfTheDateInForce) {
  TestEnv w(kNow, kPhoenixFile);
  auto status = ListStakeholders(w.env, {});
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(status->as_of, Date::FromYmd(2026, 6, 15));
  EXPECT_FALSE(status->plan.has_value());

  ListStakeholdersRequest overdue;
  overdue.as_of = Date::FromYmd(2026, 6, 20);
  overdue.overdue_only = true;
  overdue.communication_plan = true;
  auto r = ListStakeholders(w.env, overdue);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->as_of, Date::FromYmd(2026, 6, 20));
  ASSERT_TRUE(r->plan.has_value());
  EXPECT_FALSE(r->matrix.stakeholders.empty());
  for (const auto& s : r->matrix.stakeholders) EXPECT_TRUE(s.overdue) << s.id;
  EXPECT_EQ(r->plan->entries.size(), r->matrix.stakeholders.size());
}

}  // namespace
}  // namespace tpmkit::app
