#include "game_client/ui/draw.h"

#include <cmath>
#include <sstream>
#include <string>

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>

#include "game_client/ui/theme.h"

namespace client {

sf::Text makeText(const sf::Font& font, std::string_view utf8, unsigned size) {
  const std::string bytes(utf8);
  return sf::Text(sf::String::fromUtf8(bytes.begin(), bytes.end()), font, size);
}

std::vector<std::string> wrapText(const sf::Font& font, std::string_view utf8, unsigned size, float width) {
  std::vector<std::string> lines;
  std::istringstream words{std::string(utf8)};
  std::string word, line;
  while (words >> word) {
    const std::string tried = line.empty() ? word : line + " " + word;
    if (!line.empty() && textWidth(font, tried, size) > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = tried;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

float textWidth(const sf::Font& font, std::string_view utf8, unsigned size) {
  return makeText(font, utf8, size).getLocalBounds().width;
}

float drawText(sf::RenderTarget& target, const sf::Font& font, std::string_view utf8, unsigned size,
               sf::Color color, Vec2 at, Anchor anchor) {
  sf::Text text = makeText(font, utf8, size);
  text.setFillColor(color);
  const sf::FloatRect box = text.getLocalBounds();
  float x = at.x - box.left;
  if (anchor == Anchor::Center) x -= box.width / 2;
  if (anchor == Anchor::Right) x -= box.width;
  // Centre on the font's line (ascent of digits and capitals), not on the
  // glyph box, so "a" and "h" labels sit on the same baseline.
  const float lineHeight = static_cast<float>(size) * 0.72f;
  const float y = at.y - lineHeight / 2 - static_cast<float>(size) * 0.26f;
  text.setPosition(std::round(x), std::round(y));
  target.draw(text);
  return box.width;
}

void drawInputLine(sf::RenderTarget& target, const sf::Font& font, const Rect& box, std::string_view text,
                   std::string_view placeholder, bool focused, unsigned size) {
  fillRect(target, box, focused ? theme::kBackground : theme::kPanelRaised);
  if (focused) outlineRect(target, box, theme::kAccent, 1.5f);
  const float textLeft = box.left + 10, room = box.width - 24;
  const float cy = box.center().y;
  if (text.empty() && !focused) {
    drawText(target, font, placeholder, size - 1, theme::kTextDim, {textLeft, cy}, Anchor::Left);
    return;
  }
  std::string_view shown = text;
  while (!shown.empty() && textWidth(font, shown, size) > room) {
    shown.remove_prefix(1);
    while (!shown.empty() && (static_cast<unsigned char>(shown.front()) & 0xc0) == 0x80) shown.remove_prefix(1);
  }
  const float w = shown.empty() ? 0 : drawText(target, font, shown, size, theme::kText, {textLeft, cy}, Anchor::Left);
  if (focused) fillRect(target, {std::round(textLeft + w + 2), cy - 8, 1.5f, 16}, theme::kText);
}

void fillRect(sf::RenderTarget& target, const Rect& r, sf::Color color) {
  sf::RectangleShape shape({r.width, r.height});
  shape.setPosition(r.left, r.top);
  shape.setFillColor(color);
  target.draw(shape);
}

void outlineRect(sf::RenderTarget& target, const Rect& r, sf::Color color, float thickness) {
  sf::RectangleShape shape({r.width - 2 * thickness, r.height - 2 * thickness});
  shape.setPosition(r.left + thickness, r.top + thickness);
  shape.setFillColor(sf::Color::Transparent);
  shape.setOutlineColor(color);
  shape.setOutlineThickness(thickness);
  target.draw(shape);
}

void fillDisc(sf::RenderTarget& target, Vec2 center, float radius, sf::Color color) {
  sf::CircleShape disc(radius, 48);
  disc.setOrigin(radius, radius);
  disc.setPosition(center.x, center.y);
  disc.setFillColor(color);
  target.draw(disc);
}

void ring(sf::RenderTarget& target, Vec2 center, float radius, float thickness, sf::Color color) {
  sf::CircleShape circle(radius - thickness, 48);
  circle.setOrigin(radius - thickness, radius - thickness);
  circle.setPosition(center.x, center.y);
  circle.setFillColor(sf::Color::Transparent);
  circle.setOutlineThickness(thickness);
  circle.setOutlineColor(color);
  target.draw(circle);
}

}  // namespace client
