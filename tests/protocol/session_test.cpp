// The client session against a scripted server: no sockets, just bytes.
#include <gtest/gtest.h>

#include "game_client/core/session.h"

namespace client {
namespace {

using proto::Phase;

std::vector<std::uint8_t> bytes(const proto::Packet& p) {
  std::vector<std::uint8_t> out;
  proto::append(out, p);
  return out;
}

// Decodes what the session queued to send, as the server would.
std::vector<proto::Packet> sentBy(Session& s) {
  std::vector<proto::Packet> packets;
  proto::Framer framer;
  proto::Context fromClient;
  fromClient.from = proto::Sender::Client;
  framer.feed(s.outgoing());
  for (auto r = framer.next(fromClient); std::holds_alternative<proto::Parsed>(r); r = framer.next(fromClient))
    packets.push_back(std::get<proto::Parsed>(r).packet);
  EXPECT_EQ(framer.buffered(), 0u);
  s.sent(s.outgoing().size());
  return packets;
}

proto::Welcome welcome(game::Seat seat, game::Kind kind = game::Kind::Omok) {
  proto::Welcome w;
  w.seat = seat;
  w.game = kind;
  w.rule = kind == game::Kind::Omok ? game::Rule::Renju : game::Rule::Fide;
  w.boardSize = kind == game::Kind::Omok ? 15 : 8;
  w.matchId = 9;
  if (seat != game::Seat::None) w.reconnect.fill(7);  // a spectator gets no token
  return w;
}

proto::MatchStart start() {
  proto::MatchStart m;
  proto::setText(m.player1, "ann");
  proto::setText(m.player2, "ben");
  return m;
}

proto::MoveAccepted accepted(int ply, game::Seat seat, std::uint16_t point, const char* notation,
                             game::Status status = {}) {
  proto::MoveAccepted a;
  a.ply = static_cast<std::uint16_t>(ply);
  a.seat = seat;
  a.move.to = point;
  a.result = status.result;
  a.reason = status.reason;
  proto::setText(a.notation, notation);
  return a;
}

// h8 = row 7, column 7.
constexpr std::uint16_t kH8 = 7 * 15 + 7, kA1 = 0, kI8 = 7 * 15 + 8;

// A session that has said hello and been seated; the hello is already taken.
Session seated(game::Seat seat) {
  Options options;
  options.name = "ann";
  Session s(options);
  sentBy(s);
  EXPECT_TRUE(s.receive(bytes(welcome(seat))));
  EXPECT_TRUE(s.receive(bytes(start())));
  return s;
}

TEST(Session, SaysHelloWithItsOptions) {
  Options options;
  options.name = "ann";
  options.game = 1;
  options.rule = 3;
  options.seat = game::Seat::Player2;
  options.matchCode = "club-7";
  options.reconnect.fill(0x11);
  Session s(options);
  EXPECT_FALSE(s.failure());
  const auto sent = sentBy(s);
  ASSERT_EQ(sent.size(), 1u);
  const auto& hello = std::get<proto::Hello>(sent[0]);
  EXPECT_EQ(+hello.version, proto::kProtocolVersion);  // +: copy the packed field
  EXPECT_EQ(proto::text(hello.name), "ann");
  EXPECT_EQ(proto::text(hello.matchCode), "club-7");
  EXPECT_EQ(hello.seat, game::Seat::Player2);
  EXPECT_EQ(hello.reconnect, options.reconnect);
  EXPECT_EQ(s.phase(), Phase::AwaitingHello);
}

TEST(Session, RefusesOptionsTheProtocolCannotCarry) {
  for (const char* name : {"", "tab\tname", "a name that is far too long to fit in the field"}) {
    Options options;
    options.name = name;
    Session s(options);
    EXPECT_TRUE(s.failure()) << name;
    EXPECT_TRUE(s.outgoing().empty());
  }
  Options options;
  options.matchCode = "no spaces";
  EXPECT_TRUE(Session(options).failure());
  options = {};
  options.game = 2;
  options.rule = 3;  // renju is not a chess rule
  EXPECT_TRUE(Session(options).failure());
}

TEST(Session, PlaysAGameToItsEnd) {
  Session s = seated(game::Seat::Player1);
  EXPECT_EQ(s.phase(), Phase::Playing);
  EXPECT_EQ(s.seat(), game::Seat::Player1);
  ASSERT_NE(s.game(), nullptr);
  EXPECT_TRUE(s.myTurn());
  std::string error;
  ASSERT_TRUE(s.move({0, kH8, 0}, error)) << error;
  EXPECT_TRUE(s.awaitingReply());
  EXPECT_FALSE(s.move({0, kA1, 0}, error));
  EXPECT_EQ(error, "the previous move has not been answered yet");
  const auto sent = sentBy(s);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(+std::get<proto::Move>(sent[0]).move.to, kH8);

  EXPECT_TRUE(s.receive(bytes(accepted(1, game::Seat::Player1, kH8, "h8"))));
  EXPECT_FALSE(s.awaitingReply());
  EXPECT_FALSE(s.myTurn());
  EXPECT_FALSE(s.move({0, kA1, 0}, error));
  EXPECT_EQ(error, "it is not your turn");
  EXPECT_TRUE(s.receive(bytes(accepted(2, game::Seat::Player2, kA1, "a1"))));
  EXPECT_TRUE(s.myTurn());
  EXPECT_EQ(s.history().size(), 2u);
  EXPECT_EQ(s.game()->moveCount(), 2);

  ASSERT_TRUE(s.resign(error)) << error;
  EXPECT_TRUE(std::holds_alternative<proto::Resign>(sentBy(s).at(0)));
  // Until the game-over arrives the move is no longer ours, nor a second resignation.
  EXPECT_FALSE(s.myTurn());
  EXPECT_FALSE(s.resign(error));
  EXPECT_EQ(error, "you have already resigned");
  proto::GameOver over;
  over.result = game::Result::Player2Wins;
  over.reason = game::EndReason::Resignation;
  over.moves = 2;
  EXPECT_TRUE(s.receive(bytes(over)));
  EXPECT_EQ(s.phase(), Phase::Over);
  EXPECT_EQ(s.result(), (game::Status{game::Result::Player2Wins, game::EndReason::Resignation}));
  EXPECT_EQ(s.game()->status(), *s.result());
  EXPECT_FALSE(s.move({0, kI8, 0}, error));
  s.closed();
  EXPECT_FALSE(s.failure());

  const auto events = s.takeEvents();
  ASSERT_EQ(events.size(), 5u);  // welcome, match-start, two moves, game-over
  EXPECT_TRUE(std::holds_alternative<proto::Welcome>(events[0]));
  EXPECT_TRUE(std::holds_alternative<proto::GameOver>(events[4]));
  EXPECT_TRUE(s.takeEvents().empty());
}

TEST(Session, MirrorsTheServersClocks) {
  Options options;
  Session s(options);
  sentBy(s);
  proto::Welcome w = welcome(game::Seat::Player1);
  w.clockBaseMs = 60'000;
  w.clockIncrementMs = 1'000;
  ASSERT_TRUE(s.receive(bytes(w)));
  EXPECT_TRUE(s.clock().timed());
  EXPECT_EQ(s.clock().control(), (game::TimeControl{60'000, 1'000}));
  ASSERT_TRUE(s.receive(bytes(start())));
  proto::ClockSync sync;
  sync.clocks = {60'000, 60'000};
  sync.running = game::Seat::Player1;
  ASSERT_TRUE(s.receive(bytes(sync)));
  EXPECT_EQ(s.clock().running(), game::Seat::Player1);

  proto::MoveAccepted a = accepted(1, game::Seat::Player1, kH8, "h8");
  a.clocks = {58'500, 60'000};
  ASSERT_TRUE(s.receive(bytes(a)));
  const auto now = std::chrono::steady_clock::now();
  EXPECT_EQ(s.clock().running(), game::Seat::Player2);  // the opponent's time runs after our move
  EXPECT_EQ(s.clock().remaining(game::Seat::Player1, now + std::chrono::seconds(5)), game::Clock::Ms(58'500));
  EXPECT_LE(s.clock().remaining(game::Seat::Player2, now + std::chrono::seconds(5)), game::Clock::Ms(55'000));

  proto::GameOver over;
  over.result = game::Result::Player1Wins;
  over.reason = game::EndReason::Timeout;
  over.moves = 1;
  over.clocks = {58'500, 0};
  ASSERT_TRUE(s.receive(bytes(over)));
  EXPECT_EQ(s.clock().running(), game::Seat::None);
  EXPECT_EQ(s.clock().remaining(game::Seat::Player2, now), game::Clock::Ms(0));
}

TEST(Session, AcceptsBytesInAnyPieces) {
  Options options;
  options.name = "ann";
  Session s(options);
  std::vector<std::uint8_t> stream = bytes(welcome(game::Seat::Player2));
  for (const auto& p : std::vector<proto::Packet>{start(), accepted(1, game::Seat::Player1, kH8, "h8")}) {
    const auto b = bytes(p);
    stream.insert(stream.end(), b.begin(), b.end());
  }
  for (std::uint8_t byte : stream) ASSERT_TRUE(s.receive(std::span(&byte, 1)));
  EXPECT_EQ(s.phase(), Phase::Playing);
  EXPECT_TRUE(s.myTurn());
}

TEST(Session, AnswersPingsWithTheirNonce) {
  Session s = seated(game::Seat::Player1);
  proto::Ping ping;
  ping.nonce = 77;
  ping.sentAtMs = 123456;
  EXPECT_TRUE(s.receive(bytes(ping)));
  const auto sent = sentBy(s);
  ASSERT_EQ(sent.size(), 1u);
  const auto& pong = std::get<proto::Pong>(sent[0]);
  EXPECT_EQ(+pong.nonce, 77u);
  EXPECT_EQ(+pong.sentAtMs, 123456u);
}

TEST(Session, RebuildsTheGameWhenResuming) {
  Options options;
  options.name = "ann";
  options.reconnect.fill(7);
  Session s(options);
  proto::Welcome w = welcome(game::Seat::Player2);
  w.resumed = 1;
  EXPECT_TRUE(s.receive(bytes(w)));
  EXPECT_TRUE(s.receive(bytes(start())));
  EXPECT_TRUE(s.receive(bytes(accepted(1, game::Seat::Player1, kH8, "h8"))));
  EXPECT_TRUE(s.receive(bytes(accepted(2, game::Seat::Player2, kA1, "a1"))));
  EXPECT_TRUE(s.receive(bytes(accepted(3, game::Seat::Player1, kI8, "i8"))));
  EXPECT_EQ(s.game()->moveCount(), 3);
  EXPECT_TRUE(s.myTurn());
}

TEST(Session, DrawOffersAndClaims) {
  Session s = seated(game::Seat::Player1);
  std::string error;
  EXPECT_FALSE(s.acceptDraw(error));
  EXPECT_EQ(error, "your opponent has not offered a draw");
  EXPECT_TRUE(s.receive(bytes(proto::DrawOffer{})));
  EXPECT_TRUE(s.drawOffered());
  EXPECT_TRUE(s.declineDraw(error));
  EXPECT_FALSE(s.drawOffered());
  EXPECT_TRUE(std::holds_alternative<proto::DrawDecline>(sentBy(s).at(0)));

  EXPECT_TRUE(s.offerDraw(error));
  EXPECT_FALSE(s.offerDraw(error));
  EXPECT_EQ(error, "your draw offer is still pending");
  EXPECT_TRUE(s.receive(bytes(proto::DrawDecline{})));
  EXPECT_TRUE(s.offerDraw(error));

  // An offer lapses when the player it was made to moves.
  EXPECT_TRUE(s.receive(bytes(proto::DrawOffer{})));
  EXPECT_TRUE(s.move({0, kH8, 0}, error));
  EXPECT_TRUE(s.receive(bytes(accepted(1, game::Seat::Player1, kH8, "h8"))));
  EXPECT_FALSE(s.drawOffered());
  EXPECT_FALSE(s.claimDraw(error));
  EXPECT_EQ(error, "no draw can be claimed now");
}

TEST(Session, NonFatalErrorsAreEventsFatalOnesEndTheSession) {
  Session s = seated(game::Seat::Player1);
  proto::Error e;
  e.code = proto::ErrorCode::NoDrawOffer;
  proto::setText(e.text, "no offer");
  EXPECT_TRUE(s.receive(bytes(e)));
  EXPECT_FALSE(s.failure());
  e.code = proto::ErrorCode::ServerShutdown;
  proto::setText(e.text, "stopping");
  EXPECT_FALSE(s.receive(bytes(e)));
  ASSERT_TRUE(s.failure());
  EXPECT_EQ(s.failure()->code, proto::ErrorCode::ServerShutdown);
  EXPECT_EQ(s.failure()->text, "server: stopping");
}

TEST(Session, ARestartNoticeKeepsTheSessionAndIsAnEvent) {
  Session s = seated(game::Seat::Player1);
  s.takeEvents();
  proto::Error e;
  e.code = proto::ErrorCode::ServerRestarting;
  proto::setText(e.text, "back in a moment");
  EXPECT_FALSE(proto::closesConnection(e.code));
  ASSERT_TRUE(s.receive(bytes(e)));
  EXPECT_FALSE(s.failure());
  EXPECT_TRUE(s.restarting());
  const auto events = s.takeEvents();
  ASSERT_EQ(events.size(), 1u);
  ASSERT_TRUE(std::holds_alternative<proto::Error>(events[0]));
  EXPECT_EQ(std::get<proto::Error>(events[0]).code, proto::ErrorCode::ServerRestarting);

  // The game goes on until the server goes; then the close is the restart, not a drop.
  std::string error;
  EXPECT_TRUE(s.move({0, kH8, 0}, error)) << error;
  EXPECT_TRUE(s.receive(bytes(accepted(1, game::Seat::Player1, kH8, "h8"))));
  EXPECT_EQ(s.phase(), Phase::Playing);
  s.closed();
  ASSERT_TRUE(s.failure());
  EXPECT_EQ(s.failure()->code, proto::ErrorCode::ServerRestarting);
  EXPECT_EQ(s.failure()->text, "the server is restarting");
}

TEST(Session, AClosedConnectionWithoutANoticeIsADrop) {
  Session s = seated(game::Seat::Player1);
  EXPECT_FALSE(s.restarting());
  s.closed();
  ASSERT_TRUE(s.failure());
  EXPECT_EQ(s.failure()->code, proto::ErrorCode::ServerError);
  EXPECT_EQ(s.failure()->text, "the server closed the connection");
}

TEST(Session, WatchesAMatchAsASpectator) {
  Options options;
  options.intent = Intent::Watch;
  options.watchMatch = 42;
  options.name = "kim";
  Session s(options);
  const auto sent = sentBy(s);
  ASSERT_EQ(sent.size(), 1u);
  const auto& watch = std::get<proto::Watch>(sent[0]);
  EXPECT_EQ(+watch.matchId, 42u);
  EXPECT_EQ(+watch.version, proto::kProtocolVersion);
  EXPECT_EQ(proto::text(watch.name), "kim");

  proto::Welcome w = welcome(game::Seat::None);
  w.resumed = 1;
  ASSERT_TRUE(s.receive(bytes(w)));
  ASSERT_TRUE(s.receive(bytes(start())));
  ASSERT_TRUE(s.receive(bytes(accepted(1, game::Seat::Player1, kH8, "h8"))));
  EXPECT_TRUE(s.spectating());
  EXPECT_EQ(s.seat(), game::Seat::None);
  EXPECT_EQ(s.history().size(), 1u);
  // Whoever is to move, a spectator never is.
  EXPECT_FALSE(s.myTurn());
  ASSERT_TRUE(s.receive(bytes(accepted(2, game::Seat::Player2, kA1, "a1"))));
  EXPECT_FALSE(s.myTurn());

  std::string error;
  EXPECT_FALSE(s.move({0, kI8, 0}, error));
  EXPECT_EQ(error, "you are watching this game, not playing it");
  EXPECT_FALSE(s.resign(error));
  EXPECT_FALSE(s.offerDraw(error));
  EXPECT_FALSE(s.requestTakeback(error));
  EXPECT_EQ(error, "you are watching this game, not playing it");
  EXPECT_TRUE(sentBy(s).empty());
  // Spectators may talk.
  EXPECT_TRUE(s.chat("nice", error)) << error;
  EXPECT_EQ(proto::text(std::get<proto::Chat>(sentBy(s).at(0)).text), "nice");
}

TEST(Session, ASeatWhenWatchingOrNoSeatWhenPlayingIsADesync) {
  Options watching;
  watching.intent = Intent::Watch;
  watching.watchMatch = 1;
  Session s(watching);
  EXPECT_FALSE(s.receive(bytes(welcome(game::Seat::Player1))));
  EXPECT_NE(s.failure()->text.find("it seated us although we asked to watch"), std::string::npos);

  Session p(Options{});
  EXPECT_FALSE(p.receive(bytes(welcome(game::Seat::None))));
  EXPECT_NE(p.failure()->text.find("made us a spectator"), std::string::npos);
}

proto::MatchEntry entry(std::uint32_t id, proto::MatchState state, const char* p1, const char* p2) {
  proto::MatchEntry e;
  e.matchId = id;
  e.state = state;
  e.moves = state == proto::MatchState::Playing ? 17 : 0;
  e.spectators = 2;
  proto::setText(e.player1, p1);
  proto::setText(e.player2, p2);
  return e;
}

TEST(Session, ListsTheMatchesThenJoinsOnTheSameConnection) {
  Options options;
  options.intent = Intent::List;
  Session s(options);
  ASSERT_TRUE(std::holds_alternative<proto::ListMatches>(sentBy(s).at(0)));
  std::string error;
  Options play;
  play.name = "ann";
  EXPECT_FALSE(s.join(play, error));
  EXPECT_EQ(error, "the match list has not arrived yet");

  ASSERT_TRUE(s.receive(bytes(entry(7, proto::MatchState::Playing, "ann", "ben"))));
  ASSERT_TRUE(s.receive(bytes(entry(8, proto::MatchState::Waiting, "cho", ""))));
  EXPECT_FALSE(s.listed());
  proto::MatchListEnd end;
  end.count = 2;
  ASSERT_TRUE(s.receive(bytes(end)));
  EXPECT_TRUE(s.listed());
  ASSERT_EQ(s.matches().size(), 2u);
  EXPECT_EQ(+s.matches()[0].matchId, 7u);
  EXPECT_EQ(proto::text(s.matches()[1].player1), "cho");
  EXPECT_EQ(s.phase(), Phase::AwaitingHello);

  // Watching the first one on the same connection.
  Options watch;
  watch.intent = Intent::Watch;
  watch.watchMatch = 7;
  watch.name = "kim";
  ASSERT_TRUE(s.join(watch, error)) << error;
  EXPECT_EQ(+std::get<proto::Watch>(sentBy(s).at(0)).matchId, 7u);
  EXPECT_FALSE(s.join(play, error));
  EXPECT_EQ(error, "this connection has already asked for a match");
  ASSERT_TRUE(s.receive(bytes(welcome(game::Seat::None))));
  EXPECT_TRUE(s.spectating());
  EXPECT_EQ(s.phase(), Phase::WaitingForOpponent);
}

TEST(Session, JoiningAfterTheListSaysHello) {
  Options options;
  options.intent = Intent::List;
  Session s(options);
  sentBy(s);
  ASSERT_TRUE(s.receive(bytes(proto::MatchListEnd{})));
  EXPECT_TRUE(s.matches().empty());
  std::string error;
  Options bad;
  bad.name = "";
  EXPECT_FALSE(s.join(bad, error));
  EXPECT_FALSE(error.empty());
}

TEST(Session, AMatchListThatDisagreesWithItselfIsADesync) {
  Options options;
  options.intent = Intent::List;
  Session s(options);
  ASSERT_TRUE(s.receive(bytes(entry(7, proto::MatchState::Playing, "ann", "ben"))));
  proto::MatchListEnd end;
  end.count = 3;
  EXPECT_FALSE(s.receive(bytes(end)));
  EXPECT_NE(s.failure()->text.find("it counted 3 matches and sent 1"), std::string::npos);

  Session unasked(Options{});
  EXPECT_FALSE(unasked.receive(bytes(entry(7, proto::MatchState::Playing, "ann", "ben"))));
  EXPECT_NE(unasked.failure()->text.find("without being asked"), std::string::npos);

  Session early(options);
  EXPECT_FALSE(early.receive(bytes(welcome(game::Seat::Player1))));
  EXPECT_NE(early.failure()->text.find("before we asked for a match"), std::string::npos);
}

TEST(Session, ChatsWithinTheProtocolsLimits) {
  Session lobby(Options{});
  std::string error;
  EXPECT_FALSE(lobby.chat("hi", error));
  EXPECT_EQ(error, "the chat opens once you are in a match");

  Session s = seated(game::Seat::Player1);
  EXPECT_FALSE(s.chat("", error));
  EXPECT_EQ(error, "the line is empty");
  EXPECT_FALSE(s.chat(std::string(128, 'x'), error));
  EXPECT_EQ(error, "the line is too long (at most 127 bytes)");
  EXPECT_FALSE(s.chat("bell\a", error));
  EXPECT_FALSE(error.empty());
  EXPECT_TRUE(sentBy(s).empty());
  ASSERT_TRUE(s.chat(std::string(127, 'x'), error)) << error;
  EXPECT_EQ(proto::text(std::get<proto::Chat>(sentBy(s).at(0)).text).size(), 127u);

  proto::ChatMessage m;
  m.seat = game::Seat::None;
  proto::setText(m.name, "kim");
  proto::setText(m.text, "good luck");
  ASSERT_TRUE(s.receive(bytes(m)));
  proto::Spectators watching;
  watching.count = 3;
  ASSERT_TRUE(s.receive(bytes(watching)));
  ASSERT_EQ(s.chatLines().size(), 1u);
  EXPECT_EQ(s.chatLines()[0].name, "kim");
  EXPECT_EQ(s.chatLines()[0].text, "good luck");
  EXPECT_EQ(s.chatLines()[0].seat, game::Seat::None);
  EXPECT_EQ(s.spectators(), 3);

  // Over the rate limit: an event, not a failure.
  proto::Error limited;
  limited.code = proto::ErrorCode::RateLimited;
  proto::setText(limited.text, "too fast");
  EXPECT_TRUE(s.receive(bytes(limited)));
  EXPECT_FALSE(s.failure());
  for (int i = 0; i < static_cast<int>(Session::kChatKept) + 5; ++i) ASSERT_TRUE(s.receive(bytes(m)));
  EXPECT_EQ(s.chatLines().size(), Session::kChatKept);
}

proto::TakenBack takenBack(int moves, game::Seat by, proto::Clocks clocks = {}) {
  proto::TakenBack t;
  t.moves = static_cast<std::uint16_t>(moves);
  t.by = by;
  t.clocks = clocks;
  return t;
}

TEST(Session, RequestsATakebackAndMirrorsIt) {
  Options options;
  Session s(options);
  sentBy(s);
  proto::Welcome w = welcome(game::Seat::Player1);
  w.clockBaseMs = 60'000;
  ASSERT_TRUE(s.receive(bytes(w)));
  ASSERT_TRUE(s.receive(bytes(start())));
  std::string error;
  EXPECT_FALSE(s.requestTakeback(error));
  EXPECT_EQ(error, "you have no move to take back yet");

  ASSERT_TRUE(s.receive(bytes(accepted(1, game::Seat::Player1, kH8, "h8"))));
  ASSERT_TRUE(s.receive(bytes(accepted(2, game::Seat::Player2, kA1, "a1"))));
  ASSERT_TRUE(s.requestTakeback(error)) << error;
  EXPECT_TRUE(s.takebackPending());
  EXPECT_FALSE(s.requestTakeback(error));
  EXPECT_EQ(error, "your take-back request is still pending");
  EXPECT_TRUE(std::holds_alternative<proto::TakebackRequest>(sentBy(s).at(0)));
  ASSERT_TRUE(s.receive(bytes(proto::TakebackDecline{})));
  EXPECT_FALSE(s.takebackPending());

  ASSERT_TRUE(s.requestTakeback(error)) << error;
  // Our h8 and the reply a1 go; black (us) is to move on an empty board, our time running.
  ASSERT_TRUE(s.receive(bytes(takenBack(0, game::Seat::Player1, {55'000, 58'000}))));
  EXPECT_TRUE(s.history().empty());
  EXPECT_EQ(s.game()->moveCount(), 0);
  EXPECT_TRUE(s.myTurn());
  EXPECT_FALSE(s.takebackPending());
  EXPECT_EQ(s.clock().running(), game::Seat::Player1);
  const auto now = std::chrono::steady_clock::now();
  EXPECT_EQ(s.clock().remaining(game::Seat::Player2, now), game::Clock::Ms(58'000));
  // The same points can be played again.
  ASSERT_TRUE(s.receive(bytes(accepted(1, game::Seat::Player1, kA1, "a1"))));
  ASSERT_TRUE(s.receive(bytes(accepted(2, game::Seat::Player2, kH8, "h8"))));
  EXPECT_EQ(s.history().size(), 2u);
}

TEST(Session, AnswersTheOpponentsTakebackRequest) {
  Session s = seated(game::Seat::Player2);
  std::string error;
  EXPECT_FALSE(s.acceptTakeback(error));
  EXPECT_EQ(error, "your opponent has not asked to take a move back");
  ASSERT_TRUE(s.receive(bytes(accepted(1, game::Seat::Player1, kH8, "h8"))));
  ASSERT_TRUE(s.receive(bytes(proto::TakebackRequest{})));
  EXPECT_TRUE(s.takebackRequested());
  ASSERT_TRUE(s.acceptTakeback(error)) << error;
  EXPECT_FALSE(s.takebackRequested());
  EXPECT_TRUE(std::holds_alternative<proto::TakebackAccept>(sentBy(s).at(0)));
  // Only black's h8 goes: white had not answered it.
  ASSERT_TRUE(s.receive(bytes(takenBack(0, game::Seat::Player1))));
  EXPECT_TRUE(s.history().empty());
  EXPECT_FALSE(s.myTurn());

  // A request lapses when we move instead of answering.
  ASSERT_TRUE(s.receive(bytes(accepted(1, game::Seat::Player1, kH8, "h8"))));
  ASSERT_TRUE(s.receive(bytes(proto::TakebackRequest{})));
  ASSERT_TRUE(s.move({0, kA1, 0}, error));
  ASSERT_TRUE(s.receive(bytes(accepted(2, game::Seat::Player2, kA1, "a1"))));
  EXPECT_FALSE(s.takebackRequested());
  EXPECT_FALSE(s.declineTakeback(error));
}

TEST(Session, ATakebackThatDoesNotFitTheMirrorIsADesync) {
  struct Case {
    const char* what;
    proto::TakenBack taken;
    const char* fragment;
  };
  // The mirror has black's h8 and white's a1, black to move.
  const std::vector<Case> cases{
      {"more moves than we have", takenBack(5, game::Seat::Player1), "took back to 5 moves"},
      {"as many as we have", takenBack(2, game::Seat::Player1), "that leaves 0"},
      {"only the reply", takenBack(1, game::Seat::Player1), "that leaves 0"},
      {"white's one move too many", takenBack(0, game::Seat::Player2), "that leaves 1"},
  };
  for (const Case& c : cases) {
    Session s = seated(game::Seat::Player1);
    ASSERT_TRUE(s.receive(bytes(accepted(1, game::Seat::Player1, kH8, "h8"))));
    ASSERT_TRUE(s.receive(bytes(accepted(2, game::Seat::Player2, kA1, "a1"))));
    EXPECT_FALSE(s.receive(bytes(c.taken))) << c.what;
    ASSERT_TRUE(s.failure()) << c.what;
    EXPECT_NE(s.failure()->text.find(c.fragment), std::string::npos) << c.what << ": " << s.failure()->text;
  }
  Session none = seated(game::Seat::Player1);
  EXPECT_FALSE(none.receive(bytes(takenBack(0, game::Seat::Player2))));
  EXPECT_NE(none.failure()->text.find("that seat has no move to take back"), std::string::npos);
}

TEST(Session, ChessHasNoTakebacks) {
  Options options;
  Session s(options);
  sentBy(s);
  ASSERT_TRUE(s.receive(bytes(welcome(game::Seat::Player2, game::Kind::Chess))));
  ASSERT_TRUE(s.receive(bytes(start())));
  proto::MoveAccepted e4;
  e4.ply = 1;
  e4.seat = game::Seat::Player1;
  e4.move = {12, 28, game::Promotion::None};
  proto::setText(e4.notation, "e4");
  ASSERT_TRUE(s.receive(bytes(e4)));
  proto::MoveAccepted e5 = e4;
  e5.ply = 2;
  e5.seat = game::Seat::Player2;
  e5.move = {52, 36, game::Promotion::None};
  proto::setText(e5.notation, "e5");
  ASSERT_TRUE(s.receive(bytes(e5)));
  EXPECT_FALSE(s.takebacksAllowed());
  std::string error;
  EXPECT_FALSE(s.requestTakeback(error));
  EXPECT_EQ(error, "this game has no take-backs");
  // A server that takes chess moves back anyway is out of step with the rules.
  EXPECT_FALSE(s.receive(bytes(takenBack(0, game::Seat::Player1))));
  EXPECT_NE(s.failure()->text.find("cannot take back"), std::string::npos);
}

// Each way the server can fall out of step with the mirror, or break the protocol.
TEST(Session, FailsWhenTheServerMisbehaves) {
  struct Case {
    const char* what;
    std::vector<proto::Packet> packets;
    const char* fragment;
  };
  const std::vector<Case> cases{
      {"wrong ply", {accepted(2, game::Seat::Player1, kH8, "h8")}, "sent ply 2 by seat 1, expected ply 1"},
      {"wrong seat", {accepted(1, game::Seat::Player2, kH8, "h8")}, "expected ply 1 by seat 1"},
      {"wrong notation", {accepted(1, game::Seat::Player1, kH8, "a1")}, "it played a1, here that is h8"},
      {"illegal", {accepted(1, game::Seat::Player1, kH8, "h8"), accepted(2, game::Seat::Player2, kH8, "h8")},
       "here it is illegal"},
      {"wrong status",
       {accepted(1, game::Seat::Player1, kH8, "h8", {game::Result::Player1Wins, game::EndReason::FiveInARow})},
       "out of step"},
      {"second welcome", {welcome(game::Seat::Player1)}, "the server sent welcome while playing"},
  };
  for (const Case& c : cases) {
    Session s = seated(game::Seat::Player1);
    bool ok = true;
    for (const auto& p : c.packets) ok = s.receive(bytes(p)) && ok;
    EXPECT_FALSE(ok) << c.what;
    ASSERT_TRUE(s.failure()) << c.what;
    EXPECT_NE(s.failure()->text.find(c.fragment), std::string::npos) << c.what << ": " << s.failure()->text;
  }

  Session early = Session(Options{});
  EXPECT_FALSE(early.receive(bytes(start())));
  EXPECT_EQ(early.failure()->code, proto::ErrorCode::UnexpectedPacket);

  Session garbage = seated(game::Seat::Player1);
  const std::vector<std::uint8_t> junk{0xff, 0xff, 0xff, 0xff};
  EXPECT_FALSE(garbage.receive(junk));
  EXPECT_NE(garbage.failure()->text.find("bad packet"), std::string::npos);

  Session fromClient = seated(game::Seat::Player1);
  EXPECT_FALSE(fromClient.receive(bytes(proto::Resign{})));  // only clients send resign

  Session dropped = seated(game::Seat::Player1);
  dropped.closed();
  EXPECT_EQ(dropped.failure()->text, "the server closed the connection");
}

}  // namespace
}  // namespace client
