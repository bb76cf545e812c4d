// The lobby (game_client --list): asks the server for its match list and
// shows it in the board's place. A click on a waiting match joins the public
// queue for its game (the server seats us there), on a running one watches
// it; "New game" joins the public queue with the command line's wishes.
// The chosen hello or watch goes out on the lobby's own connection when it
// is still open (the server closes a connection that says nothing for a
// while), else on a new one, and a LiveMode takes over. Opened from the
// start screen, a list that cannot be had goes back there with the reason,
// and Escape or "Back" goes back there too.
//
// Ownership and threading: owned by App, UI thread only. Owns its link and
// session until it hands them to the LiveMode returned by next().
#pragma once

#include <memory>
#include <string>

#include "game_client/app/live_mode.h"
#include "game_client/app/mode.h"
#include "game_client/app/network_link.h"
#include "game_client/core/session.h"

namespace client {

class LobbyMode final : public BoardlessMode {
 public:
  // `options` says where the server is and, in options.session, the name
  // and the wishes of a new game; options.back the way to the start screen.
  explicit LobbyMode(LiveOptions options);

  bool update() override;
  void idle(sf::Time timeout) override { link_->waitReadable(timeout); }
  const PanelModel& panel() const override { return panel_; }
  bool act(Action action) override;
  bool key(sf::Keyboard::Key key) override;
  const LobbyModel* lobby() const override { return &lobby_; }
  bool openEntry(int index) override;
  std::unique_ptr<Mode> next() override { return std::move(next_); }
  bool settled() const override { return session_->listed() || failed_; }
  int exitCode() const override { return failed_ ? 1 : 0; }

 private:
  // (Re)connects and asks for the list.
  void list();
  // Hands over to a LiveMode for `session` options.
  void join(const Options& session);
  void refresh();

  LiveOptions options_;
  std::unique_ptr<NetworkLink> link_;
  std::unique_ptr<Session> session_;
  bool failed_ = false;  // the list could not be had
  std::string error_;
  std::unique_ptr<Mode> next_;
  LobbyModel lobby_;
  PanelModel panel_;
};

}  // namespace client
