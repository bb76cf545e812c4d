#include "game_client/engine/engine_player.h"

#include "game_client/engine/child_process.h"
#include "game_client/engine/gomocup_engine.h"
#include "game_client/engine/uci_engine.h"

namespace engine {

std::optional<std::vector<OpeningAction>> EnginePlayer::opening(const game::Setup&, const game::Game&,
                                                                const std::vector<game::Move>&, std::string&) {
  return std::vector<OpeningAction>{};
}

std::unique_ptr<EnginePlayer> makeEnginePlayer(std::string_view spec, const Settings& settings, std::string& error) {
  const auto colon = spec.find(':');
  const std::string_view protocol = spec.substr(0, colon);
  const std::string command(colon == std::string_view::npos ? std::string_view() : spec.substr(colon + 1));
  if ((protocol != "uci" && protocol != "gomocup") || command.empty()) {
    error = "an engine is uci:COMMAND or gomocup:COMMAND, not '" + std::string(spec) + "'";
    return nullptr;
  }
  std::unique_ptr<ChildProcess> process = ChildProcess::start(command, error);
  if (!process) return nullptr;
  if (protocol == "uci") return std::make_unique<UciEngine>(std::move(process), settings);
  return std::make_unique<GomocupEngine>(std::move(process), settings);
}

}  // namespace engine
