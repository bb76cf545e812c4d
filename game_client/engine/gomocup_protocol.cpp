#include "game_client/engine/gomocup_protocol.h"

#include <charconv>

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

}  // namespace engine::gomocup
