// The client's part of an omok opening without a window: the words the panel
// shows for what the opening asks and for a decision made, and an offer put
// together a point at a time (OfferDraft) on a real game.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "game_client/app/offer_draft.h"
#include "game_client/app/words.h"

namespace client {
namespace {

game::Move at(char file, int rank) { return {0, static_cast<std::uint16_t>((rank - 1) * 15 + (file - 'a')), 0}; }

// A Soosorv-8 game up to black's offer of `count` fifth moves: h8 h9 j10,
// keep, i7, the count declared, keep.
std::unique_ptr<game::Game> offerDue(int count) {
  std::string error;
  auto g = game::makeGame({game::Kind::Omok, game::Rule::Renju, 15, "", game::Opening::Soosorv8}, error);
  EXPECT_TRUE(g) << error;
  const auto decide = [&](game::Choice choice, int value) {
    EXPECT_TRUE(g->decide({choice, value, {}}).accepted());
  };
  for (const game::Move m : {at('h', 8), at('h', 9), at('j', 10)}) EXPECT_TRUE(g->play(m).accepted());
  decide(game::Choice::Swap, 0);
  EXPECT_TRUE(g->play(at('i', 7)).accepted());
  decide(game::Choice::Declare, count);
  decide(game::Choice::Swap, 0);
  EXPECT_EQ(g->opening().step, game::OpeningStep::Offer);
  return g;
}

TEST(OfferDraft, AddsTakesBackAndRefusesWithTheGamesReason) {
  const auto g = offerDue(2);
  OfferDraft draft;
  std::string error;
  EXPECT_TRUE(draft.toggle(*g, at('g', 7), 2, error));
  EXPECT_FALSE(draft.toggle(*g, at('h', 8), 2, error)) << "taken";
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(draft.points().size(), 1u) << "a refusal changes nothing";
  EXPECT_TRUE(draft.toggle(*g, at('k', 8), 2, error));
  EXPECT_FALSE(draft.toggle(*g, at('f', 11), 2, error)) << "two are chosen already";
  EXPECT_EQ(error, "all 2 fifth moves are chosen; click one to take it back");
  EXPECT_TRUE(draft.toggle(*g, at('g', 7), 2, error)) << "a second click takes it back";
  EXPECT_EQ(draft.points(), (std::vector<game::Move>{at('k', 8)}));
  EXPECT_TRUE(draft.toggle(*g, at('f', 11), 2, error));
  const game::Decision offer = draft.decision();
  EXPECT_EQ(offer.choice, game::Choice::Offer);
  EXPECT_TRUE(g->clone()->decide(offer).accepted()) << "what the draft built is an offer the game takes";
  draft.clear();
  EXPECT_TRUE(draft.points().empty());
}

TEST(OpeningWords, SayWhatIsAskedOfWhom) {
  game::OpeningState place{game::Opening::Soosorv8, game::OpeningStep::Place, game::Seat::Player1, 2, 0, false, {}};
  EXPECT_EQ(describeOpening(place, 2, game::Seat::Player1),
            "Opening: you place stone 3 (black) within the central 5×5.");
  EXPECT_EQ(describeOpening(place, 2, game::Seat::Player2),
            "Opening: your opponent places stone 3 (black) within the central 5×5.");
  place.area = 0;
  EXPECT_EQ(describeOpening(place, 0, game::Seat::None),
            "Opening: player 1 places stone 1 (black) on the centre point.");
  const game::OpeningState offer{game::Opening::Soosorv8, game::OpeningStep::Offer, game::Seat::Player2, -1, 3, true,
                                 {}};
  EXPECT_EQ(describeOpening(offer, 4, game::Seat::Player2),
            "Opening: you offer 3 fifth moves: click a point to add it, click it again to take it back.");
  const game::OpeningState option{game::Opening::Swap2, game::OpeningStep::ChooseOption, game::Seat::Player2, -1, 0,
                                  false, {}};
  EXPECT_EQ(describeOpening(option, 3, game::Seat::Player1),
            "Opening: your opponent chooses: 1 take black, 2 stay white and play move 4, or 3 place two more stones.");
  EXPECT_EQ(describeOpening({}, 7, game::Seat::Player1), "") << "no opening, or done";
}

TEST(OpeningWords, SayWhatWasDecided) {
  EXPECT_EQ(describeDecision({game::Choice::Swap, 1, {}}), "swaps the colours");
  EXPECT_EQ(describeDecision({game::Choice::Swap, 0, {}}), "keeps the colours");
  EXPECT_EQ(describeDecision({game::Choice::ChooseColor, 2, {}}), "takes white");
  EXPECT_EQ(describeDecision({game::Choice::ChooseOption, 2, {}}), "stays white and plays move 4");
  EXPECT_EQ(describeDecision({game::Choice::Declare, 5, {}}), "declares 5 fifth moves");
  EXPECT_EQ(describeDecision({game::Choice::Offer, 0, {at('g', 7), at('k', 8)}}), "offers 2 fifth moves");
}

}  // namespace
}  // namespace client
