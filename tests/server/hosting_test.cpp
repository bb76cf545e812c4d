// What a server hosts and what a hello gets: the defaults, the narrowing and
// the refusals in words (server::Hosting).
#include <gtest/gtest.h>

#include "game_server/match/hosting.h"

namespace server {
namespace {

proto::Hello hello(game::Kind kind = {}, game::Rule rule = {}, int size = 0, game::Opening opening = {}) {
  proto::Hello h;
  h.game = static_cast<std::uint8_t>(kind);
  h.rule = static_cast<std::uint8_t>(rule);
  h.boardSize = static_cast<std::uint8_t>(size);
  h.opening = opening;
  return h;
}

MatchKind kindOf(const Hosting& hosting, const proto::Hello& h) {
  auto resolved = hosting.resolve(h);
  if (const auto* why = std::get_if<std::string>(&resolved)) ADD_FAILURE() << *why;
  return std::get_if<MatchKind>(&resolved) ? std::get<MatchKind>(resolved) : MatchKind{};
}

game::Setup setupOf(const Hosting& hosting, const proto::Hello& h) { return kindOf(hosting, h).setup; }

std::string refusalOf(const Hosting& hosting, const proto::Hello& h) {
  auto resolved = hosting.resolve(h);
  if (const auto* kind = std::get_if<MatchKind>(&resolved)) ADD_FAILURE() << "hosted: " << game::describe(kind->setup);
  return std::get_if<std::string>(&resolved) ? std::get<std::string>(resolved) : std::string();
}

proto::Hello timed(game::TimeControl tc) {
  proto::Hello h = hello();
  proto::askTimeControl(h, tc);
  return h;
}

TEST(Hosting, EverythingByDefaultAndAHelloOfZerosGetsOmokRenju15) {
  const Hosting all;
  EXPECT_EQ(all.describe(), "every game");
  const game::Setup plain = setupOf(all, hello());
  EXPECT_EQ(game::describe(plain), "omok (renju, 15x15)");
  EXPECT_EQ(game::describe(setupOf(all, hello(game::Kind::Chess))), "chess");
  EXPECT_EQ(game::describe(setupOf(all, hello({}, game::Rule::Standard, 19, game::Opening::Swap2))),
            "omok (standard, 19x19, opening swap2)");
  EXPECT_EQ(game::describe(setupOf(all, hello({}, game::Rule::Fide))), "chess");  // the rule names the game
}

TEST(Hosting, NarrowingSetsTheDefaultsAndRefusesTheRest) {
  Hosting soosorv;
  soosorv.rule = game::Rule::Renju;
  soosorv.opening = game::Opening::Soosorv8;
  EXPECT_EQ(soosorv.check(), std::nullopt);
  EXPECT_EQ(soosorv.describe(), "omok (renju, opening soosorv8)");
  EXPECT_EQ(game::describe(setupOf(soosorv, hello())), "omok (renju, 15x15, opening soosorv8)");
  EXPECT_EQ(refusalOf(soosorv, hello(game::Kind::Chess)), "this server hosts omok (renju, opening soosorv8) only");
  EXPECT_EQ(refusalOf(soosorv, hello({}, {}, 0, game::Opening::Taraguchi10)),
            "this server hosts omok (renju, opening soosorv8) only");

  Hosting chess;
  chess.kind = game::Kind::Chess;
  EXPECT_EQ(game::describe(setupOf(chess, hello())), "chess");
  EXPECT_EQ(refusalOf(chess, hello(game::Kind::Omok)), "this server hosts chess only");
}

TEST(Hosting, AnOpeningTheRuleDoesNotPlayIsRefusedInWords) {
  const Hosting all;
  EXPECT_EQ(refusalOf(all, hello({}, game::Rule::Renju, 0, game::Opening::Swap2)),
            "opening swap2 is not played under rule renju");
  Hosting bad;
  bad.rule = game::Rule::Renju;
  bad.opening = game::Opening::Swap1;
  EXPECT_EQ(bad.check(), "opening 'swap1' is not played under rule 'renju'");
  Hosting chessOpening;
  chessOpening.kind = game::Kind::Chess;
  chessOpening.opening = game::Opening::Swap2;
  EXPECT_EQ(chessOpening.check(), "chess has no opening rule");
  Hosting chessRule;
  chessRule.kind = game::Kind::Chess;
  chessRule.rule = game::Rule::Renju;
  EXPECT_EQ(chessRule.check(), "rule 'renju' is not a rule of chess");
}

// A private match's code names it: a hello that leaves fields at 0 joins
// whatever it plays; one that sets a field must match it.
TEST(Hosting, AHelloWantsAMatchWhenEveryFieldItSetsIsTheMatchs) {
  const MatchKind swap2{{game::Kind::Omok, game::Rule::Freestyle, 15, "", game::Opening::Swap2}, {300'000, 0}};
  EXPECT_TRUE(Hosting::wants(hello(), swap2));
  EXPECT_TRUE(Hosting::wants(hello(game::Kind::Omok, game::Rule::Freestyle), swap2));
  EXPECT_FALSE(Hosting::wants(hello(game::Kind::Chess), swap2));
  EXPECT_FALSE(Hosting::wants(hello({}, {}, 19), swap2));
  EXPECT_FALSE(Hosting::wants(hello({}, {}, 0, game::Opening::Swap1), swap2));
  EXPECT_TRUE(Hosting::wants(timed({300'000, 0}), swap2));
  EXPECT_FALSE(Hosting::wants(timed({300'000, 2'000}), swap2));
  EXPECT_FALSE(Hosting::wants(timed({}), swap2));  // untimed asked for
}

// The clock is part of the kind: a hello asks for one (or untimed), or gets
// the server's; --time narrows it to one.
TEST(Hosting, AHelloChoosesItsClockUnlessTheServerNarrowsIt) {
  const Hosting all;
  EXPECT_EQ(kindOf(all, hello()).time, game::TimeControl{});
  EXPECT_EQ(kindOf(all, timed({180'000, 2'000})).time, (game::TimeControl{180'000, 2'000}));
  EXPECT_EQ(kindOf(all, timed({})).time, game::TimeControl{});
  Hosting blitz;
  blitz.time = game::TimeControl{300'000, 3'000};
  EXPECT_EQ(blitz.describe(), "every game, 5+3");
  EXPECT_EQ(kindOf(blitz, hello()).time, (game::TimeControl{300'000, 3'000}));
  EXPECT_EQ(kindOf(blitz, timed({300'000, 3'000})).time, (game::TimeControl{300'000, 3'000}));
  EXPECT_EQ(refusalOf(blitz, timed({60'000, 0})), "this server hosts every game, 5+3 only");
  EXPECT_EQ(refusalOf(blitz, timed({})), "this server hosts every game, 5+3 only");
  Hosting chess;
  chess.kind = game::Kind::Chess;
  chess.time = game::TimeControl{};
  EXPECT_EQ(chess.describe(), "chess, untimed");
}

}  // namespace
}  // namespace server
