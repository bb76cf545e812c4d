#include "shared/protocol/codec.h"

#include <array>
#include <bit>
#include <initializer_list>
#include <string>
#include <utility>

namespace proto {
namespace {

constexpr std::uint8_t bit(Phase p) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(p)); }
constexpr std::uint8_t kAnyPhase = 0x0f;

// Everything the framer needs to know about a type, one row per packet.
struct Traits {
  Type type;
  std::size_t size;
  Sender from;
  std::uint8_t phases;  // phases (bit(Phase)) in which the packet may arrive
  std::string_view name;
  Packet (*copyOut)(const std::uint8_t* bytes);
};

// bit_cast builds the packet from its bytes without first running the
// struct's default member initializers (zero-filling the text arrays only to
// overwrite them cost more than the rest of the framing).
template <PacketStruct P>
Packet copyOut(const std::uint8_t* bytes) {
  std::array<std::uint8_t, sizeof(P)> raw;
  std::memcpy(raw.data(), bytes, sizeof(P));
  return std::bit_cast<P>(raw);
}

template <PacketStruct P>
constexpr Traits row(std::string_view name, std::uint8_t phases) {
  return {P::kType, sizeof(P), P::kFrom, phases, name, &copyOut<P>};
}

constexpr auto kPlaying = bit(Phase::Playing);
constexpr auto kInMatch = static_cast<std::uint8_t>(bit(Phase::WaitingForOpponent) | bit(Phase::Playing));
constexpr auto kInMatchOrAfter = static_cast<std::uint8_t>(kInMatch | bit(Phase::Over));
constexpr auto kBeforeHello = bit(Phase::AwaitingHello);

// In the order of the Packet variant.
constexpr std::array kTraits{
    row<Hello>("hello", bit(Phase::AwaitingHello)),
    row<Welcome>("welcome", static_cast<std::uint8_t>(kBeforeHello | bit(Phase::Over))),  // over: a rematch's
    row<MatchStart>("match-start", bit(Phase::WaitingForOpponent)),
    row<Ping>("ping", kAnyPhase),
    row<Pong>("pong", kAnyPhase),
    row<Error>("error", kAnyPhase),
    row<OpponentStatus>("opponent-status", kPlaying),
    row<Move>("move", kPlaying),
    row<MoveAccepted>("move-accepted", kPlaying),
    row<MoveRejected>("move-rejected", kPlaying),
    row<GameOver>("game-over", kPlaying),
    row<Resign>("resign", kPlaying),
    row<DrawOffer>("draw-offer", kPlaying),
    row<DrawAccept>("draw-accept", kPlaying),
    row<DrawDecline>("draw-decline", kPlaying),
    row<DrawClaim>("draw-claim", kPlaying),
    row<ClockSync>("clock-sync", kPlaying),
    row<TakebackRequest>("takeback-request", kPlaying),
    row<TakebackAccept>("takeback-accept", kPlaying),
    row<TakebackDecline>("takeback-decline", kPlaying),
    row<TakenBack>("taken-back", kPlaying),
    row<Decide>("decide", kPlaying),
    row<OpeningStatus>("opening-status", kPlaying),
    row<RematchOffer>("rematch-offer", bit(Phase::Over)),
    row<RematchDecline>("rematch-decline", bit(Phase::Over)),
    row<Watch>("watch", kBeforeHello),
    row<Spectators>("spectators", kInMatch),
    // Over: the players may talk while a rematch may be agreed.
    row<Chat>("chat", kInMatchOrAfter),
    row<ChatMessage>("chat-message", kInMatchOrAfter),
    row<ListMatches>("list-matches", kBeforeHello),
    row<MatchEntry>("match-entry", kBeforeHello),
    row<MatchListEnd>("match-list-end", kBeforeHello),
};
static_assert(kTraits.size() == std::variant_size_v<Packet>);

template <std::size_t... I>
constexpr bool tableMatchesVariant(std::index_sequence<I...>) {
  return ((kTraits[I].type == std::variant_alternative_t<I, Packet>::kType) && ...);
}
static_assert(tableMatchesVariant(std::make_index_sequence<kTraits.size()>{}),
              "kTraits rows must follow the Packet variant's order");

const Traits* find(Type t) {
  for (const Traits& traits : kTraits)
    if (traits.type == t) return &traits;
  return nullptr;
}

std::string hex(std::uint16_t v) {
  constexpr char kDigits[] = "0123456789abcdef";
  std::string s = "0x0000";
  for (int i = 0; i < 4; ++i) s[5 - i] = kDigits[(v >> (4 * i)) & 0xf];
  return s;
}

ProtocolError malformed(std::string_view packet, std::string_view what) {
  return {ErrorCode::Malformed, std::string(packet) + ": " + std::string(what)};
}

// The number behind an enum or integer field, and the same for messages.
template <typename T>
constexpr unsigned val(T v) {
  return static_cast<unsigned>(v);
}
template <typename T>
std::string str(T v) {
  return std::to_string(val(v));
}

// Field checks. Each returns an error message or an empty string.
using Problem = std::string;

// Length of a NUL-terminated text inside its array, or nullopt when there is no NUL.
template <std::size_t N>
std::optional<std::size_t> terminatedLength(const char (&field)[N]) {
  for (std::size_t i = 0; i < N; ++i)
    if (field[i] == '\0') return i;
  return std::nullopt;
}

// Well-formed UTF-8 without control characters (C0, DEL and C1, whose 0x9b
// starts a terminal escape): names and reasons end up in terminals, logs and
// JSON records.
bool cleanUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    std::uint32_t cp = lead;
    if (lead >= 0x80) {
      if ((lead & 0xe0) == 0xc0) {
        extra = 1;
        cp = lead & 0x1fu;
      } else if ((lead & 0xf0) == 0xe0) {
        extra = 2;
        cp = lead & 0x0fu;
      } else if ((lead & 0xf8) == 0xf0) {
        extra = 3;
        cp = lead & 0x07u;
      } else {
        return false;
      }
      if (i + extra >= s.size()) return false;
      for (std::size_t k = 1; k <= extra; ++k) {
        const auto next = static_cast<unsigned char>(s[i + k]);
        if ((next & 0xc0) != 0x80) return false;
        cp = (cp << 6) | (next & 0x3fu);
      }
      constexpr std::uint32_t kShortest[] = {0, 0x80, 0x800, 0x10000};
      if (cp < kShortest[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return false;
    i += extra + 1;
  }
  return true;
}

enum class Charset { Utf8, Ascii, Code };

bool fits(std::string_view s, Charset charset) {
  switch (charset) {
    case Charset::Utf8: return cleanUtf8(s);
    case Charset::Ascii:
      for (char c : s)
        if (c < 0x20 || c > 0x7e) return false;
      return true;
    case Charset::Code:
      for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
          return false;
      return true;
  }
  return false;
}

template <std::size_t N>
Problem checkText(std::string_view field, const char (&value)[N], Charset charset, bool required) {
  const auto length = terminatedLength(value);
  if (!length) return std::string(field) + " is not NUL-terminated within its " + str(N) + " bytes";
  const std::string_view s(value, *length);
  if (required && s.empty()) return std::string(field) + " is empty";
  if (!fits(s, charset))
    return std::string(field) +
           (charset == Charset::Code ? " may hold only letters, digits, '-' and '_'"
            : charset == Charset::Ascii ? " holds a non-printable or non-ASCII byte"
                                        : " is not printable UTF-8");
  return {};
}

Problem checkSeat(game::Seat seat) {
  if (seat == game::Seat::Player1 || seat == game::Seat::Player2) return {};
  return "seat " + str(seat) + " is not 1 or 2";
}

bool validBoardSize(game::Kind kind, int size) {
  return kind == game::Kind::Chess ? size == 8 : (size == 15 || size == 19);
}

Problem checkGame(game::Kind kind, game::Rule rule, int boardSize) {
  if (kind != game::Kind::Omok && kind != game::Kind::Chess) return "game " + str(kind) + " is unknown";
  if (val(rule) < 1 || val(rule) > val(game::Rule::Fide) || !game::ruleBelongsTo(rule, kind))
    return "rule " + str(rule) + " is not a rule of " + std::string(game::name(kind));
  if (!validBoardSize(kind, boardSize))
    return "board size " + str(boardSize) + " is not valid for " + std::string(game::name(kind));
  return {};
}

Problem checkStatus(game::Result result, game::EndReason reason) {
  if (val(result) > val(game::Result::Draw)) return "result " + str(result) + " is unknown";
  if (val(reason) > game::kLastEndReason) return "end reason " + str(reason) + " is unknown";
  if ((result == game::Result::Ongoing) != (reason == game::EndReason::None))
    return "result " + std::string(game::name(result)) + " does not go with end reason " +
           std::string(game::name(reason));
  return {};
}

Problem checkMove(const WireMove& move, const Context& context) {
  if (val(move.promotion) > val(game::Promotion::Queen)) return "promotion " + str(move.promotion) + " is unknown";
  if (!context.game) return {};
  if (*context.game == game::Kind::Chess) {
    if (move.from >= 64 || move.to >= 64)
      return "square " + str(move.from >= 64 ? move.from : move.to) + " is off the chess board";
    return {};
  }
  const auto points = static_cast<unsigned>(context.boardSize * context.boardSize);
  if (move.to >= points) return "point " + str(move.to) + " is off the " + str(context.boardSize) + "x" + str(context.boardSize) + " board";
  if (move.from != 0 || move.promotion != game::Promotion::None) return "an omok move has only a point";
  return {};
}

Problem firstOf(std::initializer_list<Problem> problems) {
  for (const Problem& problem : problems)
    if (!problem.empty()) return problem;
  return {};
}

Problem check(const Hello& p, const Context&) {
  if (p.game > val(game::Kind::Chess)) return "game " + str(p.game) + " is unknown";
  if (p.rule > val(game::Rule::Fide)) return "rule " + str(p.rule) + " is unknown";
  if (p.game != 0 && p.rule != 0 && !game::ruleBelongsTo(game::Rule{p.rule}, game::Kind{p.game}))
    return "rule " + std::string(game::name(game::Rule{p.rule})) + " is not a rule of " +
           std::string(game::name(game::Kind{p.game}));
  if (p.boardSize != 0 && p.boardSize != 8 && p.boardSize != 15 && p.boardSize != 19)
    return "board size " + str(p.boardSize) + " is not 8, 15 or 19";
  if (p.game != 0 && p.boardSize != 0 && !validBoardSize(game::Kind{p.game}, p.boardSize))
    return "board size " + str(p.boardSize) + " is not valid for " + std::string(game::name(game::Kind{p.game}));
  if (val(p.seat) > 2) return "seat " + str(p.seat) + " is not 0, 1 or 2";
  if (val(p.opening) > game::kLastOpening) return "opening " + str(p.opening) + " is unknown";
  if (p.opening != game::Opening::None && p.game == val(game::Kind::Chess)) return "chess has no opening rule";
  if (val(p.timing) > val(Timing::Timed)) return "timing " + str(p.timing) + " is unknown";
  if (p.timing == Timing::Timed && (p.clockBaseMs == 0 || p.clockBaseMs > game::kMaxBaseMs))
    return "clock base " + str(p.clockBaseMs) + " ms is not 1 ms to 24 hours";
  if (p.timing == Timing::Timed && p.clockIncrementMs > game::kMaxIncrementMs)
    return "clock increment " + str(p.clockIncrementMs) + " ms is more than an hour";
  if (p.timing != Timing::Timed && (p.clockBaseMs != 0 || p.clockIncrementMs != 0))
    return "a clock is given but timing " + str(p.timing) + " does not ask for one";
  return firstOf({checkText("name", p.name, Charset::Utf8, true),
                 checkText("match code", p.matchCode, Charset::Code, false)});
}

Problem checkSeatOrSpectator(game::Seat seat) {
  if (val(seat) <= 2) return {};
  return "seat " + str(seat) + " is not 0, 1 or 2";
}

// The opening a match plays: a known one, and none in chess.
Problem checkOpening(game::Opening opening, game::Kind kind) {
  if (val(opening) > game::kLastOpening) return "opening " + str(opening) + " is unknown";
  if (opening != game::Opening::None && kind == game::Kind::Chess) return "chess has no opening rule";
  return {};
}

// The first `count` of `moves` are moves of the game; the rest are zero.
Problem checkPoints(const WireMove (&moves)[kMaxCandidates], unsigned count, const Context& context) {
  if (count > kMaxCandidates) return "count " + str(count) + " is more than " + str(kMaxCandidates);
  for (unsigned i = 0; i < kMaxCandidates; ++i) {
    if (i >= count) {
      if (moves[i].from != 0 || moves[i].to != 0 || moves[i].promotion != game::Promotion::None)
        return "point " + str(i + 1) + " is past the count and not zero";
      continue;
    }
    if (Problem problem = checkMove(moves[i], context); !problem.empty()) return problem;
  }
  return {};
}

Problem checkClock(std::uint32_t baseMs, std::uint32_t incrementMs) {
  if (baseMs == 0 && incrementMs != 0) return "an untimed match has no clock increment";
  return {};
}

Problem check(const Welcome& p, const Context&) {
  if (p.resumed > 1) return "resumed flag " + str(p.resumed) + " is not 0 or 1";
  if (p.seat == game::Seat::None && p.reconnect != Token{}) return "a spectator's welcome has no reconnection token";
  Problem problem = firstOf({checkSeatOrSpectator(p.seat), checkClock(p.clockBaseMs, p.clockIncrementMs),
                            checkGame(p.game, p.rule, p.boardSize), checkOpening(p.opening, p.game),
                            checkText("start FEN", p.startFen, Charset::Ascii, false)});
  if (problem.empty() && p.game == game::Kind::Omok && p.startFen[0] != '\0') return "an omok game has no start FEN";
  return problem;
}

Problem check(const MatchStart& p, const Context&) {
  return firstOf({checkText("player 1 name", p.player1, Charset::Utf8, true),
                 checkText("player 2 name", p.player2, Charset::Utf8, true)});
}

Problem check(const Error& p, const Context&) {
  if (val(p.code) < 1 || val(p.code) > kLastErrorCode) return "error code " + str(p.code) + " is unknown";
  return checkText("text", p.text, Charset::Utf8, false);
}

Problem check(const OpponentStatus& p, const Context&) {
  if (p.state != OpponentState::Disconnected && p.state != OpponentState::Reconnected)
    return "opponent state " + str(p.state) + " is unknown";
  return {};
}

Problem check(const Move& p, const Context& context) { return checkMove(p.move, context); }

Problem check(const MoveAccepted& p, const Context& context) {
  if (p.ply == 0) return "ply 0: moves are numbered from 1";
  return firstOf({checkSeat(p.seat), checkMove(p.move, context), checkStatus(p.result, p.reason),
                 checkText("notation", p.notation, Charset::Ascii, true)});
}

Problem check(const MoveRejected& p, const Context& context) {
  if (val(p.reject) < 1 || val(p.reject) > game::kLastReject) return "reject code " + str(p.reject) + " is unknown";
  return firstOf({checkMove(p.move, context), checkText("reason", p.why, Charset::Utf8, false)});
}

Problem check(const ClockSync& p, const Context&) {
  if (val(p.running) > 2) return "running seat " + str(p.running) + " is not 0, 1 or 2";
  return {};
}

Problem check(const TakenBack& p, const Context&) { return checkSeat(p.by); }

Problem check(const Decide& p, const Context& context) {
  if (val(p.choice) < 1 || val(p.choice) > game::kLastChoice) return "choice " + str(p.choice) + " is unknown";
  if (p.choice != game::Choice::Offer && p.count != 0) return "only an offer has points";
  return checkPoints(p.points, p.count, context);
}

Problem check(const OpeningStatus& p, const Context& context) {
  if (p.choice > game::kLastChoice) return "choice " + str(p.choice) + " is unknown";
  if ((p.choice == 0) != (p.by == game::Seat::None)) return "a decision needs its seat, and only a decision has one";
  if (val(p.step) > game::kLastOpeningStep) return "step " + str(p.step) + " is unknown";
  if ((p.step == game::OpeningStep::Done) != (p.decider == game::Seat::None))
    return "the opening has a decider exactly while it is in progress";
  if (p.area < -1 || p.area > 9) return "area " + std::to_string(p.area) + " is not -1..9";
  if (p.exchanged > 1) return "exchanged flag " + str(p.exchanged) + " is not 0 or 1";
  return firstOf({checkSeatOrSpectator(p.by), checkSeatOrSpectator(p.decider),
                 checkPoints(p.candidates, p.count, context)});
}

Problem check(const Watch& p, const Context&) {
  return firstOf({checkText("name", p.name, Charset::Utf8, true),
                 checkText("match code", p.matchCode, Charset::Code, false)});
}

Problem check(const Chat& p, const Context&) { return checkText("text", p.text, Charset::Utf8, true); }

Problem check(const ChatMessage& p, const Context&) {
  return firstOf({checkSeatOrSpectator(p.seat), checkText("name", p.name, Charset::Utf8, true),
                 checkText("text", p.text, Charset::Utf8, true)});
}

Problem check(const MatchEntry& p, const Context&) {
  if (p.state != MatchState::Waiting && p.state != MatchState::Playing)
    return "match state " + str(p.state) + " is unknown";
  return firstOf({checkGame(p.game, p.rule, p.boardSize), checkClock(p.clockBaseMs, p.clockIncrementMs),
                 checkOpening(p.opening, p.game), checkText("player 1 name", p.player1, Charset::Utf8, false),
                 checkText("player 2 name", p.player2, Charset::Utf8, false)});
}

Problem check(const GameOver& p, const Context&) {
  if (p.result == game::Result::Ongoing) return "a game-over packet needs a result";
  return checkStatus(p.result, p.reason);
}

// Packets whose every byte pattern is valid: pings and header-only packets.
template <PacketStruct P>
Problem check(const P&, const Context&) {
  return {};
}

}  // namespace

std::string_view name(Type t) {
  const Traits* traits = find(t);
  return traits ? traits->name : "unknown";
}

std::optional<Sender> senderOf(Type t) {
  const Traits* traits = find(t);
  return traits ? std::optional(traits->from) : std::nullopt;
}

std::size_t sizeOf(Type t) {
  const Traits* traits = find(t);
  return traits ? traits->size : 0;
}

bool allowedIn(Type t, Phase p) {
  const Traits* traits = find(t);
  return traits && (traits->phases & bit(p)) != 0;
}

std::optional<ProtocolError> validate(const Packet& packet, const Context& context) {
  return std::visit(
      [&context](const auto& p) -> std::optional<ProtocolError> {
        using P = std::decay_t<decltype(p)>;
        Problem problem = check(p, context);
        if (problem.empty()) return std::nullopt;
        return malformed(name(P::kType), problem);
      },
      packet);
}

namespace {

// Header checks shared by readPacket and decode: the type's row, or null with
// `error` set when no packet can have this header.
const Traits* checkHeader(const Header& header, const Context& context, ProtocolError& error) {
  if (header.size < sizeof(Header)) {
    error = {ErrorCode::Malformed, "packet size " + str(header.size) + " is smaller than the 4-byte header"};
    return nullptr;
  }
  if (header.size > kMaxPacketSize) {
    error = {ErrorCode::Malformed, "packet size " + str(header.size) + " exceeds the maximum of " + str(kMaxPacketSize)};
    return nullptr;
  }
  const Traits* traits = find(header.type);
  if (!traits) {
    error = {ErrorCode::Malformed, "unknown packet type " + hex(static_cast<std::uint16_t>(header.type))};
    return nullptr;
  }
  if (header.size != traits->size) {
    error = malformed(traits->name, "size " + str(header.size) + " is not the packet's size " + str(traits->size));
    return nullptr;
  }
  if (context.from != Sender::Either && traits->from != Sender::Either && traits->from != context.from) {
    error = malformed(traits->name, context.from == Sender::Client ? "only the server sends this packet"
                                                                   : "only a client sends this packet");
    return nullptr;
  }
  return traits;
}

Header headerOf(std::span<const std::uint8_t> bytes) {
  Header header;
  std::memcpy(&header, bytes.data(), sizeof header);
  return header;
}

// A hello or watch of another size than ours is another version's (every
// version puts its number right after the header): said as such, not as a
// malformed packet. Nullopt when it is not that, NeedMore until the number
// has arrived.
std::optional<ReadResult> otherVersion(std::span<const std::uint8_t> stream, const Header& header) {
  if (header.type != Type::Hello && header.type != Type::Watch) return std::nullopt;
  if (header.size == sizeOf(header.type) || header.size < sizeof(Header) + 2 || header.size > kMaxPacketSize)
    return std::nullopt;
  if (stream.size() < sizeof(Header) + 2) return ReadResult{NeedMore{}};
  std::uint16_t version = 0;
  std::memcpy(&version, stream.data() + sizeof(Header), sizeof version);
  if (version == kProtocolVersion) return std::nullopt;
  return ReadResult{ProtocolError{ErrorCode::UnsupportedVersion, "protocol version " + str(version) + " (a " +
                                                                     str(header.size) + "-byte " +
                                                                     std::string(name(header.type)) +
                                                                     "); this side speaks " + str(kProtocolVersion)}};
}

}  // namespace

std::variant<Packet, ProtocolError> decode(std::span<const std::uint8_t> bytes, const Context& context) {
  if (bytes.size() < sizeof(Header))
    return ProtocolError{ErrorCode::Malformed, "packet of " + str(bytes.size()) + " bytes is shorter than the header"};
  ProtocolError error;
  const Traits* traits = checkHeader(headerOf(bytes), context, error);
  if (!traits) return error;
  if (bytes.size() != traits->size)
    return malformed(traits->name, str(bytes.size()) + " bytes given for a packet of " + str(traits->size));
  std::variant<Packet, ProtocolError> result{traits->copyOut(bytes.data())};
  if (auto problem = validate(std::get<Packet>(result), context)) return std::move(*problem);
  return result;
}

ReadResult readPacket(std::span<const std::uint8_t> stream, const Context& context) {
  if (stream.size() < sizeof(Header)) return NeedMore{};
  // Judge the header before waiting for the body, so an impossible size is
  // refused at once instead of stalling the connection.
  const Header header = headerOf(stream);
  if (auto other = otherVersion(stream, header)) return std::move(*other);
  ProtocolError error;
  const Traits* traits = checkHeader(header, context, error);
  if (!traits) return error;
  if (stream.size() < header.size) return NeedMore{};
  ReadResult result{Parsed{traits->copyOut(stream.data()), header.size}};
  if (auto problem = validate(std::get<Parsed>(result).packet, context)) return std::move(*problem);
  return result;
}

}  // namespace proto
