// Fuzz entries for the chess text parsers: FEN, SAN/UCI moves and PGN.
#include <algorithm>
#include <string>
#include <string_view>

#include "shared/chess/movegen.h"
#include "shared/chess/notation.h"
#include "shared/chess/pgn.h"
#include "shared/chess/pgn_file.h"
#include "tests/fuzz/check.h"
#include "tests/fuzz/entries.h"

namespace fuzz {
namespace {

std::string_view textOf(Bytes data) { return {reinterpret_cast<const char*>(data.data()), data.size()}; }

// A position written as FEN reads back as the same position, with the same
// hash key: the incrementally updated key of a played move included.
void checkFenRoundTrip(const chess::Position& pos) {
  const std::string fen = pos.fen();
  chess::Position again;
  std::string error;
  FUZZ_CHECK(again.setFen(fen, error), "its own FEN is rejected: " + fen + ": " + error);
  FUZZ_CHECK(again.fen() == fen, "FEN does not round-trip: " + fen);
  FUZZ_CHECK(again.key() == pos.key(), "hash key differs from the key of its FEN: " + fen);
}

}  // namespace

void chessFen(Bytes data) {
  chess::Position pos;
  const std::string initial = pos.fen();
  std::string error;
  if (!pos.setFen(textOf(data), error)) {
    FUZZ_CHECK(pos.fen() == initial, "a rejected FEN changed the position");
    FUZZ_CHECK(!error.empty(), "a rejected FEN without a reason");
    return;
  }
  checkFenRoundTrip(pos);
  for (const chess::Move m : chess::MoveList(pos)) {
    chess::Move back;
    const std::string san = chess::toSan(pos, m);
    FUZZ_CHECK(chess::parseSan(pos, san, back, error) && back == m, "SAN does not round-trip: " + san + " in " + pos.fen());
    const std::string uci = chess::toUci(m);
    FUZZ_CHECK(chess::parseUci(pos, uci, back, error) && back == m, "UCI does not round-trip: " + uci + " in " + pos.fen());
    chess::Position after = pos;
    after.play(m);
    checkFenRoundTrip(after);
  }
}

void chessMove(Bytes data) {
  std::string_view text = textOf(data);
  auto nextLine = [&text] {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    return line;
  };
  chess::Position start;
  std::string error;
  if (!start.setFen(nextLine(), error)) start = chess::Position();
  chess::Game game(start);
  for (int lines = 0; !text.empty() && lines < 300 && !game.over(); ++lines) {
    const std::string_view line = nextLine();
    chess::Move m;
    if (!chess::parseMove(game.position(), line, m, error)) {
      FUZZ_CHECK(!error.empty(), "a rejected move without a reason");
      continue;
    }
    FUZZ_CHECK(chess::MoveList(game.position()).contains(m), "an illegal move was parsed: " + std::string(line));
    FUZZ_CHECK(game.play(m), "a parsed move was refused: " + std::string(line));
  }
  checkFenRoundTrip(game.position());
}

// An imported game, exported with its own tags (less those the exporter
// derives from the game), imports again to the same start, moves and outcome.
void chessPgn(Bytes data) {
  chess::PgnGame game;
  std::string error;
  if (!chess::readPgn(textOf(data), game, error)) {
    FUZZ_CHECK(!error.empty(), "rejected PGN without a reason");
    return;
  }
  std::vector<chess::PgnTag> tags;
  for (const chess::PgnTag& tag : game.tags)
    if (tag.name != "Result" && tag.name != "SetUp" && tag.name != "FEN") tags.push_back(tag);
  const std::string exported = chess::writePgn(game.game, tags);
  chess::PgnGame again;
  FUZZ_CHECK(chess::readPgn(exported, again, error), "exported PGN does not import: " + error + "\n" + exported);
  FUZZ_CHECK(again.game.start().fen() == game.game.start().fen(), "start position changed:\n" + exported);
  FUZZ_CHECK(again.game.moves() == game.game.moves(), "moves changed:\n" + exported);
  FUZZ_CHECK(again.game.result().outcome == game.game.result().outcome, "outcome changed:\n" + exported);
}

// A file of games splits into pieces of itself, in order and apart, each
// starting on a line of the file; each piece reads as a game or is refused
// with a reason.
void chessPgnFile(Bytes data) {
  const std::string_view file = textOf(data);
  const std::vector<chess::PgnText> games = chess::splitPgnGames(file);
  const auto lines = 1 + std::count(file.begin(), file.end(), '\n') + std::count(file.begin(), file.end(), '\r');
  const char* end = file.data();
  int line = 1;
  for (const chess::PgnText& game : games) {
    FUZZ_CHECK(!game.text.empty(), "an empty game");
    FUZZ_CHECK(game.text.data() >= end && game.text.data() + game.text.size() <= file.data() + file.size(),
               "a game is not a piece of the file after the one before");
    FUZZ_CHECK(game.line >= line && game.line <= lines, "game line " + std::to_string(game.line) + " out of order");
    end = game.text.data() + game.text.size();
    line = game.line;
    chess::PgnGame read;
    std::string error;
    if (!chess::readPgn(game.text, read, error)) FUZZ_CHECK(!error.empty(), "rejected game without a reason");
  }
}

}  // namespace fuzz
