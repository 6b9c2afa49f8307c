// The protocol between the page (web/carta/) and a widget: every number and every struct
// that crosses from JavaScript into C++ or back is declared here, once. The build writes
// web/carta/generated/protocol.js from these tables (src/platform/web/protocol_js.cpp, run
// under Node), so the page never types a number by hand; the ctest `protocol-js` fails when
// the committed file and the tables disagree.
//
// Adding a key: a row in CARTA_KEYS (and its case in App::key). Adding an input: its kind in
// InputKind and CARTA_INPUT_KINDS, and its case in carta_input. The page reads both by name.
#pragma once
#include <cstdint>

#include "app/app.h"
#include "core/carousel.h"
#include "core/layout.h"
#include "core/theme.h"
#include "draw/fonts.h"

namespace carta::protocol {

// Each list is X(JavaScript name, C++ value). The JavaScript object of a list is named in
// protocol_js.cpp; its members are these names with these values.

// Keys the widget takes, by their KeyboardEvent.key (an Input of kind key).
#define CARTA_KEYS(X) \
  X(ArrowLeft, Key::left) X(ArrowRight, Key::right) X(Home, Key::home) X(End, Key::end) X(Enter, Key::enter)

// Everything the page tells a widget about its reader and its box, one kind at a time
// (carta_input): the fields an Input holds for each kind are said beside it.
enum class InputKind : int {
  pointer_down,      // x, y: CSS px from the widget's top left
  pointer_move,      // x, y
  pointer_up,        // x, y
  pointer_leave,     // (also a cancelled pointer)
  wheel,             // x, y: the deltas in CSS px
  key,               // code: a Key
  go,                // code: the card; cause: a ChangeCause
  step,              // code: +1 the next card, -1 the previous; cause
  focus,             // code: a HitRegion::Kind, or -1 for none; index: the card; related: its related story
  pause,             // code: a PauseReason; index: 1 paused, 0 no longer for that reason
  reduced_motion,    // code: 1 the reader asks for less motion
  resize,            // x, y: the widget's CSS size; dpr
  context_lost,      // the browser took the WebGL context, or the page gave it back
  context_restored,  // it is back: GL objects are made again
  replace_context,   // move to a new context on the host's (new) canvas; answers taken when it could
  prepare,           // a step of the atlas (its budget runs from ms); answers more while steps remain
};
#define CARTA_INPUT_KINDS(X)                                                                                      \
  X(pointerDown, InputKind::pointer_down) X(pointerMove, InputKind::pointer_move)                                \
  X(pointerUp, InputKind::pointer_up) X(pointerLeave, InputKind::pointer_leave) X(wheel, InputKind::wheel)      \
  X(key, InputKind::key) X(go, InputKind::go) X(step, InputKind::step) X(focus, InputKind::focus)               \
  X(pause, InputKind::pause) X(reducedMotion, InputKind::reduced_motion) X(resize, InputKind::resize)           \
  X(contextLost, InputKind::context_lost) X(contextRestored, InputKind::context_restored)                       \
  X(replaceContext, InputKind::replace_context) X(prepare, InputKind::prepare)

struct Input {
  std::int32_t kind;  // an InputKind
  std::int32_t code;
  std::int32_t index;
  std::int32_t related;
  std::int32_t cause;
  float x, y, dpr;
  double ms;  // the page's clock (performance.now())
};
#define CARTA_INPUT_FIELDS(X)                                                                                     \
  X(kind, kind, i32) X(code, code, i32) X(index, index, i32) X(related, related, i32) X(cause, cause, i32)       \
  X(x, x, f32) X(y, y, f32) X(dpr, dpr, f32) X(ms, ms, f64)

// What carta_input answers, as bits: redraw (a frame is wanted), overLink (the pointer is
// over a link or button: the cursor), taken (the widget took a key or the wheel — the page
// must not act on it too — or replace_context succeeded), more (prepare has steps left: the
// page asks again in a task of its own).
enum InputResult : int { input_redraw = 1, input_over_link = 2, input_taken = 4, input_more = 8 };
#define CARTA_INPUT_RESULTS(X) \
  X(redraw, input_redraw) X(overLink, input_over_link) X(taken, input_taken) X(more, input_more)

// A picture the page was asked for (carta_image): decoded (its ImageBitmap handed over), shown
// by the page itself under the canvas, or failed.
#define CARTA_IMAGE_STATES(X) X(loaded, ImageState::loaded) X(inPage, ImageState::in_page) X(failed, ImageState::failed)

// What carta_json answers with (JSON, valid until the next call): the view now (the
// mirror's), the cards from `from` (find in page), where pictures the page shows go, the last
// feed's first error, and what the widgets cost.
enum class JsonKind : int { view, items, page_pictures, error, stats };
#define CARTA_JSON_KINDS(X)                                                                                       \
  X(view, JsonKind::view) X(items, JsonKind::items) X(pagePictures, JsonKind::page_pictures)                     \
  X(error, JsonKind::error) X(stats, JsonKind::stats)

// What carta_frame answers, as bits (App::FrameResult).
enum FrameBit : int { frame_drew = 1, frame_headline_visible = 2, frame_wants_next = 4, frame_page_pictures = 8 };
#define CARTA_FRAME_BITS(X) \
  X(drew, frame_drew) X(headlineVisible, frame_headline_visible) X(wantsNext, frame_wants_next) \
  X(pagePictures, frame_page_pictures)

// The regions of a card a mirror element stands for (data-kind; an Input of kind focus).
#define CARTA_HIT_KINDS(X)                                                                                      \
  X(card, HitRegion::Kind::card) X(related, HitRegion::Kind::related) X(prev, HitRegion::Kind::prev)            \
  X(next, HitRegion::Kind::next) X(dot, HitRegion::Kind::dot)

#define CARTA_PAUSE_REASONS(X)                                                                                  \
  X(hover, pause_hover) X(focus, pause_focus) X(hidden, pause_hidden) X(offscreen, pause_offscreen)             \
  X(user, pause_user)

// Rounded corners of a picture the page shows under the canvas (carta_json pagePictures).
#define CARTA_CORNERS(X)                                                                                        \
  X(topLeft, corner_top_left) X(topRight, corner_top_right) X(bottomLeft, corner_bottom_left)                    \
  X(bottomRight, corner_bottom_right)

// What the page hands a widget besides its feed (carta_asset): a font file (one face of one
// part), a language's words (assets/words/LANG.json; for every widget), or the browser's text
// stack, loaded (carta-text.js) for the scripts the atlas cannot draw.
enum class AssetKind : int { font, words, browser_text };
#define CARTA_ASSET_KINDS(X) X(font, AssetKind::font) X(words, AssetKind::words) X(browserText, AssetKind::browser_text)
// A font file is one face of one part.
#define CARTA_FACES(X) X(sans, Face::sans) X(sansBold, Face::sans_bold) X(serifBold, Face::serif_bold)
#define CARTA_FONT_PARTS(X) X(base, FontPart::base) X(ext, FontPart::latin_extended)

// Why the card in view changed (App::changed): the page announces the reader's own changes
// to screen readers and nothing else (WAI-ARIA carousel: rotation is not announced).
#define CARTA_CHANGE_CAUSES(X) \
  X(reader, ChangeCause::reader) X(autoplay, ChangeCause::autoplay) X(feed, ChangeCause::feed) X(api, ChangeCause::api)

// The partner's look: the host's custom properties the page hands to carta_set_theme are
// CARTA_STYLE_PROPERTIES (core/style.h).

// Whether `value`, from the page, is one of an enum's values in its list.
#define CARTA_PROTOCOL_IS(name, value) || v == static_cast<int>(value)
template <class E> bool known(int v);
template <> inline bool known<Key>(int v) { return false CARTA_KEYS(CARTA_PROTOCOL_IS); }
template <> inline bool known<HitRegion::Kind>(int v) { return false CARTA_HIT_KINDS(CARTA_PROTOCOL_IS); }
template <> inline bool known<ChangeCause>(int v) { return false CARTA_CHANGE_CAUSES(CARTA_PROTOCOL_IS); }
template <> inline bool known<InputKind>(int v) { return false CARTA_INPUT_KINDS(CARTA_PROTOCOL_IS); }

// Whether a change of this cause is announced (the live region says "Card 2 of 8: …").
constexpr bool announced(ChangeCause cause) { return cause == ChangeCause::reader; }

// What makes a widget (carta_create): written by the page into the module's memory at the
// offsets the generated layout gives (WIDGET_DESC in protocol.js), then read here.
// Strings are UTF-8 pointers into the module's memory, owned by the page for the call.
struct WidgetDesc {
  float width;         // CSS px
  float height;        // CSS px
  float dpr;
  std::int32_t dark;   // 1: the dark theme
  std::int32_t accent; // 0xRRGGBB, or -1 for the theme's own
  std::int32_t start;  // the first card in view
  double autoplay_ms;  // 0: none
  std::int32_t reduced_motion;
  std::int32_t loop;
  std::int32_t debug;  // the error card shows the diagnostic
  const char* locale;       // "" follows the feed
  const char* link_params;  // "utm_source=…"
};

// The fields of WidgetDesc for the generator: X(JavaScript name, member, type).
// Types: f32, f64, i32, str (a pointer to UTF-8 text).
#define CARTA_WIDGET_DESC(X)                                                                                    \
  X(width, width, f32) X(height, height, f32) X(dpr, dpr, f32) X(dark, dark, i32) X(accent, accent, i32)         \
  X(start, start, i32) X(autoplayMs, autoplay_ms, f64) X(reducedMotion, reduced_motion, i32) X(loop, loop, i32)  \
  X(debug, debug, i32) X(locale, locale, str) X(linkParams, link_params, str)

}  // namespace carta::protocol
