#include "game_client/app/lobby_mode.h"

#include <iostream>

#include "game_client/app/words.h"

namespace client {

namespace {

LobbyEntry describe(const proto::MatchEntry& m) {
  const auto name = [](std::string_view n) { return n.empty() ? std::string("—") : std::string(n); };
  const game::Setup setup{m.game, m.rule, m.boardSize, "", m.opening};
  const bool playing = m.state == proto::MatchState::Playing;
  return {name(proto::text(m.player1)) + " vs " + name(proto::text(m.player2)),
          gameTitle(setup) + " · " + game::describe({m.clockBaseMs, m.clockIncrementMs}),
          playing ? std::to_string(m.moves) + (m.moves == 1 ? " move" : " moves") : "waiting for a player",
          m.spectators > 0 ? std::to_string(m.spectators) + " watching" : "", playing ? "Watch" : "Join"};
}

}  // namespace

LobbyMode::LobbyMode(LiveOptions options) : options_(std::move(options)), link_(std::make_unique<NetworkLink>()) {
  list();
}

void LobbyMode::list() {
  Options asked = options_.session;
  asked.intent = Intent::List;
  session_ = std::make_unique<Session>(asked);
  failed_ = false;
  error_.clear();
  link_->connect(options_.host, options_.port);
  refresh();
}

bool LobbyMode::update() {
  if (failed_ || next_) return false;
  const bool listed = session_->listed();
  const auto [state, changed] = link_->pump(*session_);
  session_->takeEvents();  // the list is read from the session itself
  if (state == NetworkLink::State::Closed) session_->closed();
  // Once the list is here the connection may end (the server's hello
  // timeout): the list stays, and a click opens a new connection.
  if (session_->failure() && !session_->listed()) {
    failed_ = true;
    error_ = state == NetworkLink::State::Closed && !link_->closeReason().empty() ? link_->closeReason()
                                                                                  : session_->failure()->text;
    std::cerr << "game_client: " << error_ << '\n';
    link_->close();
    if (options_.back) next_ = options_.back(error_);
  }
  if (!changed && listed == session_->listed()) return false;
  refresh();
  return true;
}

void LobbyMode::join(const Options& session) {
  LiveOptions live = options_;
  live.session = session;
  std::string error;
  const bool open = link_->state() == NetworkLink::State::Connected && !session_->failure();
  if (open && session_->join(session, error)) {
    next_ = std::make_unique<LiveMode>(live, std::move(link_), std::move(session_));
  } else {
    link_->close();
    next_ = std::make_unique<LiveMode>(live);
  }
}

bool LobbyMode::openEntry(int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= session_->matches().size()) return false;
  const proto::MatchEntry& m = session_->matches()[static_cast<std::size_t>(index)];
  Options chosen = options_.session;
  if (m.state == proto::MatchState::Playing) {
    chosen.intent = Intent::Watch;
    chosen.watchMatch = m.matchId;
  } else {
    // A waiting match is filled from the public queue of its game and clock.
    chosen.intent = Intent::Play;
    chosen.game = static_cast<std::uint8_t>(m.game);
    chosen.rule = static_cast<std::uint8_t>(m.rule);
    chosen.boardSize = m.boardSize;
    chosen.opening = m.opening;
    chosen.time = game::TimeControl{m.clockBaseMs, m.clockIncrementMs};
    chosen.seat = game::Seat::None;
    chosen.matchCode.clear();
  }
  join(chosen);
  return true;
}

bool LobbyMode::act(Action action) {
  switch (action) {
    case Action::NewGame: {
      Options fresh = options_.session;
      fresh.intent = Intent::Play;
      join(fresh);
      return true;
    }
    case Action::Refresh: list(); return true;
    case Action::Leave:
      if (!options_.back) return false;
      link_->close();
      next_ = options_.back("");
      return true;
    default: return false;
  }
}

bool LobbyMode::key(sf::Keyboard::Key key) {
  return (key == sf::Keyboard::F5 && act(Action::Refresh)) || (key == sf::Keyboard::Escape && act(Action::Leave));
}

void LobbyMode::refresh() {
  const std::string where = options_.host + ":" + std::to_string(options_.port);
  lobby_.heading = "Matches on " + where;
  lobby_.entries.clear();
  for (const proto::MatchEntry& m : session_->matches()) lobby_.entries.push_back(describe(m));
  const std::size_t count = lobby_.entries.size();
  lobby_.empty = failed_             ? "The list could not be had."
                 : session_->listed() ? "No match is waiting or being played. Start a new game: the next player "
                                        "to come will join it."
                                      : "Asking the server…";

  panel_.title = "Lobby";
  panel_.showMoves = false;
  panel_.subtitle = where;
  panel_.status = failed_ ? "No list." : !session_->listed() ? "Asking for the match list…"
                  : count == 0 ? "No matches yet."
                               : std::to_string(count) + (count == 1 ? " match" : " matches") +
                                     ". Click a waiting match to join it, a running one to watch it.";
  panel_.error = error_;
  panel_.buttons = {{Action::NewGame, "New game"}, {Action::Refresh, "Refresh"}};
  if (options_.back) panel_.buttons.push_back({Action::Leave, "Back to start"});
}

}  // namespace client
