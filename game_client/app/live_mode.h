// A live match, played or watched: the protocol session (game_client_core)
// over a NetworkLink. The board shows the session's confirmed moves only; a
// gesture becomes a move request, a refused one is marked on the board with
// the server's reason; after a take-back the board replays the session's
// shorter history. The panel shows both clocks (counting down between the
// server's reports), the chat with its input line, the spectator count, and
// the requests a player may make. A lost connection (a drop, a server
// restart or crash) is retried by client::Backoff's rule for
// LiveOptions::retrySeconds: with the reconnect token from welcome once the
// match has started (the server replays the moves so far), as a fresh hello
// before that, as the same watch for a spectator. Meanwhile the last
// session's picture stays, with nobody to move and the clocks stopped, and
// the panel counts the seconds left down. An omok opening is played from
// the panel (its decisions as buttons, each with its key) and the board (its
// stones; the fifth moves of an offer chosen a click at a time in an
// OfferDraft, the pick). After the game the connection stays open while a
// rematch may be agreed (the panel's Rematch, or the opponent's offer to
// accept or decline); the rematch's welcome on the same connection starts a
// new match, the colours exchanged, and everything of the old game's goes.
// Opened from the start screen, a match whose server never answered goes
// back there at once with the reason (a wrong address is better said there
// than counted down), and one that is over or lost offers the way back.
//
// Ownership and threading: owned by App, UI thread only. Owns the link, the
// current session (replaced on every reconnect), the last answered one while
// a new one is not (for the picture) and the board view, which is created
// once welcome names the game (again for a rematch).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SFML/System/Clock.hpp>

#include "game_client/app/mode.h"
#include "game_client/app/network_link.h"
#include "game_client/app/offer_draft.h"
#include "game_client/core/retry.h"
#include "game_client/core/session.h"
#include "game_client/ui/text_input.h"

namespace client {

struct LiveOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 9000;
  Options session;  // play or watch; name, seat, match code
  int retrySeconds = 120;  // how long a lost connection is tried again; 0 never
  Back back;               // to the start screen, when it opened the match
};

class LiveMode final : public Mode {
 public:
  // Connects and opens the session `options` describe.
  explicit LiveMode(LiveOptions options);
  // Takes over a connection whose session already asked for the match
  // (the lobby's, after join()); reconnects use `options`.
  LiveMode(LiveOptions options, std::unique_ptr<NetworkLink> link, std::unique_ptr<Session> session);

  bool update() override;
  void idle(sf::Time timeout) override;
  BoardView* board() override { return board_.get(); }
  // A spectator sees the board from Player1's side.
  game::Seat viewer() const override { return seat_ == game::Seat::None ? game::Seat::Player1 : seat_; }
  const PanelModel& panel() const override { return panel_; }
  void requestMove(const game::Move& move) override;
  bool act(Action action) override;
  bool selectMove(int) override { return false; }
  // Enter focuses the chat line and sends it, Escape leaves it; Escape
  // outside it goes back to the start screen once the match is over or
  // lost, else to the board (drop a half-made move).
  bool key(sf::Keyboard::Key key) override;
  // A character for the chat line while it has the keyboard; else a button's
  // key (shortcutOf) presses it, and a digit types Soosorv-8's count.
  bool text(char32_t c) override;
  std::unique_ptr<Mode> next() override { return std::move(next_); }
  // Lost for good, or over with no rematch to wait for: none may be agreed
  // any more, or the opponent's offer waits for our answer.
  bool settled() const override;
  int exitCode() const override { return stage_ == Stage::Failed ? 1 : 0; }

 private:
  enum class Stage { Connecting, Waiting, Playing, Retrying, Over, Failed };

  void connect();
  // Reads the session's events into the board and the messages.
  void handleEvents();
  // The rematch's welcome came: what the panel and the board showed of the
  // old match goes (the board is made again for the new seats).
  void startRematch();
  // The new session shows the game now (its welcome, or a resumed one's
  // replay): the last one's picture goes and a gap is over.
  void answered();
  // The session whose game the panel shows: the last answered one until the
  // current one is answered.
  const Session& shown() const { return previous_ ? *previous_ : *session_; }
  // Brings the board to the session's confirmed moves, and its opening marks.
  void syncBoard();
  // The opening's fifth moves are being chosen on the board: our offer is due
  // (in Taraguchi-10, once we chose to offer rather than swap or keep).
  bool choosingOffer(const game::OpeningState& opening) const;
  // The link or the session ended: retry or give up.
  void lost(const std::string& why, bool retry);
  // In a gap: refreshes the panel when the seconds left changed.
  bool countDown();
  int secondsLeft() const;
  // Refreshes the panel when a running clock's face changed; checked about
  // ten times a second, so an untimed or stopped game draws nothing.
  bool tickClocks();
  void refreshPanel();
  void refreshPlayers();
  void refreshStatus();
  void refreshButtons();
  // The buttons of the opening decision due from us now, if any.
  void refreshOpeningButtons();
  // After the game, while a rematch may be agreed: offer it, or answer the opponent's.
  void refreshRematchButtons();
  void refreshChat();
  // Back to the start screen, once the match is over or lost; false when there is none or not yet.
  bool leave();
  // Sends a request through the session; false, with the session's reason in error_, when it makes no sense now.
  bool request(bool (Session::*call)(std::string&));
  // Sends an opening decision; false, with the session's reason in error_, when it is not due.
  bool decide(const game::Decision& decision);
  bool sendChat();

  LiveOptions options_;
  std::unique_ptr<NetworkLink> link_;
  std::unique_ptr<Session> session_;
  std::unique_ptr<Session> previous_;  // the last answered session, while session_ is not
  std::unique_ptr<BoardView> board_;
  bool boardStale_ = false;  // a take-back or a new session: replay the board from the start
  std::vector<std::string> notation_;  // the server's notation of each accepted move
  game::Seat seat_ = game::Seat::None;
  std::uint32_t matchId_ = 0;
  proto::Token token_{};
  bool hadGame_ = false;  // a match started, so the token is worth retrying with
  Stage stage_ = Stage::Connecting;
  Backoff backoff_;
  std::string gapCause_;     // why the connection was lost, for the countdown
  bool gapRestart_ = false;  // ... which was the server restarting
  int shownLeft_ = -1;       // the seconds left the panel shows
  sf::Clock sinceTick_;
  bool resignArmed_ = false;  // resigning takes two clicks
  OfferDraft offer_;          // the fifth moves chosen so far for our offer
  bool offering_ = false;     // Taraguchi-10: we chose to offer, and are choosing the points
  int fifths_ = 1;            // the count chooser's value for Soosorv-8's declaration
  bool decisionSent_ = false;  // the request in flight is a decision: a refusal marks no point
  TextInput chatInput_;
  std::string status_;
  std::string notice_;  // the latest thing the opponent or the server did
  std::string decided_;  // the opening decision the opponent just made, until the next step
  std::string error_;
  std::optional<game::Status> result_;
  PanelModel panel_;
  std::unique_ptr<Mode> next_;  // the start screen again
};

}  // namespace client
