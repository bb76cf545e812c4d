// The engine's child process: a shell command line, lines both ways (ended
// by CR, LF or any run of them, empty ones skipped, none longer than the
// bound), a read that gives up at its deadline, a child that exits, and no
// child left behind.
#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <thread>

#include "game_client/engine/child_process.h"

namespace engine {
namespace {

using namespace std::chrono_literals;

// Whether process `pid` has ended (gone, or a zombie nobody reaped yet).
bool ended(int pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string id, name, state;
  return ::kill(pid, 0) != 0 || !(stat >> id >> name >> state) || state == "Z";
}

std::unique_ptr<ChildProcess> run(const std::string& command) {
  std::string error;
  auto child = ChildProcess::start(command, error);
  EXPECT_TRUE(child) << error;
  return child;
}

TEST(ChildProcess, EchoesThroughTheShellWithArguments) {
  auto child = run("read first; read second; echo \"got $first and $second\"; printf 'crlf\\r\\nlast'");
  std::string error;
  ASSERT_TRUE(child->write("one\ntwo words\n", error)) << error;
  EXPECT_EQ(child->readLine(Clock::now() + 5s, error), "got one and two words");
  EXPECT_EQ(child->readLine(Clock::now() + 5s, error), "crlf");  // CR LF read as a line end
  // The unterminated "last" is no line: the output ends first.
  EXPECT_FALSE(child->readLine(Clock::now() + 5s, error));
  EXPECT_NE(error.find("exited with status 0"), std::string::npos) << error;
}

TEST(ChildProcess, EveryLineEndEndsALineAndEmptyLinesAreSkipped) {
  auto child = run("printf 'lf\\ncr\\rcrlf\\r\\ncrcrlf\\r\\r\\n\\n\\r\\n\\r\\r  spaced words \\rlast\\n'");
  std::string error;
  for (const char* line : {"lf", "cr", "crlf", "crcrlf", "  spaced words ", "last"})
    EXPECT_EQ(child->readLine(Clock::now() + 5s, error), line) << error;
  EXPECT_FALSE(child->readLine(Clock::now() + 5s, error));
  EXPECT_NE(error.find("exited with status 0"), std::string::npos) << error;
}

TEST(ChildProcess, ABareCrEndsALineWithoutWaitingForMore) {
  // The child writes the LF of its CR LF only once it has our answer: the
  // line must come before, and the late LF makes no empty line.
  auto child = run("printf 'first\\r'; read x; printf '\\nsecond\\r\\n'");
  std::string error;
  EXPECT_EQ(child->readLine(Clock::now() + 5s, error), "first") << error;
  ASSERT_TRUE(child->write("go\n", error)) << error;
  EXPECT_EQ(child->readLine(Clock::now() + 5s, error), "second") << error;
}

TEST(ChildProcess, RefusesALineLongerThanTheBound) {
  // A line of exactly kMaxLine bytes is read; one byte more is refused.
  auto child = run("head -c " + std::to_string(ChildProcess::kMaxLine) + " /dev/zero | tr '\\0' x; echo; head -c " +
                   std::to_string(ChildProcess::kMaxLine + 1) + " /dev/zero | tr '\\0' y; echo; echo after");
  std::string error;
  EXPECT_EQ(child->readLine(Clock::now() + 5s, error), std::string(ChildProcess::kMaxLine, 'x')) << error;
  EXPECT_FALSE(child->readLine(Clock::now() + 5s, error));
  EXPECT_EQ(error, "the engine wrote a line longer than 65536 bytes");
  EXPECT_FALSE(child->readLine(Clock::now() + 5s, error));  // still: the rest of that line is no line
}

TEST(ChildProcess, AnEndlessLineIsAnErrorNotAWait) {
  auto child = run("tr -d '\\n' < /dev/zero");
  std::string error;
  const auto start = Clock::now();
  EXPECT_FALSE(child->readLine(start + 20s, error));
  EXPECT_LT(Clock::now() - start, 10s);
  EXPECT_EQ(error, "the engine wrote a line longer than 65536 bytes");
}

TEST(ChildProcess, ReadGivesUpAtItsDeadline) {
  auto child = run("sleep 30");
  std::string error;
  const auto start = Clock::now();
  EXPECT_FALSE(child->readLine(start + 200ms, error));
  EXPECT_GE(Clock::now() - start, 200ms);
  EXPECT_LT(Clock::now() - start, 2s);
  EXPECT_EQ(error, "no answer in time");
}

TEST(ChildProcess, ReportsAChildThatExits) {
  auto child = run("read line; exit 3");
  std::string error;
  ASSERT_TRUE(child->write("bye\n", error)) << error;
  EXPECT_FALSE(child->readLine(Clock::now() + 5s, error));
  EXPECT_NE(error.find("exited with status 3"), std::string::npos) << error;
  // Writing to it now is an error, not a SIGPIPE that ends this test program.
  EXPECT_FALSE(child->write(std::string(1 << 17, 'x'), error));
  EXPECT_NE(error.find("no longer reads"), std::string::npos) << error;
}

TEST(ChildProcess, ReportsACommandTheShellCannotRun) {
  auto child = run("/nonexistent/engine --flag");
  std::string error;
  EXPECT_FALSE(child->readLine(Clock::now() + 5s, error));
  EXPECT_NE(error.find("exited with status 127"), std::string::npos) << error;
}

TEST(ChildProcess, DestructorEndsTheChildAndWhatItStarted) {
  // The shell starts a background sleep and prints its pid; both must be
  // gone once the ChildProcess is.
  auto child = run("sleep 60 & echo $!; wait");
  std::string error;
  const std::optional<std::string> pid = child->readLine(Clock::now() + 5s, error);
  ASSERT_TRUE(pid) << error;
  const auto start = Clock::now();
  child.reset();
  EXPECT_LT(Clock::now() - start, 3s);
  const auto deadline = Clock::now() + 2s;  // SIGKILL is delivered asynchronously
  while (!ended(std::stoi(*pid)) && Clock::now() < deadline) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(ended(std::stoi(*pid))) << "the grandchild survived";
}

}  // namespace
}  // namespace engine
