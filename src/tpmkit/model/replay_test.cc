#include "tpmkit/model/replay.h"

#include <gtest/gtest.h>

namespace tpmkit::model {
namespace {

Program Small() {
  Program p;
  p.id = "demo";
  p.name = "Demo";
  Risk r;
  r.id = "R1";
  r.title = "Vendor slips";
  r.probability = 0.4;
  r.severity = 3;
  p.risks.push_back(r);
  r.id = "R2";
  r.title = "Key person leaves";
  p.risks.push_back(r);
  return p;
}

TEST(ReplayTest, ReplayingTheDiffsGivesTheStateOfTheLastVersion) {
  Program a = Small();
  Program b = a;
  b.risks[0].probability = 0.1;
  b.risks[1].title = "";
  std::swap(b.risks[0], b.risks[1]);
  Program c = b;
  c.risks.pop_back();

  std::vector<EntityChange> trail = DiffPrograms(nullptr, a);
  for (const auto& [before, after] : {std::pair{&a, &b}, std::pair{&b, &c}}) {
    for (auto& ch : DiffPrograms(before, *after)) trail.push_back(ch);
  }
  EXPECT_TRUE(CompareStates(ReplayChanges(trail), ReplayChanges(DiffPrograms(nullptr, c))).empty());
  // The program's deletion leaves nothing.
  for (auto& ch : DiffDeletion(c)) trail.push_back(ch);
  EXPECT_TRUE(ReplayChanges(trail).empty());
}

TEST(ReplayTest, DifferencesNameTheEntityAndField) {
  Program stored = Small();
  ProgramState implied = ReplayChanges(DiffPrograms(nullptr, stored));
  stored.risks[0].probability = 0.01;
  stored.risks.pop_back();
  auto d = CompareStates(implied, ReplayChanges(DiffPrograms(nullptr, stored)));
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0], (StateDifference{"risk", "R1", "probability", "0.4", "0.01"}));
  bool r2_title = false;
  for (const auto& x : d) {
    if (x.entity_id == "R2" && x.field == "title") {
      r2_title = x.expected == "Key person leaves" && !x.actual;
    }
  }
  EXPECT_TRUE(r2_title);
}

TEST(ReplayTest, OrderFieldsAreNotCompared) {
  ProgramState a, b;
  a[{"program", "demo"}]["risks.order"] = "[R2, R1]";
  b[{"program", "demo"}];
  EXPECT_TRUE(CompareStates(a, b).empty());
  ProgramState only;
  only[{"calendar", "demo"}];
  EXPECT_EQ(CompareStates(only, {}).size(), 1u);
}

TEST(ReplayTest, OlderSpellingsOfControlCharactersAreTheSameValue) {
  ProgramState trail, stored;
  trail[{"stakeholder", "s"}]["contacts"] = R"([{on: 2026-06-22, note: "a\u000d\nb\u0009"}])";
  stored[{"stakeholder", "s"}]["contacts"] = R"([{on: 2026-06-22, note: "a\r\nb\t"}])";
  EXPECT_TRUE(CompareStates(trail, stored).empty());
  // An escaped backslash followed by "u000d" is text, not an escape.
  trail[{"stakeholder", "s"}]["contacts"] = R"([{note: "a\\u000d"}])";
  stored[{"stakeholder", "s"}]["contacts"] = R"([{note: "a\\r"}])";
  EXPECT_EQ(CompareStates(trail, stored).size(), 1u);
}

}  // namespace
}  // namespace tpmkit::model
