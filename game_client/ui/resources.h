// Finding and loading the files under resources/ (fonts), relative to the
// client's own executable, so that it runs wherever it was unpacked,
// installed or built, and never from a path of the source tree.
//
// Ownership: Fonts owns its sf::Font objects; views and the panel hold
// references to it, so it must outlive them (App keeps it as a member that
// is declared before them).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/Font.hpp>

namespace client {

// Where the resources may be, in the order they are tried:
// <exe dir>/resources (the Windows package: one folder),
// <exe dir>/../share/board_games/resources (installed; as Install.cmake says),
// <exe dir>/../resources (the build tree: <build>/bin and <build>/resources).
std::vector<std::filesystem::path> resourceDirCandidates(const std::filesystem::path& executable);
// The first candidate that holds fonts/DejaVuSans.ttf.
std::optional<std::filesystem::path> findResourceDir(const std::filesystem::path& executable);

// The path of the running executable (argv0 as a fallback).
std::filesystem::path executablePath(const char* argv0);

struct Fonts {
  sf::Font regular;
  sf::Font bold;
};

// Loads the fonts from `dir`; on failure says which file in `error`.
bool loadFonts(const std::filesystem::path& dir, Fonts& out, std::string& error);

}  // namespace client
