#include "shared/game/types.h"

#include <array>
#include <utility>

namespace game {
namespace {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Kind, 2> kKinds{{{Kind::Omok, "omok"}, {Kind::Chess, "chess"}}};

constexpr Names<Rule, 5> kRules{{{Rule::Freestyle, "freestyle"},
                                 {Rule::Standard, "standard"},
                                 {Rule::Renju, "renju"},
                                 {Rule::Omok, "omok"},
                                 {Rule::Fide, "fide"}}};

constexpr Names<Result, 4> kResults{{{Result::Ongoing, "ongoing"},
                                     {Result::Player1Wins, "player1"},
                                     {Result::Player2Wins, "player2"},
                                     {Result::Draw, "draw"}}};

constexpr Names<EndReason, 15> kEndReasons{{{EndReason::None, "none"},
                                            {EndReason::FiveInARow, "five-in-a-row"},
                                            {EndReason::BoardFull, "board-full"},
                                            {EndReason::Checkmate, "checkmate"},
                                            {EndReason::Stalemate, "stalemate"},
                                            {EndReason::FiftyMoveRule, "fifty-move-rule"},
                                            {EndReason::SeventyFiveMoveRule, "seventy-five-move-rule"},
                                            {EndReason::ThreefoldRepetition, "threefold-repetition"},
                                            {EndReason::FivefoldRepetition, "fivefold-repetition"},
                                            {EndReason::InsufficientMaterial, "insufficient-material"},
                                            {EndReason::Agreement, "agreement"},
                                            {EndReason::Resignation, "resignation"},
                                            {EndReason::OpponentLeft, "opponent-left"},
                                            {EndReason::Timeout, "timeout"},
                                            {EndReason::Adjourned, "adjourned"}}};

constexpr Names<Reject, 22> kRejects{{{Reject::None, "accepted"},
                                      {Reject::NotYourTurn, "it is not your turn"},
                                      {Reject::GameOver, "the game is over"},
                                      {Reject::OffBoard, "that point is off the board"},
                                      {Reject::Occupied, "that point is already taken"},
                                      {Reject::DoubleThree, "this rule forbids a double three (3-3) here"},
                                      {Reject::DoubleFour, "this rule forbids a double four (4-4) here"},
                                      {Reject::Overline, "this rule forbids an overline (six or more) here"},
                                      {Reject::NoPiece, "there is no piece on that square"},
                                      {Reject::NotYourPiece, "that piece is not yours"},
                                      {Reject::IllegalMove, "that piece cannot move there"},
                                      {Reject::KingInCheck, "that move leaves your king in check"},
                                      {Reject::BadPromotion, "a promotion must name a queen, rook, bishop or knight, and only a pawn reaching the last rank promotes"},
                                      {Reject::NotASpectator, "spectators cannot move"},
                                      {Reject::OutsideArea, "that point is outside the central square allowed for this stone"},
                                      {Reject::NotNow, "that is not what the opening asks for now"},
                                      {Reject::NotAChoice, "that is not one of the choices"},
                                      {Reject::WrongCount, "wrong number of fifth moves"},
                                      {Reject::DuplicateCandidate, "the same fifth move is offered twice"},
                                      {Reject::SymmetricCandidate, "two of the fifth moves are symmetrical to each other"},
                                      {Reject::NotACandidate, "that point is not one of the offered fifth moves"},
                                      {Reject::Forbidden, "that point is forbidden for that colour"}}};

constexpr Names<Opening, 5> kOpenings{{{Opening::None, "none"},
                                       {Opening::Swap1, "swap1"},
                                       {Opening::Swap2, "swap2"},
                                       {Opening::Soosorv8, "soosorv8"},
                                       {Opening::Taraguchi10, "taraguchi10"}}};

constexpr Names<OpeningStep, 9> kOpeningSteps{{{OpeningStep::Place, "place"},
                                               {OpeningStep::Swap, "swap"},
                                               {OpeningStep::SwapOrOffer, "swap-or-offer"},
                                               {OpeningStep::ChooseColor, "choose-color"},
                                               {OpeningStep::ChooseOption, "choose-option"},
                                               {OpeningStep::Declare, "declare"},
                                               {OpeningStep::Offer, "offer"},
                                               {OpeningStep::Pick, "pick"},
                                               {OpeningStep::Done, "done"}}};

constexpr Names<Choice, 5> kChoices{{{Choice::Swap, "swap"},
                                     {Choice::ChooseColor, "color"},
                                     {Choice::ChooseOption, "option"},
                                     {Choice::Declare, "declare"},
                                     {Choice::Offer, "offer"}}};

template <typename E, std::size_t N>
constexpr std::string_view lookup(const Names<E, N>& names, E e) {
  for (const auto& [value, text] : names)
    if (value == e) return text;
  return "unknown";
}

template <typename E, std::size_t N>
constexpr std::optional<E> find(const Names<E, N>& names, std::string_view s) {
  for (const auto& [value, text] : names)
    if (text == s) return value;
  return std::nullopt;
}

}  // namespace

std::string_view name(Kind k) { return lookup(kKinds, k); }
std::string_view name(Rule r) { return lookup(kRules, r); }
std::string_view name(Result r) { return lookup(kResults, r); }
std::string_view name(EndReason r) { return lookup(kEndReasons, r); }
std::string_view describe(Reject r) { return lookup(kRejects, r); }
std::string_view name(Opening o) { return lookup(kOpenings, o); }
std::string_view name(OpeningStep s) { return lookup(kOpeningSteps, s); }
std::string_view name(Choice c) { return lookup(kChoices, c); }

std::optional<Kind> parseKind(std::string_view s) { return find(kKinds, s); }
std::optional<Rule> parseRule(std::string_view s) { return find(kRules, s); }
std::optional<Result> parseResult(std::string_view s) { return find(kResults, s); }
std::optional<EndReason> parseEndReason(std::string_view s) { return find(kEndReasons, s); }
std::optional<Opening> parseOpening(std::string_view s) { return find(kOpenings, s); }
std::optional<Choice> parseChoice(std::string_view s) { return find(kChoices, s); }

bool ruleBelongsTo(Rule r, Kind k) { return (r == Rule::Fide) == (k == Kind::Chess); }

std::string_view color(Kind k, Seat s, bool exchanged) {
  if (s == Seat::None) return {};
  const bool first = (s == Seat::Player1) != exchanged;
  return (k == Kind::Chess) == first ? "white" : "black";
}

}  // namespace game
