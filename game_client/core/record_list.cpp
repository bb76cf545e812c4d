#include "game_client/core/record_list.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <system_error>

namespace client {

std::vector<std::filesystem::path> listRecords(const std::vector<std::filesystem::path>& dirs) {
  std::vector<std::filesystem::path> seen, games, records;
  for (const auto& dir : dirs) {
    std::error_code ec;
    const auto canonical = std::filesystem::weakly_canonical(dir, ec);
    if (ec || std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
    seen.push_back(canonical);
    for (std::filesystem::directory_iterator it(canonical, ec), end; !ec && it != end; it.increment(ec)) {
      const auto extension = it->path().extension();
      if ((extension == ".pgn" || extension == ".jsonl") && it->is_regular_file(ec))
        (extension == ".pgn" ? games : records).push_back(it->path());
    }
  }
  std::sort(games.begin(), games.end(), [](const auto& a, const auto& b) {
    return a.filename() != b.filename() ? a.filename() < b.filename() : a < b;
  });
  std::sort(records.begin(), records.end(), [](const auto& a, const auto& b) {
    return a.filename() != b.filename() ? a.filename() > b.filename() : a > b;
  });
  games.insert(games.end(), records.begin(), records.end());
  return games;
}

std::variant<record::Record, record::LoadError> readRecordStart(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string first;
  if (!in || !std::getline(in, first)) return record::LoadError{0, "cannot read " + file.filename().string()};
  std::istringstream line(first);
  return record::read(line);
}

std::variant<record::PgnSummary, record::LoadError> readPgnStart(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return record::LoadError{0, "cannot read " + file.filename().string()};
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return record::readPgnSummary(text);
}

}  // namespace client
