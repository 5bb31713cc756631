// What a harness asserts beyond "no crash, no sanitizer report": a property that must
// hold for every input. A failure prints what broke and aborts, so libFuzzer keeps the
// input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>

#define TPMKIT_FUZZ_CHECK(cond, what)                                       \
  do {                                                                      \
    if (!(cond)) {                                                          \
      std::fprintf(stderr, "fuzz property failed: %s (%s)\n", what, #cond); \
      std::abort();                                                         \
    }                                                                       \
  } while (0)
