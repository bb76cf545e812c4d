#include "shared/record/pgn_game.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <string>

#include "shared/chess/notation.h"
#include "shared/chess/pgn_file.h"
#include "shared/game/clock.h"

namespace record {
namespace {

// chess::readPgn's "line 12: 7. Nd5: no knight can move to d5" as a LoadError.
LoadError pgnError(const std::string& error) {
  constexpr std::string_view kLine = "line ";
  const std::size_t colon = error.find(": ");
  int line = 0;
  if (error.starts_with(kLine) && colon != std::string::npos &&
      std::from_chars(error.data() + kLine.size(), error.data() + colon, line).ptr == error.data() + colon)
    return {line, error.substr(colon + 2)};
  return {0, error};
}

std::string tagValue(const std::vector<chess::PgnTag>& tags, std::string_view name) {
  const std::string* value = chess::findTag(tags, name);
  return value ? *value : std::string();
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool known(const std::string& value) { return !value.empty() && value != "?" && value != "????.??.??"; }

// The TimeControl tag's "180+2", or chess.com's "600" without an increment;
// untimed for "-", "?", a missing tag and the forms our clock does not have
// (moves per period, hourglass).
game::TimeControl timeControl(const std::vector<chess::PgnTag>& tags) {
  std::string text = tagValue(tags, "TimeControl");
  if (!text.empty() && text.find_first_not_of("0123456789.") == std::string::npos) text += "+0";
  return game::parsePgnTimeControl(text).value_or(game::TimeControl{});
}

// Why a game decided off the board was won, from the Termination tag in
// lichess's words ("Time forfeit", "Abandoned", "Normal") or chess.com's
// ("bob won on time", "alice won - game abandoned", "alice won by resignation").
game::EndReason wonBy(const std::vector<chess::PgnTag>& tags) {
  const std::string words = lowercase(tagValue(tags, "Termination"));
  if (words.find("time") != std::string::npos) return game::EndReason::Timeout;
  if (words.find("abandon") != std::string::npos) return game::EndReason::OpponentLeft;
  return game::EndReason::Resignation;
}

game::Result toResult(chess::Outcome outcome) {
  switch (outcome) {
    case chess::Outcome::WhiteWins: return game::Result::Player1Wins;
    case chess::Outcome::BlackWins: return game::Result::Player2Wins;
    case chess::Outcome::Draw: return game::Result::Draw;
    case chess::Outcome::Ongoing: break;
  }
  return game::Result::Ongoing;
}

// The PGN game replayed through game::Game, as the record reader replays a record.
std::variant<Record, LoadError> toRecord(const chess::PgnGame& pgn) {
  Record record;
  record.setup = {game::Kind::Chess, game::Rule::Fide, 8, pgn.game.start().fen()};
  // "?" is PGN's own word for a name not known.
  record.player1 = known(tagValue(pgn.tags, "White")) ? tagValue(pgn.tags, "White") : "?";
  record.player2 = known(tagValue(pgn.tags, "Black")) ? tagValue(pgn.tags, "Black") : "?";
  std::string error;
  record.game = game::makeGame(record.setup, error);
  if (!record.game) return LoadError{0, "bad start position: " + error};

  const bool clocked = std::any_of(pgn.clocks.begin(), pgn.clocks.end(), [](const auto& c) { return c.has_value(); });
  const game::TimeControl control = timeControl(pgn.tags);
  if (clocked && control.timed()) record.timeControl = control;
  std::array<std::uint32_t, 2> left{control.baseMs, control.baseMs};  // each side's time before its next move
  for (std::size_t i = 0; i < pgn.game.moves().size(); ++i) {
    MoveLine line;
    line.ply = static_cast<int>(i) + 1;
    line.seat = record.game->toMove();
    line.uci = chess::toUci(pgn.game.moves()[i]);
    game::Played played;
    if (!record.game->parseMove(line.uci, line.move, error) || !(played = record.game->play(line.move)).accepted())
      return LoadError{0, "move " + std::to_string(line.ply) + " '" + line.uci + "' cannot be replayed: " + error};
    line.notation = played.notation;
    if (record.timeControl.timed()) {
      std::uint32_t& mine = left[line.seat == game::Seat::Player1 ? 0 : 1];
      if (pgn.clocks[i]) mine = static_cast<std::uint32_t>(std::min<long long>(pgn.clocks[i]->count(), UINT32_MAX));
      line.clockMs = mine;
    }
    record.moves.push_back(std::move(line));
  }

  // A draw the final position lets the side to move claim is that claim (lichess and chess.com draw a threefold
  // repetition themselves), any other was agreed; a win off the board is what the Termination tag says.
  const chess::Result result = pgn.game.result();
  if (result.termination == chess::Termination::Decision) {
    const game::Result decided = toResult(result.outcome);
    const game::EndReason claim = record.game->claimableDraw();
    record.game->finish({decided, decided != game::Result::Draw  ? wonBy(pgn.tags)
                                  : claim != game::EndReason::None ? claim
                                                                    : game::EndReason::Agreement});
  }
  if (record.game->status().over()) record.result = record.game->status();
  if (record.timeControl.timed()) {
    // Who lost on time was to move, and its flag stood at zero.
    if (record.result && record.result->reason == game::EndReason::Timeout && !record.moves.empty())
      left[record.moves.back().seat == game::Seat::Player1 ? 1 : 0] = 0;
    record.clocks = left;
    if (record.result) record.endClocks = left;
  }
  return record;
}

}  // namespace

bool isPgn(const std::filesystem::path& file, std::string_view head) {
  if (lowercase(file.extension().string()) == ".pgn") return true;
  constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  if (head.starts_with(kUtf8Bom)) head.remove_prefix(kUtf8Bom.size());
  const std::size_t first = head.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos &&
         (head[first] == '[' || head[first] == '%' || std::isdigit(static_cast<unsigned char>(head[first])));
}

std::variant<PgnGame, LoadError> readPgnGame(std::string_view text, int number) {
  const std::vector<chess::PgnText> games = chess::splitPgnGames(text);
  const int count = static_cast<int>(games.size());
  if (count == 0) return LoadError{0, "no game in the file"};
  if (number < 1 || number > count)
    return LoadError{0, "there is no game " + std::to_string(number) + ": the file holds " + std::to_string(count) +
                            (count == 1 ? " game" : " games")};
  const chess::PgnText& game = games[static_cast<std::size_t>(number - 1)];
  chess::PgnGame pgn;
  std::string error;
  if (!chess::readPgn(game.text, pgn, error, game.line)) return pgnError(error);
  auto record = toRecord(pgn);
  if (auto* failed = std::get_if<LoadError>(&record)) return std::move(*failed);
  return PgnGame{std::move(std::get<Record>(record)), std::move(pgn.tags), number, count};
}

std::variant<PgnSummary, LoadError> readPgnSummary(std::string_view text) {
  const std::vector<chess::PgnText> games = chess::splitPgnGames(text);
  if (games.empty()) return LoadError{0, "no game in the file"};
  PgnSummary summary;
  summary.count = static_cast<int>(games.size());
  if (std::string error; !chess::readPgnTags(games.front().text, summary.tags, error, games.front().line))
    return pgnError(error);
  return summary;
}

std::string describePgnGame(const std::vector<chess::PgnTag>& tags) {
  const auto name = [&](std::string_view tag) {
    const std::string value = tagValue(tags, tag);
    return known(value) ? value : std::string("?");
  };
  std::string out = name("White") + " – " + name("Black");
  for (const std::string_view tag : {"Event", "Date"})
    if (const std::string value = tagValue(tags, tag); known(value)) out += ", " + value;
  return out;
}

}  // namespace record
