// Workspaces written by earlier tpmkit versions open, verify and load with this one:
// tests/data/workspaces/*.sql are SQL dumps of real workspaces (how each was made is in
// its header). A change to the schema without a migration, to the canonical text of the
// audit trail or to its hash fails here.
#include "tpmkit/store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tpmkit::store::sqlite {
namespace {

namespace fs = std::filesystem;

// A fresh SQLite file holding the dump at `dump` (relative to the source tree).
class DumpedWorkspace {
 public:
  explicit DumpedWorkspace(const std::string& dump) {
    static int counter = 0;
    path_ = (fs::temp_directory_path() / ("tpmkit-old-workspace-" + std::to_string(getpid()) + "-" +
                                          std::to_string(counter++) + ".db"))
                .string();
    Remove();
    std::ifstream in(dump);
    std::stringstream sql;
    sql << in.rdbuf();
    if (!in || sql.str().empty()) {
      error_ = dump + " not found from " + fs::current_path().string();
      return;
    }
    sqlite3* db = nullptr;
    char* msg = nullptr;
    if (sqlite3_open(path_.c_str(), &db) != SQLITE_OK ||
        sqlite3_exec(db, sql.str().c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
      error_ = msg ? msg : sqlite3_errmsg(db);
    }
    sqlite3_free(msg);
    sqlite3_close(db);
  }
  ~DumpedWorkspace() { Remove(); }
  const std::string& path() const { return path_; }
  const std::string& error() const { return error_; }

 private:
  void Remove() {
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(path_ + s);
  }
  std::string path_;
  std::string error_;
};

// Made by tpmkit 48c355b: `apply examples/phoenix.yaml` (124 entries), then risk add,
// risk update, stakeholder contact, risk close, a contact whose note holds a CR, LF, tab
// and quotes, and a mitigation with every escape of the trail's JSON strings
// (tests/data/workspaces/v1-phoenix.sql).
constexpr int64_t kV1PhoenixEntries = 130;

TEST(OldWorkspaceTest, PhoenixFromVersion1VerifiesAndLoads) {
  DumpedWorkspace old("tests/data/workspaces/v1-phoenix.sql");
  ASSERT_EQ(old.error(), "");
  auto store = SqliteStore::Open(old.path(), {.create = false});
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ(*(*store)->SchemaVersion(), LatestSchemaVersion());

  {
    auto txn = (*store)->Begin(TxnMode::kRead);
    ASSERT_TRUE(txn.ok());
    auto verify = (*txn)->VerifyAudit();
    ASSERT_TRUE(verify.ok()) << verify.error().message;
    EXPECT_TRUE(verify->ok) << verify->reason;
    EXPECT_EQ(verify->entries, kV1PhoenixEntries);

    auto programs = (*txn)->ListPrograms();
    ASSERT_TRUE(programs.ok());
    ASSERT_EQ(programs->size(), 1u);
    EXPECT_EQ((*programs)[0].id, "phoenix");
    auto program = (*txn)->LoadProgram("phoenix");
    ASSERT_TRUE(program.ok()) << program.error().message;
    ASSERT_TRUE(program->has_value());
    const model::Program& p = **program;
    EXPECT_EQ(p.name, "Project Phoenix");
    EXPECT_GT(p.TaskCount(), 0u);
    auto risk = std::find_if(p.risks.begin(), p.risks.end(),
                             [](const model::Risk& r) { return r.id == "R-99"; });
    ASSERT_NE(risk, p.risks.end());
    EXPECT_EQ(risk->probability, 0.5);
    EXPECT_EQ(risk->status, model::RiskStatus::kClosed);
    EXPECT_EQ(risk->mitigation, "Escrow the SDK\r\n\t\"ask legal\"\b\f\x01 \xc3\xa9");
    auto sponsor = std::find_if(p.stakeholders.begin(), p.stakeholders.end(),
                                [](const model::Stakeholder& s) { return s.id == "sponsor"; });
    ASSERT_NE(sponsor, p.stakeholders.end());
    ASSERT_EQ(sponsor->contacts.size(), 2u);
    EXPECT_EQ(sponsor->contacts[0].on, *Date::Parse("2026-06-20"));
    EXPECT_EQ(sponsor->contacts[1].note, "Call\r\nfollow-up:\tsend the \"plan B\" memo");
  }

  // This version extends the old chain, and the whole chain still verifies.
  auto txn = (*store)->Begin(TxnMode::kWrite);
  ASSERT_TRUE(txn.ok());
  auto written = (*txn)->AppendAudit(
      "tester", "phoenix",
      {{"risk", "R-99", model::ChangeAction::kUpdate, {{"mitigation", std::nullopt, "Watch"}}}});
  ASSERT_TRUE(written.ok()) << written.error().message;
  ASSERT_TRUE((*txn)->Commit().ok());
  auto read = (*store)->Begin(TxnMode::kRead);
  auto verify = (*read)->VerifyAudit();
  ASSERT_TRUE(verify.ok());
  EXPECT_TRUE(verify->ok) << verify->reason;
  EXPECT_EQ(verify->entries, kV1PhoenixEntries + 1);
}

// PRAGMA user_version of the SQLite file at `path`, read directly.
int UserVersion(const std::string& path) {
  sqlite3* db = nullptr;
  int version = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_exec(
        db, "PRAGMA user_version",
        [](void* out, int, char** values, char**) {
          *static_cast<int*>(out) = std::stoi(values[0]);
          return 0;
        },
        &version, nullptr);
  }
  sqlite3_close(db);
  return version;
}

TEST(ReadOnlyWorkspaceTest, AnOlderSchemaIsNotUpgradedWhenReadOnly) {
  DumpedWorkspace old("tests/data/workspaces/v1-phoenix.sql");
  ASSERT_EQ(old.error(), "");
  const int version = UserVersion(old.path());
  ASSERT_LT(version, LatestSchemaVersion());
  auto store = SqliteStore::Open(old.path(), {.create = false, .read_only = true});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kStorage);
  EXPECT_EQ(store.error().message,
            "the workspace " + old.path() + " has schema version " + std::to_string(version) +
                " and this tpmkit reads version " + std::to_string(LatestSchemaVersion()) +
                "; it cannot be upgraded because it was opened for reading only: run any command "
                "once with write access to it");
  EXPECT_EQ(UserVersion(old.path()), version);
  // A writable open upgrades it.
  ASSERT_TRUE(SqliteStore::Open(old.path(), {.create = false}).ok());
  EXPECT_EQ(UserVersion(old.path()), LatestSchemaVersion());
}

TEST(ReadOnlyWorkspaceTest, ReadsWorkWritesAreRefusedAndNothingIsWritten) {
  DumpedWorkspace old("tests/data/workspaces/v1-phoenix.sql");
  ASSERT_EQ(old.error(), "");
  {
    auto upgraded = SqliteStore::Open(old.path(), {.create = false});
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  }
  // The last connection's close checkpoints and removes the -wal and -shm files.
  ASSERT_FALSE(fs::exists(old.path() + "-wal"));
  const auto size = fs::file_size(old.path());
  const auto modified = fs::last_write_time(old.path());

  auto store = SqliteStore::Open(old.path(), {.create = false, .read_only = true});
  ASSERT_TRUE(store.ok()) << store.error().message;
  {
    auto txn = (*store)->Begin(TxnMode::kRead);
    ASSERT_TRUE(txn.ok()) << txn.error().message;
    auto program = (*txn)->LoadProgram("phoenix");
    ASSERT_TRUE(program.ok()) << program.error().message;
    EXPECT_TRUE(program->has_value());
    auto verify = (*txn)->VerifyAudit();
    ASSERT_TRUE(verify.ok()) << verify.error().message;
    EXPECT_TRUE(verify->ok) << verify->reason;
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  auto write = (*store)->Begin(TxnMode::kWrite);
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().code, ErrorCode::kStorage);
  EXPECT_EQ(write.error().message,
            "cannot write to the workspace " + old.path() + ": it was opened for reading only");
  // Read as immutable: no -wal or -shm file, the file as it was.
  EXPECT_FALSE(fs::exists(old.path() + "-wal"));
  EXPECT_FALSE(fs::exists(old.path() + "-shm"));
  EXPECT_EQ(fs::file_size(old.path()), size);
  EXPECT_EQ(fs::last_write_time(old.path()), modified);
}

}  // namespace
}  // namespace tpmkit::store::sqlite
