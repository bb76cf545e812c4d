#include "game_client/app/replay_mode.h"

#include <algorithm>
#include <iostream>

#include "game_client/app/words.h"
#include "game_client/ui/clock_face.h"

namespace client {

namespace {
const sf::Time kStepInterval = sf::milliseconds(700);
}  // namespace

ReplayMode::ReplayMode(const std::filesystem::path& file, game::Seat viewer, Back back, int game)
    : viewer_(viewer), file_(file), game_(game), back_(std::move(back)) {
  panel_.subtitle = utf8(file.filename());
  if (!load()) {
    std::cerr << "game_client: cannot replay " << file.string() << ": " << loadError_ << '\n';
    panel_.title = "Cannot open the record";
    panel_.status = "This file cannot be replayed.";
    panel_.error = loadError_;
    if (back_) next_ = back_("cannot replay " + utf8(file.filename()) + ": " + loadError_);
    return;
  }
  if (show(static_cast<int>(steps_.size()))) return;
  showOpening();  // a record without a step: nothing to step to, the start to show
  refreshPanel();
}

bool ReplayMode::load() {
  auto opened = record::openReplay(file_, game_);
  if (auto* error = std::get_if<record::LoadError>(&opened)) {
    loadError_ = error->describe();
    return false;
  }
  const record::PgnGame* pgn = std::get_if<record::PgnGame>(&opened);
  const record::Record& rec = pgn ? pgn->record : std::get<record::Record>(opened);
  std::string error;
  board_ = makeBoardView(rec.setup, error);
  auto game = board_ ? game::makeGame(rec.setup, error) : nullptr;
  if (!game) {
    loadError_ = "bad game setup: " + error;
    board_.reset();
    return false;
  }
  // The reader has checked every move and decision; reading the moves again
  // in the record's notation gives the board the engine moves it needs. The
  // decisions go between them by line, and the opening is noted after each step.
  pliesAfter_.push_back(0);
  openings_.push_back(game->opening());
  auto decision = rec.decisions.begin();
  for (auto line = rec.moves.begin(); line != rec.moves.end() || decision != rec.decisions.end();) {
    if (decision != rec.decisions.end() && (line == rec.moves.end() || decision->line < line->line)) {
      if (const game::Played made = game->decide(decision->decision); !made.accepted()) {
        loadError_ = "line " + std::to_string(decision->line) + ": cannot replay '" + decision->notation + "': " +
                     made.why;
        board_.reset();
        return false;
      }
      steps_.push_back({decision->line, decision->seat, true, decision->notation, decision->clockMs});
      ++decision;
    } else {
      game::Move move;
      const std::string& text = line->uci.empty() ? line->notation : line->uci;
      if (!game->parseMove(text, move, error) || !game->play(move).accepted() || !board_->apply(move)) {
        loadError_ = "line " + std::to_string(line->line) + ": cannot replay '" + text + "': " + error;
        board_.reset();
        return false;
      }
      moves_.push_back(move);
      steps_.push_back({line->line, line->seat, false, "", line->clockMs});
      panel_.moves.push_back(line->notation);
      ++line;
    }
    pliesAfter_.push_back(static_cast<int>(moves_.size()));
    openings_.push_back(game->opening());
  }
  endMover_ = game->toMove();
  result_ = rec.result;
  timeControl_ = rec.timeControl;
  chat_ = rec.chat;
  panel_.chat.shown = !chat_.empty();
  panel_.chat.typing = false;
  endClocks_ = rec.endClocks;
  // A restart comes after the steps recorded before it (as game_replay counts
  // them); of two at one step, the later one is when the game went on.
  for (const record::EventLine& event : rec.events) {
    if (event.what != "resumed") continue;
    const auto steps =
        std::count_if(steps_.begin(), steps_.end(), [&](const Step& step) { return step.line < event.line; });
    restarts_[static_cast<int>(steps)] = describeTime(event.time);
  }
  adjourned_ = rec.adjourned;
  if (rec.truncated) note_ = "The record's last line was cut off and is left out.";
  else if (!rec.result && !adjourned_)
    note_ = pgn ? "The game has no result ('*')." : "The record stops before the end of the match.";
  showHeading(rec, pgn);
  panel_.movesClickable = true;
  panel_.buttonsPerRow = 5;
  return true;
}

void ReplayMode::showHeading(const record::Record& rec, const record::PgnGame* pgn) {
  panel_.title = "Replay · " + gameTitle(rec.setup);
  const std::string timing = timeControl_.timed() ? game::describe(timeControl_) + " · " : "";
  if (pgn) {
    games_ = pgn->count;
    about_ = record::describePgnGame(pgn->tags) + '.';
    panel_.subtitle = "game " + std::to_string(game_) + " of " + std::to_string(games_) + " · " + timing +
                      utf8(file_.filename());
  } else {
    panel_.subtitle = "match " + std::to_string(rec.matchId) + " · " + timing + utf8(file_.filename());
  }
  for (const game::Seat seat : {game::Seat::Player1, game::Seat::Player2}) {
    PanelPlayer& player = panel_.players[seat == game::Seat::Player1 ? 0 : 1];
    player.name = seat == game::Seat::Player1 ? rec.player1 : rec.player2;
  }
}

bool ReplayMode::openGame(int game) {
  if (!board_ || game < 1 || game > games_) return false;
  next_ = std::make_unique<ReplayMode>(file_, viewer_, back_, game);
  return true;
}

void ReplayMode::showClocks() {
  if (!timeControl_.timed()) return;
  const bool atEnd = shown_ == static_cast<int>(steps_.size());
  for (const game::Seat seat : {game::Seat::Player1, game::Seat::Player2}) {
    const int index = seat == game::Seat::Player1 ? 0 : 1;
    // A side's time is what its last step so far left it, the base before it moved.
    std::chrono::milliseconds left(timeControl_.baseMs);
    for (int step = shown_ - 1; step >= 0; --step) {
      const Step& made = steps_[static_cast<std::size_t>(step)];
      if (made.seat != seat) continue;
      left = std::chrono::milliseconds(made.clockMs.value_or(0));
      break;
    }
    if (atEnd && endClocks_) left = std::chrono::milliseconds((*endClocks_)[static_cast<std::size_t>(index)]);
    PanelPlayer& player = panel_.players[static_cast<std::size_t>(index)];
    player.clock = clockFace(left);
    player.clockLow = lowTime(left);
    player.clockRunning = false;  // a replay's clocks stand still
  }
}

void ReplayMode::showChat() {
  const bool atEnd = shown_ == static_cast<int>(steps_.size());
  panel_.chat.lines.clear();
  for (const record::ChatLine& line : chat_) {
    if (!atEnd && line.line > steps_[static_cast<std::size_t>(shown_)].line) break;
    panel_.chat.lines.push_back({line.name, line.text, false});
  }
}

void ReplayMode::showOpening() {
  const game::OpeningState& opening = openings_[static_cast<std::size_t>(shown_)];
  OpeningMarks marks{opening.exchanged, game::OpeningState::kWholeBoard, {}};
  // A game that ended in its opening (time, resignation) asks for no stone any more.
  const bool over = shown_ == static_cast<int>(steps_.size()) && result_ && result_->over();
  if (opening.step == game::OpeningStep::Place && !over) marks.area = opening.area;
  if (opening.step == game::OpeningStep::Pick) marks.candidates = opening.candidates;
  board_->showOpening(marks);
  for (const game::Seat seat : {game::Seat::Player1, game::Seat::Player2}) {
    PanelPlayer& player = panel_.players[seat == game::Seat::Player1 ? 0 : 1];
    player.colour = board_->side(seat).name;
    player.dark = board_->side(seat).dark;
  }
}

bool ReplayMode::selectMove(int index) {
  // The step that played move `index`.
  const auto made = std::lower_bound(pliesAfter_.begin(), pliesAfter_.end(), index + 1);
  return made != pliesAfter_.end() && show(static_cast<int>(made - pliesAfter_.begin()));
}

bool ReplayMode::show(int steps) {
  if (!board_) return false;
  steps = std::clamp(steps, 0, static_cast<int>(steps_.size()));
  const int target = pliesAfter_[static_cast<std::size_t>(steps)];
  if (steps == shown_ && board_->plies() == target) return false;
  if (target < board_->plies()) board_->reset();
  for (int i = board_->plies(); i < target; ++i) board_->apply(moves_[static_cast<std::size_t>(i)]);
  shown_ = steps;
  showOpening();
  if (shown_ == static_cast<int>(steps_.size())) playing_ = false;
  refreshPanel();
  return true;
}

bool ReplayMode::togglePlay() {
  if (!board_) return false;
  playing_ = !playing_;
  if (playing_ && shown_ == static_cast<int>(steps_.size())) show(0);  // play again from the start
  sinceStep_.restart();
  refreshPanel();
  return true;
}

bool ReplayMode::update() {
  if (!playing_ || sinceStep_.getElapsedTime() < kStepInterval) return false;
  sinceStep_.restart();
  return show(shown_ + 1);
}

bool ReplayMode::act(Action action) {
  switch (action) {
    case Action::First: return show(0);
    case Action::Back: return show(shown_ - 1);
    case Action::PlayPause: return togglePlay();
    case Action::Forward: return show(shown_ + 1);
    case Action::Last: return show(static_cast<int>(steps_.size()));
    case Action::Leave:
      if (!back_) return false;
      next_ = back_("");
      return true;
    default: return false;
  }
}

bool ReplayMode::key(sf::Keyboard::Key key) {
  switch (key) {
    case sf::Keyboard::Left: return act(Action::Back);
    case sf::Keyboard::Right: return act(Action::Forward);
    case sf::Keyboard::Home: return act(Action::First);
    case sf::Keyboard::End: return act(Action::Last);
    case sf::Keyboard::Space: return act(Action::PlayPause);
    case sf::Keyboard::Escape: return act(Action::Leave);
    case sf::Keyboard::PageUp: return openGame(game_ - 1);
    case sf::Keyboard::PageDown: return openGame(game_ + 1);
    case sf::Keyboard::F:
      viewer_ = viewer_ == game::Seat::Player2 ? game::Seat::Player1 : game::Seat::Player2;
      return true;
    default: return false;
  }
}

void ReplayMode::refreshPanel() {
  const int total = static_cast<int>(moves_.size());
  const bool atEnd = shown_ == static_cast<int>(steps_.size());
  panel_.current = plies() - 1;
  // The side to move is whoever made the next recorded step.
  const game::Seat next = !atEnd                      ? steps_[static_cast<std::size_t>(shown_)].seat
                          : result_ && result_->over() ? game::Seat::None
                                                       : endMover_;
  panel_.players[0].toMove = next == game::Seat::Player1;
  panel_.players[1].toMove = next == game::Seat::Player2;
  showClocks();
  showChat();
  std::string status = about_.empty() ? "" : about_ + ' ';
  if (games_ > 1) status += "Page Up/Down: the file's other games. ";
  status += "Move ";
  status += std::to_string(plies());
  status += " of ";
  status += std::to_string(total);
  status += '.';
  if (shown_ > 0 && steps_[static_cast<std::size_t>(shown_ - 1)].decision) {
    const Step& made = steps_[static_cast<std::size_t>(shown_ - 1)];
    status += " Player " + std::to_string(static_cast<int>(made.seat)) + ": " + made.notation + '.';
  }
  const std::string opening = describeOpening(openings_[static_cast<std::size_t>(shown_)], plies(), game::Seat::None);
  if (!opening.empty() && !(atEnd && result_ && result_->over())) status += ' ' + opening;
  // An adjourned end follows its restart with no move: the game did not go on there.
  const auto restart = restarts_.find(shown_);
  if (restart != restarts_.end() && !(atEnd && adjourned_))
    status += " The server restarted here; the game went on at " + restart->second + '.';
  if (atEnd && result_ && result_->over()) status += ' ' + resultSentence(*result_, *board_);
  if (atEnd && adjourned_)
    status += " Adjourned after " + std::to_string(total) + (total == 1 ? " move" : " moves") +
              ": nobody came back after a restart.";
  panel_.status = std::move(status);
  panel_.error = note_;
  panel_.buttons = {{Action::First, "«", shown_ > 0},
                    {Action::Back, "‹", shown_ > 0},
                    {Action::PlayPause, playing_ ? "Pause" : "Play", total > 0},
                    {Action::Forward, "›", !atEnd},
                    {Action::Last, "»", !atEnd}};
  if (back_) panel_.buttons.push_back({Action::Leave, "Back to start"});
}

}  // namespace client
