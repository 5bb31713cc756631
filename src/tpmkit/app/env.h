// What every use case runs against: the workspace (a Store the caller opened once),
// the clock (the only source of "now") and who is acting (the audit trail's actor).
// The CLI builds one per process, the server one per request; tests fix the clock.
#pragma once

#include <optional>
#include <string>

#include "tpmkit/base/clock.h"
#include "tpmkit/base/date.h"
#include "tpmkit/model/program.h"
#include "tpmkit/store/store.h"

namespace tpmkit::app {

// Optimistic concurrency (the server's ETag and If-Match): a write whose `expected`
// version is not the program's version when the write transaction starts changes nothing
// (kStale). Every use case that reads or writes a workspace program sets `current` to the
// version it read or wrote. A version is Transaction::ProgramVersion.
struct VersionCheck {
  std::optional<std::string> expected;
  std::string current;
};

struct Env {
  store::Store& store;
  const Clock& clock;
  std::string actor;
  VersionCheck* version = nullptr;  // nullptr: no check, nothing reported (the CLI)
};

// The date in force, the one rule every command uses: `as_of` (--as-of, ?as_of=) when
// given, else the program's status_date, else today by the clock.
Date DateInForce(const model::Program& program, std::optional<Date> as_of, const Clock& clock);

}  // namespace tpmkit::app
