// The wire format: every packet as a packed struct that is byte for byte what
// travels on the socket. docs/PROTOCOL.md documents each one; the sizes are
// asserted below and checked against the document's table in the tests.
//
// Rules that keep the format safe to read:
//   - every packet starts with Header{size, type}; size counts the header;
//   - every type has one fixed size (no variable-length packets yet), so the
//     framer rejects any other size before reading a single field;
//   - multi-byte integers are little-endian (we only target little-endian hosts);
//   - text fields are NUL-terminated inside their fixed arrays, UTF-8;
//   - enums have a fixed underlying type, so any byte is a representable value
//     and the decoder can range-check it after memcpy.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <variant>

#include "shared/game/clock.h"
#include "shared/game/game.h"
#include "shared/game/types.h"

namespace proto {

static_assert(std::endian::native == std::endian::little,
              "the wire format is little-endian and is copied with memcpy");

// 2: clocks (time controls in welcome, move-accepted and game-over;
//    clock-sync), take-backs, spectators, chat and the match list.
// 3: budgets (rate-limited for every limited action, flooding), private
//    matches watched only with their code (watch.matchCode).
// 4: games outlive the server: server-restarting instead of a draw by
//    server-shutdown; seats resumed with their tokens after a restart.
// 5: omok opening rules: the opening in hello, welcome and match-entry;
//    decide and opening-status; the colours a seat plays may be exchanged.
// 6: a hello chooses its time control; rematches (game-over says how long
//    one may be offered, rematch-offer and rematch-decline, and a welcome to
//    the new match in phase over).
constexpr std::uint16_t kProtocolVersion = 6;

// Largest packet any peer may send. Framers size their buffers from it.
constexpr std::size_t kMaxPacketSize = 256;

// Packet types. The high byte groups them so later features get their own
// ranges without renumbering: 0x00 session, 0x01 play, 0x02 spectators,
// 0x03 chat, 0x04 lobby.
enum class Type : std::uint16_t {
  Hello = 0x0001,
  Welcome = 0x0002,
  MatchStart = 0x0003,
  Ping = 0x0004,
  Pong = 0x0005,
  Error = 0x0006,
  OpponentStatus = 0x0007,

  Move = 0x0101,
  MoveAccepted = 0x0102,
  MoveRejected = 0x0103,
  GameOver = 0x0104,
  Resign = 0x0105,
  DrawOffer = 0x0106,
  DrawAccept = 0x0107,
  DrawDecline = 0x0108,
  DrawClaim = 0x0109,
  ClockSync = 0x010A,
  TakebackRequest = 0x010B,
  TakebackAccept = 0x010C,
  TakebackDecline = 0x010D,
  TakenBack = 0x010E,
  Decide = 0x010F,
  OpeningStatus = 0x0110,
  RematchOffer = 0x0111,
  RematchDecline = 0x0112,

  Watch = 0x0201,
  Spectators = 0x0202,

  Chat = 0x0301,
  ChatMessage = 0x0302,

  ListMatches = 0x0401,
  MatchEntry = 0x0402,
  MatchListEnd = 0x0403,
};

// Error codes carried by the Error packet. Fatal ones are followed by the
// server closing the connection (see closesConnection).
enum class ErrorCode : std::uint8_t {
  Malformed = 1,           // bad size, unknown type or invalid field: the stream cannot be trusted
  UnsupportedVersion = 2,  // Hello.version is not one the server speaks
  UnexpectedPacket = 3,    // a valid packet that is not allowed in the current phase
  GameUnavailable = 4,     // the wanted game, rule or board size is not hosted here
  SeatTaken = 5,           // the wanted seat of that match is occupied
  BadReconnectToken = 6,   // the token matches no seat held for reconnection
  ServerFull = 7,          // no room for another connection or match
  NoDrawOffer = 8,         // accept/decline without a pending offer from the opponent
  NoClaimableDraw = 9,     // a draw claim when no draw can be claimed
  ServerError = 10,        // the server cannot run the match (e.g. cannot write its record)
  Timeout = 11,            // no Hello in time, or no Pong to a Ping in time
  ServerShutdown = 12,     // the server is stopping: a waiting match is gone
  RateLimited = 13,        // an action over its rate limit (chat, offers, lists, refusals...): not done
  NoTakebackRequest = 14,  // accept/decline without a pending take-back request from the opponent
  TakebackRefused = 15,    // a take-back the game does not allow (chess, no move of yours to take back)
  NoSuchMatch = 16,        // watch: no running or waiting match has that id
  NotAPlayer = 17,         // a spectator sent what only players send
  Flooding = 18,           // kept going past its rate limits: dropped
  ServerRestarting = 19,   // the server restarts soon; seats are kept: come back with the token
  RematchRefused = 20,     // a rematch offer the server cannot take now (offered already)
};
constexpr std::uint8_t kLastErrorCode = static_cast<std::uint8_t>(ErrorCode::RematchRefused);

enum class OpponentState : std::uint8_t { Disconnected = 1, Reconnected = 2 };

// Where a listed match stands.
enum class MatchState : std::uint8_t { Waiting = 1, Playing = 2 };

// Who sends a packet type. The decoder refuses a packet from the wrong side.
enum class Sender : std::uint8_t { Client = 1, Server = 2, Either = 3 };

// 128 random bits that let a dropped player take their seat back. All zero = none.
using Token = std::array<std::uint8_t, 16>;

constexpr std::size_t kNameSize = 32;      // player name, 1..31 bytes + NUL
constexpr std::size_t kCodeSize = 16;      // private match code, 0..15 bytes + NUL
constexpr std::size_t kFenSize = 96;       // chess start position (the longest FEN is ~90)
constexpr std::size_t kNotationSize = 16;  // "exd8=Q+", "o15"
constexpr std::size_t kTextSize = 128;     // reasons and error messages for people

#pragma pack(push, 1)

struct Header {
  std::uint16_t size = 0;  // whole packet, header included
  Type type{};
};

// Both players' remaining time in milliseconds. All zero in an untimed
// match. Named fields, not an array: packed at an odd offset, an array's
// operator[] would be a call on a misaligned object (UBSan reports it); a
// packed struct has alignment 1, so references to it are fine.
struct Clocks {
  std::uint32_t player1Ms = 0;
  std::uint32_t player2Ms = 0;
  friend constexpr bool operator==(const Clocks&, const Clocks&) = default;
};

// A move as game::Move without its padding: omok puts the point in `to`;
// chess uses from/to squares 0..63 and `promotion`.
struct WireMove {
  std::uint16_t from = 0;
  std::uint16_t to = 0;
  game::Promotion promotion = game::Promotion::None;
};

// How a hello chooses its match's clock.
enum class Timing : std::uint8_t {
  ServerDefault = 0,  // the server's time control (game_server --time), untimed if it sets none
  Untimed = 1,
  Timed = 2,  // Hello::clockBaseMs and clockIncrementMs
};

// Client -> server, first packet of a connection.
struct Hello {
  static constexpr Type kType = Type::Hello;
  static constexpr Sender kFrom = Sender::Client;
  Header header;
  std::uint16_t version = kProtocolVersion;
  std::uint8_t game = 0;       // game::Kind wanted, 0 = whatever the server hosts
  std::uint8_t rule = 0;       // game::Rule wanted, 0 = the server's choice
  std::uint8_t boardSize = 0;  // omok 15 or 19, chess 8, 0 = the server's choice
  game::Seat seat = game::Seat::None;  // None = any free seat
  Token reconnect{};           // non-zero: resume the seat this token was issued for
  char name[kNameSize] = {};
  char matchCode[kCodeSize] = {};  // empty = the public queue
  game::Opening opening = game::Opening::None;  // omok opening rule wanted; None = the server's choice
  Timing timing = Timing::ServerDefault;
  std::uint32_t clockBaseMs = 0;       // Timed: time per side, 1 ms .. game::kMaxBaseMs; otherwise 0
  std::uint32_t clockIncrementMs = 0;  // Timed: added after each move, at most game::kMaxIncrementMs
};

// Server -> client: the seat is yours (seat None: you watch the match).
// Player1 moves first, so in omok it is black and in chess white, until an
// omok opening exchanges the colours (opening-status says so).
struct Welcome {
  static constexpr Type kType = Type::Welcome;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  std::uint16_t version = kProtocolVersion;
  game::Seat seat = game::Seat::None;  // None: a spectator's welcome
  game::Kind game = game::Kind::Omok;
  game::Rule rule = game::Rule::Renju;
  std::uint8_t boardSize = 15;  // omok 15 or 19; chess 8
  std::uint32_t matchId = 0;
  Token reconnect{};            // keep it to resume this seat after a drop; zero for spectators
  std::uint8_t resumed = 0;     // 1: a reconnection or a spectator joining a running game: the moves so far follow
  char startFen[kFenSize] = {}; // chess: start position, empty = the standard one; omok: empty
  std::uint32_t clockBaseMs = 0;       // time per side, 0 = untimed
  std::uint32_t clockIncrementMs = 0;  // added after each of a side's moves
  game::Opening opening = game::Opening::None;  // omok: the opening rule played
};

// Server -> both: both seats are taken, the game begins (or, after a
// reconnection, continues: the MoveAccepted packets played so far follow).
struct MatchStart {
  static constexpr Type kType = Type::MatchStart;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  char player1[kNameSize] = {};
  char player2[kNameSize] = {};
};

// Either direction; the peer answers with a Pong echoing both fields.
struct Ping {
  static constexpr Type kType = Type::Ping;
  static constexpr Sender kFrom = Sender::Either;
  Header header;
  std::uint64_t nonce = 0;
  std::uint64_t sentAtMs = 0;  // the sender's clock, only ever compared by the sender
};

struct Pong {
  static constexpr Type kType = Type::Pong;
  static constexpr Sender kFrom = Sender::Either;
  Header header;
  std::uint64_t nonce = 0;
  std::uint64_t sentAtMs = 0;
};

// Server -> client.
struct Error {
  static constexpr Type kType = Type::Error;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  ErrorCode code = ErrorCode::Malformed;
  char text[kTextSize] = {};
};

// Server -> client: the opponent's connection dropped or came back.
struct OpponentStatus {
  static constexpr Type kType = Type::OpponentStatus;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  OpponentState state = OpponentState::Disconnected;
  std::uint16_t graceSeconds = 0;  // Disconnected: how long the seat is held before they lose
};

// Client -> server.
struct Move {
  static constexpr Type kType = Type::Move;
  static constexpr Sender kFrom = Sender::Client;
  Header header;
  WireMove move;
};

// Server -> both players.
struct MoveAccepted {
  static constexpr Type kType = Type::MoveAccepted;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  std::uint16_t ply = 0;  // 1 for the first move of the game
  game::Seat seat = game::Seat::None;  // who played it
  WireMove move;
  game::Result result = game::Result::Ongoing;  // the game's status after the move
  game::EndReason reason = game::EndReason::None;
  char notation[kNotationSize] = {};  // omok "h8", chess SAN "Nf3+"
  Clocks clocks{};  // after the move, the mover's increment added; the opponent's time now runs
};

// Server -> the sender of the move only.
struct MoveRejected {
  static constexpr Type kType = Type::MoveRejected;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  WireMove move;
  game::Reject reject = game::Reject::IllegalMove;
  char why[kTextSize] = {};  // the rules engine's reason
};

// Server -> both: the game ended (by a move, resignation, agreement, a claim,
// a player leaving, time or shutdown).
struct GameOver {
  static constexpr Type kType = Type::GameOver;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  game::Result result = game::Result::Draw;
  game::EndReason reason = game::EndReason::Agreement;
  std::uint16_t moves = 0;  // plies played
  Clocks clocks{};          // when the game ended
  // To the players: how long either may offer a rematch before the server
  // hangs up; 0: no rematch (a spectator, the opponent is gone, or the
  // server offers none), the server hangs up now.
  std::uint16_t rematchSeconds = 0;
};

// Rematches, after a game-over with rematchSeconds. Client -> server: offer
// a rematch, or accept the opponent's; server -> player: the opponent offers
// one. When both have offered, each player gets a welcome to the new match
// (the same kind, seats exchanged, its own id, token and record) and its
// match-start. A decline (or hanging up) ends the wait: the server tells the
// other player with a rematch-decline and hangs up on both. Header-only.
struct RematchOffer {
  static constexpr Type kType = Type::RematchOffer;
  static constexpr Sender kFrom = Sender::Either;
  Header header;
};
struct RematchDecline {
  static constexpr Type kType = Type::RematchDecline;
  static constexpr Sender kFrom = Sender::Either;
  Header header;
};

// Header-only packets. DrawOffer and DrawDecline are relayed to the opponent.
struct Resign {
  static constexpr Type kType = Type::Resign;
  static constexpr Sender kFrom = Sender::Client;
  Header header;
};
struct DrawOffer {
  static constexpr Type kType = Type::DrawOffer;
  static constexpr Sender kFrom = Sender::Either;
  Header header;
};
struct DrawAccept {
  static constexpr Type kType = Type::DrawAccept;
  static constexpr Sender kFrom = Sender::Client;
  Header header;
};
struct DrawDecline {
  static constexpr Type kType = Type::DrawDecline;
  static constexpr Sender kFrom = Sender::Either;
  Header header;
};
// Client -> server: claim the draw game::Game::claimableDraw() allows now.
struct DrawClaim {
  static constexpr Type kType = Type::DrawClaim;
  static constexpr Sender kFrom = Sender::Client;
  Header header;
};

// Server -> player: the clocks as they stand, the running side's time
// counting down from now. Sent when a timed game starts and after a
// reconnection's replay, so a client's display needs no earlier history.
struct ClockSync {
  static constexpr Type kType = Type::ClockSync;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  Clocks clocks{};
  game::Seat running = game::Seat::None;  // whose time runs; None when stopped
};

// Take-backs (omok): a player asks to take back its last move. The server
// relays the request to the opponent, who accepts or declines; a move by
// the opponent declines it too. Header-only, like the draw packets.
struct TakebackRequest {
  static constexpr Type kType = Type::TakebackRequest;
  static constexpr Sender kFrom = Sender::Either;
  Header header;
};
struct TakebackAccept {
  static constexpr Type kType = Type::TakebackAccept;
  static constexpr Sender kFrom = Sender::Client;
  Header header;
};
struct TakebackDecline {
  static constexpr Type kType = Type::TakebackDecline;
  static constexpr Sender kFrom = Sender::Either;
  Header header;
};

// Server -> players and spectators: moves were taken back; the game now
// has `moves` plies (the requester's last move is gone, and the opponent's
// reply after it if there was one), so the requester is to move.
struct TakenBack {
  static constexpr Type kType = Type::TakenBack;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  std::uint16_t moves = 0;
  game::Seat by = game::Seat::None;  // who asked
  Clocks clocks{};                   // as they stand now; zero when untimed
};

// The most fifth moves an opening offers (Taraguchi-10).
constexpr std::size_t kMaxCandidates = 10;

// Omok opening rules (game::OpeningState). Client -> server: the decision
// the opening asks of the sender's seat now, other than a stone (a stone, and
// the pick of an offered fifth move, is a move). A refusal is a
// move-rejected with a zero move and the opening's reason.
struct Decide {
  static constexpr Type kType = Type::Decide;
  static constexpr Sender kFrom = Sender::Client;
  Header header;
  game::Choice choice = game::Choice::Swap;
  std::uint8_t value = 0;  // as game::Decision::value
  std::uint8_t count = 0;  // Offer: how many of `points` are offered
  WireMove points[kMaxCandidates] = {};  // Offer: the fifth moves, as moves (WireMove has alignment 1)
};

// Server -> players and spectators: where the opening stands, after the
// match start, each of its moves and each decision (the last one done is
// `by`'s `choice` with `value`, choice 0 after a move or at the start).
// Not sent in a game without an opening.
struct OpeningStatus {
  static constexpr Type kType = Type::OpeningStatus;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  game::Seat by = game::Seat::None;  // who made the decision reported; None after a move or at the start
  std::uint8_t choice = 0;           // its game::Choice, 0 for none
  std::uint8_t value = 0;
  game::OpeningStep step = game::OpeningStep::Done;
  game::Seat decider = game::Seat::None;  // whose decision is next; None once done
  std::int8_t area = -1;           // Place: the central square's half-width; -1 the whole board
  std::uint8_t offerCount = 0;     // Offer, SwapOrOffer: how many fifth moves to offer
  std::uint8_t exchanged = 0;      // 1: Player1 plays white (tentative until done)
  std::uint8_t count = 0;          // how many of `candidates` are offered
  WireMove candidates[kMaxCandidates] = {};  // the fifth moves to pick from, as moves
};

// Client -> server, instead of a hello: watch match `matchId`. Answered by
// a welcome with seat None, then the game so far as a reconnection gets it.
// A private match is only shown to who knows its code.
struct Watch {
  static constexpr Type kType = Type::Watch;
  static constexpr Sender kFrom = Sender::Client;
  Header header;
  std::uint16_t version = kProtocolVersion;
  std::uint32_t matchId = 0;
  char name[kNameSize] = {};
  char matchCode[kCodeSize] = {};  // a private match's code; empty for a public match
};

// Server -> players and spectators: how many watch the match now.
struct Spectators {
  static constexpr Type kType = Type::Spectators;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  std::uint16_t count = 0;
};

// Client -> server: a line of chat for everybody in the match.
struct Chat {
  static constexpr Type kType = Type::Chat;
  static constexpr Sender kFrom = Sender::Client;
  Header header;
  char text[kTextSize] = {};
};

// Server -> players and spectators: a line of chat, with who wrote it.
struct ChatMessage {
  static constexpr Type kType = Type::ChatMessage;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  game::Seat seat = game::Seat::None;  // None: a spectator
  char name[kNameSize] = {};
  char text[kTextSize] = {};
};

// Client -> server, instead of a hello: list the matches one may join or
// watch. Answered by one match-entry per public match and match-list-end;
// the connection stays open for a hello or a watch.
struct ListMatches {
  static constexpr Type kType = Type::ListMatches;
  static constexpr Sender kFrom = Sender::Client;
  Header header;
};

struct MatchEntry {
  static constexpr Type kType = Type::MatchEntry;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  std::uint32_t matchId = 0;
  game::Kind game = game::Kind::Omok;
  game::Rule rule = game::Rule::Renju;
  std::uint8_t boardSize = 15;
  MatchState state = MatchState::Waiting;
  std::uint16_t moves = 0;       // plies played
  std::uint16_t spectators = 0;
  std::uint32_t clockBaseMs = 0;  // the time control, as in the welcome
  std::uint32_t clockIncrementMs = 0;
  char player1[kNameSize] = {};  // empty while the seat is free
  char player2[kNameSize] = {};
  game::Opening opening = game::Opening::None;
};

struct MatchListEnd {
  static constexpr Type kType = Type::MatchListEnd;
  static constexpr Sender kFrom = Sender::Server;
  Header header;
  std::uint16_t count = 0;  // match-entry packets sent before it
};

#pragma pack(pop)

// The documented sizes (docs/PROTOCOL.md); changing one is a protocol change.
static_assert(sizeof(Header) == 4);
static_assert(sizeof(WireMove) == 5);
static_assert(sizeof(Hello) == 84);
static_assert(sizeof(Welcome) == 136);
static_assert(sizeof(MatchStart) == 68);
static_assert(sizeof(Ping) == 20);
static_assert(sizeof(Pong) == 20);
static_assert(sizeof(Error) == 133);
static_assert(sizeof(OpponentStatus) == 7);
static_assert(sizeof(Move) == 9);
static_assert(sizeof(MoveAccepted) == 38);
static_assert(sizeof(MoveRejected) == 138);
static_assert(sizeof(GameOver) == 18);
static_assert(sizeof(Resign) == 4);
static_assert(sizeof(DrawOffer) == 4);
static_assert(sizeof(DrawAccept) == 4);
static_assert(sizeof(DrawDecline) == 4);
static_assert(sizeof(DrawClaim) == 4);
static_assert(sizeof(ClockSync) == 13);
static_assert(sizeof(TakebackRequest) == 4);
static_assert(sizeof(TakebackAccept) == 4);
static_assert(sizeof(TakebackDecline) == 4);
static_assert(sizeof(TakenBack) == 15);
static_assert(sizeof(Decide) == 57);
static_assert(sizeof(OpeningStatus) == 63);
static_assert(sizeof(RematchOffer) == 4);
static_assert(sizeof(RematchDecline) == 4);
static_assert(sizeof(Watch) == 58);
static_assert(sizeof(Spectators) == 6);
static_assert(sizeof(Chat) == 132);
static_assert(sizeof(ChatMessage) == 165);
static_assert(sizeof(ListMatches) == 4);
static_assert(sizeof(MatchEntry) == 89);
static_assert(sizeof(MatchListEnd) == 6);

// Every packet, in Type order. Decoding yields one of these.
using Packet = std::variant<Hello, Welcome, MatchStart, Ping, Pong, Error, OpponentStatus, Move,
                            MoveAccepted, MoveRejected, GameOver, Resign, DrawOffer, DrawAccept,
                            DrawDecline, DrawClaim, ClockSync, TakebackRequest, TakebackAccept, TakebackDecline,
                            TakenBack, Decide, OpeningStatus, RematchOffer, RematchDecline, Watch, Spectators, Chat,
                            ChatMessage, ListMatches, MatchEntry, MatchListEnd>;

template <typename P>
concept PacketStruct = std::is_trivially_copyable_v<P> && std::is_standard_layout_v<P> &&
                       std::is_same_v<std::remove_cv_t<decltype(P::kType)>, Type> &&
                       std::is_same_v<std::remove_cv_t<decltype(P::kFrom)>, Sender> &&
                       sizeof(P) <= kMaxPacketSize;

// The packets only a server sends, and those only a client sends: a
// handler's overload set names them as a group, since its peer's decoder
// never lets them reach it.
template <typename P>
concept FromServerOnly = P::kFrom == Sender::Server;
template <typename P>
concept FromClientOnly = P::kFrom == Sender::Client;

// An overload set for std::visit over a Packet: one callable per packet type
// (or per group above), and no catch-all, so a new packet type that a
// handler forgets does not compile.
template <typename... F>
struct Overloaded : F... {
  using F::operator()...;
};
// For an overload that serves several named types alike.
template <typename P, typename... Ps>
concept OneOf = (std::is_same_v<P, Ps> || ...);

inline Type typeOf(const Packet& packet) {
  return std::visit([](const auto& p) { return p.kType; }, packet);
}


// Connection phases, the same on both ends (see docs/PROTOCOL.md).
enum class Phase : std::uint8_t { AwaitingHello, WaitingForOpponent, Playing, Over };

std::string_view name(Type t);
std::string_view name(ErrorCode c);
std::string_view name(OpponentState s);
std::string_view name(MatchState s);
std::string_view name(Phase p);

// Which side may send packets of type `t`; nullopt for an unknown type.
std::optional<Sender> senderOf(Type t);
// Size of packets of type `t`; 0 for an unknown type.
std::size_t sizeOf(Type t);
// Whether a packet of type `t` may arrive from its sender in phase `p`.
// The server answers a packet that is not with ErrorCode::UnexpectedPacket.
bool allowedIn(Type t, Phase p);
// Whether the server closes the connection after sending this error.
bool closesConnection(ErrorCode c);

// Converts between the wire move and the rules engine's move.
constexpr WireMove toWire(const game::Move& m) {
  return {m.from, m.to, static_cast<game::Promotion>(m.promotion)};
}
constexpr game::Move fromWire(const WireMove& m) {
  return {m.from, m.to, static_cast<std::uint8_t>(m.promotion)};
}

// Converts between the opening packets and the game's values. A decision
// offers at most kMaxCandidates points (asserted); the status's `by`,
// `choice` and `value` are the caller's, and the state read back has no rule
// (the welcome names it).
Decide toWire(const game::Decision& d);
game::Decision fromWire(const Decide& d);
OpeningStatus toWire(const game::OpeningState& s);
game::OpeningState fromWire(const OpeningStatus& s);

// The time control a hello asks for; nullopt: the server's. And a hello
// asking for `tc` (untimed when `tc` is).
std::optional<game::TimeControl> timeControlOf(const Hello& hello);
void askTimeControl(Hello& hello, game::TimeControl tc);

// Converts between the wire clocks and game::Clock's pair (Player1 first).
constexpr Clocks toWire(const std::array<std::uint32_t, 2>& ms) { return {ms[0], ms[1]}; }
constexpr std::array<std::uint32_t, 2> fromWire(const Clocks& c) { return {c.player1Ms, c.player2Ms}; }
constexpr std::uint32_t clockOf(const Clocks& c, game::Seat s) {
  return s == game::Seat::Player2 ? c.player2Ms : c.player1Ms;
}

// Text fields. setText copies `s` and zero-fills the rest; when `s` does not
// fit it is cut at a UTF-8 character boundary and setText returns false.
bool setText(char* field, std::size_t size, std::string_view s);
template <std::size_t N>
bool setText(char (&field)[N], std::string_view s) {
  return setText(field, N, s);
}
// The text up to the first NUL (a decoded packet always has one).
template <std::size_t N>
std::string_view text(const char (&field)[N]) {
  std::size_t n = 0;
  while (n < N && field[n] != '\0') ++n;
  return {field, n};
}

}  // namespace proto
