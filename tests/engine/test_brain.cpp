// A small Gomocup brain for the engine tests: it keeps a board, answers
// START, INFO, BEGIN, TURN, BOARD, SWAP2BOARD and END, and plays the empty
// point that makes its longest line through that point, nearest the centre
// on ties, so it wins against random moves and only ever plays legal
// freestyle and standard moves. Everything it receives is logged to stderr.
//
// SWAP2BOARD (gomocup_protocol.h): its stones are the empty points nearest
// the centre, in reading order on ties (on an empty 15x15 board 7,7 7,6 6,7,
// that is h8 h9 g8); its move 4 or 6 is its usual move as white. After three
// stones it puts two more (option 3), after five it takes white and plays
// move 6, unless --swap2 says otherwise.
//
//   test_brain                 plays, ending its lines with CR LF
//   test_brain --die-after N   plays N moves, then exits (status 3) instead of the next
//   test_brain --chatty        sends MESSAGE, DEBUG and ERROR lines before each move
//   test_brain --swap2 HOW     answers SWAP2BOARD after three or five stones with HOW:
//                              stay (one point: move 4 or 6 as white), swap (SWAP);
//                              or answers every SWAP2BOARD with HOW:
//                              unknown (UNKNOWN, as to any command it does not know,
//                              each stone line and DONE included), error (ERROR),
//                              taken (an occupied point), nonsense (a line that is no answer)
//   test_brain --line-end END  ends its lines with END: cr (a bare CR), crcrlf (CR CR LF,
//                              a Windows text-mode stream's CR LF)
// The flags combine.
#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

struct Brain {
  int size = 0;
  std::vector<int> board;  // [y * size + x]: 0 empty, 1 ours, 2 theirs

  int& at(int x, int y) { return board[static_cast<std::size_t>(y * size + x)]; }
  bool inside(int x, int y) const { return x >= 0 && y >= 0 && x < size && y < size; }

  // Our stones in a row through (x, y) along the longest of the four lines.
  int line(int x, int y) {
    int best = 0;
    for (const auto& [dx, dy] : {std::pair{1, 0}, std::pair{0, 1}, std::pair{1, 1}, std::pair{1, -1}}) {
      int run = 1;
      for (int sign : {1, -1})
        for (int cx = x + sign * dx, cy = y + sign * dy; inside(cx, cy) && at(cx, cy) == 1; cx += sign * dx, cy += sign * dy)
          ++run;
      best = std::max(best, run);
    }
    return best;
  }

  // The empty point nearest the centre, in reading order on ties, taken by `who`.
  std::string nearest(int who) {
    int bestX = -1, bestY = -1, bestDistance = 0;
    for (int y = 0; y < size; ++y)
      for (int x = 0; x < size; ++x) {
        const int distance = (2 * x - size + 1) * (2 * x - size + 1) + (2 * y - size + 1) * (2 * y - size + 1);
        if (at(x, y) == 0 && (bestX < 0 || distance < bestDistance)) bestX = x, bestY = y, bestDistance = distance;
      }
    at(bestX, bestY) = who;
    return std::to_string(bestX) + "," + std::to_string(bestY);
  }

  std::string play() {
    int bestX = -1, bestY = -1, bestLine = -1, bestDistance = 0;
    for (int y = 0; y < size; ++y)
      for (int x = 0; x < size; ++x) {
        if (at(x, y) != 0) continue;
        const int run = line(x, y);
        const int distance = (2 * x - size + 1) * (2 * x - size + 1) + (2 * y - size + 1) * (2 * y - size + 1);
        if (run > bestLine || (run == bestLine && distance < bestDistance)) {
          bestX = x, bestY = y, bestLine = run, bestDistance = distance;
        }
      }
    if (bestX < 0) return "ERROR the board is full";
    at(bestX, bestY) = 1;
    return std::to_string(bestX) + "," + std::to_string(bestY);
  }
};

const char* lineEnd = "\r\n";  // --line-end

void say(const std::string& line) { std::cout << line << lineEnd << std::flush; }

// The next line of input without its line end, logged.
bool readLine(std::string& line) {
  if (!std::getline(std::cin, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::cerr << "brain< " << line << '\n';
  return true;
}

// The answer to SWAP2BOARD, its stones read up to DONE. White's stones are
// its own (1): the move it plays by its usual choice is white's, 4 or 6.
std::string swap2(Brain& brain, const std::string& how) {
  brain.board.assign(brain.board.size(), 0);
  std::vector<std::string> stones;
  std::string line;
  while (readLine(line) && line != "DONE") {
    int x = 0, y = 0;
    std::sscanf(line.c_str(), "%d,%d", &x, &y);
    brain.at(x, y) = stones.size() % 2 == 0 ? 2 : 1;
    stones.push_back(line);
  }
  if (how == "error") return "ERROR SWAP2BOARD is not supported";
  if (how == "nonsense") return "thinking about it";
  if (how == "taken") return stones.empty() ? "7,7 7,7 8,8" : stones.front();
  if (!stones.empty() && how == "swap") return "SWAP";
  if (!stones.empty() && (how == "stay" || stones.size() == 5)) return brain.play();
  // One statement a stone: each takes the point nearest the centre left by the one before.
  std::string answer = brain.nearest(stones.empty() ? 2 : 1);
  if (stones.empty()) answer += " " + brain.nearest(1);
  answer += " " + brain.nearest(2);
  return answer;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef _WIN32
  _setmode(_fileno(stdout), _O_BINARY);  // our CR LF, not a text-mode CR CR LF
#endif
  int movesLeft = -1;  // -1: no end
  bool chatty = false;
  std::string how;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--chatty") {
      chatty = true;
      continue;
    }
    const std::string value = ++i < argc ? argv[i] : "";
    if (flag == "--die-after" && !value.empty()) {
      movesLeft = std::atoi(value.c_str());
    } else if (flag == "--swap2" && !value.empty()) {
      how = value;
    } else if (flag == "--line-end" && (value == "cr" || value == "crcrlf")) {
      lineEnd = value == "cr" ? "\r" : "\r\r\n";
    } else {
      // A test asking for what the brain cannot do must fail, not play on as if it could.
      std::cerr << "test_brain: no such flag: " << flag << " " << value << '\n';
      return 2;
    }
  }
  Brain brain;
  std::string line;
  auto move = [&] {
    if (movesLeft-- == 0) std::exit(3);
    if (chatty) {
      say("MESSAGE thinking");
      say("DEBUG nothing to see");
      say("ERROR not really an error");
    }
    say(brain.play());
  };
  while (readLine(line)) {
    std::istringstream words(line);
    std::string command;
    words >> command;
    if (command == "START") {
      words >> brain.size;
      if (brain.size < 5 || brain.size > 30) {
        say("ERROR unsupported size");
        continue;
      }
      brain.board.assign(static_cast<std::size_t>(brain.size * brain.size), 0);
      say("OK");
    } else if (command == "INFO") {
    } else if (command == "BEGIN") {
      move();
    } else if (command == "TURN") {
      int x = 0, y = 0;
      char comma = 0;
      words >> x >> comma >> y;
      brain.at(x, y) = 2;
      move();
    } else if (command == "BOARD") {
      brain.board.assign(brain.board.size(), 0);
      while (readLine(line)) {
        if (line == "DONE") break;
        int x = 0, y = 0, field = 0;
        std::sscanf(line.c_str(), "%d,%d,%d", &x, &y, &field);
        brain.at(x, y) = field;
      }
      move();
    } else if (command == "SWAP2BOARD" && how != "unknown") {
      say(swap2(brain, how));
    } else if (command == "END") {
      return 0;
    } else if (command == "ABOUT") {
      say("name=\"test_brain\", version=\"1\"");
    } else {
      say("UNKNOWN " + command);
    }
  }
}
