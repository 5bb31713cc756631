// CHECK for invariants that only a bug can break; user input never reaches one.
#pragma once

namespace tpmkit::internal {
[[noreturn]] void CheckFailed(const char* expr, const char* file, int line);
}

#define TPMKIT_CHECK(cond) \
  ((cond) ? (void)0 : ::tpmkit::internal::CheckFailed(#cond, __FILE__, __LINE__))
