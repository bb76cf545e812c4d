// The start screen (game_client with no arguments, or --start): the
// server's address, a name, an optional private match code, what to play
// and the clock to ask for ("5+3", "none"), typed into five fields (Tab or a
// click moves between them), and the records of the
// log folders, newest first. Play (or Enter) joins a game through a
// LiveMode, Watch opens the server's match list (LobbyMode), Replay opens
// the picked record (ReplayMode; a click picks one, a click on the picked
// one opens it). Play and Watch remember the address and the name in the
// user's configuration. Every mode opened from here can come back with
// what went wrong in words (a bad port, a refused connection, a broken
// record), which the screen then shows under the form.
//
// Ownership and threading: owned by App, UI thread only. Owns its fields,
// the list of record files and, until next() hands it over, the mode chosen.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <SFML/System/Sleep.hpp>

#include "game_client/app/live_mode.h"
#include "game_client/app/mode.h"
#include "game_client/ui/text_input.h"

namespace client {

struct StartOptions {
  // The fields as they are first shown.
  std::string address = "127.0.0.1:9000";
  std::string name;
  std::string code;
  std::string game;  // what to play, in words (client::parseGameChoice): "renju soosorv8"; empty: the server's
  std::string time;  // the clock to ask for (client::parseTimeChoice): "5+3", "none"; empty: the server's
  // The rest of a game's wishes (seat, retry seconds); host, port, name,
  // match code, game and clock come from the fields.
  LiveOptions live;
  std::vector<std::filesystem::path> recordDirs;
  std::filesystem::path configFile;  // where Play and Watch remember the fields; empty: nowhere
  std::filesystem::path picked;      // the record to show picked; empty or gone: the newest
};

class StartMode final : public BoardlessMode {
 public:
  // Lists the records; `error` is what went wrong last, empty for nothing.
  explicit StartMode(StartOptions options, std::string error = {});

  bool update() override { return false; }
  void idle(sf::Time timeout) override { sf::sleep(timeout); }
  const PanelModel& panel() const override { return panel_; }
  bool act(Action action) override;
  // Tab: the next field; Enter: Play; Backspace: the focused field's last character.
  bool key(sf::Keyboard::Key key) override;
  bool text(char32_t c) override;
  const StartModel* start() const override { return &model_; }
  bool openEntry(int index) override;
  bool focusField(int index) override;
  std::unique_ptr<Mode> next() override { return std::move(next_); }
  bool settled() const override { return true; }
  int exitCode() const override { return error_.empty() ? 0 : 1; }

 private:
  enum Field { Address, Name, Code, Game, Time, kFields };

  // The fields as the options of a game or a list; false, with why in error_, when they will not do.
  bool gameOptions(LiveOptions& out);
  // Remembers the address and the name.
  void remember() const;
  // The way back here, with the fields as they are now.
  Back back() const;
  void readRecords();
  // The field that has the keyboard: there is always one.
  TextInput& focused();
  void refresh();

  StartOptions options_;
  std::array<TextInput, kFields> fields_;
  std::vector<std::filesystem::path> records_;  // newest first
  int picked_ = -1;                              // index in records_, -1 for none
  std::string error_;
  std::unique_ptr<Mode> next_;
  StartModel model_;
  PanelModel panel_;
};

}  // namespace client
