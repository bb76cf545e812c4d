#include "shared/chess/pgn_file.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "shared/chess/pgn.h"

namespace chess {
namespace {

std::vector<std::string> texts(const std::vector<PgnText>& games) {
  std::vector<std::string> out;
  for (const PgnText& g : games) out.emplace_back(g.text);
  return out;
}

std::vector<int> lines(const std::vector<PgnText>& games) {
  std::vector<int> out;
  for (const PgnText& g : games) out.push_back(g.line);
  return out;
}

TEST(PgnFile, SplitsAfterEachResultWithTheLineEachStartsOn) {
  const std::string file =
      "[Event \"one\"]\n[Result \"1-0\"]\n\n1. e4 e5 2. Qh5 Nc6 3. Bc4 Nf6 4. Qxf7# 1-0\n\n"
      "[Event \"two\"]\n[Result \"1/2-1/2\"]\n\n1. d4 d5 1/2-1/2\n\n\n"
      "[Event \"three\"]\n\n1. c4 *\n";
  const auto games = splitPgnGames(file);
  EXPECT_EQ(texts(games), (std::vector<std::string>{
                              "[Event \"one\"]\n[Result \"1-0\"]\n\n1. e4 e5 2. Qh5 Nc6 3. Bc4 Nf6 4. Qxf7# 1-0",
                              "[Event \"two\"]\n[Result \"1/2-1/2\"]\n\n1. d4 d5 1/2-1/2",
                              "[Event \"three\"]\n\n1. c4 *"}));
  EXPECT_EQ(lines(games), (std::vector<int>{1, 6, 12}));
  for (const PgnText& g : games) {
    PgnGame game;
    std::string error;
    EXPECT_TRUE(readPgn(g.text, game, error, g.line)) << error;
  }
}

TEST(PgnFile, BracketsAndResultsInCommentsTagValuesAndEscapesAreNoBoundaries) {
  const std::string file =
      "% [Event \"escaped\"] 1-0\n"
      "[Event \"a ] tag { with ; brackets\"]\n"
      "[Annotator \"say \\\"1-0\\\" ]\"]\n"
      "\n"
      "1. e4 { a [bracket] and 1-0 and\n[Event \"not a tag\"] } e5 ; [Event \"nor this\"] 0-1\n"
      "2. Nf3 (2. f4 { 1/2-1/2 } exf4) 2... Nc6 $1 *\n"
      "[Event \"next\"]\n1. d4 *\n";
  const auto games = splitPgnGames(file);
  ASSERT_EQ(games.size(), 2u) << file;
  EXPECT_EQ(games[0].line, 2);
  EXPECT_EQ(games[1].line, 8);
  EXPECT_EQ(texts(games)[1], "[Event \"next\"]\n1. d4 *");
  PgnGame game;
  std::string error;
  ASSERT_TRUE(readPgn(games[0].text, game, error, games[0].line)) << error;
  EXPECT_EQ(game.game.moves().size(), 4u);
  EXPECT_EQ(*findTag(game.tags, "Event"), "a ] tag { with ; brackets");
}

TEST(PgnFile, ATagSectionAfterMovetextStartsTheNextGameWithoutAResult) {
  const auto games = splitPgnGames("[Event \"cut\"]\n1. e4 e5\n[Event \"next\"]\n1. d4 *\n1. c4 c5 *");
  EXPECT_EQ(texts(games),
            (std::vector<std::string>{"[Event \"cut\"]\n1. e4 e5\n", "[Event \"next\"]\n1. d4 *", "1. c4 c5 *"}));
  EXPECT_EQ(lines(games), (std::vector<int>{1, 3, 5}));
}

TEST(PgnFile, ByteOrderMarkAndWindowsLineEnds) {
  const auto games =
      splitPgnGames("\xEF\xBB\xBF[Event \"a\"]\r\n\r\n1. e4 *\r\n\r\n[Event \"b\"]\r\n\r\n1. d4 1-0\r\n");
  ASSERT_EQ(games.size(), 2u);
  EXPECT_EQ(texts(games)[0], "[Event \"a\"]\r\n\r\n1. e4 *");
  EXPECT_EQ(lines(games), (std::vector<int>{1, 5}));
}

TEST(PgnFile, NothingButBlanksAndCommentsIsNoGame) {
  EXPECT_TRUE(splitPgnGames("").empty());
  EXPECT_TRUE(splitPgnGames("\xEF\xBB\xBF \r\n\n").empty());
  EXPECT_TRUE(splitPgnGames("{ a file comment }\n; and a line\n% and an escape\n").empty());
  // A comment between games belongs to neither.
  EXPECT_EQ(texts(splitPgnGames("1. e4 * { between }\n1. d4 *")), (std::vector<std::string>{"1. e4 *", "1. d4 *"}));
}

TEST(PgnFile, AnUnclosedCommentRunsToTheEndAndReadPgnSaysWhere) {
  const auto games = splitPgnGames("[Event \"a\"]\n1. e4 *\n\n[Event \"b\"]\n1. e4 { never\nclosed 1-0\n");
  ASSERT_EQ(games.size(), 2u);
  PgnGame game;
  std::string error;
  EXPECT_FALSE(readPgn(games[1].text, game, error, games[1].line));
  EXPECT_EQ(error, "line 5: comment never closed with '}'");
}

}  // namespace
}  // namespace chess
