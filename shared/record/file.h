// A file written through the operating system's own handle, a POSIX
// descriptor or a Win32 HANDLE, not a C stdio stream: the C runtime caps the
// streams open at once (512 in the msvcrt that mingw-w64 links, a server
// with a record per match goes past that) and reports through errno, which
// any later call may overwrite. Every failure here carries the system's own
// error, taken where it happened. Nothing is buffered: what write() returned
// is with the system, and a crash of the process loses none of it.
//
// Ownership and threading: a File owns its handle and closes it when
// destroyed; it moves, never copies. One thread uses it at a time.
#pragma once

#include <filesystem>
#include <string_view>
#include <system_error>

namespace record {

class File {
 public:
  // Who may read a file made by create(): POSIX modes 0644 and 0600. On
  // Windows both leave it to the directory's ACL.
  enum class Readers { Anyone, Owner };

  // Creates `path` for writing only if no file has that name, atomically
  // (O_EXCL, CREATE_NEW), so two writers can never end up in one file. On
  // failure returns a closed File and sets `error`; a name taken compares
  // equal to std::errc::file_exists. While it is open others may read it
  // (a replay of a game in progress) but not write it.
  static File create(const std::filesystem::path& path, Readers readers, std::error_code& error);
  // Opens the existing file `path` to write at its end, shared as create()'s.
  static File openForAppend(const std::filesystem::path& path, std::error_code& error);

  File() = default;  // closed
  ~File();
  File(File&& other) noexcept;
  File& operator=(File&& other) noexcept;
  File(const File&) = delete;
  File& operator=(const File&) = delete;

  explicit operator bool() const { return handle_ != kClosed; }

  // Writes all of `bytes` to an open file, however many system calls that
  // takes.
  [[nodiscard]] std::error_code write(std::string_view bytes);
  // Closes an open file. Some systems report a failed write only now (NFS).
  [[nodiscard]] std::error_code close();

 private:
#ifdef _WIN32
  using Handle = void*;  // a HANDLE, without <windows.h> in every includer
  static constexpr Handle kClosed = nullptr;
#else
  using Handle = int;
  static constexpr Handle kClosed = -1;
#endif
  explicit File(Handle handle) : handle_(handle) {}

  Handle handle_ = kClosed;
};

}  // namespace record
