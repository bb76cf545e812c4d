// The panel beside the board: the game, both players with their clocks and
// whose turn it is, the move list in the game's notation, the status and the
// last error in words, the chat of a live match with its input line, and the
// buttons of the current mode.
//
// The panel draws a PanelModel (plain data the live session or the replay
// fills in) and maps clicks back to an Action or a ply, and the keys drawn on
// its buttons to their Action; it knows no game and no protocol. Ownership
// and threading: owned by App, UI thread only; it keeps the rectangles of the
// last arrange() for hit tests.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <SFML/Graphics/RenderTarget.hpp>

#include "game_client/ui/layout.h"
#include "game_client/ui/resources.h"

namespace client {

enum class Action {
  Resign,
  OfferDraw,
  AcceptDraw,
  DeclineDraw,
  ClaimDraw,
  RequestTakeback,
  AcceptTakeback,
  DeclineTakeback,
  Swap,          // an omok opening's decisions: exchange the colours or keep them
  Keep,
  TakeBlack,     // choose a colour
  TakeWhite,
  OptionBlack,   // swap2's options: take black, stay white and play move 4, place two more stones
  OptionWhite,
  OptionStones,
  FewerFifths,   // Soosorv-8's count of fifth moves, 1..8, then declare it
  MoreFifths,
  Declare,
  StartOffer,    // Taraguchi-10: offer ten fifth moves instead of swapping or keeping
  Offer,         // send the fifth moves chosen on the board
  Rematch,        // after the game: offer a rematch, accept the opponent's, or decline it
  AcceptRematch,
  DeclineRematch,
  FocusChat,  // a click on the chat's input line
  NewGame,    // the lobby's buttons
  Refresh,
  Play,       // the start screen's buttons
  Watch,
  Replay,
  Leave,      // back to the start screen
  First,
  Back,
  PlayPause,
  Forward,
  Last,
};

struct PanelButton {
  Action action;
  std::string label;
  bool enabled = true;
  bool primary = false;  // what Enter does too, drawn in the accent colour
};

struct PanelPlayer {
  std::string name;
  std::string colour;  // "white", "black"
  bool dark = false;   // drawn as a dark swatch
  bool you = false;
  bool toMove = false;
  std::string clock;  // the remaining time as shown ("4:57"); empty when untimed
  bool clockRunning = false;
  bool clockLow = false;  // drawn in the warning colour
};

struct PanelChatLine {
  std::string who;  // the writer's name
  std::string text;
  bool own = false;  // written by the local player, drawn in the accent colour
};

struct PanelChat {
  bool shown = false;
  std::vector<PanelChatLine> lines;  // oldest first; the newest that fit are drawn
  bool open = false;                 // the server takes lines now; a closed chat shows its lines only
  bool typing = true;                // an input line is drawn (live games; a replay has none)
  std::string input;                 // the line being typed
  bool focused = false;              // the input line has the keyboard
};

struct PanelModel {
  std::string title;
  std::string subtitle;
  std::string watching;  // "3 watching", drawn at the subtitle's right; empty for nobody
  std::array<PanelPlayer, 2> players;  // Player1, Player2
  bool showMoves = true;               // the move list and its heading; the lobby has none
  std::vector<std::string> moves;      // one entry per ply, in the game's notation
  int current = -1;                    // index of the move to highlight, -1 for none
  bool movesClickable = false;
  std::string status;
  std::string error;
  PanelChat chat;
  std::vector<PanelButton> buttons;
  int buttonsPerRow = 2;  // a last row that is not full shares its width out
};

// What a click on the panel hit: a button's action or a move's index.
using PanelHit = std::variant<Action, int>;

// The key that presses `action`'s button too, as typed (an upper-case letter
// or a digit), drawn on the button; 0 for none. The opening's decisions and
// the rematch have keys: they are the answers a player gives most often.
char32_t shortcutOf(Action action);
// The action of the enabled button `typed` presses (letters in either case),
// as a click on it would; nullopt when no button shown has that key.
std::optional<Action> shortcut(const PanelModel& model, char32_t typed);

class SidePanel {
 public:
  // Lays the panel out in `area` for `model`; call before draw() and hit().
  void arrange(const Rect& area, const PanelModel& model, const Fonts& fonts);
  void draw(sf::RenderTarget& target, const PanelModel& model, const Fonts& fonts) const;

  std::optional<PanelHit> hit(Vec2 p, const PanelModel& model) const;
  // Hover feedback for buttons; returns whether the picture changed.
  bool pointerMoved(Vec2 p);
  // Scrolls the move list by `rows` (positive = towards the start); returns whether it moved.
  bool scroll(int rows);

 private:
  struct Row {
    Rect rect;
    int firstPly;  // index of the row's first move
  };

  struct ChatRow {
    std::string text;
    std::size_t nameBytes = 0;  // the leading "name:" drawn in its own colour; 0 for a continuation line
    bool own = false;
  };

  // The rows of the move list that fit, keeping `current` visible unless the user scrolled.
  void arrangeMoves(const PanelModel& model);
  // The chat's newest lines, wrapped, as many as fit above the input line.
  void arrangeChat(const PanelModel& model, const Fonts& fonts);
  void drawPlayer(sf::RenderTarget& target, const PanelPlayer& player, const Rect& card, const Fonts& fonts) const;
  void drawChat(sf::RenderTarget& target, const PanelModel& model, const Fonts& fonts) const;

  Rect area_;
  Rect playersRect_;
  std::vector<std::string> statusLines_;
  std::vector<std::string> errorLines_;
  float statusTop_ = 0;
  Rect movesRect_;
  std::vector<Row> rows_;
  Rect chatRect_;   // heading and lines; empty when the chat is not shown
  Rect inputRect_;  // the input line
  std::vector<ChatRow> chatRows_;
  std::vector<Rect> buttons_;  // parallel to the model's buttons
  float rowHeight_ = 24;
  float columnWidth_ = 0;
  int scrollBack_ = 0;  // rows scrolled up from the automatic position
  int lastMoveCount_ = 0;
  Vec2 pointer_{-1, -1};
};

}  // namespace client
