#include "tpmkit/app/env.h"

namespace tpmkit::app {

Date DateInForce(const model::Program& program, std::optional<Date> as_of, const Clock& clock) {
  if (as_of) return *as_of;
  if (program.status_date) return *program.status_date;
  return clock.Today();
}

}  // namespace tpmkit::app
