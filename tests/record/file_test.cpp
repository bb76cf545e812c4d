// record::File: an exclusive create, appending, every byte written, a file
// read while it is written, and failures that name the system's own cause.
#include <gtest/gtest.h>

#include <fstream>

#include "shared/record/file.h"
#include "tests/support/files.h"

namespace record {
namespace {

namespace fs = std::filesystem;

// A call that must succeed; when it does not, the system's message says why.
::testing::AssertionResult ok(const std::error_code& error) {
  if (!error) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << error.message();
}

class Files : public ::testing::Test {
 protected:
  testsupport::TempDir temp_;
  const fs::path dir_ = temp_.path();
};

TEST_F(Files, CreateRefusesATakenName) {
  const fs::path path = dir_ / "a.jsonl";
  std::error_code error;
  File first = File::create(path, File::Readers::Anyone, error);
  ASSERT_TRUE(first) << error.message();
  EXPECT_TRUE(ok(first.write("first\n")));
  EXPECT_FALSE(File::create(path, File::Readers::Anyone, error));
  EXPECT_EQ(error, std::errc::file_exists) << error.message();
  EXPECT_TRUE(ok(first.close()));
  EXPECT_FALSE(File::create(path, File::Readers::Anyone, error));  // closed, still taken
  EXPECT_EQ(error, std::errc::file_exists) << error.message();
  EXPECT_EQ(testsupport::fileBytes(path), "first\n");
}

TEST_F(Files, AppendsAtTheEndAndIsReadableWhileOpen) {
  const fs::path path = dir_ / "a.jsonl";
  std::error_code error;
  File file = File::create(path, File::Readers::Anyone, error);
  ASSERT_TRUE(file) << error.message();
  EXPECT_TRUE(ok(file.write("one\n")));
  EXPECT_EQ(testsupport::fileBytes(path), "one\n");  // a replay of a game in progress
  EXPECT_TRUE(ok(file.close()));
  EXPECT_FALSE(file);

  file = File::openForAppend(path, error);
  ASSERT_TRUE(file) << error.message();
  const std::string big(3 << 20, 'x');  // more than one system call may take
  EXPECT_TRUE(ok(file.write(big)));
  EXPECT_TRUE(ok(file.write("two\n")));
  EXPECT_EQ(testsupport::fileBytes(path), "one\n" + big + "two\n");
}

TEST_F(Files, AMovedFileTakesItsHandleAlong) {
  std::error_code error;
  File a = File::create(dir_ / "a", File::Readers::Anyone, error);
  ASSERT_TRUE(a) << error.message();
  File b = std::move(a);
  EXPECT_FALSE(a);
  ASSERT_TRUE(b);
  EXPECT_TRUE(ok(b.write("b")));
  a = File::create(dir_ / "c", File::Readers::Anyone, error);
  a = std::move(b);  // c is closed, a writes to "a"
  EXPECT_FALSE(b);
  EXPECT_TRUE(ok(a.write("a")));
  EXPECT_TRUE(ok(a.close()));
  EXPECT_EQ(testsupport::fileBytes(dir_ / "a"), "ba");
  EXPECT_EQ(testsupport::fileBytes(dir_ / "c"), "");
}

TEST_F(Files, FailuresNameTheSystemsCause) {
  std::error_code error;
  EXPECT_FALSE(File::create(dir_ / "missing" / "a", File::Readers::Anyone, error));
  EXPECT_EQ(error, std::errc::no_such_file_or_directory) << error.message();
  EXPECT_FALSE(File::openForAppend(dir_ / "gone", error));
  EXPECT_EQ(error, std::errc::no_such_file_or_directory) << error.message();

  { std::ofstream(dir_ / "plain") << "a file where a directory should be"; }
  EXPECT_FALSE(File::create(dir_ / "plain" / "a", File::Readers::Anyone, error));
#ifdef _WIN32
  EXPECT_EQ(error, std::errc::no_such_file_or_directory) << error.message();  // ERROR_PATH_NOT_FOUND
#else
  EXPECT_EQ(error, std::errc::not_a_directory) << error.message();
  EXPECT_EQ(error.message(), std::make_error_code(std::errc::not_a_directory).message());
#endif
}

#ifndef _WIN32
// Mode 0600 from the start (a key), not set after a moment of 0644.
TEST_F(Files, TheOwnersFilesAreReadableByTheOwnerOnly) {
  std::error_code error;
  ASSERT_TRUE(File::create(dir_ / "key", File::Readers::Owner, error)) << error.message();
  EXPECT_EQ(fs::status(dir_ / "key").permissions(), fs::perms::owner_read | fs::perms::owner_write);
}
#endif

}  // namespace
}  // namespace record
