// Card layout: for a view size and theme, where every piece of every visible card goes,
// as a flat list of shapes the drawing layer paints in order, plus the regions a pointer
// can hit. Pure: no fonts (a TextMeasure answers widths), no GL, no ImGui.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/feed.h"
#include "core/image_cache.h"
#include "core/text.h"
#include "core/theme.h"

namespace carta {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

enum Corner : unsigned { corner_none = 0, corner_top_left = 1, corner_top_right = 2,
                         corner_bottom_left = 4, corner_bottom_right = 8, corner_all = 15 };

struct Shape {
  // text: a line drawn from the font atlas, in visual order; text_image: a line in logical
  // order that the platform's text stack draws as an image (TextMeasure::platform_text).
  enum class Kind { box, outline, scrim, image, text, text_image, chevron_left, chevron_right, picture_mark, play_mark,
                    lock_mark };
  Kind kind = Kind::box;
  Rect rect;                // text: top-left of the line box
  Color color;              // fill, text colour; scrim: bottom colour (top is transparent)
  float radius = 0;
  float stroke = 1.5f;      // outline: line width in CSS px
  float fade = 0;           // scrim: the top part, from transparent to `color`; below it solid
  unsigned corners = corner_all;
  TextRole role = TextRole::body;
  Language language;        // text_image: its paragraph's language and direction
  std::string text;         // text, text_image: the line; image: the URL to draw; box and
                            // picture_mark of a placeholder: its picture's URL (an opaque
                            // picture, once loaded, covers them: they are not drawn)
};

struct HitRegion {
  enum class Kind { card, related, prev, next, dot };
  Kind kind = Kind::card;
  Rect rect;
  int index = -1;    // card index (card, related: the card it sits on; dot: target index)
  int related = -1;  // which related entry
};

// What a visible card's headline says, line by line as drawn (logical order; shaped for
// the atlas's right-to-left text), and the box its lines fill: for the page's mirror.
struct HeadlineText {
  int index = -1;
  Rect rect;
  std::vector<std::string> lines;
};

// A card's part of Scene::shapes: shapes[first, end), all inside `rect` (its box; marks
// and outlines may reach a pixel or so past it).
struct CardSpan {
  int index = -1;
  Rect rect;
  std::size_t first = 0, end = 0;
};

struct Scene {
  Color clear;
  std::vector<Shape> shapes;
  std::vector<CardSpan> cards;  // the feed's cards drawn, in the order of their shapes
  std::vector<HitRegion> hits;
  std::vector<HeadlineText> headlines;
  std::vector<HeadlineText> summaries;  // the same for each visible card's summary, as drawn
  bool headline_visible = false;  // the current card's headline is on screen
  std::vector<std::string> small_pictures;  // the drawn cards' authors' faces, drawn or not yet
};

enum class FeedStatus { loading, ready, failed };

struct SceneInput {
  FeedStatus status = FeedStatus::loading;
  const Feed* feed = nullptr;           // when ready
  std::string message;                  // when failed: the first error, readable
  float width = 800, height = 420;      // CSS px
  float position = 0;                   // scroll position in cards (0 = first card at the start)
  int current = 0;                      // the card that has focus
  std::int64_t now_unix = 0;            // for relative dates
  std::string locale = "en";
  const HitRegion* hover = nullptr;     // what the pointer is over, drawn in its hover state
  bool loop = false;                    // prev/next never run out
  const HitRegion* focus = nullptr;     // what keyboard focus (in the page's mirror) is on
  float dpr = 1;                        // device px per CSS px: a card's left edge is on
                                        // the device pixel grid (0: not aligned)
  // The pictures that have arrived (loaded, or shown by the page): an author's face is drawn
  // only then; until it has, and when it fails, the card leaves no room for it.
  const std::map<std::string, ImageState>* pictures = nullptr;
};

// Cards per view at `width` CSS px: the last step whose min_width it reaches.
int cards_per_view(float width, const std::vector<CardsStep>& steps = Geometry().cards);

// How the strip of cards is laid out for a view size: cards per view and the distance
// from one card to the next (CSS px), which turns drag distances into card positions.
// With `count` > 0, a feed of fewer cards than would fit shares the width between them
// instead of leaving a gap.
struct StripMetrics {
  int per_view = 1;
  float card_width = 0;
  float stride = 0;
};
StripMetrics strip_metrics(float width, int count = 0, const Geometry& geometry = Geometry());

// Where a card's picture goes in `card`: at the side of a wide card, else over the text.
Rect card_picture(const Rect& card, const Geometry& geometry);
// The picture of a card of the strip in a widget of `width` x `height` CSS px: its size is
// what the first frame will ask pictures for (the page fetches them before it).
Rect strip_picture(float width, float height, int count, const Geometry& geometry);

// Source rectangle (in 0..1 texture coordinates) that cover-crops an image of the given
// size into `target`: fills it completely and keeps the aspect ratio, centred.
Rect cover_crop(float image_w, float image_h, const Rect& target);

Scene build_scene(const SceneInput& input, const Theme& theme, const TextMeasure& measure);

// The opacity of a scrim at `y` (CSS px): 0 above it, rising linearly through its fade,
// then the colour's own alpha — what the painter draws, for contrast checks.
float scrim_alpha(const Shape& scrim, float y);

// The topmost region under a point, or nullptr.
const HitRegion* hit_test(const Scene& scene, float x, float y);

// "Antoine Khoury · 31 Jul 2025 · 1 min read": the byline, date and read time, those of
// them in `parts` (ShowPart bits).
std::string meta_line(const Item& item, std::int64_t now_unix, const std::string& locale,
                      unsigned parts = show_byline | show_date | show_read_time);

}  // namespace carta
