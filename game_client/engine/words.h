// Reading the line protocols engines speak: a line's first word decides
// what it is (both UCI and Gomocup separate words by spaces).
#pragma once

#include <string_view>

namespace engine {

constexpr bool firstWordIs(std::string_view line, std::string_view word) {
  return line.substr(0, word.size()) == word && (line.size() == word.size() || line[word.size()] == ' ');
}

}  // namespace engine
