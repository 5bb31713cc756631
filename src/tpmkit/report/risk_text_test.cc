#include "tpmkit/report/risk_text.h"

#include <gtest/gtest.h>

#include "tpmkit/report/register_fixture_test.h"
#include "tpmkit/report/stakeholder_report.h"

namespace tpmkit::report {
namespace {

using testing::D;
using testing::RegisterProgram;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t from = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    lines.push_back(text.substr(from, nl - from));
    from = nl + 1;
  }
  return lines;
}

// Open and mitigating risks lead with their total exposure; closed ones stand apart with no
// exposure; amounts have grouped digits; no line passes 100 columns, however long a title.
TEST(RiskRegisterText, ActiveFirstClosedApartWithin100Columns) {
  auto p = RegisterProgram();
  p.risks[2].title =
      "A title long enough that no table could keep it on one line of a hundred columns "
      "together with its figures, its owner and its status";
  const auto text = RiskRegisterText(p, toolkit::ComputeRiskRegister(p));
  for (const auto& line : Lines(text)) EXPECT_LE(line.size(), 100u) << line;
  const auto open = text.find("Open and mitigating:");
  const auto closed = text.find("Closed:");
  ASSERT_NE(open, std::string::npos) << text;
  ASSERT_NE(closed, std::string::npos) << text;
  EXPECT_LT(open, closed);
  EXPECT_NE(text.find("Total exposure of the open and mitigating risks: "), std::string::npos);
  EXPECT_NE(text.find("10,000 USD"), std::string::npos) << text;  // 0.2 x 50,000
  EXPECT_EQ(text.find("10000 USD"), std::string::npos) << text;
  // The closed risk R-04 is listed after "Closed:" only, and its section has no exposure.
  EXPECT_GT(text.find("  R-04  closed"), closed) << text;
  const auto closed_header = text.substr(closed, text.find('\n', text.find('\n', closed) + 1));
  EXPECT_EQ(closed_header.find("exposure"), std::string::npos) << closed_header;
  EXPECT_NE(text.find("        A title long enough"), std::string::npos) << text;
}

// One short paragraph per stakeholder, one key message each, and none of the matching
// reasons that pick what concerns whom.
TEST(CommunicationPlanText, OneParagraphEachWithoutMatchingReasons) {
  const auto plan = toolkit::ComputeCommunicationPlan(RegisterProgram(), D(2026, 6, 15));
  const auto text = CommunicationPlanText(plan, {});
  EXPECT_EQ(text.find("Why them"), std::string::npos) << text;
  EXPECT_EQ(text.find("role word"), std::string::npos) << text;
  EXPECT_EQ(text.find("managed closely"), std::string::npos) << text;
  size_t paragraphs = 0, key_messages = 0;
  for (const auto& line : Lines(text)) {
    EXPECT_LE(line.size(), 100u) << line;
    if (!line.empty() && line[0] >= '1' && line[0] <= '9') ++paragraphs;
  }
  for (size_t at = text.find("Key message:"); at != std::string::npos;
       at = text.find("Key message:", at + 1)) {
    ++key_messages;
  }
  EXPECT_EQ(paragraphs, plan.entries.size());
  size_t with_topics = 0;
  for (const auto& e : plan.entries) with_topics += e.topics.empty() ? 0 : 1;
  EXPECT_EQ(key_messages, with_topics);
}

}  // namespace
}  // namespace tpmkit::report
