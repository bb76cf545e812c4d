// A one-line text input (the chat line, the start screen's fields): UTF-8
// text typed at its end, a byte limit, and whether it has the keyboard.
// Plain data and no SFML, so its editing rules are unit-tested without a
// window.
//
// Ownership and threading: a value owned by the mode that shows it, UI thread only.
#pragma once

#include <cstddef>
#include <string>
#include <utility>

namespace client {

class TextInput {
 public:
  explicit TextInput(std::size_t maxBytes) : maxBytes_(maxBytes) {}

  bool focused() const { return focused_; }
  // Each returns whether anything changed.
  bool focus() { return !std::exchange(focused_, true); }
  bool blur() { return std::exchange(focused_, false); }

  // Appends a typed character. Control characters and a character that
  // would take the text past the byte limit are refused.
  bool type(char32_t c);
  // Removes the last whole character.
  bool backspace();

  const std::string& text() const { return text_; }
  void clear() { text_.clear(); }
  // Replaces the text (a remembered name); one past the byte limit is
  // refused and leaves the line empty.
  bool assign(std::string text);

 private:
  std::size_t maxBytes_;
  std::string text_;
  bool focused_ = false;
};

}  // namespace client
