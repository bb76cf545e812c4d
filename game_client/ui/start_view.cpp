#include "game_client/ui/start_view.h"

#include <algorithm>

#include "game_client/ui/draw.h"
#include "game_client/ui/theme.h"

namespace client {

namespace {
constexpr float kPad = 24;
constexpr float kHeading = 56;  // as the record list's heading below, so the two sections read alike
constexpr float kLabel = 132;   // the labels' column
constexpr float kField = 36;
constexpr float kFieldGap = 10;
constexpr unsigned kFieldText = 16;
constexpr unsigned kErrorSize = 15;
constexpr float kErrorLine = 21;
constexpr float kSection = 18;  // between the form and the records
}  // namespace

void StartView::arrange(const Rect& area, const StartModel& model, const Fonts& fonts) {
  area_ = area;
  const float left = area.left + kPad, right = area.right() - kPad;
  float y = area.top + kPad + kHeading;
  fields_.clear();
  for (std::size_t i = 0; i < model.fields.size(); ++i) {
    fields_.push_back({left + kLabel, y, std::max(40.0f, right - left - kLabel), kField});
    y += kField + kFieldGap;
  }
  errorTop_ = y;
  errorLines_ = wrapText(fonts.regular, model.error, kErrorSize, right - left - kLabel);
  y += static_cast<float>(errorLines_.size()) * kErrorLine + kSection;
  records_.arrange({area.left, y, area.width, std::max(0.0f, area.bottom() - y)}, model.records);
}

std::optional<StartHit> StartView::hit(Vec2 p) const {
  for (std::size_t i = 0; i < fields_.size(); ++i)
    if (fields_[i].contains(p)) return StartHit{StartHit::Kind::Field, static_cast<int>(i)};
  if (const auto record = records_.hit(p)) return StartHit{StartHit::Kind::Record, *record};
  return std::nullopt;
}

void StartView::draw(sf::RenderTarget& target, const StartModel& model, const Fonts& fonts) const {
  const float left = area_.left + kPad;
  drawText(target, fonts.bold, model.heading, 22, theme::kText, {left, area_.top + kPad + 14}, Anchor::Left);
  for (std::size_t i = 0; i < fields_.size() && i < model.fields.size(); ++i) {
    const StartField& field = model.fields[i];
    const Rect& box = fields_[i];
    drawText(target, fonts.regular, field.label, 15, field.focused ? theme::kText : theme::kTextDim,
             {left, box.center().y}, Anchor::Left);
    drawInputLine(target, fonts.regular, box, field.text, field.placeholder, field.focused, kFieldText);
  }
  float y = errorTop_;
  for (const auto& line : errorLines_) {
    drawText(target, fonts.regular, line, kErrorSize, theme::kError, {left + kLabel, y + kErrorLine / 2},
             Anchor::Left);
    y += kErrorLine;
  }
  // A rule between playing and replaying.
  fillRect(target, {left, y + kSection / 2, area_.width - 2 * kPad, 1}, theme::kPanelRaised);
  records_.draw(target, model.records, fonts);
}

}  // namespace client
