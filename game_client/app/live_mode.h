// A live match: the protocol session (game_client_core) over a NetworkLink.
// The board shows the session's confirmed moves only; a gesture becomes a
// move request, a refused one is marked on the board with the server's
// reason. A connection lost during the game is retried with the reconnect
// token from welcome (the server replays the moves so far); one lost before
// the game starts is retried as a fresh hello.
//
// Ownership and threading: owned by App, UI thread only. Owns the link, the
// current session (replaced on every reconnect) and the board view, which is
// created once welcome names the game.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SFML/System/Clock.hpp>

#include "app/mode.h"
#include "app/network_link.h"
#include "core/session.h"

namespace client {

struct LiveOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 9000;
  Options session;  // name, seat, match code
};

class LiveMode final : public Mode {
 public:
  explicit LiveMode(LiveOptions options);

  bool update() override;
  void idle(sf::Time timeout) override;
  BoardView* board() override { return board_.get(); }
  game::Seat viewer() const override { return seat_; }
  const PanelModel& panel() const override { return panel_; }
  void requestMove(const game::Move& move) override;
  bool act(Action action) override;
  bool selectMove(int) override { return false; }
  // No keys of its own: Escape (drop a half-made move) goes to the board.
  bool key(sf::Keyboard::Key) override { return false; }
  bool settled() const override { return stage_ == Stage::Over || stage_ == Stage::Failed; }
  int exitCode() const override { return stage_ == Stage::Failed ? 1 : 0; }

 private:
  enum class Stage { Connecting, Waiting, Playing, Retrying, Over, Failed };

  void connect();
  // Reads the session's events into the board and the messages.
  void handleEvents();
  // Brings the board to the session's confirmed moves.
  void syncBoard();
  // The link or the session ended: retry or give up.
  void lost(const std::string& why, bool retry);
  void refreshPanel();
  // Sends a request through the session; false, with the session's reason in error_, when it makes no sense now.
  bool request(bool (Session::*call)(std::string&));

  LiveOptions options_;
  NetworkLink link_;
  std::unique_ptr<Session> session_;
  std::vector<std::uint8_t> received_;
  std::unique_ptr<BoardView> board_;
  std::vector<std::string> notation_;  // the server's notation of each accepted move
  game::Seat seat_ = game::Seat::None;
  std::uint32_t matchId_ = 0;
  proto::Token token_{};
  bool hadGame_ = false;  // a match started, so the token is worth retrying with
  Stage stage_ = Stage::Connecting;
  int attempts_ = 0;
  sf::Time retryDelay_;
  sf::Clock retryClock_;
  bool resignArmed_ = false;  // resigning takes two clicks
  std::string status_;
  std::string notice_;  // the latest thing the opponent or the server did
  std::string error_;
  std::optional<game::Status> result_;
  PanelModel panel_;
};

}  // namespace client
