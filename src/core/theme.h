// Colours and type for the light and dark themes. Every text/background pair is meant to
// meet WCAG 2.2 AA; contrast_ratio() lets the tests check that it does.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace carta {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Color& o) const { return r == o.r && g == o.g && b == o.b && a == o.a; }
};

enum class Face { sans, sans_bold, serif_bold, count };

struct TypeStyle {
  Face face = Face::sans;
  float size = 15;         // CSS px: the em, as a CSS font-size (not ImGui's line height)
  float line_height = 22;  // CSS px
  // A CSS font-family list the platform's text stack draws this role with (the partner's
  // fonts); empty: Carta's own face from the atlas.
  std::string family;
};

// The parts of a card and of the carousel a look may leave out (--carta-show).
enum ShowPart : unsigned {
  show_category = 1, show_headline = 2, show_byline = 4, show_date = 8, show_read_time = 16, show_summary = 32,
  show_related = 64, show_caption = 128, show_credit = 256, show_dots = 512, show_arrows = 1024, show_tags = 2048,
  show_all = 4095
};

// From `min_width` (CSS px) on, this many cards in view (--carta-cards).
struct CardsStep {
  float min_width = 0;
  int cards = 1;
};

// The shape and density of the cards (CSS px).
struct Geometry {
  float radius = 12;            // a card's corners
  float gap = 16;               // between cards
  float padding = 18;           // inside a card, around its text
  float image_ratio = 16.f / 9; // the picture's width / height where the card has room
  // 1 card per view below 600 CSS px, 2 up to 1000, 3 above.
  std::vector<CardsStep> cards = {{0, 1}, {600, 2}, {1001, 3}};
};

struct Theme {
  bool dark = false;
  Color page;          // behind the cards
  Color card;          // card surface
  Color border;
  Color text;          // headline and body
  Color muted;         // byline, date, read time
  Color accent;        // category label, links, active dot
  Color accent_text;   // category label colour on the card (accent adjusted for contrast)
  Color caption_text;  // over the image scrim
  Color scrim;         // bottom of the gradient behind the caption
  Color placeholder;   // where an image is missing
  Color placeholder_mark;
  Color control;       // buttons and inactive dots
  Color hover;         // behind a hovered button or related item
  Color chip;          // behind a tag, and the sponsor's label
  Color live;          // the "Live" mark…
  Color live_text;     // … and its word
  TypeStyle type[static_cast<int>(TextRole::count)];
  bool card_outline = false;  // forced colours: cards are told apart from the page by a line
  Geometry geometry;
  unsigned show = show_all;   // ShowPart bits

  const TypeStyle& style(TextRole role) const { return type[static_cast<int>(role)]; }
};

Theme make_theme(bool dark, std::optional<Color> accent = std::nullopt);

// "#RRGGBB" or "#RGB"; nullopt when not a colour.
std::optional<Color> parse_hex_color(std::string_view text);

// Relative luminance (WCAG 2.x), 0 for black to 1 for white.
double luminance(Color c);

// a + (b - a) * t, channel by channel (opaque).
Color mix(Color a, Color b, double t);

// WCAG 2.x contrast ratio between two opaque colours (1 to 21).
double contrast_ratio(Color a, Color b);

// The accent darkened (light theme) or lightened (dark theme) until it reaches `ratio`
// against `background`, so any partner colour stays readable as text.
Color readable_accent(Color accent, Color background, double ratio);

// The reader asked for more contrast (prefers-contrast: more): muted text as strong as the
// text, borders and controls at 4.5:1 against the card, a darker scrim under captions.
void strengthen_contrast(Theme& theme);

// The colours a system in forced-colours mode (Windows High Contrast) gives the page, as
// CSS names them; the theme that draws with them alone (no partner accent, no greys).
struct SystemColors {
  Color canvas, canvas_text, link_text, button_text;
};
Theme forced_colors_theme(const SystemColors& system);

}  // namespace carta
