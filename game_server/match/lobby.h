// Seats connections in matches: the public queue of each kind of match the
// server hosts (the first connection is player 1, the second player 2, the
// third opens the next match; a chess player never meets an omok one), private
// matches by code, seats taken back with a reconnection token, spectators
// by match id; and lists the public matches. At start-up it takes the
// matches an earlier server left unfinished (restore()), whose seats it
// knows by their tokens' digests until their players are back.
//
// Ownership: holds the matches still waiting for a player; remembers every
// match weakly (for tokens, spectators, the list and shutdown), so a
// finished match is freed when its players' and spectators' sessions let go.
// Threading: every member takes the lobby's mutex and may call into a match
// while holding it (lobby before match, never the reverse). The match list
// is a snapshot behind a mutex of its own, taken before the lobby's: it is
// remade without holding the lobby's mutex while the matches are asked, one
// match's lock at a time.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <unordered_map>
#include <variant>
#include <vector>

#include "game_server/match/hosting.h"
#include "game_server/match/match.h"

namespace server {

class Lobby {
 public:
  static constexpr std::size_t kMaxListed = 200;
  // How old the list may be: a new match, player or spectator shows at
  // once, a move or an ending within this.
  static constexpr std::chrono::seconds kListAge{1};
  using List = std::shared_ptr<const std::vector<proto::MatchEntry>>;

  // `config`: every match's, but for its setup, which the hello and `hosting` decide.
  Lobby(MatchConfig config, Hosting hosting, TimerQueue& timers);

  struct Seated {
    std::shared_ptr<Match> match;
    game::Seat seat = game::Seat::None;
  };
  // Answers a hello: seats the connection (the match sends the welcome) or
  // says why not.
  std::variant<Seated, Refusal> admit(const ConnectionPtr& connection, const proto::Hello& hello);
  // Both players of `finished` agreed on a rematch (Match::offerRematch):
  // opens it, a match of the same kind with the seats exchanged, and hands
  // the players over to it; or tells them why not.
  void rematch(const std::shared_ptr<Match>& finished);
  // Answers a watch: the connection becomes a spectator of a waiting or
  // running match (seat None; the match sends the welcome), or why not.
  std::variant<Seated, Refusal> watch(const ConnectionPtr& connection, const proto::Watch& watch);
  // The public matches waiting or playing, newest first, at most kMaxListed.
  List list();
  // Before any hello: takes the unfinished matches of the runs before, and
  // numbers new matches above `highestId`. Says in the log what it restored
  // and what it could not.
  void restore(std::vector<StoredMatch> unfinished, std::uint32_t highestId);
  // The server is about to stop: every later hello and watch is refused,
  // everybody in a match is told (server-restarting); games go on.
  void announceRestart();
  // Games under way (Match::running).
  std::size_t running();
  // Every match's census summed, for the metrics: a walk like running()'s.
  MatchCensus census();
  // Suspends every match (Match::suspend): the server stops.
  void suspend();

 private:
  // Why a hello or watch is refused before anything else, if it is. Under the lock.
  std::optional<Refusal> refuseEarly(std::uint16_t version) const;
  std::shared_ptr<Match> newMatch(const MatchKind& kind, const std::string& code, std::string& error);
  // The public queue's waiting match of `kind`, or the private one of `code`.
  std::shared_ptr<Match>& waitingMatch(const MatchKind& kind, const std::string& code);
  proto::Token newToken();
  // Drops entries of matches that are gone, once the maps have doubled since
  // the last sweep: amortised O(1) per hello instead of a walk over every
  // match per hello (seating n players was O(n^2)).
  void forgetFinished();

  const MatchConfig config_;
  const Hosting hosting_;
  TimerQueue& timers_;

  // A public queue's key: game, rule, board size, opening, clock.
  using Kind = std::tuple<game::Kind, game::Rule, int, game::Opening, std::uint32_t, std::uint32_t>;
  static Kind keyOf(const MatchKind& k) {
    return {k.setup.kind, k.setup.rule, k.setup.boardSize, k.setup.opening, k.time.baseMs, k.time.incrementMs};
  }

  std::mutex mutex_;
  std::map<Kind, std::shared_ptr<Match>> openPublic_;  // one waiting match per kind at most
  std::unordered_map<std::string, std::shared_ptr<Match>> openPrivate_;  // by match code
  std::map<proto::Token, std::weak_ptr<Match>> tokens_;
  // The seats of restored matches whose players are not back yet, by the digest of their tokens.
  std::unordered_map<std::string, std::weak_ptr<Match>> restored_;
  std::map<std::uint32_t, std::weak_ptr<Match>> matches_;
  std::map<std::uint32_t, std::weak_ptr<Match>> public_;  // the listed ones
  std::uint32_t nextId_ = 1;
  std::size_t sizeAfterSweep_ = 0;  // entries in the maps after forgetFinished's last sweep
  std::random_device entropy_;
  bool stopping_ = false;
  bool listStale_ = true;  // a match, player or spectator came since the snapshot

  std::mutex listMutex_;
  List snapshot_;
  TimerQueue::Clock::time_point snapshotAt_{};
};

}  // namespace server
