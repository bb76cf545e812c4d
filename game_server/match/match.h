// One match: two seats, its spectators, the rules engine behind game::Game,
// the game record and the moves so far (to replay to a player who
// reconnects and to a spectator who arrives).
//
// The match never looks at which game it runs: it asks game::Game whether a
// move is legal, what it is called, how the game stands and whether a move
// can be taken back. The sender's seat always comes from the connection it
// arrived on, never from the packet; a spectator's seat is None.
//
// Ownership: shared. The sessions of its seated players and spectators hold
// it, the lobby holds it while it waits for players, and a running grace
// timer holds it so a match whose players both vanished still ends and
// closes its record. It holds its players' and spectators' connections while
// they are in it.
//
// Threading: every public member takes the match's mutex. A match is touched
// by its players' and spectators' worker threads, the timer thread and
// shutdown; a mutex per match (rather than a strand) because its critical
// sections are short and never block (an engine call, appends to bounded
// send queues, one flushed record line). Lock order: lobby, then match, then
// a connection's send queue; a match never calls the lobby.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
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

// Spectators one match takes; beyond, a watch is refused (ServerFull).
inline constexpr std::size_t kMaxSpectators = 256;

// Why a player was not seated; becomes an Error packet.
struct Refusal {
  proto::ErrorCode code;
  std::string text;
};

class Match : public std::enable_shared_from_this<Match> {
 public:
  // `listed`: a public match, shown in the match list (private ones are
  // watched by id only).
  Match(std::uint32_t id, const MatchConfig& config, std::unique_ptr<game::Game> game, TimerQueue& timers,
        bool listed);
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
  // Adds `connection` as a spectator (seat None): the welcome, the game so
  // far if it started, and the new spectator count to everybody.
  std::variant<game::Seat, Refusal> watch(const ConnectionPtr& connection, std::string name);
  // The connection of `seat` is gone: before the start the seat is freed;
  // during the game it is held for the grace period, then the opponent wins.
  // A spectator (seat None) is just gone.
  void leave(game::Seat seat, const ConnectionPtr& connection);
  // A packet of the match phases (move, resign, draw and take-back packets,
  // chat) from the player on `seat` or a spectator (None), whose phase
  // allowed it.
  void handle(game::Seat seat, const ConnectionPtr& from, const proto::Packet& packet);
  // The server stops: a running game ends (ServerShutdown), a waiting player
  // is told; the record is finished.
  void shutdown();

  proto::Phase phase() const;
  // Still waiting for a player, with a free seat.
  bool joinable() const;
  // Nobody is seated (a waiting match whose player left).
  bool empty() const;
  // The match as the match list shows it; nullopt when it is not listed
  // (private, over, or nobody seated).
  std::optional<proto::MatchEntry> entry() const;

 private:
  struct Player {
    ConnectionPtr connection;  // null while away
    std::string name;
    proto::Token token{};
    bool seated = false;
    TimerQueue::Id grace = 0;  // running grace timer, 0 if none
  };

  // A chat line written before the match started (and its record existed).
  struct EarlyChat {
    game::Seat seat;
    std::string name;
    std::string text;
    record::Clock::time_point at;
  };
  static constexpr std::size_t kEarlyChatKept = 64;

  struct Spectator {
    ConnectionPtr connection;
    std::string name;
  };

  Player& player(game::Seat seat) { return players_[static_cast<int>(seat) - 1]; }
  const Player& player(game::Seat seat) const { return players_[static_cast<int>(seat) - 1]; }
  // The spectator on `connection`, null if there is none.
  const Spectator* spectator(const ConnectionPtr& connection) const;
  proto::Phase phaseLocked() const;
  void welcome(const ConnectionPtr& to, game::Seat seat, const proto::Token& token, bool resumed);
  proto::MatchStart matchStart() const;
  // The game so far, as the packets a connection present all along got, for
  // a player who comes back (`viewer` its seat: pending offers to it too)
  // and a spectator who arrives (None). Nothing before the start.
  void replay(const ConnectionPtr& to, game::Seat viewer);
  void start();
  void play(game::Seat seat, const ConnectionPtr& from, const proto::WireMove& move);
  // What a spectator may not do: a move is rejected, the rest refused.
  void refuseSpectator(const ConnectionPtr& from, const proto::Packet& packet);
  void chat(game::Seat seat, const ConnectionPtr& from, std::string_view text);
  // `seat` asks to take back its last move: relayed to the opponent, or
  // refused when the game cannot do it now.
  void requestTakeback(game::Seat seat, const ConnectionPtr& from);
  // The opponent accepted: `requester`'s last move goes, and the reply
  // after it if there was one; its clock runs.
  void takeBack(game::Seat requester);
  // Draw offers and take-back requests: `seat` proposes (`pending` is set
  // and `relay` goes to the opponent), and the opponent answers.
  void propose(game::Seat& pending, game::Seat seat, std::string_view event, const proto::Packet& relay);
  // Whether `pending` is the opponent's of `seat`; if not, `from` is told `otherwise`.
  bool opponentProposed(game::Seat pending, game::Seat seat, const ConnectionPtr& from, const Refusal& otherwise);
  void decline(game::Seat& pending, game::Seat seat, std::string_view event, const proto::Packet& relay);
  // In a timed match, ends the game when the running side's flag has fallen
  // by `now` (whatever the timer thread has done so far) and says so.
  bool outOfTime(TimerQueue::Clock::time_point now);
  void end(game::Status status);
  void graceExpired(game::Seat seat, TimerQueue::Id timer);
  // Timed matches: (re)arms the timer for the running side's flag, and its
  // expiry, which ends the game by time unless the side moved meanwhile.
  void armFlag();
  void flagFell(TimerQueue::Id timer);
  proto::ClockSync clockSync() const;
  void sendTo(game::Seat seat, const proto::Packet& packet);
  // To both players and every spectator.
  void sendAll(const proto::Packet& packet);
  void sendSpectatorCount();
  // Calls `f` with every connection in the match, players' then spectators'.
  template <typename F>
  void forEveryone(F f);
  // Lets every connection go (they were told why and hung up on).
  void releaseEveryone();
  // Runs `write` on the record, if there is one, and logs a failure.
  template <typename F>
  void writeRecord(F write);
  void recordEvent(std::string_view what, game::Seat seat);
  std::string label() const;     // "match 12" for the log
  std::string watching() const;  // "1 spectator", "3 spectators" for the log

  const std::uint32_t id_;
  const MatchConfig config_;
  TimerQueue& timers_;
  const bool listed_;

  mutable std::mutex mutex_;
  std::unique_ptr<game::Game> game_;
  std::unique_ptr<record::Writer> record_;
  std::array<Player, 2> players_;
  std::vector<Spectator> spectators_;  // at most kMaxSpectators
  std::vector<EarlyChat> earlyChat_;   // until the start; at most kEarlyChatKept
  std::vector<proto::MoveAccepted> moves_;  // the game as it stands: take-backs remove moves
  game::Clock clock_;          // runs only in timed matches, from the start to the end
  TimerQueue::Id flagTimer_ = 0;  // the running side's flag, 0 if none
  game::Seat drawOfferBy_ = game::Seat::None;
  game::Seat takebackBy_ = game::Seat::None;  // one pending take-back request per match
  bool started_ = false;
  bool over_ = false;
};

}  // namespace server
