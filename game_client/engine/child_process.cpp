#include "game_client/engine/child_process.h"

#include <algorithm>

namespace engine {

std::optional<std::string> ChildProcess::readLine(Clock::time_point deadline, std::string& error) {
  for (;;) {
    // Any run of CRs and LFs ends a line: so a bare CR, LF, CR LF and a
    // Windows text-mode CR CR LF all do, and the empty lines between them
    // (a CR LF split across two reads too) are no lines.
    pending_.erase(0, pending_.find_first_not_of("\r\n"));
    const std::size_t end = pending_.find_first_of("\r\n");
    if (std::min(end, pending_.size()) > kMaxLine) {
      error = "the engine wrote a line longer than " + std::to_string(kMaxLine) + " bytes";
      return std::nullopt;
    }
    if (end != std::string::npos) {
      std::string line = pending_.substr(0, end);
      pending_.erase(0, end + 1);
      return line;
    }
    switch (readSome(deadline)) {
      case Read::Data:
        break;
      case Read::TimedOut:
        error = "no answer in time";
        return std::nullopt;
      case Read::Ended:
        error = "the engine closed its output (" + describeEnd() + ")";
        return std::nullopt;
    }
  }
}

}  // namespace engine
