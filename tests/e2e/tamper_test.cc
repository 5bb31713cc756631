// Tampering with a workspace outside tpmkit, end to end: a wiped or truncated audit trail
// and direct edits, inserts and deletes of data rows are reported by `audit verify`
// (docs/audit-trail.md, "What `audit verify` reports").
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e_support.h"

namespace tpmkit::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class TamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(T({"apply", Example("phoenix.yaml").string()}).exit_code, 0);
    ASSERT_EQ(T({"audit", "verify"}).exit_code, 0);
  }
  fs::path Db() const { return dir_.path() / "ws.db"; }
  e2e::Run T(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db().string()});
    return Tpmkit(args, dir_.path());
  }
  // audit verify --json, expected to fail with exit code 1.
  json Broken() {
    auto r = T({"--json", "audit", "verify"});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    auto doc = json::parse(r.out);
    EXPECT_FALSE(doc["ok"].get<bool>());
    EXPECT_NE(doc["reason"].get<std::string>(), "");
    return doc;
  }
  // Whether `differences` holds one for that entity, id and field.
  static bool Differs(const json& doc, const std::string& entity, const std::string& id,
                      const std::string& field) {
    if (!doc.contains("differences")) return false;
    for (const auto& d : doc["differences"]) {
      if (d["program"] == "phoenix" && d["entity"] == entity && d["entity_id"] == id &&
          d["field"] == field) {
        return true;
      }
    }
    return false;
  }
  std::string FirstRisk() { return Sql(Db(), "SELECT id FROM risks ORDER BY position LIMIT 1")[0]; }

  TempDir dir_;
};

TEST_F(TamperTest, AWipedTrailAndHeadAreDetected) {
  Sql(Db(), "DELETE FROM audit_trail; DELETE FROM audit_trail_head;");
  auto doc = Broken();
  EXPECT_EQ(doc["entries"], 0);
  EXPECT_EQ(doc["first_bad"], 1);
}

TEST_F(TamperTest, AWipedTrailWithAResetHeadIsDetected) {
  Sql(Db(), "DELETE FROM audit_trail; UPDATE audit_trail_head SET last_seq = 0, last_hash = '';");
  auto doc = Broken();
  EXPECT_EQ(doc["first_bad"], 1);
}

TEST_F(TamperTest, ATruncatedTrailWithARewrittenHeadIsDetected) {
  Sql(Db(),
      "DELETE FROM audit_trail WHERE seq > 10;"
      "UPDATE audit_trail_head SET last_seq = 10,"
      " last_hash = (SELECT hash FROM audit_trail WHERE seq = 10);");
  auto r = T({"audit", "verify"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("BROKEN at entry 11"), std::string::npos) << r.out;
}

TEST_F(TamperTest, AWipedTrailAnchorAndHeadAreDetectedByTheData) {
  Sql(Db(), "DELETE FROM audit_trail; DELETE FROM audit_trail_head; DELETE FROM trail_anchor;");
  auto doc = Broken();
  EXPECT_TRUE(Differs(doc, "program", "phoenix", "name")) << doc.dump(2);
}

TEST_F(TamperTest, AnEditedFieldIsReportedWithItsEntityAndField) {
  const std::string risk = FirstRisk();
  Sql(Db(), "UPDATE risks SET probability = 0.01 WHERE id = '" + risk + "'");
  auto doc = Broken();
  EXPECT_EQ(doc["first_bad"], nullptr);
  ASSERT_TRUE(Differs(doc, "risk", risk, "probability")) << doc.dump(2);
  for (const auto& d : doc["differences"]) {
    if (d["field"] == "probability") {
      EXPECT_EQ(d["stored"], "0.01");
    }
  }
  auto text = T({"audit", "verify"});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find("risk " + risk), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("probability"), std::string::npos) << text.out;
}

TEST_F(TamperTest, ADeletedRowIsReported) {
  // The last risk, with the rows that hang off it, so that the rest still reads back.
  const std::string risk = Sql(Db(), "SELECT id FROM risks ORDER BY position DESC LIMIT 1")[0];
  Sql(Db(),
      "DELETE FROM risk_impact_tasks WHERE risk_position = (SELECT max(position) FROM risks);"
      "DELETE FROM risks WHERE id = '" +
          risk + "'");
  auto doc = Broken();
  EXPECT_TRUE(Differs(doc, "risk", risk, "title")) << doc.dump(2);
}

TEST_F(TamperTest, ARowDeletedFromTheMiddleIsReportedAsUnreadable) {
  Sql(Db(), "DELETE FROM risks WHERE id = '" + FirstRisk() + "'");
  auto doc = Broken();
  EXPECT_NE(doc["reason"].get<std::string>().find("program phoenix cannot be read back"),
            std::string::npos)
      << doc.dump(2);
}

TEST_F(TamperTest, AnInsertedRowIsReported) {
  Sql(Db(),
      "INSERT INTO stakeholders (program_key, position, id, name, role, influence, impact,"
      " stance, channel) SELECT key, 1000, 'mole', 'Mole', 'spy', 3, 3, 'neutral', 'email'"
      " FROM programs WHERE id = 'phoenix'");
  auto doc = Broken();
  EXPECT_TRUE(Differs(doc, "stakeholder", "mole", "name")) << doc.dump(2);
}

TEST_F(TamperTest, ValidEditsStillVerify) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"risk", "add", "R-99", "--title", "Vendor slips", "--probability",
                                 "0.3", "--severity", "3"},
        {"risk", "update", "R-99", "--probability", "0.6"},
        {"risk", "close", "R-99"},
        {"apply", Example("phoenix.yaml").string()}}) {
    auto r = T(args);
    ASSERT_EQ(r.exit_code, 0) << args[0] << " " << args[1] << ": " << r.err;
  }
  auto r = T({"--json", "audit", "verify"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_FALSE(json::parse(r.out).contains("differences"));
}

// A workspace of schema version 1 (tests/data/workspaces/v1-phoenix.sql) gets its anchors
// from its trail, and its data match the trail, although that version spelled some control
// characters differently in the trail's values.
TEST(TamperOldWorkspaceTest, Version1VerifiesWithItsData) {
  if (OnPostgres()) GTEST_SKIP() << "schema version 1 is a SQLite dump; PostgreSQL began later";
  TempDir dir;
  const fs::path db = dir.path() / "v1.db";
  Sql(db, ReadFile(SourceDir() / "tests/data/workspaces/v1-phoenix.sql"));
  auto r = Tpmkit({"--db", db.string(), "--json", "audit", "verify"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  Sql(db,
      "DELETE FROM audit_trail WHERE seq > 100; UPDATE audit_trail_head SET last_seq = 100,"
      " last_hash = (SELECT hash FROM audit_trail WHERE seq = 100);");
  r = Tpmkit({"--db", db.string(), "--json", "audit", "verify"}, dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(json::parse(r.out)["first_bad"], 101);
}

}  // namespace
}  // namespace tpmkit::e2e
