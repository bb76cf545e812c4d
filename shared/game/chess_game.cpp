#include "shared/game/chess_game.h"

#include "shared/chess/game.h"
#include "shared/chess/notation.h"
#include "shared/chess/validate.h"

namespace game {

namespace {

Reject toReject(chess::MoveError e) {
  switch (e) {
    case chess::MoveError::None: return Reject::None;
    case chess::MoveError::NoPiece: return Reject::NoPiece;
    case chess::MoveError::NotYourPiece: return Reject::NotYourPiece;
    case chess::MoveError::IllegalMove: return Reject::IllegalMove;
    case chess::MoveError::KingInCheck: return Reject::KingInCheck;
    case chess::MoveError::BadPromotion: return Reject::BadPromotion;
  }
  return Reject::IllegalMove;
}

EndReason toEndReason(chess::Termination t) {
  switch (t) {
    case chess::Termination::Checkmate: return EndReason::Checkmate;
    case chess::Termination::Stalemate: return EndReason::Stalemate;
    case chess::Termination::InsufficientMaterial: return EndReason::InsufficientMaterial;
    case chess::Termination::SeventyFiveMoves: return EndReason::SeventyFiveMoveRule;
    case chess::Termination::FivefoldRepetition: return EndReason::FivefoldRepetition;
    case chess::Termination::FiftyMoves: return EndReason::FiftyMoveRule;
    case chess::Termination::ThreefoldRepetition: return EndReason::ThreefoldRepetition;
    case chess::Termination::None:
    case chess::Termination::Decision: break;
  }
  return EndReason::None;
}

Result toResult(chess::Outcome o) {
  switch (o) {
    case chess::Outcome::WhiteWins: return Result::Player1Wins;
    case chess::Outcome::BlackWins: return Result::Player2Wins;
    case chess::Outcome::Draw: return Result::Draw;
    case chess::Outcome::Ongoing: break;
  }
  return Result::Ongoing;
}

chess::Outcome toOutcome(Result r) {
  switch (r) {
    case Result::Player1Wins: return chess::Outcome::WhiteWins;
    case Result::Player2Wins: return chess::Outcome::BlackWins;
    case Result::Draw: return chess::Outcome::Draw;
    case Result::Ongoing: break;
  }
  return chess::Outcome::Ongoing;
}

// game::Promotion (Knight = 1 .. Queen = 4) and chess::PieceType (Knight = 2
// .. Queen = 5) differ by one; None maps to NoPieceType.
chess::PieceType toPieceType(std::uint8_t promotion) {
  return promotion == 0 ? chess::NoPieceType : chess::PieceType(promotion + 1);
}

std::uint8_t toPromotion(chess::Move m) {
  return m.kind() == chess::Move::Promotion ? std::uint8_t(m.promotion() - 1) : 0;
}

// The FIDE chess rules over chess::Game. A result decided outside the rules
// (resignation, agreement, time) keeps the reason the server gave.
class ChessGame final : public Game {
 public:
  explicit ChessGame(const chess::Position& start) : game_(start) {}

  std::unique_ptr<Game> clone() const override { return std::make_unique<ChessGame>(*this); }
  Kind kind() const override { return Kind::Chess; }
  Rule rule() const override { return Rule::Fide; }

  Status status() const override {
    const chess::Result r = game_.result();
    if (r.termination == chess::Termination::Decision) return decided_;
    return {toResult(r.outcome), toEndReason(r.termination)};
  }

  Seat toMove() const override {
    if (game_.over()) return Seat::None;
    return game_.position().sideToMove() == chess::White ? Seat::Player1 : Seat::Player2;
  }

  int moveCount() const override { return int(game_.moves().size()); }

  Played play(const Move& move) override {
    Played played;
    auto reject = [&](Reject r, std::string why) {
      played.reject = r;
      played.why = std::move(why);
      played.status = status();
      return played;
    };
    if (game_.over()) return reject(Reject::GameOver, "the game is over");
    if (move.from >= chess::kSquareCount || move.to >= chess::kSquareCount)
      return reject(Reject::OffBoard, "squares are numbered 0 (a1) to 63 (h8)");
    if (move.promotion > std::uint8_t(Promotion::Queen))
      return reject(Reject::BadPromotion, "unknown promotion piece " + std::to_string(move.promotion));

    const chess::Position& pos = game_.position();
    const chess::MoveCheck check =
        chess::checkMove(pos, chess::Square(move.from), chess::Square(move.to), toPieceType(move.promotion));
    if (check.error != chess::MoveError::None) return reject(toReject(check.error), check.why);

    played.notation = chess::toSan(pos, check.move);
    played.uci = chess::toUci(check.move);
    game_.play(check.move);
    played.status = status();
    return played;
  }

  bool parseMove(std::string_view text, Move& out, std::string& error) const override {
    chess::Move m;
    if (!chess::parseMove(game_.position(), text, m, error)) return false;
    out = {m.from(), m.to(), toPromotion(m)};
    return true;
  }

  bool allowsTakebacks() const override { return false; }
  bool canTakeback() const override { return false; }
  bool takeback() override { return false; }

  EndReason claimableDraw() const override { return toEndReason(game_.claimableDraw()); }

  // Decisions from outside the rules end the game as given. A draw claim
  // ends it only when valid (FIDE 9.5: otherwise play goes on), and endings
  // only the rules decide (mate, stalemate, ...) are ignored. Running out of
  // time against a lone king is a draw (FIDE 6.9: no way to be mated).
  void finish(Status status) override {
    if (game_.over() || !status.over()) return;
    switch (status.reason) {
      case EndReason::FiftyMoveRule:
      case EndReason::ThreefoldRepetition:
        if (status.result == Result::Draw)
          game_.claimDraw(status.reason == EndReason::FiftyMoveRule ? chess::Termination::FiftyMoves
                                                                    : chess::Termination::ThreefoldRepetition);
        return;
      case EndReason::Agreement:
      case EndReason::Resignation:
      case EndReason::OpponentLeft:
      case EndReason::Timeout: break;
      default: return;
    }
    if (status.reason == EndReason::Timeout && status.result != Result::Draw) {
      const chess::Color winner = status.result == Result::Player1Wins ? chess::White : chess::Black;
      const chess::Position& pos = game_.position();
      if (pos.pieces(winner) == pos.pieces(winner, chess::King)) status.result = Result::Draw;
    }
    decided_ = status;
    game_.finish(toOutcome(status.result));
  }

  std::string startPosition() const override { return game_.start().fen(); }
  std::string position() const override { return game_.position().fen(); }

 private:
  chess::Game game_;
  Status decided_;
};

}  // namespace

std::unique_ptr<Game> makeChessGame(const Setup& setup, std::string& error) {
  if (setup.rule != Rule::Fide) {
    error = "chess is played by the FIDE rule only, not '" + std::string(name(setup.rule)) + "'";
    return nullptr;
  }
  chess::Position start;
  if (!setup.fen.empty() && !start.setFen(setup.fen, error)) {
    error = "bad FEN: " + error;
    return nullptr;
  }
  return std::make_unique<ChessGame>(start);
}

}  // namespace game
