// An intrusive FIFO of operations, linked through Operation::next, so a
// backend can queue operations without allocating. Private to the
// completion-port backends; not thread-safe (its owner's lock guards it).
#pragma once

#include "game_server/net/completion_port.h"

namespace server {

struct OpQueue {
  Operation* head = nullptr;
  Operation* tail = nullptr;

  bool empty() const { return head == nullptr; }
  void push(Operation* op) {
    op->next = nullptr;
    (tail ? tail->next : head) = op;
    tail = op;
  }
  // Not empty.
  Operation* pop() {
    Operation* op = head;
    head = op->next;
    if (!head) tail = nullptr;
    op->next = nullptr;
    return op;
  }
};

}  // namespace server
