#include "game_client/loadgen/load_driver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <system_error>

#include "game_client/core/chooser.h"
#include "game_client/core/session.h"

namespace loadgen {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// Connects in flight at once: well under the server's listen backlog, so a
// burst of thousands never waits for SYN retries. The relay pairs in accept
// order, so its connects go one at a time: each is accepted before the next.
constexpr int kConnectWindow = 256;
constexpr int kRelayConnectWindow = 1;
// Seating every connection must not take longer than this.
constexpr auto kSetupLimit = 60s;
constexpr std::size_t kErrorsKept = 5;
// The echo and relay modes' message: exactly a move packet; the relay
// answers each with a move-accepted's size.
const auto kMovePacket = proto::encode(proto::Move{});
constexpr std::size_t kRelayReplySize = sizeof(proto::MoveAccepted);

double cpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Peer {
  int fd = -1;
  bool connecting = false;
  bool writeArmed = false;
  bool over = false;                          // game mode: this side saw the game end
  std::unique_ptr<client::Session> session;  // game mode
  std::vector<std::uint8_t> out;              // echo, relay: bytes not sent yet
  std::size_t received = 0;                   // echo, relay: bytes of the reply received so far
};

struct Pair {
  bool active = true;  // false once finished or failed
  bool ready = false;  // both seated (game) or connected (echo, relay)
  int game = 0;        // games started
  int seated = 0;
  int turn = 0;           // echo, relay: the side sending next
  bool inFlight = false;  // echo, relay: a message is out
  std::uint8_t replied = 0;  // relay: bit per side that received the reply
  Clock::time_point sentAt;
  std::unique_ptr<client::MoveChooser> chooser;
};

class Driver {
 public:
  Driver(const LoadOptions& options, const std::function<void(const std::string&)>& progress)
      : options_(options), progress_(progress), peers_(2 * static_cast<std::size_t>(options.matches)),
        pairs_(static_cast<std::size_t>(options.matches)) {
    if (inet_pton(AF_INET, options.host.c_str(), &address_.sin_addr) != 1)
      throw std::invalid_argument("--host must be a numeric IPv4 address: " + options.host);
    address_.sin_family = AF_INET;
    address_.sin_port = htons(options.port);
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_ < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
    for (std::size_t i = 0; i < pairs_.size(); ++i)
      pairs_[i].chooser = std::make_unique<client::MoveChooser>(client::Strategy::Random, options.seed + i);
    activePairs_ = options.matches;
  }

  ~Driver() {
    for (std::size_t i = 0; i < peers_.size(); ++i) closePeer(static_cast<int>(i));
    ::close(epoll_);
  }

  LoadResult run() {
    result_.latenciesNs.reserve(1 << 20);
    for (int i = 0; i < static_cast<int>(peers_.size()); ++i) connectQueue_.push_back(i);
    pumpConnects();

    const auto setupStart = Clock::now();
    const auto setupEnd = setupStart + kSetupLimit;
    std::optional<Clock::time_point> readyAt, doneAt;
    for (;;) {
      const auto now = Clock::now();
      if (!readyAt && (readyPairs_ == activePairs_ || now >= setupEnd)) {
        readyAt = now;
        result_.ready = 2 * readyPairs_;
        result_.setupSeconds = std::chrono::duration<double>(now - setupStart).count();
        progress_("ready");
      }
      if (readyAt && !playing_ && !stopped_ && now >= *readyAt + options_.hold) startPlay(now);
      if (playing_ && (activePairs_ == 0 || now >= stopAt_)) {
        stopPlay(now);
        doneAt = now;
        progress_("done");
      }
      if (doneAt && now >= *doneAt + options_.hold) break;
      poll(10ms);
    }
    return std::move(result_);
  }

 private:
  Peer& peer(int index) { return peers_[static_cast<std::size_t>(index)]; }
  Pair& pairOf(int index) { return pairs_[static_cast<std::size_t>(index / 2)]; }
  Peer& partner(int index) { return peer(index ^ 1); }

  void error(std::string why) {
    ++result_.errors;
    if (result_.firstErrors.size() < kErrorsKept) result_.firstErrors.push_back(std::move(why));
  }

  void startPlay(Clock::time_point now) {
    playing_ = true;
    playStart_ = now;
    stopAt_ = now + options_.duration;
    cpuAtStart_ = cpuSeconds();
    for (int p = 0; p < static_cast<int>(pairs_.size()); ++p)
      if (pairs_[static_cast<std::size_t>(p)].active) kick(p, now);
  }
  void stopPlay(Clock::time_point now) {
    playing_ = false;
    stopped_ = true;
    result_.seconds = std::chrono::duration<double>(now - playStart_).count();
    result_.cpuSeconds = cpuSeconds() - cpuAtStart_;
  }

  // --- sockets ---

  void pumpConnects() {
    const int window = options_.mode == Mode::Relay ? kRelayConnectWindow : kConnectWindow;
    while (connecting_ < window && !connectQueue_.empty()) {
      const int index = connectQueue_.front();
      connectQueue_.pop_front();
      if (pairOf(index).active) startConnect(index);
    }
  }

  void startConnect(int index) {
    Peer& p = peer(index);
    p = Peer{};
    p.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (p.fd < 0) return failPair(index, std::string("socket: ") + std::strerror(errno));
    ++open_;
    result_.connections = std::max(result_.connections, open_);
    const int one = 1;
    setsockopt(p.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(p.fd, reinterpret_cast<const sockaddr*>(&address_), sizeof address_) != 0 && errno != EINPROGRESS)
      return failPair(index, std::string("connect: ") + std::strerror(errno));
    p.connecting = true;
    ++connecting_;
    epoll_event e{};
    e.events = EPOLLOUT;
    e.data.u32 = static_cast<std::uint32_t>(index);
    if (epoll_ctl(epoll_, EPOLL_CTL_ADD, p.fd, &e) != 0) return failPair(index, std::string("epoll_ctl: ") + std::strerror(errno));
  }

  void closePeer(int index) {
    Peer& p = peer(index);
    if (p.fd < 0) return;
    if (p.connecting) --connecting_;
    ::close(p.fd);  // also leaves the epoll set
    p.fd = -1;
    p.connecting = false;
    --open_;
  }

  void setWrite(Peer& p, bool on) {
    if (p.writeArmed == on) return;
    p.writeArmed = on;
    epoll_event e{};
    e.events = EPOLLIN | (on ? EPOLLOUT : 0u);
    e.data.u32 = static_cast<std::uint32_t>(&p - peers_.data());
    epoll_ctl(epoll_, EPOLL_CTL_MOD, p.fd, &e);
  }

  // Sends what `bytes` holds; returns how much went out, or nullopt on error.
  std::optional<std::size_t> sendSome(Peer& p, std::span<const std::uint8_t> bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::send(p.fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
      if (n >= 0) {
        done += static_cast<std::size_t>(n);
      } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
        break;
      } else if (errno != EINTR) {
        return std::nullopt;
      }
    }
    setWrite(p, done < bytes.size());
    return done;
  }

  bool flush(int index) {
    Peer& p = peer(index);
    if (p.fd < 0 || p.connecting) return true;
    if (p.session) {
      const auto sent = sendSome(p, p.session->outgoing());
      if (!sent) return false;
      p.session->sent(*sent);
    } else {
      const auto sent = sendSome(p, p.out);
      if (!sent) return false;
      p.out.erase(p.out.begin(), p.out.begin() + static_cast<std::ptrdiff_t>(*sent));
    }
    return true;
  }

  void poll(std::chrono::milliseconds timeout) {
    std::array<epoll_event, 256> events;
    const int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), static_cast<int>(timeout.count()));
    for (int i = 0; i < n; ++i) {
      const auto now = Clock::now();
      const int index = static_cast<int>(events[static_cast<std::size_t>(i)].data.u32);
      const std::uint32_t what = events[static_cast<std::size_t>(i)].events;
      if (peer(index).fd < 0) continue;  // closed by an earlier event of this batch
      if (peer(index).connecting) {
        onConnect(index, now);
        continue;
      }
      if (what & (EPOLLIN | EPOLLERR | EPOLLHUP)) onReadable(index, now);
      if (peer(index).fd >= 0 && (what & EPOLLOUT) && !flush(index))
        failPair(index, std::string("send: ") + std::strerror(errno));
    }
    pumpConnects();
  }

  void onConnect(int index, Clock::time_point now) {
    Peer& p = peer(index);
    int soError = 0;
    socklen_t length = sizeof soError;
    getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &soError, &length);
    p.connecting = false;
    --connecting_;
    if (soError != 0) return failPair(index, std::string("connect: ") + std::strerror(soError));
    p.writeArmed = true;
    setWrite(p, false);
    Pair& pair = pairOf(index);
    if (options_.mode != Mode::Game) return seated(index / 2, now);
    client::Options o;
    o.name = "load" + std::to_string(index);
    o.game = static_cast<std::uint8_t>(options_.game);
    o.matchCode = "lg" + std::to_string(index / 2) + "-" + std::to_string(pair.game);
    p.session = std::make_unique<client::Session>(o);
    if (p.session->failure()) return failPair(index, p.session->failure()->text);
    if (!flush(index)) failPair(index, std::string("send: ") + std::strerror(errno));
  }

  void seated(int pairIndex, Clock::time_point now) {
    Pair& pair = pairs_[static_cast<std::size_t>(pairIndex)];
    if (++pair.seated < 2) return;
    if (!pair.ready) {
      pair.ready = true;
      ++readyPairs_;
    }
    if (playing_) kick(pairIndex, now);
  }

  void onReadable(int index, Clock::time_point now) {
    Peer& p = peer(index);
    std::array<std::uint8_t, 16 * 1024> buffer;
    const ssize_t n = ::recv(p.fd, buffer.data(), buffer.size(), 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
    if (n <= 0) {
      if (stopped_) return closePeer(index);
      if (p.session) {
        p.session->closed();
        if (p.over || p.session->phase() == proto::Phase::Over) return closePeer(index);
        return failPair(index, p.session->failure() ? p.session->failure()->text : "connection closed");
      }
      return failPair(index, n == 0 ? "connection closed" : std::string("recv: ") + std::strerror(errno));
    }
    const auto bytes = std::span(buffer).first(static_cast<std::size_t>(n));
    if (p.session)
      onGameBytes(index, bytes, now);
    else if (options_.mode == Mode::Relay)
      onRelayBytes(index, bytes.size(), now);
    else
      onEchoBytes(index, bytes.size(), now);
  }

  void count(Pair& pair, Clock::time_point now) {
    if (!playing_) return;
    ++result_.exchanges;
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now - pair.sentAt).count();
    result_.latenciesNs.push_back(static_cast<std::uint32_t>(std::min<std::int64_t>(ns, UINT32_MAX)));
  }

  void onEchoBytes(int index, std::size_t n, Clock::time_point now) {
    Peer& p = peer(index);
    Pair& pair = pairOf(index);
    for (p.received += n; p.received >= kMovePacket.size(); p.received -= kMovePacket.size()) {
      count(pair, now);
      pair.inFlight = false;
      pair.turn ^= 1;
    }
    if (playing_) kick(index / 2, now);
  }

  // The opponent's copy times the move, as in game mode; the turn passes
  // once both copies are in. A reply nobody waits for means the relay paired
  // other connections than ours.
  void onRelayBytes(int index, std::size_t n, Clock::time_point now) {
    Peer& p = peer(index);
    Pair& pair = pairOf(index);
    const int side = index & 1;
    const auto bit = static_cast<std::uint8_t>(1 << side);
    for (p.received += n; p.received >= kRelayReplySize; p.received -= kRelayReplySize) {
      if (!pair.inFlight || (pair.replied & bit))
        return failPair(index, "a reply to no move of ours: the relay paired us otherwise");
      pair.replied |= bit;
      if (side != pair.turn) count(pair, now);
      if (pair.replied == 3) {
        pair.replied = 0;
        pair.inFlight = false;
        pair.turn ^= 1;
      }
    }
    if (playing_) kick(index / 2, now);
  }

  void onGameBytes(int index, std::span<const std::uint8_t> bytes, Clock::time_point now) {
    Peer& p = peer(index);
    Pair& pair = pairOf(index);
    const proto::Phase before = p.session->phase();
    p.session->receive(bytes);
    if (stopped_) return;
    for (const proto::Packet& event : p.session->takeEvents()) {
      if (const auto* a = std::get_if<proto::MoveAccepted>(&event)) {
        if (a->seat != p.session->seat()) count(pair, now);
      } else if (const auto* r = std::get_if<proto::MoveRejected>(&event)) {
        return failPair(index, "move refused: " + std::string(proto::text(r->why)));
      }
    }
    if (p.session->failure()) return failPair(index, p.session->failure()->text);
    if (!flush(index)) return failPair(index, std::string("send: ") + std::strerror(errno));
    const proto::Phase phase = p.session->phase();
    if (before != proto::Phase::Playing && phase == proto::Phase::Playing) seated(index / 2, now);
    if (phase == proto::Phase::Over && !p.over) {
      p.over = true;
      if (partner(index).over) return nextGame(index / 2, now);
    }
    if (playing_) kick(index / 2, now);
  }

  void nextGame(int pairIndex, Clock::time_point now) {
    Pair& pair = pairs_[static_cast<std::size_t>(pairIndex)];
    ++result_.games;
    closePeer(2 * pairIndex);
    closePeer(2 * pairIndex + 1);
    if (!playing_ || ++pair.game >= options_.games || now >= stopAt_) {
      finishPair(pair);
      return;
    }
    pair.seated = 0;
    connectQueue_.push_back(2 * pairIndex);
    connectQueue_.push_back(2 * pairIndex + 1);
  }

  void finishPair(Pair& pair) {
    if (!pair.active) return;
    pair.active = false;
    --activePairs_;
    if (pair.ready && !playing_ && !stopped_) --readyPairs_;
  }

  void failPair(int index, std::string why) {
    error("connection " + std::to_string(index) + ": " + why);
    closePeer(index & ~1);
    closePeer(index | 1);
    finishPair(pairOf(index));
  }

  // Sends the next move (or echo or relay message) of a pair if it is someone's turn.
  void kick(int pairIndex, Clock::time_point now) {
    Pair& pair = pairs_[static_cast<std::size_t>(pairIndex)];
    if (!pair.active || pair.seated < 2 || now >= stopAt_) return;
    if (options_.mode != Mode::Game) {
      if (pair.inFlight) return;
      Peer& p = peer(2 * pairIndex + pair.turn);
      p.out.assign(kMovePacket.begin(), kMovePacket.end());
      pair.inFlight = true;
      pair.sentAt = now;
      if (!flush(2 * pairIndex + pair.turn)) failPair(2 * pairIndex, std::string("send: ") + std::strerror(errno));
      return;
    }
    for (int side = 0; side < 2; ++side) {
      const int index = 2 * pairIndex + side;
      client::Session* s = peer(index).session.get();
      if (!s || !s->myTurn() || s->awaitingReply()) continue;
      std::string why;
      const auto move = pair.chooser->choose(s->setup(), *s->game(), s->history(), why);
      if (!why.empty()) return failPair(index, why);
      if (!(move ? s->move(*move, why) : s->resign(why))) return failPair(index, why);
      pair.sentAt = now;
      if (!flush(index)) return failPair(index, std::string("send: ") + std::strerror(errno));
    }
  }

  const LoadOptions& options_;
  const std::function<void(const std::string&)>& progress_;
  sockaddr_in address_{};
  int epoll_ = -1;
  std::vector<Peer> peers_;  // peers 2k and 2k + 1 make pair k
  std::vector<Pair> pairs_;
  std::deque<int> connectQueue_;
  int connecting_ = 0;
  int open_ = 0;
  int activePairs_ = 0;
  int readyPairs_ = 0;
  bool playing_ = false;
  bool stopped_ = false;
  Clock::time_point playStart_;
  Clock::time_point stopAt_ = Clock::time_point::max();
  double cpuAtStart_ = 0;
  LoadResult result_;
};

}  // namespace

LoadResult run(const LoadOptions& options, const std::function<void(const std::string&)>& progress) {
  return Driver(options, progress).run();
}

}  // namespace loadgen
