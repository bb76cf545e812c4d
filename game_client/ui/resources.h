// Finding and loading the files under resources/ (fonts), so the client runs
// from a build tree, an installed tree or next to its source checkout.
//
// Ownership: Fonts owns its sf::Font objects; views and the panel hold
// references to it, so it must outlive them (App keeps it as a member that
// is declared before them).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <SFML/Graphics/Font.hpp>

namespace client {

// The first of these that holds resources/fonts/DejaVuSans.ttf:
// <exe dir>/resources, <exe dir>/../resources, <exe dir>/../share/board_games/resources,
// <exe dir>/../../resources (a build tree inside the checkout) and the
// source tree the client was built from.
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
