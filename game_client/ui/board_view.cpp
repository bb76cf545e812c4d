#include "game_client/ui/board_view.h"

#include <algorithm>

#include "game_client/ui/chess_board_view.h"
#include "game_client/ui/draw.h"
#include "game_client/ui/omok_board_view.h"

namespace client {

std::optional<game::Move> BoardView::takeRequest() {
  auto out = request_;
  request_.reset();
  return out;
}

void BoardView::drawLabels(sf::RenderTarget& target, const BoardGeometry& g, const Fonts& fonts, sf::Color color,
                           const std::function<std::string(int)>& fileName,
                           const std::function<std::string(int)>& rankName) {
  const auto size = static_cast<unsigned>(std::max(9.0f, g.pitch() * 0.34f));
  for (int i = 0; i < g.cellsPerSide(); ++i) {
    drawText(target, fonts.regular, fileName(i), size, color, g.fileLabel(i));
    drawText(target, fonts.regular, rankName(i), size, color, g.rankLabel(i));
  }
}

std::unique_ptr<BoardView> makeBoardView(const game::Setup& setup, std::string& error) {
  // The one place that knows which view draws which game, as makeGame() is for rules.
  switch (setup.kind) {
    case game::Kind::Omok: return OmokBoardView::make(setup, error);
    case game::Kind::Chess: return ChessBoardView::make(setup, error);
  }
  error = "unknown game";
  return nullptr;
}

}  // namespace client
