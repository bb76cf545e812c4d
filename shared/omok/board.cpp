#include "shared/omok/board.h"

namespace omok {

Board::Board(int size) : size_(isSupportedSize(size) ? size : 15) {
  cells_.fill(Stone::Wall);
  for (int row = 0; row < size_; ++row)
    for (int col = 0; col < size_; ++col)
      cells_[cell(Point{static_cast<std::int8_t>(col), static_cast<std::int8_t>(row)})] = Stone::Empty;
}

bool parseBoard(std::string_view text, int size, Board& out, std::string& error) {
  if (!isSupportedSize(size)) {
    error = "unsupported board size " + std::to_string(size) + " (15 or 19)";
    return false;
  }
  Board board(size);
  int line = 0;  // lines read so far, counting from the top
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(pos, end - pos);
    pos = end + 1;
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    if (content.find_first_not_of(" \t") == std::string_view::npos) {
      if (line == 0 || line == size) continue;  // blank lines around the board
      error = "line " + std::to_string(line + 1) + ": blank line inside the board";
      return false;
    }
    if (line == size) {
      error = "line " + std::to_string(line + 1) + ": more than " + std::to_string(size) + " rows";
      return false;
    }
    const int row = size - 1 - line;
    int col = 0;
    for (std::size_t i = 0; i < content.size(); ++i) {
      const char c = content[i];
      if (c == ' ' || c == '\t') continue;
      Stone s;
      switch (c) {
        case '.': s = Stone::Empty; break;
        case 'X': s = Stone::Black; break;
        case 'O': s = Stone::White; break;
        default: {
          error = "line " + std::to_string(line + 1) + ", character " + std::to_string(i + 1) + ": unexpected ";
          if (c >= 0x20 && c < 0x7f) {
            error += '\'';
            error += c;
            error += '\'';
          } else {
            error += "byte " + std::to_string(static_cast<unsigned char>(c));
          }
          error += " (cells are '.', 'X' or 'O')";
          return false;
        }
      }
      if (col == size) {
        error = "line " + std::to_string(line + 1) + ": more than " + std::to_string(size) + " cells";
        return false;
      }
      if (s != Stone::Empty)
        board.put(Board::cell(Point{static_cast<std::int8_t>(col), static_cast<std::int8_t>(row)}), s);
      ++col;
    }
    if (col < size) {
      error = "line " + std::to_string(line + 1) + ": " + std::to_string(col) + " cells, expected " +
              std::to_string(size);
      return false;
    }
    ++line;
  }
  if (line < size) {
    error = "the board has " + std::to_string(line) + " rows, expected " + std::to_string(size);
    return false;
  }
  out = board;
  return true;
}

std::string formatBoard(const Board& board) {
  std::string s;
  const int n = board.size();
  s.reserve(static_cast<std::size_t>(n * n * 2));
  for (int row = n - 1; row >= 0; --row) {
    for (int col = 0; col < n; ++col) {
      const Stone st = board.at(Point{static_cast<std::int8_t>(col), static_cast<std::int8_t>(row)});
      if (col > 0) s += ' ';
      s += st == Stone::Black ? 'X' : st == Stone::White ? 'O' : '.';
    }
    s += '\n';
  }
  return s;
}

}  // namespace omok
