// Fuzz entry for the match record reader.
#include <sstream>
#include <string>
#include <variant>

#include "shared/record/reader.h"
#include "tests/fuzz/check.h"
#include "tests/fuzz/entries.h"

namespace fuzz {

// Whatever the bytes, read() answers with a record or an error (never an
// exception). A record that loads has replayed every move line.
void record(Bytes data) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data.data()), data.size()));
  auto result = record::read(in);
  if (const auto* error = std::get_if<record::LoadError>(&result)) {
    FUZZ_CHECK(!error->message.empty(), "a load error without a message");
    return;
  }
  const auto& loaded = std::get<record::Record>(result);
  FUZZ_CHECK(loaded.game != nullptr, "a loaded record without its game");
  FUZZ_CHECK(loaded.game->moveCount() == static_cast<int>(loaded.moves.size()), "moves lost in replay");
}

}  // namespace fuzz
