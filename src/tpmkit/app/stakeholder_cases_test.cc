// Stakeholders as use cases: a fixed clock and an in-memory workspace holding
// examples/phoenix.yaml (status date 2026-06-15; cfo is Robert Okafor, last contacted on
// 2026-06-01). ctest runs from the source folder.
#include "tpmkit/app/stakeholder_cases.h"

#include <gtest/gtest.h>

#include "tpmkit/app/deferred_store.h"
#include "tpmkit/app/program_cases.h"
#include "tpmkit/base/clock.h"

namespace tpmkit::app {
namespace {

struct Workspace {
  Workspace() {
    auto applied = ApplyFile(env, {"examples/phoenix.yaml"});
    EXPECT_TRUE(applied.ok()) << applied.error().message;
  }
  model::Stakeholder Cfo() {
    auto loaded = LoadProgram(env, {});
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    if (loaded.ok()) {
      for (const auto& s : loaded->program.stakeholders) {
        if (s.id == "cfo") return s;
      }
    }
    ADD_FAILURE() << "no cfo";
    return {};
  }

  FixedClock clock{*ParseUtcTimestamp("2026-06-20T09:00:00Z")};
  DeferredStore store{":memory:", clock, {.create = true}};
  Env env{store, clock, "tester"};
};

TEST(StakeholderCasesTest, ContactIsKeptAndMovesTheLastContactForward) {
  Workspace w;
  const size_t history = w.Cfo().contacts.size();
  auto r = LogContact(w.env, {std::nullopt, "cfo", Date::FromYmd(2026, 6, 16), "Budget review"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->name, "Robert Okafor");
  EXPECT_EQ(r->applied.changed, 1u);
  EXPECT_EQ(w.Cfo().last_contact, Date::FromYmd(2026, 6, 16));

  auto older = LogContact(w.env, {std::nullopt, "cfo", Date::FromYmd(2026, 6, 10), "A call"});
  ASSERT_TRUE(older.ok()) << older.error().message;
  const auto cfo = w.Cfo();
  EXPECT_EQ(cfo.last_contact, Date::FromYmd(2026, 6, 16));
  ASSERT_EQ(cfo.contacts.size(), history + 2);
  EXPECT_EQ(cfo.contacts.back().note, "A call");
}

TEST(StakeholderCasesTest, RefusedContactsChangeNothing) {
  Workspace w;
  const model::Stakeholder before = w.Cfo();
  auto unknown = LogContact(w.env, {std::nullopt, "nobody", Date::FromYmd(2026, 6, 16), "Hi"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  auto no_note = LogContact(w.env, {std::nullopt, "cfo", Date::FromYmd(2026, 6, 16), ""});
  ASSERT_FALSE(no_note.ok());
  EXPECT_EQ(no_note.error().code, ErrorCode::kUsage);
  EXPECT_EQ(w.Cfo(), before);
}

TEST(StakeholderCasesTest, MatrixIsAsOfTheDateInForce) {
  Workspace w;
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
