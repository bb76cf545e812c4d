#include "game_client/ui/resources.h"

#include <algorithm>
#include <system_error>

#ifdef _WIN32
#include <windows.h>
#endif

namespace client {

namespace {
const std::filesystem::path kProbe = std::filesystem::path("fonts") / "DejaVuSans.ttf";
}

std::filesystem::path executablePath(const char* argv0) {
  std::error_code ec;
#ifdef _WIN32
  // argv[0] is whatever the caller typed; the module's own name is the file.
  std::wstring name(MAX_PATH, L'\0');
  for (;;) {
    const DWORD n = GetModuleFileNameW(nullptr, name.data(), static_cast<DWORD>(name.size()));
    if (n == 0) break;
    if (n < name.size()) return std::filesystem::path(name.substr(0, n));
    name.resize(name.size() * 2);
  }
#else
  // Linux names the running binary here; elsewhere argv[0] is the best we have.
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) return self;
#endif
  auto fromArg = std::filesystem::absolute(argv0 ? argv0 : "", ec);
  return ec ? std::filesystem::path(argv0 ? argv0 : "") : fromArg;
}

std::vector<std::filesystem::path> resourceDirCandidates(const std::filesystem::path& executable) {
  const auto dir = executable.parent_path();
  std::vector<std::filesystem::path> candidates;
  for (auto c : {dir / "resources", dir / GAME_RESOURCES_FROM_BIN, dir / ".." / "resources"}) {
    c = c.lexically_normal();
    if (std::find(candidates.begin(), candidates.end(), c) == candidates.end()) candidates.push_back(std::move(c));
  }
  return candidates;
}

std::optional<std::filesystem::path> findResourceDir(const std::filesystem::path& executable) {
  std::error_code ec;
  for (const auto& c : resourceDirCandidates(executable))
    if (std::filesystem::is_regular_file(c / kProbe, ec)) return std::filesystem::weakly_canonical(c, ec);
  return std::nullopt;
}

bool loadFonts(const std::filesystem::path& dir, Fonts& out, std::string& error) {
  const auto load = [&](sf::Font& font, const char* file) {
    const auto path = dir / "fonts" / file;
    if (font.loadFromFile(path.string())) return true;
    error = "cannot load the font " + path.string();
    return false;
  };
  return load(out.regular, "DejaVuSans.ttf") && load(out.bold, "DejaVuSans-Bold.ttf");
}

}  // namespace client
