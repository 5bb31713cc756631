// The audit use cases against an in-memory workspace and a fixed clock.
#include "tpmkit/app/audit_cases.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>

#include "tpmkit/app/test_env.h"

namespace tpmkit::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* kNow = "2026-07-01T10:20:30Z";

// A fresh folder under the system's temporary folder, removed at the end.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "tpmkit-audit-cases-XXXXXX").string();
    if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

const model::FieldChange* FindField(const model::EntityChange& change, const std::string& field) {
  for (const auto& c : change.changes) {
    if (c.field == field) return &c;
  }
  return nullptr;
}

TEST(AuditCasesTest, SignOffUsesTheStatusDateAndWritesOneStampedAuditEntry) {
  TestEnv w(kNow, kPhoenixFile);
  auto before = VerifyTrail(w.env, {});
  ASSERT_TRUE(before.ok());

  auto r = SignOffItem(
      w.env, {std::nullopt, "risk_assessments", "Victor Lindqvist", std::nullopt, std::nullopt});
  ASSERT_TRUE(r.ok()) << r.error().message;
  // No --on, no --as-of: phoenix's status_date, not the clock's today.
  EXPECT_EQ(r->on, Date::FromYmd(2026, 6, 15));
  EXPECT_EQ(r->changed, 1u);

  ReadLogRequest request;
  request.filter.entity = "audit_item";
  request.limit = 1;
  auto log = ReadLog(w.env, request);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->entries.size(), 1u);
  const auto& e = log->entries[0];
  EXPECT_EQ(e.at, kNow);
  EXPECT_EQ(e.actor, "tester");
  EXPECT_EQ(e.program, "phoenix");
  EXPECT_EQ(e.change.entity_id, "risk_assessments");
  EXPECT_EQ(e.change.action, model::ChangeAction::kUpdate);
  const auto* by = FindField(e.change, "signoff.by");
  ASSERT_NE(by, nullptr);
  EXPECT_EQ(by->new_value, "Victor Lindqvist");
  const auto* on = FindField(e.change, "signoff.on");
  ASSERT_NE(on, nullptr);
  EXPECT_EQ(on->new_value, "2026-06-15");

  auto after = VerifyTrail(w.env, {});
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->ok) << after->reason;
  EXPECT_EQ(after->entries, before->entries + 1);
  EXPECT_EQ(e.seq, after->entries);
}

TEST(AuditCasesTest, SignOffDatesByOnThenAsOfThenTheClock) {
  TestEnv w(kNow, kPhoenixFile);
  const Date as_of = Date::FromYmd(2026, 6, 20);
  auto r = SignOffItem(w.env, {"phoenix", "training", "Beatriz Santos", std::nullopt, as_of});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->on, as_of);
  const Date on = Date::FromYmd(2026, 6, 18);
  r = SignOffItem(w.env, {"phoenix", "training", "Beatriz Santos", on, as_of});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->on, on);

  // A program without a status date: the clock's today.
  TestEnv bare(kNow, "tests/data/valid/minimal.yaml");
  r = SignOffItem(bare.env, {std::nullopt, "requirements", "Dana Lee", std::nullopt, std::nullopt});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->on, Date::FromYmd(2026, 7, 1));
}

TEST(AuditCasesTest, SignOffOfAnUnknownItemWritesNothing) {
  TestEnv w(kNow, kPhoenixFile);
  auto before = VerifyTrail(w.env, {});
  auto r = SignOffItem(w.env, {std::nullopt, "nosuch", "Dana Lee", std::nullopt, std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  auto after = VerifyTrail(w.env, {});
  EXPECT_EQ(after->entries, before->entries);
}

TEST(AuditCasesTest, ReadinessOfAWorkspaceProgramChecksTheTrail) {
  TestEnv w(kNow, kPhoenixFile);
  auto r = CheckReadiness(w.env, {{}, std::nullopt, fs::path("examples")});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->readiness.as_of, Date::FromYmd(2026, 6, 15));
  ASSERT_TRUE(r->verification.has_value());
  EXPECT_TRUE(r->verification->ok);
  EXPECT_EQ(r->evidence_root, fs::path("examples"));

  // The same program read from its file: no trail, evidence under the file's folder.
  auto file = CheckReadiness(
      w.env,
      {{fs::path("examples/phoenix.yaml"), std::nullopt}, Date::FromYmd(2026, 6, 1), std::nullopt});
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_FALSE(file->verification.has_value());
  EXPECT_EQ(file->readiness.as_of, Date::FromYmd(2026, 6, 1));
  EXPECT_EQ(file->evidence_root, fs::path("examples"));
}

TEST(AuditCasesTest, RecordEvidenceHashesTheFileOnce) {
  TestEnv w(kNow, kPhoenixFile);
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  std::ofstream(dir.path() / "roster.md") << "Everyone trained.\n";
  RecordEvidenceRequest request{std::nullopt, "training", dir.path() / "roster.md", dir.path()};
  auto r = RecordEvidence(w.env, request);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->changed, 1u);
  EXPECT_EQ(r->sha256, *Sha256File(dir.path() / "roster.md"));

  auto again = RecordEvidence(w.env, request);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->changed, 0u);
  EXPECT_EQ(again->sha256, r->sha256);

  // Stored relative to the evidence root: verified there.
  auto readiness = CheckReadiness(w.env, {{}, std::nullopt, dir.path()});
  ASSERT_TRUE(readiness.ok());
  bool found = false;
  for (const auto& item : readiness->readiness.items) {
    for (const auto& e : item.evidence) {
      if (item.id == "training" && e.ref == "roster.md") {
        found = true;
        EXPECT_EQ(e.state, toolkit::EvidenceState::kVerified);
      }
    }
  }
  EXPECT_TRUE(found);
}

TEST(AuditCasesTest, PackIsGeneratedOnTheDateInForce) {
  TestEnv w(kNow, kPhoenixFile);
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  PackAuditRequest request;
  request.evidence_root = fs::path("examples");
  request.output = dir.path() / "pack.zip";
  auto r = PackAudit(w.env, request);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->generated_on, Date::FromYmd(2026, 6, 15));
  EXPECT_EQ(r->summary.missing, 0u);
  EXPECT_GT(r->summary.evidence_files, 0u);
  ASSERT_TRUE(r->verification.has_value());
  EXPECT_TRUE(r->verification->ok);
  EXPECT_TRUE(fs::exists(request.output));
}

TEST(AuditCasesTest, ReadLogFiltersAndLimits) {
  TestEnv w(kNow, kPhoenixFile);
  ReadLogRequest all;
  auto everything = ReadLog(w.env, all);
  ASSERT_TRUE(everything.ok());
  ASSERT_GT(everything->entries.size(), 3u);
  // Newest first.
  EXPECT_GT(everything->entries.front().seq, everything->entries.back().seq);

  ReadLogRequest risks;
  risks.filter.entity = "risk";
  risks.limit = 2;
  auto some = ReadLog(w.env, risks);
  ASSERT_TRUE(some.ok());
  ASSERT_EQ(some->entries.size(), 2u);
  for (const auto& e : some->entries) EXPECT_EQ(e.change.entity, "risk");

  ReadLogRequest nobody;
  nobody.filter.actor = "nobody";
  auto none = ReadLog(w.env, nobody);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->entries.empty());
}

// Stores `p` as a person editing the tables would: no audit entries.
void PutWithoutTrail(TestEnv& w, const model::Program& p) {
  auto txn = w.store.Begin(store::TxnMode::kWrite);
  ASSERT_TRUE(txn.ok());
  ASSERT_TRUE((*txn)->PutProgram(p).ok());
  ASSERT_TRUE((*txn)->Commit().ok());
}

TEST(AuditCasesTest, VerifyTrailReportsDataChangedOutsideTheTrail) {
  TestEnv w(kNow, kPhoenixFile);
  auto clean = VerifyTrail(w.env, {});
  ASSERT_TRUE(clean.ok());
  EXPECT_TRUE(clean->ok) << clean->reason;
  EXPECT_TRUE(clean->differences.empty());

  model::Program p = w.Program();
  ASSERT_FALSE(p.risks.empty());
  const std::string risk = p.risks[0].id;
  p.risks[0].probability = 0.01;
  model::Stakeholder mole;
  mole.id = "mole";
  mole.name = "Mole";
  p.stakeholders.push_back(mole);
  PutWithoutTrail(w, p);

  auto r = VerifyTrail(w.env, {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->ok);
  EXPECT_FALSE(r->first_bad);
  EXPECT_NE(r->reason.find("differ"), std::string::npos) << r->reason;
  bool probability = false, inserted = false;
  for (const auto& d : r->differences) {
    EXPECT_EQ(d.program, p.id);
    if (d.entity == "risk" && d.entity_id == risk && d.field == "probability") {
      probability = d.stored == "0.01" && d.trail.has_value() && d.trail != d.stored;
    }
    if (d.entity == "stakeholder" && d.entity_id == "mole" && d.field == "name") {
      inserted = !d.trail && d.stored == "Mole";
    }
  }
  EXPECT_TRUE(probability);
  EXPECT_TRUE(inserted);
  // The words say it too, and JSON lists each difference.
  const auto v = ToTrailVerification(*r);
  EXPECT_NE(report::TrailVerificationText(v).find("risk " + risk + " probability: trail"),
            std::string::npos)
      << report::TrailVerificationText(v);
  EXPECT_NE(report::TrailVerificationJson(v).find("\"differences\""), std::string::npos);
}

TEST(AuditCasesTest, VerifyTrailAcceptsEditsMadeThroughTheUseCases) {
  TestEnv w(kNow, kPhoenixFile);
  w.ClearStatusDate();
  auto r = SignOffItem(
      w.env, {std::nullopt, "risk_assessments", "Victor Lindqvist", std::nullopt, std::nullopt});
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto v = VerifyTrail(w.env, {});
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->reason;
  EXPECT_FALSE(report::TrailVerificationJson(ToTrailVerification(*v)).find("differences") !=
               std::string::npos);
}

}  // namespace
}  // namespace tpmkit::app
