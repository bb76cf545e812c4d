// Checks a screenshot the client saved (--screenshot) against what must be
// on the board, by sampling pixels where the client's own layout maths puts
// each point or square. Exits 0 when every check holds, 1 with the failed
// checks listed otherwise.
//
//   client_screenshot_check FILE --size WxH --cells N [--flipped]
//       [--dark P]... [--light P]... [--wood P]... [--empty P]... [--piece P]...
//       [--white-piece P]... [--black-piece P]... [--candidate P]...
//
// P is a point or square in the games' notation ("h8", "e1").
//   --dark / --light   a stone there (median brightness around the centre)
//   --wood             bare omok board there (between the grid lines)
//   --candidate        an offered fifth move there: a translucent black stone (between a stone's brightness
//                      and the wood's) ringed in the accent colour
//   --empty / --piece  a chess square without / with a piece on it
//   --white-piece / --black-piece  a piece of that colour (by its light body / its dark one)
//   --panel-colour R,G,B  at least 20 pixels of about that colour in the side panel
//                         (e.g. the warning colour of a clock under ten seconds)
//   --board-colour R,G,B  the same in the board's area (the start screen's picked record)
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <SFML/Graphics/Image.hpp>

#include "game_client/ui/layout.h"

namespace {

using client::BoardGeometry;
using client::Cell;
using client::Vec2;

int brightness(sf::Color c) { return (c.r * 299 + c.g * 587 + c.b * 114) / 1000; }

bool parseCell(const std::string& text, int n, Cell& out) {
  if (text.size() < 2 || text[0] < 'a' || text[0] >= 'a' + n) return false;
  const int rank = std::atoi(text.c_str() + 1);
  if (rank < 1 || rank > n) return false;
  out = {text[0] - 'a', rank - 1};
  return true;
}

class Checker {
 public:
  Checker(const sf::Image& image, const BoardGeometry& g) : image_(image), g_(g) {}

  sf::Color at(Vec2 p) const {
    const auto x = static_cast<unsigned>(std::clamp(p.x, 0.0f, static_cast<float>(image_.getSize().x - 1)));
    const auto y = static_cast<unsigned>(std::clamp(p.y, 0.0f, static_cast<float>(image_.getSize().y - 1)));
    return image_.getPixel(x, y);
  }

  // Median brightness of 8 points on a circle of a quarter cell around the
  // centre: robust to the last-move dot and a winning line through the stone.
  int stoneBrightness(Cell c) const {
    const Vec2 o = g_.center(c);
    const float r = g_.pitch() * 0.25f;
    std::vector<int> v;
    for (const auto& [dx, dy] : {std::pair{1.0f, 0.0f}, {-1.0f, 0.0f}, {0.0f, 1.0f}, {0.0f, -1.0f},
                                {0.7f, 0.7f}, {-0.7f, 0.7f}, {0.7f, -0.7f}, {-0.7f, -0.7f}})
      v.push_back(brightness(at({o.x + dx * r, o.y + dy * r})));
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  }

  // Whether most of 8 points on the ring the views draw round a point (just
  // inside half a cell) are about `colour`.
  bool ringed(Cell c, sf::Color colour) const {
    const Vec2 o = g_.center(c);
    const float r = g_.pitch() * 0.465f;
    int hits = 0;
    for (const auto& [dx, dy] : {std::pair{1.0f, 0.0f}, {-1.0f, 0.0f}, {0.0f, 1.0f}, {0.0f, -1.0f},
                                {0.707f, 0.707f}, {-0.707f, 0.707f}, {0.707f, -0.707f}, {-0.707f, -0.707f}}) {
      const sf::Color k = at({o.x + dx * r, o.y + dy * r});
      hits += std::abs(k.r - colour.r) <= 40 && std::abs(k.g - colour.g) <= 40 && std::abs(k.b - colour.b) <= 40;
    }
    return hits >= 6;
  }

  // Wood between the lines: warm (red > green > blue) and mid-bright.
  bool wood(Cell c) const {
    const Vec2 o = g_.center(c);
    const sf::Color k = at({o.x + g_.pitch() * 0.3f, o.y + g_.pitch() * 0.3f});
    return k.r > k.g && k.g > k.b && k.r > 170 && k.b < 160 && k.r - k.b > 60;
  }

  // Share of the square's inner pixels that are far from its own corner colour.
  double busy(Cell c, int (*pick)(sf::Color) = nullptr, int threshold = 0) const {
    const client::Rect r = g_.cellRect(c);
    const sf::Color base = at({r.left + 2, r.top + 2});
    int hits = 0, total = 0;
    for (float y = r.top + r.height * 0.1f; y < r.bottom() - r.height * 0.1f; y += 1)
      for (float x = r.left + r.width * 0.1f; x < r.right() - r.width * 0.1f; x += 1) {
        const sf::Color k = at({x, y});
        ++total;
        if (pick) hits += pick(k) > threshold;
        else hits += std::abs(k.r - base.r) + std::abs(k.g - base.g) + std::abs(k.b - base.b) > 60;
      }
    return total ? static_cast<double>(hits) / total : 0;
  }

 private:
  const sf::Image& image_;
  const BoardGeometry& g_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: client_screenshot_check FILE --size WxH --cells N [--flipped] [checks...]\n";
    return 2;
  }
  const std::string file = argv[1];
  unsigned width = 0, height = 0;
  int cells = 0;
  bool flipped = false;
  std::vector<std::pair<std::string, std::string>> checks;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--flipped") {
      flipped = true;
    } else if (i + 1 < argc && arg == "--size") {
      std::sscanf(argv[++i], "%ux%u", &width, &height);
    } else if (i + 1 < argc && arg == "--cells") {
      cells = std::atoi(argv[++i]);
    } else if (i + 1 < argc && arg.rfind("--", 0) == 0) {
      checks.emplace_back(arg.substr(2), argv[++i]);
    } else {
      std::cerr << "unexpected argument '" << arg << "'\n";
      return 2;
    }
  }

  sf::Image image;
  if (!image.loadFromFile(file)) {
    std::cerr << "FAIL: cannot load " << file << '\n';
    return 1;
  }
  std::vector<std::string> failures;
  const auto fail = [&](std::string what) { failures.push_back(std::move(what)); };

  if (image.getSize().x != width || image.getSize().y != height)
    fail("size is " + std::to_string(image.getSize().x) + "x" + std::to_string(image.getSize().y) + ", expected " +
         std::to_string(width) + "x" + std::to_string(height));

  // Not blank: a drawn window has many colours and real contrast.
  std::set<std::uint32_t> colours;
  int darkest = 255, brightest = 0;
  for (unsigned y = 0; y < image.getSize().y; y += 3)
    for (unsigned x = 0; x < image.getSize().x; x += 3) {
      const sf::Color k = image.getPixel(x, y);
      colours.insert(k.toInteger());
      darkest = std::min(darkest, brightness(k));
      brightest = std::max(brightest, brightness(k));
    }
  if (colours.size() < 100 || brightest - darkest < 150)
    fail("the image looks blank (" + std::to_string(colours.size()) + " colours, brightness " +
         std::to_string(darkest) + ".." + std::to_string(brightest) + ")");

  const client::WindowLayout layout = client::layoutWindow(static_cast<float>(width), static_cast<float>(height));
  const BoardGeometry g(layout.board, cells, flipped);
  const Checker check(image, g);
  for (const auto& [kind, where] : checks) {
    if (kind == "panel-colour" || kind == "board-colour") {
      int r = 0, gr = 0, b = 0;
      if (std::sscanf(where.c_str(), "%d,%d,%d", &r, &gr, &b) != 3) {
        fail("bad colour '" + where + "'");
        continue;
      }
      const client::Rect& area = kind == "panel-colour" ? layout.panel : layout.board;
      int found = 0;
      for (auto y = static_cast<unsigned>(area.top); y < static_cast<unsigned>(area.bottom()); ++y)
        for (auto x = static_cast<unsigned>(area.left); x < static_cast<unsigned>(area.right()); ++x) {
          const sf::Color k = check.at({static_cast<float>(x), static_cast<float>(y)});
          found += std::abs(k.r - r) <= 12 && std::abs(k.g - gr) <= 12 && std::abs(k.b - b) <= 12;
        }
      if (found < 20) fail(kind + " " + where + ": only " + std::to_string(found) + " pixels");
      continue;
    }
    Cell c;
    if (!parseCell(where, cells, c)) {
      fail("bad point '" + where + "'");
      continue;
    }
    const std::string what = kind + " " + where;
    if (kind == "dark") {
      if (const int b = check.stoneBrightness(c); b > 70) fail(what + ": brightness " + std::to_string(b) + " > 70");
    } else if (kind == "light") {
      if (const int b = check.stoneBrightness(c); b < 200) fail(what + ": brightness " + std::to_string(b) + " < 200");
    } else if (kind == "candidate") {
      const int b = check.stoneBrightness(c);
      if (b <= 70 || b >= 170) fail(what + ": brightness " + std::to_string(b) + " is not a translucent stone's");
      if (!check.ringed(c, sf::Color(129, 182, 76))) fail(what + ": no ring in the accent colour");
    } else if (kind == "wood") {
      if (!check.wood(c)) fail(what + ": not the wood colour");
    } else if (kind == "empty") {
      if (const double s = check.busy(c); s > 0.01) fail(what + ": " + std::to_string(s) + " of it is drawn on");
    } else if (kind == "piece") {
      if (const double s = check.busy(c); s < 0.08) fail(what + ": only " + std::to_string(s) + " of it is drawn on");
    } else if (kind == "white-piece") {
      const double s = check.busy(c, brightness, 244);
      if (s < 0.05) fail(what + ": only " + std::to_string(s) + " of it is piece-white");
    } else if (kind == "black-piece") {
      // Dark, and without white's light body (white pieces have dark outlines).
      const double s = check.busy(c, [](sf::Color k) { return 255 - brightness(k); }, 205);
      const double light = check.busy(c, brightness, 244);
      if (s < 0.08 || light > 0.02)
        fail(what + ": " + std::to_string(s) + " of it is piece-black, " + std::to_string(light) + " piece-white");
    } else {
      fail("unknown check --" + kind);
    }
  }

  for (const auto& f : failures) std::cerr << "FAIL: " << file << ": " << f << '\n';
  if (failures.empty()) std::cout << file << ": " << checks.size() << " checks passed\n";
  return failures.empty() ? 0 : 1;
}
