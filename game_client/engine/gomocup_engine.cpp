#include "game_client/engine/gomocup_engine.h"

#include <algorithm>
#include <iostream>

#include "game_client/engine/gomocup_protocol.h"
#include "game_client/engine/scratch_game.h"
#include "game_client/engine/words.h"
#include "shared/omok/coord.h"

namespace engine {

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

std::optional<std::string> GomocupEngine::answer(Clock::time_point deadline, std::string_view waitingFor,
                                                 std::string& error) {
  while (auto line = process_->readLine(deadline, error)) {
    if (!firstWordIs(*line, "MESSAGE") && !firstWordIs(*line, "DEBUG") && !firstWordIs(*line, "UNKNOWN")) return line;
  }
  error = "waiting for " + std::string(waitingFor) + ": " + error;
  return std::nullopt;
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
    const std::string said = *line + " (" + omok::name(omok::fromWireIndex(move.to, setup.boardSize)) + ")";
    if (!playAnswer(*scratch->game, move, said, error)) return std::nullopt;
    known_ = history;
    known_.push_back(move);
    return move;
  }
}

}  // namespace engine
