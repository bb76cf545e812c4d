// Replays every checked-in input of every fuzz target through its entry
// function: the seed corpora (corpus/<target>/) and the inputs that once
// crashed or broke a check (regressions/<target>/). Runs in the ordinary
// test suite with any compiler; a broken check aborts the test program.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include "tests/fuzz/entries.h"

namespace fuzz {

// Test listings name the target, not the bytes of the struct.
void PrintTo(const Target& target, std::ostream* out) { *out << target.name; }

namespace {

const std::filesystem::path kRoot = FUZZ_CORPORA;

std::vector<std::filesystem::path> filesIn(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ignored;  // a target without regressions has no folder
  for (const auto& entry : std::filesystem::directory_iterator(dir, ignored))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::uint8_t> contentsOf(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class Replay : public testing::TestWithParam<Target> {};

TEST_P(Replay, SeedsAndRegressions) {
  const Target& target = GetParam();
  const auto seeds = filesIn(kRoot / "corpus" / target.name);
  EXPECT_FALSE(seeds.empty()) << "no seed corpus for " << target.name;
  auto inputs = seeds;
  const auto regressions = filesIn(kRoot / "regressions" / target.name);
  inputs.insert(inputs.end(), regressions.begin(), regressions.end());
  for (const auto& file : inputs) {
    SCOPED_TRACE(file.string());
    const auto bytes = contentsOf(file);
    target.run(bytes);
  }
}

INSTANTIATE_TEST_SUITE_P(Fuzz, Replay, testing::ValuesIn(kTargets),
                         [](const testing::TestParamInfo<Target>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace fuzz
