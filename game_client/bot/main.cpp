// game_bot: a headless player. Connects to a game server, plays one whole
// game with seeded random (or first) legal moves through the real protocol,
// and prints the result as its last line, e.g.
//   result: player1 five-in-a-row after 37 moves
// With --engine uci:COMMAND or gomocup:COMMAND an engine process picks the
// moves instead (game_client/engine), and a Gomocup brain under swap2 the
// opening's stones and decisions too (SWAP2BOARD); an engine that fails
// makes the bot resign, so the game still ends properly.
// A connection that drops, cannot be made, or ends with an error a new one
// may cure (the server restarting, say) is tried again for --retry-seconds
// (game_client/bot/link.h): the seat is taken back with its token once the
// match has started, a fresh hello before that, and a --watch watches the
// same match again; one line opens each gap and one closes it, e.g.
//   connection lost (the server is restarting); reconnecting for up to 120 s
//   reconnected after 2.3 s: the game goes on at ply 17
// With --drop-after N it vanishes once N moves are played and comes back the
// same way, to exercise the server's reconnection.
// With --chat TEXT it says TEXT in the match's chat once seated. With
// --rematches N it offers (or accepts) a rematch after each game and plays N
// more, seats exchanged, on the same connection: one result line per game.
// --time asks for a clock, as --game and --rule ask for a game.
// With --watch MATCH it plays nothing: it watches that match as a spectator,
// prints every move as --verbose does and ends with the result line. With
// --list it prints the server's match list, one line per match.
// Exit status: 0 when a game finished (with --rematches, all of them; or the
// list came), 1 on a connection, protocol or server error, when the retries'
// budget was spent, when the engine failed and the bot resigned, or when a
// rematch it wanted was not agreed, 3 when --timeout passed first.
#include <CLI/CLI.hpp>
#include <chrono>
#include <deque>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "game_client/bot/link.h"
#include "game_client/core/chooser.h"
#include "game_client/core/session.h"
#include "game_client/engine/engine_player.h"
#include "shared/net/socket.h"

namespace {

using bot::Clock;
using bot::fail;
using bot::kFailed;

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
  std::string opening;
  std::string time;
  int rematches = 0;
  double timeoutSeconds = 60;
  int retrySeconds = 120;
  int dropAfter = 0;
  std::string engine;
  int moveTimeMs = 100;
  bool verbose = false;
  std::optional<std::uint32_t> watch;
  bool list = false;
  std::string chat;
};

// Where the bot's stones, moves and decisions come from, decided once: the
// seeded chooser, or with --engine an engine process. In an omok opening the
// engine is asked first where its protocol has words for the step (a
// Gomocup brain under swap2, through SWAP2BOARD: game_client/engine/
// gomocup_engine.h); its answer, one or more stones and decisions in a row,
// is sent an action at a time, each as it falls due. The rest of an opening
// (all of swap1, Soosorv-8 and Taraguchi-10, and swap2 with a brain that
// does not speak SWAP2BOARD) is the chooser's, stones and decisions at
// random: the engine is then handed the position the opening left, whose
// stones alternate black and white like any game's.
struct MoveSource {
  client::MoveChooser chooser;
  std::unique_ptr<engine::EnginePlayer> engine;
  std::string engineFailure;                  // why the engine made us resign
  std::deque<engine::OpeningAction> planned;  // the engine's opening answer, from the action due on

  // Sends the stone, move or decision due from the bot's seat, or resigns
  // (no legal move left, or the engine failed). False, with `error` set,
  // when the bot itself is out of step.
  bool act(client::Session& session, std::string& error) {
    const game::Game& game = *session.game();
    const game::OpeningState opening = game.opening();
    // What the game has gone past is done (sent, or replayed to us after a
    // reconnection): the front is then due now, or nothing is planned.
    while (!planned.empty() && !planned.front().dueIn(game)) planned.pop_front();
    if (engine && opening.inProgress() && planned.empty()) {
      auto answer = engine->opening(session.setup(), game, session.history(), engineFailure);
      if (!answer) return resign(session, error);
      planned.assign(answer->begin(), answer->end());
    }
    if (!planned.empty()) {
      if (const auto* decision = std::get_if<game::Decision>(&planned.front().what))
        return session.decide(*decision, error);
      return session.move(std::get<game::Move>(planned.front().what), error);
    }
    if (opening.inProgress() && opening.step != game::OpeningStep::Place && opening.step != game::OpeningStep::Pick) {
      const std::optional<game::Decision> decision = chooser.decide(session.setup(), game);
      if (decision && session.decide(*decision, error)) return true;
      error = "cannot make the opening's decision: " + error;
      return false;
    }
    if (!engine || opening.inProgress()) {
      const std::optional<game::Move> move = chooser.choose(session.setup(), game, session.history(), error);
      if (!error.empty()) return false;
      return move ? session.move(*move, error) : session.resign(error);
    }
    game::Setup position = session.setup();
    position.opening = game::Opening::None;
    const std::optional<game::Move> move = engine->move(position, session.history(), engineFailure);
    return move ? session.move(*move, error) : resign(session, error);
  }

  bool resign(client::Session& session, std::string& error) {
    std::cerr << "game_bot: the engine failed, resigning: " << engineFailure << '\n';
    return session.resign(error);
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

// One line per event for --verbose (and --watch), and the lines every run
// prints. A resumed session replays the game so far, so the match line and
// each move are printed once.
class Reporter {
 public:
  explicit Reporter(bool verbose) : verbose_(verbose) {}
  void operator()(const client::Session& session, const proto::Packet& event);

 private:
  bool verbose_;
  bool matchShown_ = false;
  int pliesShown_ = 0;
};

void Reporter::operator()(const client::Session& session, const proto::Packet& event) {
  std::visit(
      proto::Overloaded{
          [&](const proto::Welcome& w) {
            if (!w.resumed) {  // a new game: the first, or a rematch
              matchShown_ = false;
              pliesShown_ = 0;
            }
            if (session.spectating())
              std::cout << "watching match " << w.matchId;
            else
              std::cout << "seat " << static_cast<int>(w.seat) << " (" << game::color(w.game, w.seat) << ") in match "
                        << w.matchId;
            std::cout << ": " << game::name(w.game) << " " << game::name(w.rule)
                      << (w.opening == game::Opening::None ? "" : " " + std::string(game::name(w.opening))) << " "
                      << static_cast<int>(w.boardSize) << "x" << static_cast<int>(w.boardSize) << ", "
                      << timeControl(w.clockBaseMs, w.clockIncrementMs)
                      << (w.resumed && !session.spectating() ? " (resumed)" : "") << '\n';
          },
          [&](const proto::MatchStart& m) {
            if (!std::exchange(matchShown_, true))
              std::cout << "match: " << proto::text(m.player1) << " vs " << proto::text(m.player2) << '\n';
          },
          [&](const proto::MoveAccepted& a) {
            if (a.ply <= pliesShown_) return;
            pliesShown_ = a.ply;
            if (verbose_)
              std::cout << a.ply << ". " << proto::text(a.notation) << (a.seat == session.seat() ? " (us)" : "")
                        << '\n';
          },
          [&](const proto::OpeningStatus& o) {
            if (!verbose_) return;
            if (o.by != game::Seat::None)
              std::cout << "opening: player" << static_cast<int>(o.by) << " decides "
                        << game::notation({static_cast<game::Choice>(o.choice), o.value, proto::fromWire(o).candidates},
                                          session.setup().boardSize)
                        << '\n';
            std::cout << "opening: " << game::name(o.step);
            if (o.decider != game::Seat::None) std::cout << " by player" << static_cast<int>(o.decider);
            std::cout << (o.exchanged ? ", colours exchanged" : "") << '\n';
          },
          [&](const proto::TakenBack& t) {
            pliesShown_ = t.moves;
            if (verbose_)
              std::cout << "taken back to " << t.moves << " moves for player" << static_cast<int>(t.by) << '\n';
          },
          [&](const proto::OpponentStatus& s) {
            if (verbose_) std::cout << "opponent " << proto::name(s.state) << '\n';
          },
          [&](const proto::ChatMessage& c) {
            if (verbose_) std::cout << "chat " << proto::text(c.name) << ": " << proto::text(c.text) << '\n';
          },
          [&](const proto::Spectators& n) {
            if (verbose_) std::cout << n.count << " watching\n";
          },
          [&](const proto::RematchOffer&) {
            if (verbose_) std::cout << "opponent offers a rematch\n";
          },
          [&](const proto::RematchDecline&) {
            if (verbose_) std::cout << "no rematch: " << session.rematchEnded() << '\n';
          },
          [&](const proto::Error& e) {
            if (verbose_) std::cout << "server error " << proto::name(e.code) << ": " << proto::text(e.text) << '\n';
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
  // Live: a watcher's lines reach a pipe as they happen, not when the buffer fills.
  std::cout.flush();
}

bot::LinkSettings linkSettings(const Args& args) {
  const auto timeout = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(args.timeoutSeconds));
  return {args.host, args.port, std::chrono::seconds(args.retrySeconds), Clock::now() + timeout, args.timeoutSeconds};
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
  if (!args.opening.empty()) options.opening = *game::parseOpening(args.opening);
  if (!args.time.empty()) {
    std::string error;
    options.time = game::parseTimeControl(args.time, error);
    if (!options.time) return fail("--time: " + error);
  }

  Reporter report(args.verbose);
  bot::Link link(linkSettings(args), options,
                 [&](const client::Session& session, const proto::Packet& event) -> std::optional<int> {
                   report(session, event);
                   if (const auto* r = std::get_if<proto::MoveRejected>(&event))
                     return fail("the server refused our move, which our rules engine allowed: " +
                                 std::string(proto::text(r->why)));
                   return std::nullopt;
                 });
  const auto strategy = args.strategy == "first" ? client::Strategy::First : client::Strategy::Random;
  MoveSource source{client::MoveChooser(strategy, args.seed), nullptr, {}, {}};
  if (!args.engine.empty()) {
    std::string why;
    const engine::Settings settings{.moveTime = std::chrono::milliseconds(args.moveTimeMs)};
    source.engine = engine::makeEnginePlayer(args.engine, settings, why);
    if (!source.engine) return fail(why);
  }
  net::Platform platform;
  if (auto status = link.open()) return *status;
  bool dropped = false;
  bool said = args.chat.empty();
  int rematchesLeft = args.rematches;
  bool reported = false;  // this game's result is printed

  for (;;) {
    client::Session& session = link.session();
    std::string why;
    if (session.phase() == proto::Phase::Over) {
      if (!std::exchange(reported, true)) printResult(session);
      if (rematchesLeft == 0) break;
      if (!session.rematchOpen())
        return fail("no rematch: " + (session.rematchEnded().empty() ? std::string("the server offers none")
                                                                     : session.rematchEnded()));
      if (!session.rematchPending() && !session.offerRematch(why)) return fail(why);
      if (auto status = link.pump()) return *status;
      continue;
    }
    if (std::exchange(reported, false)) --rematchesLeft;  // the rematch's welcome came

    const auto played = session.history().size();
    if (args.dropAfter > 0 && !dropped && session.phase() == proto::Phase::Playing &&
        static_cast<int>(played) >= args.dropAfter) {
      // Vanish without a word and come back as after any loss: the server
      // holds the seat and replays the game into the new session's mirror.
      dropped = true;
      if (auto status = link.drop("dropped on purpose after " + std::to_string(played) + " moves")) return *status;
      continue;
    }

    if (!said && session.phase() != proto::Phase::AwaitingHello) {
      if (!session.chat(args.chat, why)) return fail("cannot say '" + args.chat + "': " + why);
      said = true;
    }
    if (session.drawOffered() && !session.declineDraw(why)) return fail(why);
    if (session.takebackRequested() && !session.declineTakeback(why)) return fail(why);
    // Only this session's mirror says whose move it is: after a reconnection
    // a move that was in flight is either in the replay or ours to make again.
    if (session.myTurn() && !session.awaitingReply() && !source.act(session, why)) return fail(why);
    if (auto status = link.pump()) return *status;
  }
  return source.engineFailure.empty() ? 0 : kFailed;
}

// --watch: every move and notice as it happens, then the result.
int watch(const Args& args) {
  client::Options options;
  options.intent = client::Intent::Watch;
  options.watchMatch = *args.watch;
  options.matchCode = args.matchCode;
  options.name = args.name;
  Reporter report(true);
  bot::Link link(linkSettings(args), options, [&](const client::Session& session, const proto::Packet& event) {
    report(session, event);
    return std::optional<int>();
  });
  net::Platform platform;
  if (auto status = link.open()) return *status;
  while (link.session().phase() != proto::Phase::Over)
    if (auto status = link.pump()) return *status;
  printResult(link.session());
  return 0;
}

// --list: one line per match, newest first as the server sends them.
int list(const Args& args) {
  client::Options options;
  options.intent = client::Intent::List;
  bot::Link link(linkSettings(args), options, [](const client::Session&, const proto::Packet&) {
    return std::optional<int>();  // the entries are read from the session once the list is whole
  });
  net::Platform platform;
  if (auto status = link.open()) return *status;
  while (!link.session().listed())
    if (auto status = link.pump()) return *status;
  const client::Session& session = link.session();
  for (const proto::MatchEntry& m : session.matches()) {
    std::cout << "match " << m.matchId << ": " << game::name(m.game) << " " << game::name(m.rule) << " "
              << static_cast<int>(m.boardSize) << "x" << static_cast<int>(m.boardSize)
              << (m.opening == game::Opening::None ? "" : " " + std::string(game::name(m.opening))) << ", "
              << proto::name(m.state)
              << ", " << names(m.player1, m.player2) << ", " << m.moves << " moves, " << m.spectators << " watching, "
              << timeControl(m.clockBaseMs, m.clockIncrementMs) << '\n';
  }
  std::cout << "matches: " << session.matches().size() << std::endl;
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
  app.add_option("--opening", args.opening,
                 "omok opening rule: swap1, swap2, soosorv8, taraguchi10; default: the server's")
      ->check(CLI::IsMember({"swap1", "swap2", "soosorv8", "taraguchi10"}));
  app.add_option("--time", args.time,
                 "the clock to play on: MINUTES+SECONDS, e.g. 5+3, or none; default: the server's");
  app.add_option("--rematches", args.rematches,
                 "after the game, offer or accept a rematch and play this many more games (seats exchanged)")
      ->check(CLI::Range(0, 1000));
  app.add_option("--timeout", args.timeoutSeconds, "seconds to wait for the game to finish")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--retry-seconds", args.retrySeconds,
                 "after a lost connection (a drop, a server restart, a refused connect) try again for this long: "
                 "the seat is taken back with its token once the match has started, a watch is watched again; "
                 "0 never")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--drop-after", args.dropAfter,
                 "drop the connection once this many moves are played and come back as after a lost "
                 "connection (tests the server's reconnection; needs --retry-seconds above 0); 0 never")
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
  for (const char* o :
       {"--seat", "--moves", "--seed", "--game", "--rule", "--opening", "--time", "--rematches", "--drop-after",
        "--engine", "--chat"}) {
    app.get_option(o)->excludes(watchOption);
    app.get_option(o)->excludes(listOption);
  }
  app.get_option("--match")->excludes(listOption);
  CLI11_PARSE(app, argc, argv);
  if (args.dropAfter > 0 && args.retrySeconds == 0)
    return fail("--drop-after comes back through a reconnection: it needs --retry-seconds above 0");
  if (args.list) return list(args);
  if (args.watch) return watch(args);
  return play(args);
}
