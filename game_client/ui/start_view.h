// The start screen in the board's place: a form (the server's address, the
// name, a private match's code), what went wrong last in words under it,
// and the records of the log folders as a list of cards (LobbyView), the
// picked one lit.
//
// The view draws a StartModel (plain data the start mode fills in) and maps
// clicks back to a field or a record; it knows no files and no protocol.
// Ownership and threading: owned by App, UI thread only; it keeps the
// rectangles of the last arrange() for hit tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/RenderTarget.hpp>

#include "game_client/ui/layout.h"
#include "game_client/ui/lobby_view.h"
#include "game_client/ui/resources.h"

namespace client {

struct StartField {
  std::string label;        // "Server"
  std::string text;         // as typed
  std::string placeholder;  // said while it is empty and not focused
  bool focused = false;
};

struct StartModel {
  std::string heading;  // "Play on a server"
  std::vector<StartField> fields;
  std::string error;    // under the form; empty for none
  LobbyModel records;   // its heading, the cards, the one picked
};

// What a click on the start screen hit: a field or a record, by index.
struct StartHit {
  enum class Kind { Field, Record };
  Kind kind;
  int index;
};

class StartView {
 public:
  // Lays the screen out in `area`; call before draw() and hit().
  void arrange(const Rect& area, const StartModel& model, const Fonts& fonts);
  void draw(sf::RenderTarget& target, const StartModel& model, const Fonts& fonts) const;

  std::optional<StartHit> hit(Vec2 p) const;
  // Hover feedback on the records; returns whether the picture changed.
  bool pointerMoved(Vec2 p) { return records_.pointerMoved(p); }
  // Scrolls the records by `rows` (positive = towards the newest); returns whether they moved.
  bool scroll(int rows) { return records_.scroll(rows); }

 private:
  Rect area_;
  std::vector<Rect> fields_;  // the input boxes, parallel to the model's fields
  std::vector<std::string> errorLines_;
  float errorTop_ = 0;
  LobbyView records_;
};

}  // namespace client
