#include "game_client/app/words.h"

#include <cassert>
#include <cctype>
#include <utility>

namespace client {

std::string capitalized(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

std::string sentence(std::string text) {
  if (text.empty()) return text;
  const bool ended = text.back() == '.' || text.back() == '!' || text.back() == '?' || text.ends_with("…");
  return capitalized(std::move(text)) + (ended ? "" : ".");
}

std::string describe(game::EndReason reason) {
  switch (reason) {
    case game::EndReason::None: return "";
    case game::EndReason::FiveInARow: return "with five in a row";
    case game::EndReason::BoardFull: return "because the board is full";
    case game::EndReason::Checkmate: return "by checkmate";
    case game::EndReason::Stalemate: return "by stalemate";
    case game::EndReason::FiftyMoveRule: return "by the fifty-move rule";
    case game::EndReason::SeventyFiveMoveRule: return "by the seventy-five-move rule";
    case game::EndReason::ThreefoldRepetition: return "by threefold repetition";
    case game::EndReason::FivefoldRepetition: return "by fivefold repetition";
    case game::EndReason::InsufficientMaterial: return "by insufficient material";
    case game::EndReason::Agreement: return "by agreement";
    case game::EndReason::Resignation: return "by resignation";
    case game::EndReason::OpponentLeft: return "because the opponent left";
    case game::EndReason::Timeout: return "on time";
    case game::EndReason::Adjourned: return "adjourned";
  }
  return "";
}

std::string resultSentence(const game::Status& status, const BoardView& board) {
  std::string who;
  switch (status.result) {
    case game::Result::Ongoing: return "The game goes on.";
    case game::Result::Draw: who = "Draw"; break;
    case game::Result::Player1Wins: who = board.side(game::Seat::Player1).name + " wins"; break;
    case game::Result::Player2Wins: who = board.side(game::Seat::Player2).name + " wins"; break;
  }
  const std::string why = describe(status.reason);
  return capitalized(who) + (why.empty() ? "" : " " + why) + ".";
}

}  // namespace client

namespace client {

std::string gameTitle(const game::Setup& setup) {
  std::string title = capitalized(std::string(game::name(setup.kind)));
  if (setup.kind == game::Kind::Omok) {
    const std::string size = std::to_string(setup.boardSize);
    title += " · " + std::string(game::name(setup.rule)) + " · " + size + "×" + size;
  }
  return title;
}

}  // namespace client

namespace client {

std::string describe(const proto::Error& error) {
  const std::string text(proto::text(error.text));
  const std::string server = text.empty() ? "" : " (" + text + ")";
  switch (error.code) {
    case proto::ErrorCode::RateLimited: return "Too fast" + server + ".";
    case proto::ErrorCode::TakebackRefused: return "The server refused the take-back" + server + ".";
    case proto::ErrorCode::NoTakebackRequest: return "There is no take-back request to answer any more.";
    case proto::ErrorCode::NoDrawOffer: return "There is no draw offer to answer any more.";
    case proto::ErrorCode::NoClaimableDraw: return "No draw can be claimed now" + server + ".";
    case proto::ErrorCode::NotAPlayer: return "Spectators cannot play, offer or resign.";
    case proto::ErrorCode::UnexpectedPacket: return "Too late: the game had moved on" + server + ".";
    default: return text.empty() ? std::string(proto::name(error.code)) : text;
  }
}

std::string utf8(const std::filesystem::path& path) {
  const std::u8string utf8 = path.u8string();
  return {utf8.begin(), utf8.end()};
}

std::string describeTime(const std::string& iso) {
  assert(iso.size() >= 19);
  return iso.substr(0, 10) + ' ' + iso.substr(11, 8) + " UTC";
}

}  // namespace client
