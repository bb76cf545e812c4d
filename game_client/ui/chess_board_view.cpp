#include "game_client/ui/chess_board_view.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <SFML/Graphics/Text.hpp>

#include "game_client/ui/draw.h"
#include "game_client/ui/theme.h"
#include "shared/chess/movegen.h"
#include "shared/chess/notation.h"

namespace client {

namespace {

const sf::Time kSlide = sf::milliseconds(160);

// The chooser offers these, in this order from the promotion square.
constexpr game::Promotion kChoices[] = {game::Promotion::Queen, game::Promotion::Rook, game::Promotion::Bishop,
                                        game::Promotion::Knight};

// game::Promotion Knight..Queen (1..4) are chess::Knight..Queen (2..5).
chess::PieceType pieceTypeOf(game::Promotion p) { return chess::PieceType(static_cast<int>(p) + 1); }

// The solid set starts with the king at U+265A and runs K Q R B N P.
sf::Uint32 glyph(chess::PieceType pt) {
  static constexpr int kOffset[chess::kPieceTypeCount] = {0, 5, 4, 3, 2, 1, 0};
  return static_cast<sf::Uint32>(0x265A + kOffset[pt]);
}

}  // namespace

std::unique_ptr<BoardView> ChessBoardView::make(const game::Setup& setup, std::string& error) {
  chess::Position start;
  if (!setup.fen.empty() && !start.setFen(setup.fen, error)) return nullptr;
  return std::unique_ptr<BoardView>(new ChessBoardView(start));
}

ChessBoardView::ChessBoardView(const chess::Position& start) : start_(start), game_(start) {}

void ChessBoardView::reset() {
  game_ = chess::Game(start_);
  selected_.reset();
  dragging_ = false;
  promotion_.reset();
  rejected_.reset();
  sinceMove_.restart();
}

bool ChessBoardView::apply(const game::Move& move) {
  if (move.from >= 64 || move.to >= 64 || move.promotion > static_cast<std::uint8_t>(game::Promotion::Queen))
    return false;
  const auto promotion = static_cast<game::Promotion>(move.promotion);
  for (const chess::Move m : chess::MoveList(game_.position())) {
    if (m.from() != move.from || m.to() != move.to) continue;
    const bool promotes = m.kind() == chess::Move::Promotion;
    if (promotes != (promotion != game::Promotion::None)) continue;
    if (promotes && m.promotion() != pieceTypeOf(promotion)) continue;
    game_.play(m);
    rejected_.reset();
    sinceMove_.restart();
    return true;
  }
  return false;
}

Side ChessBoardView::side(game::Seat seat) const {
  return Side{std::string(game::color(game::Kind::Chess, seat)), seat == game::Seat::Player2};  // black is dark
}

void ChessBoardView::setMover(game::Seat seat) {
  if (seat == mover_) return;
  mover_ = seat;
  selected_.reset();
  dragging_ = false;
  promotion_.reset();
}

std::optional<chess::Square> ChessBoardView::squareAt(Vec2 p, const BoardGeometry& g) const {
  if (const auto cell = g.cellAt(p)) return toSquare(*cell);
  return std::nullopt;
}

bool ChessBoardView::ownPiece(chess::Square s) const {
  const chess::Piece piece = game_.position().pieceOn(s);
  const chess::Color mine = mover_ == game::Seat::Player1 ? chess::White : chess::Black;
  return piece != chess::NoPiece && chess::colorOf(piece) == mine;
}

void ChessBoardView::attempt(chess::Square from, chess::Square to) {
  selected_.reset();
  dragging_ = false;
  const chess::MoveList legal(game_.position());
  const bool promotes = std::any_of(legal.begin(), legal.end(), [&](chess::Move m) {
    return m.from() == from && m.to() == to && m.kind() == chess::Move::Promotion;
  });
  if (promotes) {
    promotion_ = Promotion{from, to};
    return;
  }
  // Moves the legal list does not hold are sent as well: the server says why
  // they are illegal (king in check, not how that piece moves, ...).
  request({from, to, 0});
}

Cell ChessBoardView::chooserCell(int index) const {
  const Cell to = toCell(promotion_->to);
  return {to.file, to.rank == 7 ? 7 - index : index};
}

bool ChessBoardView::chooserPress(Vec2 p, const BoardGeometry& g) {
  for (int i = 0; i < 4; ++i) {
    if (g.cellRect(chooserCell(i)).contains(p)) {
      request({promotion_->from, promotion_->to, static_cast<std::uint8_t>(kChoices[i])});
      break;
    }
  }
  promotion_.reset();  // a press outside the chooser cancels the promotion
  return true;
}

bool ChessBoardView::pointerPressed(Vec2 p, const BoardGeometry& g) {
  if (promotion_) return chooserPress(p, g);
  if (mover_ == game::Seat::None) return false;
  const auto square = squareAt(p, g);
  if (square && ownPiece(*square)) {
    wasSelected_ = selected_ == square;
    selected_ = square;
    dragging_ = true;
    pointer_ = p;
    rejected_.reset();
    return true;
  }
  if (selected_ && square) {
    attempt(*selected_, *square);
    return true;
  }
  const bool had = selected_.has_value();
  selected_.reset();
  return had;
}

bool ChessBoardView::pointerMoved(Vec2 p, const BoardGeometry&) {
  if (!dragging_) return false;
  pointer_ = p;
  return true;
}

bool ChessBoardView::pointerReleased(Vec2 p, const BoardGeometry& g) {
  if (!dragging_ || !selected_) return false;
  dragging_ = false;
  const auto square = squareAt(p, g);
  if (!square || *square == *selected_) {
    // A click: the first selects, a second on the same piece drops it.
    if (square && wasSelected_) selected_.reset();
    return true;
  }
  attempt(*selected_, *square);
  return true;
}

bool ChessBoardView::cancelGesture() {
  const bool had = selected_ || promotion_;
  selected_.reset();
  dragging_ = false;
  promotion_.reset();
  return had;
}

void ChessBoardView::rejected(const game::Move& move) {
  if (move.to < 64) rejected_ = chess::Square(move.to);
}

bool ChessBoardView::animating() const { return plies() > 0 && sinceMove_.getElapsedTime() < kSlide; }

void ChessBoardView::drawSquares(sf::RenderTarget& target, const BoardGeometry& g) const {
  fillRect(target, {g.frame().left + 4, g.frame().top + 5, g.frame().width, g.frame().height}, sf::Color(0, 0, 0, 70));
  fillRect(target, g.frame(), theme::kChessFrame);
  for (int rank = 0; rank < 8; ++rank)
    for (int file = 0; file < 8; ++file)
      fillRect(target, g.cellRect({file, rank}), (file + rank) % 2 ? theme::kLightSquare : theme::kDarkSquare);

  if (!game_.moves().empty()) {
    const chess::Move last = game_.moves().back();
    fillRect(target, g.cellRect(toCell(last.from())), theme::kLastMoveSquare);
    fillRect(target, g.cellRect(toCell(last.to())), theme::kLastMoveSquare);
  }
  if (rejected_) fillRect(target, g.cellRect(toCell(*rejected_)), theme::kRejected);
  if (selected_) fillRect(target, g.cellRect(toCell(*selected_)), theme::kSelected);

  const chess::Position& pos = game_.position();
  if (pos.inCheck()) {
    // A red glow under the king, strongest in the middle.
    const Vec2 c = g.center(toCell(pos.kingSquare(pos.sideToMove())));
    for (int i = 0; i < 6; ++i) {
      sf::Color glow = theme::kCheck;
      glow.a = static_cast<std::uint8_t>(40 + i * 25);
      fillDisc(target, c, g.pitch() * (0.72f - 0.08f * i), glow);
    }
  }
}

void ChessBoardView::drawPiece(sf::RenderTarget& target, const Fonts& fonts, chess::Piece piece, Vec2 center,
                               float pitch) const {
  const chess::PieceType type = chess::typeOf(piece);
  const bool white = chess::colorOf(piece) == chess::White;
  const auto size = static_cast<unsigned>(pitch * 0.84f);

  // Both colours use the solid glyphs (U+265A..265F): their cut-outs carry the
  // inner lines. White is filled light with a dark outline, which also traces
  // the cut-outs; DejaVu's hollow white glyphs fill unevenly at large sizes.
  sf::Text body(sf::String(glyph(type)), fonts.regular, size);
  const sf::FloatRect box = body.getLocalBounds();
  body.setOrigin(std::round(box.left + box.width / 2), std::round(box.top + box.height / 2));
  body.setPosition(std::round(center.x), std::round(center.y + pitch * 0.02f));
  body.setFillColor(white ? theme::kWhitePiece : theme::kBlackPiece);
  body.setOutlineColor(white ? theme::kPieceOutline : sf::Color(235, 225, 205, 150));
  body.setOutlineThickness(std::max(1.0f, pitch * (white ? 0.028f : 0.012f)));
  target.draw(body);
}

void ChessBoardView::draw(sf::RenderTarget& target, const BoardGeometry& g, const Fonts& fonts) const {
  drawSquares(target, g);
  // Labels come from the engine's square names ("e4" -> "e" and "4").
  drawLabels(target, g, fonts, theme::kLabel,
             [](int f) { return chess::name(chess::makeSquare(f, 0)).substr(0, 1); },
             [](int r) { return chess::name(chess::makeSquare(0, r)).substr(1); });

  const chess::Position& pos = game_.position();
  const float pitch = g.pitch();

  // The newest move's piece slides from its square to its destination.
  std::optional<chess::Square> sliding;
  Vec2 slideAt;
  if (animating()) {
    const chess::Move last = game_.moves().back();
    const float t = std::min(1.0f, sinceMove_.getElapsedTime().asSeconds() / kSlide.asSeconds());
    const float ease = 1 - (1 - t) * (1 - t) * (1 - t);
    const Vec2 a = g.center(toCell(last.from())), b = g.center(toCell(last.to()));
    sliding = last.to();
    slideAt = {a.x + (b.x - a.x) * ease, a.y + (b.y - a.y) * ease};
  }

  for (int s = 0; s < chess::kSquareCount; ++s) {
    const auto square = chess::Square(s);
    const chess::Piece piece = pos.pieceOn(square);
    if (piece == chess::NoPiece || (dragging_ && selected_ == square) || sliding == square) continue;
    drawPiece(target, fonts, piece, g.center(toCell(square)), pitch);
  }
  if (sliding) drawPiece(target, fonts, pos.pieceOn(*sliding), slideAt, pitch);

  if (selected_) {
    for (const chess::Move m : chess::MoveList(pos)) {
      if (m.from() != *selected_) continue;
      const Vec2 c = g.center(toCell(m.to()));
      if (pos.pieceOn(m.to()) != chess::NoPiece) ring(target, c, pitch * 0.5f, pitch * 0.08f, theme::kLegalDot);
      else fillDisc(target, c, pitch * 0.15f, theme::kLegalDot);
    }
    if (dragging_) {
      // The square the piece would land on, then the piece under the pointer.
      if (const auto over = g.cellAt(pointer_); over && toSquare(*over) != *selected_)
        outlineRect(target, g.cellRect(*over), sf::Color(255, 255, 255, 170), std::max(2.0f, pitch * 0.04f));
      drawPiece(target, fonts, pos.pieceOn(*selected_), pointer_, pitch);
    }
  }

  if (promotion_) {
    fillRect(target, g.grid(), sf::Color(0, 0, 0, 110));
    const chess::Color side = pos.sideToMove();
    for (int i = 0; i < 4; ++i) {
      const Rect r = g.cellRect(chooserCell(i));
      fillRect(target, r, sf::Color(250, 248, 240));
      outlineRect(target, r, theme::kChessFrame, 2);
      drawPiece(target, fonts, chess::makePiece(side, pieceTypeOf(kChoices[i])), r.center(), pitch);
    }
  }
}

}  // namespace client
