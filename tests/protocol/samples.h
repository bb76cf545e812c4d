// One filled-in packet of every type, shared by the protocol tests.
#pragma once

#include <cstdint>
#include <vector>

#include "shared/protocol/codec.h"

namespace proto::test {

// Every alternative of proto::Packet, in variant order, with non-default fields.
std::vector<Packet> samples();

// The encoded bytes of a packet, for comparisons.
std::vector<std::uint8_t> bytesOf(const Packet& packet);

// A context that accepts every sample (an omok game on a 15x15 board).
Context omokContext();

}  // namespace proto::test
