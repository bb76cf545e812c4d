#include "game_client/engine/gomocup_engine.h"

#include <algorithm>
#include <cassert>
#include <iostream>
#include <utility>

#include "game_client/engine/gomocup_protocol.h"
#include "game_client/engine/scratch_game.h"
#include "game_client/engine/words.h"
#include "shared/omok/coord.h"

namespace engine {

namespace {

// "7,7 (h8)": a point in the brain's words and in ours.
std::string said(gomocup::Coord c, int size) {
  return gomocup::format(c) + " (" + omok::name(omok::fromWireIndex(gomocup::toPoint(c, size), size)) + ")";
}

// The stones and decisions of the brain's `answer`, the line `line`, to
// SWAP2BOARD sent with the moves of `game`, played on a copy of `game`: the
// choice it makes after three or five stones, then its points as moves.
std::optional<std::vector<OpeningAction>> swap2Actions(const game::Game& game, const gomocup::Swap2Answer& answer,
                                                       std::string_view line, int size, std::string& error) {
  const std::unique_ptr<game::Game> scratch = game.clone();
  [[maybe_unused]] const game::Seat seat = game.toMove();
  std::vector<OpeningAction> actions;
  // Where the copy stands is where the action is due; then it is played there.
  const auto due = [&](std::variant<game::Decision, game::Move> what) {
    assert(scratch->toMove() == seat && "swap2 gives the answer's actions to one seat in a row");
    actions.push_back({scratch->moveCount(), scratch->opening().step, std::move(what)});
  };
  const game::OpeningStep step = game.opening().step;
  if (step != game::OpeningStep::Place) {
    // After three stones, swap2's option: 1 for SWAP (black), 2 for one
    // point (white, move 4), 3 for two points (moves 4 and 5). After five,
    // the colour: 1 black for SWAP, 2 white for a point (move 6).
    const bool option = step == game::OpeningStep::ChooseOption;
    assert(game.moveCount() == (option ? 3 : 5));
    const bool swap = answer.kind == gomocup::Swap2Answer::Kind::Swap;
    const int value = swap ? 1 : option ? 1 + static_cast<int>(answer.points.size()) : 2;
    const game::Decision decision{option ? game::Choice::ChooseOption : game::Choice::ChooseColor, value, {}};
    due(decision);
    [[maybe_unused]] const game::Played p = scratch->decide(decision);
    assert(p.accepted() && "the decision is one of the step's choices");
  }
  for (const gomocup::Coord c : answer.points) {
    const game::Move move{0, gomocup::toPoint(c, size), 0};
    due(move);
    const std::string where = said(c, size) + " in its answer '" + std::string(line) + "' to SWAP2BOARD";
    if (!playAnswer(*scratch, move, where, error)) return std::nullopt;
  }
  return actions;
}

}  // namespace

GomocupEngine::GomocupEngine(std::unique_ptr<ChildProcess> process, const Settings& settings)
    : process_(std::move(process)), settings_(settings) {}

GomocupEngine::~GomocupEngine() {
  std::string ignored;  // a brain that is gone already needs no END
  if (started_) send("END", ignored);
}

bool GomocupEngine::send(const std::string& command, std::string& error) {
  if (process_->write(command + "\r\n", error)) return true;
  error = "sending '" + command + "': " + error;
  return false;
}

std::optional<std::string> GomocupEngine::nextLine(Clock::time_point deadline, std::string_view waitingFor,
                                                   std::string& error) {
  while (auto line = process_->readLine(deadline, error)) {
    if (!gomocup::isChatter(*line)) return line;
  }
  error = "waiting for " + std::string(waitingFor) + ": " + error;
  return std::nullopt;
}

std::optional<std::string> GomocupEngine::answer(Clock::time_point deadline, std::string_view waitingFor,
                                                 std::string& error) {
  for (;;) {
    std::optional<std::string> line = nextLine(deadline, waitingFor, error);
    if (!line || !firstWordIs(*line, "UNKNOWN")) return line;
  }
}

bool GomocupEngine::start(const game::Setup& setup, std::string& error) {
  if (!send("START " + std::to_string(setup.boardSize), error)) return false;
  const std::optional<std::string> reply = answer(Clock::now() + settings_.answerBound(), "OK", error);
  if (!reply) return false;
  if (*reply != "OK") {
    error = "the brain refused START " + std::to_string(setup.boardSize) + ": " + *reply;
    return false;
  }
  started_ = send("INFO timeout_turn " + std::to_string(settings_.moveTime.count()), error) &&
             send("INFO rule " + std::to_string(gomocup::ruleBits(setup.rule)), error);
  return started_;
}

bool GomocupEngine::ask(const std::vector<game::Move>& history, int size, std::string& error) {
  if (history.empty() && known_.empty()) return send("BEGIN", error);
  const bool onlyLastIsNew = known_.size() + 1 == history.size() &&
                             std::equal(known_.begin(), known_.end(), history.begin());
  if (onlyLastIsNew) return send("TURN " + gomocup::format(gomocup::toCoord(history.back().to, size)), error);
  if (!send("BOARD", error)) return false;
  for (std::size_t i = 0; i < history.size(); ++i) {
    // 1: the brain's own stone (the side to move now played the moves an
    // even number of plies back), 2: the opponent's.
    const char* field = (history.size() - i) % 2 == 0 ? ",1" : ",2";
    if (!send(gomocup::format(gomocup::toCoord(history[i].to, size)) + field, error)) return false;
  }
  return send("DONE", error);
}

std::optional<game::Move> GomocupEngine::move(const game::Setup& setup, const std::vector<game::Move>& history,
                                              std::string& error) {
  if (setup.kind != game::Kind::Omok) {
    error = "a Gomocup brain plays omok, and this game is " + std::string(game::name(setup.kind));
    return std::nullopt;
  }
  std::optional<ScratchGame> scratch = replay(setup, history, error);
  if (!scratch || (!started_ && !start(setup, error)) || !ask(history, setup.boardSize, error)) return std::nullopt;
  // One bound for the whole answer, however many ERROR lines come first.
  const auto deadline = Clock::now() + settings_.answerBound();
  for (;;) {
    const std::optional<std::string> line = answer(deadline, "a move", error);
    if (!line) return std::nullopt;
    if (firstWordIs(*line, "ERROR")) {
      std::cerr << "engine: " << *line << '\n';
      continue;
    }
    const std::optional<gomocup::Coord> coord = gomocup::parseMove(*line, setup.boardSize);
    if (!coord) {
      error = "the brain answered '" + *line + "', not a move on the board";
      return std::nullopt;
    }
    const game::Move move{0, gomocup::toPoint(*coord, setup.boardSize), 0};
    if (!playAnswer(*scratch->game, move, said(*coord, setup.boardSize), error)) return std::nullopt;
    known_ = history;
    known_.push_back(move);
    return move;
  }
}

std::optional<std::vector<OpeningAction>> GomocupEngine::opening(const game::Setup& setup, const game::Game& game,
                                                                 const std::vector<game::Move>& history,
                                                                 std::string& error) {
  const game::OpeningState state = game.opening();
  assert(state.inProgress() && game.moveCount() == static_cast<int>(history.size()));
  // SWAP2BOARD's three cases. Between them (the rest of the first three
  // stones, option 3's two) the stones are in the brain's last answer.
  const bool asked = state.step == game::OpeningStep::ChooseOption || state.step == game::OpeningStep::ChooseColor ||
                     (state.step == game::OpeningStep::Place && history.empty());
  if (state.rule != game::Opening::Swap2 || !asked || swap2Refused_) return std::vector<OpeningAction>{};
  if ((!started_ && !start(setup, error)) || !send("SWAP2BOARD", error)) return std::nullopt;
  for (const game::Move& m : history)
    if (!send(gomocup::format(gomocup::toCoord(m.to, setup.boardSize)), error)) return std::nullopt;
  if (!send("DONE", error)) return std::nullopt;
  const std::optional<std::string> line =
      nextLine(Clock::now() + settings_.answerBound(), "the answer to SWAP2BOARD", error);
  if (!line) return std::nullopt;
  const gomocup::Swap2Answer answer =
      gomocup::readSwap2Answer(*line, static_cast<int>(history.size()), setup.boardSize);
  switch (answer.kind) {
    case gomocup::Swap2Answer::Kind::Refused:
      swap2Refused_ = true;
      std::cerr << "engine: the brain answered '" << *line
                << "' to SWAP2BOARD, which it does not speak: the rest of the opening is decided without it\n";
      return std::vector<OpeningAction>{};
    case gomocup::Swap2Answer::Kind::Malformed:
      error = "the brain answered '" + *line + "' to SWAP2BOARD: " + answer.why;
      return std::nullopt;
    case gomocup::Swap2Answer::Kind::Swap:
    case gomocup::Swap2Answer::Kind::Points:
      break;
  }
  return swap2Actions(game, answer, *line, setup.boardSize, error);
}

}  // namespace engine
