// Replaying a record written by the server, or a game of a PGN file, with no
// server: record::openReplay loads and checks the file (a cut-off last line
// is tolerated and said so), then the board steps through its moves.
// Left/Right step, Home/End jump, Space plays and pauses, the move list is
// clickable; Page Up/Down open the previous and next game of a PGN file.
// An omok opening's decisions are steps of their own between the moves
// (the panel says who decided what), an offer's fifth moves stand on the
// board until the pick, and the colours follow the opening's exchange.
// A game that outlived its server says at which ply the server restarted;
// a PGN game says which game of the file it is, who played it, where and
// when. Opened from the start screen, a file that cannot be replayed goes
// back there with the reason, and Escape or "Back to start" goes back there
// too.
//
// Ownership and threading: owned by App, UI thread only. Owns the board view
// and the moves; the position shown is rebuilt from the start position when
// stepping back (a few hundred plies at most, well under a frame).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SFML/System/Clock.hpp>
#include <SFML/System/Sleep.hpp>

#include "game_client/app/mode.h"
#include "shared/game/clock.h"
#include "shared/record/reader.h"
#include "shared/record/replay_file.h"

namespace client {

class ReplayMode final : public Mode {
 public:
  // Loads game `game` (1-based; a record holds one) of `file`, to be seen
  // from `viewer`'s side; a bad file leaves the mode showing why (and
  // exitCode() 1), or goes `back` with it.
  ReplayMode(const std::filesystem::path& file, game::Seat viewer, Back back = {}, int game = 1);

  bool update() override;
  void idle(sf::Time timeout) override { sf::sleep(timeout); }
  BoardView* board() override { return board_.get(); }
  game::Seat viewer() const override { return viewer_; }
  const PanelModel& panel() const override { return panel_; }
  void requestMove(const game::Move&) override {}
  bool act(Action action) override;
  bool selectMove(int index) override;
  bool key(sf::Keyboard::Key key) override;
  std::unique_ptr<Mode> next() override { return std::move(next_); }
  bool settled() const override { return !playing_; }
  int exitCode() const override { return loadError_.empty() ? 0 : 1; }

 private:
  bool load();
  // The players, the title and the subtitle from what was opened.
  void showHeading(const record::Record& rec, const record::PgnGame* pgn);
  // Opens game `game` of the same PGN file in this one's place.
  bool openGame(int game);
  // Shows the game after `steps` steps (moves and decisions).
  bool show(int steps);
  // The moves among the steps shown.
  int plies() const { return pliesAfter_[static_cast<std::size_t>(shown_)]; }
  bool togglePlay();
  void refreshPanel();
  // Timed records: each side's clock as it stood after `shown_` steps.
  void showClocks();
  // The chat written before the next step was made.
  void showChat();
  // Where the opening stood after `shown_` steps, on the board and the player cards.
  void showOpening();

  // A move or an opening's decision, in the record's order.
  struct Step {
    int line = 0;
    game::Seat seat = game::Seat::None;
    bool decision = false;
    std::string notation;                  // a decision's ("swap", "offer h8 j9"); the moves have panel_.moves
    std::optional<std::uint32_t> clockMs;  // the maker's time left after it
  };

  std::unique_ptr<BoardView> board_;
  std::vector<game::Move> moves_;
  std::vector<Step> steps_;
  std::vector<int> pliesAfter_;                    // the moves among the first n steps, for n = 0..steps
  std::vector<game::OpeningState> openings_;       // the opening after the first n steps
  game::Seat endMover_ = game::Seat::None;         // who was to move when the record ends
  std::optional<game::Status> result_;
  game::TimeControl timeControl_;               // untimed unless the record has one
  std::vector<record::ChatLine> chat_;
  std::optional<std::array<std::uint32_t, 2>> endClocks_;  // both, when the record ended
  // Steps made before each restart, with when the next server took the game up.
  std::map<int, std::string> restarts_;
  bool adjourned_ = false;  // the record ends adjourned: nobody came back after a restart
  std::string note_;       // a truncated record, a missing end line
  std::string about_;      // a PGN game: "alice – bob, Rated Blitz game, 2024.01.15."
  std::string loadError_;
  game::Seat viewer_;      // F turns the board round
  int shown_ = 0;          // steps shown
  bool playing_ = false;
  sf::Clock sinceStep_;
  PanelModel panel_;
  std::filesystem::path file_;
  int game_;        // which game of the file
  int games_ = 1;   // how many the file holds
  Back back_;
  std::unique_ptr<Mode> next_;  // the start screen again, or another game of the file
};

}  // namespace client
