#include "game_client/engine/gomocup_protocol.h"

#include <cassert>
#include <charconv>
#include <sstream>

#include "game_client/engine/words.h"

namespace engine::gomocup {

namespace {

// A whole number with optional spaces around it.
std::optional<int> number(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string format(Coord c) { return std::to_string(c.x) + "," + std::to_string(c.y); }

std::optional<Coord> parseMove(std::string_view line, int size) {
  const auto comma = line.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  const std::optional<int> x = number(line.substr(0, comma));
  const std::optional<int> y = number(line.substr(comma + 1));
  if (!x || !y || *x < 0 || *x >= size || *y < 0 || *y >= size) return std::nullopt;
  return Coord{*x, *y};
}

int ruleBits(game::Rule rule) {
  switch (rule) {
    case game::Rule::Standard:
    case game::Rule::Omok:
      return 1;
    case game::Rule::Renju:
      return 4;
    default:
      return 0;
  }
}

bool isChatter(std::string_view line) { return firstWordIs(line, "MESSAGE") || firstWordIs(line, "DEBUG"); }

Swap2Answer readSwap2Answer(std::string_view line, int stones, int size) {
  assert(stones == 0 || stones == 3 || stones == 5);
  if (firstWordIs(line, "ERROR") || firstWordIs(line, "UNKNOWN")) return {Swap2Answer::Kind::Refused, {}, {}};
  const auto malformed = [&](const std::string& what) {
    const char* wanted = stones == 0   ? "three stones, x,y x,y x,y"
                         : stones == 3 ? "SWAP, x,y or x,y x,y"
                                       : "SWAP or x,y";
    return Swap2Answer{Swap2Answer::Kind::Malformed, {},
                       what + "; after " + std::to_string(stones) + " stones the answer is " + wanted};
  };
  std::vector<std::string> words;
  std::istringstream in{std::string(line)};
  for (std::string word; in >> word;) words.push_back(word);
  if (words.size() == 1 && words[0] == "SWAP") {
    return stones == 0 ? malformed("SWAP") : Swap2Answer{Swap2Answer::Kind::Swap, {}, {}};
  }
  Swap2Answer answer{Swap2Answer::Kind::Points, {}, {}};
  for (const std::string& word : words) {
    const std::optional<Coord> c = parseMove(word, size);
    if (!c) return malformed("'" + word + "' is not a point x,y on the board");
    answer.points.push_back(*c);
  }
  const std::size_t n = answer.points.size();
  const bool fits = stones == 0 ? n == 3 : stones == 3 ? n == 1 || n == 2 : n == 1;
  if (fits) return answer;
  return malformed(n == 0 ? std::string("an empty answer") : std::to_string(n) + (n == 1 ? " point" : " points"));
}

}  // namespace engine::gomocup
