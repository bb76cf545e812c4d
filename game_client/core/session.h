// The client's side of the protocol (docs/PROTOCOL.md), without sockets: it is
// fed the bytes received, queues the bytes to send, and keeps a mirror of the
// game built from the server's accepted moves. The SFML client drives it over
// sf::TcpSocket, the headless bot over plain sockets, the tests over nothing.
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
#include <vector>

#include "game/clock.h"
#include "game/game.h"
#include "protocol/framer.h"

namespace client {

struct Options {
  std::string name = "player";
  std::uint8_t game = 0;       // game::Kind, 0 = whatever the server hosts
  std::uint8_t rule = 0;       // game::Rule, 0 = the server's choice
  std::uint8_t boardSize = 0;  // 0 = the server's choice
  game::Seat seat = game::Seat::None;  // None = any free seat
  std::string matchCode;       // empty = the public queue
  proto::Token reconnect{};    // non-zero: take this seat back
};

class Session {
 public:
  // Queues the hello; send outgoing() once connected. Invalid options (a
  // name or code that does not fit the protocol) fail the session at once.
  explicit Session(const Options& options);

  // Feeds bytes received. Returns false once the session has failed.
  bool receive(std::span<const std::uint8_t> bytes);
  // The connection ended (end of stream or a socket error).
  void closed();

  // Bytes to send, oldest first; the owner sends them and calls sent(n).
  std::span<const std::uint8_t> outgoing() const { return outgoing_; }
  void sent(std::size_t n);

  // Packets received so far that the UI may want to show, oldest first
  // (welcome, match-start, move-accepted, move-rejected, game-over, draw
  // offers and declines, opponent status, clock syncs, errors). Taking them empties the list.
  std::vector<proto::Packet> takeEvents();

  // Requests. Each returns false and says why in `error` when the request
  // makes no sense now (not playing, not our turn, no pending offer...);
  // nothing is sent then. Legality of a move is the server's to judge.
  bool move(const game::Move& move, std::string& error);
  bool resign(std::string& error);
  bool offerDraw(std::string& error);
  bool acceptDraw(std::string& error);
  bool declineDraw(std::string& error);
  bool claimDraw(std::string& error);
  void ping(std::uint64_t nonce, std::uint64_t nowMs);

  proto::Phase phase() const { return phase_; }
  // Set by welcome.
  game::Seat seat() const { return welcome_ ? welcome_->seat : game::Seat::None; }
  const std::optional<proto::Welcome>& welcome() const { return welcome_; }
  const std::optional<proto::MatchStart>& players() const { return players_; }
  // The mirror, from welcome on; null before.
  const game::Game* game() const { return game_.get(); }
  const game::Setup& setup() const { return setup_; }
  // Moves the server accepted, in order.
  const std::vector<game::Move>& history() const { return history_; }
  // Our move is due: playing, not over, our side to move, and we have not
  // resigned (the game-over answering a resignation is on its way).
  bool myTurn() const;
  // A move of ours is on its way and not yet answered.
  bool awaitingReply() const { return moveInFlight_; }
  bool drawOffered() const { return opponentOffersDraw_; }
  // The server's clocks as last reported, the running side counting down
  // on this machine's steady clock since; untimed unless the welcome set a
  // time control.
  const game::Clock& clock() const { return clock_; }
  // Set by game-over.
  std::optional<game::Status> result() const { return result_; }
  // Why the session failed: a protocol error, a fatal error packet from the
  // server, a desync with the mirror or the connection closing early.
  const std::optional<proto::ProtocolError>& failure() const { return failure_; }

 private:
  void handle(const proto::Packet& packet);
  void onWelcome(const proto::Welcome& welcome);
  void onMoveAccepted(const proto::MoveAccepted& accepted);
  void onGameOver(const proto::GameOver& over);
  void fail(proto::ErrorCode code, std::string text);
  bool canPlay(std::string& error) const;
  template <typename P>
  void send(const P& packet);

  proto::Framer framer_;
  std::vector<std::uint8_t> outgoing_;
  std::vector<proto::Packet> events_;
  proto::Phase phase_ = proto::Phase::AwaitingHello;
  proto::Context context_;
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
  std::optional<game::Status> result_;
  std::optional<proto::ProtocolError> failure_;
};

}  // namespace client
