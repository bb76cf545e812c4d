// libFuzzer's entry for one target of entries.h, named at compile time by
// FUZZ_TARGET (its corpus folder name).
#include <cstdlib>
#include <string_view>

#include "tests/fuzz/entries.h"

namespace {

void (*const run)(fuzz::Bytes) = [] {
  for (const fuzz::Target& target : fuzz::kTargets)
    if (target.name == std::string_view(FUZZ_TARGET)) return target.run;
  std::abort();  // a target CMake names but entries.h does not list
}();

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  run(fuzz::Bytes(data, size));
  return 0;
}
