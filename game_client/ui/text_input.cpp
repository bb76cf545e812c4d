#include "game_client/ui/text_input.h"

namespace client {

bool TextInput::type(char32_t c) {
  // C0 and C1 controls, DEL, UTF-16 surrogates and beyond Unicode: the
  // protocol refuses text with them, so they never enter the line.
  if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0xd800 && c < 0xe000) || c > 0x10ffff) return false;
  std::string bytes;
  if (c < 0x80) {
    bytes = {static_cast<char>(c)};
  } else if (c < 0x800) {
    bytes = {static_cast<char>(0xc0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3f))};
  } else if (c < 0x10000) {
    bytes = {static_cast<char>(0xe0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3f)),
             static_cast<char>(0x80 | (c & 0x3f))};
  } else {
    bytes = {static_cast<char>(0xf0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3f)),
             static_cast<char>(0x80 | ((c >> 6) & 0x3f)), static_cast<char>(0x80 | (c & 0x3f))};
  }
  if (text_.size() + bytes.size() > maxBytes_) return false;
  text_ += bytes;
  return true;
}

bool TextInput::backspace() {
  if (text_.empty()) return false;
  // Drop continuation bytes, then the character's first byte.
  while (text_.size() > 1 && (static_cast<unsigned char>(text_.back()) & 0xc0) == 0x80) text_.pop_back();
  text_.pop_back();
  return true;
}

bool TextInput::assign(std::string text) {
  const bool fits = text.size() <= maxBytes_;
  text_ = fits ? std::move(text) : std::string();
  return fits;
}

}  // namespace client
