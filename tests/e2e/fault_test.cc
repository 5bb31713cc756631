// Crash-safe writes, proven: `apply` and `risk add` are killed with SIGKILL at random
// moments, and after each kill the workspace must hold either the old or the new state,
// its audit trail must verify, and a write that was acknowledged (exit 0) is never lost.
// Concurrent writers must wait for the lock (busy timeout) instead of failing.
//
// The delays are seeded (TPMKIT_FAULT_SEED overrides the seed) and the trial count is
// bounded in time; both tests print and record how many trials ran.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>

#include "e2e_support.h"

namespace tpmkit::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Starts `tpmkit ARGS...` in `cwd` with its output discarded; returns its pid.
pid_t Start(const std::vector<std::string>& args, const fs::path& cwd) {
  return StartTpmkit(args, cwd, "/dev/null", "/dev/null");
}

// How a started process ended.
struct Ended {
  bool exited = false;  // on its own (not by the signal)
  int code = -1;        // its exit status when exited
};

Ended Reap(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  Ended e;
  e.exited = WIFEXITED(status);
  e.code = e.exited ? WEXITSTATUS(status) : -WTERMSIG(status);
  return e;
}

// Runs ARGS to the end; returns the wall time in microseconds (fork to reap).
int64_t TimedRun(const std::vector<std::string>& args, const fs::path& cwd) {
  auto t0 = Clock::now();
  Ended e = Reap(Start(args, cwd));
  EXPECT_TRUE(e.exited && e.code == 0) << "exit " << e.code;
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count();
}

// Starts ARGS, sends SIGKILL after `delay_us`, and reaps it.
Ended KillAfter(const std::vector<std::string>& args, const fs::path& cwd, int64_t delay_us) {
  pid_t pid = Start(args, cwd);
  if (delay_us > 0) usleep(static_cast<useconds_t>(delay_us));
  kill(pid, SIGKILL);  // a process that already exited is a zombie: the signal is a no-op
  return Reap(pid);
}

bool UnderSanitizer() { return std::getenv("ASAN_OPTIONS") != nullptr; }

uint32_t Seed() {
  const char* s = std::getenv("TPMKIT_FAULT_SEED");
  return s ? static_cast<uint32_t>(std::strtoul(s, nullptr, 10)) : 20260615u;
}

// Trials: the target count, the minimum that always runs, and the time after which no
// new trial starts once the minimum ran. Time only shortens the run beyond the minimum,
// so a slow machine never fails the test by the clock.
struct Budget {
  int target = UnderSanitizer() ? 40 : 150;
  int minimum = UnderSanitizer() ? 30 : 100;
  std::chrono::seconds soft{UnderSanitizer() ? 25 : 12};
  bool Go(int trials, Clock::time_point started) const {
    if (trials < minimum) return true;
    return trials < target && Clock::now() - started < soft;
  }
};

class FaultTest : public ::testing::Test {
 protected:
  // A workspace in DIR with phoenix applied and the evidence folder beside it.
  static void Prepare(const fs::path& dir) {
    fs::copy(Example("evidence"), dir / "evidence", fs::copy_options::recursive);
    WriteFile(dir / "old.yaml", ReadFile(Example("phoenix.yaml")));
    WriteFile(dir / "new.yaml", Modified());
    auto r = Tpmkit({"--db", (dir / "ws.db").string(), "apply", "old.yaml"}, dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  // Phoenix with every name and owner changed: about a hundred changed entities.
  static std::string Modified() {
    std::string text = ReadFile(Example("phoenix.yaml"));
    return Renamed(Renamed(text, "name: ", "name: Revised "), "owner: ", "owner: Revised ");
  }
  static std::vector<std::string> On(const fs::path& dir, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", (dir / "ws.db").string()});
    return args;
  }
  static e2e::Run T(const fs::path& dir, const std::vector<std::string>& args) {
    return Tpmkit(On(dir, args), dir);
  }
  static int64_t AuditCount(const fs::path& dir) {
    return std::stoll(Sql(dir / "ws.db", "SELECT count(*) FROM audit_trail")[0]);
  }
  // The checks that hold after any kill: the trail verifies and the program loads.
  static void ExpectSound(const fs::path& dir, int trial) {
    auto verify = T(dir, {"audit", "verify"});
    EXPECT_EQ(verify.exit_code, 0) << "trial " << trial << ": " << verify.out << verify.err;
    auto show = T(dir, {"--json", "show"});
    EXPECT_EQ(show.exit_code, 0) << "trial " << trial << ": " << show.err;
    EXPECT_TRUE(json::accept(show.out)) << "trial " << trial << ": " << show.out;
  }
  static std::vector<std::string> RiskAdd(const std::string& id) {
    return {"risk",
            "add",
            id,
            "--title",
            "Fault trial risk " + id,
            "--category",
            "vendor",
            "--owner",
            "Priya Shah",
            "--status",
            "mitigating",
            "--probability",
            "0.3",
            "--severity",
            "4",
            "--impact-schedule",
            "5",
            "--impact-cost",
            "12000",
            "--mitigation",
            "Second source",
            "--trigger",
            "Slip over a week",
            "--response-due",
            "2026-07-01",
            "--raised",
            "2026-06-01",
            "--residual-probability",
            "0.1",
            "--residual-severity",
            "2"};
  }
  // The risk ID as `risks --json` lists it, or null when absent.
  static json RiskEntry(const fs::path& dir, const std::string& id) {
    auto r = T(dir, {"--json", "risks"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (!json::accept(r.out)) return json();
    const json doc = json::parse(r.out);
    for (const auto& risk : doc["risks"]) {
      if (risk["id"] == id) return risk;
    }
    return json();
  }
  // The risk ID's lines in the program's export, or "" when absent.
  static std::string RiskBlock(const fs::path& dir, const std::string& id) {
    const std::string text = T(dir, {"export"}).out;
    auto at = text.find("\n  - id: " + id + "\n");
    if (at == std::string::npos) return "";
    auto end = at + 1;
    while ((end = text.find('\n', end + 1)) != std::string::npos) {
      if (text.compare(end + 1, 4, "    ") != 0) break;  // the next item or section
    }
    return text.substr(at + 1, end == std::string::npos ? end : end - at);
  }
  static std::string Renamed(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
    return text;
  }
  static void Report(const char* what, int trials, int old_state, int new_state, int acked,
                     Clock::time_point started) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    std::cout << "[fault] " << what << ": " << trials << " trials (seed " << Seed() << ") in "
              << ms.count() << " ms: " << old_state << " old state, " << new_state << " new state ("
              << acked << " acknowledged before the kill)" << std::endl;
    ::testing::Test::RecordProperty("trials", trials);
    ::testing::Test::RecordProperty("old_state", old_state);
    ::testing::Test::RecordProperty("new_state", new_state);
    ::testing::Test::RecordProperty("acknowledged", acked);
  }
  TempDir dir_;
};

TEST_F(FaultTest, KilledApplyLeavesTheOldOrTheNewProgram) {
  const fs::path work = dir_.path() / "work", ref = dir_.path() / "ref";
  fs::create_directories(work);
  fs::create_directories(ref);
  ASSERT_NO_FATAL_FAILURE(Prepare(work));
  ASSERT_NO_FATAL_FAILURE(Prepare(ref));

  // The two states, their exports and how many entries each switch appends, from a
  // reference workspace; also how long an apply takes, to spread the kills over it.
  std::string exports[2] = {T(ref, {"export"}).out, ""};
  const int64_t base = AuditCount(ref);
  std::vector<int64_t> times;
  times.push_back(TimedRun(On(ref, {"apply", "new.yaml"}), ref));
  exports[1] = T(ref, {"export"}).out;
  const int64_t delta = AuditCount(ref) - base;  // old -> new; new -> old is the same
  times.push_back(TimedRun(On(ref, {"apply", "old.yaml"}), ref));
  ASSERT_EQ(AuditCount(ref) - base, 2 * delta);
  times.push_back(TimedRun(On(ref, {"apply", "new.yaml"}), ref));
  ASSERT_NE(exports[0], exports[1]);
  ASSERT_GT(delta, 50);
  std::sort(times.begin(), times.end());
  const int64_t run_us = times[1];

  std::mt19937 rng(Seed());
  std::uniform_int_distribution<int64_t> delay(0, run_us * 3 / 2);
  const char* files[2] = {"old.yaml", "new.yaml"};
  int state = 0;  // which of the two the workspace holds
  int64_t entries = AuditCount(work);
  int trials = 0, stayed = 0, switched = 0, acked = 0;
  auto started = Clock::now();
  Budget budget;
  while (budget.Go(trials, started) && !HasFailure()) {
    ++trials;
    const int target = 1 - state;
    Ended e = KillAfter(On(work, {"apply", files[target]}), work, delay(rng));
    if (e.exited) {
      EXPECT_EQ(e.code, 0) << "trial " << trials << ": apply failed on its own";
      if (e.code == 0) ++acked;
    }
    ExpectSound(work, trials);
    const std::string now = T(work, {"export"}).out;
    const int64_t count = AuditCount(work);
    if (now == exports[state]) {
      EXPECT_FALSE(e.exited && e.code == 0)
          << "trial " << trials << ": an acknowledged apply was lost";
      EXPECT_EQ(count, entries) << "trial " << trials << ": the old state with a changed trail";
      ++stayed;
    } else if (now == exports[target]) {
      EXPECT_EQ(count, entries + delta) << "trial " << trials << ": the new state's entries";
      entries = count;
      state = target;
      ++switched;
    } else {
      ADD_FAILURE() << "trial " << trials << ": neither the old nor the new program:\n" << now;
    }
  }
  Report("apply", trials, stayed, switched, acked, started);
  EXPECT_GE(trials, budget.minimum);
}

TEST_F(FaultTest, KilledRiskAddLeavesTheRiskWholeOrAbsent) {
  const fs::path work = dir_.path() / "work", ref = dir_.path() / "ref";
  fs::create_directories(work);
  fs::create_directories(ref);
  ASSERT_NO_FATAL_FAILURE(Prepare(work));
  ASSERT_NO_FATAL_FAILURE(Prepare(ref));

  // The whole risk as listed, and how long an add takes, from a reference workspace.
  std::vector<int64_t> times;
  for (const char* id : {"R-REF1", "R-REF2", "R-REF3"})
    times.push_back(TimedRun(On(ref, RiskAdd(id)), ref));
  std::sort(times.begin(), times.end());
  const int64_t run_us = times[1];
  const json whole = RiskEntry(ref, "R-REF1");
  ASSERT_FALSE(whole.is_null());
  const std::string block = RiskBlock(ref, "R-REF1");
  ASSERT_NE(block.find("residual: "), std::string::npos) << block;

  std::mt19937 rng(Seed() + 1);
  std::uniform_int_distribution<int64_t> delay(0, run_us * 3 / 2);
  int64_t entries = AuditCount(work);
  std::vector<std::string> kept;  // risks that must stay: acknowledged or seen stored
  int trials = 0, absent = 0, present = 0, acked = 0;
  auto started = Clock::now();
  Budget budget;
  while (budget.Go(trials, started) && !HasFailure()) {
    ++trials;
    const std::string id = "R-F" + std::to_string(trials);
    Ended e = KillAfter(On(work, RiskAdd(id)), work, delay(rng));
    const bool ack = e.exited && e.code == 0;
    if (e.exited) {
      EXPECT_EQ(e.code, 0) << "trial " << trials << ": risk add failed on its own";
      if (ack) ++acked;
    }
    ExpectSound(work, trials);
    json entry = RiskEntry(work, id);
    const int64_t count = AuditCount(work);
    if (entry.is_null()) {
      EXPECT_FALSE(ack) << "trial " << trials << ": an acknowledged risk add was lost";
      EXPECT_EQ(count, entries) << "trial " << trials << ": no risk but a changed trail";
      ++absent;
    } else {
      json expected = whole;
      expected["id"] = id;
      expected["title"] = "Fault trial risk " + id;
      EXPECT_EQ(entry, expected) << "trial " << trials << ": the risk is not whole";
      EXPECT_EQ(RiskBlock(work, id), Renamed(block, "R-REF1", id)) << "trial " << trials;
      EXPECT_EQ(count, entries + 1) << "trial " << trials << ": one entry per added risk";
      entries = count;
      kept.push_back(id);
      ++present;
    }
  }
  // Nothing stored earlier was lost by a later kill.
  for (const auto& id : kept) EXPECT_FALSE(RiskEntry(work, id).is_null()) << id << " was lost";
  Report("risk add", trials, absent, present, acked, started);
  EXPECT_GE(trials, budget.minimum);
}

TEST_F(FaultTest, ConcurrentRiskAddsBothSucceed) {
  ASSERT_NO_FATAL_FAILURE(Prepare(dir_.path()));
  const int rounds = UnderSanitizer() ? 5 : 20;
  int64_t entries = AuditCount(dir_.path());
  for (int round = 0; round < rounds; ++round) {
    const std::string a = "R-A" + std::to_string(round), b = "R-B" + std::to_string(round);
    Background one(On(dir_.path(), RiskAdd(a)), dir_.path());
    Background two(On(dir_.path(), RiskAdd(b)), dir_.path());
    e2e::Run ra = one.Wait(), rb = two.Wait();
    EXPECT_EQ(ra.exit_code, 0) << "round " << round << ": " << ra.err;
    EXPECT_EQ(rb.exit_code, 0) << "round " << round << ": " << rb.err;
    EXPECT_FALSE(RiskEntry(dir_.path(), a).is_null()) << a;
    EXPECT_FALSE(RiskEntry(dir_.path(), b).is_null()) << b;
    entries += 2;
    EXPECT_EQ(AuditCount(dir_.path()), entries) << "round " << round;
    if (HasFailure()) break;
  }
  auto verify = T(dir_.path(), {"audit", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  std::cout << "[fault] concurrent risk add: " << rounds << " rounds of two writers" << std::endl;
  RecordProperty("rounds", rounds);
}

}  // namespace
}  // namespace tpmkit::e2e
