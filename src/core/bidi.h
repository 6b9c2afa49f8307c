// Right-to-left text for drawing: Arabic shaping and bidi reordering, on top of the C
// engine in src/bidi (GNU FriBiDi). Layout shapes a paragraph once (logical order, so line
// breaking measures the joined forms), breaks it into lines, then puts each line in visual
// order for the painter, which draws every line left to right.
//
// Text without right-to-left characters in a left-to-right paragraph never reaches the
// engine. Where the engine is not linked in (the web widget, whose browser's text stack sets
// right-to-left text: src/platform/web/web_bidi.cpp) both calls return the text unchanged.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace carta {

// True when `utf8` holds a character from a right-to-left script (Hebrew, Arabic, Syriac,
// Thaana, N'Ko…, their presentation forms) or a right-to-left bidi control.
bool has_right_to_left_text(std::string_view utf8);

// The right-to-left characters has_right_to_left_text looks for: pairs of first and last
// code point, 0-terminated. The page's loader reads the same table (protocol.js) to know,
// before the module runs, that a feed needs the browser's text stack.
extern const std::uint32_t kRightToLeftRanges[];

// Arabic joining and lam-alef ligatures, in logical order, for a paragraph whose base
// direction is right-to-left when `rtl`.
std::string shape_paragraph(std::string_view utf8, bool rtl);

// One line of shaped text in visual order: left to right as it appears on screen.
std::string visual_line(std::string_view shaped_utf8, bool rtl);

// Whether the bidi engine is linked in (natively, and in the tests; not in the web widget).
bool bidi_engine_available();

}  // namespace carta
