// game_bot: a headless player. Connects to a game server, plays one whole
// game with seeded random (or first) legal moves through the real protocol,
// and prints the result as its last line, e.g.
//   result: player1 five-in-a-row after 37 moves
// With --engine uci:COMMAND or gomocup:COMMAND an engine process picks the
// moves instead (game_client/engine); an engine that fails makes the bot
// resign, so the game still ends properly.
// With --drop-after N it vanishes once N moves are played and takes its seat
// back with the reconnection token, to exercise the server's reconnection.
// With --chat TEXT it says TEXT in the match's chat once seated.
// With --watch MATCH it plays nothing: it watches that match as a spectator,
// prints every move as --verbose does and ends with the result line. With
// --list it prints the server's match list, one line per match.
// Exit status: 0 when a game finished (or the list came), 1 on a connection,
// protocol or server error or when the engine failed and the bot resigned, 3
// when --timeout passed first.
#include <CLI/CLI.hpp>
#include <array>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "game_client/core/chooser.h"
#include "game_client/core/session.h"
#include "game_client/engine/engine_player.h"
#include "shared/net/socket.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr int kFailed = 1;
constexpr int kTimedOut = 3;

struct Args {
  std::string host = "127.0.0.1";
  std::uint16_t port = 9000;
  int seat = 0;
  std::string name = "bot";
  std::string matchCode;
  std::string strategy = "random";
  std::uint64_t seed = 1;
  std::string game;
  std::string rule;
  double timeoutSeconds = 60;
  int dropAfter = 0;
  std::string engine;
  int moveTimeMs = 100;
  bool verbose = false;
  std::optional<std::uint32_t> watch;
  bool list = false;
  std::string chat;
};

// Where the bot's moves come from, decided once: the seeded chooser, or with
// --engine an engine process.
struct MoveSource {
  client::MoveChooser chooser;
  std::unique_ptr<engine::EnginePlayer> engine;
  std::string engineFailure;  // why the engine made us resign

  // The move to send, or nullopt to resign (no legal move left, or the
  // engine failed). False, with `error` set, when the bot itself is out of step.
  bool next(const client::Session& session, std::optional<game::Move>& move, std::string& error) {
    if (!engine) {
      move = chooser.choose(session.setup(), session.history(), error);
      return error.empty();
    }
    move = engine->move(session.setup(), session.history(), engineFailure);
    if (!move) std::cerr << "game_bot: the engine failed, resigning: " << engineFailure << '\n';
    return true;
  }
};

std::string describe(game::Status s, int moves) {
  return std::string(game::name(s.result)) + " " + std::string(game::name(s.reason)) + " after " +
         std::to_string(moves) + " moves";
}

std::string names(const char* player1, const char* player2) {
  const auto orOpen = [](std::string_view name) { return name.empty() ? std::string("(open)") : std::string(name); };
  return orOpen(player1) + " vs " + orOpen(player2);
}

std::string timeControl(std::uint32_t baseMs, std::uint32_t incrementMs) {
  const game::TimeControl tc{baseMs, incrementMs};
  return tc.timed() ? game::describe(tc) : "untimed";
}

// One line per event for --verbose (and --watch), and the lines every run prints.
void report(const client::Session& session, const proto::Packet& event, bool verbose) {
  std::visit(
      proto::Overloaded{
          [&](const proto::Welcome& w) {
            if (session.spectating())
              std::cout << "watching match " << w.matchId;
            else
              std::cout << "seat " << static_cast<int>(w.seat) << " (" << game::colour(w.game, w.seat) << ") in match "
                        << w.matchId;
            std::cout << ": " << game::name(w.game) << " " << game::name(w.rule) << " "
                      << static_cast<int>(w.boardSize) << "x" << static_cast<int>(w.boardSize) << ", "
                      << timeControl(w.clockBaseMs, w.clockIncrementMs)
                      << (w.resumed && !session.spectating() ? " (resumed)" : "") << '\n';
          },
          [](const proto::MatchStart& m) {
            std::cout << "match: " << proto::text(m.player1) << " vs " << proto::text(m.player2) << '\n';
          },
          [&](const proto::MoveAccepted& a) {
            if (verbose)
              std::cout << a.ply << ". " << proto::text(a.notation) << (a.seat == session.seat() ? " (us)" : "")
                        << '\n';
          },
          [&](const proto::TakenBack& t) {
            if (verbose)
              std::cout << "taken back to " << t.moves << " moves for player" << static_cast<int>(t.by) << '\n';
          },
          [&](const proto::OpponentStatus& s) {
            if (verbose) std::cout << "opponent " << proto::name(s.state) << '\n';
          },
          [&](const proto::ChatMessage& c) {
            if (verbose) std::cout << "chat " << proto::text(c.name) << ": " << proto::text(c.text) << '\n';
          },
          [&](const proto::Spectators& n) {
            if (verbose) std::cout << n.count << " watching\n";
          },
          [&](const proto::Error& e) {
            if (verbose) std::cout << "server error " << proto::name(e.code) << ": " << proto::text(e.text) << '\n';
          },
          // Reported elsewhere (the result, a refused move, the list) or not at all.
          []<typename P>(const P&)
            requires proto::OneOf<P, proto::GameOver, proto::MoveRejected, proto::ClockSync, proto::DrawOffer,
                                  proto::DrawDecline, proto::TakebackRequest, proto::TakebackDecline,
                                  proto::MatchEntry, proto::MatchListEnd, proto::Ping, proto::Pong>
          {},
          [](const proto::FromClientOnly auto&) {},  // the decoder refuses what only a client sends
      },
      event);
}

int fail(const std::string& why) {
  std::cerr << "game_bot: " << why << '\n';
  return kFailed;
}

// Opens a connection and queues the hello.
std::optional<int> connect(const Args& args, const client::Options& options, net::Socket& socket,
                           std::unique_ptr<client::Session>& session) {
  session = std::make_unique<client::Session>(options);
  if (session->failure()) return fail(session->failure()->text);
  std::error_code error;
  socket = net::connectTcp(args.host, args.port, 5s, error);
  if (!socket) return fail("cannot connect to " + args.host + ":" + std::to_string(args.port) + ": " + net::errorText(error));
  return std::nullopt;
}

Clock::time_point deadlineOf(const Args& args) {
  return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(args.timeoutSeconds));
}

// Sends what the session queued. An exit status when the connection failed.
std::optional<int> flush(net::Socket& socket, client::Session& session) {
  const auto out = session.outgoing();
  if (out.empty()) return std::nullopt;
  if (auto e = net::sendAll(socket.native(), std::as_bytes(out))) return fail("send failed: " + net::errorText(e));
  session.sent(out.size());
  return std::nullopt;
}

// Waits for bytes (at most a second, never past the deadline) and feeds them
// to the session. An exit status when the deadline passed or the connection
// failed; a close after the game's end is not a failure.
std::optional<int> await(const Args& args, net::Socket& socket, client::Session& session, Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (left <= 0ms) {
    std::cerr << "game_bot: no result after " << args.timeoutSeconds << " s\n";
    return kTimedOut;
  }
  std::array<std::uint8_t, 4096> buffer;
  std::error_code error;
  const std::size_t n = net::receiveSome(socket.native(), std::as_writable_bytes(std::span(buffer)),
                                         std::min<std::chrono::milliseconds>(left, 1s), error);
  if (error == std::errc::timed_out) return std::nullopt;
  if (error) return fail("receive failed: " + net::errorText(error));
  if (n == 0) session.closed();
  else session.receive(std::span(buffer).first(n));
  if (session.failure()) return fail(session.failure()->text);
  return std::nullopt;
}

void printResult(const client::Session& session) {
  std::cout << "result: " << describe(*session.result(), static_cast<int>(session.history().size())) << std::endl;
}

int play(const Args& args) {
  client::Options options;
  options.name = args.name;
  options.seat = static_cast<game::Seat>(args.seat);
  options.matchCode = args.matchCode;
  if (!args.game.empty()) options.game = static_cast<std::uint8_t>(*game::parseKind(args.game));
  if (!args.rule.empty()) options.rule = static_cast<std::uint8_t>(*game::parseRule(args.rule));

  const auto deadline = deadlineOf(args);
  const auto strategy = args.strategy == "first" ? client::Strategy::First : client::Strategy::Random;
  MoveSource source{client::MoveChooser(strategy, args.seed), nullptr, {}};
  if (!args.engine.empty()) {
    std::string why;
    const engine::Settings settings{.moveTime = std::chrono::milliseconds(args.moveTimeMs)};
    source.engine = engine::makeEnginePlayer(args.engine, settings, why);
    if (!source.engine) return fail(why);
  }
  net::Platform platform;
  net::Socket socket;
  std::unique_ptr<client::Session> session;
  if (auto status = connect(args, options, socket, session)) return *status;
  bool dropped = false;
  bool said = args.chat.empty();

  for (;;) {
    if (auto status = flush(socket, *session)) return *status;
    for (const proto::Packet& event : session->takeEvents()) {
      report(*session, event, args.verbose);
      if (const auto* r = std::get_if<proto::MoveRejected>(&event))
        return fail("the server refused our move, which our rules engine allowed: " + std::string(proto::text(r->why)));
    }
    if (session->failure()) return fail(session->failure()->text);
    if (session->phase() == proto::Phase::Over) break;

    if (args.dropAfter > 0 && !dropped && session->phase() == proto::Phase::Playing &&
        static_cast<int>(session->history().size()) >= args.dropAfter) {
      // Vanish without a word and come back with the token: the server holds
      // the seat and replays the game into the new session's mirror.
      std::cout << "dropping the connection after " << session->history().size() << " moves\n";
      options.reconnect = session->welcome()->reconnect;
      dropped = true;
      socket.reset();
      if (auto status = connect(args, options, socket, session)) return *status;
      continue;
    }

    std::string why;
    if (!said && session->phase() != proto::Phase::AwaitingHello) {
      if (!session->chat(args.chat, why)) return fail("cannot say '" + args.chat + "': " + why);
      said = true;
      continue;
    }
    if (session->drawOffered() && !session->declineDraw(why)) return fail(why);
    if (session->takebackRequested() && !session->declineTakeback(why)) return fail(why);
    if (session->myTurn() && !session->awaitingReply()) {
      std::optional<game::Move> move;
      if (!source.next(*session, move, why)) return fail(why);
      if (!(move ? session->move(*move, why) : session->resign(why))) return fail(why);
      continue;  // send it before waiting
    }
    if (auto status = await(args, socket, *session, deadline)) return *status;
  }
  printResult(*session);
  return source.engineFailure.empty() ? 0 : kFailed;
}

// --watch: every move and notice as it happens, then the result.
int watch(const Args& args) {
  client::Options options;
  options.intent = client::Intent::Watch;
  options.watchMatch = *args.watch;
  options.matchCode = args.matchCode;
  options.name = args.name;
  const auto deadline = deadlineOf(args);
  net::Platform platform;
  net::Socket socket;
  std::unique_ptr<client::Session> session;
  if (auto status = connect(args, options, socket, session)) return *status;
  for (;;) {
    if (auto status = flush(socket, *session)) return *status;
    for (const proto::Packet& event : session->takeEvents()) report(*session, event, true);
    if (session->failure()) return fail(session->failure()->text);
    if (session->phase() == proto::Phase::Over) break;
    if (auto status = await(args, socket, *session, deadline)) return *status;
  }
  printResult(*session);
  return 0;
}

// --list: one line per match, newest first as the server sends them.
int list(const Args& args) {
  client::Options options;
  options.intent = client::Intent::List;
  const auto deadline = deadlineOf(args);
  net::Platform platform;
  net::Socket socket;
  std::unique_ptr<client::Session> session;
  if (auto status = connect(args, options, socket, session)) return *status;
  while (!session->listed()) {
    if (auto status = flush(socket, *session)) return *status;
    if (auto status = await(args, socket, *session, deadline)) return *status;
  }
  for (const proto::MatchEntry& m : session->matches()) {
    std::cout << "match " << m.matchId << ": " << game::name(m.game) << " " << game::name(m.rule) << " "
              << static_cast<int>(m.boardSize) << "x" << static_cast<int>(m.boardSize) << ", " << proto::name(m.state)
              << ", " << names(m.player1, m.player2) << ", " << m.moves << " moves, " << m.spectators << " watching, "
              << timeControl(m.clockBaseMs, m.clockIncrementMs) << '\n';
  }
  std::cout << "matches: " << session->matches().size() << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Plays one game against a game server with random legal moves (or an engine's) and prints the result."};
  Args args;
  app.add_option("--host", args.host, "server address")->capture_default_str();
  app.add_option("--port", args.port, "server port")->capture_default_str();
  app.add_option("--seat", args.seat, "1 or 2; 0 takes any free seat")->check(CLI::IsMember({0, 1, 2}));
  app.add_option("--name", args.name, "player name")->capture_default_str();
  app.add_option("--match", args.matchCode,
                 "private match code (letters, digits, - and _); with --watch, the code of the private match watched");
  app.add_option("--moves", args.strategy, "random (seeded) or first legal move")
      ->check(CLI::IsMember({"random", "first"}))
      ->capture_default_str();
  app.add_option("--seed", args.seed, "seed of the random moves")->capture_default_str();
  app.add_option("--game", args.game, "omok or chess; default: whatever the server hosts")
      ->check(CLI::IsMember({"omok", "chess"}));
  app.add_option("--rule", args.rule, "freestyle, standard, renju, omok or fide; default: the server's")
      ->check(CLI::IsMember({"freestyle", "standard", "renju", "omok", "fide"}));
  app.add_option("--timeout", args.timeoutSeconds, "seconds to wait for the game to finish")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--drop-after", args.dropAfter,
                 "drop the connection once this many moves are played and resume the seat with the "
                 "reconnection token (tests the server's reconnection); 0 never")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--engine", args.engine,
                 "play an engine's moves: uci:COMMAND (chess) or gomocup:COMMAND (omok), COMMAND a shell "
                 "command line, e.g. uci:/usr/games/stockfish");
  app.add_option("--movetime", args.moveTimeMs, "the engine's thinking time per move, in milliseconds")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_flag("-v,--verbose", args.verbose, "print every move and notice");
  app.add_option("--chat", args.chat, "say this in the match's chat once seated");
  auto* watchOption = app.add_option("--watch", args.watch,
                                     "watch this match (its id, from welcome or --list) instead of playing");
  auto* listOption = app.add_flag("--list", args.list, "print the server's match list and exit");
  watchOption->excludes(listOption);
  for (const char* o : {"--seat", "--moves", "--seed", "--game", "--rule", "--drop-after", "--engine", "--chat"}) {
    app.get_option(o)->excludes(watchOption);
    app.get_option(o)->excludes(listOption);
  }
  app.get_option("--match")->excludes(listOption);
  CLI11_PARSE(app, argc, argv);
  if (args.list) return list(args);
  if (args.watch) return watch(args);
  return play(args);
}
