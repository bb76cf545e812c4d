#include "shared/chess/pgn.h"

#include <cctype>
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

const std::string* findTag(const std::vector<PgnTag>& tags, std::string_view name) {
  for (const PgnTag& t : tags)
    if (t.name == name) return &t.value;
  return nullptr;
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
  explicit Reader(std::string_view text) : text_(text) {}

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
  int line_ = 1;
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

// Skips a {comment}, a ;comment or a (variation), nested variations included.
bool skipAside(Reader& r, std::string& error) {
  const int startLine = r.line();
  const char open = r.get();
  if (open == ';') {
    while (!r.atEnd() && r.peek() != '\n') r.get();
    return true;
  }
  if (open == '{') {
    while (!r.atEnd())
      if (r.get() == '}') return true;
    error = "line " + std::to_string(startLine) + ": comment never closed with '}'";
    return false;
  }
  int depth = 1;  // '('
  while (!r.atEnd()) {
    const char c = r.peek();
    if (c == '{' || c == ';') {
      if (!skipAside(r, error)) return false;
      continue;
    }
    r.get();
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return true;
  }
  error = "line " + std::to_string(startLine) + ": variation never closed with ')'";
  return false;
}

}  // namespace

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

bool readPgn(std::string_view text, PgnGame& out, std::string& error) {
  constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";  // some editors start files with it
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  Reader r(text);
  std::vector<PgnTag> tags;

  r.skipSpace();
  while (!r.atEnd() && r.peek() == '[') {
    PgnTag tag;
    if (!readTag(r, tag, error)) return false;
    tags.push_back(std::move(tag));
    r.skipSpace();
  }

  Position start;
  if (const std::string* fen = findTag(tags, "FEN")) {
    if (std::string why; !start.setFen(*fen, why)) {
      error = "FEN tag: " + why;
      return false;
    }
  }
  Game game(start);

  std::string_view result;
  while (true) {
    r.skipSpace();
    if (r.atEnd()) break;
    const char c = r.peek();
    if (c == '{' || c == ';' || c == '(') {
      if (!skipAside(r, error)) return false;
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
  return true;
}

}  // namespace chess
