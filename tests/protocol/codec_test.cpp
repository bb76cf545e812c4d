// Encoding and decoding single packets: round trips and every kind of bad field.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "shared/protocol/codec.h"
#include "tests/protocol/samples.h"

namespace proto {
namespace {

// Decodes `bytes`, expecting an error whose text mentions `fragment`.
void expectMalformed(const std::vector<std::uint8_t>& bytes, const Context& context, std::string_view fragment) {
  const auto decoded = decode(bytes, context);
  const auto* error = std::get_if<ProtocolError>(&decoded);
  ASSERT_NE(error, nullptr) << "accepted a packet that should fail with '" << fragment << "'";
  EXPECT_EQ(error->code, ErrorCode::Malformed);
  EXPECT_NE(error->text.find(fragment), std::string::npos) << error->text;
  // The streaming reader gives the same verdict.
  const auto read = readPacket(bytes, context);
  ASSERT_TRUE(std::holds_alternative<ProtocolError>(read));
  EXPECT_EQ(std::get<ProtocolError>(read).text, error->text);
}

template <PacketStruct P>
std::vector<std::uint8_t> bytesOf(const P& packet) {
  const auto a = encode(packet);
  return {a.begin(), a.end()};
}

TEST(Codec, SamplesCoverEveryPacketType) {
  const auto all = test::samples();
  ASSERT_EQ(all.size(), std::variant_size_v<Packet>);
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].index(), i);
}

TEST(Codec, EveryPacketRoundTrips) {
  for (const Packet& packet : test::samples()) {
    const auto bytes = test::bytesOf(packet);
    SCOPED_TRACE(std::string(name(typeOf(packet))));
    ASSERT_EQ(validate(packet, test::omokContext()), std::nullopt);
    const auto decoded = decode(bytes, test::omokContext());
    ASSERT_TRUE(std::holds_alternative<Packet>(decoded))
        << std::get<ProtocolError>(decoded).text;
    EXPECT_EQ(std::get<Packet>(decoded).index(), packet.index());
    EXPECT_EQ(test::bytesOf(std::get<Packet>(decoded)), bytes);
  }
}

TEST(Codec, HeaderCarriesSizeAndTypeLittleEndian) {
  Move move;
  move.move.to = 0x0102;
  const auto bytes = encode(move);
  EXPECT_EQ(bytes[0], sizeof(Move));
  EXPECT_EQ(bytes[1], 0);
  EXPECT_EQ(bytes[2], 0x01);  // Type::Move = 0x0101
  EXPECT_EQ(bytes[3], 0x01);
  EXPECT_EQ(bytes[6], 0x02);  // to, low byte first
  EXPECT_EQ(bytes[7], 0x01);
}

TEST(Codec, AppendsToStringsAndVectors) {
  std::string s = "x";
  append(s, Ping{});
  EXPECT_EQ(s.size(), 1 + sizeof(Ping));
  std::vector<std::uint8_t> v;
  append(v, Packet{Resign{}});
  append(v, Packet{DrawOffer{}});
  EXPECT_EQ(v.size(), 8u);
}

TEST(Codec, DecodeWantsExactlyOnePacket) {
  auto bytes = bytesOf(Resign{});
  bytes.push_back(0);
  const auto tooLong = decode(bytes, {});
  ASSERT_TRUE(std::holds_alternative<ProtocolError>(tooLong));
  EXPECT_NE(std::get<ProtocolError>(tooLong).text.find("5 bytes given for a packet of 4"), std::string::npos);
  const auto tooShort = decode(std::vector<std::uint8_t>{4, 0}, {});
  ASSERT_TRUE(std::holds_alternative<ProtocolError>(tooShort));
  EXPECT_NE(std::get<ProtocolError>(tooShort).text.find("shorter than the header"), std::string::npos);
}

TEST(Codec, RejectsImpossibleSizes) {
  for (std::uint16_t size : {0, 1, 3}) {
    std::vector<std::uint8_t> bytes{static_cast<std::uint8_t>(size), 0, 0x05, 0x01};
    bytes.resize(std::max<std::size_t>(size, 4));
    expectMalformed(bytes, {}, "smaller than the 4-byte header");
  }
  for (std::uint16_t size : {static_cast<std::uint16_t>(kMaxPacketSize + 1), std::uint16_t{65535}}) {
    std::vector<std::uint8_t> bytes(size, 0);
    std::memcpy(bytes.data(), &size, 2);
    bytes[2] = 0x01;
    expectMalformed(bytes, {}, "exceeds the maximum");
  }
  // Right type, wrong size: a 10-byte move and a header-only hello.
  auto move = bytesOf(Move{});
  move[0] = 10;
  move.push_back(0);
  expectMalformed(move, {}, "is not the packet's size 9");
  expectMalformed({4, 0, 0x01, 0x00}, {}, "is not the packet's size 84");
}

// An earlier version's hello or watch (another size) is told the version, not "malformed".
TEST(Codec, AHelloOfAnotherVersionIsToldItsVersion) {
  for (const std::uint16_t type : {0x0001, 0x0201}) {
    std::vector<std::uint8_t> bytes(74, 0);  // a version 4 hello was 74 bytes
    bytes[0] = 74;
    bytes[2] = static_cast<std::uint8_t>(type & 0xff);
    bytes[3] = static_cast<std::uint8_t>(type >> 8);
    bytes[4] = 4;
    const std::span<const std::uint8_t> all(bytes);
    EXPECT_TRUE(std::holds_alternative<NeedMore>(readPacket(all.first(5), {})));
    const ReadResult result = readPacket(all, {});
    const auto* error = std::get_if<ProtocolError>(&result);
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, ErrorCode::UnsupportedVersion);
    EXPECT_NE(error->text.find("protocol version 4"), std::string::npos) << error->text;
    EXPECT_NE(error->text.find("this side speaks 6"), std::string::npos) << error->text;
  }
  // Our own version at another size is malformed.
  std::vector<std::uint8_t> bytes(74, 0);
  bytes[0] = 74;
  bytes[2] = 0x01;
  bytes[4] = static_cast<std::uint8_t>(kProtocolVersion);
  expectMalformed(bytes, {}, "is not the packet's size 84");
}

TEST(Codec, RejectsUnknownTypes) {
  for (std::uint16_t type : {0x0000, 0x0008, 0x0100, 0x0113, 0x0203, 0x0303, 0x0404, 0xffff}) {
    std::vector<std::uint8_t> bytes{4, 0, static_cast<std::uint8_t>(type & 0xff), static_cast<std::uint8_t>(type >> 8)};
    expectMalformed(bytes, {}, "unknown packet type");
  }
}

TEST(Codec, RejectsPacketsFromTheWrongSide) {
  Context fromClient;
  fromClient.from = Sender::Client;
  Context fromServer;
  fromServer.from = Sender::Server;
  Welcome welcome;
  welcome.seat = game::Seat::Player1;
  expectMalformed(bytesOf(welcome), fromClient, "only the server sends");
  expectMalformed(bytesOf(Move{}), fromServer, "only a client sends");
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(DrawOffer{}), fromClient)));
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(DrawOffer{}), fromServer)));
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(Ping{}), fromServer)));
}

Hello goodHello() {
  Hello hello;
  setText(hello.name, "ann");
  return hello;
}

TEST(Codec, ValidatesHelloFields) {
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(goodHello()), {})));
  Hello h = goodHello();
  h.game = 3;
  expectMalformed(bytesOf(h), {}, "game 3 is unknown");
  h = goodHello();
  h.rule = 6;
  expectMalformed(bytesOf(h), {}, "rule 6 is unknown");
  h = goodHello();
  h.game = 2;
  h.rule = 3;
  expectMalformed(bytesOf(h), {}, "is not a rule of chess");
  h = goodHello();
  h.boardSize = 9;
  expectMalformed(bytesOf(h), {}, "board size 9");
  h = goodHello();
  h.game = 1;
  h.boardSize = 8;
  expectMalformed(bytesOf(h), {}, "not valid for omok");
  h = goodHello();
  h.seat = static_cast<game::Seat>(3);
  expectMalformed(bytesOf(h), {}, "seat 3");
  h = goodHello();
  std::memset(h.name, 'a', sizeof h.name);
  expectMalformed(bytesOf(h), {}, "name is not NUL-terminated");
  h = goodHello();
  h.name[0] = '\0';
  expectMalformed(bytesOf(h), {}, "name is empty");
  h = goodHello();
  setText(h.name, "bad\nname");
  expectMalformed(bytesOf(h), {}, "not printable UTF-8");
  h = goodHello();
  setText(h.name, "\xc3\x28");  // a lead byte followed by a non-continuation
  expectMalformed(bytesOf(h), {}, "not printable UTF-8");
  h = goodHello();
  setText(h.name, "\xc0\xaf");  // overlong '/'
  expectMalformed(bytesOf(h), {}, "not printable UTF-8");
  h = goodHello();
  setText(h.name, "esc\xc2\x9b[2J");  // C1 control: a terminal escape
  expectMalformed(bytesOf(h), {}, "not printable UTF-8");
  h = goodHello();
  setText(h.name, "\xed\xa0\x80");  // a UTF-16 surrogate
  expectMalformed(bytesOf(h), {}, "not printable UTF-8");
  h = goodHello();
  setText(h.name, "ab\xe2\x82");  // cut in the middle of a character
  expectMalformed(bytesOf(h), {}, "not printable UTF-8");
  h = goodHello();
  std::memset(h.matchCode, 'c', sizeof h.matchCode);
  expectMalformed(bytesOf(h), {}, "match code is not NUL-terminated");
  h = goodHello();
  setText(h.matchCode, "a b");
  expectMalformed(bytesOf(h), {}, "match code may hold only");
}

// A hello's clock: the server's, untimed, or a time control within the bounds.
TEST(Codec, ValidatesHelloTimeControls) {
  Hello h = goodHello();
  EXPECT_EQ(timeControlOf(h), std::nullopt);
  askTimeControl(h, {300'000, 3'000});
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(h), {})));
  EXPECT_EQ(timeControlOf(h), (game::TimeControl{300'000, 3'000}));
  askTimeControl(h, {});
  EXPECT_EQ(h.timing, Timing::Untimed);
  EXPECT_EQ(timeControlOf(h), game::TimeControl{});
  askTimeControl(h, {game::kMaxBaseMs, game::kMaxIncrementMs});
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(h), {})));
  h.clockBaseMs = game::kMaxBaseMs + 1;
  expectMalformed(bytesOf(h), {}, "is not 1 ms to 24 hours");
  h.clockBaseMs = 0;
  expectMalformed(bytesOf(h), {}, "is not 1 ms to 24 hours");
  askTimeControl(h, {60'000, game::kMaxIncrementMs + 1});
  expectMalformed(bytesOf(h), {}, "more than an hour");
  h = goodHello();
  h.clockBaseMs = 60'000;  // a clock, but the server's choice asked
  expectMalformed(bytesOf(h), {}, "does not ask for one");
  h = goodHello();
  h.timing = static_cast<Timing>(3);
  expectMalformed(bytesOf(h), {}, "timing 3 is unknown");
}

TEST(Codec, ValidatesWelcomeFields) {
  Welcome w;
  w.seat = game::Seat::Player2;
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(w), {})));
  Welcome bad = w;
  bad.seat = static_cast<game::Seat>(3);
  expectMalformed(bytesOf(bad), {}, "seat 3 is not 0, 1 or 2");
  bad = w;
  bad.game = static_cast<game::Kind>(0);
  expectMalformed(bytesOf(bad), {}, "game 0 is unknown");
  bad = w;
  bad.rule = game::Rule::Fide;
  expectMalformed(bytesOf(bad), {}, "rule 5 is not a rule of omok");
  bad = w;
  bad.boardSize = 8;
  expectMalformed(bytesOf(bad), {}, "board size 8 is not valid for omok");
  bad = w;
  bad.resumed = 2;
  expectMalformed(bytesOf(bad), {}, "resumed flag 2");
  bad = w;
  bad.clockIncrementMs = 2000;
  expectMalformed(bytesOf(bad), {}, "an untimed match has no clock increment");
  bad.clockBaseMs = 60'000;
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(bad), {})));
  bad = w;
  setText(bad.startFen, "8/8/8/8/8/8/8/8 w - - 0 1");
  expectMalformed(bytesOf(bad), {}, "an omok game has no start FEN");
  Welcome chess = w;
  chess.game = game::Kind::Chess;
  chess.rule = game::Rule::Fide;
  chess.boardSize = 8;
  setText(chess.startFen, "4k3/8/8/8/8/8/8/4K3 w - - 0 1");
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(chess), {})));
  std::memset(chess.startFen, 'p', sizeof chess.startFen);
  expectMalformed(bytesOf(chess), {}, "start FEN is not NUL-terminated");
}

TEST(Codec, ValidatesEnumsOfTheOtherPackets) {
  Error e;
  e.code = static_cast<ErrorCode>(0);
  expectMalformed(bytesOf(e), {}, "error code 0 is unknown");
  e.code = static_cast<ErrorCode>(kLastErrorCode + 1);
  expectMalformed(bytesOf(e), {}, "is unknown");
  std::memset(e.text, 'x', sizeof e.text);
  e.code = ErrorCode::Timeout;
  expectMalformed(bytesOf(e), {}, "text is not NUL-terminated");

  OpponentStatus o;
  o.state = static_cast<OpponentState>(3);
  expectMalformed(bytesOf(o), {}, "opponent state 3");

  MoveRejected r;
  r.reject = game::Reject::None;
  expectMalformed(bytesOf(r), {}, "reject code 0");
  r.reject = static_cast<game::Reject>(game::kLastReject + 1);
  expectMalformed(bytesOf(r), {}, "reject code 22");

  Decide d;
  d.choice = static_cast<game::Choice>(0);
  expectMalformed(bytesOf(d), {}, "choice 0 is unknown");
  d.choice = game::Choice::Swap;
  d.count = 1;
  expectMalformed(bytesOf(d), {}, "only an offer has points");
  d.choice = game::Choice::Offer;
  d.count = 11;
  expectMalformed(bytesOf(d), {}, "count 11 is more than 10");
  d.count = 1;
  d.points[1] = {0, 5, game::Promotion::None};
  expectMalformed(bytesOf(d), {}, "point 2 is past the count");
  d.points[1] = {};
  d.points[0] = {0, 225, game::Promotion::None};
  expectMalformed(bytesOf(d), test::omokContext(), "point 225 is off the 15x15 board");

  OpeningStatus o5;
  o5.step = static_cast<game::OpeningStep>(9);
  expectMalformed(bytesOf(o5), {}, "step 9 is unknown");
  o5.step = game::OpeningStep::Swap;
  expectMalformed(bytesOf(o5), {}, "a decider exactly while it is in progress");
  o5.decider = game::Seat::Player2;
  o5.choice = static_cast<std::uint8_t>(game::Choice::Swap);
  expectMalformed(bytesOf(o5), {}, "a decision needs its seat");
  o5.by = game::Seat::Player1;
  o5.area = -2;
  expectMalformed(bytesOf(o5), {}, "area -2");
  o5.area = -1;
  o5.exchanged = 2;
  expectMalformed(bytesOf(o5), {}, "exchanged flag 2");

  Hello h;
  h.opening = static_cast<game::Opening>(5);
  expectMalformed(bytesOf(h), {}, "opening 5 is unknown");
  h.opening = game::Opening::Swap2;
  h.game = static_cast<std::uint8_t>(game::Kind::Chess);
  expectMalformed(bytesOf(h), {}, "chess has no opening rule");

  GameOver g;
  g.result = game::Result::Ongoing;
  g.reason = game::EndReason::None;
  expectMalformed(bytesOf(g), {}, "needs a result");
  g.result = static_cast<game::Result>(4);
  expectMalformed(bytesOf(g), {}, "result 4 is unknown");
  g.result = game::Result::Draw;
  g.reason = static_cast<game::EndReason>(game::kLastEndReason + 1);
  expectMalformed(bytesOf(g), {}, "end reason 15");
  g.reason = game::EndReason::None;
  expectMalformed(bytesOf(g), {}, "does not go with end reason none");

  MoveAccepted a;
  a.ply = 1;
  a.seat = game::Seat::Player1;
  setText(a.notation, "e4");
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(a), {})));
  MoveAccepted bad = a;
  bad.ply = 0;
  expectMalformed(bytesOf(bad), {}, "ply 0");
  bad = a;
  bad.result = game::Result::Ongoing;
  bad.reason = game::EndReason::Checkmate;
  expectMalformed(bytesOf(bad), {}, "does not go with end reason checkmate");
  bad = a;
  bad.notation[0] = '\0';
  expectMalformed(bytesOf(bad), {}, "notation is empty");
  bad = a;
  bad.move.promotion = static_cast<game::Promotion>(5);
  expectMalformed(bytesOf(bad), {}, "promotion 5 is unknown");

  MatchStart m;
  setText(m.player1, "p");
  expectMalformed(bytesOf(m), {}, "player 2 name is empty");

  TakenBack t;
  expectMalformed(bytesOf(t), {}, "seat 0 is not 1 or 2");

  Chat chat;
  expectMalformed(bytesOf(chat), {}, "text is empty");
  setText(chat.text, "hi\n");
  expectMalformed(bytesOf(chat), {}, "text is not printable UTF-8");

  ChatMessage message;
  setText(message.name, "kibitzer");
  setText(message.text, "hi");
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(message), {})));  // seat 0: a spectator wrote it
  message.seat = static_cast<game::Seat>(3);
  expectMalformed(bytesOf(message), {}, "seat 3 is not 0, 1 or 2");

  Watch watch;
  expectMalformed(bytesOf(watch), {}, "name is empty");

  MatchEntry entry;
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(entry), {})));  // free seats have empty names
  entry.state = static_cast<MatchState>(3);
  expectMalformed(bytesOf(entry), {}, "match state 3 is unknown");
  entry.state = MatchState::Waiting;
  entry.rule = game::Rule::Fide;
  expectMalformed(bytesOf(entry), {}, "rule 5 is not a rule of omok");

  Welcome spectator;
  spectator.seat = game::Seat::None;
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(spectator), {})));
  spectator.reconnect.fill(1);
  expectMalformed(bytesOf(spectator), {}, "a spectator's welcome has no reconnection token");

  ClockSync c;
  c.running = game::Seat::Player2;
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(c), {})));
  c.running = static_cast<game::Seat>(3);
  expectMalformed(bytesOf(c), {}, "running seat 3 is not 0, 1 or 2");
}

TEST(Codec, ChecksCoordinatesAgainstTheBoard) {
  Context omok = test::omokContext();
  Context bigOmok = omok;
  bigOmok.boardSize = 19;
  Context chess;
  chess.game = game::Kind::Chess;
  chess.boardSize = 8;

  Move m;
  m.move.to = 224;
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(m), omok)));
  m.move.to = 225;
  expectMalformed(bytesOf(m), omok, "point 225 is off the 15x15 board");
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(m), bigOmok)));
  m.move.to = 361;
  expectMalformed(bytesOf(m), bigOmok, "off the 19x19 board");
  m.move = {1, 2, game::Promotion::None};
  expectMalformed(bytesOf(m), omok, "an omok move has only a point");
  m.move = {0, 2, game::Promotion::Queen};
  expectMalformed(bytesOf(m), omok, "an omok move has only a point");

  m.move = {52, 60, game::Promotion::Queen};
  EXPECT_TRUE(std::holds_alternative<Packet>(decode(bytesOf(m), chess)));
  m.move = {64, 0, game::Promotion::None};
  expectMalformed(bytesOf(m), chess, "square 64 is off the chess board");
  m.move = {0, 300, game::Promotion::None};
  expectMalformed(bytesOf(m), chess, "square 300");

  MoveRejected r;
  r.move.to = 999;
  expectMalformed(bytesOf(r), omok, "point 999");
}

}  // namespace
}  // namespace proto
