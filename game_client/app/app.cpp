#include "game_client/app/app.h"

#include <iostream>

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/View.hpp>
#include <SFML/Window/Event.hpp>

#include "game_client/ui/draw.h"
#include "game_client/ui/theme.h"

namespace client {

namespace {

// Idle polling interval: short enough that clicks and packets feel instant,
// long enough that an idle client sleeps almost all the time.
const sf::Time kIdleWait = sf::milliseconds(15);

sf::ContextSettings smoothEdges() {
  sf::ContextSettings settings;
  settings.antialiasingLevel = 4;
  return settings;
}

}  // namespace

App::App(std::unique_ptr<Mode> mode, const Fonts& fonts, const WindowOptions& options)
    : mode_(std::move(mode)),
      fonts_(fonts),
      options_(options),
      window_(sf::VideoMode(options.width, options.height), "Omok & Chess", sf::Style::Default, smoothEdges()) {
  window_.setFramerateLimit(60);
  layout_ = layoutWindow(static_cast<float>(options.width), static_cast<float>(options.height));
}

std::optional<BoardGeometry> App::geometry() {
  BoardView* board = mode_->board();
  if (!board) return std::nullopt;
  return BoardGeometry(layout_.board, board->cellsPerSide(), board->flippedFor(mode_->viewer()));
}

bool App::boardInput(bool changed) {
  if (BoardView* board = mode_->board())
    if (const auto move = board->takeRequest()) {
      mode_->requestMove(*move);
      return true;
    }
  return changed;
}

bool App::panelClick(Vec2 p) {
  const auto hit = panel_.hit(p, mode_->panel());
  if (!hit) return false;
  if (const auto* action = std::get_if<Action>(&*hit)) return mode_->act(*action);
  return mode_->selectMove(std::get<int>(*hit));
}

bool App::pointerMoved(Vec2 p) {
  bool changed = panel_.pointerMoved(p);
  if (mode_->lobby()) changed |= lobbyView_.pointerMoved(p);
  if (mode_->start()) changed |= startView_.pointerMoved(p);
  if (const auto geo = geometry()) changed |= mode_->board()->pointerMoved(p, *geo);
  return changed;
}

bool App::pressed(Vec2 p) {
  if (layout_.board.contains(p)) {
    if (mode_->lobby()) {
      const auto index = lobbyView_.hit(p);
      return index && mode_->openEntry(*index);
    }
    if (mode_->start()) {
      const auto hit = startView_.hit(p);
      if (!hit) return false;
      return hit->kind == StartHit::Kind::Field ? mode_->focusField(hit->index) : mode_->openEntry(hit->index);
    }
    if (const auto geo = geometry()) return boardInput(mode_->board()->pointerPressed(p, *geo));
  }
  return panelClick(p);
}

bool App::handle(const sf::Event& event) {
  BoardView* board = mode_->board();
  const auto geo = geometry();
  switch (event.type) {
    case sf::Event::Closed: window_.close(); return false;
    case sf::Event::Resized: {
      // A view the size of the window keeps one unit one pixel: sharp lines, a square board.
      const auto w = static_cast<float>(event.size.width), h = static_cast<float>(event.size.height);
      window_.setView(sf::View(sf::FloatRect(0, 0, w, h)));
      layout_ = layoutWindow(w, h);
      return true;
    }
    case sf::Event::MouseMoved:
      return pointerMoved({static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)});
    case sf::Event::MouseLeft: return board && board->pointerLeft();
    case sf::Event::MouseButtonPressed:
      if (event.mouseButton.button != sf::Mouse::Left) return false;
      return pressed({static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)});
    case sf::Event::MouseButtonReleased: {
      if (event.mouseButton.button != sf::Mouse::Left || !board || !geo) return false;
      const Vec2 p{static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)};
      return boardInput(board->pointerReleased(p, *geo));
    }
    case sf::Event::MouseWheelScrolled: {
      const int rows = event.mouseWheelScroll.delta > 0 ? 1 : -1;
      const Vec2 p{static_cast<float>(event.mouseWheelScroll.x), static_cast<float>(event.mouseWheelScroll.y)};
      if (mode_->lobby() && layout_.board.contains(p)) return lobbyView_.scroll(rows);
      if (mode_->start() && layout_.board.contains(p)) return startView_.scroll(rows);
      return panel_.scroll(rows);
    }
    case sf::Event::KeyPressed:
      // The mode first: Escape leaves the chat line before it drops a half-made move.
      if (mode_->key(event.key.code)) return true;
      return event.key.code == sf::Keyboard::Escape && board && board->cancelGesture();
    case sf::Event::TextEntered: return mode_->text(event.text.unicode);
    default: return false;
  }
}

void App::renderStage(sf::RenderTarget& target) {
  if (const LobbyModel* lobby = mode_->lobby()) {
    lobbyView_.arrange(layout_.board, *lobby);
    lobbyView_.draw(target, *lobby, fonts_);
    return;
  }
  if (const StartModel* start = mode_->start()) {
    startView_.arrange(layout_.board, *start, fonts_);
    startView_.draw(target, *start, fonts_);
    return;
  }
  // No board yet (connecting) or none at all (a bad record): say why where it would be.
  const PanelModel& model = mode_->panel();
  const bool failed = !model.error.empty();
  const float width = layout_.board.width * 0.8f;
  const auto lines = wrapText(fonts_.regular, failed ? model.error : model.status, 15, width);
  const Vec2 c = layout_.board.center();
  float y = c.y - static_cast<float>(lines.size()) * 11 - 14;
  drawText(target, fonts_.bold, model.title, 22, theme::kText, {c.x, y});
  y += 36;
  for (const auto& line : lines) {
    drawText(target, fonts_.regular, line, 15, failed ? theme::kError : theme::kTextDim, {c.x, y});
    y += 22;
  }
}

void App::render(sf::RenderTarget& target) {
  target.clear(theme::kBackground);
  if (const auto geo = geometry()) mode_->board()->draw(target, *geo, fonts_);
  else renderStage(target);
  panel_.arrange(layout_.panel, mode_->panel(), fonts_);
  panel_.draw(target, mode_->panel(), fonts_);
}

bool App::saveScreenshot(const std::filesystem::path& file) {
  // The same frame drawn off screen: reading back a window's front buffer is
  // not reliable everywhere, an off-screen texture is.
  const sf::Vector2u size = window_.getSize();
  sf::RenderTexture canvas;
  if (!canvas.create(size.x, size.y, smoothEdges())) {
    std::cerr << "game_client: cannot create a " << size.x << "x" << size.y << " canvas for the screenshot\n";
    return false;
  }
  canvas.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(size.x), static_cast<float>(size.y))));
  render(canvas);
  canvas.display();
  if (!canvas.getTexture().copyToImage().saveToFile(file.string())) {
    std::cerr << "game_client: cannot write the screenshot " << file.string() << '\n';
    return false;
  }
  return true;
}

int App::run() {
  // A window the system could not give (Wine without a display gives one of
  // size 0) would spin here drawing nothing.
  if (const auto size = window_.getSize(); !window_.isOpen() || size.x == 0 || size.y == 0) {
    std::cerr << "game_client: the system gave no window to draw in (is there a display?)\n";
    return 2;
  }
  bool dirty = true;
  while (window_.isOpen()) {
    sf::Event event;
    while (window_.pollEvent(event)) dirty |= handle(event);
    if (!window_.isOpen()) break;
    dirty |= mode_->update();
    if (auto next = mode_->next()) {
      mode_ = std::move(next);
      dirty = true;
    }
    const bool animating = mode_->board() && mode_->board()->animating();
    if (dirty || animating) {
      render(window_);
      window_.display();
      dirty = false;
    }
    const bool done = (options_.screenshot || options_.exitWhenOver) && mode_->settled() && !animating;
    if (done) {
      if (options_.screenshot && !saveScreenshot(*options_.screenshot)) return 2;
      return mode_->exitCode();
    }
    if (!animating) mode_->idle(kIdleWait);
  }
  return mode_->exitCode();
}

}  // namespace client
