// The words for what a game in play refuses, in one table: the server sends
// them with its refusals, and the client says the same when it refuses a
// request locally, before sending it, so a player reads one sentence for one
// reason wherever it is caught.
#pragma once

#include <string_view>

namespace proto::refusals {

inline constexpr std::string_view kNoDrawOffer = "your opponent has not offered a draw";
inline constexpr std::string_view kOwnDrawOfferPending = "your draw offer is still pending";
inline constexpr std::string_view kNoClaimableDraw = "no draw can be claimed now";
inline constexpr std::string_view kNoTakebackRequest = "your opponent has not asked to take a move back";
inline constexpr std::string_view kTakebackPending = "a take-back request is already pending";
inline constexpr std::string_view kOwnTakebackPending = "your take-back request is still pending";
inline constexpr std::string_view kNothingToTakeback = "you have no move to take back yet";
inline constexpr std::string_view kNoTakebacks = "this game has no take-backs";

}  // namespace proto::refusals
