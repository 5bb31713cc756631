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

struct Env {
  store::Store& store;
  const Clock& clock;
  std::string actor;
};

// The date in force, the one rule every command uses: `as_of` (--as-of, ?as_of=) when
// given, else the program's status_date, else today by the clock.
Date DateInForce(const model::Program& program, std::optional<Date> as_of, const Clock& clock);

}  // namespace tpmkit::app
