#include "shared/record/file.h"

#include <algorithm>
#include <cassert>
#include <utility>

#ifdef _WIN32
#include <windows.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace record {

#ifdef _WIN32

namespace {

std::error_code lastError() { return {static_cast<int>(GetLastError()), std::system_category()}; }

// FILE_SHARE_READ: a record can be replayed while its game goes on, but no
// second writer gets in.
HANDLE openHandle(const std::filesystem::path& path, DWORD access, DWORD disposition, std::error_code& error) {
  const HANDLE handle =
      CreateFileW(path.c_str(), access, FILE_SHARE_READ, nullptr, disposition, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (handle != INVALID_HANDLE_VALUE) return handle;
  error = lastError();
  return nullptr;
}

}  // namespace

File File::create(const std::filesystem::path& path, Readers, std::error_code& error) {
  error.clear();
  return File(openHandle(path, GENERIC_WRITE, CREATE_NEW, error));
}

File File::openForAppend(const std::filesystem::path& path, std::error_code& error) {
  error.clear();
  // FILE_APPEND_DATA without FILE_WRITE_DATA: every write lands at the end.
  return File(openHandle(path, FILE_APPEND_DATA, OPEN_EXISTING, error));
}

std::error_code File::write(std::string_view bytes) {
  assert(*this);
  while (!bytes.empty()) {
    const auto chunk = static_cast<DWORD>(std::min<std::size_t>(bytes.size(), 1u << 30));  // WriteFile counts in DWORDs
    DWORD written = 0;
    if (!WriteFile(handle_, bytes.data(), chunk, &written, nullptr)) return lastError();
    bytes.remove_prefix(written);
  }
  return {};
}

std::error_code File::close() {
  assert(*this);
  return CloseHandle(std::exchange(handle_, kClosed)) ? std::error_code() : lastError();
}

#else

namespace {

std::error_code lastError() { return {errno, std::generic_category()}; }

// O_CLOEXEC: a program the process starts does not inherit its records.
int openDescriptor(const std::filesystem::path& path, int flags, mode_t mode, std::error_code& error) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC, mode);
  if (fd < 0) error = lastError();
  return fd;
}

}  // namespace

File File::create(const std::filesystem::path& path, Readers readers, std::error_code& error) {
  error.clear();
  return File(openDescriptor(path, O_WRONLY | O_CREAT | O_EXCL, readers == Readers::Owner ? 0600 : 0644, error));
}

File File::openForAppend(const std::filesystem::path& path, std::error_code& error) {
  error.clear();
  return File(openDescriptor(path, O_WRONLY | O_APPEND, 0, error));
}

std::error_code File::write(std::string_view bytes) {
  assert(*this);
  while (!bytes.empty()) {
    const ssize_t n = ::write(handle_, bytes.data(), bytes.size());
    if (n >= 0)
      bytes.remove_prefix(static_cast<std::size_t>(n));
    else if (errno != EINTR)
      return lastError();
  }
  return {};
}

std::error_code File::close() {
  assert(*this);
  // Not retried on EINTR: Linux has let the descriptor go either way.
  return ::close(std::exchange(handle_, kClosed)) == 0 ? std::error_code() : lastError();
}

#endif

File::~File() {
  if (*this) static_cast<void>(close());
}

File::File(File&& other) noexcept : handle_(std::exchange(other.handle_, kClosed)) {}

File& File::operator=(File&& other) noexcept {
  if (this != &other) {
    if (*this) static_cast<void>(close());
    handle_ = std::exchange(other.handle_, kClosed);
  }
  return *this;
}

}  // namespace record
