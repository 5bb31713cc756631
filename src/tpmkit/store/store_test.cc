// The storage test suite: written once against the Store interface and run for every
// backend (SQLite in memory, SQLite on a file, and PostgreSQL when TPMKIT_TEST_POSTGRES
// names a database: see PostgresBackend).
#include "tpmkit/store/store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "generate.h"
#include "tpmkit/store/audit_trail.h"
#include "tpmkit/store/postgres/pg_db.h"
#include "tpmkit/store/postgres/postgres_store.h"
#include "tpmkit/store/sqlite/sqlite_store.h"

namespace tpmkit::store {
namespace {

using model::Program;
using postgres::PostgresStore;
using sqlite::SqliteStore;

// How the suite reaches one kind of workspace.
class StoreBackend {
 public:
  virtual ~StoreBackend() = default;
  // Opens the test's workspace; when persistent(), every call opens the same one.
  virtual Result<std::unique_ptr<Store>> Open(const OpenOptions& options) = 0;
  virtual bool persistent() const = 0;
  // Raw SQL on the workspace behind `store` (to tamper with it as a person could).
  virtual Status Exec(Store& store, const std::string& sql) = 0;
  // Removes the workspace, so that the next Open starts from nothing.
  virtual void Wipe() = 0;
  // The schema version of the workspace behind `store`, and the newest this build knows.
  virtual Result<int> SchemaVersion(Store& store) = 0;
  virtual int LatestSchemaVersion() const = 0;
  // Marks the workspace as written by a newer tpmkit (a schema version this build lacks).
  virtual Status MarkNewerSchema(Store& store) = 0;
};

class SqliteBackend : public StoreBackend {
 public:
  Status Exec(Store& store, const std::string& sql) override {
    return dynamic_cast<SqliteStore&>(store).ExecRaw(sql);
  }
  Result<int> SchemaVersion(Store& store) override {
    return dynamic_cast<SqliteStore&>(store).SchemaVersion();
  }
  int LatestSchemaVersion() const override { return sqlite::LatestSchemaVersion(); }
  Status MarkNewerSchema(Store& store) override { return Exec(store, "PRAGMA user_version = 99"); }
};

class SqliteMemoryBackend : public SqliteBackend {
 public:
  Result<std::unique_ptr<Store>> Open(const OpenOptions& options) override {
    return OpenStore(":memory:", options);
  }
  bool persistent() const override { return false; }
  void Wipe() override {}
};

class SqliteFileBackend : public SqliteBackend {
 public:
  SqliteFileBackend() {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("tpmkit-store-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~SqliteFileBackend() override { std::filesystem::remove_all(dir_); }
  Result<std::unique_ptr<Store>> Open(const OpenOptions& options) override {
    return OpenStore(path(), options);
  }
  bool persistent() const override { return true; }
  std::string path() const { return (dir_ / "tpmkit.db").string(); }
  void Wipe() override {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path() + suffix);
  }

 private:
  std::filesystem::path dir_;
};

// A PostgreSQL workspace in a schema of its own (so that tests running at once do not
// meet), in the database that TPMKIT_TEST_POSTGRES names (a libpq URL; "postgresql://"
// takes everything from the PG* variables, as pg_virtualenv sets them). Make() gives
// nullptr when the variable is not set, and the suite skips the backend.
class PostgresBackend : public StoreBackend {
 public:
  static std::unique_ptr<StoreBackend> Make() {
    const char* base = std::getenv("TPMKIT_TEST_POSTGRES");
    if (base == nullptr || *base == '\0') return nullptr;
    return std::unique_ptr<StoreBackend>(new PostgresBackend(base));
  }
  explicit PostgresBackend(std::string base) : base_(std::move(base)) {
    static std::atomic<int> counter{0};
    schema_ = fmt::format("tpmkit_test_{}_{}", getpid(), counter++);
    url_ = base_ + (base_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema_;
    Admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
  }
  ~PostgresBackend() override { Admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE"); }
  Result<std::unique_ptr<Store>> Open(const OpenOptions& options) override {
    return OpenStore(url_, options);
  }
  bool persistent() const override { return true; }
  Status Exec(Store& store, const std::string& sql) override {
    return dynamic_cast<PostgresStore&>(store).ExecRaw(sql);
  }
  void Wipe() override {
    Admin("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
  }
  Result<int> SchemaVersion(Store& store) override {
    return dynamic_cast<PostgresStore&>(store).SchemaVersion();
  }
  int LatestSchemaVersion() const override { return postgres::LatestSchemaVersion(); }
  Status MarkNewerSchema(Store& store) override {
    return Exec(store,
                "INSERT INTO schema_migrations (version, name) VALUES (99, 'from a newer tpmkit')");
  }
  const std::string& url() const { return url_; }

 private:
  // DDL on the database itself, outside any workspace. The schema's name is the test's
  // own, never input.
  void Admin(const std::string& sql) {
    auto c = postgres::Connection::Open(base_, 10000);
    ASSERT_TRUE(c.ok()) << c.error().message;
    Status s = (*c)->Exec(sql);
    ASSERT_TRUE(s.ok()) << s.error().message;
  }

  std::string base_;
  std::string schema_;
  std::string url_;
};

struct BackendParam {
  std::string name;
  std::function<std::unique_ptr<StoreBackend>()> make;
};

void PrintTo(const BackendParam& p, std::ostream* os) { *os << p.name; }

// A clock that ticks one minute per call, from 2026-06-01T00:00:00Z.
std::function<std::chrono::system_clock::time_point()> TickingClock() {
  auto t = std::make_shared<std::chrono::system_clock::time_point>(
      std::chrono::sys_days(std::chrono::year(2026) / 6 / 1));
  return [t] {
    auto now = *t;
    *t += std::chrono::minutes(1);
    return now;
  };
}

class StoreTest : public ::testing::TestWithParam<BackendParam> {
 protected:
  void SetUp() override {
    backend_ = GetParam().make();
    if (!backend_) {
      GTEST_SKIP() << GetParam().name
                   << ": no database named (set TPMKIT_TEST_POSTGRES, e.g. under pg_virtualenv)";
    }
    store_ = OpenOrDie();
  }

  std::unique_ptr<Store> OpenOrDie(OpenOptions options = {}) {
    if (!options.clock) options.clock = clock_;
    auto s = backend_->Open(options);
    EXPECT_TRUE(s.ok()) << s.error().message;
    return s.ok() ? std::move(s).value() : nullptr;
  }

  std::unique_ptr<Transaction> Begin(TxnMode mode, Store* store = nullptr) {
    auto t = (store ? store : store_.get())->Begin(mode);
    EXPECT_TRUE(t.ok()) << t.error().message;
    return t.ok() ? std::move(t).value() : nullptr;
  }

  void Put(const Program& p) {
    auto t = Begin(TxnMode::kWrite);
    ASSERT_TRUE(t->PutProgram(p).ok());
    ASSERT_TRUE(t->Commit().ok());
  }

  std::optional<Program> Load(const std::string& id) {
    auto t = Begin(TxnMode::kRead);
    auto p = t->LoadProgram(id);
    EXPECT_TRUE(p.ok()) << p.error().message;
    return p.ok() ? *p : std::nullopt;
  }

  // Applies `after` as `apply` would: diff, store, audit, commit.
  void Apply(const Program& after, const std::string& actor = "ana") {
    auto t = Begin(TxnMode::kWrite);
    auto before = t->LoadProgram(after.id);
    ASSERT_TRUE(before.ok());
    auto changes = model::DiffPrograms(before->has_value() ? &**before : nullptr, after);
    ASSERT_TRUE(t->PutProgram(after).ok());
    auto written = t->AppendAudit(actor, after.id, changes);
    ASSERT_TRUE(written.ok()) << written.error().message;
    ASSERT_TRUE(t->Commit().ok());
  }

  VerifyResult Verify() {
    auto t = Begin(TxnMode::kRead);
    auto r = t->VerifyAudit();
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : VerifyResult{};
  }

  Status Exec(const std::string& sql) { return backend_->Exec(*store_, sql); }

  std::function<std::chrono::system_clock::time_point()> clock_ = TickingClock();
  std::unique_ptr<StoreBackend> backend_;
  std::unique_ptr<Store> store_;
};

// A program that sets every field, and the optional-vs-absent cases the model can tell.
Program EveryField() {
  using namespace model;
  Program p;
  p.id = "phoenix";
  p.name = "Project Phoenix";
  p.objective = "Move billing to the cloud";
  p.sponsor = "Dana Lee";
  p.currency = "EUR";
  p.start = Date::FromYmd(2026, 1, 5);
  p.target = Date::FromYmd(2026, 9, 30);
  p.status_date = Date::FromYmd(2026, 6, 15);
  p.budget = Money::FromCents(240000012);
  p.calendar = Calendar{{Weekday::kMon, Weekday::kTue, Weekday::kSat},
                        {Date::FromYmd(2026, 5, 25), Date::FromYmd(2026, 7, 3)}};
  p.assumptions = {"Vendor sandbox by March", "", "Unicode: café ✓"};
  Task design;
  design.id = "design";
  design.name = "Design";
  design.owner = "Ana Ruiz";
  design.duration = 10;
  design.cost = Money::FromCents(5000000);
  design.percent_complete = 100;
  design.actual_start = Date::FromYmd(2026, 1, 5);
  design.actual_finish = Date::FromYmd(2026, 1, 16);
  design.baseline = Baseline{Date::FromYmd(2026, 1, 5), Date::FromYmd(2026, 1, 16)};
  Task build;
  build.id = "build";
  build.name = "Build";
  build.estimate = Estimate{15, 20.5, 35, Distribution::kTriangular};
  build.depends = {{"design", LinkType::kFS, 0}};
  build.resources = {"contractors", "eng"};
  build.cost = Money::FromCents(0);
  build.baseline = Baseline{};  // present, nothing set
  build.percent_complete = 0.1 + 0.2;
  Task integrate;
  integrate.id = "integrate";
  integrate.name = "Vendor integration";
  integrate.duration = 15;
  integrate.depends = {{"build", LinkType::kSS, 5}, {"core.design", LinkType::kSF, -2.5}};
  integrate.start_no_earlier_than = Date::FromYmd(2026, 3, 2);
  integrate.deadline = Date::FromYmd(2026, 5, 29);
  Task launch;
  launch.id = "launch";
  launch.name = "Launch";
  launch.milestone = true;
  launch.baseline = Baseline{std::nullopt, Date::FromYmd(2026, 9, 1)};
  launch.depends = {{"integrate", LinkType::kFF, 0}, {"migrate", LinkType::kFS, 1}};
  p.projects = {{"core", "Core platform", "Ana Ruiz", {design, build, integrate, launch}},
                {"data", "Data", "", {}},
                {"ops", "", "", {}}};
  Task migrate;
  migrate.id = "migrate";
  migrate.name = "Migrate accounts";
  migrate.estimate = Estimate{1, 2, 3, Distribution::kUniform};
  p.projects[1].tasks = {migrate};
  p.dependencies = {
      {"vendor-sandbox",
       "Payment vendor sandbox",
       "Acme Pay",
       "Priya Shah",
       Date::FromYmd(2026, 3, 1),
       DependencyStatus::kAtRisk,
       {"integrate", "build"},
       Date::FromYmd(2026, 3, 10)},
      {"dc", "Datacenter", "", "", std::nullopt, DependencyStatus::kDelivered, {}, std::nullopt}};
  p.resources = {{"contractors", "Contract engineers", Money::FromCents(90000), 2},
                 {"eng", "Engineers", std::nullopt, std::nullopt}};
  p.actuals = {
      {Date::FromYmd(2026, 1, 31), Money::FromCents(4800000), "design", "January invoices"},
      {Date::FromYmd(2026, 2, 28), Money::FromCents(-150), "", ""}};
  p.scorecard =
      Scorecard{std::vector<Criterion>{{"stakeholder_alignment", "Stakeholder alignment", 25},
                                       {"vendor", "Vendor", 12.5}},
                {{Date::FromYmd(2026, 6, 1),
                  "Priya Shah",
                  {{"stakeholder_alignment", 2}, {"vendor", 5}},
                  "Vendor slipped twice"},
                 {Date::FromYmd(2026, 6, 8), "Priya Shah", {}, ""}}};
  Risk r1;
  r1.id = "R-01";
  r1.title = "Sandbox slips";
  r1.category = "vendor";
  r1.owner = "Priya Shah";
  r1.status = RiskStatus::kMitigating;
  r1.raised = Date::FromYmd(2026, 2, 1);
  r1.probability = 0.4;
  r1.severity = 4;
  r1.impact = RiskImpact{10, Money::FromCents(8000000), {"integrate"}};
  r1.mitigation = "Second vendor";
  r1.trigger = "Vendor misses the date";
  r1.response_due = Date::FromYmd(2026, 3, 15);
  r1.residual = Residual{0.15, 3};
  Risk r2;
  r2.id = "R-02";
  r2.title = "Empty impact";
  r2.impact = RiskImpact{};
  Risk r3;
  r3.id = "R-03";
  r3.title = "Tasks only";
  r3.impact = RiskImpact{std::nullopt, std::nullopt, {"build", "launch"}};
  p.risks = {r1, r2, r3};
  Stakeholder s;
  s.id = "ops-lead";
  s.name = "Maria Gomez";
  s.role = "Operations lead";
  s.influence = 5;
  s.impact = 4;
  s.stance = Stance::kSupportive;
  s.channel = "email";
  s.cadence = 7;
  s.last_contact = Date::FromYmd(2026, 6, 10);
  s.satisfaction = 4;
  s.contacts = {{Date::FromYmd(2026, 6, 1), "Kickoff"}, {Date::FromYmd(2026, 6, 10), ""}};
  Stakeholder cfo;
  cfo.id = "cfo";
  cfo.name = "CFO";
  cfo.stance = Stance::kResistant;
  p.stakeholders = {s, cfo};
  Decision d;
  d.id = "D-01";
  d.question = "Add people, cut scope, or move the date?";
  d.status = DecisionStatus::kDecided;
  d.decision_rule = "Highest weighted score";
  d.criteria = {{"cost", "Cost", 30, Measure::kCost},
                {"date", "Delivery date", 40, Measure::kP80Finish},
                {"risk", "Delivery risk", 30, std::nullopt}};
  d.options = {{"add-people",
                "Add two engineers",
                {{"risk", 3}},
                Scenario{Money::FromCents(12000000),
                         DurationFactor{{"build", "integrate"}, 0.8},
                         {},
                         std::nullopt}},
               {"cut-scope",
                "Drop reporting",
                {{"risk", 4}, {"date", 2}},
                Scenario{std::nullopt, std::nullopt, {"reporting", "launch"}, std::nullopt}},
               {"move-date",
                "Move launch",
                {},
                Scenario{std::nullopt, std::nullopt, {}, Date::FromYmd(2026, 10, 30)}},
               {"empty", "Empty scenario", {}, Scenario{}},
               {"factor-only",
                "Factor without tasks",
                {},
                Scenario{std::nullopt, DurationFactor{{}, 1.5}, {}, std::nullopt}},
               {"none", "No scenario", {}, std::nullopt}};
  d.stakeholder_weights = {{"cfo", {{"cost", 60}, {"date", 20}, {"risk", 20}}}, {"ops-lead", {}}};
  d.chosen = "add-people";
  d.rationale = "Keeps the date";
  d.decided_by = "Dana Lee";
  d.decided_on = Date::FromYmd(2026, 6, 12);
  Decision d2;
  d2.id = "D-02";
  d2.question = "Open question";
  p.decisions = {d, d2};
  Change c;
  c.id = "CR-07";
  c.title = "Partner SSO";
  c.requested_by = "VP Sales";
  c.requested_on = Date::FromYmd(2026, 4, 2);
  c.status = ChangeStatus::kApproved;
  c.impact = ChangeImpact{5, Money::FromCents(3000000)};
  Task sso;
  sso.id = "sso";
  sso.name = "Partner SSO";
  sso.duration = 5;
  sso.depends = {{"build", LinkType::kFS, 0}};
  sso.resources = {"eng"};
  Task sso2 = sso;
  sso2.id = "sso-test";
  sso2.depends = {{"sso", LinkType::kFF, 1}};
  c.adds_tasks = {sso, sso2};
  c.approvals = {
      {"Dana Lee", Date::FromYmd(2026, 4, 9), ApprovalDecision::kApproved, "Contingency"},
      {"CFO", Date::FromYmd(2026, 4, 10), ApprovalDecision::kRejected, ""}};
  Change c2;
  c2.id = "CR-08";
  c2.title = "Empty impact";
  c2.impact = ChangeImpact{};
  c2.status = ChangeStatus::kImplemented;
  p.changes = {c, c2};
  Audit a;
  a.retention_years = 7;
  a.items = {{"requirements",
              AuditStatus::kDone,
              "Ana Ruiz",
              Date::FromYmd(2026, 6, 30),
              {{"docs/req.pdf", "9f2c", ""}, {"", "", "https://wiki.example.com/req"}},
              Signoff{"Dana Lee", Date::FromYmd(2026, 5, 2)},
              "Version 3"},
             {"privacy",
              AuditStatus::kNotApplicable,
              "",
              std::nullopt,
              {},
              Signoff{"", Date::FromYmd(2026, 5, 3)},
              ""},
             {"training", AuditStatus::kInProgress, "", std::nullopt, {}, std::nullopt, ""}};
  p.audit = a;
  p.targets = Targets{0.95, std::nullopt, 0.8, 90, 4.0, 40};
  return p;
}

// The smallest program: every optional absent.
Program Minimal(std::string id) {
  Program p;
  p.id = std::move(id);
  p.name = "Minimal";
  p.start = Date::FromYmd(2026, 1, 5);
  return p;
}

TEST_P(StoreTest, RoundTripsGeneratedPrograms) {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    testing::GenerateOptions o{.tasks = static_cast<int>(50 + seed * 13), .seed = seed};
    o.registers = seed % 4 != 0;
    o.progress = seed % 3 != 0;
    o.all_link_types = seed % 2 != 0;
    Program p = testing::GenerateProgram(o);
    Put(p);
    auto back = Load(p.id);
    ASSERT_TRUE(back.has_value()) << "seed " << seed;
    EXPECT_TRUE(*back == p) << "seed " << seed;
    EXPECT_TRUE(model::DiffPrograms(&p, *back).empty()) << "seed " << seed;
  }
}

TEST_P(StoreTest, RoundTripsEveryField) {
  Program p = EveryField();
  Put(p);
  auto back = Load(p.id);
  ASSERT_TRUE(back.has_value());
  auto diff = model::DiffPrograms(&p, *back);
  for (const auto& c : diff) ADD_FAILURE() << c.entity << " " << c.entity_id << " differs";
  EXPECT_TRUE(*back == p);

  // The absent/empty counterparts of the cases above.
  Program q = Minimal("minimal");
  q.calendar = model::Calendar{{}, {}};  // present, no working days listed
  q.scorecard = model::Scorecard{std::vector<model::Criterion>{}, {}};
  q.audit = model::Audit{};
  q.targets = model::Targets{};
  Put(q);
  EXPECT_EQ(Load("minimal"), q);
  Program m = Minimal("bare");
  m.scorecard = model::Scorecard{};  // default criteria
  Put(m);
  EXPECT_EQ(Load("bare"), m);
}

TEST_P(StoreTest, SnapshotsAreKeptPerDateOldestFirstAndReplaced) {
  {
    auto t = Begin(TxnMode::kWrite);
    ASSERT_TRUE(t->PutSnapshot({"p", "2026-06-15", {{"eac", "10"}, {"p80", "2026-09-30"}}}).ok());
    ASSERT_TRUE(t->PutSnapshot({"p", "2026-06-08", {{"eac", "9"}}}).ok());
    ASSERT_TRUE(t->PutSnapshot({"q", "2026-06-08", {{"eac", "1"}}}).ok());
    ASSERT_TRUE(t->Commit().ok());
  }
  {
    auto t = Begin(TxnMode::kWrite);
    // The same date again replaces the whole snapshot (a figure not given is gone).
    ASSERT_TRUE(t->PutSnapshot({"p", "2026-06-15", {{"eac", "11"}}}).ok());
    ASSERT_TRUE(t->Commit().ok());
  }
  {
    auto t = Begin(TxnMode::kWrite);
    ASSERT_TRUE(t->PutSnapshot({"p", "2026-06-22", {{"eac", "12"}}}).ok());
    // Not committed: rolled back.
  }
  auto t = Begin(TxnMode::kRead);
  auto snapshots = t->ReadSnapshots("p");
  ASSERT_TRUE(snapshots.ok()) << snapshots.error().message;
  const std::vector<SnapshotRecord> expected = {{"p", "2026-06-08", {{"eac", "9"}}},
                                                {"p", "2026-06-15", {{"eac", "11"}}}};
  EXPECT_EQ(*snapshots, expected);
  auto none = t->ReadSnapshots("nobody");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_P(StoreTest, PutReplacesTheProgram) {
  Program p = testing::GenerateProgram({.tasks = 120, .seed = 7});
  Put(p);
  Program q = p;
  q.name = "Renamed";
  q.projects[0].tasks.resize(3);
  q.risks.clear();
  q.calendar.reset();
  q.scorecard.reset();
  Put(q);
  EXPECT_EQ(Load(p.id), q);
  auto t = Begin(TxnMode::kRead);
  auto list = t->ListPrograms();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].name, "Renamed");
}

TEST_P(StoreTest, DeleteRemovesOneProgram) {
  Program a = testing::GenerateProgram({.tasks = 40, .seed = 1});
  Program b = testing::GenerateProgram({.tasks = 40, .seed = 2});
  Put(a);
  Put(b);
  {
    auto t = Begin(TxnMode::kWrite);
    ASSERT_TRUE(t->DeleteProgram(a.id).ok());
    Status missing = t->DeleteProgram("nope");
    EXPECT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
    ASSERT_TRUE(t->Commit().ok());
  }
  EXPECT_EQ(Load(a.id), std::nullopt);
  EXPECT_EQ(Load(b.id), b);
}

TEST_P(StoreTest, HoldsSeveralPrograms) {
  Program b = testing::GenerateProgram({.tasks = 30, .seed = 2});
  Program a = testing::GenerateProgram({.tasks = 30, .seed = 1});
  Program e = EveryField();
  Put(b);
  Put(a);
  Put(e);
  auto t = Begin(TxnMode::kRead);
  auto list = t->ListPrograms();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].id, "gen-1");
  EXPECT_EQ((*list)[1].id, "gen-2");
  EXPECT_EQ((*list)[2].id, "phoenix");
  EXPECT_EQ(*t->LoadProgram("gen-1"), a);
  EXPECT_EQ(*t->LoadProgram("gen-2"), b);
  EXPECT_EQ(*t->LoadProgram("phoenix"), e);
  EXPECT_EQ(*t->LoadProgram("absent"), std::nullopt);
}

TEST_P(StoreTest, RollbackLeavesNothing) {
  Program p = EveryField();
  {
    auto t = Begin(TxnMode::kWrite);
    ASSERT_TRUE(t->PutProgram(p).ok());
    ASSERT_TRUE(t->AppendAudit("ana", p.id, model::DiffPrograms(nullptr, p)).ok());
    // Seen inside the transaction, gone after it is dropped without Commit.
    EXPECT_EQ(*t->LoadProgram(p.id), p);
  }
  EXPECT_EQ(Load(p.id), std::nullopt);
  auto t = Begin(TxnMode::kRead);
  EXPECT_TRUE(t->ReadAudit({})->empty());
  EXPECT_TRUE(t->ListPrograms()->empty());
  auto v = t->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok);
  EXPECT_EQ(v->entries, 0);
}

TEST_P(StoreTest, ReadTransactionsDoNotWrite) {
  auto t = Begin(TxnMode::kRead);
  EXPECT_FALSE(t->PutProgram(Minimal("x")).ok());
  EXPECT_FALSE(t->DeleteProgram("x").ok());
  EXPECT_FALSE(t->AppendAudit("ana", "x", {}).ok());
  // One transaction at a time per store.
  EXPECT_FALSE(store_->Begin(TxnMode::kRead).ok());
}

TEST_P(StoreTest, SurvivesReopening) {
  if (!backend_->persistent()) GTEST_SKIP() << "an in-memory workspace ends with its store";
  Program p = EveryField();
  Apply(p);
  store_.reset();
  store_ = OpenOrDie();
  EXPECT_EQ(Load(p.id), p);
  EXPECT_TRUE(Verify().ok);
}

TEST_P(StoreTest, MigratesAnOlderWorkspaceAtOpen) {
  if (!backend_->persistent()) GTEST_SKIP() << "needs a workspace that outlives its store";
  store_.reset();
  backend_->Wipe();
  {
    OpenOptions old;
    old.schema_version = 1;
    auto s = OpenOrDie(old);
    ASSERT_EQ(*backend_->SchemaVersion(*s), 1);
    auto t = Begin(TxnMode::kWrite, s.get());
    ASSERT_TRUE(t->PutProgram(EveryField()).ok());
    // Version 1 has no audit trail yet.
    EXPECT_FALSE(t->AppendAudit("ana", "phoenix", model::DiffPrograms(nullptr, EveryField())).ok());
    ASSERT_TRUE(t->Commit().ok());
  }
  store_ = OpenOrDie();
  EXPECT_EQ(*backend_->SchemaVersion(*store_), backend_->LatestSchemaVersion());
  EXPECT_EQ(Load("phoenix"), EveryField());
  Program p = EveryField();
  p.name = "After the upgrade";
  Apply(p);
  EXPECT_TRUE(Verify().ok);

  // A workspace from a newer tpmkit is refused, not damaged.
  ASSERT_TRUE(backend_->MarkNewerSchema(*store_).ok());
  store_.reset();
  auto newer = backend_->Open({});
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.error().code, ErrorCode::kStorage);
  EXPECT_NE(newer.error().message.find("newer"), std::string::npos) << newer.error().message;
}

AuditFilter Filter(std::optional<std::string> program, std::optional<std::string> entity,
                   std::optional<std::string> actor, std::optional<std::string> since) {
  AuditFilter f;
  f.program = std::move(program);
  f.entity = std::move(entity);
  f.actor = std::move(actor);
  f.since = std::move(since);
  return f;
}

TEST_P(StoreTest, AppendsAndReadsTheAuditTrail) {
  Program p = EveryField();
  Apply(p, "ana");
  Program q = p;
  q.projects[0].tasks[1].estimate->likely = 25;
  q.risks.pop_back();
  Apply(q, "bob");
  Program other = Minimal("other");
  Apply(other, "bob");

  auto t = Begin(TxnMode::kRead);
  auto all = t->ReadAudit({});
  ASSERT_TRUE(all.ok()) << all.error().message;
  const size_t created = model::DiffPrograms(nullptr, p).size();
  ASSERT_EQ(all->size(), created + 2 + 1);
  // Newest first, seq 1.. in write order, each linked to the one before.
  for (size_t i = 0; i + 1 < all->size(); ++i) {
    EXPECT_EQ((*all)[i].seq, (*all)[i + 1].seq + 1);
    EXPECT_EQ((*all)[i].prev_hash, (*all)[i + 1].hash);
  }
  EXPECT_EQ(all->back().seq, 1);
  EXPECT_EQ(all->back().prev_hash, "");
  EXPECT_EQ(all->back().change.entity, "program");
  EXPECT_EQ(all->back().change.action, model::ChangeAction::kCreate);
  EXPECT_EQ(all->back().at, "2026-06-01T00:00:00Z");
  EXPECT_EQ(all->front().program, "other");
  EXPECT_EQ(all->front().at, "2026-06-01T00:02:00Z");

  auto bob = t->ReadAudit(Filter({}, {}, "bob", {}));
  ASSERT_EQ(bob->size(), 3u);
  auto phoenix_bob = t->ReadAudit(Filter("phoenix", {}, "bob", {}));
  ASSERT_EQ(phoenix_bob->size(), 2u);
  EXPECT_EQ((*phoenix_bob)[0].change,
            (model::EntityChange{"risk", "R-03", model::ChangeAction::kDelete,
                                 (*phoenix_bob)[0].change.changes}));
  EXPECT_EQ(
      (*phoenix_bob)[1].change,
      (model::EntityChange{
          "task", "build", model::ChangeAction::kUpdate, {{"estimate.likely", "20.5d", "25d"}}}));
  auto tasks = t->ReadAudit(Filter({}, "task", {}, {}));
  EXPECT_EQ(tasks->size(), p.TaskCount() + 1);
  EXPECT_EQ(t->ReadAudit(Filter({}, {}, {}, "2026-06-01T00:01:00Z"))->size(), 3u);
  EXPECT_EQ(t->ReadAudit(Filter({}, {}, {}, "2026-06-01"))->size(), all->size());
  EXPECT_EQ(t->ReadAudit(Filter({}, {}, {}, "2026-06-02"))->size(), 0u);
  EXPECT_EQ(t->ReadAudit(Filter("nope", {}, {}, {}))->size(), 0u);

  auto v = t->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->reason;
  EXPECT_EQ(v->entries, static_cast<int64_t>(all->size()));
}

TEST_P(StoreTest, AppendReturnsTheEntriesAsWritten) {
  auto t = Begin(TxnMode::kWrite);
  std::vector<model::EntityChange> changes = {{"risk",
                                               "R-1",
                                               model::ChangeAction::kCreate,
                                               {{"title", std::nullopt, "Quote \" and\nnewline"}}},
                                              {"risk", "R-1", model::ChangeAction::kDelete, {}}};
  auto written = t->AppendAudit("ana", "p", changes);
  ASSERT_TRUE(written.ok());
  ASSERT_EQ(written->size(), 2u);
  EXPECT_EQ((*written)[1].hash, ComputeEntryHash((*written)[0].hash, (*written)[1]));
  EXPECT_TRUE(t->AppendAudit("ana", "p", {})->empty());
  ASSERT_TRUE(t->Commit().ok());
  auto r = Begin(TxnMode::kRead);
  auto read = r->ReadAudit({});
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[1].change, changes[0]);
  EXPECT_EQ((*read)[0].hash, (*written)[1].hash);
}

class StoreTamperTest : public StoreTest {
 protected:
  // Five entries (seq 1..5), across two transactions.
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    auto t = Begin(TxnMode::kWrite);
    std::vector<model::EntityChange> first, second;
    for (int i = 1; i <= 5; ++i) {
      (i <= 3 ? first : second)
          .push_back({"task",
                      "t" + std::to_string(i),
                      model::ChangeAction::kUpdate,
                      {{"duration", "1d", std::to_string(i) + "d"}}});
    }
    ASSERT_TRUE(t->AppendAudit("ana", "p", first).ok());
    ASSERT_TRUE(t->Commit().ok());
    t = Begin(TxnMode::kWrite);
    ASSERT_TRUE(t->AppendAudit("bob", "p", second).ok());
    ASSERT_TRUE(t->Commit().ok());
    ASSERT_TRUE(Verify().ok);
  }

  void ExpectFirstBad(int64_t seq) {
    VerifyResult r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad, seq) << r.reason;
    EXPECT_FALSE(r.reason.empty());
  }
};

TEST_P(StoreTamperTest, EditedChangesAreDetected) {
  ASSERT_TRUE(Exec("UPDATE audit_trail SET changes = "
                   "'[{\"field\":\"duration\",\"new\":\"9d\",\"old\":\"1d\"}]' WHERE seq = 3")
                  .ok());
  ExpectFirstBad(3);
}

TEST_P(StoreTamperTest, EditedActorIsDetected) {
  ASSERT_TRUE(Exec("UPDATE audit_trail SET actor = 'mallory' WHERE seq = 2").ok());
  ExpectFirstBad(2);
}

TEST_P(StoreTamperTest, NonCanonicalOrInvalidChangesAreDetected) {
  ASSERT_TRUE(Exec("UPDATE audit_trail SET changes = "
                   "'[{\"field\": \"duration\", \"new\": \"4d\", \"old\": \"1d\"}]' WHERE seq = 4")
                  .ok());
  ExpectFirstBad(4);
  ASSERT_TRUE(Exec("UPDATE audit_trail SET changes = 'not json' WHERE seq = 2").ok());
  ExpectFirstBad(2);
}

TEST_P(StoreTamperTest, DeletedMiddleEntryIsDetected) {
  ASSERT_TRUE(Exec("DELETE FROM audit_trail WHERE seq = 3").ok());
  ExpectFirstBad(3);
}

TEST_P(StoreTamperTest, DeletedLastEntryIsDetected) {
  ASSERT_TRUE(Exec("DELETE FROM audit_trail WHERE seq = 5").ok());
  ExpectFirstBad(5);
  ASSERT_TRUE(Exec("DELETE FROM audit_trail WHERE seq = 4").ok());
  ExpectFirstBad(4);
}

TEST_P(StoreTamperTest, DeletedHeadIsDetected) {
  ASSERT_TRUE(Exec("DELETE FROM audit_trail_head").ok());
  EXPECT_FALSE(Verify().ok);
  auto t = Begin(TxnMode::kWrite);
  auto r = t->AppendAudit("ana", "p", {{"risk", "R", model::ChangeAction::kDelete, {}}});
  EXPECT_FALSE(r.ok());
}

TEST_P(StoreTamperTest, SwappedEntriesAreDetected) {
  const char* kCols[] = {"at",     "actor",   "program",   "entity", "entity_id",
                         "action", "changes", "prev_hash", "hash"};
  std::string sets;
  for (const char* c : kCols) {
    if (!sets.empty()) sets += ", ";
    sets += fmt::format(
        "{0} = (SELECT {0} FROM saved WHERE saved.seq = "
        "CASE audit_trail.seq WHEN 2 THEN 4 ELSE 2 END)",
        c);
  }
  ASSERT_TRUE(Exec("CREATE TEMP TABLE saved AS SELECT * FROM audit_trail WHERE seq IN (2, 4); "
                   "UPDATE audit_trail SET " +
                   sets + " WHERE seq IN (2, 4); DROP TABLE saved;")
                  .ok());
  {
    auto t = Begin(TxnMode::kRead);
    auto e = t->ReadAudit({});
    ASSERT_EQ(e->size(), 5u);
    EXPECT_EQ((*e)[1].change.entity_id, "t2");  // seq 4 now holds entry 2's content
  }
  ExpectFirstBad(2);
}

TEST_P(StoreTamperTest, SwappedSeqNumbersAreDetected) {
  ASSERT_TRUE(Exec("UPDATE audit_trail SET seq = -2 WHERE seq = 2; "
                   "UPDATE audit_trail SET seq = 2 WHERE seq = 3; "
                   "UPDATE audit_trail SET seq = 3 WHERE seq = -2;")
                  .ok());
  ExpectFirstBad(2);
}

TEST_P(StoreTamperTest, WipedTrailAndHeadAreDetectedByTheAnchor) {
  ASSERT_TRUE(Exec("DELETE FROM audit_trail; DELETE FROM audit_trail_head;").ok());
  VerifyResult r = Verify();
  EXPECT_EQ(r.entries, 0);
  ExpectFirstBad(1);
  EXPECT_NE(r.reason.find("program p"), std::string::npos) << r.reason;
}

TEST_P(StoreTamperTest, TruncatedTrailWithARewrittenHeadIsDetected) {
  ASSERT_TRUE(Exec("DELETE FROM audit_trail WHERE seq > 3; UPDATE audit_trail_head SET "
                   "last_seq = 3, last_hash = (SELECT hash FROM audit_trail WHERE seq = 3);")
                  .ok());
  ExpectFirstBad(4);
}

TEST_P(StoreTamperTest, AnchorThatDiffersFromTheTrailIsDetected) {
  ASSERT_TRUE(Exec("UPDATE trail_anchor SET last_hash = 'x'").ok());
  ExpectFirstBad(5);
  ASSERT_TRUE(Exec("UPDATE trail_anchor SET entries = 4").ok());
  ExpectFirstBad(5);
  ASSERT_TRUE(Exec("DELETE FROM trail_anchor").ok());
  ExpectFirstBad(5);
}

TEST_P(StoreTamperTest, AnchorsArePerProgram) {
  auto t = Begin(TxnMode::kWrite);
  ASSERT_TRUE(t->AppendAudit("ana", "q", {{"risk", "R", model::ChangeAction::kCreate, {}}}).ok());
  ASSERT_TRUE(t->Commit().ok());
  EXPECT_TRUE(Verify().ok);
  // Removing all of q's entries, renumbering nothing: the chain breaks at 6 anyway, but
  // the anchor alone also tells, once the head is moved back.
  ASSERT_TRUE(Exec("DELETE FROM audit_trail WHERE program = 'q'; UPDATE audit_trail_head SET "
                   "last_seq = 5, last_hash = (SELECT hash FROM audit_trail WHERE seq = 5);")
                  .ok());
  VerifyResult r = Verify();
  EXPECT_EQ(r.first_bad, 1) << r.reason;
  EXPECT_NE(r.reason.find("program q"), std::string::npos) << r.reason;
}

TEST_P(StoreTest, SecondWriterGetsBusy) {
  if (!backend_->persistent()) GTEST_SKIP() << "needs a second connection to the workspace";
  auto holder = Begin(TxnMode::kWrite);
  OpenOptions quick;
  quick.busy_timeout_ms = 100;
  auto other = OpenOrDie(quick);
  auto begin = other->Begin(TxnMode::kWrite);
  ASSERT_FALSE(begin.ok());
  EXPECT_EQ(begin.error().code, ErrorCode::kBusy);
  EXPECT_EQ(begin.error().message, "workspace busy: another tpmkit command is writing; try again");
  // Readers are not blocked by a writer (WAL).
  auto reader = other->Begin(TxnMode::kRead);
  ASSERT_TRUE(reader.ok());
  EXPECT_TRUE((*reader)->ListPrograms().ok());
  reader->reset();
  holder.reset();
  auto after = other->Begin(TxnMode::kWrite);
  EXPECT_TRUE(after.ok());
}

// The account rows (accounts.h), through Transaction::Accounts().

UserRecord User(const std::string& name) {
  UserRecord u;
  u.name = name;
  u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$" + name;
  u.created_at = 1780000000;
  return u;
}

SessionRecord Session(const std::string& id_hash, const std::string& user, int64_t created_at,
                      int64_t last_seen) {
  return {id_hash, user, "csrf-" + id_hash, created_at, last_seen, "192.0.2.7"};
}

TEST_P(StoreTest, AccountsRoundTripUsers) {
  UserRecord ana = User("ana");
  ana.admin = true;
  ana.disabled = true;
  ana.totp_secret = "JBSWY3DPEHPK3PXP";
  ana.totp_last_step = 59'333'333;
  ana.created_at = -5;  // any int64 round-trips
  UserRecord bob = User("bob");
  {
    auto t = Begin(TxnMode::kWrite);
    ASSERT_TRUE(t->Accounts().PutUser(bob).ok());
    ASSERT_TRUE(t->Accounts().PutUser(ana).ok());
    ASSERT_TRUE(t->Commit().ok());
  }
  {
    auto t = Begin(TxnMode::kRead);
    EXPECT_EQ(*t->Accounts().LoadUser("ana"), ana);
    EXPECT_EQ(*t->Accounts().LoadUser("bob"), bob);
    EXPECT_EQ(*t->Accounts().LoadUser("carol"), std::nullopt);
    EXPECT_EQ(*t->Accounts().ListUsers(), (std::vector<UserRecord>{ana, bob}));
  }
  // Putting a user again updates it in place and keeps what belongs to it.
  {
    auto t = Begin(TxnMode::kWrite);
    ASSERT_TRUE(t->Accounts().PutGrant({"ana", "phoenix", "owner"}).ok());
    ASSERT_TRUE(t->Accounts().PutSession(Session("s1", "ana", 10, 20)).ok());
    ASSERT_TRUE(
        t->Accounts().PutToken({"tok_00000001", "h1", "ana", std::nullopt, "viewer", 1, {}}).ok());
    ana.password_hash = "$argon2id$new";
    ana.admin = false;
    ana.totp_secret = "";
    ASSERT_TRUE(t->Accounts().PutUser(ana).ok());
    ASSERT_TRUE(t->Commit().ok());
  }
  auto t = Begin(TxnMode::kRead);
  EXPECT_EQ(*t->Accounts().LoadUser("ana"), ana);
  EXPECT_EQ(t->Accounts().ListUsers()->size(), 2u);
  EXPECT_EQ(t->Accounts().ListGrants("ana")->size(), 1u);
  EXPECT_EQ(t->Accounts().ListSessions("ana")->size(), 1u);
  EXPECT_EQ(t->Accounts().ListTokens("ana")->size(), 1u);
}

TEST_P(StoreTest, AccountsGrants) {
  auto t = Begin(TxnMode::kWrite);
  AccountRows& a = t->Accounts();
  ASSERT_TRUE(a.PutUser(User("bob")).ok());
  ASSERT_TRUE(a.PutUser(User("ana")).ok());
  // Grants may name programs that do not exist (yet).
  ASSERT_TRUE(a.PutGrant({"bob", "phoenix", "viewer"}).ok());
  ASSERT_TRUE(a.PutGrant({"ana", "phoenix", "owner"}).ok());
  ASSERT_TRUE(a.PutGrant({"ana", "atlas", "editor"}).ok());
  EXPECT_EQ(*a.ListGrants(std::nullopt), (std::vector<GrantRecord>{{"ana", "atlas", "editor"},
                                                                   {"ana", "phoenix", "owner"},
                                                                   {"bob", "phoenix", "viewer"}}));
  EXPECT_EQ(*a.ListGrants("bob"), (std::vector<GrantRecord>{{"bob", "phoenix", "viewer"}}));
  EXPECT_TRUE(a.ListGrants("carol")->empty());

  // Replaced by (user, program).
  ASSERT_TRUE(a.PutGrant({"bob", "phoenix", "editor"}).ok());
  EXPECT_EQ(*a.ListGrants("bob"), (std::vector<GrantRecord>{{"bob", "phoenix", "editor"}}));

  EXPECT_EQ(*a.DeleteGrant("ana", "atlas"), 1);
  EXPECT_EQ(*a.DeleteGrant("ana", "atlas"), 0);
  EXPECT_EQ(*a.DeleteGrant("nobody", "phoenix"), 0);
  EXPECT_EQ(*a.ListGrants("ana"), (std::vector<GrantRecord>{{"ana", "phoenix", "owner"}}));

  Status unknown = a.PutGrant({"carol", "phoenix", "viewer"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(a.PutGrant({"ana", "phoenix", "admin"}).ok());
  EXPECT_FALSE(a.PutGrant({"ana", "phoenix", ""}).ok());
  EXPECT_EQ(*a.ListGrants("ana"), (std::vector<GrantRecord>{{"ana", "phoenix", "owner"}}));
  ASSERT_TRUE(t->Commit().ok());

  // Grants outlive a program's replacement and deletion.
  Apply(EveryField());
  Program p = EveryField();
  p.name = "Renamed";
  Apply(p);
  {
    auto d = Begin(TxnMode::kWrite);
    ASSERT_TRUE(d->DeleteProgram("phoenix").ok());
    ASSERT_TRUE(d->Commit().ok());
  }
  auto r = Begin(TxnMode::kRead);
  EXPECT_EQ(r->Accounts().ListGrants(std::nullopt)->size(), 2u);
}

TEST_P(StoreTest, AccountsSessions) {
  auto t = Begin(TxnMode::kWrite);
  AccountRows& a = t->Accounts();
  ASSERT_TRUE(a.PutUser(User("ana")).ok());
  ASSERT_TRUE(a.PutUser(User("bob")).ok());
  SessionRecord s1 = Session("s1", "ana", 100, 500);
  SessionRecord s2 = Session("s2", "ana", 200, 250);
  SessionRecord s3 = Session("s3", "ana", 50, 900);
  SessionRecord b1 = Session("b1", "bob", 300, 300);
  for (const auto& s : {s1, s2, s3, b1}) ASSERT_TRUE(a.PutSession(s).ok());
  EXPECT_EQ(*a.LoadSession("s1"), s1);
  EXPECT_EQ(*a.LoadSession("nope"), std::nullopt);
  EXPECT_EQ(*a.ListSessions("ana"), (std::vector<SessionRecord>{s3, s1, s2}));
  EXPECT_TRUE(a.ListSessions("carol")->empty());

  // Insert or replace by id_hash.
  s1.last_seen = 600;
  s1.address = "2001:db8::1";
  ASSERT_TRUE(a.PutSession(s1).ok());
  EXPECT_EQ(*a.LoadSession("s1"), s1);
  Status unknown = a.PutSession(Session("x", "carol", 1, 1));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);

  EXPECT_EQ(*a.DeleteSession("s3"), 1);
  EXPECT_EQ(*a.DeleteSession("s3"), 0);

  // Every session of ana but s1; bob's stay.
  ASSERT_TRUE(a.PutSession(s3).ok());
  EXPECT_EQ(*a.DeleteSessions("ana", "s1"), 2);
  EXPECT_EQ(*a.ListSessions("ana"), (std::vector<SessionRecord>{s1}));
  EXPECT_EQ(*a.ListSessions("bob"), (std::vector<SessionRecord>{b1}));
  EXPECT_EQ(*a.DeleteSessions("ana", ""), 1);
  EXPECT_TRUE(a.ListSessions("ana")->empty());
  EXPECT_EQ(*a.DeleteSessions("ana", ""), 0);

  // Last seen before 300 (s2: 250) or created before 80 (s3: 50); the bounds are
  // exclusive (b1: last seen 300, kept by idle_before 300).
  for (const auto& s : {s1, s2, s3}) ASSERT_TRUE(a.PutSession(s).ok());
  EXPECT_EQ(*a.DeleteExpiredSessions(300, 80), 2);
  EXPECT_EQ(*a.ListSessions("ana"), (std::vector<SessionRecord>{s1}));
  EXPECT_EQ(*a.ListSessions("bob"), (std::vector<SessionRecord>{b1}));
  EXPECT_EQ(*a.DeleteExpiredSessions(0, 0), 0);
  ASSERT_TRUE(t->Commit().ok());
}

TEST_P(StoreTest, AccountsTokens) {
  auto t = Begin(TxnMode::kWrite);
  AccountRows& a = t->Accounts();
  ASSERT_TRUE(a.PutUser(User("ana")).ok());
  ASSERT_TRUE(a.PutUser(User("bob")).ok());
  TokenRecord every{"tok_0000000b", "hash-b", "ana", std::nullopt, "viewer", 1000, std::nullopt};
  TokenRecord one{"tok_0000000a", "hash-a", "ana", "phoenix", "editor", 1001, 2000};
  TokenRecord bobs{"tok_0000000c", "hash-c", "bob", "atlas", "viewer", 1002, 0};
  for (const auto& k : {every, one, bobs}) ASSERT_TRUE(a.PutToken(k).ok());
  EXPECT_EQ(*a.LoadToken("hash-a"), one);
  EXPECT_EQ(*a.LoadToken("hash-b"), every);
  EXPECT_EQ(*a.LoadToken("hash-c"), bobs);
  EXPECT_EQ(*a.LoadToken("tok_0000000a"), std::nullopt);  // by hash, not by id
  EXPECT_EQ(*a.LoadToken("nope"), std::nullopt);
  EXPECT_EQ(*a.ListTokens("ana"), (std::vector<TokenRecord>{one, every}));
  EXPECT_TRUE(a.ListTokens("carol")->empty());

  // Replaced by id.
  one.expires_at.reset();
  one.program.reset();
  ASSERT_TRUE(a.PutToken(one).ok());
  EXPECT_EQ(*a.LoadToken("hash-a"), one);

  // A hash is one token's; roles are viewer or editor; tokens belong to users.
  EXPECT_FALSE(a.PutToken({"tok_0000000d", "hash-a", "bob", {}, "viewer", 1, {}}).ok());
  EXPECT_FALSE(a.PutToken({"tok_0000000d", "hash-d", "bob", {}, "owner", 1, {}}).ok());
  Status unknown = a.PutToken({"tok_0000000d", "hash-d", "carol", {}, "viewer", 1, {}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(*a.LoadToken("hash-d"), std::nullopt);

  EXPECT_EQ(*a.DeleteToken("tok_0000000a"), 1);
  EXPECT_EQ(*a.DeleteToken("tok_0000000a"), 0);
  EXPECT_EQ(*a.LoadToken("hash-a"), std::nullopt);
  EXPECT_EQ(*a.ListTokens("ana"), (std::vector<TokenRecord>{every}));
  ASSERT_TRUE(t->Commit().ok());
}

TEST_P(StoreTest, AccountsLoginFailures) {
  auto t = Begin(TxnMode::kWrite);
  AccountRows& a = t->Accounts();
  // Failures count for names that are not users too.
  ASSERT_TRUE(a.AddLoginFailure("ana", "192.0.2.1", 100).ok());
  ASSERT_TRUE(a.AddLoginFailure("ana", "192.0.2.1", 200).ok());
  ASSERT_TRUE(a.AddLoginFailure("ana", "192.0.2.2", 300).ok());
  ASSERT_TRUE(a.AddLoginFailure("bob", "192.0.2.1", 300).ok());
  ASSERT_TRUE(a.AddLoginFailure("carol", "192.0.2.9", 50).ok());
  EXPECT_EQ(*a.CountLoginFailures("ana", "192.0.2.1", 0), (LoginFailureCounts{3, 3}));
  EXPECT_EQ(*a.CountLoginFailures("ana", "192.0.2.1", 200), (LoginFailureCounts{2, 2}));
  EXPECT_EQ(*a.CountLoginFailures("ana", "192.0.2.2", 201), (LoginFailureCounts{1, 1}));
  EXPECT_EQ(*a.CountLoginFailures("bob", "192.0.2.9", 0), (LoginFailureCounts{1, 1}));
  EXPECT_EQ(*a.CountLoginFailures("dave", "198.51.100.1", 0), (LoginFailureCounts{0, 0}));
  EXPECT_EQ(*a.CountLoginFailures("ana", "192.0.2.1", 301), (LoginFailureCounts{0, 0}));

  // ana's go, and carol's (older than 60); bob's stays.
  ASSERT_TRUE(a.ClearLoginFailures("ana", 60).ok());
  EXPECT_EQ(*a.CountLoginFailures("ana", "192.0.2.1", 0), (LoginFailureCounts{0, 1}));
  EXPECT_EQ(*a.CountLoginFailures("carol", "192.0.2.9", 0), (LoginFailureCounts{0, 0}));
  EXPECT_EQ(*a.CountLoginFailures("bob", "192.0.2.2", 0), (LoginFailureCounts{1, 0}));
  ASSERT_TRUE(a.ClearLoginFailures("", 301).ok());
  EXPECT_EQ(*a.CountLoginFailures("bob", "192.0.2.1", 0), (LoginFailureCounts{0, 0}));
  ASSERT_TRUE(t->Commit().ok());
}

TEST_P(StoreTest, AccountsReadTransactionsDoNotWrite) {
  {
    auto t = Begin(TxnMode::kWrite);
    ASSERT_TRUE(t->Accounts().PutUser(User("ana")).ok());
    ASSERT_TRUE(t->Accounts().PutSession(Session("s1", "ana", 1, 1)).ok());
    ASSERT_TRUE(t->Commit().ok());
  }
  auto t = Begin(TxnMode::kRead);
  AccountRows& a = t->Accounts();
  auto refused = [](const auto& r) { return !r.ok() && r.error().code == ErrorCode::kInternal; };
  EXPECT_TRUE(refused(a.PutUser(User("bob"))));
  EXPECT_TRUE(refused(a.PutGrant({"ana", "p", "viewer"})));
  EXPECT_TRUE(refused(a.DeleteGrant("ana", "p")));
  EXPECT_TRUE(refused(a.PutSession(Session("s2", "ana", 1, 1))));
  EXPECT_TRUE(refused(a.DeleteSession("s1")));
  EXPECT_TRUE(refused(a.DeleteSessions("ana", "")));
  EXPECT_TRUE(refused(a.DeleteExpiredSessions(100, 100)));
  EXPECT_TRUE(refused(a.PutToken({"tok_1", "h", "ana", {}, "viewer", 1, {}})));
  EXPECT_TRUE(refused(a.DeleteToken("tok_1")));
  EXPECT_TRUE(refused(a.AddLoginFailure("ana", "192.0.2.1", 1)));
  EXPECT_TRUE(refused(a.ClearLoginFailures("ana", 100)));
  // Reads work, and nothing was written.
  EXPECT_EQ(a.ListUsers()->size(), 1u);
  EXPECT_EQ(*a.LoadSession("s1"), Session("s1", "ana", 1, 1));
  EXPECT_TRUE(a.ListGrants(std::nullopt)->empty());
  EXPECT_EQ(*a.CountLoginFailures("ana", "192.0.2.1", 0), (LoginFailureCounts{0, 0}));
  ASSERT_TRUE(t->Commit().ok());
  // A finished transaction refuses reads too.
  EXPECT_TRUE(refused(a.ListUsers()));
}

TEST_P(StoreTest, AccountsRollBackWithTheTransaction) {
  {
    auto t = Begin(TxnMode::kWrite);
    AccountRows& a = t->Accounts();
    ASSERT_TRUE(a.PutUser(User("ana")).ok());
    ASSERT_TRUE(a.PutGrant({"ana", "phoenix", "owner"}).ok());
    ASSERT_TRUE(a.PutSession(Session("s1", "ana", 1, 1)).ok());
    ASSERT_TRUE(a.PutToken({"tok_1", "h", "ana", {}, "viewer", 1, {}}).ok());
    ASSERT_TRUE(a.AddLoginFailure("ana", "192.0.2.1", 1).ok());
    ASSERT_TRUE(
        t->AppendAudit("root", "phoenix", {{"user", "ana", model::ChangeAction::kCreate, {}}})
            .ok());
    EXPECT_EQ(a.ListUsers()->size(), 1u);  // seen inside the transaction
  }
  auto t = Begin(TxnMode::kRead);
  AccountRows& a = t->Accounts();
  EXPECT_TRUE(a.ListUsers()->empty());
  EXPECT_TRUE(a.ListGrants(std::nullopt)->empty());
  EXPECT_EQ(*a.LoadSession("s1"), std::nullopt);
  EXPECT_EQ(*a.LoadToken("h"), std::nullopt);
  EXPECT_EQ(*a.CountLoginFailures("ana", "192.0.2.1", 0), (LoginFailureCounts{0, 0}));
  EXPECT_EQ(*t->ProgramVersion("phoenix"), "");
}

TEST_P(StoreTest, AccountsGoWithTheirUser) {
  {
    auto t = Begin(TxnMode::kWrite);
    AccountRows& a = t->Accounts();
    for (const char* name : {"ana", "bob"}) {
      std::string n = name;
      ASSERT_TRUE(a.PutUser(User(n)).ok());
      ASSERT_TRUE(a.PutGrant({n, "phoenix", "viewer"}).ok());
      ASSERT_TRUE(a.PutSession(Session("s-" + n, n, 1, 1)).ok());
      ASSERT_TRUE(a.PutToken({"tok_" + n, "h-" + n, n, {}, "viewer", 1, {}}).ok());
    }
    ASSERT_TRUE(t->Commit().ok());
  }
  // No interface deletes users yet; an administrator could, directly.
  ASSERT_TRUE(Exec("DELETE FROM users WHERE name = 'ana'").ok());
  auto t = Begin(TxnMode::kRead);
  AccountRows& a = t->Accounts();
  EXPECT_EQ(*a.ListGrants(std::nullopt), (std::vector<GrantRecord>{{"bob", "phoenix", "viewer"}}));
  EXPECT_EQ(*a.LoadSession("s-ana"), std::nullopt);
  EXPECT_EQ(*a.LoadToken("h-ana"), std::nullopt);
  EXPECT_EQ(a.ListSessions("bob")->size(), 1u);
  EXPECT_EQ(a.ListTokens("bob")->size(), 1u);
}

TEST_P(StoreTest, ProgramVersionIsTheNewestEntryOfTheProgram) {
  {
    auto t = Begin(TxnMode::kRead);
    EXPECT_EQ(*t->ProgramVersion("phoenix"), "");
  }
  Program p = EveryField();
  Apply(p);
  Apply(Minimal("other"));
  {
    auto t = Begin(TxnMode::kRead);
    auto phoenix = t->ReadAudit(Filter("phoenix", {}, {}, {}));
    ASSERT_FALSE(phoenix->empty());
    EXPECT_EQ(*t->ProgramVersion("phoenix"), phoenix->front().hash);
    EXPECT_EQ(*t->ProgramVersion("other"), t->ReadAudit({})->front().hash);
    EXPECT_NE(*t->ProgramVersion("phoenix"), *t->ProgramVersion("other"));
    EXPECT_EQ(*t->ProgramVersion("unknown"), "");
  }
  // Moves with each append, inside the transaction already.
  auto t = Begin(TxnMode::kWrite);
  auto written =
      t->AppendAudit("bob", "phoenix", {{"risk", "R-9", model::ChangeAction::kCreate, {}}});
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(*t->ProgramVersion("phoenix"), written->back().hash);
  ASSERT_TRUE(t->Commit().ok());
  auto r = Begin(TxnMode::kRead);
  EXPECT_EQ(*r->ProgramVersion("phoenix"), written->back().hash);
}

TEST_P(StoreTest, MigratesAVersion3WorkspaceToAccounts) {
  if (!backend_->persistent()) GTEST_SKIP() << "needs a workspace that outlives its store";
  store_.reset();
  backend_->Wipe();
  std::string version;
  {
    OpenOptions old;
    old.schema_version = 3;
    auto s = OpenOrDie(old);
    ASSERT_EQ(*backend_->SchemaVersion(*s), 3);
    auto t = Begin(TxnMode::kWrite, s.get());
    ASSERT_TRUE(t->PutProgram(EveryField()).ok());
    auto written = t->AppendAudit("ana", "phoenix", model::DiffPrograms(nullptr, EveryField()));
    ASSERT_TRUE(written.ok());
    version = written->back().hash;
    EXPECT_EQ(*t->ProgramVersion("phoenix"), version);
    // Version 3 has no account tables yet.
    Status refused = t->Accounts().PutUser(User("ana"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kStorage);
    ASSERT_TRUE(t->Commit().ok());
  }
  store_ = OpenOrDie();
  EXPECT_EQ(*backend_->SchemaVersion(*store_), backend_->LatestSchemaVersion());
  EXPECT_EQ(Load("phoenix"), EveryField());
  EXPECT_TRUE(Verify().ok);
  {
    auto t = Begin(TxnMode::kWrite);
    EXPECT_EQ(*t->ProgramVersion("phoenix"), version);
    EXPECT_TRUE(t->Accounts().ListUsers()->empty());
    ASSERT_TRUE(t->Accounts().PutUser(User("ana")).ok());
    ASSERT_TRUE(t->Accounts().PutGrant({"ana", "phoenix", "owner"}).ok());
    ASSERT_TRUE(t->Commit().ok());
  }
  store_.reset();
  store_ = OpenOrDie();
  auto t = Begin(TxnMode::kRead);
  EXPECT_EQ(*t->Accounts().LoadUser("ana"), User("ana"));
  EXPECT_EQ(t->Accounts().ListGrants("ana")->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(
    Backends, StoreTest,
    ::testing::Values(
        BackendParam{"SqliteMemory",
                     [] { return std::unique_ptr<StoreBackend>(new SqliteMemoryBackend); }},
        BackendParam{"SqliteFile",
                     [] { return std::unique_ptr<StoreBackend>(new SqliteFileBackend); }},
        BackendParam{"Postgres", PostgresBackend::Make}),
    [](const auto& info) { return info.param.name; });
INSTANTIATE_TEST_SUITE_P(
    Backends, StoreTamperTest,
    ::testing::Values(
        BackendParam{"SqliteMemory",
                     [] { return std::unique_ptr<StoreBackend>(new SqliteMemoryBackend); }},
        BackendParam{"SqliteFile",
                     [] { return std::unique_ptr<StoreBackend>(new SqliteFileBackend); }},
        BackendParam{"Postgres", PostgresBackend::Make}),
    [](const auto& info) { return info.param.name; });

TEST(OpenStoreTest, UnreachablePostgresqlIsStorageAndKeepsThePasswordSecret) {
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  auto s = OpenStore("postgresql://ana:s3cret@127.0.0.1:1/tpmkit?password=s3cret");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kStorage);
  EXPECT_NE(s.error().message.find("cannot reach the database postgresql://ana:***@127.0.0.1:1"),
            std::string::npos)
      << s.error().message;
  EXPECT_EQ(s.error().message.find("s3cret"), std::string::npos) << s.error().message;
}

TEST(OpenStoreTest, RedactsPostgresqlPasswords) {
  EXPECT_EQ(RedactUrl("postgresql://ana:pw@db:5432/t"), "postgresql://ana:***@db:5432/t");
  EXPECT_EQ(RedactUrl("postgres://ana:p@w@db/t"), "postgres://ana:***@db/t");
  EXPECT_EQ(RedactUrl("postgresql://ana@db/t?sslmode=require&password=pw"),
            "postgresql://ana@db/t?sslmode=require&password=***");
  EXPECT_EQ(RedactUrl("postgresql://"), "postgresql://");
  EXPECT_EQ(RedactUrl("postgresql:///t?host=/run/pg"), "postgresql:///t?host=/run/pg");
  // Files are shown as they are.
  EXPECT_EQ(RedactUrl("/home/ana:x@y/tpmkit.db"), "/home/ana:x@y/tpmkit.db");
}

TEST(OpenStoreTest, MissingFileWithoutCreateIsNotFound) {
  auto s = OpenStore("/nonexistent-dir-tpmkit/x.db", {.create = false});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
  auto bad = OpenStore("/nonexistent-dir-tpmkit/x.db");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kStorage);
}

}  // namespace
}  // namespace tpmkit::store
