// Bounds at every door (docs/limits.md), end to end: values beyond the limits given on
// the command line are refused with exit 2 and leave the workspace as it was, so that
// every later read (show --json, log --json) still works.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e_support.h"

namespace tpmkit::e2e {
namespace {

using nlohmann::json;

class BoundsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Tpmkit({"init"}, dir_.path()).exit_code, 0);
    auto apply = Tpmkit({"apply", Example("phoenix.yaml").string()}, dir_.path());
    ASSERT_EQ(apply.exit_code, 0) << apply.err;
    before_ = Tpmkit({"export"}, dir_.path()).out;
  }
  // Every read that renders the whole workspace as JSON still parses, and nothing changed.
  void ExpectWorkspaceUnchangedAndReadable() {
    EXPECT_EQ(Tpmkit({"export"}, dir_.path()).out, before_);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"show", "--json"}, {"log", "--json"}, {"risks", "--json"}}) {
      auto r = Tpmkit(args, dir_.path());
      EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
      EXPECT_TRUE(json::accept(r.out)) << args[0];
    }
  }
  e2e::Run RiskAdd(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"risk", "add",        "R-99", "--probability",
                                     "0.3",  "--severity", "3"};
    args.insert(args.end(), extra.begin(), extra.end());
    return Tpmkit(args, dir_.path());
  }
  TempDir dir_;
  std::string before_;
};

TEST_F(BoundsTest, InvalidUtf8TitleIsRefused) {
  auto r = RiskAdd({"--title", "\xff"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("risks["), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("title must be valid UTF-8 text"), std::string::npos) << r.err;
  ExpectWorkspaceUnchangedAndReadable();
}

TEST_F(BoundsTest, NonCharacterAndLoneSurrogateAreRefused) {
  for (const char* title : {"Vendor \xEF\xBF\xBE", "Vendor \xED\xA0\x80"}) {
    auto r = RiskAdd({"--title", title});
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  }
  ExpectWorkspaceUnchangedAndReadable();
}

TEST_F(BoundsTest, AmountsAndDaysBeyondTheLimitsAreRefused) {
  for (const auto& extra :
       std::vector<std::vector<std::string>>{{"--impact-cost", "1e300"},
                                             {"--impact-cost", "20000000000000"},
                                             {"--impact-schedule", "1e21"},
                                             {"--impact-schedule", "13001"}}) {
    auto r = RiskAdd({"--title", "Vendor slips", extra[0], extra[1]});
    EXPECT_EQ(r.exit_code, 2) << extra[0] << " " << extra[1] << ": " << r.err;
  }
  ExpectWorkspaceUnchangedAndReadable();
  auto ok = RiskAdd(
      {"--title", "Vendor slips", "--impact-cost", "10000000000000", "--impact-schedule", "13000"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST_F(BoundsTest, ImportOfAFileBeyondTheLimitsStoresWhatExportCanWriteBack) {
  TempDir other;
  ASSERT_EQ(Tpmkit({"init"}, other.path()).exit_code, 0);
  auto im = Tpmkit({"import", "mspdi", (SourceDir() / "tests/data/mspdi/bounds.xml").string()},
                   other.path());
  ASSERT_EQ(im.exit_code, 0) << im.err;
  EXPECT_NE(im.err.find("warning: "), std::string::npos);
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"show", "--json"}, {"log", "--json"}}) {
    auto r = Tpmkit(args, other.path());
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    EXPECT_TRUE(json::accept(r.out)) << args[0];
  }
  auto exported = Tpmkit({"export", "-o", "out.yaml"}, other.path());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  auto check = Tpmkit({"check", "-f", "out.yaml"}, other.path());
  EXPECT_EQ(check.exit_code, 0) << check.err;
}

}  // namespace
}  // namespace tpmkit::e2e
