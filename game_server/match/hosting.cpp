#include "game_server/match/hosting.h"

namespace server {
namespace {

// The game a rule belongs to.
game::Kind kindOf(game::Rule rule) { return rule == game::Rule::Fide ? game::Kind::Chess : game::Kind::Omok; }

std::string sizeText(int size) { return std::to_string(size) + "x" + std::to_string(size); }

}  // namespace

std::variant<MatchKind, std::string> Hosting::resolve(const proto::Hello& hello) const {
  const std::optional<game::Rule> askedRule =
      hello.rule == 0 ? std::nullopt : std::optional(static_cast<game::Rule>(hello.rule));
  game::Setup setup;
  setup.kind = hello.game != 0 ? static_cast<game::Kind>(hello.game)
               : askedRule     ? kindOf(*askedRule)
               : kind          ? *kind
               : rule          ? kindOf(*rule)
                               : game::Kind::Omok;
  const bool chess = setup.kind == game::Kind::Chess;
  const auto fits = [&](game::Rule r) { return game::ruleBelongsTo(r, setup.kind); };
  setup.rule = askedRule             ? *askedRule
               : rule && fits(*rule) ? *rule
               : chess               ? game::Rule::Fide
                                     : game::Rule::Renju;
  setup.boardSize = chess ? 8 : hello.boardSize != 0 ? hello.boardSize : boardSize ? *boardSize : 15;
  setup.opening = hello.opening != game::Opening::None                              ? hello.opening
                  : opening && game::openingAllowed(*opening, setup.rule) && !chess ? *opening
                                                                                     : game::Opening::None;
  const game::TimeControl clock = proto::timeControlOf(hello).value_or(time.value_or(game::TimeControl{}));
  if (!hosts(setup) || (time && clock != *time)) return "this server hosts " + describe() + " only";
  if (!game::openingAllowed(setup.opening, setup.rule))
    return "opening " + std::string(game::name(setup.opening)) + " is not played under rule " +
           std::string(game::name(setup.rule));
  if (!chess && setup.boardSize != 15 && setup.boardSize != 19)
    return "omok is played on 15x15 or 19x19, not " + sizeText(setup.boardSize);
  return MatchKind{setup, clock};
}

bool Hosting::wants(const proto::Hello& hello, const MatchKind& kind) {
  const game::Setup& setup = kind.setup;
  const std::optional<game::TimeControl> clock = proto::timeControlOf(hello);
  return (hello.game == 0 || hello.game == static_cast<std::uint8_t>(setup.kind)) &&
         (hello.rule == 0 || hello.rule == static_cast<std::uint8_t>(setup.rule)) &&
         (hello.boardSize == 0 || hello.boardSize == setup.boardSize) &&
         (hello.opening == game::Opening::None || hello.opening == setup.opening) && (!clock || *clock == kind.time);
}

bool Hosting::hosts(const game::Setup& setup) const {
  return (!kind || setup.kind == *kind) && (!rule || setup.rule == *rule) &&
         (!boardSize || setup.kind == game::Kind::Chess || setup.boardSize == *boardSize) &&
         (!opening || setup.opening == *opening);
}

std::string Hosting::describe() const {
  const std::string clock = time ? ", " + game::describe(*time) : "";
  if (!kind && !rule && !boardSize && !opening) return "every game" + clock;
  std::string words = kind ? std::string(game::name(*kind)) : rule ? std::string(game::name(kindOf(*rule))) : "omok";
  std::string detail;
  const auto add = [&](const std::string& part) { detail += (detail.empty() ? "" : ", ") + part; };
  if (rule) add(std::string(game::name(*rule)));
  if (boardSize && words == "omok") add(sizeText(*boardSize));
  if (opening && *opening != game::Opening::None) add("opening " + std::string(game::name(*opening)));
  return (detail.empty() ? words : words + " (" + detail + ")") + clock;
}

std::optional<std::string> Hosting::check() const {
  const game::Kind game = kind ? *kind : rule ? kindOf(*rule) : game::Kind::Omok;
  if (rule && !game::ruleBelongsTo(*rule, game))
    return "rule '" + std::string(game::name(*rule)) + "' is not a rule of " + std::string(game::name(game));
  if (opening && *opening != game::Opening::None) {
    if (game == game::Kind::Chess) return "chess has no opening rule";
    if (rule && !game::openingAllowed(*opening, *rule))
      return "opening '" + std::string(game::name(*opening)) + "' is not played under rule '" +
             std::string(game::name(*rule)) + "'";
  }
  if (boardSize && game == game::Kind::Chess) return "--board-size is omok's: chess is played on 8x8";
  return std::nullopt;
}

}  // namespace server
