// The few words that say what to play on a server of every game.
#include <gtest/gtest.h>

#include "game_client/core/game_choice.h"

namespace client {
namespace {

Options parsed(std::string_view words) {
  Options options;
  std::string error;
  EXPECT_TRUE(parseGameChoice(words, options, error)) << words << ": " << error;
  return options;
}

std::string refusal(std::string_view words) {
  Options options;
  std::string error;
  EXPECT_FALSE(parseGameChoice(words, options, error)) << words;
  return error;
}

TEST(GameChoice, WordsNameTheGameRuleOpeningAndSizeInAnyOrder) {
  const Options none = parsed("");
  EXPECT_EQ(+none.game, 0);
  EXPECT_EQ(+none.rule, 0);
  const Options chess = parsed("chess");
  EXPECT_EQ(chess.game, static_cast<std::uint8_t>(game::Kind::Chess));
  const Options soosorv = parsed("soosorv8  renju");
  EXPECT_EQ(soosorv.game, static_cast<std::uint8_t>(game::Kind::Omok));
  EXPECT_EQ(soosorv.rule, static_cast<std::uint8_t>(game::Rule::Renju));
  EXPECT_EQ(soosorv.opening, game::Opening::Soosorv8);
  const Options swap2 = parsed("19 freestyle swap2");
  EXPECT_EQ(+swap2.boardSize, 19);
  EXPECT_EQ(swap2.rule, static_cast<std::uint8_t>(game::Rule::Freestyle));
  EXPECT_EQ(parsed("omok omok").rule, static_cast<std::uint8_t>(game::Rule::Omok));
  EXPECT_EQ(+parsed("omok").rule, 0);  // the game alone: the server's rule
}

TEST(GameChoice, WhatIsNoGameIsSaidInWords) {
  EXPECT_NE(refusal("checkers").find("'checkers' is not a game"), std::string::npos);
  EXPECT_NE(refusal("renju swap2").find("opening swap2 is not played under renju"), std::string::npos);
  EXPECT_NE(refusal("soosorv8").find("say the rule"), std::string::npos);
  EXPECT_NE(refusal("chess 19").find("chess has no board size"), std::string::npos);
  EXPECT_NE(refusal("chess renju").find("renju is not a rule of chess"), std::string::npos);
  EXPECT_NE(refusal("15 19").find("said twice"), std::string::npos);
}

TEST(GameChoice, DescribedAsItIsRead) {
  for (std::string_view words : {"", "chess", "omok", "renju soosorv8", "freestyle swap2 19", "omok omok"}) {
    const Options options = parsed(words);
    const Options again = parsed(describeGameChoice(options));
    EXPECT_EQ(again.game, options.game) << words;
    EXPECT_EQ(again.rule, options.rule) << words;
    EXPECT_EQ(again.opening, options.opening) << words;
    EXPECT_EQ(again.boardSize, options.boardSize) << words;
  }
  EXPECT_EQ(describeGameChoice(parsed("soosorv8 renju")), "renju soosorv8");
}

}  // namespace
}  // namespace client
