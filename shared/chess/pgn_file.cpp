#include "shared/chess/pgn_file.h"

#include <cctype>
#include <string>

namespace chess {

namespace {

bool isResult(std::string_view s) { return s == "1-0" || s == "0-1" || s == "1/2-1/2" || s == "*"; }

// What ends a symbol in readPgn's movetext (pgn.cpp's Reader::symbol).
bool endsSymbol(char c) {
  constexpr std::string_view kDelimiters = "{}()[];$\"";
  return std::isspace(static_cast<unsigned char>(c)) || kDelimiters.find(c) != std::string_view::npos;
}

// Scans the file once, the way readPgn reads a game, only far enough to see
// where games begin and end.
class Splitter {
 public:
  explicit Splitter(std::string_view file) : file_(file) {}

  std::vector<PgnText> games() {
    while (i_ < file_.size()) step();
    if (start_ != std::string_view::npos) end(file_.size());
    return std::move(games_);
  }

 private:
  void step() {
    const char c = file_[i_];
    if (c == '%' && (i_ == 0 || file_[i_ - 1] == '\n')) return skipLine();  // an escaped line
    if (c == ';') return skipLine();
    if (c == '{') return skipPast('}');
    if (std::isspace(static_cast<unsigned char>(c))) return advance();
    if (c == '[') {
      // A tag section after movetext is the next game, its result left out.
      if (start_ != std::string_view::npos && movetext_) end(i_);
      begin();
      return skipTag();
    }
    begin();
    movetext_ = true;
    if (c == '(' || c == ')') {
      depth_ += c == '(' ? 1 : depth_ > 0 ? -1 : 0;
      return advance();
    }
    const std::size_t from = i_;
    while (i_ < file_.size() && !endsSymbol(file_[i_])) advance();
    if (i_ == from) advance();  // a character of its own: '$', '"', '}' or ']'
    if (depth_ == 0 && isResult(file_.substr(from, i_ - from))) end(i_);
  }

  void advance() {
    if (file_[i_++] == '\n') ++line_;
  }
  void skipLine() {
    while (i_ < file_.size() && file_[i_] != '\n') advance();
  }
  void skipPast(char close) {
    while (i_ < file_.size() && file_[i_] != close) advance();
    if (i_ < file_.size()) advance();
  }
  // A tag pair ends at its ']' outside the quoted value, or at the line's end
  // (readPgn says what is wrong with it).
  void skipTag() {
    advance();  // '['
    bool quoted = false;
    while (i_ < file_.size() && file_[i_] != '\n') {
      const char c = file_[i_];
      advance();
      if (quoted && c == '\\' && i_ < file_.size() && file_[i_] != '\n') advance();
      else if (c == '"') quoted = !quoted;
      else if (c == ']' && !quoted) return;
    }
  }

  void begin() {
    if (start_ != std::string_view::npos) return;
    start_ = i_;
    startLine_ = line_;
    movetext_ = false;
    depth_ = 0;
  }
  void end(std::size_t stop) {
    games_.push_back({file_.substr(start_, stop - start_), startLine_});
    start_ = std::string_view::npos;
  }

  std::string_view file_;
  std::size_t i_ = 0;
  int line_ = 1;
  std::size_t start_ = std::string_view::npos;  // where the current game began; npos between games
  int startLine_ = 0;
  bool movetext_ = false;  // the current game has more than tags
  int depth_ = 0;          // variations open
  std::vector<PgnText> games_;
};

}  // namespace

std::vector<PgnText> splitPgnGames(std::string_view file) {
  constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  if (file.substr(0, kUtf8Bom.size()) == kUtf8Bom) file.remove_prefix(kUtf8Bom.size());
  return Splitter(file).games();
}

}  // namespace chess
