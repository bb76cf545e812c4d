#include "game_server/match/outbox.h"

#include <vector>

#include "shared/protocol/codec.h"

namespace server {

bool sendPacket(Connection& connection, const proto::Packet& packet) {
  std::vector<std::uint8_t> bytes;
  proto::append(bytes, packet);
  return connection.send(std::as_bytes(std::span(bytes)));
}

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
