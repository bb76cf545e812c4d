#include "game_server/match/outbox.h"

#include <cstring>

#include "shared/protocol/codec.h"

namespace server {

Encoded::Encoded(const proto::Packet& packet) {
  std::visit(
      [this]<typename P>(const P& p) {
        static_assert(sizeof(P) <= proto::kMaxPacketSize, "every packet fits the framers' buffers");
        const auto encoded = proto::encode(p);
        std::memcpy(bytes_.data(), encoded.data(), encoded.size());
        size_ = encoded.size();
      },
      packet);
}

bool sendPacket(Connection& connection, const proto::Packet& packet) { return connection.send(Encoded(packet).bytes()); }

void hangUp(const ConnectionPtr& connection, TimerQueue& timers) {
  connection->closeAfterSend();
  timers.schedule(kHangUpLinger, [weak = std::weak_ptr<Connection>(connection)](TimerQueue::Id) {
    if (ConnectionPtr c = weak.lock()) c->close();
  });
}

bool sendError(const ConnectionPtr& connection, proto::ErrorCode code, std::string_view text, TimerQueue& timers) {
  proto::Error error;
  error.code = code;
  proto::setText(error.text, text);
  sendPacket(*connection, error);
  if (!proto::closesConnection(code)) return false;
  hangUp(connection, timers);
  return true;
}

}  // namespace server
