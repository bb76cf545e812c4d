// The client's colours in one place, so the boards and the panel agree and a
// palette change is one edit. Plain constants, no state.
#pragma once

#include <SFML/Graphics/Color.hpp>

namespace client::theme {

// Window and panel.
inline const sf::Color kBackground{38, 36, 33};
inline const sf::Color kPanel{49, 46, 43};
inline const sf::Color kPanelRaised{62, 59, 55};
inline const sf::Color kText{236, 232, 225};
inline const sf::Color kTextDim{160, 155, 147};
inline const sf::Color kAccent{129, 182, 76};     // whose turn, the current move, the default button
inline const sf::Color kAccentHover{152, 201, 102};
inline const sf::Color kError{230, 110, 95};
inline const sf::Color kButton{86, 82, 77};
inline const sf::Color kButtonHover{112, 107, 100};
inline const sf::Color kButtonDisabled{62, 59, 55};
inline const sf::Color kClockFace{236, 232, 225};     // the running clock, lit
inline const sf::Color kClockLowFace{250, 222, 216};  // the running clock under ten seconds
inline const sf::Color kClockInk{38, 36, 33};

// Omok: a light kaya-like wood with dark ink lines.
inline const sf::Color kWood{222, 184, 120};
inline const sf::Color kWoodEdge{196, 152, 88};
inline const sf::Color kWoodGrain{210, 170, 104};
inline const sf::Color kInk{66, 46, 26};
inline const sf::Color kBlackStone{28, 28, 30};
inline const sf::Color kBlackStoneShine{92, 92, 98};
inline const sf::Color kWhiteStone{244, 242, 236};
inline const sf::Color kWhiteStoneShade{196, 192, 184};
inline const sf::Color kStoneShadow{0, 0, 0, 60};
inline const sf::Color kLastMove{214, 60, 50};
inline const sf::Color kWinLine{220, 40, 40};
inline const sf::Color kForbidden{200, 30, 30};

// Chess: warm brown squares.
inline const sf::Color kLightSquare{240, 217, 181};
inline const sf::Color kDarkSquare{181, 136, 99};
inline const sf::Color kChessFrame{66, 50, 38};
inline const sf::Color kLabel{226, 208, 180};
inline const sf::Color kLastMoveSquare{205, 210, 106, 150};
inline const sf::Color kSelected{20, 85, 30, 110};
inline const sf::Color kLegalDot{20, 85, 30, 110};
inline const sf::Color kCheck{230, 40, 30, 190};
inline const sf::Color kRejected{230, 40, 30, 120};
inline const sf::Color kWhitePiece{250, 248, 242};
inline const sf::Color kBlackPiece{30, 28, 26};
inline const sf::Color kPieceOutline{20, 18, 16};

}  // namespace client::theme
