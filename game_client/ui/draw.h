// Small drawing helpers shared by the board views, the panel and the start
// screen: text placed by an anchor, an input line, filled rectangles and
// discs. Stateless free functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Text.hpp>

#include "game_client/ui/layout.h"

namespace client {

// Where `at` is on the text's box.
enum class Anchor { Center, Left, Right };

// UTF-8 text of `size` pixels, its box centred vertically on `at.y`.
// Returns the text's width in pixels.
float drawText(sf::RenderTarget& target, const sf::Font& font, std::string_view utf8, unsigned size,
               sf::Color color, Vec2 at, Anchor anchor = Anchor::Center);

// The width `utf8` would take, for layout before drawing.
float textWidth(const sf::Font& font, std::string_view utf8, unsigned size);

// Greedy word wrap of `utf8` into lines no wider than `width` pixels.
std::vector<std::string> wrapText(const sf::Font& font, std::string_view utf8, unsigned size, float width);

// A text object ready to draw, for callers that adjust it further.
sf::Text makeText(const sf::Font& font, std::string_view utf8, unsigned size);

// A one-line text input in `box`, lit while it has the keyboard (`focused`,
// with a caret after the text). A text longer than the box shows its end,
// where the typing happens; an empty one out of focus shows `placeholder`.
void drawInputLine(sf::RenderTarget& target, const sf::Font& font, const Rect& box, std::string_view text,
                   std::string_view placeholder, bool focused, unsigned size);

void fillRect(sf::RenderTarget& target, const Rect& r, sf::Color color);
void outlineRect(sf::RenderTarget& target, const Rect& r, sf::Color color, float thickness);
void fillDisc(sf::RenderTarget& target, Vec2 center, float radius, sf::Color color);
void ring(sf::RenderTarget& target, Vec2 center, float radius, float thickness, sf::Color color);

}  // namespace client
