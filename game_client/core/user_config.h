// What the client remembers between runs: the server address and the name
// last used on the start screen, in client.json in the user's configuration
// folder (%APPDATA%\board_games on Windows; $XDG_CONFIG_HOME/board_games,
// else ~/.config/board_games, elsewhere). No SFML, no state: plain
// functions over a file, called from the UI thread.
#pragma once

#include <filesystem>
#include <string>

namespace client {

struct UserConfig {
  std::string address = "127.0.0.1:9000";
  std::string name;
};

// The file, from the environment as it is now; empty when the environment
// names no folder (no APPDATA, or neither XDG_CONFIG_HOME nor HOME).
std::filesystem::path userConfigFile();

// A missing file gives the defaults. An unreadable or corrupt one gives them
// too, with why in `problem` (empty otherwise), and is left as it is: the
// next save replaces it. Never throws.
UserConfig loadUserConfig(const std::filesystem::path& file, std::string& problem);

// Writes `config` (keeping keys of the file it does not know) to a
// temporary file next to `file` and renames it over, so a crash never
// leaves half a file; creates the folder. False, with why in `error`.
bool saveUserConfig(const std::filesystem::path& file, const UserConfig& config, std::string& error);

}  // namespace client
