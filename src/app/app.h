// One carousel instance: the feed, the fonts, the images, the current card, and a frame
// function both platforms call (requestAnimationFrame on the web, a loop or a single shot
// natively). The platform owns the GL context and makes it current before calling in.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <map>

#include "core/carousel.h"
#include "core/feed.h"
#include "core/image_cache.h"
#include "core/layout.h"
#include "core/style.h"
#include "core/theme.h"
#include "draw/card_layers.h"
#include "draw/card_painter.h"
#include "draw/fonts.h"
#include "draw/gl_renderer.h"
#include "draw/text_engine.h"


namespace carta {

struct AppDesc {
  float width = 800;   // CSS px
  float height = 420;  // CSS px
  float dpr = 1;
  bool dark = false;
  std::optional<Color> accent;
  Style style;            // the partner's look (--carta-* properties)
  std::string locale;     // empty: the feed's language
  bool debug = false;     // the error card shows the feed's diagnostic, not the readers' sentence
  int start_index = 0;
  CarouselOptions carousel;
};

// Why the card in view changed: the reader's own input (a key, a click, a drag, the wheel,
// a mirror's button), autoplay, a new feed (a refresh), or the host page's API.
enum class ChangeCause { reader, autoplay, feed, api };

struct AppHooks {
  // Asked once per image URL (again if it was evicted and is needed again); answer with
  // App::image_loaded or App::image_failed. Decode it to cover `width` x `height` device
  // pixels — no larger, and no side above `max_side` (the GL texture limit).
  std::function<void(const std::string& url, int width, int height, int max_side)> request_image;
  // The card at the start of the view changed, and why.
  std::function<void(int index, const std::string& id, ChangeCause cause)> changed;
  // The reader asked to open an article ("card") or a related story ("related"). Called
  // inside the input event that caused it, so a browser lets the platform open a window.
  std::function<void(const std::string& url, const std::string& id, const char* kind)> open;
  // Reads a feed's bytes into the model; parse_feed (JSON Feed) when unset. The native tool
  // passes read_any_feed (src/xml), which reads RSS and Atom too.
  std::function<FeedResult(std::string_view bytes, std::string_view location, const FeedLimits& limits)> read_feed;
};

enum class Key { left, right, home, end, enter };

struct FrameResult {
  bool drew = false;               // something was painted (fonts were ready)
  bool headline_visible = false;   // the current card's headline is on screen (an empty feed: its card)
  bool wants_next_frame = false;   // an animation is running
  bool page_pictures = false;      // the page shows pictures under this frame, or did under the last
};


// A picture the page shows under the canvas, where the last frame cut its hole (CSS px).
struct PagePicture {
  std::string url;
  Rect rect;
  float radius = 0;
  unsigned corners = corner_all;
};

class App {
 public:
  App(const AppDesc& desc, AppHooks hooks);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // One face's TrueType file for one part of the glyphs (FontPart in draw/fonts.h).
  void set_font(Face face, std::vector<unsigned char> ttf, FontPart part = FontPart::base);
  // Reads a feed and shows it. When it cannot be shown and a good feed already is (a
  // refresh that caught the file mid-write), the good one stays; returns false either way.
  bool set_feed(std::string_view bytes, std::string_view location, const FeedLimits& limits = {});
  // The diagnostics of the last set_feed(), whether or not that feed is the one shown.
  const Diagnostics& last_diagnostics() const { return last_diagnostics_; }
  void set_feed_failure(std::string message);
  void resize(float width, float height, float dpr);
  void image_loaded(const std::string& url, Texture texture);
  void image_failed(const std::string& url);
  // The page shows this picture itself (it could not become a texture: no CORS); frames cut
  // a hole where it goes, and page_pictures() says where.
  void image_in_page(const std::string& url);
  const std::vector<PagePicture>& page_pictures() const { return page_pictures_; }
  void set_now(std::int64_t unix_seconds) { now_unix_ = unix_seconds; }
  // The GL context was lost (its objects are gone) / restored (recreate them): the same
  // card is drawn again, images are fetched again as they are needed.
  void context_lost();
  void context_restored();
  void set_reduced_motion(bool reduced, double seconds);
  // The platform's text stack, for paragraphs the font atlas cannot draw (other scripts,
  // emoji); nullptr leaves every paragraph to the atlas. The platform keeps it alive.
  void set_platform_text(PlatformText* platform) { text_.set_platform(platform); }
  // Campaign parameters ("utm_source=partner&…") for every story link of the feeds set from
  // now on: the links the page shows, and what open() hands to the platform.
  void set_link_params(std::string params) { link_params_ = std::move(params); }
  // The UI language ("en", "ar"...); empty follows the feed's own language.
  void set_locale(std::string locale) { desc_.locale = std::move(locale); }
  // GPU memory the decoded images may use together (default 48 MiB).
  void set_image_budget(std::size_t bytes);
  std::size_t image_bytes() const { return images_.bytes(); }

  // Draws with `theme` from the next frame (the reader's colour scheme, contrast or forced
  // colours changed); its type sizes must be the ones the App was made with.
  void set_theme(const Theme& theme);
  const Theme& theme() const { return theme_; }
  // Builds (or finds) the font atlas, with the glyphs the scene at `seconds` wants, now
  // rather than in the next frame, a step at a time (one role's glyphs), so the platform can
  // give each step a task of its own; frame() does it all at once when something changed.
  // True while steps remain: call it again.
  bool prepare(double seconds);
  // Builds and renders one frame into the current framebuffer (device pixels).
  FrameResult frame(double seconds);
  // Seconds until the next frame is needed (0: now, infinity: not until something happens).
  double next_wake(double seconds) const;

  // Input, in CSS px relative to the widget's top-left corner. Each returns true when the
  // view must be redrawn. A press alone changes nothing drawn (a button acts on release, a
  // drag on moving) unless it catches a card mid-slide: then the frame shows it held.
  bool pointer_down(float x, float y, double seconds);
  bool pointer_move(float x, float y, double seconds);
  bool pointer_up(float x, float y, double seconds);
  bool pointer_leave(double seconds);
  bool wheel(float dx, float dy, double seconds);  // false when the page should scroll instead
  bool key(Key key, double seconds);
  bool go(int index, double seconds, ChangeCause cause = ChangeCause::api);
  void set_paused(PauseReason reason, bool paused, double seconds);
  // True while the pointer is over something clickable (for the platform's cursor).
  bool pointer_over_link() const;
  // Keyboard focus is on this region's counterpart in the page's DOM mirror (or nowhere):
  // the canvas draws a focus ring around it.
  void set_focus(std::optional<HitRegion> focus) { focus_ = focus; }
  // What the last frame drew, for the platform's accessible mirror of it.
  const Scene& scene() const { return last_scene_; }
  const FontSet& fonts() const { return fonts_; }
  // Cards drawn from layers of their own (draw/card_layers.h); off, painted every frame.
  void set_card_layers(bool on) { layers_.set_enabled(on); }
  const CardLayers& card_layers() const { return layers_; }
  int per_view() const { return carousel_.per_view(); }
  // The size (CSS px) the first frame will ask the cards' pictures for: the page fetches and
  // scales the first ones before it (strip_picture).
  Rect picture_size() const;
  std::string locale() const;
  std::int64_t now_unix() const { return now_unix_; }

  const FeedResult& feed() const { return feed_; }
  FeedStatus status() const { return status_; }
  const std::string& failure() const { return failure_; }  // why the feed is not shown
  bool debug() const { return desc_.debug; }
  int current() const { return carousel_.index(); }
  int framebuffer_width() const;
  int framebuffer_height() const;

 private:
  // A right-to-left feed runs the other way: dragging to the right moves forward.
  bool right_to_left() const { return status_ == FeedStatus::ready && feed_.feed.right_to_left; }
  float along(float x) const { return right_to_left() ? -x : x; }
  // Hook calls (changed, open) wait until the outermost public call that raised them
  // returns: a hook may destroy this App (a page's listener that removes the widget), so
  // none may run while one of its methods is still on the stack.
  class Outward {
   public:
    explicit Outward(App& app) : app_(app) { ++app_.depth_; }
    ~Outward();
    Outward(const Outward&) = delete;
    Outward& operator=(const Outward&) = delete;

   private:
    App& app_;
  };
  void emit_open(const std::string& url, const std::string& id, const char* kind);
  void want_feed_glyphs();
  void ensure_fonts();
  void lay_out(double seconds);
  SceneInput scene_input(double seconds) const;
  void sync_layout(double seconds);
  void report_change(ChangeCause cause);
  void activate(const HitRegion& hit, double seconds);
  void release(const std::vector<CachedImage>& images);

  AppDesc desc_;
  AppHooks hooks_;
  int depth_ = 0;                              // public calls under way (Outward)
  std::vector<std::function<void()>> outgoing_;  // hook calls they raised, in order
  Theme theme_;
  FontParts font_files_;
  FontSet fonts_;
  TextEngine text_{fonts_, theme_};  // the atlas, and the platform's text for other scripts
  FrameDrawList draw_list_;
  CardLayers layers_;  // each card's pixels, drawn once
  bool fonts_dirty_ = true;
  GlRenderer renderer_;
  std::uint64_t uploaded_atlas_ = 0;  // the atlas (FontSet::atlas_id) in renderer_'s texture
  FeedResult feed_;
  std::string link_params_;
  Diagnostics last_diagnostics_;
  FeedStatus status_ = FeedStatus::loading;
  std::string failure_;
  Carousel carousel_;
  int reported_index_ = -1;
  std::string reported_id_;
  std::int64_t now_unix_ = 0;
  Scene last_scene_;               // what is on screen, for hit-testing input
  std::optional<HitRegion> hover_;
  std::optional<HitRegion> focus_;
  bool pointer_down_ = false;
  bool pressed_control_ = false;  // the press began on a button or dot
  double last_frame_ = -1;
  std::map<std::string, ImageState> image_states_;
  std::vector<PagePicture> page_pictures_;  // in the last frame
  ImageCache images_;
  Texture lookup_;  // the texture handed to the painter for the current lookup
  int max_texture_side_ = 0;
};

}  // namespace carta
