// The partner's look: the CSS custom properties (--carta-*) a page sets on the widget's host
// element — read by the page with getComputedStyle and handed over as declarations — or a
// style sheet natively (carta shot --style FILE.css). One reader for both: the properties,
// their values and their warnings are the same everywhere. README's "The partner's look"
// table lists them.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/theme.h"

namespace carta {

// The properties Carta reads, for the page (which asks the host element for each:
// generated STYLE_PROPERTIES in web/carta/generated/protocol.js). README's table says what each does.
#define CARTA_STYLE_PROPERTIES(X)                                                                               \
  X("--carta-font-headline") X("--carta-font-text") X("--carta-color-background") X("--carta-color-card")       \
  X("--carta-color-text") X("--carta-color-muted") X("--carta-color-accent") X("--carta-color-category")        \
  X("--carta-radius") X("--carta-gap") X("--carta-padding") X("--carta-image-ratio") X("--carta-cards")         \
  X("--carta-show")

// The words of --carta-show and the ShowPart bits each stands for (the page's fallback list
// reads the same table: generated SHOW_PARTS).
#define CARTA_SHOW_PARTS(X)                                                                                    \
  X("category", show_category) X("headline", show_headline) X("byline", show_byline) X("date", show_date)      \
  X("read-time", show_read_time) X("summary", show_summary) X("related", show_related)                         \
  X("caption", show_caption) X("credit", show_credit) X("dots", show_dots) X("arrows", show_arrows)            \
  X("tags", show_tags) X("all", show_all) X("none", 0)

struct Style {
  std::optional<Color> background, card, text, muted, accent, category;
  std::optional<float> radius, gap, padding;  // CSS px
  std::optional<float> image_ratio;           // width / height
  std::vector<CardsStep> cards;               // empty: Geometry's default
  std::optional<unsigned> show;               // ShowPart bits
  std::string font_headline, font_text;       // CSS font-family lists; empty: Carta's faces
};

// The --carta-* declarations in `css` (a style sheet's text or "--carta-gap: 8px; …"); the
// rest — selectors, other properties, comments — is ignored, and a later declaration of a
// property wins, as in a rule. A property Carta does not know, or a value it cannot read
// (left at its default), adds a warning naming it.
Style parse_style(std::string_view css, std::vector<std::string>* warnings = nullptr);

// The theme (make_theme's) in the partner's look: their colours, with the surfaces and
// lines between derived from the card and text colours (a dark card gets the dark theme's
// greys); their shape, density, cards per view, parts shown and fonts.
Theme styled_theme(bool dark, std::optional<Color> accent, const Style& style);

// Keeps `look`'s geometry, parts and fonts on `theme`, whose colours win (forced colours).
void keep_look(Theme& theme, const Theme& look);

// Colour pairs of card text under WCAG's 4.5:1, each named with both colours ("the text
// colour #8a8a8a on the card colour #ffffff is 3.45:1 …").
std::vector<std::string> contrast_warnings(const Theme& theme);

// The family names of a CSS font-family list, unquoted, in order; CSS's generic families
// as fontconfig names them (sans-serif, serif, monospace; system-ui as sans-serif).
std::vector<std::string> font_families(std::string_view list);

// "#rrggbb".
std::string hex_color(Color c);

// A CSS colour: #rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba() (commas or spaces, numbers or
// percentages, "/ alpha") or one of CSS's basic named colours.
std::optional<Color> parse_css_color(std::string_view text);

}  // namespace carta
