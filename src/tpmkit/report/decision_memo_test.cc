#include "tpmkit/report/decision_memo.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tpmkit/toolkit/decision_fixture_test.h"

namespace tpmkit::report {
namespace {

struct Fixture : testing::DecisionFixture {
  std::string Memo(const std::string& rule) {
    decision.decision_rule = rule;
    DecisionReportInput in;
    in.program = &program;
    in.decision = &decision;
    in.analysis = analysis;
    in.iterations = 2000;
    in.seed = 7;
    in.as_of = D(2026, 6, 15);
    in.communication.as_of = D(2026, 6, 15);
    return DecisionMemoMarkdown(in);
  }
};

TEST(DecisionMemoTest, SaysWhichRuleWasAppliedAndHow) {
  Fixture f;
  const std::string m = f.Memo(
      "Highest weighted score among the options with p_on_time of at "
      "least 0.5");
  EXPECT_NE(m.find("# Decision memo D-1: Demo Program"), std::string::npos) << m;
  EXPECT_NE(m.find("**Question.** Which way do we go."), std::string::npos) << m;
  EXPECT_NE(m.find("Each option was simulated 2,000 times"), std::string::npos) << m;
  EXPECT_NE(m.find("It was applied as follows: an option qualifies when it has a chance of "
                   "finishing on time of at least 50%"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("`fast` does not (30% by 2026-09-30)"), std::string::npos) << m;
  EXPECT_NE(m.find("`safe` meets it (85% by 2026-09-30)"), std::string::npos) << m;
  EXPECT_NE(m.find("`safe` and `cheap` qualify; of these, `safe` has the highest weighted "
                   "score (3.5 out of 5)."),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("We recommend **Play safe** (`safe`), with a weighted score of 3.5 out of 5: "
                   "it finishes on 2026-09-01 as planned, by 2026-09-25 with 80% confidence, "
                   "with a chance of 85% of finishing by 2026-09-30, at a forecast final cost of "
                   "1,100,000 USD."),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("Three options are on the table."), std::string::npos) << m;
  EXPECT_NE(m.find("It aims for a chance of at least 80% of finishing on time."), std::string::npos)
      << m;
  for (const char* bad : {"{}", "unknown", "nan", "TODO"}) {
    EXPECT_EQ(m.find(bad), std::string::npos) << bad;
  }
}

// A name from the program with a terminal escape sequence reaches the memo escaped.
TEST(DecisionMemoTest, ControlCharactersFromTheProgramAreShownEscaped) {
  Fixture f;
  f.decision.question = "Which way\x1b[2J do we go?";
  const std::string m = f.Memo("Highest weighted score");
  EXPECT_EQ(m.find('\x1b'), std::string::npos);
  EXPECT_NE(m.find("Which way\\x1b[2J do we go?"), std::string::npos) << m;
}

TEST(DecisionMemoTest, NamesTheFallbackWhenNoOptionMeetsTheRule) {
  Fixture f;
  const std::string m = f.Memo("p80_finish on or before 2026-09-01");
  EXPECT_NE(m.find("No option meets the rule, so the choice falls to the steering committee; "
                   "the best-ranked option, `fast`, is named below as the fallback."),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("The steering committee must confirm it"), std::string::npos) << m;
  // fast's chance (30%) is below the program's aim of 80%: the memo says so.
  EXPECT_NE(m.find("stays below the program's aim of 80%"), std::string::npos) << m;
}

TEST(DecisionMemoTest, AnUnreadableRuleLeavesTheRankingToDecide) {
  Fixture f;
  const std::string m = f.Memo("Whatever the sponsor prefers");
  EXPECT_NE(m.find("The rule, as written: \"Whatever the sponsor prefers\""), std::string::npos);
  EXPECT_NE(m.find("This rule could not be read mechanically"), std::string::npos) << m;
  EXPECT_NE(m.find("so the ranking decides: `fast` has the highest weighted score"),
            std::string::npos)
      << m;
  const std::string none = f.Memo("");
  EXPECT_NE(none.find("No decision rule was written down for this decision, so the ranking "
                      "decides: `fast`"),
            std::string::npos)
      << none;
}

TEST(DecisionMemoTest, JsonCarriesTheRuleReading) {
  Fixture f;
  f.decision.decision_rule = "cost at most 900,000 and p80 on or before the target";
  DecisionReportInput in;
  in.program = &f.program;
  in.decision = &f.decision;
  in.analysis = f.analysis;
  auto j = nlohmann::json::parse(DecisionJson(in, std::nullopt));
  EXPECT_EQ(j["recommendation"], "cheap");
  EXPECT_EQ(j["decision_rule"]["reading"], "read");
  ASSERT_EQ(j["decision_rule"]["conditions"].size(), 2u);
  EXPECT_EQ(j["decision_rule"]["conditions"][0]["kind"], "p80_finish_on_or_before");
  EXPECT_TRUE(j["decision_rule"]["conditions"][0]["against_target"].get<bool>());
  EXPECT_EQ(j["decision_rule"]["conditions"][1]["kind"], "cost_at_most");
  EXPECT_EQ(j["decision_rule"]["qualifying"], nlohmann::json({"cheap"}));
  EXPECT_TRUE(j["memo"].is_null());
}

}  // namespace
}  // namespace tpmkit::report
