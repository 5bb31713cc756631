// What only PostgreSQL has: several processes' connections on one workspace and a network
// between them. Two stores ("two servers") append to the trail at once; connections are
// ended from the database's side (pg_terminate_backend) to lose them in a read, in a
// write and during COMMIT. Runs when TPMKIT_TEST_POSTGRES names a database (see
// store_test.cc), skipped otherwise.
#include "tpmkit/store/postgres/postgres_store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "tpmkit/store/postgres/pg_db.h"
#include "tpmkit/store/store.h"

namespace tpmkit::store::postgres {
namespace {

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* base = std::getenv("TPMKIT_TEST_POSTGRES");
    if (base == nullptr || *base == '\0') {
      GTEST_SKIP() << "no database named (set TPMKIT_TEST_POSTGRES, e.g. under pg_virtualenv)";
    }
    base_ = base;
    static std::atomic<int> counter{0};
    schema_ = fmt::format("tpmkit_pgtest_{}_{}", getpid(), counter++);
    // The application name marks this test's connections, so that it ends only its own.
    url_ = base_ + (base_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema_ + "&application_name=" + schema_;
    Admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
  }
  void TearDown() override {
    if (!schema_.empty()) Admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }

  std::unique_ptr<PostgresStore> Open(int busy_timeout_ms = 10000) {
    OpenOptions options;
    options.busy_timeout_ms = busy_timeout_ms;
    auto s = PostgresStore::Open(url_, options);
    EXPECT_TRUE(s.ok()) << s.error().message;
    return s.ok() ? std::move(s).value() : nullptr;
  }

  // Ends every connection of this test's stores from the server's side, as a database
  // restart or an administrator would.
  void KillConnections() {
    Admin(
        "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = '" +
        schema_ + "' AND pid <> pg_backend_pid()");
  }

  // SQL on the database outside the workspace's stores. Only the test's own names are
  // written into it, never input.
  void Admin(const std::string& sql) {
    auto c = Connection::Open(base_, 10000);
    ASSERT_TRUE(c.ok()) << c.error().message;
    Status s = (*c)->Exec(sql);
    ASSERT_TRUE(s.ok()) << s.error().message;
  }

  static model::Program Minimal(const std::string& id) {
    model::Program p;
    p.id = id;
    p.name = "Program " + id;
    p.currency = "EUR";
    p.start = *Date::Parse("2026-01-05");
    return p;
  }

  std::string base_, schema_, url_;
};

TEST_F(PostgresStoreTest, TwoServersAppendingAtOnceKeepOneChain) {
  // Two stores with pools of their own (different timeouts), as two server processes have,
  // each written to from two threads with a store per thread.
  constexpr int kThreads = 4, kAppends = 25;
  std::vector<std::unique_ptr<PostgresStore>> stores;
  for (int i = 0; i < kThreads; ++i) stores.push_back(Open(10000 + i % 2));
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      for (int n = 0; n < kAppends; ++n) {
        auto t = stores[i]->Begin(TxnMode::kWrite);
        if (!t.ok()) {
          ++failures;
          continue;
        }
        std::vector<model::EntityChange> changes = {
            {"risk", fmt::format("R-{}-{}", i, n), model::ChangeAction::kCreate, {}},
            {"risk", fmt::format("R-{}-{}", i, n), model::ChangeAction::kDelete, {}}};
        if (!(*t)->AppendAudit(fmt::format("server{}", i % 2), fmt::format("p{}", i), changes)
                 .ok() ||
            !(*t)->Commit().ok()) {
          ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);

  auto t = stores[0]->Begin(TxnMode::kRead);
  ASSERT_TRUE(t.ok());
  auto v = (*t)->VerifyAudit();
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_TRUE(v->ok) << v->reason;
  EXPECT_EQ(v->entries, kThreads * kAppends * 2);
  // One chain: every entry's prev_hash is the hash of the entry before it, no seq twice.
  auto all = (*t)->ReadAudit({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), static_cast<size_t>(kThreads * kAppends * 2));
  for (size_t i = 0; i + 1 < all->size(); ++i) {
    EXPECT_EQ((*all)[i].seq, (*all)[i + 1].seq + 1);
    EXPECT_EQ((*all)[i].prev_hash, (*all)[i + 1].hash);
  }
}

TEST_F(PostgresStoreTest, AReadWhoseConnectionWasLostIsRunAgain) {
  auto store = Open();
  {
    auto w = store->Begin(TxnMode::kWrite);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->PutProgram(Minimal("phoenix")).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  auto r = store->Begin(TxnMode::kRead);
  ASSERT_TRUE(r.ok());
  KillConnections();
  auto list = (*r)->ListPrograms();
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].id, "phoenix");
}

TEST_F(PostgresStoreTest, AWriteWhoseConnectionWasLostFailsAndIsNotRepeated) {
  auto store = Open();
  auto w = store->Begin(TxnMode::kWrite);
  ASSERT_TRUE(w.ok());
  KillConnections();
  Status put = (*w)->PutProgram(Minimal("phoenix"));
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.error().code, ErrorCode::kStorage);
  EXPECT_NE(put.error().message.find("lost the connection"), std::string::npos)
      << put.error().message;
  w->reset();
  // The store carries on with a new connection; nothing was written.
  auto r = store->Begin(TxnMode::kRead);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE((*r)->ListPrograms()->empty());
}

TEST_F(PostgresStoreTest, ACommitWithoutAnAnswerIsReportedAsUnknown) {
  auto store = Open();
  auto w = store->Begin(TxnMode::kWrite);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->PutProgram(Minimal("phoenix")).ok());
  ASSERT_TRUE((*w)->AppendAudit("ana", "phoenix",
                                {{"program", "phoenix", model::ChangeAction::kCreate, {}}})
                  .ok());
  // The connection dies before COMMIT's answer: the client cannot tell whether it
  // committed, and must not say that it did (here it had not).
  KillConnections();
  Status commit = (*w)->Commit();
  ASSERT_FALSE(commit.ok());
  EXPECT_EQ(commit.error().code, ErrorCode::kStorage);
  EXPECT_EQ(commit.error().message, kCommitUnknown);
  w->reset();
  auto r = store->Begin(TxnMode::kRead);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE((*r)->LoadProgram("phoenix")->has_value());
  auto v = (*r)->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok);
  EXPECT_EQ(v->entries, 0);
}

TEST_F(PostgresStoreTest, AFailedStatementLeavesTheTransactionUsable) {
  auto store = Open();
  auto w = store->Begin(TxnMode::kWrite);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->PutProgram(Minimal("phoenix")).ok());
  // A role the schema refuses: the statement fails, the transaction goes on (as SQLite's).
  ASSERT_TRUE((*w)->Accounts().PutUser({"ana", "h", false, false, "", 0, 1}).ok());
  EXPECT_FALSE((*w)->Accounts().PutGrant({"ana", "phoenix", "emperor"}).ok());
  ASSERT_TRUE((*w)->Accounts().PutGrant({"ana", "phoenix", "owner"}).ok());
  ASSERT_TRUE((*w)->Commit().ok());
  auto r = store->Begin(TxnMode::kRead);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE((*r)->LoadProgram("phoenix")->has_value());
  EXPECT_EQ((*r)->Accounts().ListGrants("ana")->size(), 1u);
}

TEST_F(PostgresStoreTest, AWorkspaceThatIsAbsentIsNotFoundWithoutCreate) {
  OpenOptions options;
  options.create = false;
  auto s = PostgresStore::Open(url_, options);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace tpmkit::store::postgres
