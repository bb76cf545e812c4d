#include "game_client/core/game_choice.h"

#include <vector>

#include "shared/game/clock.h"
#include "shared/game/game.h"

namespace client {

bool parseGameChoice(std::string_view words, Options& options, std::string& error) {
  std::optional<game::Kind> kind;
  std::optional<game::Rule> rule;
  std::optional<game::Opening> opening;
  int size = 0;
  while (!words.empty()) {
    const std::size_t end = words.find(' ');
    const std::string_view word = words.substr(0, end);
    words = end == std::string_view::npos ? std::string_view() : words.substr(end + 1);
    if (word.empty()) continue;
    // "omok" is the game first and the Korean rule second ("omok omok").
    if (const auto k = game::parseKind(word); k && !kind) {
      kind = k;
    } else if (const auto r = word == "chess" ? std::optional(game::Rule::Fide) : game::parseRule(word); r && !rule) {
      rule = r;
    } else if (const auto o = game::parseOpening(word); o && !opening) {
      opening = o;
    } else if ((word == "15" || word == "19") && size == 0) {
      size = word == "15" ? 15 : 19;
    } else {
      error = "'" + std::string(word) +
              "' is not a game (omok, chess), a rule (freestyle, standard, renju, omok), an opening (swap1, swap2, "
              "soosorv8, taraguchi10) or a board size (15, 19), or it is said twice";
      return false;
    }
  }
  if (rule && !kind) kind = *rule == game::Rule::Fide ? game::Kind::Chess : game::Kind::Omok;
  if (kind && rule && !game::ruleBelongsTo(*rule, *kind)) {
    error = std::string(game::name(*rule)) + " is not a rule of " + std::string(game::name(*kind));
    return false;
  }
  const bool chess = kind == game::Kind::Chess;
  if (chess && (size != 0 || (opening && *opening != game::Opening::None))) {
    error = "chess has no board size or opening to choose";
    return false;
  }
  if (opening && *opening != game::Opening::None) {
    if (!rule) {
      error = "say the rule the opening is played under: freestyle or standard for swap1 and swap2, renju for "
              "soosorv8 and taraguchi10";
      return false;
    }
    if (!game::openingAllowed(*opening, *rule)) {
      error = "opening " + std::string(game::name(*opening)) + " is not played under " + std::string(game::name(*rule));
      return false;
    }
  }
  options.game = kind ? static_cast<std::uint8_t>(*kind) : 0;
  options.rule = rule ? static_cast<std::uint8_t>(*rule) : 0;
  options.boardSize = static_cast<std::uint8_t>(size);
  options.opening = opening.value_or(game::Opening::None);
  return true;
}

std::string describeGameChoice(const Options& options) {
  std::vector<std::string> words;
  const auto rule = static_cast<game::Rule>(options.rule);
  if (options.rule != 0) {
    words.emplace_back(rule == game::Rule::Fide ? "chess" : game::name(rule));
    // The Korean rule alone would read as the game.
    if (rule == game::Rule::Omok) words.insert(words.begin(), "omok");
  } else if (options.game != 0) {
    words.emplace_back(game::name(static_cast<game::Kind>(options.game)));
  }
  if (options.opening != game::Opening::None) words.emplace_back(game::name(options.opening));
  if (options.boardSize != 0) words.push_back(std::to_string(options.boardSize));
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
}

bool parseTimeChoice(std::string_view text, Options& options, std::string& error) {
  if (text.empty()) {
    options.time.reset();
    return true;
  }
  const std::optional<game::TimeControl> time = game::parseTimeControl(text, error);
  if (!time) return false;
  options.time = *time;
  return true;
}

std::string describeTimeChoice(const Options& options) {
  if (!options.time) return "";
  return options.time->timed() ? game::describe(*options.time) : "none";
}

}  // namespace client
