#include "shared/protocol/framer.h"

#include <algorithm>
#include <cstring>

namespace proto {

std::span<std::uint8_t> Framer::space() {
  if (failure_) return {};
  if (begin_ > 0) {
    // Move the partial packet to the front; it is shorter than one packet.
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  return std::span(buffer_).subspan(end_);
}

void Framer::commit(std::size_t n) { end_ += std::min(n, buffer_.size() - end_); }

std::size_t Framer::feed(std::span<const std::uint8_t> bytes) {
  const auto room = space();
  const std::size_t n = std::min(room.size(), bytes.size());
  if (n == 0) return 0;  // memcpy must not see the null of an empty span
  std::memcpy(room.data(), bytes.data(), n);
  commit(n);
  return n;
}

ReadResult Framer::next(const Context& context) {
  if (failure_) return *failure_;
  ReadResult result = readPacket(std::span(buffer_).subspan(begin_, end_ - begin_), context);
  if (const auto* parsed = std::get_if<Parsed>(&result)) {
    begin_ += parsed->consumed;
    if (begin_ == end_) begin_ = end_ = 0;
  } else if (const auto* error = std::get_if<ProtocolError>(&result)) {
    failure_ = *error;
  }
  return result;
}

}  // namespace proto
