// MigrateWorkspace between two SQLite files (the PostgreSQL round trip is
// tests/e2e/migrate_postgres_test.py): everything arrives as it was, the chain verifies,
// and a target with data or a source with a broken chain is refused with nothing written.
#include "tpmkit/app/migrate_cases.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "tpmkit/app/deferred_store.h"
#include "tpmkit/app/env.h"
#include "tpmkit/app/program_cases.h"
#include "tpmkit/app/test_env.h"
#include "tpmkit/base/clock.h"
#include "tpmkit/store/sqlite/sqlite_store.h"
#include "tpmkit/store/store.h"

namespace tpmkit::app {
namespace {

class MigrateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("tpmkit-migrate-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    from_ = (dir_ / "from.db").string();
    to_ = (dir_ / "to.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // A workspace at `url` holding phoenix with a history, a user, a grant and a token.
  void Fill(const std::string& url) {
    DeferredStore store(url, clock_, {.create = true});
    Env env{store, clock_, "ana"};
    ASSERT_TRUE(ApplyFile(env, {std::string(kPhoenixFile)}).ok());
    auto edited = EditProgram(env, std::nullopt, [](model::Program& p) -> Status {
      p.name = "Phoenix, renamed";
      return OkStatus();
    });
    ASSERT_TRUE(edited.ok()) << edited.error().message;
    auto t = store.Begin(store::TxnMode::kWrite);
    ASSERT_TRUE(t.ok());
    auto& accounts = (*t)->Accounts();
    ASSERT_TRUE(accounts.PutUser({"bob", "$argon2id$x", false, false, "", 0, 1780000000}).ok());
    ASSERT_TRUE(accounts.PutGrant({"bob", "phoenix", "editor"}).ok());
    ASSERT_TRUE(accounts
                    .PutToken({"tok_00000001", std::string(64, 'a'), "bob", "phoenix", "viewer",
                               1780000000, std::nullopt})
                    .ok());
    ASSERT_TRUE((*t)->Commit().ok());
  }

  struct Contents {
    std::vector<store::AuditEntry> trail;
    std::optional<model::Program> phoenix;
    std::vector<store::GrantRecord> grants;
    std::vector<store::TokenRecord> tokens;
    store::VerifyResult verified;
  };
  Contents Read(const std::string& url) {
    Contents c;
    auto s = store::OpenStore(url, {.create = false});
    EXPECT_TRUE(s.ok()) << s.error().message;
    if (!s.ok()) return c;
    auto t = (*s)->Begin(store::TxnMode::kRead);
    c.trail = *(*t)->ReadAudit({});
    c.phoenix = *(*t)->LoadProgram("phoenix");
    c.grants = *(*t)->Accounts().ListGrants(std::nullopt);
    c.tokens = *(*t)->Accounts().ListTokens("bob");
    c.verified = *(*t)->VerifyAudit();
    return c;
  }

  FixedClock clock_{ParseUtcTimestamp("2026-06-15T09:00:00Z").value()};
  std::filesystem::path dir_;
  std::string from_, to_;
};

TEST_F(MigrateTest, CopiesEverythingAndTheChainVerifies) {
  Fill(from_);
  auto r = MigrateWorkspace(clock_, {from_, to_});
  ASSERT_TRUE(r.ok()) << r.error().message;
  Contents before = Read(from_), after = Read(to_);
  EXPECT_EQ(r->programs, 1u);
  EXPECT_EQ(r->audit_entries, before.trail.size());
  EXPECT_EQ(r->users, 1u);
  EXPECT_EQ(r->grants, 1u);
  EXPECT_EQ(r->tokens, 1u);
  ASSERT_GT(after.trail.size(), 10u);
  ASSERT_EQ(after.trail.size(), before.trail.size());
  for (size_t i = 0; i < after.trail.size(); ++i) {
    EXPECT_EQ(after.trail[i].seq, before.trail[i].seq);
    EXPECT_EQ(after.trail[i].at, before.trail[i].at);
    EXPECT_EQ(after.trail[i].hash, before.trail[i].hash);
    EXPECT_EQ(after.trail[i].change, before.trail[i].change);
  }
  EXPECT_TRUE(after.verified.ok) << after.verified.reason;
  EXPECT_EQ(after.phoenix, before.phoenix);
  EXPECT_EQ(after.grants, before.grants);
  EXPECT_EQ(after.tokens, before.tokens);
}

TEST_F(MigrateTest, ATargetWithDataIsRefusedAndKeptAsItWas) {
  Fill(from_);
  ASSERT_TRUE(MigrateWorkspace(clock_, {from_, to_}).ok());
  const size_t entries = Read(to_).trail.size();
  auto again = MigrateWorkspace(clock_, {from_, to_});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("not empty"), std::string::npos) << again.error().message;
  EXPECT_EQ(Read(to_).trail.size(), entries);
}

TEST_F(MigrateTest, ASourceWhoseChainIsBrokenIsRefused) {
  Fill(from_);
  {
    auto s = store::OpenStore(from_);
    ASSERT_TRUE(s.ok());
    auto* sqlite = dynamic_cast<store::sqlite::SqliteStore*>(s->get());
    ASSERT_NE(sqlite, nullptr);
    ASSERT_TRUE(sqlite->ExecRaw("UPDATE audit_trail SET actor = 'mallory' WHERE seq = 2").ok());
  }
  auto r = MigrateWorkspace(clock_, {from_, to_});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_NE(r.error().message.find("does not verify"), std::string::npos) << r.error().message;
  EXPECT_FALSE(std::filesystem::exists(to_)) << "nothing is written";
}

TEST_F(MigrateTest, AnAbsentSourceOrTheSameWorkspaceTwiceIsRefused) {
  auto absent = MigrateWorkspace(clock_, {from_, to_});
  ASSERT_FALSE(absent.ok());
  EXPECT_EQ(absent.error().code, ErrorCode::kNotFound);
  auto same = MigrateWorkspace(clock_, {from_, from_});
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().code, ErrorCode::kUsage);
}

}  // namespace
}  // namespace tpmkit::app
