#include "tpmkit/app/analysis.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tpmkit/app/workspace.h"
#include "tpmkit/formats/program_file.h"
#include "tpmkit/plan/calendar.h"

namespace tpmkit::app {
namespace {

namespace fs = std::filesystem;

// tests/data/valid/complete-review.yaml (ctest runs from the source folder): status date
// 2026-02-02, design finished, build (8/10/14 -> 15/20/30 days, 60,000) then the
// milestone launch; risk R-1 adds 5 working days to build and costs 10,000.
model::Program Complete() {
  auto text = ReadTextFile("tests/data/valid/complete-review.yaml");
  EXPECT_TRUE(text.ok()) << "run from the source folder; cwd " << fs::current_path();
  auto p = formats::ReadProgramFile(*text, "complete-review.yaml");
  EXPECT_TRUE(p.ok()) << p.error().message;
  return *p;
}

class TempFile {
 public:
  explicit TempFile(const std::string& text)
      : path_(fs::temp_directory_path() / ("tpmkit_analysis_test_" + std::to_string(::getpid()) +
                                           "_" + std::to_string(counter_++) + ".yaml")) {
    std::ofstream(path_) << text;
  }
  ~TempFile() { fs::remove(path_); }
  const fs::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

TEST(Analysis, EarnedValueIsAsOfTheDateGiven) {
  const model::Program p = Complete();
  auto e = EvmOf(p, Date::FromYmd(2026, 2, 2));
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->as_of, Date::FromYmd(2026, 2, 2));
}

TEST(Analysis, BankFileReplacesAndExtendsTheDefaultBank) {
  TempFile f(
      "themes:\n"
      "  risks:\n"
      "    question: Who owns this risk, and when do we hear back?\n"
      "    phrases: [Ask the owner for a date.]\n"
      "  kpis:\n"
      "    phrases: ['Which measure is read first?']\n");
  auto overrides = LoadLanguageBank(f.path());
  ASSERT_TRUE(overrides.ok()) << overrides.error().message;
  ASSERT_EQ(overrides->size(), 2u);
  const auto& def = toolkit::DefaultLanguageBank();
  const auto bank = toolkit::ApplyBankOverrides(def, *overrides);
  const auto& risks = bank.Entry(toolkit::Theme::kRisks);
  EXPECT_EQ(risks.question, "Who owns this risk, and when do we hear back?");
  auto want = def.Entry(toolkit::Theme::kRisks).phrases;
  want.push_back("Ask the owner for a date.");
  EXPECT_EQ(risks.phrases, want);  // extend is the default
  const auto& kpis = bank.Entry(toolkit::Theme::kKpis);
  EXPECT_EQ(kpis.question, def.Entry(toolkit::Theme::kKpis).question);
  EXPECT_EQ(kpis.phrases.back(), "Which measure is read first?");
  EXPECT_EQ(kpis.phrases.size(), def.Entry(toolkit::Theme::kKpis).phrases.size() + 1);

  TempFile g("phrases: replace\nthemes:\n  risks:\n    phrases: [Only this.]\n");
  auto replaced = LoadLanguageBank(g.path());
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  const auto bank2 = toolkit::ApplyBankOverrides(def, *replaced);
  EXPECT_EQ(bank2.Entry(toolkit::Theme::kRisks).phrases, std::vector<std::string>{"Only this."});
  EXPECT_EQ(bank2.Entry(toolkit::Theme::kRisks).question,
            def.Entry(toolkit::Theme::kRisks).question);

  // The review carries the replaced question on its findings.
  model::Program p = Complete();
  p.risks[0].mitigation.clear();  // an open risk without mitigation: a risks finding
  ForecastRequest fr;
  fr.iterations = 200;
  auto review = ReviewOf(p, *p.status_date, fr, *overrides);
  ASSERT_TRUE(review.ok()) << review.error().message;
  bool found = false;
  for (const auto& finding : review->findings) {
    if (finding.theme == toolkit::Theme::kRisks) {
      found = true;
      EXPECT_EQ(finding.question, "Who owns this risk, and when do we hear back?");
      EXPECT_EQ(finding.subject, "risk R-1");
    }
  }
  EXPECT_TRUE(found);
}

TEST(Analysis, BankFileWithUnknownThemesNamesEachWithItsPosition) {
  TempFile f(
      "themes:\n  risks:\n    question: Who?\n  riskz:\n    question: Typo?\n"
      "  kpi:\n    phrases: [x]\n");
  auto r = LoadLanguageBank(f.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(r.error().diagnostics.size(), 2u);
  const auto& d0 = r.error().diagnostics[0];
  EXPECT_EQ(d0.file, f.path().string());
  EXPECT_EQ(d0.line, 4);
  EXPECT_EQ(d0.column, 3);
  EXPECT_EQ(d0.message.rfind("unknown theme 'riskz' (expected one of assumptions, risks,", 0), 0u)
      << d0.message;
  EXPECT_EQ(r.error().diagnostics[1].line, 6);
  EXPECT_EQ(r.error().diagnostics[1].column, 3);
  // A missing file is an error too, not an empty bank.
  EXPECT_FALSE(LoadLanguageBank(f.path().string() + ".missing").ok());
}

TEST(Analysis, EscalationSimulatesTheGenericOptions) {
  const model::Program p = Complete();
  EscalateRequest req;
  req.risk = "R-1";
  req.to = "dana lee";  // any case
  req.from = "Ana Ruiz";
  req.as_of = *p.status_date;
  req.forecast.iterations = 400;
  req.forecast.seed = 3;
  auto e = Escalate(p, req);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->to, "Dana Lee");
  EXPECT_DOUBLE_EQ(e->cost, 10000);
  // schedule_days = pos_end(p80_after) - pos_end(p80_before), and forcing never helps.
  auto cal = plan::WorkCalendar::ForProgram(p);
  ASSERT_TRUE(cal.ok());
  EXPECT_EQ(e->schedule_days, cal->PosEnd(e->p80_after) - cal->PosEnd(e->p80_before));
  EXPECT_GE(e->p80_after, e->p80_before);
  // p80_before is the plain forecast's p80 with the same seed and iterations.
  ForecastRequest plain = req.forecast;
  auto f = ForecastOf(p, plain, req.as_of);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(e->p80_before, f->p80.date);
  plain.forced_risks = {"R-1"};
  auto forced = ForecastOf(p, plain, req.as_of);
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ(e->p80_after, forced->p80.date);

  ASSERT_EQ(e->options.size(), 3u);
  const auto& add = e->options[0];
  EXPECT_EQ(add.id, "add-resources");
  EXPECT_TRUE(add.simulated);
  // 25% of build's planned cost (60,000); design is finished, launch is a milestone.
  ASSERT_TRUE(add.cost.has_value());
  EXPECT_DOUBLE_EQ(*add.cost, 15000);
  // No decision option removes tasks: reduce scope cannot be simulated, and says why.
  const auto& cut = e->options[1];
  EXPECT_EQ(cut.id, "reduce-scope");
  EXPECT_FALSE(cut.simulated);
  EXPECT_NE(cut.how.find("cannot be simulated"), std::string::npos);
  // Extend the deadline: the target moves to p80_after, at no cost.
  const auto& ext = e->options[2];
  EXPECT_EQ(ext.id, "extend-deadline");
  EXPECT_TRUE(ext.simulated);
  EXPECT_EQ(ext.target, e->p80_after);
  EXPECT_FALSE(ext.cost.has_value());
  EXPECT_NE(e->recommended, "reduce-scope");

  // The deterministic schedule: launch moves by exactly the risk's 5 working days.
  ASSERT_EQ(e->impact.size() >= 4, true);
  bool launch_moves = false;
  for (const auto& s : e->impact)
    launch_moves |= s.find("Launch (launch) from") != std::string::npos;
  EXPECT_TRUE(launch_moves);
}

TEST(Analysis, EscalationNamesWhatIsMissing) {
  model::Program p = Complete();
  p.target.reset();
  p.risks[0].owner.clear();
  EscalateRequest req;
  req.risk = "R-1";
  req.to = "Nobody";
  req.from = "Ana Ruiz";
  req.as_of = *p.status_date;
  auto e = Escalate(p, req);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::kInvalidInput);
  for (const char* s : {"risk R-1 has no owner", "program complete has no target date",
                        "the addressee 'Nobody' (to)"}) {
    EXPECT_NE(e.error().message.find(s), std::string::npos) << s << ": " << e.error().message;
  }
}

}  // namespace
}  // namespace tpmkit::app
