#include "game_client/ui/resources.h"

#include <array>
#include <system_error>

namespace client {

namespace {
const std::filesystem::path kProbe = std::filesystem::path("fonts") / "DejaVuSans.ttf";
}

std::filesystem::path executablePath(const char* argv0) {
  std::error_code ec;
  // Linux names the running binary here; elsewhere argv[0] is the best we have.
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) return self;
  auto fromArg = std::filesystem::absolute(argv0 ? argv0 : "", ec);
  return ec ? std::filesystem::path(argv0 ? argv0 : "") : fromArg;
}

std::optional<std::filesystem::path> findResourceDir(const std::filesystem::path& executable) {
  const auto dir = executable.parent_path();
  const std::array<std::filesystem::path, 5> candidates{
      dir / "resources",
      dir / ".." / "resources",
      dir / ".." / "share" / "board_games" / "resources",
      dir / ".." / ".." / "resources",
      std::filesystem::path(GAME_SOURCE_RESOURCES),
  };
  std::error_code ec;
  for (const auto& c : candidates)
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
