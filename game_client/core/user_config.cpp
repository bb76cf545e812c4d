#include "game_client/core/user_config.h"

#include <cassert>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <system_error>

#include <nlohmann/json.hpp>

namespace client {

namespace {

using nlohmann::json;

const char* const kFolder = "board_games";
const char* const kFile = "client.json";

// The file as a JSON object; nullopt with why in `problem` when it is not one.
std::optional<json> readObject(const std::filesystem::path& file, std::string& problem) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    problem = "cannot read " + file.string();
    return std::nullopt;
  }
  json object = json::parse(in, nullptr, false);
  if (object.is_discarded() || !object.is_object()) {
    problem = file.string() + " is not a JSON object";
    return std::nullopt;
  }
  return object;
}

}  // namespace

std::filesystem::path userConfigFile() {
#ifdef _WIN32
  // The wide variable: a user name outside the ANSI code page stays intact.
  const wchar_t* appData = _wgetenv(L"APPDATA");
  if (!appData || !*appData) return {};
  return std::filesystem::path(appData) / kFolder / kFile;
#else
  // XDG: a relative XDG_CONFIG_HOME is invalid and to be ignored.
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && std::filesystem::path(xdg).is_absolute())
    return std::filesystem::path(xdg) / kFolder / kFile;
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".config" / kFolder / kFile;
  return {};
#endif
}

UserConfig loadUserConfig(const std::filesystem::path& file, std::string& problem) {
  problem.clear();
  UserConfig config;
  std::error_code ec;
  if (file.empty() || !std::filesystem::exists(file, ec)) return config;
  const auto object = readObject(file, problem);
  if (!object) return config;
  UserConfig read;
  for (auto [key, field] : {std::pair{"address", &read.address}, {"name", &read.name}}) {
    const auto it = object->find(key);
    if (it == object->end()) continue;
    if (!it->is_string()) {
      problem = file.string() + ": \"" + key + "\" is not a string";
      return config;
    }
    *field = it->get<std::string>();
  }
  return read;
}

bool saveUserConfig(const std::filesystem::path& file, const UserConfig& config, std::string& error) {
  assert(!file.empty());
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) {
    error = "cannot create " + file.parent_path().string() + ": " + ec.message();
    return false;
  }
  std::string ignored;
  json object = std::filesystem::exists(file, ec) ? readObject(file, ignored).value_or(json::object()) : json::object();
  object["address"] = config.address;
  object["name"] = config.name;
  auto temporary = file;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << object.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
    out.close();
    if (!out) {
      error = "cannot write " + temporary.string();
      std::filesystem::remove(temporary, ec);
      return false;
    }
  }
  std::filesystem::rename(temporary, file, ec);
  if (ec) {
    error = "cannot replace " + file.string() + ": " + ec.message();
    std::filesystem::remove(temporary, ec);
    return false;
  }
  return true;
}

}  // namespace client
