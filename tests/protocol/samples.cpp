#include "tests/protocol/samples.h"

namespace proto::test {

std::vector<Packet> samples() {
  Hello hello;
  hello.game = 1;
  hello.rule = 3;
  hello.boardSize = 15;
  hello.seat = game::Seat::Player2;
  hello.reconnect[0] = 0xab;
  hello.reconnect[15] = 0xcd;
  setText(hello.name, "Jiyeon 지연");
  setText(hello.matchCode, "club-7");
  askTimeControl(hello, {180'000, 2'000});

  Welcome welcome;
  welcome.seat = game::Seat::Player1;
  welcome.game = game::Kind::Omok;
  welcome.rule = game::Rule::Renju;
  welcome.boardSize = 15;
  welcome.matchId = 42;
  welcome.reconnect.fill(0x5a);
  welcome.resumed = 1;
  welcome.clockBaseMs = 300'000;
  welcome.clockIncrementMs = 3'000;

  MatchStart start;
  setText(start.player1, "alice");
  setText(start.player2, "bob");

  Ping ping;
  ping.nonce = 0x0102030405060708;
  ping.sentAtMs = 1'790'000'000'000;
  Pong pong;
  pong.nonce = 7;
  pong.sentAtMs = 99;

  Error error;
  error.code = ErrorCode::SeatTaken;
  setText(error.text, "seat 1 of match club-7 is taken");

  OpponentStatus status;
  status.state = OpponentState::Disconnected;
  status.graceSeconds = 30;

  Move move;
  move.move.to = 112;

  MoveAccepted accepted;
  accepted.ply = 9;
  accepted.seat = game::Seat::Player1;
  accepted.move.to = 224;
  accepted.result = game::Result::Player1Wins;
  accepted.reason = game::EndReason::FiveInARow;
  setText(accepted.notation, "o15");
  accepted.clocks = {287'512, 301'004};

  MoveRejected rejected;
  rejected.move.to = 113;
  rejected.reject = game::Reject::DoubleThree;
  setText(rejected.why, "black may not make a double three (3-3) at i8");

  GameOver over;
  over.result = game::Result::Player2Wins;
  over.reason = game::EndReason::Resignation;
  over.moves = 31;
  over.clocks = {12'000, 0};
  over.rematchSeconds = 30;

  ClockSync sync;
  sync.clocks = {300'000, 299'250};
  sync.running = game::Seat::Player2;

  TakenBack takenBack;
  takenBack.moves = 6;
  takenBack.by = game::Seat::Player2;
  takenBack.clocks = {250'000, 241'500};

  // Soosorv-8: black offers two fifth moves (h10, j10 on the 15x15 board).
  Decide decide;
  decide.choice = game::Choice::Offer;
  decide.count = 2;
  decide.points[0] = {0, 9 * 15 + 7, game::Promotion::None};
  decide.points[1] = {0, 9 * 15 + 9, game::Promotion::None};

  OpeningStatus opening;
  opening.by = game::Seat::Player2;
  opening.choice = static_cast<std::uint8_t>(game::Choice::Offer);
  opening.step = game::OpeningStep::Pick;
  opening.decider = game::Seat::Player1;
  opening.exchanged = 1;
  opening.count = 2;
  opening.candidates[0] = decide.points[0];
  opening.candidates[1] = decide.points[1];

  Watch watch;
  watch.matchId = 42;
  setText(watch.name, "kibitzer");

  Spectators spectators;
  spectators.count = 3;

  Chat chat;
  setText(chat.text, "좋은 수! nice move");

  ChatMessage message;
  message.seat = game::Seat::None;
  setText(message.name, "kibitzer");
  setText(message.text, "좋은 수! nice move");

  MatchEntry entry;
  entry.matchId = 42;
  entry.game = game::Kind::Chess;
  entry.rule = game::Rule::Fide;
  entry.boardSize = 8;
  entry.state = MatchState::Playing;
  entry.moves = 17;
  entry.spectators = 2;
  entry.clockBaseMs = 300'000;
  entry.clockIncrementMs = 3'000;
  setText(entry.player1, "alice");
  setText(entry.player2, "bob");

  MatchListEnd end;
  end.count = 1;

  return {hello,      welcome,          start,          ping,      pong,          error,          status,
          move,       accepted,         rejected,       over,      Resign{},      DrawOffer{},    DrawAccept{},
          DrawDecline{}, DrawClaim{},   sync,           TakebackRequest{}, TakebackAccept{}, TakebackDecline{},
          takenBack,  decide,           opening,        RematchOffer{}, RematchDecline{}, watch,            spectators,     chat,      message,       ListMatches{},  entry,
          end};
}

std::vector<std::uint8_t> bytesOf(const Packet& packet) {
  std::vector<std::uint8_t> out;
  append(out, packet);
  return out;
}

Context omokContext() {
  Context context;
  context.game = game::Kind::Omok;
  context.boardSize = 15;
  return context;
}

}  // namespace proto::test
