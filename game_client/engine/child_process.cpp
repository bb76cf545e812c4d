#include "game_client/engine/child_process.h"

namespace engine {

std::optional<std::string> ChildProcess::readLine(Clock::time_point deadline, std::string& error) {
  for (;;) {
    if (const auto end = pending_.find('\n'); end != std::string::npos) {
      std::string line = pending_.substr(0, end);
      pending_.erase(0, end + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();
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
