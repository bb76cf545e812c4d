// Files for tests that need some, on every platform the tests build for
// (the record tests run under Wine too, where the process harness does not).
//
// Ownership: a TempDir owns its directory and removes it, with all in it,
// when destroyed.
#pragma once

#include <filesystem>
#include <string>

namespace testsupport {

// A fresh directory under the system's temp directory, removed afterwards.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A file's bytes as they are (no line-end translation); empty for a missing file.
std::string fileBytes(const std::filesystem::path& file);

}  // namespace testsupport
