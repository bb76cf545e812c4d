#include "game_client/ui/lobby_view.h"

#include <algorithm>

#include "game_client/ui/draw.h"
#include "game_client/ui/theme.h"

namespace client {

namespace {
constexpr float kPad = 24;
constexpr float kHeading = 56;
constexpr float kCard = 64;
constexpr float kGap = 8;
constexpr float kPill = 84;
}  // namespace

void LobbyView::arrange(const Rect& area, const LobbyModel& model) {
  area_ = area;
  cards_.clear();
  const float top = area.top + kPad + kHeading;
  const int fit = std::max(1, static_cast<int>((area.bottom() - kPad - top + kGap) / (kCard + kGap)));
  const int count = static_cast<int>(model.entries.size());
  first_ = std::clamp(first_, 0, std::max(0, count - fit));
  for (int i = first_; i < std::min(count, first_ + fit); ++i) {
    const float y = top + static_cast<float>(i - first_) * (kCard + kGap);
    cards_.push_back({{area.left + kPad, y, area.width - 2 * kPad, kCard}, i});
  }
}

std::optional<int> LobbyView::hit(Vec2 p) const {
  for (const Card& card : cards_)
    if (card.rect.contains(p)) return card.index;
  return std::nullopt;
}

bool LobbyView::pointerMoved(Vec2 p) {
  const bool changed = hit(p) != hit(pointer_);
  pointer_ = p;
  return changed;
}

bool LobbyView::scroll(int rows) {
  const int before = first_;
  first_ = std::max(0, first_ - rows);
  return first_ != before;  // arrange() clamps it to what exists
}

void LobbyView::draw(sf::RenderTarget& target, const LobbyModel& model, const Fonts& fonts) const {
  const float left = area_.left + kPad;
  drawText(target, fonts.bold, model.heading, 22, theme::kText, {left, area_.top + kPad + 14}, Anchor::Left);
  if (cards_.empty()) {
    const auto lines = wrapText(fonts.regular, model.empty, 15, area_.width - 2 * kPad);
    float y = area_.top + kPad + kHeading + 10;
    for (const auto& line : lines) {
      drawText(target, fonts.regular, line, 15, theme::kTextDim, {left, y}, Anchor::Left);
      y += 22;
    }
    return;
  }
  const int count = static_cast<int>(model.entries.size());
  if (cards_.size() < model.entries.size()) {
    const int last = first_ + static_cast<int>(cards_.size());
    const std::string shown =
        std::to_string(first_ + 1) + "–" + std::to_string(last) + " of " + std::to_string(count) + " · scroll for more";
    drawText(target, fonts.regular, shown, 13, theme::kTextDim, {area_.right() - kPad, area_.top + kPad + 16},
             Anchor::Right);
  }
  for (const Card& card : cards_) {
    const LobbyEntry& e = model.entries[static_cast<std::size_t>(card.index)];
    const Rect& r = card.rect;
    const bool picked = card.index == model.selected;
    const bool lit = picked || r.contains(pointer_);
    fillRect(target, r, lit ? theme::kButton : theme::kPanelRaised);
    if (picked) fillRect(target, {r.left, r.top, 4, r.height}, theme::kAccent);
    drawText(target, fonts.bold, e.players, 16, theme::kText, {r.left + 16, r.top + 22}, Anchor::Left);
    drawText(target, fonts.regular, e.game, 13, theme::kTextDim, {r.left + 16, r.top + 44}, Anchor::Left);
    // The pill's place is kept when it has nothing to say, so the texts beside it stay in one column.
    const Rect pill{r.right() - 12 - kPill, r.top + 16, kPill, r.height - 32};
    if (!e.action.empty()) {
      fillRect(target, pill, lit ? theme::kAccent : theme::kButton);
      drawText(target, fonts.bold, e.action, 14, lit ? theme::kClockInk : theme::kText, pill.center());
    }
    const float x = pill.left - 16;
    drawText(target, fonts.regular, e.progress, 13, theme::kTextDim, {x, r.top + 22}, Anchor::Right);
    if (!e.watching.empty())
      drawText(target, fonts.regular, e.watching, 13, theme::kAccent, {x, r.top + 44}, Anchor::Right);
  }
}

}  // namespace client
