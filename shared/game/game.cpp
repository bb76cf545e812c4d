#include "shared/game/game.h"

#include <string>
#include <vector>

#include "shared/game/chess_game.h"
#include "shared/game/omok_game.h"

namespace game {

namespace {

// The answer of a game without an opening to what only an opening asks for.
Played notNow(std::string why, Status status) {
  Played played;
  played.reject = Reject::NotNow;
  played.why = std::move(why);
  played.status = status;
  return played;
}

}  // namespace

Played Game::decide(const Decision&) { return notNow("this game has no opening decisions", status()); }

std::string describe(const Setup& setup) {
  if (setup.kind == Kind::Chess) return setup.fen.empty() ? "chess" : "chess from FEN " + setup.fen;
  const std::string size = std::to_string(setup.boardSize);
  return std::string(name(setup.kind)) + " (" + std::string(name(setup.rule)) + ", " + size + "x" + size +
         (setup.opening == Opening::None ? "" : ", opening " + std::string(name(setup.opening))) + ")";
}

bool parseDecision(std::string_view text, const Game& game, Decision& out, std::string& error) {
  std::vector<std::string_view> words;
  while (!text.empty()) {
    const std::size_t end = text.find(' ');
    if (end != 0) words.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  if (words.empty()) {
    error = "the decision is empty";
    return false;
  }
  const std::string_view verb = words[0];
  const auto number = [&](int& value) {
    if (words.size() != 2 || words[1].empty() || words[1].size() > 2 ||
        words[1].find_first_not_of("0123456789") != std::string_view::npos) {
      error = "'" + std::string(verb) + "' takes one number";
      return false;
    }
    value = std::stoi(std::string(words[1]));
    return true;
  };
  out = Decision{};
  if (verb == "swap" || verb == "keep" || verb == "black" || verb == "white") {
    if (words.size() != 1) {
      error = "'" + std::string(verb) + "' takes nothing after it";
      return false;
    }
    const bool swap = verb == "swap" || verb == "keep";
    out.choice = swap ? Choice::Swap : Choice::ChooseColor;
    out.value = verb == "swap" ? 1 : verb == "keep" ? 0 : verb == "black" ? 1 : 2;
    return true;
  }
  if (verb == "option" || verb == "declare") {
    out.choice = verb == "option" ? Choice::ChooseOption : Choice::Declare;
    return number(out.value);
  }
  if (verb == "offer") {
    out.choice = Choice::Offer;
    for (std::size_t i = 1; i < words.size(); ++i) {
      Move m;
      if (!game.parseMove(words[i], m, error)) return false;
      out.points.push_back(m);
    }
    return true;
  }
  error = "'" + std::string(verb) + "' is not a decision (swap, keep, black, white, option, declare, offer)";
  return false;
}

Played Game::checkCandidate(const Move&, const std::vector<Move>&) const {
  return notNow("this game has no opening offers", status());
}

std::unique_ptr<Game> makeGame(const Setup& setup, std::string& error) {
  if (!ruleBelongsTo(setup.rule, setup.kind)) {
    error = "rule '" + std::string(name(setup.rule)) + "' is not a rule of " + std::string(name(setup.kind));
    return nullptr;
  }
  if (!openingAllowed(setup.opening, setup.rule)) {
    error = "opening '" + std::string(name(setup.opening)) + "' is not played under rule '" +
            std::string(name(setup.rule)) + "'";
    return nullptr;
  }
  switch (setup.kind) {
    case Kind::Omok: return makeOmokGame(setup, error);
    case Kind::Chess: return makeChessGame(setup, error);
  }
  error = "unknown game";
  return nullptr;
}

}  // namespace game
