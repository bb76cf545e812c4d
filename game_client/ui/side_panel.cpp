#include "game_client/ui/side_panel.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include <SFML/Graphics/CircleShape.hpp>

#include "game_client/ui/draw.h"
#include "game_client/ui/theme.h"

namespace client {

namespace {

constexpr float kPad = 16;
constexpr float kCard = 50;
constexpr float kButtonHeight = 36;
constexpr float kGap = 8;
constexpr unsigned kStatusSize = 16;
constexpr unsigned kErrorSize = 14;
constexpr float kNumberColumn = 46;
constexpr unsigned kChatSize = 14;
constexpr float kChatRow = 19;
constexpr int kChatRows = 5;  // lines of chat kept in view
constexpr float kInputHeight = 30;
constexpr float kClockWidth = 78;
constexpr float kKeyCap = 16;  // the square a button's key is drawn in, at its right

// An ASCII letter in capitals, as shortcutOf() names keys.
char32_t upper(char32_t c) { return c >= U'a' && c <= U'z' ? c - U'a' + U'A' : c; }

float lineHeight(unsigned size) { return std::round(static_cast<float>(size) * 1.4f); }

}  // namespace

void SidePanel::arrange(const Rect& area, const PanelModel& model, const Fonts& fonts) {
  area_ = area;
  const float left = area.left + kPad, width = std::max(40.0f, area.width - 2 * kPad);
  float y = area.top + kPad + 46;  // title and subtitle
  // No names yet (connecting) or none at all (a bad record): no player cards.
  const bool anyone = !model.players[0].name.empty() || !model.players[1].name.empty();
  playersRect_ = {left, y, width, anyone ? 2 * kCard + kGap : 0};
  y = playersRect_.bottom() + (anyone ? 14 : 0);

  statusTop_ = y;
  statusLines_ = wrapText(fonts.regular, model.status, kStatusSize, width);
  errorLines_ = wrapText(fonts.regular, model.error, kErrorSize, width);
  y += static_cast<float>(statusLines_.size()) * lineHeight(kStatusSize) +
       static_cast<float>(errorLines_.size()) * lineHeight(kErrorSize) + 10;

  // Buttons in rows at the bottom; the last row's buttons share its whole width.
  const std::size_t count = model.buttons.size();
  const auto perRow = static_cast<std::size_t>(std::max(1, model.buttonsPerRow));
  const std::size_t rows = (count + perRow - 1) / perRow;
  float top = area.bottom() - kPad - static_cast<float>(rows) * (kButtonHeight + kGap) + kGap;
  buttons_.clear();
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t row = i / perRow, column = i % perRow;
    const auto inRow = static_cast<float>(std::min(perRow, count - row * perRow));
    const float w = (width - (inRow - 1) * kGap) / inRow;
    const float x = left + static_cast<float>(column) * (w + kGap);
    const float y = top + static_cast<float>(row) * (kButtonHeight + kGap);
    buttons_.push_back({std::round(x), std::round(y), std::round(w), kButtonHeight});
  }
  const float buttonsTop = buttons_.empty() ? area.bottom() - kPad : buttons_.front().top;

  // The chat sits above the buttons and keeps its height; the move list takes what is left.
  float chatTop = buttonsTop;
  if (model.chat.shown) {
    const float linesBottom = model.chat.typing ? buttonsTop - 12 - kInputHeight : buttonsTop - 6;
    inputRect_ = model.chat.typing ? Rect{left, linesBottom, width, kInputHeight} : Rect{};
    chatRect_ = {left, linesBottom - 6 - 26 - kChatRows * kChatRow, width, 26 + kChatRows * kChatRow};
    chatTop = chatRect_.top;
  } else {
    inputRect_ = chatRect_ = {};
  }
  arrangeChat(model, fonts);

  movesRect_ = {left, y, width, std::max(0.0f, chatTop - 12 - y)};
  columnWidth_ = std::floor((width - kNumberColumn) / 2);
  arrangeMoves(model);
}

void SidePanel::arrangeMoves(const PanelModel& model) {
  const int count = static_cast<int>(model.moves.size());
  if (count != lastMoveCount_) {
    scrollBack_ = 0;  // a new move brings the list back to the present
    lastMoveCount_ = count;
  }
  rows_.clear();
  const float listTop = movesRect_.top + 26;  // below the "Moves" heading
  const int visible = std::max(0, static_cast<int>((movesRect_.bottom() - listTop) / rowHeight_));
  const int total = (count + 1) / 2;
  if (visible == 0 || total == 0) return;
  const int focus = (model.current >= 0 ? model.current : count - 1) / 2;
  const int automatic = std::clamp(focus - visible + 2, 0, std::max(0, total - visible));
  scrollBack_ = std::clamp(scrollBack_, 0, automatic);
  const int first = automatic - scrollBack_;
  for (int r = first; r < std::min(total, first + visible); ++r)
    rows_.push_back({{movesRect_.left, listTop + static_cast<float>(r - first) * rowHeight_, movesRect_.width, rowHeight_},
                     r * 2});
}

void SidePanel::arrangeChat(const PanelModel& model, const Fonts& fonts) {
  chatRows_.clear();
  if (!model.chat.shown) return;
  // Wrap from the newest line backwards until the view is full.
  for (auto line = model.chat.lines.rbegin();
       line != model.chat.lines.rend() && chatRows_.size() < static_cast<std::size_t>(kChatRows); ++line) {
    const std::string name = line->who + ":";
    // Wrapped a little short: the name is drawn in bold, a few pixels wider.
    auto wrapped = wrapText(fonts.regular, name + " " + line->text, kChatSize, chatRect_.width - 12);
    for (auto row = wrapped.rbegin(); row != wrapped.rend() && chatRows_.size() < static_cast<std::size_t>(kChatRows);
         ++row) {
      // A name too long for one row is drawn as plain text.
      const bool first = row + 1 == wrapped.rend() && row->compare(0, name.size(), name) == 0;
      chatRows_.insert(chatRows_.begin(), {*row, first ? name.size() : 0, line->own});
    }
  }
}

bool SidePanel::scroll(int rows) {
  const int before = scrollBack_;
  scrollBack_ = std::max(0, scrollBack_ + rows);
  return scrollBack_ != before;  // arrange() clamps it to what exists
}

bool SidePanel::pointerMoved(Vec2 p) {
  const auto over = [&](Vec2 q) {
    for (std::size_t i = 0; i < buttons_.size(); ++i)
      if (buttons_[i].contains(q)) return static_cast<int>(i);
    return -1;
  };
  const bool changed = over(p) != over(pointer_);
  pointer_ = p;
  return changed;
}

char32_t shortcutOf(Action action) {
  switch (action) {
    case Action::Swap: return U'S';
    case Action::Keep: return U'K';
    case Action::TakeBlack: return U'B';
    case Action::TakeWhite: return U'W';
    case Action::OptionBlack: return U'1';
    case Action::OptionWhite: return U'2';
    case Action::OptionStones: return U'3';
    case Action::Declare: return U'D';
    case Action::StartOffer:  // never shown with Offer: one button or the other
    case Action::Offer: return U'O';
    case Action::Rematch: return U'R';
    case Action::AcceptRematch: return U'Y';
    case Action::DeclineRematch: return U'N';
    default: return 0;
  }
}

std::optional<Action> shortcut(const PanelModel& model, char32_t typed) {
  if (typed == 0) return std::nullopt;
  for (const PanelButton& b : model.buttons)
    if (b.enabled && shortcutOf(b.action) == upper(typed)) return b.action;
  return std::nullopt;
}

std::optional<PanelHit> SidePanel::hit(Vec2 p, const PanelModel& model) const {
  for (std::size_t i = 0; i < buttons_.size() && i < model.buttons.size(); ++i)
    if (buttons_[i].contains(p) && model.buttons[i].enabled) return model.buttons[i].action;
  if (model.chat.open && inputRect_.contains(p)) return Action::FocusChat;
  if (!model.movesClickable) return std::nullopt;
  for (const Row& row : rows_) {
    if (!row.rect.contains(p)) continue;
    const float x = p.x - row.rect.left - kNumberColumn;
    if (x < 0) return std::nullopt;
    const int ply = row.firstPly + (x >= columnWidth_ ? 1 : 0);
    if (ply < static_cast<int>(model.moves.size())) return ply;
  }
  return std::nullopt;
}

void SidePanel::draw(sf::RenderTarget& target, const PanelModel& model, const Fonts& fonts) const {
  fillRect(target, area_, theme::kPanel);
  const float left = area_.left + kPad, width = area_.width - 2 * kPad;
  // A long title gets a smaller font rather than running off the panel.
  unsigned titleSize = 20;
  while (titleSize > 13 && textWidth(fonts.bold, model.title, titleSize) > width) --titleSize;
  drawText(target, fonts.bold, model.title, titleSize, theme::kText, {left, area_.top + kPad + 10}, Anchor::Left);
  drawText(target, fonts.regular, model.subtitle, 13, theme::kTextDim, {left, area_.top + kPad + 34}, Anchor::Left);

  if (!model.watching.empty())
    drawText(target, fonts.bold, model.watching, 13, theme::kAccent, {area_.right() - kPad, area_.top + kPad + 34},
             Anchor::Right);

  for (int i = 0; i < 2 && playersRect_.height > 0; ++i)
    drawPlayer(target, model.players[static_cast<std::size_t>(i)],
               {left, playersRect_.top + static_cast<float>(i) * (kCard + kGap), width, kCard}, fonts);

  float y = statusTop_;
  for (const auto& line : statusLines_) {
    drawText(target, fonts.regular, line, kStatusSize, theme::kText, {left, y + lineHeight(kStatusSize) / 2},
             Anchor::Left);
    y += lineHeight(kStatusSize);
  }
  for (const auto& line : errorLines_) {
    drawText(target, fonts.regular, line, kErrorSize, theme::kError, {left, y + lineHeight(kErrorSize) / 2},
             Anchor::Left);
    y += lineHeight(kErrorSize);
  }

  if (model.showMoves && movesRect_.height > 30) {
    drawText(target, fonts.bold, "Moves", 14, theme::kTextDim, {left, movesRect_.top + 10}, Anchor::Left);
    fillRect(target, {left, movesRect_.top + 21, width, 1}, theme::kPanelRaised);
  }
  for (const Row& row : rows_) {
    const int number = row.firstPly / 2 + 1;
    const float cy = row.rect.center().y;
    if ((row.firstPly / 2) % 2 == 1) fillRect(target, row.rect, sf::Color(255, 255, 255, 8));
    drawText(target, fonts.regular, std::to_string(number) + ".", 14, theme::kTextDim,
             {row.rect.left + kNumberColumn - 12, cy}, Anchor::Right);
    for (int k = 0; k < 2; ++k) {
      const int ply = row.firstPly + k;
      if (ply >= static_cast<int>(model.moves.size())) break;
      const Rect cell{row.rect.left + kNumberColumn + static_cast<float>(k) * columnWidth_, row.rect.top, columnWidth_ - 4,
                      row.rect.height};
      const bool current = ply == model.current;
      if (current) fillRect(target, cell, sf::Color(theme::kAccent.r, theme::kAccent.g, theme::kAccent.b, 70));
      drawText(target, current ? fonts.bold : fonts.regular, model.moves[static_cast<std::size_t>(ply)], 15,
               theme::kText, {cell.left + 8, cy}, Anchor::Left);
    }
  }

  drawChat(target, model, fonts);

  for (std::size_t i = 0; i < buttons_.size() && i < model.buttons.size(); ++i) {
    const PanelButton& b = model.buttons[i];
    const bool hover = b.enabled && buttons_[i].contains(pointer_);
    const bool primary = b.enabled && b.primary;
    const sf::Color fill = !b.enabled ? theme::kButtonDisabled
                           : primary  ? (hover ? theme::kAccentHover : theme::kAccent)
                           : hover    ? theme::kButtonHover
                                      : theme::kButton;
    fillRect(target, buttons_[i], fill);
    Rect face = buttons_[i];
    if (const char32_t key = shortcutOf(b.action)) {
      // The key in a small cap at the right; the label is centred in what is left.
      assert(key < 0x80 && "keys are ASCII");
      const Rect cap{face.right() - 6 - kKeyCap, face.center().y - kKeyCap / 2, kKeyCap, kKeyCap};
      fillRect(target, cap, theme::kPanel);
      drawText(target, fonts.bold, std::string(1, static_cast<char>(key)), 12, theme::kTextDim, cap.center());
      face.width -= kKeyCap + 6;
    }
    drawText(target, fonts.bold, b.label, 14, primary ? theme::kClockInk : b.enabled ? theme::kText : theme::kTextDim,
             face.center());
  }
}

void SidePanel::drawPlayer(sf::RenderTarget& target, const PanelPlayer& pl, const Rect& card,
                           const Fonts& fonts) const {
  fillRect(target, card, theme::kPanelRaised);
  if (pl.toMove) fillRect(target, {card.left, card.top, 4, card.height}, theme::kAccent);
  if (!pl.clock.empty()) {
    // The running clock is lit, as on a chess clock; low time turns it red.
    const Rect face{card.right() - 10 - kClockWidth, card.top + 9, kClockWidth, card.height - 18};
    const sf::Color ink = pl.clockLow ? theme::kError : pl.clockRunning ? theme::kClockInk : theme::kText;
    fillRect(target, face, pl.clockRunning ? (pl.clockLow ? theme::kClockLowFace : theme::kClockFace) : theme::kPanel);
    drawText(target, fonts.bold, pl.clock, 18, ink, face.center());
  } else if (pl.toMove) {
    drawText(target, fonts.bold, "to move", 13, theme::kAccent, {card.right() - 12, card.center().y}, Anchor::Right);
  }
  const Vec2 swatch{card.left + 26, card.center().y};
  sf::CircleShape disc(11, 32);
  disc.setOrigin(11, 11);
  disc.setPosition(swatch.x, swatch.y);
  disc.setFillColor(pl.dark ? sf::Color(28, 28, 30) : sf::Color(245, 243, 236));
  disc.setOutlineThickness(1.5f);
  disc.setOutlineColor(pl.dark ? sf::Color(140, 140, 140) : sf::Color(90, 86, 80));
  target.draw(disc);
  drawText(target, fonts.bold, pl.name.empty() ? "—" : pl.name, 16, theme::kText, {card.left + 46, card.top + 17},
           Anchor::Left);
  drawText(target, fonts.regular, pl.you ? pl.colour + " · you" : pl.colour, 13, theme::kTextDim,
           {card.left + 46, card.top + 36}, Anchor::Left);
}

void SidePanel::drawChat(sf::RenderTarget& target, const PanelModel& model, const Fonts& fonts) const {
  if (!model.chat.shown) return;
  const float left = chatRect_.left, width = chatRect_.width;
  drawText(target, fonts.bold, "Chat", 14, theme::kTextDim, {left, chatRect_.top + 10}, Anchor::Left);
  fillRect(target, {left, chatRect_.top + 21, width, 1}, theme::kPanelRaised);
  // The newest line sits just above the input line, as chats go.
  float y = chatRect_.bottom() - static_cast<float>(chatRows_.size()) * kChatRow + kChatRow / 2;
  for (const ChatRow& row : chatRows_) {
    float x = left;
    if (row.nameBytes > 0) {
      x += drawText(target, fonts.bold, row.text.substr(0, row.nameBytes), kChatSize,
                    row.own ? theme::kAccent : theme::kTextDim, {x, y}, Anchor::Left);
      x += fonts.regular.getGlyph(U' ', kChatSize, false).advance;
    }
    const std::size_t skip = row.nameBytes > 0 ? std::min(row.text.size(), row.nameBytes + 1) : 0;
    drawText(target, fonts.regular, std::string_view(row.text).substr(skip), kChatSize, theme::kText, {x, y},
             Anchor::Left);
    y += kChatRow;
  }
  if (!model.chat.typing) return;

  drawInputLine(target, fonts.regular, inputRect_, model.chat.input,
                model.chat.open ? "Press Enter or click here to chat" : "The chat has closed", model.chat.focused,
                kChatSize);
}

}  // namespace client
