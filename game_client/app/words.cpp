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

std::string noRematchSentence(const std::string& why) {
  return why.find("rematch") != std::string::npos ? sentence(why) : "No rematch: " + why + ".";
}

}  // namespace client

namespace client {

std::string describeOpening(const game::OpeningState& opening, int stones, game::Seat viewer) {
  if (!opening.inProgress()) return {};
  const bool mine = viewer != game::Seat::None && opening.decider == viewer;
  const std::string who = mine                       ? "you"
                          : viewer == game::Seat::None ? "player " + std::to_string(static_cast<int>(opening.decider))
                                                       : "your opponent";
  const std::string verb = mine ? "" : "s";
  std::string what;
  switch (opening.step) {
    case game::OpeningStep::Place: {
      const std::string colour = stones % 2 == 0 ? "black" : "white";
      const std::string side = std::to_string(2 * opening.area + 1);
      const std::string where = opening.area == game::OpeningState::kWholeBoard ? ""
                                : opening.area == 0 ? " on the centre point"
                                                    : " within the central " + side + "×" + side;
      what = who + " place" + verb + " stone " + std::to_string(stones + 1) + " (" + colour + ")" + where;
      break;
    }
    case game::OpeningStep::Swap: what = who + " decide" + verb + " whether to swap colours"; break;
    case game::OpeningStep::SwapOrOffer:
      what = who + " decide" + verb + " to swap, to keep the colours, or to offer " +
             std::to_string(opening.offerCount) + " fifth moves";
      break;
    case game::OpeningStep::ChooseColor: what = who + " choose" + verb + " a colour"; break;
    case game::OpeningStep::ChooseOption:
      what = who + " choose" + verb + ": 1 take black, 2 stay white and play move 4, or 3 place two more stones";
      break;
    case game::OpeningStep::Declare:
      what = who + " declare" + verb + " how many fifth moves black offers (1–8)";
      break;
    case game::OpeningStep::Offer:
      what = who + " offer" + verb + " " + std::to_string(opening.offerCount) + " fifth moves" +
             (mine ? ": click a point to add it, click it again to take it back" : "");
      break;
    case game::OpeningStep::Pick:
      what = who + " pick" + verb + " one of the " + std::to_string(opening.candidates.size()) +
             " fifth moves offered" + (mine ? ": click one" : "");
      break;
    case game::OpeningStep::Done: break;
  }
  return "Opening: " + what + ".";
}

std::string describeDecision(const game::Decision& decision) {
  switch (decision.choice) {
    case game::Choice::Swap: return decision.value == 1 ? "swaps the colours" : "keeps the colours";
    case game::Choice::ChooseColor: return decision.value == 1 ? "takes black" : "takes white";
    case game::Choice::ChooseOption:
      switch (decision.value) {
        case 1: return "takes black";
        case 2: return "stays white and plays move 4";
        default: return "places two more stones";
      }
    case game::Choice::Declare: return "declares " + std::to_string(decision.value) + " fifth moves";
    case game::Choice::Offer: return "offers " + std::to_string(decision.points.size()) + " fifth moves";
  }
  return {};
}

std::string gameTitle(const game::Setup& setup) {
  std::string title = capitalized(std::string(game::name(setup.kind)));
  if (setup.kind == game::Kind::Omok) {
    const std::string size = std::to_string(setup.boardSize);
    title += " · " + std::string(game::name(setup.rule)) + " · " + size + "×" + size;
    if (setup.opening != game::Opening::None) title += " · " + std::string(game::name(setup.opening));
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
