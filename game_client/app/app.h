// The window: it lays out the board and the panel, routes input to the board
// view, the panel and the mode, and draws only when something changed or an
// animation runs, sleeping in between (in the network link's wait when live),
// so an idle client costs almost no CPU.
//
// Ownership and threading: App owns the window, the panel, the lobby and
// start screen views and the mode (replaced when the mode hands over to its
// next()); it borrows the
// fonts, which must outlive it. Everything runs on the thread that calls run().
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include <SFML/Graphics/RenderWindow.hpp>

#include "game_client/app/mode.h"
#include "game_client/ui/layout.h"
#include "game_client/ui/lobby_view.h"
#include "game_client/ui/resources.h"
#include "game_client/ui/side_panel.h"
#include "game_client/ui/start_view.h"

namespace client {

struct WindowOptions {
  unsigned width = 1120;
  unsigned height = 760;
  // Save the window here as PNG and exit once the mode has settled (a
  // replay or the start screen is shown; a game is over).
  std::optional<std::filesystem::path> screenshot;
  bool exitWhenOver = false;
};

class App {
 public:
  App(std::unique_ptr<Mode> mode, const Fonts& fonts, const WindowOptions& options);

  // Runs until the window closes (or the screenshot is taken); returns the exit code.
  int run();

 private:
  std::optional<BoardGeometry> geometry();
  // Returns whether the picture changed.
  bool handle(const sf::Event& event);
  bool boardInput(bool changed);
  bool panelClick(Vec2 p);
  bool pointerMoved(Vec2 p);
  bool pressed(Vec2 p);
  void render(sf::RenderTarget& target);
  void renderStage(sf::RenderTarget& target);  // the board area when there is no board
  bool saveScreenshot(const std::filesystem::path& file);

  std::unique_ptr<Mode> mode_;
  const Fonts& fonts_;
  WindowOptions options_;
  sf::RenderWindow window_;
  SidePanel panel_;
  LobbyView lobbyView_;
  StartView startView_;
  WindowLayout layout_;
};

}  // namespace client
