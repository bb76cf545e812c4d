#include "shared/record/reader.h"

#include <fstream>
#include <istream>
#include <nlohmann/json.hpp>

#include "shared/record/time.h"
#include "shared/record/writer.h"

namespace record {
namespace {

using nlohmann::json;

// Thrown inside the reader only, caught by read(): keeps each check one line.
struct Failure {
  std::string message;
};

[[noreturn]] void fail(std::string message) { throw Failure{std::move(message)}; }

const json& field(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) fail(std::string("missing field \"") + key + "\"");
  return *it;
}

std::string text(const json& object, const char* key) {
  const json& value = field(object, key);
  if (!value.is_string()) fail(std::string("field \"") + key + "\" is not a string");
  return value.get<std::string>();
}

std::int64_t integer(const json& object, const char* key, std::int64_t low, std::int64_t high) {
  const json& value = field(object, key);
  if (!value.is_number_integer()) fail(std::string("field \"") + key + "\" is not an integer");
  const auto n = value.get<std::int64_t>();
  if (n < low || n > high)
    fail(std::string("field \"") + key + "\" is " + std::to_string(n) + ", not in " + std::to_string(low) + ".." +
         std::to_string(high));
  return n;
}

std::string time(const json& object) {
  std::string t = text(object, "time");
  if (!parseIsoUtc(t)) fail("time \"" + t + "\" is not an ISO 8601 UTC time");
  return t;
}

game::Seat seat(const json& object, std::int64_t low) {
  return static_cast<game::Seat>(integer(object, "seat", low, 2));
}

template <typename T>
T named(const json& object, const char* key, std::optional<T> (*parse)(std::string_view)) {
  const std::string value = text(object, key);
  const auto parsed = parse(value);
  if (!parsed) fail(std::string("unknown ") + key + " \"" + value + "\"");
  return *parsed;
}

std::string statusText(game::Status s) {
  return std::string(game::name(s.result)) + " by " + std::string(game::name(s.reason));
}

// Endings the rules decide by themselves, as opposed to the players or the server.
bool decidedByTheBoard(game::EndReason r) {
  using enum game::EndReason;
  return r == FiveInARow || r == BoardFull || r == Checkmate || r == Stalemate || r == SeventyFiveMoveRule ||
         r == FivefoldRepetition || r == InsufficientMaterial;
}

// Whether the result can go with an ending decided off the board.
bool fitsReason(game::Status s) {
  using enum game::EndReason;
  const bool draw = s.result == game::Result::Draw;
  switch (s.reason) {
    case Agreement:
    case FiftyMoveRule:
    case ThreefoldRepetition: return draw;
    case Resignation:
    case OpponentLeft: return !draw;
    default: return true;  // time: a win, or a draw when the winner could not mate
  }
}

std::array<std::uint32_t, 2> clocks(const json& object) {
  const json& value = field(object, "clocks");
  if (!value.is_array() || value.size() != 2 || !value[0].is_number_unsigned() || !value[1].is_number_unsigned() ||
      value[0].get<std::uint64_t>() > UINT32_MAX || value[1].get<std::uint64_t>() > UINT32_MAX)
    fail("\"clocks\" is not a list of two times in milliseconds");
  return {value[0].get<std::uint32_t>(), value[1].get<std::uint32_t>()};
}

void readStart(const json& line, Record& record) {
  if (text(line, "type") != "start") fail("the first line is not a start line");
  record.format = static_cast<int>(integer(line, "format", 1, 1 << 20));
  if (record.format < kOldestFormat || record.format > kFormatVersion)
    fail("record format " + std::to_string(record.format) + " is not supported (this reader knows formats " +
         std::to_string(kOldestFormat) + " to " + std::to_string(kFormatVersion) + ")");
  record.matchId = static_cast<std::uint32_t>(integer(line, "match", 0, UINT32_MAX));
  record.setup.kind = named(line, "game", game::parseKind);
  record.setup.rule = named(line, "rule", game::parseRule);
  record.setup.boardSize = static_cast<int>(integer(line, "boardSize", 1, 64));
  if (record.setup.kind == game::Kind::Chess) {
    if (record.setup.boardSize != 8) fail("board size " + std::to_string(record.setup.boardSize) + " is not chess's 8");
    record.setup.fen = text(line, "startFen");
  }
  const json& players = field(line, "players");
  if (!players.is_array() || players.size() != 2) fail("\"players\" is not a list of two players");
  for (const json& player : players) {
    const auto s = seat(player, 1);
    (s == game::Seat::Player1 ? record.player1 : record.player2) = text(player, "name");
    if (player.contains("resume")) record.resume[s == game::Seat::Player1 ? 0 : 1] = text(player, "resume");
  }
  if (record.player1.empty() || record.player2.empty()) fail("\"players\" does not name both seats");
  if (line.contains("timeControl")) {
    const std::string tc = text(line, "timeControl");
    const auto parsed = game::parsePgnTimeControl(tc);
    if (!parsed) fail("time control \"" + tc + "\" is not SECONDS+SECONDS");
    record.timeControl = *parsed;
    record.clocks = {parsed->baseMs, parsed->baseMs};
  }
  if (line.contains("private")) record.code = text(line, "private");
  if (line.contains("opening")) record.setup.opening = named(line, "opening", game::parseOpening);
  record.startTime = time(line);
  std::string error;
  record.game = game::makeGame(record.setup, error);
  if (!record.game) fail(error);
}

void readMove(const json& line, int number, Record& record) {
  game::Game& g = *record.game;
  MoveLine move{number, static_cast<int>(integer(line, "ply", 1, 1 << 20)), seat(line, 1), time(line),
                text(line, "notation"), {}, {}, {}};
  if (g.status().over()) fail("move after the game ended");
  if (move.ply != g.moveCount() + 1)
    fail("ply " + std::to_string(move.ply) + " where ply " + std::to_string(g.moveCount() + 1) + " was due");
  if (move.seat != g.toMove())
    fail("seat " + std::to_string(static_cast<int>(move.seat)) + " moved on seat " +
         std::to_string(static_cast<int>(g.toMove())) + "'s turn");
  const bool chess = record.setup.kind == game::Kind::Chess;
  if (chess) move.uci = text(line, "uci");
  if (record.timeControl.timed()) move.clockMs = static_cast<std::uint32_t>(integer(line, "clock", 0, UINT32_MAX));
  // Chess is replayed from the unambiguous UCI; the SAN must then agree.
  const std::string& written = chess ? move.uci : move.notation;
  game::Move parsed;
  std::string error;
  // Engines may refuse an illegal move already when reading it.
  if (!g.parseMove(written, parsed, error)) fail("illegal move '" + written + "': " + error);
  const game::Played played = g.play(parsed);
  if (!played.accepted())
    fail("illegal move '" + written + "': " + (played.why.empty() ? std::string(game::describe(played.reject)) : played.why));
  if (played.notation != move.notation)
    fail("move '" + written + "' is written '" + move.notation + "' but is '" + played.notation + "'");
  move.move = parsed;
  if (move.clockMs) (*record.clocks)[move.seat == game::Seat::Player1 ? 0 : 1] = *move.clockMs;
  // Moving on declines what the opponent proposed, as the server does.
  if (record.drawOfferBy == game::opponent(move.seat)) record.drawOfferBy = game::Seat::None;
  if (record.takebackBy == game::opponent(move.seat)) record.takebackBy = game::Seat::None;
  record.moves.push_back(std::move(move));
}

// Takes moves back until the game has the line's count, as the server did.
void readTakeback(const json& line, int number, Record& record) {
  game::Game& g = *record.game;
  TakebackLine takeback{number, seat(line, 1), static_cast<int>(integer(line, "moves", 0, 1 << 20)), time(line), {}};
  if (g.status().over()) fail("take-back after the game ended");
  if (record.timeControl.timed() && line.contains("clocks")) record.clocks = clocks(line);
  if (takeback.moves >= g.moveCount())
    fail("take-back to " + std::to_string(takeback.moves) + " moves, but the game has " +
         std::to_string(g.moveCount()));
  while (g.moveCount() > takeback.moves) {
    if (!g.takeback()) fail("this game does not allow taking moves back");
    takeback.takenBack.insert(takeback.takenBack.begin(), std::move(record.moves.back()));
    record.moves.pop_back();
  }
  // The requester's own move goes back, so it is to move again.
  if (g.toMove() != takeback.seat)
    fail("seat " + std::to_string(static_cast<int>(takeback.seat)) + "'s take-back leaves seat " +
         std::to_string(static_cast<int>(g.toMove())) + " to move");
  record.takebacks.push_back(std::move(takeback));
  record.takebackBy = game::Seat::None;
}

bool isEvent(const json& line, std::string_view what) {
  const auto type = line.find("type");
  const auto event = line.find("event");
  return type != line.end() && *type == "event" && event != line.end() && *event == what;
}

// An event line; the proposals it makes or answers are followed.
void readEvent(const json& line, int number, Record& record) {
  EventLine event{number, text(line, "event"), seat(line, 0), time(line)};
  if (event.what == "draw-offer") record.drawOfferBy = event.seat;
  if (event.what == "draw-decline") record.drawOfferBy = game::Seat::None;
  if (event.what == "takeback-request") record.takebackBy = event.seat;
  if (event.what == "takeback-decline") record.takebackBy = game::Seat::None;
  if (record.timeControl.timed() && line.contains("clocks")) record.clocks = clocks(line);
  record.events.push_back(std::move(event));
}

void readDecision(const json& line, int number, Record& record) {
  game::Game& g = *record.game;
  DecisionLine decision{number, seat(line, 1), time(line), text(line, "decision"), {}, {}};
  if (g.status().over()) fail("decision after the game ended");
  if (decision.seat != g.toMove())
    fail("seat " + std::to_string(static_cast<int>(decision.seat)) + " decided on seat " +
         std::to_string(static_cast<int>(g.toMove())) + "'s turn");
  if (record.timeControl.timed()) decision.clockMs = static_cast<std::uint32_t>(integer(line, "clock", 0, UINT32_MAX));
  std::string error;
  if (!game::parseDecision(decision.notation, g, decision.decision, error))
    fail("decision '" + decision.notation + "': " + error);
  const game::Played played = g.decide(decision.decision);
  if (!played.accepted())
    fail("decision '" + decision.notation + "' refused: " +
         (played.why.empty() ? std::string(game::describe(played.reject)) : played.why));
  if (decision.clockMs) (*record.clocks)[decision.seat == game::Seat::Player1 ? 0 : 1] = *decision.clockMs;
  record.decisions.push_back(std::move(decision));
}

// The reason of an end line. Before format 3 a stopping server ended its
// games as a draw by "server-shutdown": that was no result, so such a game
// reads as adjourned.
game::Status endStatus(const json& line, int format) {
  if (format < 3 && text(line, "reason") == "server-shutdown") return {game::Result::Ongoing, game::EndReason::Adjourned};
  return {named(line, "result", game::parseResult), named(line, "reason", game::parseEndReason)};
}

void readEnd(const json& line, Record& record) {
  game::Game& g = *record.game;
  const game::Status status = endStatus(line, record.format);
  record.endTime = time(line);
  if (record.timeControl.timed()) {
    record.endClocks = clocks(line);
    record.clocks = record.endClocks;
  }
  const auto moves = integer(line, "moves", 0, 1 << 20);
  if (moves != g.moveCount())
    fail("the end line counts " + std::to_string(moves) + " moves, the record has " + std::to_string(g.moveCount()));
  if (status.reason == game::EndReason::Adjourned) {
    if (status.over() || g.status().over()) fail("the record says adjourned but the position is " + statusText(g.status()));
    record.adjourned = true;
    return;
  }
  if (g.status().over()) {
    if (status != g.status())
      fail("the record says " + statusText(status) + " but the position is " + statusText(g.status()));
  } else {
    if (!status.over() || status.reason == game::EndReason::None || decidedByTheBoard(status.reason))
      fail("the record says " + statusText(status) + " but the position is " + statusText(g.status()));
    if (!fitsReason(status)) fail("result " + statusText(status) + " is not possible");
    if ((status.reason == game::EndReason::FiftyMoveRule || status.reason == game::EndReason::ThreefoldRepetition) &&
        g.claimableDraw() != status.reason)
      fail("a draw by " + std::string(game::name(status.reason)) + " was not claimable in the final position");
    g.finish(status);
  }
  record.result = status;
}

}  // namespace

std::string LoadError::describe() const {
  return line > 0 ? "line " + std::to_string(line) + ": " + message : message;
}

std::variant<Record, LoadError> read(std::istream& in) {
  Record record;
  std::string content;
  int number = 0;
  bool ended = false;
  try {
    while (std::getline(in, content)) {
      ++number;
      const bool lastUnterminated = in.eof();  // getline hit the end before a newline
      if (!content.empty() && content.back() == '\r') content.pop_back();
      if (ended && content.empty() && !lastUnterminated) continue;
      const json line = json::parse(content, nullptr, false);
      if (line.is_discarded() || !line.is_object()) {
        if (lastUnterminated && number > 1) {
          record.truncated = true;  // the writer died mid-line; everything before it stands
          break;
        }
        fail(content.empty() ? "empty line" : ended ? "text after the end line" : "not a JSON object");
      }
      if (ended) {
        // Only an adjourned game goes on, and only with a resumed event.
        if (!record.adjourned || !isEvent(line, "resumed"))
          fail("text after the end line");
        ended = false;
        record.adjourned = false;
        record.endTime.clear();
        record.endClocks.reset();
      }
      if (number == 1) {
        readStart(line, record);
        continue;
      }
      const std::string type = text(line, "type");
      if (type == "move") {
        readMove(line, number, record);
      } else if (type == "decision") {
        readDecision(line, number, record);
      } else if (type == "event") {
        readEvent(line, number, record);
      } else if (type == "chat") {
        record.chat.push_back({number, seat(line, 0), text(line, "name"), text(line, "text"), time(line)});
      } else if (type == "takeback") {
        readTakeback(line, number, record);
      } else if (type == "end") {
        readEnd(line, record);
        ended = true;
      } else {
        fail("unknown line type \"" + type + "\"");
      }
    }
  } catch (const Failure& failure) {
    return LoadError{number, failure.message};
  }
  if (number == 0) return LoadError{0, "the record is empty"};
  return record;
}

std::variant<Record, LoadError> readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return LoadError{0, "cannot open " + file.string()};
  auto result = read(in);
  if (in.bad()) return LoadError{0, "cannot read " + file.string()};
  return result;
}

}  // namespace record
