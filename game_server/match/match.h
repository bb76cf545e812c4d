// One match: two seats, its spectators, the rules engine behind game::Game,
// the game record and the moves so far (to replay to a player who
// reconnects and to a spectator who arrives).
//
// The match never looks at which game it runs: it asks game::Game whether a
// move is legal, what it is called, how the game stands and whether a move
// can be taken back. The sender's seat always comes from the connection it
// arrived on, never from the packet; a spectator's seat is None.
//
// A match outlives the server process that hosts it: when the server stops
// it is suspended (its record says so, without an end), and the next server
// restores it from the record (restore()) and holds both seats for the
// resume grace; the clocks stand still until both players are back. If
// neither comes back the game is adjourned, to be resumed by a later start.
//
// Ownership: shared. The sessions of its seated players and spectators hold
// it, the lobby holds it while it waits for players, and a running grace
// timer holds it so a match whose players both vanished still ends and
// closes its record. It holds its players' and spectators' connections while
// they are in it. Its store (MatchConfig::store) outlives it.
//
// Threading: every public member takes the match's mutex. A match is touched
// by its players' and spectators' worker threads, the timer thread and
// shutdown; a mutex per match, because its critical sections are short and
// never block (an engine call, appends to bounded send queues, one flushed
// record line, a log line queued). Lock order: lobby, then match, then
// a connection's send queue; a match never calls the lobby.
#pragma once

#include <array>
#include <cassert>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "game_server/match/match_store.h"
#include "game_server/match/rate_limiter.h"
#include "game_server/net/connection.h"
#include "game_server/net/mutex.h"
#include "game_server/net/timer_queue.h"
#include "game_server/status/metrics.h"
#include "shared/game/clock.h"
#include "shared/game/game.h"
#include "shared/protocol/packets.h"
#include "shared/record/writer.h"

namespace server {

struct MatchConfig {
  game::Setup setup;  // boardSize as the protocol states it: omok 15 or 19, chess 8
  // Where records go; null only to measure what durability costs
  // (game_server --no-records): then nothing is recorded or resumed.
  MatchStore* store = nullptr;
  std::chrono::seconds grace{10};
  // After a restart, how long a restored match holds its seats (game_server --resume-grace).
  std::chrono::seconds resumeGrace{120};
  game::TimeControl timeControl;  // untimed by default (game_server --time)
  // A match nobody joins ends after this; its waiting player is told why.
  std::chrono::seconds waitTimeout{30 * 60};
  // After a game, how long its players may agree on a rematch before they
  // are hung up on (game_server --rematch-window); 0: no rematches.
  std::chrono::seconds rematchWindow{30};
};

// Spectators one match takes; beyond, a watch is refused (ServerFull).
inline constexpr std::size_t kMaxSpectators = 256;
// A record is its moves plus at most this many other lines (events, chat);
// past it they are left out and the record says so once.
inline constexpr std::size_t kMaxRecordNotes = 1000;
// Take-backs one match grants: each rewrites the record, so they are bounded too.
inline constexpr int kMaxTakebacks = 100;
// Lines all the spectators of one match may write together in a window:
// each line goes to every connection of the match, up to 258 of them.
inline constexpr std::size_t kSpectatorChatLines = 10;
inline constexpr std::chrono::seconds kSpectatorChatWindow{10};

// Why a hello or watch was refused; becomes an Error packet that closes the connection.
struct Refusal {
  proto::ErrorCode code;
  std::string text;
};

// The refusal of a watch of match `id` that is not there: also said for a
// private match watched without its code, so that an id tells a stranger nothing.
inline Refusal noSuchMatch(std::uint32_t id) {
  return {proto::ErrorCode::NoSuchMatch, "no match " + std::to_string(id) + " is waiting or playing"};
}

// A packet the match said no to in play: the answer for its sender
// (move-rejected, or an error that keeps the connection) and what to say in
// the log. The session sends it, within the sender's budget for refusals.
struct PacketRefusal {
  proto::Packet answer;
  std::string why;
};

class Match : public std::enable_shared_from_this<Match> {
 public:
  // `code`: the private match code it was opened with; empty for a public
  // match, which is listed and may be watched by anybody. A private match
  // is shown only to who knows its code.
  Match(std::uint32_t id, const MatchConfig& config, std::unique_ptr<game::Game> game, TimerQueue& timers,
        std::string code);
  // The match an earlier server left unfinished in `stored`, its game, clocks
  // and pending offers as recorded, under its own id, setup and time control;
  // both seats are held for config.resumeGrace. Null, with `error` set, when
  // its record cannot be reopened. config.store must be set.
  static std::shared_ptr<Match> restore(StoredMatch&& stored, const MatchConfig& config, TimerQueue& timers,
                                        std::string& error);
  ~Match();
  Match(const Match&) = delete;
  Match& operator=(const Match&) = delete;

  std::uint32_t id() const { return id_; }
  // What it plays, on which clock; fixed for its life, so read without the lock.
  const game::Setup& setup() const { return config_.setup; }
  const game::TimeControl& timeControl() const { return config_.timeControl; }
  // The private code it was opened with; empty for a public match.
  const std::string& code() const { return code_; }

  // Seats `connection` (any free seat when `wanted` is None) and sends it the
  // welcome; with both seats taken the match starts. `token` is the seat's
  // reconnection token.
  std::variant<game::Seat, Refusal> join(const ConnectionPtr& connection, game::Seat wanted, std::string name,
                                         const proto::Token& token);
  // Gives the seat `token` was issued for to `connection` and replays the
  // game so far to it. A restored match knows a seat's token by its digest
  // until its player comes back with it: `digest` is the token's, when the
  // lobby found the match by it (the store's digest is taken once), empty
  // when it found the match by the token itself.
  std::variant<game::Seat, Refusal> resume(const ConnectionPtr& connection, const proto::Token& token,
                                           std::string_view digest);
  // Adds `connection` as a spectator (seat None): the welcome, the game so
  // far if it started, and the new spectator count to everybody. `code`
  // must be the match's own (empty for a public match); otherwise the
  // refusal says no such match, as for one that does not exist.
  std::variant<game::Seat, Refusal> watch(const ConnectionPtr& connection, std::string name, std::string_view code);
  // The connection of `seat` is gone: before the start the seat is freed;
  // during the game it is held for the grace period, then the opponent wins.
  // A spectator (seat None) is just gone.
  void leave(game::Seat seat, const ConnectionPtr& connection);
  // A packet of the match phases (move, resign, draw and take-back packets,
  // chat) from the player on `seat` or a spectator (None), whose phase
  // allowed it. What it refuses comes back, for the session to answer.
  std::optional<PacketRefusal> handle(game::Seat seat, const ConnectionPtr& from, const proto::Packet& packet);
  // Rematches. After the game, `seat` offers one: relayed to the opponent,
  // or, when the opponent offered first, Agreed, and the caller (the lobby,
  // which makes matches) opens the rematch with handOver().
  enum class RematchAnswer { Relayed, Agreed };
  std::variant<RematchAnswer, PacketRefusal> offerRematch(game::Seat seat, const ConnectionPtr& from);
  // `seat` will not play again: the opponent is told, both are hung up on.
  void declineRematch(game::Seat seat, const ConnectionPtr& from);
  // The agreed rematch: both players go to `next`, a new match of the same
  // kind, with their seats exchanged and the tokens `tokens` (its Player1's
  // first); `next` starts. False when a player left meanwhile (then nobody
  // went). Lock order: this match, then `next`, which nobody else knows yet.
  bool handOver(const std::shared_ptr<Match>& next, const std::array<proto::Token, 2>& tokens);
  // No rematch after all (the server cannot open one): both hear `code` and `why`.
  void refuseRematch(proto::ErrorCode code, std::string_view why);
  // Where the player on `connection` went after this match: its rematch and
  // seat there; nullopt when it stayed (or there is none).
  std::optional<std::pair<std::shared_ptr<Match>, game::Seat>> successorOf(const ConnectionPtr& connection) const;
  // The seat of the player on `connection`; None when it has none here.
  game::Seat seatOf(const ConnectionPtr& connection) const;

  // The server is about to stop: everybody is told (server-restarting); the
  // game goes on meanwhile.
  void announceRestart();
  // The server stops: a running game is suspended (its record says so with
  // the clocks, and gets no end line: the next server restores it); everybody
  // is hung up on. A waiting match is gone.
  void suspend();

  proto::Phase phase() const;
  // Started, not over, and both players back after a restart: a game a
  // draining server waits for.
  bool running() const;
  // Still waiting for a player, with a free seat.
  bool joinable() const;
  // Nobody is seated (a waiting match whose player left).
  bool empty() const;
  // The match as the match list shows it; nullopt when it is not listed
  // (private, over, or nobody seated).
  std::optional<proto::MatchEntry> entry() const;
  // This match's part of the server's metrics.
  MatchCensus census() const;

 private:
  struct Player {
    ConnectionPtr connection;  // null while away
    std::string name;
    proto::Token token{};
    bool seated = false;
    TimerQueue::Id grace = 0;  // running grace timer, 0 if none
    // A restored seat's token as the store's digest, until its player is back (then `token`).
    std::string resumeDigest;
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

  Player& player(game::Seat seat) {
    assert(seat == game::Seat::Player1 || seat == game::Seat::Player2);
    return players_[static_cast<int>(seat) - 1];
  }
  const Player& player(game::Seat seat) const {
    assert(seat == game::Seat::Player1 || seat == game::Seat::Player2);
    return players_[static_cast<int>(seat) - 1];
  }
  // The spectator on `connection`, null if there is none.
  const Spectator* spectator(const ConnectionPtr& connection) const;
  proto::Phase phaseLocked() const;
  // Whether `token` (whose store digest is `digest`, or empty: see resume())
  // is the one issued for `p`.
  bool holds(const Player& p, const proto::Token& token, std::string_view digest) const;
  // Whether `code` opens this match to a spectator.
  bool admits(std::string_view code) const;
  // The match as `stored` left it, from its record; the record goes on in `writer`.
  void resumeFrom(const record::Record& stored, std::unique_ptr<record::Writer> writer);
  // The opening decisions of `stored`, as they were announced.
  void restoreDecisions(const record::Record& stored);
  // After a restart, `seat` is back: it hears whether its opponent is too;
  // with both back the clocks run again.
  void backAfterRestart(game::Seat seat);
  // Holds `seat` for `grace`: past it, the opponent wins (or, after a
  // restart with both away, the game is adjourned).
  void holdSeat(game::Seat seat, std::chrono::seconds grace);
  // Neither player came back after a restart: the record ends adjourned and
  // a later server may resume it.
  void adjourn();
  void cancelTimers();
  void welcome(const ConnectionPtr& to, game::Seat seat, const proto::Token& token, bool resumed);
  proto::MatchStart matchStart() const;
  // The game so far, as the packets a connection present all along got, for
  // a player who comes back (`viewer` its seat: pending offers to it too)
  // and a spectator who arrives (None). Nothing before the start.
  void replay(const ConnectionPtr& to, game::Seat viewer);
  void start();
  // What the game says to `seat` acting at `now`: not its turn, nothing when
  // its flag fell before the act arrived (the game is over), or `act`'s answer.
  template <typename Act>
  std::optional<game::Played> onTurn(game::Seat seat, TimerQueue::Clock::time_point now, Act act);
  std::optional<PacketRefusal> play(game::Seat seat, const proto::WireMove& move);
  // An opening decision of `seat`, validated like a move.
  std::optional<PacketRefusal> decide(game::Seat seat, const game::Decision& decision);
  // The move-rejected for a refused move or decision (`wire` zero for a decision).
  PacketRefusal rejected(game::Seat seat, const game::Played& played, const proto::WireMove& wire,
                         std::string_view what);
  // `seat` acted at `now`: its time is charged and the clock goes to whoever
  // the game asks next (in an opening, maybe the same seat).
  void pressClock(game::Seat seat, TimerQueue::Clock::time_point now, const game::Status& status);
  // `seat`'s move was accepted: recorded, then sent to everybody. `opening`:
  // it was a stone of the opening.
  void accepted(game::Seat seat, const game::Played& played, const proto::WireMove& wire,
                TimerQueue::Clock::time_point now, bool opening);
  // Where the opening stands, `last` being the decision that led there (none
  // after a move, at the start and in a replay).
  proto::OpeningStatus openingStatus(const std::optional<game::Decision>& last) const;
  // What a spectator may not do: a move is rejected, the rest refused.
  PacketRefusal refuseSpectator(const proto::Packet& packet) const;
  std::optional<PacketRefusal> chat(game::Seat seat, const ConnectionPtr& from, std::string_view text);
  // `seat` offers a draw: relayed to the opponent; agreed when the opponent
  // has offered one too; refused while its own offer is pending.
  std::optional<PacketRefusal> offerDraw(game::Seat seat);
  // `seat` asks to take back its last move: relayed to the opponent, or
  // refused when the game cannot do it now.
  std::optional<PacketRefusal> requestTakeback(game::Seat seat);
  // The opponent accepted: `requester`'s last move goes, and the reply
  // after it if there was one; its clock runs.
  void takeback(game::Seat requester);
  // Draw offers and take-back requests: `seat` proposes (`pending` is set
  // and `relay` goes to the opponent), and the opponent answers.
  void propose(game::Seat& pending, game::Seat seat, std::string_view event, const proto::Packet& relay);
  void decline(game::Seat& pending, game::Seat seat, std::string_view event, const proto::Packet& relay);
  // Nobody took the free seat in time: the waiting player is told and let go.
  void waitExpired(TimerQueue::Id timer);
  void armWait();
  // In a timed match, ends the game when the running side's flag has fallen
  // by `now` (whatever the timer thread has done so far) and says so.
  bool outOfTime(TimerQueue::Clock::time_point now);
  void end(game::Status status);
  // After the end: whether both players are still here, so a rematch may be
  // agreed; then the window for it runs.
  bool rematchPossible() const;
  void armRematch();
  void rematchExpired(TimerQueue::Id timer);
  // The wait for a rematch ends without one: whoever is still here hears
  // `word` and is hung up on.
  void closeRematch(const proto::Packet& word);
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
  // The same for a line that is not a move, within kMaxRecordNotes.
  template <typename F>
  void writeNote(F write);
  void recordEvent(std::string_view what, game::Seat seat);
  std::string label() const;     // "match 12" for the log
  std::string watching() const;  // "1 spectator", "3 spectators" for the log

  const std::uint32_t id_;
  const MatchConfig config_;
  TimerQueue& timers_;
  const std::string code_;  // empty: public
  std::string codeDigest_;  // a restored private match's code, as the store's digest

  mutable Mutex mutex_;  // held by every private member function
  std::unique_ptr<game::Game> game_;
  std::unique_ptr<record::Writer> record_;
  std::array<Player, 2> players_;
  std::vector<Spectator> spectators_;  // at most kMaxSpectators
  std::vector<EarlyChat> earlyChat_;   // until the start; at most kEarlyChatKept
  std::vector<proto::MoveAccepted> moves_;  // the game as it stands: take-backs remove moves
  // An opening decision as announced, after the first `plies` of moves_
  // (take-backs never reach into the opening).
  struct Announced {
    std::size_t plies;
    proto::OpeningStatus status;
  };
  std::vector<Announced> decisions_;  // bounded by the opening rule's script: a few per game
  game::Clock clock_;          // runs only in timed matches, from the start to the end
  TimerQueue::Id flagTimer_ = 0;  // the running side's flag, 0 if none
  TimerQueue::Id waitTimer_ = 0;  // while a player waits for an opponent, 0 otherwise
  game::Seat drawOfferBy_ = game::Seat::None;  // one pending offer: a second one is an agreement
  game::Seat takebackBy_ = game::Seat::None;   // one pending take-back request per match
  game::Seat rematchBy_ = game::Seat::None;    // after the game: one pending rematch offer
  bool rematchOpen_ = false;                   // the game is over and its players may still agree on a rematch
  TimerQueue::Id rematchTimer_ = 0;            // the window for it, 0 if none
  std::shared_ptr<Match> successor_;           // the agreed rematch, where the players went
  int takebacks_ = 0;                          // granted so far, at most kMaxTakebacks
  std::size_t notes_ = 0;                      // record lines other than moves, at most kMaxRecordNotes
  std::size_t notesLeftOut_ = 0;
  RateLimiter spectatorChat_{kSpectatorChatLines, kSpectatorChatWindow};
  bool started_ = false;
  bool over_ = false;
  // Restored, and not both players back yet: the clocks stand still.
  bool resuming_ = false;
  TimerQueue::Clock::time_point resumeUntil_{};  // the end of the resume grace
};

}  // namespace server
