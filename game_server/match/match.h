// One match: two seats, the rules engine behind game::Game, the game record
// and the moves so far (to replay to a player who reconnects).
//
// The match never looks at which game it runs: it asks game::Game whether a
// move is legal, what it is called and how the game stands. The sender's seat
// always comes from the connection it arrived on, never from the packet.
//
// Ownership: shared. The sessions of its seated players hold it, the lobby
// holds it while it waits for players, and a running grace timer holds it so
// a match whose players both vanished still ends and closes its record. It
// holds its players' connections while they are seated.
//
// Threading: every public member takes the match's mutex. A match is touched
// by its two players' worker threads, the timer thread and shutdown; a mutex
// per match (rather than a strand) because its critical sections are short
// and never block (an engine call, appends to bounded send queues, one
// flushed record line), and at most three parties ever contend. Lock order:
// lobby, then match, then a connection's send queue; a match never calls the
// lobby.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <variant>
#include <vector>

#include "game/clock.h"
#include "game/game.h"
#include "game_server/match/timer_queue.h"
#include "game_server/net/connection.h"
#include "protocol/packets.h"
#include "record/writer.h"

namespace server {

struct MatchConfig {
  game::Setup setup;  // boardSize as the protocol states it: omok 15 or 19, chess 8
  std::filesystem::path recordDir;
  bool records = true;  // false only to measure what durability costs (game_server --no-records)
  std::chrono::seconds grace{10};
  game::TimeControl timeControl;  // untimed by default (game_server --time)
};

// Why a player was not seated; becomes an Error packet.
struct Refusal {
  proto::ErrorCode code;
  std::string text;
};

class Match : public std::enable_shared_from_this<Match> {
 public:
  Match(std::uint32_t id, const MatchConfig& config, std::unique_ptr<game::Game> game, TimerQueue& timers);
  ~Match();
  Match(const Match&) = delete;
  Match& operator=(const Match&) = delete;

  std::uint32_t id() const { return id_; }

  // Seats `connection` (any free seat when `wanted` is None) and sends it the
  // welcome; with both seats taken the match starts. `token` is the seat's
  // reconnection token.
  std::variant<game::Seat, Refusal> join(const ConnectionPtr& connection, game::Seat wanted, std::string name,
                                         const proto::Token& token);
  // Gives the seat `token` was issued for to `connection` and replays the
  // game so far to it.
  std::variant<game::Seat, Refusal> resume(const ConnectionPtr& connection, const proto::Token& token);
  // The connection of `seat` is gone: before the start the seat is freed;
  // during the game it is held for the grace period, then the opponent wins.
  void leave(game::Seat seat, const ConnectionPtr& connection);
  // A play packet (move, resign, draw offer/accept/decline/claim) from the
  // player on `seat`, whose phase allowed it.
  void handle(game::Seat seat, const ConnectionPtr& from, const proto::Packet& packet);
  // The server stops: a running game ends (ServerShutdown), a waiting player
  // is told; the record is finished.
  void shutdown();

  proto::Phase phase() const;
  // Still waiting for a player, with a free seat.
  bool joinable() const;
  // Nobody is seated (a waiting match whose player left).
  bool empty() const;

 private:
  struct Player {
    ConnectionPtr connection;  // null while away
    std::string name;
    proto::Token token{};
    bool seated = false;
    TimerQueue::Id grace = 0;  // running grace timer, 0 if none
  };

  Player& player(game::Seat seat) { return players_[static_cast<int>(seat) - 1]; }
  proto::Phase phaseLocked() const;
  void welcome(game::Seat seat, bool resumed);
  void start();
  void play(game::Seat seat, const ConnectionPtr& from, const proto::WireMove& move);
  void end(game::Status status);
  void graceExpired(game::Seat seat, TimerQueue::Id timer);
  // Timed matches: (re)arms the timer for the running side's flag, and its
  // expiry, which ends the game by time unless the side moved meanwhile.
  void armFlag();
  void flagFell(TimerQueue::Id timer);
  proto::ClockSync clockSync() const;
  void sendTo(game::Seat seat, const proto::Packet& packet);
  void sendBoth(const proto::Packet& packet);
  void recordEvent(std::string_view what, game::Seat seat);
  std::string label() const;  // "match 12" for the log

  const std::uint32_t id_;
  const MatchConfig config_;
  TimerQueue& timers_;

  mutable std::mutex mutex_;
  std::unique_ptr<game::Game> game_;
  std::unique_ptr<record::Writer> record_;
  std::array<Player, 2> players_;
  std::vector<proto::MoveAccepted> moves_;
  game::Clock clock_;          // runs only in timed matches, from the start to the end
  TimerQueue::Id flagTimer_ = 0;  // the running side's flag, 0 if none
  game::Seat drawOfferBy_ = game::Seat::None;
  bool started_ = false;
  bool over_ = false;
};

}  // namespace server
