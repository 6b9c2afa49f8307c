// The widget's side of the protocol (app/protocol.h): the C functions the page layer
// (web/carta/) calls, and the JavaScript functions (EM_JS) the C++ side calls back. With
// web_text.cpp, the only C++ that mentions Emscripten.
//   [X] Several instances per module, one WebGL 2 context each; one shared font atlas.
//   [X] Images decoded by the browser (ImageBitmap) and uploaded here as textures.
//   [X] No file system, no exceptions, no main loop: the page drives frames on demand.
#include <emscripten/emmalloc.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5_webgl.h>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include <unistd.h>

#include "app/app.h"
#include "app/protocol.h"
#include "core/datetime.h"
#include "core/json_writer.h"
#include "core/marks.h"
#include "core/strings.h"
#include "platform/web/web_text.h"

// The JavaScript this file calls: src/platform/web/library.js.
extern "C" {
int carta_js_create_context(int host_id);
void carta_js_request_image(int host_id, const char* url, int width, int height, int max_side);
void carta_js_changed(int host_id, int index, const char* id, int cause, int announce);
void carta_js_open(int host_id, const char* url, const char* id, const char* kind);
int carta_js_upload_bitmap(int host_id, int bitmap_id);
}

using carta::protocol::known;

namespace {

struct Instance {
  int host_id = 0;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = 0;
  std::unique_ptr<carta::App> app;
  std::unique_ptr<carta::web::BrowserText> text;  // the browser's text, once carta-text.js is in
};

std::map<int, Instance>& instances() {
  static std::map<int, Instance> all;
  return all;
}

// Where a diagnostic is: line:column for a syntax error, else its JSON pointer.
std::string where(const carta::Diagnostic& d) {
  return d.line > 0 ? "line " + std::to_string(d.line) + ", column " + std::to_string(d.column) : d.pointer;
}

carta::Color rgb(int value) {
  return carta::Color{static_cast<std::uint8_t>(value >> 16), static_cast<std::uint8_t>(value >> 8),
                      static_cast<std::uint8_t>(value), 255};
}

Instance* current(int host_id) {
  auto it = instances().find(host_id);
  if (it == instances().end()) return nullptr;
  emscripten_webgl_make_context_current(it->second.context);
  return &it->second;
}

}  // namespace

extern "C" {

// Makes the widget `host_id` from the page's description (protocol.h); returns 1 when it is
// ready to draw, 0 when WebGL 2 is unavailable.
EMSCRIPTEN_KEEPALIVE int carta_create(int host_id, const carta::protocol::WidgetDesc* in) {
  Instance inst;
  inst.host_id = host_id;
  inst.context = carta_js_create_context(host_id);
  if (inst.context <= 0) return 0;
  emscripten_webgl_make_context_current(inst.context);
  carta::AppDesc desc;
  desc.width = in->width;
  desc.height = in->height;
  desc.dpr = in->dpr;
  desc.dark = in->dark != 0;
  if (in->accent >= 0) desc.accent = rgb(in->accent);
  desc.start_index = in->start;
  desc.debug = in->debug != 0;
  desc.locale = in->locale;
  desc.carousel.autoplay_s = in->autoplay_ms > 0 ? in->autoplay_ms / 1000.0 : 0;
  desc.carousel.reduced_motion = in->reduced_motion != 0;
  desc.carousel.loop = in->loop != 0;
  carta::AppHooks hooks;
  hooks.request_image = [host_id](const std::string& url, int width, int height, int max_side) {
    carta_js_request_image(host_id, url.c_str(), width, height, max_side);
  };
  hooks.changed = [host_id](int index, const std::string& id, carta::ChangeCause cause) {
    carta_js_changed(host_id, index, id.c_str(), static_cast<int>(cause), carta::protocol::announced(cause) ? 1 : 0);
  };
  hooks.open = [host_id](const std::string& url, const std::string& id, const char* kind) {
    carta_js_open(host_id, url.c_str(), id.c_str(), kind);
  };
  inst.app = std::make_unique<carta::App>(desc, std::move(hooks));
  inst.app->set_link_params(in->link_params);
  instances()[host_id] = std::move(inst);
  return 1;
}

// The reader's settings and the partner's look: dark (1) or light, more contrast, forced
// colours — when `forced` is 1 the four system colours (0xRRGGBB: Canvas, CanvasText,
// LinkText, ButtonText) are all the widget draws with, in the partner's shape and fonts —
// and `style`, the host's --carta-* properties as declarations (core/style.h). Answers the
// warnings, one a line: properties or values Carta cannot use, colour pairs under 4.5:1.
EMSCRIPTEN_KEEPALIVE const char* carta_set_theme(int host_id, int dark, int accent_rgb, int more_contrast, int forced,
                                                 int canvas, int canvas_text, int link_text, int button_text,
                                                 const char* style_text) {
  static std::string warned;
  warned.clear();
  Instance* inst = current(host_id);
  if (!inst) return "";
  std::vector<std::string> warnings;
  const carta::Style style = carta::parse_style(style_text ? style_text : "", &warnings);
  const carta::Theme look = carta::styled_theme(
      dark != 0, accent_rgb >= 0 ? std::optional<carta::Color>(rgb(accent_rgb)) : std::nullopt, style);
  carta::Theme theme = look;
  if (forced) {
    theme = carta::forced_colors_theme({rgb(canvas), rgb(canvas_text), rgb(link_text), rgb(button_text)});
    carta::keep_look(theme, look);
  } else {
    for (std::string& w : carta::contrast_warnings(look)) warnings.push_back(std::move(w));
    if (more_contrast) carta::strengthen_contrast(theme);
  }
  inst->app->set_theme(theme);
  for (const std::string& w : warnings) warned += w + "\n";
  return warned.c_str();
}

EMSCRIPTEN_KEEPALIVE void carta_destroy(int host_id) {
  if (Instance* inst = current(host_id)) {
    inst->app.reset();
    emscripten_webgl_destroy_context(inst->context);
    instances().erase(host_id);
  }
}

// The widget's feed (`bytes`, read by the core; `location` resolves its relative links), or,
// when `failure` is not null, why the page could not fetch it (the error card says it).
EMSCRIPTEN_KEEPALIVE void carta_feed(int host_id, const char* bytes, int length, const char* location,
                                     const char* failure) {
  Instance* inst = current(host_id);
  if (!inst) return;
  if (failure) inst->app->set_feed_failure(failure);
  else inst->app->set_feed(std::string_view(bytes, length), location);
}

// Something the page fetched or loaded for a widget (protocol::AssetKind): a font file (`face`
// and `part`: protocol::FACE, FONT_PART), a language's words (for every widget), or the
// browser's text stack (carta-text.js): paragraphs the atlas cannot draw go to it from the
// next frame on. Returns 1 when it was taken.
EMSCRIPTEN_KEEPALIVE int carta_asset(int host_id, int kind, int face, int part, const unsigned char* data,
                                     int length) {
  using carta::protocol::AssetKind;
  const std::string_view bytes(reinterpret_cast<const char*>(data), data ? static_cast<std::size_t>(length) : 0);
  if (kind == static_cast<int>(AssetKind::words)) return carta::add_ui_strings(bytes) ? 1 : 0;
  Instance* inst = current(host_id);
  if (!inst) return 0;
  if (kind == static_cast<int>(AssetKind::browser_text)) {
    inst->text = std::make_unique<carta::web::BrowserText>(host_id);
    inst->app->set_platform_text(inst->text.get());
    return 1;
  }
  if (kind != static_cast<int>(AssetKind::font) || part < 0 || part >= static_cast<int>(carta::FontPart::count) ||
      face < 0 || face >= static_cast<int>(carta::Face::count))
    return 0;
  inst->app->set_font(static_cast<carta::Face>(face), std::vector<unsigned char>(data, data + bytes.size()),
                      static_cast<carta::FontPart>(part));
  return 1;
}

// What became of a picture the widget asked for (protocol IMAGE): loaded (`bitmap` is the
// page's ImageBitmap to upload; `opaque`: it has no transparent pixel, as a JPEG), shown by
// the page itself under the canvas (its host sends no CORS headers), or failed.
EMSCRIPTEN_KEEPALIVE void carta_image(int host_id, const char* url, int state, int bitmap, int width, int height,
                                      int opaque) {
  Instance* inst = current(host_id);
  if (!inst) return;
  const int name = state == static_cast<int>(carta::ImageState::loaded) ? carta_js_upload_bitmap(host_id, bitmap) : 0;
  if (name > 0) {
    carta::Texture t;
    t.id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(name));
    t.width = width;
    t.height = height;
    t.opaque = opaque != 0;
    inst->app->image_loaded(url, t);
  } else if (state == static_cast<int>(carta::ImageState::in_page)) {
    inst->app->image_in_page(url);
  } else {
    inst->app->image_failed(url);
  }
}

// Draws one frame at the page's clock `milliseconds`, the reader's wall clock `unix_seconds`
// (for "2 h ago"); answers protocol::FrameBit bits (page_pictures: the page shows pictures
// under it, or did under the last one).
EMSCRIPTEN_KEEPALIVE int carta_frame(int host_id, double milliseconds, double unix_seconds) {
  Instance* inst = current(host_id);
  if (!inst) return 0;
  inst->app->set_now(static_cast<std::int64_t>(unix_seconds));
  carta::FrameResult r = inst->app->frame(milliseconds / 1000.0);
  using namespace carta::protocol;
  return (r.drew ? frame_drew : 0) | (r.headline_visible ? frame_headline_visible : 0) |
         (r.wants_next_frame ? frame_wants_next : 0) | (r.page_pictures ? frame_page_pictures : 0);
}

// Milliseconds until the next frame is needed: 0 now, -1 not until something happens.
EMSCRIPTEN_KEEPALIVE double carta_next_wake(int host_id, double milliseconds) {
  Instance* inst = current(host_id);
  if (!inst) return -1;
  double s = inst->app->next_wake(milliseconds / 1000.0);
  return s == carta::Carousel::kNever ? -1 : s * 1000.0;
}

}  // extern "C"

namespace {

// Moves the instance to a new context on the host's (new) canvas, made with the host's
// (new) attributes: its GL objects are deleted in the old one and made again in the new
// one, its pictures asked for again. False, on the old context still, when none can be made.
bool replace_context(Instance& inst) {
  inst.app->context_lost();
  const int fresh = carta_js_create_context(inst.host_id);
  if (fresh <= 0) {
    emscripten_webgl_make_context_current(inst.context);
    inst.app->context_restored();
    return false;
  }
  emscripten_webgl_destroy_context(inst.context);  // forgets it; the page gives it back
  inst.context = fresh;
  emscripten_webgl_make_context_current(fresh);
  inst.app->context_restored();
  return true;
}

// Keyboard focus in the mirror on a region's counterpart (or nowhere: the kind is -1).
void set_focus(carta::App& app, const carta::protocol::Input& in) {
  if (!known<carta::HitRegion::Kind>(in.code)) {
    app.set_focus(std::nullopt);
    return;
  }
  carta::HitRegion h;
  h.kind = static_cast<carta::HitRegion::Kind>(in.code);
  h.index = in.index;
  h.related = in.related;
  app.set_focus(h);
}

}  // namespace

extern "C" {

// One thing the page tells the widget (protocol::Input, by its kind); answers
// protocol::InputResult bits.
EMSCRIPTEN_KEEPALIVE int carta_input(int host_id, const carta::protocol::Input* in) {
  using namespace carta::protocol;
  Instance* inst = current(host_id);
  if (!inst || !known<InputKind>(in->kind)) return 0;
  carta::App& app = *inst->app;
  const double s = in->ms / 1000.0;
  const auto cause = known<carta::ChangeCause>(in->cause) ? static_cast<carta::ChangeCause>(in->cause) : carta::ChangeCause::api;
  bool redraw = false, taken = false, more = false;
  switch (static_cast<InputKind>(in->kind)) {
    case InputKind::pointer_down: redraw = app.pointer_down(in->x, in->y, s); break;
    case InputKind::pointer_move: redraw = app.pointer_move(in->x, in->y, s); break;
    case InputKind::pointer_up: redraw = app.pointer_up(in->x, in->y, s); break;
    case InputKind::pointer_leave: redraw = app.pointer_leave(s); break;
    case InputKind::wheel: redraw = taken = app.wheel(in->x, in->y, s); break;
    case InputKind::key: redraw = taken = known<carta::Key>(in->code) && app.key(static_cast<carta::Key>(in->code), s); break;
    case InputKind::go: redraw = app.go(in->code, s, cause); break;
    case InputKind::step: redraw = app.go(app.current() + (in->code < 0 ? -1 : 1), s, cause); break;
    case InputKind::focus: set_focus(app, *in); redraw = true; break;
    case InputKind::pause: app.set_paused(static_cast<carta::PauseReason>(in->code), in->index != 0, s); break;
    case InputKind::reduced_motion: app.set_reduced_motion(in->code != 0, s); redraw = true; break;
    case InputKind::resize: app.resize(in->x, in->y, in->dpr); redraw = true; break;
    case InputKind::context_lost: app.context_lost(); break;
    case InputKind::context_restored: app.context_restored(); redraw = true; break;
    case InputKind::replace_context: redraw = taken = replace_context(*inst); break;
    case InputKind::prepare: more = app.prepare(s); break;
  }
  return (redraw ? input_redraw : 0) | (app.pointer_over_link() ? input_over_link : 0) | (taken ? input_taken : 0) |
         (more ? input_more : 0);
}

}  // extern "C"

namespace {

using carta::JsonWriter;

JsonWriter& rect(JsonWriter& w, const carta::Rect& r) { return w.numbers({r.x, r.y, r.w, r.h}); }

// One card as the page's mirror and fallback list take it: everything the card says and,
// with a scene, where it is drawn (its box, its headline's lines, its related links).
void write_card(JsonWriter& w, const carta::Feed& feed, int index, std::int64_t now, const std::string& locale,
                const carta::Scene* scene) {
  using Kind = carta::HitRegion::Kind;
  const carta::Item& it = feed.items[index];
  w.open('{');
  w.key("index").integer(index).key("id").string(it.id).key("url").string(it.url);
  w.key("title").string(it.title).key("summary").string(it.summary).key("image").string(it.image);
  w.key("alt").string(it.image_alt).key("caption").string(it.image_caption).key("credit").string(it.image_credit);
  w.key("category").string(it.category).key("language").string(it.language).key("rtl").boolean(it.right_to_left);
  w.key("meta").string(carta::meta_line(it, now, locale));
  // The card's marks in its words ("Live", "Sponsored by …", "Opinion", "Video, 3:24"), as
  // the canvas draws them; a sponsored story's links say so too (rel="sponsored").
  w.key("marks").open('[');
  for (const carta::CardMark& m : carta::card_marks(it, locale)) w.string(m.text);
  w.close(']').key("sponsored").boolean(it.sponsored);
  w.key("avatar").string(it.authors.empty() ? std::string() : it.authors[0].avatar);
  if (scene) {
    for (const carta::HitRegion& h : scene->hits)
      if (h.kind == Kind::card && h.index == index) rect(w.key("rect"), h.rect);
    // The headline's and the summary's lines as drawn, and their boxes.
    for (auto [name, blocks] : {std::pair{"headline", &scene->headlines}, {"summaryText", &scene->summaries}})
      for (const carta::HeadlineText& t : *blocks) {
        if (t.index != index) continue;
        rect(w.key(name).open('{').key("rect"), t.rect).key("lines").open('[');
        for (const std::string& line : t.lines) w.string(line);
        w.close(']').close('}');
      }
  }
  w.key("related").open('[');
  for (std::size_t k = 0; k < it.related.size(); ++k) {
    const carta::RelatedItem& r = it.related[k];
    w.open('{').key("title").string(r.title).key("url").string(r.url).key("category").string(r.category);
    w.key("target").integer(r.item_index);
    // A related story in another language than its card's is tagged with its own.
    if (r.item_index >= 0 && feed.items[r.item_index].language != it.language)
      w.key("language").string(feed.items[r.item_index].language).key("rtl").boolean(feed.items[r.item_index].right_to_left);
    if (scene)
      for (const carta::HitRegion& rh : scene->hits)
        if (rh.kind == Kind::related && rh.index == index && rh.related == static_cast<int>(k)) rect(w.key("rect"), rh.rect);
    w.close('}');
  }
  w.close(']').close('}');
}



// What the last frame shows, as JSON, for the page's accessible DOM mirror: the feed's
// title, the cards in view with everything a card says (and its rectangle in CSS px),
// their related links, and the controls.
std::string view_json(Instance* inst) {
  if (!inst) return "{}";
  const carta::App& app = *inst->app;
  const carta::Feed& feed = app.feed().feed;
  const auto& hits = app.scene().hits;
  using Kind = carta::HitRegion::Kind;
  JsonWriter w;
  w.open('{');
  w.key("status").string(app.status() == carta::FeedStatus::ready    ? "ready"
                         : app.status() == carta::FeedStatus::failed ? "failed"
                                                                     : "loading");
  // Readers get the calm words of the status card; the diagnostic only in debug mode.
  w.key("message").string(app.status() == carta::FeedStatus::failed && app.debug() ? app.failure() : std::string());
  w.key("title").string(feed.title);
  w.key("language").string(app.locale());
  w.key("rtl").boolean(feed.right_to_left);
  w.key("count").integer(static_cast<long long>(feed.items.size()));
  w.key("index").integer(app.current());
  w.key("perView").integer(app.per_view());
  rect(w.key("picture"), app.picture_size());
  for (const carta::HitRegion& h : hits) {
    if (h.kind == Kind::prev) rect(w.key("prev"), h.rect);
    if (h.kind == Kind::next) rect(w.key("next"), h.rect);
  }
  w.key("dots").open('[');
  for (const carta::HitRegion& h : hits) {
    if (h.kind != Kind::dot) continue;
    rect(w.open('{').key("index").integer(h.index).key("rect"), h.rect).close('}');
  }
  w.close(']');
  w.key("cards").open('[');
  bool current_written = false;
  for (const carta::HitRegion& h : hits) {
    if (h.kind != Kind::card || h.index < 0 || h.index >= static_cast<int>(feed.items.size())) continue;
    write_card(w, feed, h.index, app.now_unix(), app.locale(), &app.scene());
    current_written = current_written || h.index == app.current();
  }
  // A key has just changed the card and no frame has drawn it yet: the mirror has its card
  // now (not yet placed), so keyboard focus moves with it and Enter opens what is focused.
  if (!current_written && app.current() >= 0 && app.current() < static_cast<int>(feed.items.size()))
    write_card(w, feed, app.current(), app.now_unix(), app.locale(), nullptr);
  w.close(']').close('}');
  return std::move(w.text);
}

// Every card of the feed from `from`, at most `count` of them, with what each says but not
// where it is drawn: the text the page keeps findable (Ctrl+F) for cards not in view.
// [card…].
std::string items_json(Instance* inst, int from, int count) {
  JsonWriter w;
  w.open('[');
  if (inst) {
    const carta::App& app = *inst->app;
    const carta::Feed& feed = app.feed().feed;
    const int end = std::min(static_cast<int>(feed.items.size()), from + std::max(0, count));
    for (int i = std::max(0, from); i < end; ++i) write_card(w, feed, i, app.now_unix(), app.locale(), nullptr);
  }
  w.close(']');
  return std::move(w.text);
}

// Where the last frame cut holes for the pictures the page shows under the canvas:
// [{url, rect: [x, y, w, h] (CSS px), radius, corners (carta::Corner bits)}].
std::string page_pictures_json(Instance* inst) {
  JsonWriter w;
  w.open('[');
  if (inst)
    for (const carta::PagePicture& p : inst->app->page_pictures())
      rect(w.open('{').key("url").string(p.url).key("rect"), p.rect).key("radius").number(p.radius)
          .key("corners").integer(p.corners).close('}');
  w.close(']');
  return std::move(w.text);
}

// What the widgets cost: {heapBytes, heapInUse, atlases, imageBytes}. The top of the
// WebAssembly heap (the most it has held, as the heap never shrinks), the bytes allocated in
// it now (emmalloc's own count: what a leak grows) and the font atlases are the page's,
// shared by every widget; imageBytes are the decoded pictures widget `host_id` keeps on
// the GPU (its LRU cache; 0 for an unknown id).
std::string stats_json(Instance* inst) {
  JsonWriter w;
  w.open('{').key("heapBytes").integer(static_cast<long long>(reinterpret_cast<std::uintptr_t>(sbrk(0))));
  w.key("heapInUse").integer(static_cast<long long>(emmalloc_dynamic_heap_size() - emmalloc_free_dynamic_memory()));
  w.key("atlases").integer(carta::FontSet::shared_count());
  w.key("imageBytes").integer(inst ? static_cast<long long>(inst->app->image_bytes()) : 0).close('}');
  return std::move(w.text);
}

// The first error of the last feed, for the page's carta:error event: {message, path}
// ("" when none; path is line:column for syntax errors, else the JSON pointer).
std::string error_json(Instance* inst) {
  const carta::Diagnostic* d = inst ? carta::first_error(inst->app->last_diagnostics()) : nullptr;
  JsonWriter w;
  w.open('{').key("message").string(d ? d->message : "").key("path").string(d ? where(*d) : "").close('}');
  return std::move(w.text);
}

}  // namespace

extern "C" {

// A feed read by the core for the page's plain-HTML list, when there is WebAssembly but no
// WebGL 2 (no widget instance, no GL): the same reader, words and dates as the canvas.
// {status, message, path, title, language, rtl, theme: {page, card, text, muted, accent,
// placeholder}, items: [card…]}; valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* carta_read_feed(const char* bytes, int length, const char* location,
                                                 const char* locale, double now_unix, const char* link_params, int dark) {
  static std::string text;
  carta::FeedResult r = carta::parse_feed(std::string_view(bytes, length), location);
  carta::add_link_params(r.feed, link_params);
  const carta::Diagnostic* e = carta::first_error(r.diagnostics);
  const std::string language = *locale ? locale : r.feed.language.empty() ? "en" : r.feed.language;
  JsonWriter w;
  w.open('{');
  w.key("status").string(r.ok() ? "ready" : "failed");
  w.key("message").string(e ? e->message : std::string());
  w.key("path").string(e ? where(*e) : std::string());
  w.key("title").string(r.feed.title).key("language").string(language).key("rtl").boolean(r.feed.right_to_left);
  // The canvas's colours, for the list's CSS.
  const carta::Theme theme = carta::make_theme(dark != 0);
  w.key("theme").open('{');
  for (auto [name, c] : {std::pair{"page", theme.page}, {"card", theme.card}, {"text", theme.text}, {"muted", theme.muted},
                         {"accent", theme.accent_text}, {"placeholder", theme.placeholder}}) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", c.r, c.g, c.b);
    w.key(name).string(hex);
  }
  w.close('}');
  w.key("items").open('[');
  for (int i = 0; r.ok() && i < static_cast<int>(r.feed.items.size()); ++i)
    write_card(w, r.feed, i, static_cast<std::int64_t>(now_unix), language, nullptr);
  w.close(']').close('}');
  text = std::move(w.text);
  return text.c_str();
}

// JSON of the widget (protocol::JsonKind; `from` and `count` for the items), valid until
// the next call.
EMSCRIPTEN_KEEPALIVE const char* carta_json(int host_id, int kind, int from, int count) {
  static std::string text;
  Instance* inst = current(host_id);
  switch (static_cast<carta::protocol::JsonKind>(kind)) {
    case carta::protocol::JsonKind::view: text = view_json(inst); break;
    case carta::protocol::JsonKind::items: text = items_json(inst, from, count); break;
    case carta::protocol::JsonKind::page_pictures: text = page_pictures_json(inst); break;
    case carta::protocol::JsonKind::error: text = error_json(inst); break;
    case carta::protocol::JsonKind::stats: text = stats_json(inst); break;
    default: text = "{}";
  }
  return text.c_str();
}

}  // extern "C"
