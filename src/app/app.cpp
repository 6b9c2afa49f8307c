#include "app/app.h"

#include <algorithm>
#include <cmath>

#include <GLES3/gl3.h>
#include <imgui.h>

#include "core/marks.h"

namespace carta {
namespace {

constexpr float kClickSlop = 6;  // CSS px a pointer may move and still count as a click

}  // namespace

App::App(const AppDesc& desc, AppHooks hooks) : desc_(desc), hooks_(std::move(hooks)), carousel_(desc.carousel) {
  theme_ = styled_theme(desc.dark, desc.accent, desc.style);
  renderer_.start();  // no ImGui context: the widget draws ImDrawLists, nothing else of ImGui
}

App::~App() {
  release(images_.clear());
  delete_textures(text_.forget_images());
  layers_.release();
  renderer_.shut_down();
}

void App::set_font(Face face, std::vector<unsigned char> ttf, FontPart part) {
  font_files_[static_cast<int>(part)][static_cast<int>(face)] = std::move(ttf);
  fonts_dirty_ = true;
}

bool App::set_feed(std::string_view bytes, std::string_view location, const FeedLimits& limits) {
  Outward outward(*this);
  FeedResult next = hooks_.read_feed ? hooks_.read_feed(bytes, location, limits) : parse_feed(bytes, location, limits);
  add_link_params(next.feed, link_params_);
  last_diagnostics_ = next.diagnostics;
  if (!next.ok() && status_ == FeedStatus::ready) return false;  // the last good feed stays
  // A refreshed feed keeps the reader on the same article when it is still there.
  std::string current_id;
  if (status_ == FeedStatus::ready && carousel_.index() < static_cast<int>(feed_.feed.items.size()))
    current_id = feed_.feed.items[carousel_.index()].id;
  const bool first_feed = status_ == FeedStatus::loading;
  feed_ = std::move(next);
  hover_.reset();
  if (feed_.ok()) {
    status_ = FeedStatus::ready;
    failure_.clear();
    int start = first_feed ? desc_.start_index : 0;
    for (std::size_t i = 0; i < feed_.feed.items.size() && !current_id.empty(); ++i)
      if (feed_.feed.items[i].id == current_id) start = static_cast<int>(i);
    sync_layout(last_frame_ < 0 ? 0 : last_frame_);
    carousel_.jump(start);
    if (first_feed && !feed_.feed.items.empty()) {  // where the reader starts is not a change
      reported_index_ = carousel_.index();
      reported_id_ = feed_.feed.items[reported_index_].id;
    }
    report_change(ChangeCause::feed);
    if (!fonts_.ready()) want_feed_glyphs();
    return true;
  }
  status_ = FeedStatus::failed;
  failure_ = format_diagnostic(*first_error(feed_.diagnostics));
  return false;
}

// Before the first atlas is built, the glyphs beyond ASCII the feed's cards and the
// layout's own marks will want: otherwise the first frame finds them missing and the whole
// atlas is rasterized a second time (the largest part of start-up, twice).
void App::want_feed_glyphs() {
  fonts_.want_glyphs("\xE2\x80\xA6\xC2\xB7");  // the ellipsis of cut lines, the byline's separator
  for (const Item& item : feed_.feed.items) {
    for (const std::string* text : {&item.title, &item.summary, &item.category, &item.image_caption, &item.image_credit})
      fonts_.want_glyphs(*text);
    for (const Author& author : item.authors) fonts_.want_glyphs(author.name);
    for (const CardMark& mark : card_marks(item, locale())) fonts_.want_glyphs(mark.text);
    for (const RelatedItem& related : item.related) {
      fonts_.want_glyphs(related.title);
      fonts_.want_glyphs(related.category);
    }
  }
}

void App::set_image_budget(std::size_t bytes) {
  release(images_.clear());  // their textures are deleted, not dropped
  images_ = ImageCache(bytes);
}

void App::set_theme(const Theme& theme) {
  bool partner_fonts = false;
  for (int r = 0; r < static_cast<int>(TextRole::count); ++r)
    partner_fonts |= !theme.type[r].family.empty() || !theme_.type[r].family.empty();
  theme_ = theme;  // line images are keyed by colour: the old ones age out of their cache…
  // … but not by font: with the partner's fonts, lines are set again (a web font that has
  // loaded since, or another family).
  if (partner_fonts) text_.restyle();
}

void App::set_feed_failure(std::string message) {
  Outward outward(*this);
  status_ = FeedStatus::failed;
  failure_ = std::move(message);
}

void App::resize(float width, float height, float dpr) {
  Outward outward(*this);
  if (dpr != desc_.dpr) fonts_dirty_ = true;  // glyphs are rasterized per device pixel ratio
  desc_.width = width;
  desc_.height = height;
  desc_.dpr = dpr;
}

void App::image_loaded(const std::string& url, Texture texture) {
  image_states_[url] = ImageState::loaded;
  CachedImage entry;
  entry.url = url;
  entry.handle = static_cast<std::uint64_t>(reinterpret_cast<std::intptr_t>(texture.id));
  entry.width = texture.width;
  entry.height = texture.height;
  entry.opaque = texture.opaque;
  release(images_.insert(std::move(entry)));
}

// Deletes evicted textures; an evicted image still on screen is requested again.
void App::release(const std::vector<CachedImage>& images) {
  std::vector<std::uint64_t> names;
  for (const CachedImage& image : images) {
    names.push_back(image.handle);
    if (!images_.use(image.url)) image_states_.erase(image.url);
  }
  delete_textures(names);
}

void App::image_failed(const std::string& url) { image_states_[url] = ImageState::failed; }

void App::image_in_page(const std::string& url) { image_states_[url] = ImageState::in_page; }

int App::framebuffer_width() const { return static_cast<int>(std::lround(desc_.width * desc_.dpr)); }
int App::framebuffer_height() const { return static_cast<int>(std::lround(desc_.height * desc_.dpr)); }

void App::ensure_fonts() {
  if (!fonts_dirty_) return;
  if (!fonts_.build(font_files_, theme_, desc_.dpr)) return;  // wait for every base face
  fonts_dirty_ = false;
}

void App::sync_layout(double seconds) {
  int count = status_ == FeedStatus::ready ? static_cast<int>(feed_.feed.items.size()) : 0;
  StripMetrics strip = strip_metrics(desc_.width, count, theme_.geometry);
  carousel_.set_layout(count, strip.per_view, strip.stride, seconds);
}

App::Outward::~Outward() {
  if (--app_.depth_ > 0) return;
  std::vector<std::function<void()>> calls;
  calls.swap(app_.outgoing_);
  // From here on nothing touches app_: the first call may have destroyed it.
  for (std::function<void()>& call : calls) call();
}

void App::emit_open(const std::string& url, const std::string& id, const char* kind) {
  if (!hooks_.open) return;
  outgoing_.push_back([open = hooks_.open, url, id, kind] { open(url, id, kind); });
}

void App::report_change(ChangeCause cause) {
  if (status_ != FeedStatus::ready || feed_.feed.items.empty()) return;
  int index = carousel_.index();
  const std::string& id = feed_.feed.items[index].id;
  if (index == reported_index_ && id == reported_id_) return;
  reported_index_ = index;
  reported_id_ = id;
  if (hooks_.changed) outgoing_.push_back([changed = hooks_.changed, index, id, cause] { changed(index, id, cause); });
}

SceneInput App::scene_input(double seconds) const {
  SceneInput in;
  in.status = status_;
  in.feed = &feed_.feed;
  in.message = desc_.debug ? failure_ : std::string();
  in.width = desc_.width;
  in.height = desc_.height;
  in.current = carousel_.index();
  in.position = carousel_.position(seconds);
  in.now_unix = now_unix_;
  in.locale = locale();
  in.hover = hover_ ? &*hover_ : nullptr;
  in.focus = focus_ ? &*focus_ : nullptr;
  in.loop = carousel_.options().loop;
  in.dpr = desc_.dpr;
  in.pictures = &image_states_;
  return in;
}

Rect App::picture_size() const {
  return strip_picture(desc_.width, desc_.height, static_cast<int>(feed_.feed.items.size()), theme_.geometry);
}

bool App::prepare(double seconds) {
  Outward outward(*this);
  if (fonts_dirty_) {
    if (fonts_.build(font_files_, theme_, desc_.dpr, 1)) fonts_dirty_ = false;
    else if (fonts_.building()) return true;
  }
  sync_layout(seconds);
  lay_out(seconds);
  return false;
}

// The scene at `seconds`. When its text wants Latin glyphs the atlas lacks, the atlas is
// made again with them and the scene laid out once more (widths depend on the glyphs).
void App::lay_out(double seconds) {
  last_scene_ = build_scene(scene_input(seconds), theme_, text_);
  if (!fonts_.ready()) return;
  bool missing = false;
  for (const Shape& s : last_scene_.shapes)
    if (s.kind == Shape::Kind::text && fonts_.want_glyphs(s.text)) missing = true;
  if (!missing) return;
  fonts_dirty_ = true;
  ensure_fonts();
  last_scene_ = build_scene(scene_input(seconds), theme_, text_);
}

FrameResult App::frame(double seconds) {
  Outward outward(*this);
  FrameResult result;
  ensure_fonts();
  sync_layout(seconds);
  if (carousel_.update(seconds)) report_change(carousel_.autoplayed() ? ChangeCause::autoplay : ChangeCause::reader);
  last_frame_ = seconds;

  glViewport(0, 0, framebuffer_width(), framebuffer_height());
  const Color clear = theme_.page;
  glClearColor(clear.r / 255.f, clear.g / 255.f, clear.b / 255.f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (!fonts_.ready() || !renderer_.started()) return result;

  lay_out(seconds);  // may make a new atlas with glyphs the scene wants
  ImFontAtlas& atlas = *fonts_.atlas();
  if (uploaded_atlas_ != fonts_.atlas_id()) {
    renderer_.upload_font(atlas);
    uploaded_atlas_ = fonts_.atlas_id();
  }
  // The atlas is shared by the page's widgets; its texture in this widget's context is this.
  atlas.SetTexID(renderer_.font_texture());
  ImDrawList& draw = draw_list_.begin(atlas, static_cast<float>(framebuffer_width()),
                                      static_cast<float>(framebuffer_height()));
  if (max_texture_side_ == 0) {
    const int side = max_texture_size();
    max_texture_side_ = side > 0 ? side : 2048;
  }
  auto request = [&](const std::string& url, float w, float h) {
    if (image_states_.count(url)) return;
    image_states_[url] = ImageState::requested;
    if (hooks_.request_image)
      hooks_.request_image(url, static_cast<int>(std::ceil(w * desc_.dpr)), static_cast<int>(std::ceil(h * desc_.dpr)),
                           max_texture_side_);
  };
  for (const Shape& s : last_scene_.shapes)
    if (s.kind == Shape::Kind::image) request(s.text, s.rect.w, s.rect.h);
  // Authors' faces are drawn once they have arrived: asked for while not yet drawn.
  for (const std::string& url : last_scene_.small_pictures) request(url, 40, 40);
  const bool had_page_pictures = !page_pictures_.empty();
  page_pictures_.clear();
  for (const Shape& s : last_scene_.shapes) {
    if (s.kind != Shape::Kind::image) continue;
    auto state = image_states_.find(s.text);
    if (state != image_states_.end() && state->second == ImageState::in_page)
      page_pictures_.push_back({s.text, s.rect, s.radius, s.corners});
  }
  layers_.paint(draw, last_scene_, fonts_, [this](const std::string& url) -> const Texture* {
    auto state = image_states_.find(url);
    if (state != image_states_.end() && state->second == ImageState::in_page) {
      lookup_ = Texture();
      lookup_.in_page = true;
      return &lookup_;
    }
    const CachedImage* image = images_.use(url);
    if (!image) return nullptr;
    lookup_ = Texture();  // not in_page, as a lookup before it may have left it
    lookup_.id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(image->handle));
    lookup_.width = image->width;
    lookup_.height = image->height;
    lookup_.opaque = image->opaque;
    return &lookup_;
  }, [this](const Shape& line) { return text_.image(line, desc_.dpr); }, erase_blend, renderer_, fonts_.atlas_id(),
                max_texture_side_);
  renderer_.render(*draw_list_.draw_data(), framebuffer_width(), framebuffer_height());
  delete_textures(text_.take_evicted());  // line images the frame no longer drew
  result.drew = true;
  // An empty feed is ready once its own card ("No articles yet") is on screen.
  result.headline_visible = status_ == FeedStatus::ready && (last_scene_.headline_visible || feed_.feed.items.empty());
  result.wants_next_frame = carousel_.animating(seconds);
  result.page_pictures = had_page_pictures || !page_pictures_.empty();
  return result;
}

double App::next_wake(double seconds) const { return carousel_.next_wake(seconds); }

void App::activate(const HitRegion& hit, double seconds) {
  const auto& items = feed_.feed.items;
  switch (hit.kind) {
    case HitRegion::Kind::prev: carousel_.prev(seconds); break;
    case HitRegion::Kind::next: carousel_.next(seconds); break;
    case HitRegion::Kind::dot: carousel_.go(hit.index, seconds); break;
    case HitRegion::Kind::card:
      if (hit.index >= 0 && hit.index < static_cast<int>(items.size()) && !items[hit.index].url.empty())
        emit_open(items[hit.index].url, items[hit.index].id, "card");
      break;
    case HitRegion::Kind::related: {
      if (hit.index < 0 || hit.index >= static_cast<int>(items.size())) break;
      const auto& related = items[hit.index].related;
      if (hit.related < 0 || hit.related >= static_cast<int>(related.size())) break;
      const RelatedItem& r = related[hit.related];
      if (r.item_index >= 0) {
        carousel_.go(r.item_index, seconds);  // in this feed: bring it into view instead
      } else if (!r.url.empty()) {
        emit_open(r.url, items[hit.index].id, "related");
      }
      break;
    }
  }
  carousel_.set_paused(pause_user, false, seconds);
  report_change(ChangeCause::reader);
}

bool App::pointer_down(float x, float y, double seconds) {
  Outward outward(*this);
  if (status_ != FeedStatus::ready) return false;
  pointer_down_ = true;
  // A press on a button or a dot is a click, never the start of a drag: a drag would catch
  // the running slide and a quick second click on "next" would be lost.
  const HitRegion* hit = hit_test(last_scene_, x, y);
  pressed_control_ = hit && (hit->kind == HitRegion::Kind::prev || hit->kind == HitRegion::Kind::next ||
                             hit->kind == HitRegion::Kind::dot);
  if (pressed_control_) return false;
  const bool caught = carousel_.animating(seconds);
  carousel_.drag_begin(along(x), seconds);
  return caught;
}

bool App::pointer_move(float x, float y, double seconds) {
  Outward outward(*this);
  if (pointer_down_ && pressed_control_) return false;
  if (pointer_down_) {
    carousel_.drag_move(along(x), seconds);
    if (carousel_.drag_distance() > kClickSlop) hover_.reset();
    return carousel_.drag_distance() > 0;
  }
  const HitRegion* hit = hit_test(last_scene_, x, y);
  std::optional<HitRegion> next;
  if (hit && hit->kind != HitRegion::Kind::card) next = *hit;  // cards show no hover; links and buttons do
  bool changed = next.has_value() != hover_.has_value() ||
                 (next && (next->kind != hover_->kind || next->index != hover_->index || next->related != hover_->related));
  hover_ = next;
  carousel_.set_paused(pause_hover, true, seconds);
  return changed;
}

bool App::pointer_up(float x, float y, double seconds) {
  Outward outward(*this);
  if (!pointer_down_) return false;
  pointer_down_ = false;
  bool was_click = pressed_control_ || carousel_.drag_distance() <= kClickSlop;
  if (!pressed_control_) carousel_.drag_end(seconds);
  pressed_control_ = false;
  if (was_click) {
    if (const HitRegion* hit = hit_test(last_scene_, x, y)) {
      HitRegion copy = *hit;  // activation may rebuild the scene
      activate(copy, seconds);
    }
  }
  report_change(ChangeCause::reader);
  return true;
}

bool App::pointer_leave(double seconds) {
  Outward outward(*this);
  carousel_.set_paused(pause_hover, false, seconds);
  if (pointer_down_) {
    pointer_down_ = false;
    if (!pressed_control_) carousel_.drag_end(seconds);
    pressed_control_ = false;
    report_change(ChangeCause::reader);
  }
  bool had = hover_.has_value();
  hover_.reset();
  return had;
}

bool App::wheel(float dx, float dy, double seconds) {
  Outward outward(*this);
  if (status_ != FeedStatus::ready) return false;
  // Only a mostly horizontal gesture belongs to the carousel; vertical scrolls the page.
  if (std::fabs(dx) <= std::fabs(dy) || dx == 0) return false;
  carousel_.wheel(right_to_left() ? -dx : dx, seconds);
  return true;
}

bool App::key(Key k, double seconds) {
  Outward outward(*this);
  if (status_ != FeedStatus::ready || feed_.feed.items.empty()) return false;
  bool handled = true;
  switch (k) {
    // In a right-to-left carousel the next card is on the left.
    case Key::left: right_to_left() ? carousel_.next(seconds) : carousel_.prev(seconds); break;
    case Key::right: right_to_left() ? carousel_.prev(seconds) : carousel_.next(seconds); break;
    case Key::home: carousel_.go(0, seconds); break;
    case Key::end: carousel_.go(carousel_.last_index(), seconds); break;
    case Key::enter: {
      const Item& item = feed_.feed.items[carousel_.index()];
      if (!item.url.empty()) emit_open(item.url, item.id, "card");
      else handled = false;
      break;
    }
  }
  report_change(ChangeCause::reader);
  return handled;
}

bool App::go(int index, double seconds, ChangeCause cause) {
  Outward outward(*this);
  sync_layout(seconds);
  bool moved = carousel_.go(index, seconds);
  report_change(cause);
  return moved;
}

// The context is gone (the browser took it, or the page lent it to another widget): every
// GL object died with it. Deleting the names does nothing on a lost context but frees them
// for reuse; the backend is made afresh when the context comes back.
void App::context_lost() {
  std::vector<std::uint64_t> names = text_.forget_images();
  for (const CachedImage& image : images_.clear()) names.push_back(image.handle);
  delete_textures(names);
  image_states_.clear();  // pictures are asked for again when drawn
  layers_.release();
  renderer_.shut_down();
  uploaded_atlas_ = 0;
}

void App::context_restored() {
  if (renderer_.started()) return;
  renderer_.start();  // the next frame uploads the font texture again
  max_texture_side_ = 0;
}

void App::set_reduced_motion(bool reduced, double seconds) {
  Outward outward(*this);
  CarouselOptions o = carousel_.options();
  o.reduced_motion = reduced;
  carousel_.set_options(o, seconds);
}

void App::set_paused(PauseReason reason, bool paused, double seconds) { carousel_.set_paused(reason, paused, seconds); }

bool App::pointer_over_link() const { return hover_.has_value(); }

std::string App::locale() const {
  if (!desc_.locale.empty()) return desc_.locale;
  return feed_.feed.language.empty() ? "en" : feed_.feed.language;
}

}  // namespace carta
