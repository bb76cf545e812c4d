// What drives the window: the start screen (StartMode), the server's match
// list (LobbyMode), a live match (LiveMode) or a recorded game (ReplayMode).
// App owns one Mode and routes input to it; the mode owns the board view and
// fills the panel model (and the lobby's list, the start screen's form). A
// mode may hand over to the next one (the start screen to what was chosen,
// the lobby to the match picked, any of them back to the start screen). All
// run on the UI thread only.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <SFML/Window/Keyboard.hpp>

#include "game_client/ui/board_view.h"
#include "game_client/ui/lobby_view.h"
#include "game_client/ui/side_panel.h"
#include "game_client/ui/start_view.h"
#include "shared/game/game.h"

namespace client {

class Mode;

// The way back to the start screen a mode was opened from: makes it again,
// showing `error` (empty when the person asked to go back). Empty when the
// command line opened the mode, which then has nowhere to go back to.
using Back = std::function<std::unique_ptr<Mode>(const std::string& error)>;

class Mode {
 public:
  virtual ~Mode() = default;

  // Network I/O and timers; returns whether the picture changed.
  virtual bool update() = 0;
  // Sleeps until something may have happened, at most `timeout`.
  virtual void idle(sf::Time timeout) = 0;

  // The board, null while the game is not known (before welcome, a bad record).
  virtual BoardView* board() = 0;
  // The seat whose view of the board is shown.
  virtual game::Seat viewer() const = 0;
  virtual const PanelModel& panel() const = 0;

  // The player asked for a move on the board.
  virtual void requestMove(const game::Move& move) = 0;
  // A panel button, a click in the move list, a key. Each returns whether the picture changed.
  virtual bool act(Action action) = 0;
  virtual bool selectMove(int index) = 0;
  virtual bool key(sf::Keyboard::Key key) = 0;
  // A typed character (for an input line); returns whether the picture changed.
  virtual bool text(char32_t) { return false; }

  // The match list or the start screen shown in the board's place, null when there is none.
  virtual const LobbyModel* lobby() const { return nullptr; }
  virtual const StartModel* start() const { return nullptr; }
  // A click on the list's entry `index` (the lobby's match, the start
  // screen's record); returns whether the picture changed.
  virtual bool openEntry(int) { return false; }
  // A click on the start screen's field `index`; returns whether the picture changed.
  virtual bool focusField(int) { return false; }
  // The mode that takes over from this one, once; null while there is none.
  virtual std::unique_ptr<Mode> next() { return nullptr; }

  // Nothing more will happen by itself: the game is over, the record, the list or the start screen is shown.
  virtual bool settled() const = 0;
  // The process exit code when the window closes: 0, or 1 after a failure
  // (an unreadable record, a connection that could not be made, the start
  // screen showing either).
  virtual int exitCode() const = 0;
};

// A mode that shows something in the board's place (the match list, the
// start screen): no board, no moves.
class BoardlessMode : public Mode {
 public:
  BoardView* board() override { return nullptr; }
  game::Seat viewer() const override { return game::Seat::Player1; }
  void requestMove(const game::Move&) override {}
  bool selectMove(int) override { return false; }
};

}  // namespace client
