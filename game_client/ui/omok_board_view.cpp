#include "game_client/ui/omok_board_view.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RectangleShape.hpp>

#include "game_client/ui/draw.h"
#include "game_client/ui/theme.h"
#include "shared/omok/coord.h"

namespace client {

namespace {

const sf::Time kSettle = sf::milliseconds(140);

// The usual hoshi: the 4-4 points and the centre (15x15), the 4-4, 4-10 and 10-10 family (19x19).
std::array<int, 3> starLines(int size) {
  return size == 19 ? std::array<int, 3>{3, 9, 15} : std::array<int, 3>{3, 7, 11};
}

sf::Color withAlpha(sf::Color c, std::uint8_t a) {
  c.a = static_cast<std::uint8_t>(c.a * a / 255);
  return c;
}

// A deterministic wood grain: long soft stripes along x, bent a little, so
// the board looks like wood without any image file.
sf::Image makeGrain() {
  constexpr unsigned kW = 512, kH = 512;
  sf::Image image;
  image.create(kW, kH, theme::kWood);
  for (unsigned y = 0; y < kH; ++y) {
    for (unsigned x = 0; x < kW; ++x) {
      const double fx = x / double(kW), fy = y / double(kH);
      const double bend = 0.035 * std::sin(fx * 6.2831 * 1.5 + 0.7) + 0.015 * std::sin(fx * 6.2831 * 4.0);
      const double ring = std::sin((fy + bend) * 6.2831 * 11.0) * 0.5 + 0.5;
      const double fine = std::sin((fy + bend * 1.7) * 6.2831 * 47.0) * 0.5 + 0.5;
      const double t = 0.65 * ring * ring + 0.35 * fine;
      const auto mix = [t](std::uint8_t a, std::uint8_t b) {
        return static_cast<std::uint8_t>(std::lround(a + (b - a) * t * 0.55));
      };
      image.setPixel(x, y, {mix(theme::kWood.r, theme::kWoodGrain.r), mix(theme::kWood.g, theme::kWoodGrain.g),
                            mix(theme::kWood.b, theme::kWoodGrain.b)});
    }
  }
  return image;
}

}  // namespace

std::unique_ptr<BoardView> OmokBoardView::make(const game::Setup& setup, std::string& error) {
  const auto rules = omok::ruleSetNamed(game::name(setup.rule));
  if (!rules) {
    error = "omok has no rule '" + std::string(game::name(setup.rule)) + "'";
    return nullptr;
  }
  if (!omok::isSupportedSize(setup.boardSize)) {
    error = "omok boards are 15x15 or 19x19, not " + std::to_string(setup.boardSize);
    return nullptr;
  }
  return std::unique_ptr<BoardView>(new OmokBoardView(*rules, setup.boardSize));
}

OmokBoardView::OmokBoardView(const omok::RuleSet& rules, int size) : game_(rules, size) { reset(); }

void OmokBoardView::reset() {
  while (game_.takeback()) {
  }
  forbidden_ = game_.forbiddenPoints();
  hover_.reset();
  rejected_.reset();
  sinceMove_.restart();
}

bool OmokBoardView::apply(const game::Move& move) {
  const int size = game_.board().size();
  if (move.from != 0 || move.promotion != 0 || move.to >= size * size) return false;
  if (game_.play(omok::fromWireIndex(move.to, size)) != omok::MoveError::None) return false;
  forbidden_ = game_.forbiddenPoints();
  rejected_.reset();
  sinceMove_.restart();
  return true;
}

Side OmokBoardView::side(game::Seat seat) const {
  const std::string colour(game::color(game::Kind::Omok, seat, opening_.exchanged));
  return Side{colour, colour == "black"};  // black is dark
}

void OmokBoardView::setMover(game::Seat seat) {
  mover_ = seat;
  if (seat == game::Seat::None) hover_.reset();
}

bool OmokBoardView::pointerMoved(Vec2 p, const BoardGeometry& g) {
  std::optional<omok::Point> now;
  if (mover_ != game::Seat::None) {
    if (const auto cell = g.cellAt(p); cell && game_.board().at(toPoint(*cell)) == omok::Stone::Empty)
      now = toPoint(*cell);
  }
  if (now == hover_) return false;
  hover_ = now;
  return true;
}

bool OmokBoardView::pointerPressed(Vec2 p, const BoardGeometry& g) {
  if (mover_ == game::Seat::None) return false;
  const auto cell = g.cellAt(p);
  if (!cell) return false;
  // Occupied and forbidden points are sent too: the server's answer says why
  // they are refused, in the same words the rules engine uses everywhere.
  request({0, static_cast<std::uint16_t>(omok::wireIndex(toPoint(*cell), game_.board().size())), 0});
  rejected_.reset();
  hover_.reset();
  return true;
}

bool OmokBoardView::pointerLeft() {
  const bool had = hover_.has_value();
  hover_.reset();
  return had;
}

void OmokBoardView::rejected(const game::Move& move) {
  const int size = game_.board().size();
  if (move.to < size * size) rejected_ = omok::fromWireIndex(move.to, size);
}

bool OmokBoardView::animating() const { return plies() > 0 && sinceMove_.getElapsedTime() < kSettle; }

void OmokBoardView::drawWood(sf::RenderTarget& target, const BoardGeometry& g) const {
  const Rect& f = g.frame();
  // A soft drop shadow, then the board with its grain, then a darker rim.
  fillRect(target, {f.left + 4, f.top + 5, f.width, f.height}, sf::Color(0, 0, 0, 70));
  if (!grain_) {
    grain_.emplace();
    grain_->loadFromImage(makeGrain());
    grain_->setSmooth(true);
  }
  sf::RectangleShape board({f.width, f.height});
  board.setPosition(f.left, f.top);
  board.setTexture(&*grain_);
  target.draw(board);
  outlineRect(target, f, theme::kWoodEdge, 2);
}

void OmokBoardView::drawGrid(sf::RenderTarget& target, const BoardGeometry& g) const {
  const int n = cellsPerSide();
  const float pitch = g.pitch();
  const float thin = std::max(1.0f, std::round(pitch / 32));
  const Vec2 first = g.center({0, 0});
  const Vec2 last = g.center({n - 1, n - 1});
  const float left = std::min(first.x, last.x), right = std::max(first.x, last.x);
  const float top = std::min(first.y, last.y), bottom = std::max(first.y, last.y);
  // Lines are whole-pixel rectangles centred on the intersections: sharp at any size.
  const auto offset = std::floor(thin / 2);
  for (int i = 0; i < n; ++i) {
    const Vec2 c = g.center({i, i});
    const float w = (i == 0 || i == n - 1) ? thin + 1 : thin;
    fillRect(target, {std::floor(c.x) - offset, top - offset, w, bottom - top + w}, theme::kInk);
    fillRect(target, {left - offset, std::floor(c.y) - offset, right - left + w, w}, theme::kInk);
  }
  const float star = std::max(2.5f, pitch * 0.1f);
  for (const int file : starLines(n))
    for (const int rank : starLines(n)) fillDisc(target, g.center({file, rank}), star, theme::kInk);
}

void OmokBoardView::drawArea(sf::RenderTarget& target, const BoardGeometry& g) const {
  if (opening_.area == game::OpeningState::kWholeBoard) return;
  // The square's corner points, half a pitch out so its edge stones sit inside the tint.
  const int centre = cellsPerSide() / 2, a = opening_.area;
  const Vec2 p = g.center({centre - a, centre - a}), q = g.center({centre + a, centre + a});
  const float half = g.pitch() / 2;
  const Rect square{std::min(p.x, q.x) - half, std::min(p.y, q.y) - half, std::abs(q.x - p.x) + 2 * half,
                    std::abs(q.y - p.y) + 2 * half};
  fillRect(target, square, sf::Color(theme::kAccent.r, theme::kAccent.g, theme::kAccent.b, 45));
  outlineRect(target, square, sf::Color(theme::kAccent.r, theme::kAccent.g, theme::kAccent.b, 200), 2);
}

void OmokBoardView::drawStone(sf::RenderTarget& target, const BoardGeometry& g, omok::Point p, omok::Stone s,
                              float scale, std::uint8_t alpha) const {
  const Vec2 c = g.center(toCell(p));
  const float r = g.pitch() * 0.46f * scale;
  fillDisc(target, {c.x + r * 0.08f, c.y + r * 0.12f}, r, withAlpha(theme::kStoneShadow, alpha));
  if (s == omok::Stone::Black) {
    fillDisc(target, c, r, withAlpha(theme::kBlackStone, alpha));
    fillDisc(target, {c.x - r * 0.32f, c.y - r * 0.34f}, r * 0.3f, withAlpha(theme::kBlackStoneShine, alpha));
    fillDisc(target, {c.x - r * 0.28f, c.y - r * 0.30f}, r * 0.22f, withAlpha(sf::Color(60, 60, 66), alpha));
  } else {
    fillDisc(target, c, r, withAlpha(theme::kWhiteStoneShade, alpha));
    fillDisc(target, {c.x - r * 0.06f, c.y - r * 0.08f}, r * 0.9f, withAlpha(theme::kWhiteStone, alpha));
  }
}

void OmokBoardView::draw(sf::RenderTarget& target, const BoardGeometry& g, const Fonts& fonts) const {
  drawWood(target, g);
  drawArea(target, g);
  drawGrid(target, g);
  // Labels come from the engine's notation ("h8" -> "h" and "8").
  const auto point = [](int file, int rank) {
    return omok::name({static_cast<std::int8_t>(file), static_cast<std::int8_t>(rank)});
  };
  drawLabels(target, g, fonts, theme::kInk, [&](int f) { return point(f, 0).substr(0, 1); },
             [&](int r) { return point(0, r).substr(1); });

  const float pitch = g.pitch();
  if (!game_.over()) {
    // A small red cross on every point the side to move may not take.
    const float arm = pitch * 0.2f, thick = std::max(2.0f, pitch * 0.075f);
    for (const auto& fp : forbidden_) {
      const Vec2 c = g.center(toCell(fp.point));
      for (const float angle : {45.0f, -45.0f}) {
        sf::RectangleShape bar({arm * 2, thick});
        bar.setOrigin(arm, thick / 2);
        bar.setPosition(c.x, c.y);
        bar.setRotation(angle);
        bar.setFillColor(theme::kForbidden);
        target.draw(bar);
      }
    }
  }

  const auto& history = game_.history();
  const float settle = std::min(1.0f, sinceMove_.getElapsedTime().asSeconds() / kSettle.asSeconds());
  for (std::size_t i = 0; i < history.size(); ++i) {
    const bool newest = i + 1 == history.size();
    // The newest stone drops in: a little large and faint, then settled.
    const float scale = newest ? 1.12f - 0.12f * settle : 1.0f;
    const auto alpha = static_cast<std::uint8_t>(newest ? 120 + 135 * settle : 255);
    drawStone(target, g, history[i], game_.board().at(history[i]), scale, alpha);
  }

  // The stone to move, whoever places it (an opening's first player places white stones too).
  const omok::Stone next = game_.toMove();
  for (const game::Move& m : opening_.candidates) {
    const omok::Point p = omok::fromWireIndex(m.to, game_.board().size());
    drawStone(target, g, p, next, 1.0f, 140);
    ring(target, g.center(toCell(p)), pitch * 0.5f, std::max(2.0f, pitch * 0.07f), theme::kAccent);
  }

  if (hover_ && mover_ != game::Seat::None) drawStone(target, g, *hover_, next, 1.0f, 110);

  if (!history.empty()) {
    const omok::Point last = history.back();
    const sf::Color mark = game_.board().at(last) == omok::Stone::Black ? sf::Color(240, 90, 80) : theme::kLastMove;
    fillDisc(target, g.center(toCell(last)), pitch * 0.11f, mark);
  }

  if (game_.outcome() == omok::Outcome::BlackWins || game_.outcome() == omok::Outcome::WhiteWins) {
    const auto [from, to] = game_.winningLine();
    const int steps = std::max(std::abs(to.col - from.col), std::abs(to.row - from.row));
    const int dc = (to.col > from.col) - (to.col < from.col), dr = (to.row > from.row) - (to.row < from.row);
    const Vec2 a = g.center(toCell(from)), b = g.center(toCell(to));
    sf::RectangleShape bar({std::hypot(b.x - a.x, b.y - a.y), std::max(3.0f, pitch * 0.09f)});
    bar.setOrigin(0, bar.getSize().y / 2);
    bar.setPosition(a.x, a.y);
    bar.setRotation(std::atan2(b.y - a.y, b.x - a.x) * 180.0f / 3.14159265f);
    bar.setFillColor(sf::Color(theme::kWinLine.r, theme::kWinLine.g, theme::kWinLine.b, 170));
    target.draw(bar);
    for (int i = 0; i <= steps; ++i) {
      const omok::Point p{static_cast<std::int8_t>(from.col + i * dc), static_cast<std::int8_t>(from.row + i * dr)};
      ring(target, g.center(toCell(p)), pitch * 0.5f, std::max(2.0f, pitch * 0.07f), theme::kWinLine);
    }
  }

  if (rejected_) ring(target, g.center(toCell(*rejected_)), pitch * 0.5f, std::max(2.0f, pitch * 0.08f), theme::kError);
}

}  // namespace client
