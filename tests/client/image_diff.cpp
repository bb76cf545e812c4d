// Compares two screenshots of the same picture made by two builds of the
// client (the Windows one under Wine against the Linux one): the same size,
// and at most a small share of pixels further apart than a tolerance in any
// colour channel, since two rasterisers may round an edge differently.
// Exits 0 when they agree, 1 with the figures otherwise, 2 on bad input.
//
//   client_image_diff A.png B.png [--tolerance 16] [--max-share 0.001]
#include <SFML/Graphics/Image.hpp>
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

int channelDistance(sf::Color a, sf::Color b) {
  return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: client_image_diff A.png B.png [--tolerance N] [--max-share F]\n";
    return 2;
  }
  int tolerance = 16;
  double maxShare = 0.001;
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    if (option == "--tolerance") tolerance = std::atoi(argv[i + 1]);
    else if (option == "--max-share") maxShare = std::atof(argv[i + 1]);
    else {
      std::cerr << "client_image_diff: unknown option " << option << '\n';
      return 2;
    }
  }
  sf::Image a, b;
  if (!a.loadFromFile(argv[1]) || !b.loadFromFile(argv[2])) {
    std::cerr << "client_image_diff: cannot read " << argv[1] << " or " << argv[2] << '\n';
    return 2;
  }
  if (a.getSize() != b.getSize()) {
    std::cerr << "sizes differ: " << a.getSize().x << 'x' << a.getSize().y << " against " << b.getSize().x << 'x'
              << b.getSize().y << '\n';
    return 1;
  }
  const auto [width, height] = a.getSize();
  long differing = 0;
  int worst = 0;
  unsigned left = width, top = height, right = 0, bottom = 0;  // the box round the differing pixels
  for (unsigned y = 0; y < height; ++y)
    for (unsigned x = 0; x < width; ++x) {
      const int d = channelDistance(a.getPixel(x, y), b.getPixel(x, y));
      worst = std::max(worst, d);
      if (d <= tolerance) continue;
      ++differing;
      left = std::min(left, x), top = std::min(top, y), right = std::max(right, x), bottom = std::max(bottom, y);
    }
  const double share = static_cast<double>(differing) / (static_cast<double>(width) * height);
  std::cout << differing << " of " << width * height << " pixels differ by more than " << tolerance << " (share "
            << share << ", at most " << maxShare << "); the largest difference is " << worst;
  if (differing > 0) std::cout << ", within x " << left << ".." << right << ", y " << top << ".." << bottom;
  std::cout << '\n';
  return share <= maxShare ? 0 : 1;
}
