#include "game_client/bot/link.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <iomanip>
#include <iostream>
#include <span>
#include <sstream>
#include <thread>
#include <utility>

namespace bot {
namespace {

using namespace std::chrono_literals;

constexpr std::chrono::milliseconds kConnectTimeout = 5s;

// "2.3": seconds with one decimal, for the lines that close a gap.
std::string seconds(Clock::duration d) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << std::chrono::duration<double>(d).count();
  return out.str();
}

// Where a session stands once the server has answered it, in words.
std::string standing(const client::Session& session) {
  switch (session.phase()) {
    case proto::Phase::AwaitingHello: return "the match list came";
    case proto::Phase::WaitingForOpponent:
      return session.spectating() ? "the match waits for a second player" : "waiting for an opponent";
    case proto::Phase::Playing: return "the game goes on at ply " + std::to_string(session.history().size() + 1);
    case proto::Phase::Over: return "the game is over";
  }
  return "";
}

}  // namespace

int fail(std::string_view why) {
  std::cerr << "game_bot: " << why << '\n';
  return kFailed;
}

Link::Link(LinkSettings settings, const client::Options& options, Listener listener)
    : settings_(std::move(settings)), options_(options), backoff_(settings_.retry), listener_(std::move(listener)) {}

std::optional<int> Link::open() {
  assert(!session_ && "open() once");
  if (const client::Session probe(options_); probe.failure()) return fail(probe.failure()->text);
  if (auto why = connect()) return reconnect(std::move(*why));
  return std::nullopt;
}

std::optional<std::string> Link::connect() {
  session_ = std::make_unique<client::Session>(options_);
  const auto untilDeadline = std::chrono::duration_cast<std::chrono::milliseconds>(settings_.deadline - Clock::now());
  std::error_code error;
  socket_ = net::connectTcp(settings_.host, settings_.port, std::clamp(untilDeadline, 1ms, kConnectTimeout), error);
  if (!socket_)
    return "cannot connect to " + settings_.host + ":" + std::to_string(settings_.port) + ": " + net::errorText(error);
  return std::nullopt;
}

std::optional<int> Link::pump() {
  if (const auto out = session_->outgoing(); !out.empty()) {
    if (auto e = net::sendAll(socket_.native(), std::as_bytes(out)))
      return reconnect("send failed: " + net::errorText(e));
    session_->sent(out.size());
  }
  if (auto status = timedOut()) return status;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(settings_.deadline - Clock::now());
  auto lost = receive(std::clamp(left, 0ms, std::chrono::milliseconds(1s)));
  if (auto status = collect()) return status;
  if (const auto& failure = session_->failure()) {
    if (!client::worthRetrying(failure->code)) return fail(failure->text);
    lost = failure->text;
  }
  if (lost) return reconnect(std::move(*lost));
  return std::nullopt;
}

std::optional<std::string> Link::receive(std::chrono::milliseconds wait) {
  std::array<std::uint8_t, 4096> buffer;
  for (;;) {
    std::error_code error;
    const std::size_t n =
        net::receiveSome(socket_.native(), std::as_writable_bytes(std::span(buffer)), wait, error);
    if (error == std::errc::timed_out) return std::nullopt;
    if (error) return "receive failed: " + net::errorText(error);
    if (n == 0) {
      session_->closed();  // a failure unless the game is over
      return std::nullopt;
    }
    if (!session_->receive(std::span(buffer).first(n))) return std::nullopt;
    // What has arrived with it is read at once: a resumed seat's replay comes
    // as one burst, and the bot must not choose a move from half of it.
    wait = 0ms;
  }
}

std::optional<int> Link::collect() {
  for (const proto::Packet& event : session_->takeEvents())
    if (auto status = listener_(*session_, event)) return status;
  // Once the match has started the seat is held for us; before, it is not.
  if (session_->players() && session_->welcome()) options_.reconnect = session_->welcome()->reconnect;
  if (!answered()) return std::nullopt;
  if (backoff_.inGap()) {
    std::cout << (connected_ ? "reconnected after " : "connected after ") << seconds(backoff_.since(Clock::now()))
              << " s: " << standing(*session_) << std::endl;
    backoff_.recovered();
  }
  connected_ = true;
  return std::nullopt;
}

bool Link::answered() const {
  // A resumed seat, or a watch of a game under way, is answered once the
  // replay has begun: the match-start and the moves come in one burst.
  const auto& welcome = session_->welcome();
  return session_->listed() || (welcome && (!welcome->resumed || session_->players()));
}

std::optional<int> Link::drop(const std::string& why) { return reconnect(why); }

std::optional<int> Link::reconnect(std::string why) {
  socket_.reset();
  for (;;) {
    const bool opens = !backoff_.inGap();
    if (!backoff_.failed(Clock::now())) {
      if (settings_.retry == 0s) return fail(why);
      return fail(std::string(connected_ ? "gave up reconnecting after " : "gave up connecting after ") +
                  std::to_string(settings_.retry.count()) + " s: " + why);
    }
    if (opens)
      std::cout << (connected_ ? "connection lost (" : "no connection (") << why << "); "
                << (connected_ ? "reconnecting" : "retrying") << " for up to " << settings_.retry.count() << " s"
                << std::endl;
    if (auto status = sleepUntil(backoff_.next())) return status;
    auto failed = connect();
    if (!failed) return std::nullopt;
    why = std::move(*failed);
  }
}

std::optional<int> Link::sleepUntil(Clock::time_point t) {
  std::this_thread::sleep_until(std::min(t, settings_.deadline));
  return timedOut();
}

std::optional<int> Link::timedOut() const {
  if (Clock::now() < settings_.deadline) return std::nullopt;
  std::cerr << "game_bot: no result after " << settings_.timeoutSeconds << " s\n";
  return kTimedOut;
}

}  // namespace bot
