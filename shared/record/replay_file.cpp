#include "shared/record/replay_file.h"

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace record {

std::variant<Record, PgnGame, LoadError> openReplay(const std::filesystem::path& file, int number) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return LoadError{0, "cannot open " + file.string()};
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return LoadError{0, "cannot read " + file.string()};
  if (isPgn(file, text)) {
    auto game = readPgnGame(text, number);
    if (auto* error = std::get_if<LoadError>(&game)) return std::move(*error);
    return std::move(std::get<PgnGame>(game));
  }
  if (number != 1)
    return LoadError{0, "there is no game " + std::to_string(number) + ": a match record holds one game"};
  std::istringstream lines(text);
  auto record = read(lines);
  if (auto* error = std::get_if<LoadError>(&record)) return std::move(*error);
  return std::move(std::get<Record>(record));
}

}  // namespace record
