// For tests of use cases and commands: an Env over a fixed clock and a private in-memory
// workspace, optionally holding a program applied from a file (paths are relative to the
// source folder, where ctest runs the tests), with string streams for commands' output.
// Header-only; used by *_test.cc files only.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/app/deferred_store.h"
#include "tpmkit/app/env.h"
#include "tpmkit/app/program_cases.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/clock.h"
#include "tpmkit/model/program.h"
#include "tpmkit/store/store.h"

namespace tpmkit::app {

// The example program most tests use (status date 2026-06-15).
inline constexpr std::string_view kPhoenixFile = "examples/phoenix.yaml";

// A copy of the element of `items` (risks, changes, decisions, ...) whose id is `id`; a
// default one, and a test failure, when there is none.
template <typename T>
T FindById(const std::vector<T>& items, std::string_view id) {
  for (const auto& item : items) {
    if (item.id == id) return item;
  }
  ADD_FAILURE() << "no " << id;
  return T{};
}

class TestEnv {
 public:
  // `now`: the clock's instant, "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM:SSZ".
  // `program_file`: applied to the workspace when not empty.
  explicit TestEnv(std::string_view now, std::string_view program_file = "",
                   std::string actor = "tester")
      : clock(ParseUtcTimestamp(now).value()),
        store(":memory:", clock, {.create = true}),
        env{store, clock, std::move(actor)} {
    if (!program_file.empty()) Apply(program_file);
  }
  TestEnv(const TestEnv&) = delete;
  TestEnv& operator=(const TestEnv&) = delete;

  // Applies a program file to the workspace; a failure fails the test.
  void Apply(std::string_view program_file) {
    auto applied = ApplyFile(env, {std::string(program_file)});
    EXPECT_TRUE(applied.ok()) << program_file << ": " << applied.error().message;
  }

  // The workspace's only program, as stored now.
  model::Program Program() {
    auto loaded = LoadProgram(env, {});
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return loaded.ok() ? loaded->program : model::Program{};
  }

  // Removes the program's status date, so that the date in force is the clock's today.
  void ClearStatusDate() {
    auto r = EditProgram(env, std::nullopt, [](model::Program& p) -> Status {
      p.status_date.reset();
      return OkStatus();
    });
    EXPECT_TRUE(r.ok()) << r.error().message;
  }

  // Every audit-trail entry, newest first.
  std::vector<store::AuditEntry> Audit() {
    auto txn = store.Begin(store::TxnMode::kRead);
    EXPECT_TRUE(txn.ok()) << txn.error().message;
    if (!txn.ok()) return {};
    auto entries = (*txn)->ReadAudit({});
    EXPECT_TRUE(entries.ok()) << entries.error().message;
    return entries.ok() ? *entries : std::vector<store::AuditEntry>{};
  }

  FixedClock clock;
  DeferredStore store;
  Env env;
  std::ostringstream out, err;  // for commands' Run functions
};

}  // namespace tpmkit::app
