// The client's side of the protocol (docs/PROTOCOL.md), without sockets: it is
// fed the bytes received, queues the bytes to send, and keeps a mirror of the
// game built from the server's accepted moves (and take-backs). The SFML
// client drives it over sf::TcpSocket, the headless bot over plain sockets,
// the tests over nothing.
//
// A connection opens one of three ways (Options::intent): play (hello),
// watch a match as a spectator (watch; seat None, no requests but chat), or
// list the server's matches first (list-matches), after which join() sends
// the hello or watch on the same connection. After a game its players may
// agree on a rematch: the welcome to it starts the session's next game on
// the same connection (rematches()).
//
// Ownership and threading: one Session per connection, owned by whatever
// drives the connection and used from one thread. It owns its game mirror.
//
// Every packet from the server is validated (the framer and the phase table)
// and checked against the mirror: a move the mirror cannot replay, or a
// result that disagrees with it, means client and server are out of step and
// is treated like a protocol error. After any failure the session is dead:
// the owner reports failure() and closes the connection.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "shared/game/clock.h"
#include "shared/game/game.h"
#include "shared/protocol/framer.h"

namespace client {

// What a connection is opened for.
enum class Intent : std::uint8_t { Play, Watch, List };

struct Options {
  Intent intent = Intent::Play;
  std::uint32_t watchMatch = 0;  // Intent::Watch: the match to watch
  std::string name = "player";   // the player's or the spectator's name
  std::uint8_t game = 0;       // game::Kind, 0 = whatever the server hosts
  std::uint8_t rule = 0;       // game::Rule, 0 = the server's choice
  std::uint8_t boardSize = 0;  // 0 = the server's choice
  game::Opening opening = game::Opening::None;  // omok opening rule; None = the server's choice
  std::optional<game::TimeControl> time;  // the clock asked for (untimed too); none = the server's choice
  game::Seat seat = game::Seat::None;  // None = any free seat
  std::string matchCode;       // Play: empty = the public queue; Watch: a private match's code
  proto::Token reconnect{};    // non-zero: take this seat back
};

// A line of chat as the server relayed it.
struct ChatLine {
  game::Seat seat = game::Seat::None;  // None: a spectator wrote it
  std::string name;
  std::string text;
};

class Session {
 public:
  // Queues the hello, watch or list-matches; send outgoing() once connected.
  // Invalid options (a name or code that does not fit the protocol) fail the
  // session at once.
  explicit Session(const Options& options);

  // After the match list (listed()), sends `options`' hello or watch on the
  // same connection. False, with the reason in `error`, when the list is not
  // complete, the session has already joined, or the options are invalid.
  bool join(const Options& options, std::string& error);

  // Feeds bytes received. Returns false once the session has failed.
  bool receive(std::span<const std::uint8_t> bytes);
  // The connection ended (end of stream or a socket error).
  void closed();

  // Bytes to send, oldest first; the owner sends them and calls sent(n).
  std::span<const std::uint8_t> outgoing() const { return outgoing_; }
  void sent(std::size_t n);

  // Packets received so far that the UI may want to show, oldest first
  // (welcome, match-start, move-accepted, move-rejected, game-over, draw and
  // take-back requests and declines, taken-back, opponent status, clock
  // syncs, spectators, chat, the match list, the errors that do not close,
  // server-restarting among them). Taking them empties the list.
  std::vector<proto::Packet> takeEvents();

  // Requests. Each returns false and says why in `error` when the request
  // makes no sense now (not playing, not our turn, no pending offer...);
  // nothing is sent then. Legality of a move is the server's to judge.
  bool move(const game::Move& move, std::string& error);
  // The opening's decision due from us now (a swap, a colour, an option, a
  // count, an offer), in flight like a move until the server answers.
  bool decide(const game::Decision& decision, std::string& error);
  bool resign(std::string& error);
  bool offerDraw(std::string& error);
  bool acceptDraw(std::string& error);
  bool declineDraw(std::string& error);
  bool claimDraw(std::string& error);
  // Take-backs (omok): ask to take back our last move, or answer the
  // opponent's request. The same rules as draw offers: one pending request.
  bool requestTakeback(std::string& error);
  bool acceptTakeback(std::string& error);
  bool declineTakeback(std::string& error);
  // A line for everybody in the match, players or spectators; refused here
  // when empty, too long (127 bytes), or outside a match.
  bool chat(const std::string& text, std::string& error);
  // After the game, while rematchOpen(): offer a rematch, or accept the
  // opponent's (the same packet); decline one, which ends the wait for both.
  bool offerRematch(std::string& error);
  bool declineRematch(std::string& error);

  proto::Phase phase() const { return phase_; }
  Intent intent() const { return intent_; }
  // Set by welcome; None for a spectator.
  game::Seat seat() const { return welcome_ ? welcome_->seat : game::Seat::None; }
  bool spectating() const { return intent_ == Intent::Watch; }
  const std::optional<proto::Welcome>& welcome() const { return welcome_; }
  const std::optional<proto::MatchStart>& players() const { return players_; }
  // The mirror, from welcome on; null before.
  const game::Game* game() const { return game_.get(); }
  const game::Setup& setup() const { return setup_; }
  // Moves the server accepted, in order.
  const std::vector<game::Move>& history() const { return history_; }
  // Our move is due: playing, not over, our side to move, and we have not
  // resigned (the game-over answering a resignation is on its way). In an
  // opening, game()->opening() says whether a stone or a decision is due.
  bool myTurn() const;
  // A move of ours is on its way and not yet answered.
  bool awaitingReply() const { return moveInFlight_; }
  bool drawOffered() const { return opponentOffersDraw_; }
  bool takebacksAllowed() const { return game_ && game_->allowsTakebacks(); }
  // A player who has made a move in this game, so has one to take back.
  bool hasMoved() const;
  // The opponent asks to take back a move / our own request is unanswered.
  bool takebackRequested() const { return opponentRequestsTakeback_; }
  bool takebackPending() const { return ownTakebackPending_; }
  // Chat lines received, oldest first (the newest kChatKept), and how many
  // watch the match as the server last said.
  static constexpr std::size_t kChatKept = 200;
  const std::vector<ChatLine>& chatLines() const { return chat_; }
  int spectators() const { return spectators_; }
  // Intent::List: the matches received so far, and whether match-list-end came.
  const std::vector<proto::MatchEntry>& matches() const { return matches_; }
  bool listed() const { return listed_; }
  // The server's clocks as last reported, the running side counting down
  // on this machine's steady clock since; untimed unless the welcome set a
  // time control.
  const game::Clock& clock() const { return clock_; }
  // Set by game-over.
  std::optional<game::Status> result() const { return result_; }
  // After game-over, a rematch may still be agreed (the server's window is
  // open, nobody declined or left); the opponent offers one; ours is
  // unanswered. How many rematches this session has gone on to.
  bool rematchOpen() const { return rematchOpen_; }
  bool rematchOffered() const { return opponentOffersRematch_; }
  bool rematchPending() const { return ownRematchPending_; }
  int rematches() const { return rematches_; }
  // Why the wait for a rematch ended without one ("declined", the server's
  // words); empty while it is open or was never open.
  const std::string& rematchEnded() const { return rematchEnded_; }
  // The server said it is restarting (error server-restarting, an event that
  // does not fail the session): the seat is kept for a reconnection, and the
  // connection closing afterwards fails with that code rather than as a drop.
  bool restarting() const { return restarting_; }
  // Why the session failed: a protocol error, a fatal error packet from the
  // server, a desync with the mirror or the connection closing early.
  const std::optional<proto::ProtocolError>& failure() const { return failure_; }

 private:
  void handle(const proto::Packet& packet);
  void onWelcome(const proto::Welcome& welcome);
  void onMoveAccepted(const proto::MoveAccepted& accepted);
  void onOpeningStatus(const proto::OpeningStatus& status);
  void onGameOver(const proto::GameOver& over);
  // The wait for a rematch is over without one, for `why`.
  void endRematch(std::string why);
  void onTakenBack(const proto::TakenBack& taken);
  void onChat(const proto::ChatMessage& message);
  void onListed(const proto::MatchListEnd& end);
  void onError(const proto::Error& error);
  // Queues what `options` opens the connection with; false (failed) when invalid.
  bool open(const Options& options);
  void fail(proto::ErrorCode code, std::string text);
  void outOfStep(const std::string& what);
  // A player's request makes sense now: playing, not over, not a spectator.
  bool canPlay(std::string& error) const;
  template <typename P>
  void send(const P& packet);
  // Sends our move or decision, valid as the protocol says, when none is in
  // flight; the caller has checked that it is due.
  template <typename P>
  bool sendInTurn(const P& packet, std::string& error);
  // Answers the opponent's pending proposal (a draw offer, a take-back
  // request) with a P and clears `pending`; says `none` when there is none.
  template <typename P>
  bool answer(bool& pending, std::string_view none, std::string& error);

  proto::Framer framer_;
  std::vector<std::uint8_t> outgoing_;
  std::vector<proto::Packet> events_;
  proto::Phase phase_ = proto::Phase::AwaitingHello;
  proto::Context context_;
  Intent intent_ = Intent::Play;  // what the latest hello, watch or list-matches asked for
  std::optional<proto::Welcome> welcome_;
  std::optional<proto::MatchStart> players_;
  game::Setup setup_;
  std::unique_ptr<game::Game> game_;
  std::vector<game::Move> history_;
  game::Clock clock_;
  bool moveInFlight_ = false;
  bool resigned_ = false;
  bool opponentOffersDraw_ = false;
  bool ownOfferPending_ = false;
  bool opponentRequestsTakeback_ = false;
  bool ownTakebackPending_ = false;
  std::vector<ChatLine> chat_;
  int spectators_ = 0;
  std::vector<proto::MatchEntry> matches_;
  bool listed_ = false;
  bool restarting_ = false;
  std::optional<game::Status> result_;
  bool rematchOpen_ = false;
  bool opponentOffersRematch_ = false;
  bool ownRematchPending_ = false;
  int rematches_ = 0;
  std::string rematchEnded_;
  std::optional<proto::ProtocolError> failure_;
};

}  // namespace client
