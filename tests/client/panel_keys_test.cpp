// The panel's keys, without a window: a typed key presses the shown, enabled
// button it is drawn on, as a click on it would, in either case; each key
// names one action (the two offers, never shown together, share theirs).
#include <gtest/gtest.h>

#include <map>

#include "game_client/ui/side_panel.h"

namespace client {
namespace {

PanelModel withButtons(std::vector<PanelButton> buttons) {
  PanelModel model;
  model.buttons = std::move(buttons);
  return model;
}

TEST(PanelKeys, AKeyPressesTheEnabledButtonItIsDrawnOn) {
  const PanelModel swap = withButtons({{Action::Swap, "Swap"}, {Action::Keep, "Keep", true, true}});
  EXPECT_EQ(shortcut(swap, U's'), Action::Swap);
  EXPECT_EQ(shortcut(swap, U'S'), Action::Swap);
  EXPECT_EQ(shortcut(swap, U'k'), Action::Keep);
  EXPECT_EQ(shortcut(swap, U'b'), std::nullopt) << "no colour is asked for";
  EXPECT_EQ(shortcut(swap, U'\r'), std::nullopt);
  EXPECT_EQ(shortcut(swap, 0), std::nullopt);

  const PanelModel options = withButtons(
      {{Action::OptionBlack, "Take black"}, {Action::OptionWhite, "Stay white"}, {Action::OptionStones, "Two stones"}});
  EXPECT_EQ(shortcut(options, U'1'), Action::OptionBlack);
  EXPECT_EQ(shortcut(options, U'2'), Action::OptionWhite);
  EXPECT_EQ(shortcut(options, U'3'), Action::OptionStones);

  const PanelModel pending = withButtons({{Action::Rematch, "Rematch offered…", false}});
  EXPECT_EQ(shortcut(pending, U'r'), std::nullopt) << "a disabled button is not pressed by its key either";
  const PanelModel offered =
      withButtons({{Action::AcceptRematch, "Accept rematch"}, {Action::DeclineRematch, "Decline"}});
  EXPECT_EQ(shortcut(offered, U'y'), Action::AcceptRematch);
  EXPECT_EQ(shortcut(offered, U'n'), Action::DeclineRematch);
}

TEST(PanelKeys, TheDecisionsAndTheRematchHaveKeysOfTheirOwn) {
  std::map<char32_t, std::vector<Action>> byKey;
  for (const Action action : {Action::Swap, Action::Keep, Action::TakeBlack, Action::TakeWhite, Action::OptionBlack,
                              Action::OptionWhite, Action::OptionStones, Action::Declare, Action::StartOffer,
                              Action::Offer, Action::Rematch, Action::AcceptRematch, Action::DeclineRematch}) {
    const char32_t key = shortcutOf(action);
    ASSERT_NE(key, 0u);
    EXPECT_TRUE((key >= U'A' && key <= U'Z') || (key >= U'1' && key <= U'9')) << static_cast<int>(key);
    byKey[key].push_back(action);
  }
  for (const auto& [key, actions] : byKey) {
    if (key == U'O') continue;
    EXPECT_EQ(actions.size(), 1u) << static_cast<char>(key);
  }
  EXPECT_EQ(byKey[U'O'], (std::vector<Action>{Action::StartOffer, Action::Offer}));
  EXPECT_EQ(shortcutOf(Action::Resign), 0u) << "resigning takes a click, and a second to confirm";
  EXPECT_EQ(shortcutOf(Action::FocusChat), 0u);
}

}  // namespace
}  // namespace client
