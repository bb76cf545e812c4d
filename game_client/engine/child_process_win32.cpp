#include <windows.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "game_client/engine/child_process.h"

namespace engine {

namespace {

using namespace std::chrono_literals;

// How long a child that was told to stop (its stdin closed) may take to leave.
constexpr DWORD kGraceMs = 500;

std::string lastError(const char* what) {
  const DWORD code = GetLastError();
  char text[256] = {};
  FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr, code, 0, text, sizeof text,
                 nullptr);
  return std::string(what) + ": " + (text[0] ? text : "error " + std::to_string(code));
}

void closeAll(std::initializer_list<HANDLE> handles) {
  for (HANDLE h : handles)
    if (h) CloseHandle(h);
}

// An anonymous pipe of which only the child's end (the read end of its stdin,
// the write end of its stdout) can be inherited.
bool makePipe(HANDLE& read, HANDLE& write, bool childReads) {
  SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  if (!CreatePipe(&read, &write, &inherit, 0)) return false;
  return SetHandleInformation(childReads ? write : read, HANDLE_FLAG_INHERIT, 0);
}

}  // namespace

std::unique_ptr<ChildProcess> ChildProcess::start(const std::string& command, std::string& error) {
  HANDLE childIn = nullptr, input = nullptr, output = nullptr, childOut = nullptr, childErr = nullptr;
  auto failed = [&](const char* what) {
    error = lastError(what);
    closeAll({childIn, input, output, childOut, childErr});
    return nullptr;
  };
  if (!makePipe(childIn, input, true) || !makePipe(output, childOut, false)) return failed("CreatePipe");
  // Our stderr, as an inheritable duplicate the child may write to.
  HANDLE ourErr = GetStdHandle(STD_ERROR_HANDLE);
  if (ourErr && ourErr != INVALID_HANDLE_VALUE &&
      !DuplicateHandle(GetCurrentProcess(), ourErr, GetCurrentProcess(), &childErr, 0, TRUE, DUPLICATE_SAME_ACCESS))
    childErr = nullptr;  // no stderr for the child then, which is harmless

  // Only these handles are inherited, not every inheritable one (the bot's
  // socket among them), so the server sees the bot leave even while an
  // engine lingers.
  std::vector<HANDLE> inherited{childIn, childOut};
  if (childErr) inherited.push_back(childErr);
  SIZE_T size = 0;
  InitializeProcThreadAttributeList(nullptr, 1, 0, &size);
  std::vector<char> attributes(size);
  auto* list = reinterpret_cast<LPPROC_THREAD_ATTRIBUTE_LIST>(attributes.data());
  if (!InitializeProcThreadAttributeList(list, 1, 0, &size)) return failed("InitializeProcThreadAttributeList");
  const bool listed = UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, inherited.data(),
                                                inherited.size() * sizeof(HANDLE), nullptr, nullptr);
  STARTUPINFOEXA startup{};
  startup.StartupInfo.cb = sizeof startup;
  startup.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
  startup.StartupInfo.hStdInput = childIn;
  startup.StartupInfo.hStdOutput = childOut;
  startup.StartupInfo.hStdError = childErr;
  startup.lpAttributeList = list;
  PROCESS_INFORMATION info{};
  std::string line = command;  // CreateProcessA may write into the command line
  const bool started = listed && CreateProcessA(nullptr, line.data(), nullptr, nullptr, TRUE,
                                                EXTENDED_STARTUPINFO_PRESENT, nullptr, nullptr,
                                                &startup.StartupInfo, &info);
  DeleteProcThreadAttributeList(list);
  if (!started) return failed(listed ? "CreateProcess" : "UpdateProcThreadAttribute");
  closeAll({childIn, childOut, childErr, info.hThread});
  std::unique_ptr<ChildProcess> child(new ChildProcess);
  child->process_ = info.hProcess;
  child->input_ = input;
  child->output_ = output;
  return child;
}

ChildProcess::~ChildProcess() {
  CloseHandle(input_);  // end of input: well-behaved engines quit on it
  CloseHandle(output_);
  if (WaitForSingleObject(process_, kGraceMs) != WAIT_OBJECT_0) {
    TerminateProcess(process_, 1);
    WaitForSingleObject(process_, INFINITE);
  }
  CloseHandle(process_);
}

bool ChildProcess::write(std::string_view text, std::string& error) {
  while (!text.empty()) {
    DWORD n = 0;
    if (!WriteFile(input_, text.data(), static_cast<DWORD>(text.size()), &n, nullptr)) {
      const bool broken = GetLastError() == ERROR_BROKEN_PIPE || GetLastError() == ERROR_NO_DATA;
      error = broken ? "the engine no longer reads its input (" + describeEnd() + ")" : lastError("WriteFile");
      return false;
    }
    text.remove_prefix(n);
  }
  return true;
}

ChildProcess::Read ChildProcess::readSome(Clock::time_point deadline) {
  // Anonymous pipes have no overlapped reads: poll what is waiting, so a
  // ReadFile never blocks past the deadline. A few milliseconds of latency
  // are nothing against an engine's thinking time.
  for (;;) {
    DWORD waiting = 0;
    if (!PeekNamedPipe(output_, nullptr, 0, nullptr, &waiting, nullptr)) return Read::Ended;
    if (waiting > 0) {
      char buffer[4096];
      DWORD n = 0;
      if (!ReadFile(output_, buffer, std::min<DWORD>(waiting, sizeof buffer), &n, nullptr) || n == 0)
        return Read::Ended;
      pending_.append(buffer, n);
      return Read::Data;
    }
    if (Clock::now() >= deadline) return Read::TimedOut;
    std::this_thread::sleep_for(2ms);
  }
}

std::string ChildProcess::describeEnd() {
  // The output can end a moment before the exit is visible.
  DWORD code = 0;
  if (WaitForSingleObject(process_, 200) != WAIT_OBJECT_0 || !GetExitCodeProcess(process_, &code))
    return "still running";
  return "exited with status " + std::to_string(code);
}

}  // namespace engine
