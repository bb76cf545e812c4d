#include "game_server/match/lobby.h"

#include <algorithm>
#include <cassert>

#include "game_server/match/log.h"

namespace server {
namespace {

bool isZero(const proto::Token& t) {
  return std::all_of(t.begin(), t.end(), [](std::uint8_t b) { return b == 0; });
}

}  // namespace

Lobby::Lobby(MatchConfig config, Hosting hosting, TimerQueue& timers)
    : config_(std::move(config)), hosting_(std::move(hosting)), timers_(timers) {}

std::optional<Refusal> Lobby::refuseEarly(std::uint16_t version) const {
  if (version != proto::kProtocolVersion) {
    return Refusal{proto::ErrorCode::UnsupportedVersion, "this server speaks protocol version " +
                                                             std::to_string(proto::kProtocolVersion) + ", not " +
                                                             std::to_string(version)};
  }
  if (stopping_) return Refusal{proto::ErrorCode::ServerShutdown, "the server is restarting: try again in a moment"};
  return std::nullopt;
}

std::variant<Lobby::Seated, Refusal> Lobby::admit(const ConnectionPtr& connection, const proto::Hello& hello) {
  std::lock_guard lock(mutex_);
  if (auto refusal = refuseEarly(hello.version)) return *refusal;
  forgetFinished();

  if (!isZero(hello.reconnect)) {
    const proto::Token token = hello.reconnect;  // a copy: the packed field is not aligned for find()
    auto it = tokens_.find(token);
    std::shared_ptr<Match> match = it == tokens_.end() ? nullptr : it->second.lock();
    std::string digest;
    if (!match && !restored_.empty()) {
      digest = config_.store->digest(token);
      auto restored = restored_.find(digest);
      if (restored != restored_.end()) match = restored->second.lock();
    }
    if (!match) return Refusal{proto::ErrorCode::BadReconnectToken, "no seat is held for that reconnection token"};
    auto result = match->resume(connection, token, digest);
    if (const auto* refusal = std::get_if<Refusal>(&result)) return *refusal;
    if (!digest.empty()) {
      // Known by the token itself from now on.
      restored_.erase(digest);
      tokens_.emplace(token, match);
    }
    return Seated{match, std::get<game::Seat>(result)};
  }

  const std::string code(proto::text(hello.matchCode));
  const auto privateMatch = code.empty() ? openPrivate_.end() : openPrivate_.find(code);
  std::optional<MatchKind> kind;
  if (privateMatch != openPrivate_.end() && privateMatch->second && privateMatch->second->joinable()) {
    // The code names the match: the hello joins its game, unless it asks for another.
    kind = MatchKind{privateMatch->second->setup(), privateMatch->second->timeControl()};
    if (!Hosting::wants(hello, *kind))
      return Refusal{proto::ErrorCode::GameUnavailable, "the match with that code plays " +
                                                            game::describe(kind->setup) + ", " +
                                                            game::describe(kind->time)};
  } else {
    auto resolved = hosting_.resolve(hello);
    if (const auto* why = std::get_if<std::string>(&resolved)) return Refusal{proto::ErrorCode::GameUnavailable, *why};
    kind = std::get<MatchKind>(resolved);
  }
  std::shared_ptr<Match>& slot = waitingMatch(*kind, code);
  if (!slot || !slot->joinable()) {
    std::string error;
    slot = newMatch(*kind, code, error);
    if (!slot) return Refusal{proto::ErrorCode::ServerError, error};
  }
  std::shared_ptr<Match> match = slot;
  proto::Token token = newToken();
  auto result = match->join(connection, hello.seat, std::string(proto::text(hello.name)), token);
  if (const auto* refusal = std::get_if<Refusal>(&result)) return *refusal;
  tokens_.emplace(token, match);
  listStale_ = true;
  if (!match->joinable()) {
    // Started (or refused to start): the next hello opens a new match.
    if (code.empty()) {
      openPublic_.erase(keyOf(*kind));
    } else {
      openPrivate_.erase(code);
    }
  }
  return Seated{match, std::get<game::Seat>(result)};
}

void Lobby::rematch(const std::shared_ptr<Match>& finished) {
  std::lock_guard lock(mutex_);
  if (stopping_) return finished->refuseRematch(proto::ErrorCode::ServerShutdown, "the server is restarting: no rematch");
  std::string error;
  std::shared_ptr<Match> next = newMatch({finished->setup(), finished->timeControl()}, finished->code(), error);
  if (!next) return finished->refuseRematch(proto::ErrorCode::ServerError, "no rematch: " + error);
  const std::array<proto::Token, 2> tokens{newToken(), newToken()};
  if (!finished->handOver(next, tokens)) return;  // a player left meanwhile, and both were told
  for (const proto::Token& token : tokens) tokens_.emplace(token, next);
  listStale_ = true;
}

std::variant<Lobby::Seated, Refusal> Lobby::watch(const ConnectionPtr& connection, const proto::Watch& watch) {
  std::lock_guard lock(mutex_);
  if (auto refusal = refuseEarly(watch.version)) return *refusal;
  const std::uint32_t id = watch.matchId;  // a copy: the packed field is not aligned for find()
  auto it = matches_.find(id);
  std::shared_ptr<Match> match = it == matches_.end() ? nullptr : it->second.lock();
  if (!match) return noSuchMatch(id);
  auto result = match->watch(connection, std::string(proto::text(watch.name)), proto::text(watch.matchCode));
  if (const auto* refusal = std::get_if<Refusal>(&result)) return *refusal;
  listStale_ = true;
  return Seated{match, game::Seat::None};
}

Lobby::List Lobby::list() {
  std::lock_guard listLock(listMutex_);
  const auto now = timers_.now();
  std::vector<std::shared_ptr<Match>> candidates;
  {
    std::lock_guard lock(mutex_);
    if (snapshot_ && !listStale_ && now - snapshotAt_ < kListAge) return snapshot_;
    listStale_ = false;
    // Ids grow with time: the newest match has the largest.
    for (auto it = public_.rbegin(); it != public_.rend(); ++it) {
      if (std::shared_ptr<Match> match = it->second.lock()) candidates.push_back(std::move(match));
    }
  }
  auto entries = std::make_shared<std::vector<proto::MatchEntry>>();
  for (const std::shared_ptr<Match>& match : candidates) {
    if (entries->size() == kMaxListed) break;
    if (auto entry = match->entry()) entries->push_back(*entry);
  }
  snapshot_ = std::move(entries);
  snapshotAt_ = now;
  return snapshot_;
}

std::shared_ptr<Match>& Lobby::waitingMatch(const MatchKind& kind, const std::string& code) {
  return code.empty() ? openPublic_[keyOf(kind)] : openPrivate_[code];
}

std::shared_ptr<Match> Lobby::newMatch(const MatchKind& kind, const std::string& code, std::string& error) {
  std::unique_ptr<game::Game> game = game::makeGame(kind.setup, error);
  if (!game) return nullptr;
  MatchConfig config = config_;
  config.setup = kind.setup;
  config.timeControl = kind.time;
  auto match = std::make_shared<Match>(nextId_++, config, std::move(game), timers_, code);
  matches_.emplace(match->id(), match);
  if (code.empty()) public_.emplace(match->id(), match);
  return match;
}

proto::Token Lobby::newToken() {
  proto::Token token;
  for (std::size_t i = 0; i < token.size(); i += 4) {
    std::uint32_t r = entropy_();
    for (std::size_t j = 0; j < 4; ++j) token[i + j] = static_cast<std::uint8_t>(r >> (8 * j));
  }
  return token;
}

void Lobby::forgetFinished() {
  constexpr std::size_t kMinimumSweep = 64;
  const auto entries = [this] {
    return tokens_.size() + restored_.size() + matches_.size() + public_.size() + openPrivate_.size();
  };
  if (entries() < std::max(2 * sizeAfterSweep_, kMinimumSweep)) return;
  std::erase_if(tokens_, [](const auto& entry) { return entry.second.expired(); });
  std::erase_if(restored_, [](const auto& entry) { return entry.second.expired(); });
  std::erase_if(matches_, [](const auto& entry) { return entry.second.expired(); });
  std::erase_if(public_, [](const auto& entry) { return entry.second.expired(); });
  // A private match everybody left, or one that expired waiting, is dropped
  // rather than kept for its code: codes are the clients' to pick, without end.
  std::erase_if(openPrivate_, [](const auto& entry) {
    return !entry.second || entry.second->empty() || !entry.second->joinable();
  });
  sizeAfterSweep_ = entries();
}

void Lobby::restore(std::vector<StoredMatch> unfinished, std::uint32_t highestId) {
  std::lock_guard lock(mutex_);
  assert(matches_.empty() && "restored before the first hello");
  nextId_ = std::max(nextId_, highestId + 1);
  for (StoredMatch& stored : unfinished) {
    const record::Record& r = stored.record;
    const std::string name = "match " + std::to_string(r.matchId);
    std::string error;
    if (!hosting_.hosts(r.setup)) {
      logEvent({}, name + ": not restored from " + stored.where + ": it is " + game::describe(r.setup) +
                       ", which this server does not host (" + hosting_.describe() +
                       "); a server hosting that resumes it");
      continue;
    }
    if (matches_.contains(r.matchId)) {
      logEvent({}, name + ": not restored from " + stored.where + ": another record has its id");
      continue;
    }
    const std::array<std::string, 2> digests = r.resume;
    const bool isPublic = r.code.empty();
    std::shared_ptr<Match> match = Match::restore(std::move(stored), config_, timers_, error);
    if (!match) {
      logEvent({}, name + ": not restored: " + error);
      continue;
    }
    matches_.emplace(match->id(), match);
    if (isPublic) public_.emplace(match->id(), match);
    for (const std::string& digest : digests) restored_.emplace(digest, match);
  }
  listStale_ = true;
}

void Lobby::announceRestart() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  for (const auto& [id, weak] : matches_) {
    if (std::shared_ptr<Match> match = weak.lock()) match->announceRestart();
  }
}

std::size_t Lobby::running() {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& [id, weak] : matches_) {
    if (std::shared_ptr<Match> match = weak.lock(); match && match->running()) ++n;
  }
  return n;
}

MatchCensus Lobby::census() {
  std::lock_guard lock(mutex_);
  MatchCensus sum;
  for (const auto& [id, weak] : matches_) {
    if (std::shared_ptr<Match> match = weak.lock()) sum += match->census();
  }
  return sum;
}

void Lobby::suspend() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  for (const auto& [id, weak] : matches_) {
    if (std::shared_ptr<Match> match = weak.lock()) match->suspend();
  }
  openPublic_.clear();
  openPrivate_.clear();
}

}  // namespace server
