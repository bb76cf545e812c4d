// Packet layout: documented sizes, the type table and text fields.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "shared/protocol/packets.h"
#include "tests/protocol/samples.h"

namespace proto {
namespace {

struct DocumentedSize {
  Type type;
  std::size_t size;
  std::size_t actual;
};

// The sizes docs/PROTOCOL.md gives, one row per packet, against sizeof.
TEST(Packets, SizesMatchTheDocumentedTable) {
  const DocumentedSize table[] = {
      {Type::Hello, 84, sizeof(Hello)},
      {Type::Welcome, 136, sizeof(Welcome)},
      {Type::MatchStart, 68, sizeof(MatchStart)},
      {Type::Ping, 20, sizeof(Ping)},
      {Type::Pong, 20, sizeof(Pong)},
      {Type::Error, 133, sizeof(Error)},
      {Type::OpponentStatus, 7, sizeof(OpponentStatus)},
      {Type::Move, 9, sizeof(Move)},
      {Type::MoveAccepted, 38, sizeof(MoveAccepted)},
      {Type::MoveRejected, 138, sizeof(MoveRejected)},
      {Type::GameOver, 18, sizeof(GameOver)},
      {Type::Resign, 4, sizeof(Resign)},
      {Type::DrawOffer, 4, sizeof(DrawOffer)},
      {Type::DrawAccept, 4, sizeof(DrawAccept)},
      {Type::DrawDecline, 4, sizeof(DrawDecline)},
      {Type::DrawClaim, 4, sizeof(DrawClaim)},
      {Type::ClockSync, 13, sizeof(ClockSync)},
      {Type::TakebackRequest, 4, sizeof(TakebackRequest)},
      {Type::TakebackAccept, 4, sizeof(TakebackAccept)},
      {Type::TakebackDecline, 4, sizeof(TakebackDecline)},
      {Type::TakenBack, 15, sizeof(TakenBack)},
      {Type::Decide, 57, sizeof(Decide)},
      {Type::OpeningStatus, 63, sizeof(OpeningStatus)},
      {Type::RematchOffer, 4, sizeof(RematchOffer)},
      {Type::RematchDecline, 4, sizeof(RematchDecline)},
      {Type::Watch, 58, sizeof(Watch)},
      {Type::Spectators, 6, sizeof(Spectators)},
      {Type::Chat, 132, sizeof(Chat)},
      {Type::ChatMessage, 165, sizeof(ChatMessage)},
      {Type::ListMatches, 4, sizeof(ListMatches)},
      {Type::MatchEntry, 89, sizeof(MatchEntry)},
      {Type::MatchListEnd, 6, sizeof(MatchListEnd)},
  };
  ASSERT_EQ(std::size(table), std::variant_size_v<Packet>);
  for (const auto& row : table) {
    SCOPED_TRACE(std::string(name(row.type)));
    EXPECT_EQ(row.actual, row.size);
    EXPECT_EQ(sizeOf(row.type), row.size);
    EXPECT_LE(row.size, kMaxPacketSize);
  }
}

// The cells of a Markdown table row, trimmed.
std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, '|');) {
    const auto first = cell.find_first_not_of(' ');
    const auto last = cell.find_last_not_of(' ');
    out.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
  }
  if (!out.empty()) out.erase(out.begin());  // before the leading '|'
  return out;
}

// The summary table of the protocol document lists every packet with its
// type number, name, size, sender and phases exactly as the code has them.
TEST(Packets, ProtocolDocumentTableMatchesTheCode) {
  std::ifstream doc(PROTOCOL_DOC);
  ASSERT_TRUE(doc) << "cannot open " << PROTOCOL_DOC;
  std::map<std::uint16_t, std::vector<std::string>> documented;
  std::string line;
  bool inSummary = false;
  while (std::getline(doc, line)) {
    if (line.rfind("## ", 0) == 0) inSummary = line == "## Packet types";
    if (!inSummary || line.rfind("| 0x", 0) != 0) continue;
    const auto row = cells(line);
    ASSERT_EQ(row.size(), 5u) << line;
    documented[static_cast<std::uint16_t>(std::stoul(row[0], nullptr, 16))] = row;
  }
  ASSERT_EQ(documented.size(), std::variant_size_v<Packet>);
  const Phase phases[] = {Phase::AwaitingHello, Phase::WaitingForOpponent, Phase::Playing, Phase::Over};
  for (const Packet& packet : test::samples()) {
    const Type type = typeOf(packet);
    SCOPED_TRACE(std::string(name(type)));
    const auto it = documented.find(static_cast<std::uint16_t>(type));
    ASSERT_NE(it, documented.end()) << "not in the document";
    const auto& row = it->second;
    EXPECT_EQ(row[1], std::string("`").append(name(type)).append("`"));
    EXPECT_EQ(row[2], std::to_string(sizeOf(type)));
    const Sender sender = *senderOf(type);
    EXPECT_EQ(row[3], sender == Sender::Client ? "client" : sender == Sender::Server ? "server" : "either");
    std::string allowed;
    for (Phase p : phases) {
      if (!allowedIn(type, p)) continue;
      if (!allowed.empty()) allowed.append(", ");
      allowed.append(name(p));
    }
    EXPECT_EQ(row[4], allowed == "awaiting-hello, waiting-for-opponent, playing, over" ? "any" : allowed);
  }
}

TEST(Packets, UnknownTypesHaveNoSizeSenderOrPhase) {
  for (std::uint16_t raw : {0x0000, 0x0008, 0x0100, 0x0113, 0x0203, 0x0303, 0xffff}) {
    const auto t = static_cast<Type>(raw);
    EXPECT_EQ(sizeOf(t), 0u);
    EXPECT_FALSE(senderOf(t).has_value());
    EXPECT_EQ(name(t), "unknown");
    for (Phase p : {Phase::AwaitingHello, Phase::WaitingForOpponent, Phase::Playing, Phase::Over})
      EXPECT_FALSE(allowedIn(t, p));
  }
}

TEST(Packets, PhasesFollowTheStateMachine) {
  EXPECT_TRUE(allowedIn(Type::Hello, Phase::AwaitingHello));
  EXPECT_FALSE(allowedIn(Type::Hello, Phase::Playing));
  EXPECT_TRUE(allowedIn(Type::Welcome, Phase::AwaitingHello));
  EXPECT_TRUE(allowedIn(Type::MatchStart, Phase::WaitingForOpponent));
  EXPECT_FALSE(allowedIn(Type::Move, Phase::WaitingForOpponent));
  EXPECT_TRUE(allowedIn(Type::Move, Phase::Playing));
  EXPECT_FALSE(allowedIn(Type::Move, Phase::Over));
  EXPECT_FALSE(allowedIn(Type::Resign, Phase::Over));
  // After a game: a rematch is offered, and its welcome comes in phase over.
  EXPECT_TRUE(allowedIn(Type::RematchOffer, Phase::Over));
  EXPECT_FALSE(allowedIn(Type::RematchOffer, Phase::Playing));
  EXPECT_TRUE(allowedIn(Type::RematchDecline, Phase::Over));
  EXPECT_TRUE(allowedIn(Type::Welcome, Phase::Over));
  EXPECT_FALSE(allowedIn(Type::Welcome, Phase::Playing));
  for (Phase p : {Phase::AwaitingHello, Phase::WaitingForOpponent, Phase::Playing, Phase::Over}) {
    EXPECT_TRUE(allowedIn(Type::Ping, p)) << name(p);
    EXPECT_TRUE(allowedIn(Type::Pong, p)) << name(p);
    EXPECT_TRUE(allowedIn(Type::Error, p)) << name(p);
  }
}

TEST(Packets, SendersAreAssigned) {
  EXPECT_EQ(senderOf(Type::Hello), Sender::Client);
  EXPECT_EQ(senderOf(Type::Move), Sender::Client);
  EXPECT_EQ(senderOf(Type::DrawClaim), Sender::Client);
  EXPECT_EQ(senderOf(Type::Welcome), Sender::Server);
  EXPECT_EQ(senderOf(Type::MoveAccepted), Sender::Server);
  EXPECT_EQ(senderOf(Type::DrawOffer), Sender::Either);
  EXPECT_EQ(senderOf(Type::Ping), Sender::Either);
}

// And the restart notice, which is news: the server hangs up itself when it goes.
TEST(Packets, OnlyRaceableErrorsKeepTheConnection) {
  for (unsigned c = 1; c <= kLastErrorCode; ++c) {
    const auto code = static_cast<ErrorCode>(c);
    EXPECT_NE(name(code), "unknown");
    const bool keeps = code == ErrorCode::UnexpectedPacket || code == ErrorCode::NoDrawOffer ||
                       code == ErrorCode::NoClaimableDraw || code == ErrorCode::RateLimited ||
                       code == ErrorCode::NoTakebackRequest || code == ErrorCode::TakebackRefused ||
                       code == ErrorCode::NotAPlayer || code == ErrorCode::ServerRestarting ||
                       code == ErrorCode::RematchRefused;
    EXPECT_EQ(closesConnection(code), !keeps) << name(code);
  }
}

TEST(Packets, MovesConvertToAndFromTheEngineMove) {
  const game::Move m{12, 28, static_cast<std::uint8_t>(game::Promotion::Queen)};
  const WireMove w = toWire(m);
  EXPECT_EQ(+w.from, 12);  // +: a copy, packed fields must not be bound to references
  EXPECT_EQ(+w.to, 28);
  EXPECT_EQ(w.promotion, game::Promotion::Queen);
  EXPECT_EQ(fromWire(w), m);
}

TEST(Text, FitsAndZeroFills) {
  char field[8];
  std::memset(field, 'x', sizeof field);
  EXPECT_TRUE(setText(field, "abc"));
  EXPECT_EQ(text(field), "abc");
  for (std::size_t i = 3; i < sizeof field; ++i) EXPECT_EQ(field[i], '\0');
  EXPECT_TRUE(setText(field, "1234567"));
  EXPECT_EQ(text(field), "1234567");
}

TEST(Text, CutsTooLongTextAtACharacterBoundary) {
  char field[8];
  EXPECT_FALSE(setText(field, "12345678"));
  EXPECT_EQ(text(field), "1234567");
  // "abcde" + "지" (3 bytes) needs 9 bytes with the NUL: the whole character goes.
  EXPECT_FALSE(setText(field, "abcde\xec\xa7\x80"));
  EXPECT_EQ(text(field), "abcde");
}

}  // namespace
}  // namespace proto
