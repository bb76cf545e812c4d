// game_bot's connection to the server, kept across drops and restarts: a
// client::Session over a blocking socket (shared/net), replaced by a new
// session on a new connection whenever the old one is lost (a close, a failed
// send or receive, a refused connect, a session failure worth retrying), with
// client::Backoff's pauses until --retry-seconds have passed since the loss.
// A player comes back with its seat's token once its match has started and
// with a fresh hello before that; a spectator watches the same match again;
// a list is asked for again. The new session's welcome and replay are the
// truth about the game, so a move in flight when the connection died is
// neither lost nor doubled: the replay has it if the server took it, and
// otherwise it is the bot's move again. Every session's events go to one
// listener as they arrive, so a loss loses none. One line on stdout opens
// each gap and one closes it; giving up is an exit status with the reason on
// stderr.
//
// Ownership and threading: owned by one of the bot's loops and used from its
// thread only; owns the socket and the current session (replaced on every
// reconnection, so callers take session() afresh after each call).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "game_client/core/retry.h"
#include "game_client/core/session.h"
#include "shared/net/socket.h"

namespace bot {

using Clock = std::chrono::steady_clock;

// Exit statuses: a connection, protocol or server error (or the retry budget
// spent); --timeout passed first.
constexpr int kFailed = 1;
constexpr int kTimedOut = 3;

// Says why on stderr; the exit status of a failure.
int fail(std::string_view why);

struct LinkSettings {
  std::string host;
  std::uint16_t port = 0;
  std::chrono::seconds retry{120};  // 0: a lost connection is a failure
  Clock::time_point deadline;       // --timeout: nothing waits past it
  double timeoutSeconds = 0;        // the same, for the message
};

// Hears every event of every session, in order; an exit status stops the bot.
using Listener = std::function<std::optional<int>(const client::Session&, const proto::Packet&)>;

class Link {
 public:
  // Nothing happens until open().
  Link(LinkSettings settings, const client::Options& options, Listener listener);

  // Connects and queues what the options open the connection with. An exit
  // status when the bot must stop (the options do not fit the protocol).
  std::optional<int> open();
  // Sends what the session queued, waits for bytes (at most a second, never
  // past the deadline) and feeds them to the session, reconnecting whenever
  // the connection is lost. An exit status when the bot must stop: the
  // deadline passed, the budget is spent, the session failed for good, or
  // the listener said so.
  std::optional<int> pump();
  // Vanishes without a word (--drop-after) and comes back as after a loss.
  std::optional<int> drop(const std::string& why);

  client::Session& session() { return *session_; }

 private:
  // A new session on a new connection; why not, when the connect failed.
  std::optional<std::string> connect();
  // The connection is gone: pauses and connects again until it works, the
  // budget is spent or the deadline passes.
  std::optional<int> reconnect(std::string why);
  // Sleeps until `t`; kTimedOut when the deadline comes first.
  std::optional<int> sleepUntil(Clock::time_point t);
  std::optional<int> timedOut() const;
  // Reads what has arrived into the session (why not, when the connection
  // failed): one wait of at most `wait`, then whatever follows at once.
  std::optional<std::string> receive(std::chrono::milliseconds wait);
  // Hands the session's events to the listener, keeps the seat's token once
  // the match has started, and closes a gap the session's answer ended.
  std::optional<int> collect();
  // The server answered the session: the whole match list, or a welcome and,
  // for a game under way, its replay.
  bool answered() const;

  LinkSettings settings_;
  client::Options options_;  // with the seat's token once the match has started
  client::Backoff backoff_;
  net::Socket socket_;
  Listener listener_;
  std::unique_ptr<client::Session> session_;
  bool connected_ = false;  // a session was answered once: a gap is a reconnection
};

}  // namespace bot
