#include "game_client/core/record_list.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace client {

std::vector<std::filesystem::path> listRecords(const std::vector<std::filesystem::path>& dirs) {
  std::vector<std::filesystem::path> seen, files;
  for (const auto& dir : dirs) {
    std::error_code ec;
    const auto canonical = std::filesystem::weakly_canonical(dir, ec);
    if (ec || std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
    seen.push_back(canonical);
    for (std::filesystem::directory_iterator it(canonical, ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".jsonl" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return a.filename() != b.filename() ? a.filename() > b.filename() : a > b;
  });
  return files;
}

std::variant<record::Record, record::LoadError> readRecordStart(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string first;
  if (!in || !std::getline(in, first)) return record::LoadError{0, "cannot read " + file.filename().string()};
  std::istringstream line(first);
  return record::read(line);
}

}  // namespace client
