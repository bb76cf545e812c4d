#include "shared/chess/pgn.h"

#include <cctype>
#include <chrono>
#include <optional>
#include <utility>

#include "shared/chess/notation.h"

namespace chess {

namespace {

constexpr std::string_view kRoster[] = {"Event", "Site", "Date", "Round", "White", "Black", "Result"};
constexpr std::size_t kLineWidth = 79;  // PGN export format: lines of at most 79 characters

std::string escape(std::string_view value) {
  std::string s;
  for (const char c : value) {
    if (c == '"' || c == '\\') s += '\\';
    s += c;
  }
  return s;
}

Outcome parseResult(std::string_view s) {
  if (s == "1-0") return Outcome::WhiteWins;
  if (s == "0-1") return Outcome::BlackWins;
  if (s == "1/2-1/2") return Outcome::Draw;
  return Outcome::Ongoing;
}

bool isResult(std::string_view s) { return s == "1-0" || s == "0-1" || s == "1/2-1/2" || s == "*"; }

// Movetext and tag pairs, read front to back with the line kept for errors.
class Reader {
 public:
  Reader(std::string_view text, int firstLine) : text_(text), line_(firstLine) {}

  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  char get() {
    const char c = text_[pos_++];
    if (c == '\n') ++line_;
    return c;
  }
  int line() const { return line_; }

  void skipSpace() {
    while (!atEnd()) {
      const char c = peek();
      // "%" in the first column escapes the whole line.
      if (c == '%' && (pos_ == 0 || text_[pos_ - 1] == '\n')) {
        while (!atEnd() && peek() != '\n') get();
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        get();
      } else {
        return;
      }
    }
  }

  // A run of symbol characters: SAN, move numbers, results.
  std::string_view symbol() {
    const std::size_t start = pos_;
    while (!atEnd()) {
      const char c = peek();
      if (std::isspace(static_cast<unsigned char>(c)) || c == '{' || c == '}' || c == '(' || c == ')' || c == '[' ||
          c == ']' || c == ';' || c == '$' || c == '"')
        break;
      get();
    }
    return text_.substr(start, pos_ - start);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int line_;
};

bool fail(std::string& error, int line, const std::string& what) {
  error = "line " + std::to_string(line) + ": " + what;
  return false;
}

bool fail(std::string& error, const Reader& r, const std::string& what) { return fail(error, r.line(), what); }

// A tag pair sits on one line: errors name the line it starts on.
bool readTag(Reader& r, PgnTag& tag, std::string& error) {
  const int line = r.line();
  r.get();  // '['
  r.skipSpace();
  while (!r.atEnd() && (std::isalnum(static_cast<unsigned char>(r.peek())) || r.peek() == '_')) tag.name += r.get();
  if (tag.name.empty()) return fail(error, line, "tag without a name");
  r.skipSpace();
  if (r.atEnd() || r.get() != '"') return fail(error, line, "tag " + tag.name + ": value must be in double quotes");
  while (true) {
    if (r.atEnd() || r.peek() == '\n') return fail(error, line, "tag " + tag.name + ": unterminated value");
    char c = r.get();
    if (c == '"') break;
    // An escaped line break would take the value past its line.
    if (c == '\\' && !r.atEnd() && r.peek() != '\n') c = r.get();
    tag.value += c;
  }
  r.skipSpace();
  if (r.atEnd() || r.get() != ']') return fail(error, line, "tag " + tag.name + ": missing ']'");
  return true;
}

// Reads a {comment} or a ;comment (to the end of its line) into `body`.
bool readComment(Reader& r, std::string& body, std::string& error) {
  const int startLine = r.line();
  if (r.get() == ';') {
    while (!r.atEnd() && r.peek() != '\n') body += r.get();
    return true;
  }
  while (!r.atEnd()) {
    const char c = r.get();
    if (c == '}') return true;
    body += c;
  }
  return fail(error, startLine, "comment never closed with '}'");
}

// Skips a (variation), nested variations and comments included.
bool skipVariation(Reader& r, std::string& error) {
  const int startLine = r.line();
  r.get();  // '('
  int depth = 1;
  while (!r.atEnd()) {
    const char c = r.peek();
    if (c == '{' || c == ';') {
      if (std::string ignored; !readComment(r, ignored, error)) return false;
      continue;
    }
    r.get();
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return true;
  }
  return fail(error, startLine, "variation never closed with ')'");
}

// The clock of a "[%clk H:MM:SS]" or "[%clk H:MM:SS.f]" command in `comment`
// (the PGN specification supplement's; lichess writes whole seconds,
// chess.com tenths) into `clock`, left as it is without one. False, with
// why, for a malformed one.
bool readClock(std::string_view comment, std::optional<std::chrono::milliseconds>& clock, std::string& why) {
  constexpr std::string_view kCommand = "[%clk";
  const std::size_t at = comment.find(kCommand);
  if (at == std::string_view::npos) return true;
  const std::size_t close = comment.find(']', at);
  why = "clock '" + std::string(comment.substr(at, close == std::string_view::npos ? close : close + 1 - at)) +
        "' is not [%clk H:MM:SS]";
  if (close == std::string_view::npos) return false;
  const std::string_view v = comment.substr(at + kCommand.size(), close - at - kCommand.size());
  std::size_t i = v.find_first_not_of(' ');
  if (i == std::string_view::npos) return false;
  // At most `most` digits from i; -1 for none.
  auto number = [&](std::size_t most) {
    const std::size_t begin = i;
    long long value = 0;
    while (i < v.size() && i - begin < most && std::isdigit(static_cast<unsigned char>(v[i])))
      value = value * 10 + (v[i++] - '0');
    return i == begin ? -1 : value;
  };
  auto next = [&](char c) { return i < v.size() && v[i] == c && ++i; };
  const long long hours = number(4);
  const long long minutes = next(':') ? number(2) : -1;
  const long long seconds = next(':') ? number(2) : -1;
  long long ms = 0;
  if (next('.')) {
    const std::size_t begin = i;
    const long long fraction = number(3);
    ms = fraction < 0 ? -1 : fraction * (i - begin == 1 ? 100 : i - begin == 2 ? 10 : 1);
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i;  // below a millisecond
  }
  while (i < v.size() && v[i] == ' ') ++i;
  if (hours < 0 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || ms < 0 || i != v.size())
    return false;
  clock = std::chrono::milliseconds(((hours * 60 + minutes) * 60 + seconds) * 1000 + ms);
  return true;
}

// Tag pairs up to the movetext, with the line each is on.
bool readTags(Reader& r, std::vector<PgnTag>& tags, std::vector<int>& lines, std::string& error) {
  r.skipSpace();
  while (!r.atEnd() && r.peek() == '[') {
    PgnTag tag;
    lines.push_back(r.line());
    if (!readTag(r, tag, error)) return false;
    tags.push_back(std::move(tag));
    r.skipSpace();
  }
  return true;
}

std::string_view withoutBom(std::string_view text) {
  constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";  // some editors start files with it
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  return text;
}

}  // namespace

const std::string* findTag(const std::vector<PgnTag>& tags, std::string_view name) {
  for (const PgnTag& t : tags)
    if (t.name == name) return &t.value;
  return nullptr;
}

std::string_view resultText(Outcome outcome) {
  switch (outcome) {
    case Outcome::WhiteWins: return "1-0";
    case Outcome::BlackWins: return "0-1";
    case Outcome::Draw: return "1/2-1/2";
    case Outcome::Ongoing: break;
  }
  return "*";
}

std::string writePgn(const Game& game, const std::vector<PgnTag>& tags, const std::vector<std::string>& comments) {
  const std::string_view result = resultText(game.result().outcome);
  std::string out;
  auto tag = [&](std::string_view name, std::string_view value) {
    out += '[';
    out += name;
    out += " \"";
    out += escape(value);
    out += "\"]\n";
  };
  for (const std::string_view name : kRoster) {
    const std::string* value = findTag(tags, name);
    if (name == "Result") tag(name, result);
    else if (value) tag(name, *value);
    else tag(name, name == "Date" ? "????.??.??" : "?");
  }
  const bool setUp = game.start().fen() != kStartFen;
  if (setUp) {
    tag("SetUp", "1");
    tag("FEN", game.start().fen());
  }
  for (const PgnTag& t : tags) {
    bool reserved = t.name == "SetUp" || t.name == "FEN";
    for (const std::string_view name : kRoster) reserved |= t.name == name;
    if (!reserved) tag(t.name, t.value);
  }
  out += '\n';

  std::string line;
  auto word = [&](std::string_view w) {
    if (!line.empty() && line.size() + 1 + w.size() > kLineWidth) {
      out += line;
      out += '\n';
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += w;
  };
  Position pos = game.start();
  bool numberBlack = true;  // black's move needs its number first, and after a comment
  std::size_t ply = 0;
  for (const Move m : game.moves()) {
    // A move number stays on the line of its move.
    std::string number;
    if (pos.sideToMove() == White) number = std::to_string(pos.fullmoveNumber()) + ". ";
    else if (numberBlack) number = std::to_string(pos.fullmoveNumber()) + "... ";
    word(number + toSan(pos, m));
    pos.play(m);
    numberBlack = false;
    if (ply < comments.size() && !comments[ply].empty()) {
      word("{" + comments[ply] + "}");
      numberBlack = true;
    }
    ++ply;
  }
  word(result);
  out += line;
  out += '\n';
  return out;
}

bool readPgnTags(std::string_view text, std::vector<PgnTag>& out, std::string& error, int firstLine) {
  Reader r(withoutBom(text), firstLine);
  std::vector<PgnTag> tags;
  std::vector<int> lines;
  if (!readTags(r, tags, lines, error)) return false;
  out = std::move(tags);
  return true;
}

bool readPgn(std::string_view text, PgnGame& out, std::string& error, int firstLine) {
  Reader r(withoutBom(text), firstLine);
  std::vector<PgnTag> tags;
  std::vector<int> lines;
  if (!readTags(r, tags, lines, error)) return false;
  Position start;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const PgnTag& tag = tags[i];
    // Lichess and chess.com name the variant; "From Position" is standard chess from a FEN tag.
    if (tag.name == "Variant" && tag.value != "Standard" && tag.value != "From Position")
      return fail(error, lines[i], "variant '" + tag.value + "' is not played here (standard chess only)");
    if (std::string why; tag.name == "FEN" && !start.setFen(tag.value, why))
      return fail(error, lines[i], "FEN tag: " + why);
  }
  Game game(start);
  std::vector<std::optional<std::chrono::milliseconds>> clocks;

  std::string_view result;
  while (true) {
    r.skipSpace();
    if (r.atEnd()) break;
    const char c = r.peek();
    if (c == '(') {
      if (!skipVariation(r, error)) return false;
      continue;
    }
    if (c == '{' || c == ';') {
      // A comment follows the move it is about; one before the first move is about the game.
      const int line = r.line();
      std::string body, why;
      if (!readComment(r, body, error)) return false;
      if (!clocks.empty() && !readClock(body, clocks.back(), why)) return fail(error, line, why);
      continue;
    }
    if (c == '$') {  // numeric annotation glyph
      r.get();
      if (r.symbol().find_first_not_of("0123456789") != std::string_view::npos)
        return fail(error, r, "a NAG is '$' and a number");
      continue;
    }
    if (c == '[') return fail(error, r, "tag pair inside the movetext (only one game is read)");
    std::string_view token = r.symbol();
    if (token.empty()) return fail(error, r, std::string("unexpected '") + r.get() + "'");
    if (isResult(token)) {
      result = token;
      break;
    }
    // Move numbers ("12." or "12...") may stick to the move ("12.Nf3").
    const std::size_t digits = token.find_first_not_of("0123456789");
    if (digits != std::string_view::npos && digits > 0 && token[digits] == '.') token.remove_prefix(digits);
    if (digits == std::string_view::npos)
      return fail(error, r, "move number '" + std::string(token) + "' without a '.'");
    while (!token.empty() && token.front() == '.') token.remove_prefix(1);
    if (token.empty() || token.find_first_not_of("!?") == std::string_view::npos) continue;

    const Position& pos = game.position();
    const std::string moveName = std::to_string(pos.fullmoveNumber()) + (pos.sideToMove() == White ? ". " : "... ");
    if (game.over()) return fail(error, r, moveName + std::string(token) + ": the game is already over");
    Move m;
    std::string why;
    if (!parseSan(pos, token, m, why)) return fail(error, r, moveName + why);
    game.play(m);
    clocks.emplace_back();
  }

  r.skipSpace();
  if (!r.atEnd()) return fail(error, r, "text after the result (only one game is read)");

  const std::string* tagResult = findTag(tags, "Result");
  if (result.empty()) result = tagResult && isResult(*tagResult) ? std::string_view(*tagResult) : "*";
  else if (tagResult && *tagResult != result)
    return fail(error, r, "result " + std::string(result) + " differs from the Result tag " + *tagResult);

  const Outcome outcome = parseResult(result);
  if (game.over() && outcome != Outcome::Ongoing && outcome != game.result().outcome)
    return fail(error, r,
                "result " + std::string(result) + " contradicts the final position (" +
                    std::string(resultText(game.result().outcome)) + ")");
  game.finish(outcome);
  out.tags = std::move(tags);
  out.game = std::move(game);
  out.clocks = std::move(clocks);
  return true;
}

}  // namespace chess
