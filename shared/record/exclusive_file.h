// Creating a file only if it does not exist yet, atomically, so two writers
// can never end up in the same record.
#pragma once

#include <cstdio>
#include <filesystem>

namespace record {

// Opens a new file for writing; returns null with errno set on failure, and
// errno == EEXIST when the name is taken. fopen's "x" mode would be the
// portable spelling, but the msvcrt runtime used by mingw-w64 ignores it and
// overwrites, so this goes one level down on each platform.
std::FILE* createExclusive(const std::filesystem::path& path);

}  // namespace record
