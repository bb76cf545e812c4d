// FUZZ_CHECK: a property the fuzzed code broke. Prints what and where, then
// aborts (libFuzzer saves the input; the replay test fails). Active whatever
// NDEBUG says, unlike assert.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#define FUZZ_CHECK(condition, what)                                                                      \
  do {                                                                                                   \
    if (!(condition)) {                                                                                  \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s (%s)\n", __FILE__, __LINE__, #condition,        \
                   std::string(what).c_str());                                                           \
      std::abort();                                                                                      \
    }                                                                                                    \
  } while (false)
