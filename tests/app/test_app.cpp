// The App's state, driven as the platforms drive it, on a real OpenGL ES 3 context (Mesa's
// surfaceless EGL, as `carta shot`): refreshes, clicks against drags, pictures' states,
// context loss, fonts. Native only; run under ASan and UBSan by the sanitize preset.
#include <doctest/doctest.h>
#include <GLES3/gl3.h>
#include <imgui.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "app/app.h"
#include "draw/gl_renderer.h"
#include "platform/native/headless_gl.h"
#include "platform/native/native_assets.h"
#include "platform/native/pango_text.h"

using namespace carta;

namespace {

const char* kFeedUrl = "https://news.example/feed.json";

// A feed of `ids` (in that order), each with a picture and a URL made from its id.
std::string feed_of(const std::vector<std::string>& ids) {
  std::string items;
  for (const std::string& id : ids) {
    if (!items.empty()) items += ",";
    items += R"({"id":")" + id + R"(","url":"https://news.example/)" + id + R"(","title":"Story )" + id +
             R"(","summary":"What happened in story )" + id + R"(.","image":"https://img.example/)" + id +
             R"(.jpg","date_published":"2025-07-31T10:00:00Z"})";
  }
  return R"({"version":"https://jsonfeed.org/version/1.1","title":"Test","items":[)" + items + "]}";
}

struct Harness {
  native::HeadlessGl gl;
  std::unique_ptr<App> app;
  std::vector<std::string> requested, opened;
  std::vector<int> changes;
  std::vector<ChangeCause> causes;
  double t = 1;

  explicit Harness(float width = 800, float height = 420, float dpr = 1) {
    std::string error;
    REQUIRE_MESSAGE(gl.open(static_cast<int>(width * dpr), static_cast<int>(height * dpr), error), error);
    AppDesc desc;
    desc.width = width;
    desc.height = height;
    desc.dpr = dpr;
    desc.carousel.reduced_motion = true;  // moves land at once: no animation to wait for
    AppHooks hooks;
    hooks.request_image = [this](const std::string& url, int, int, int) { requested.push_back(url); };
    hooks.open = [this](const std::string& url, const std::string&, const char*) { opened.push_back(url); };
    hooks.changed = [this](int index, const std::string&, ChangeCause cause) {
      changes.push_back(index);
      causes.push_back(cause);
    };
    app = std::make_unique<App>(desc, std::move(hooks));
    REQUIRE_MESSAGE(native::load_fonts(*app, error), error);
  }
  FrameResult frame() { return app->frame(t += 0.5); }
  const HitRegion* hit(HitRegion::Kind kind, int index) const {
    for (const HitRegion& h : app->scene().hits)
      if (h.kind == kind && h.index == index) return &h;
    return nullptr;
  }
};

// Replaces the harness's App with one of the same size whose hooks are `hooks`.
void remake_app(Harness& h, AppHooks hooks) {
  AppDesc desc;
  desc.width = 800;
  desc.height = 420;
  desc.carousel.reduced_motion = true;
  h.app = std::make_unique<App>(desc, std::move(hooks));
  std::string error;
  REQUIRE_MESSAGE(native::load_fonts(*h.app, error), error);
  REQUIRE(h.app->set_feed(feed_of({"a", "b", "c"}), kFeedUrl));
  h.frame();
}

}  // namespace

TEST_CASE("a refresh that cannot be read keeps the good feed and the card; a good one keeps the card by id") {
  Harness h;
  REQUIRE(h.app->set_feed(feed_of({"a", "b", "c", "d", "e", "f"}), kFeedUrl));
  h.frame();
  h.app->go(3, h.t);
  h.frame();
  REQUIRE(h.app->current() == 3);

  std::string truncated = feed_of({"a", "b"}).substr(0, 60);
  CHECK_FALSE(h.app->set_feed(truncated, kFeedUrl));
  CHECK_FALSE(h.app->last_diagnostics().empty());
  CHECK(h.app->status() == FeedStatus::ready);
  CHECK(h.app->feed().feed.items.size() == 6);
  h.frame();
  CHECK(h.app->current() == 3);

  // The CMS put two new stories first: the reader stays on "d", now sixth.
  REQUIRE(h.app->set_feed(feed_of({"x", "y", "a", "b", "c", "d", "e", "f"}), kFeedUrl));
  h.frame();
  CHECK(h.app->current() == 5);
  CHECK(h.app->feed().feed.items[5].id == "d");
}

TEST_CASE("each change says its cause: the reader's key and click, autoplay, a refresh, the page's API") {
  Harness h;
  REQUIRE(h.app->set_feed(feed_of({"a", "b", "c", "d"}), kFeedUrl));
  h.frame();
  CHECK(h.changes.empty());  // where the reader starts is not a change

  h.app->key(Key::right, h.t);
  h.app->go(2, h.t, ChangeCause::api);
  h.frame();
  const HitRegion* dot = h.hit(HitRegion::Kind::dot, 0);
  REQUIRE(dot != nullptr);
  const float x = dot->rect.x + dot->rect.w / 2, y = dot->rect.y + dot->rect.h / 2;
  h.app->pointer_down(x, y, h.t);
  h.app->pointer_up(x, y, h.t + 0.05);
  // The CMS put a story first: the reader stays on "a", now second.
  REQUIRE(h.app->set_feed(feed_of({"x", "a", "b", "c", "d"}), kFeedUrl));
  CHECK(h.changes == std::vector<int>{1, 2, 0, 1});
  CHECK(h.causes == std::vector<ChangeCause>{ChangeCause::reader, ChangeCause::api, ChangeCause::reader, ChangeCause::feed});

  // Autoplay (reduced motion turns it off, so this App moves).
  std::vector<ChangeCause> causes;
  AppHooks hooks;
  hooks.changed = [&causes](int, const std::string&, ChangeCause cause) { causes.push_back(cause); };
  AppDesc desc;
  desc.carousel.autoplay_s = 1;
  h.app = std::make_unique<App>(desc, std::move(hooks));
  std::string error;
  REQUIRE_MESSAGE(native::load_fonts(*h.app, error), error);
  REQUIRE(h.app->set_feed(feed_of({"a", "b", "c"}), kFeedUrl));
  h.app->frame(10);
  h.app->frame(11.5);
  CHECK(causes == std::vector<ChangeCause>{ChangeCause::autoplay, ChangeCause::autoplay});
}

TEST_CASE("a click opens the card under the pointer; a drag over it moves the carousel and opens nothing") {
  Harness h;
  REQUIRE(h.app->set_feed(feed_of({"a", "b", "c", "d", "e"}), kFeedUrl));
  h.frame();
  const HitRegion* card = h.hit(HitRegion::Kind::card, 0);
  REQUIRE(card != nullptr);
  const float x = card->rect.x + card->rect.w / 2, y = card->rect.y + card->rect.h / 3;

  h.app->pointer_down(x, y, h.t);
  h.app->pointer_up(x, y, h.t + 0.1);
  REQUIRE(h.opened.size() == 1);
  CHECK(h.opened[0] == "https://news.example/a");

  h.opened.clear();
  h.app->pointer_down(x, y, h.t += 1);
  for (int step = 1; step <= 10; ++step) h.app->pointer_move(x - 40.f * step, y, h.t += 0.016);
  h.app->pointer_up(x - 400, y, h.t += 0.016);
  h.frame();
  h.frame();
  CHECK(h.opened.empty());
  CHECK(h.app->current() >= 1);
  CHECK_FALSE(h.changes.empty());
}

TEST_CASE("a press asks for no frame of its own unless it catches a card mid-slide; the release does") {
  Harness h;
  REQUIRE(h.app->set_feed(feed_of({"a", "b", "c", "d", "e"}), kFeedUrl));
  h.frame();
  const HitRegion* next = h.hit(HitRegion::Kind::next, -1);
  if (!next) next = h.hit(HitRegion::Kind::next, 0);
  REQUIRE(next != nullptr);
  const float bx = next->rect.x + next->rect.w / 2, by = next->rect.y + next->rect.h / 2;
  // The next button: the press draws nothing new, the release starts the slide.
  CHECK_FALSE(h.app->pointer_down(bx, by, h.t));
  CHECK(h.app->pointer_up(bx, by, h.t + 0.05));
  CHECK(h.app->current() == 1);
  // On a card at rest: nothing to draw until the pointer moves.
  h.frame();
  const HitRegion* card = h.hit(HitRegion::Kind::card, 1);
  REQUIRE(card != nullptr);
  const float cx = card->rect.x + card->rect.w / 2, cy = card->rect.y + card->rect.h / 3;
  CHECK_FALSE(h.app->pointer_down(cx, cy, h.t));
  h.app->pointer_leave(h.t);
  // On a card mid-slide: the frame must show the card held where the press caught it.
  h.app->set_reduced_motion(false, h.t);
  REQUIRE(h.app->key(Key::right, h.t));
  CHECK(h.app->pointer_down(cx, cy, h.t + 0.05));
}

TEST_CASE("pictures: each asked for once; a failed one is not asked again; a lost context asks again") {
  Harness h;
  REQUIRE(h.app->set_feed(feed_of({"a", "b", "c"}), kFeedUrl));
  h.frame();
  h.frame();
  REQUIRE(!h.requested.empty());
  const std::vector<std::string> first = h.requested;
  for (std::size_t i = 0; i < first.size(); ++i)
    for (std::size_t j = i + 1; j < first.size(); ++j) CHECK(first[i] != first[j]);

  h.app->image_failed(first[0]);
  h.frame();
  h.frame();
  CHECK(h.requested.size() == first.size());

  h.app->context_lost();
  h.app->context_restored();
  h.frame();
  CHECK(h.requested.size() == 2 * first.size());
  CHECK(h.app->image_bytes() == 0);
}

TEST_CASE("a new image budget deletes the textures it drops, and the pictures are asked for again") {
  Harness h;
  REQUIRE(h.app->set_feed(feed_of({"a", "b", "c"}), kFeedUrl));
  h.frame();
  REQUIRE(!h.requested.empty());
  const std::vector<std::string> first = h.requested;
  std::vector<unsigned> names;
  const std::vector<unsigned char> pixels(64 * 64 * 4, 200);
  for (const std::string& url : first) {
    Texture t;
    names.push_back(upload_rgba_texture(0, pixels.data(), 64, 64));
    t.id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(names.back()));
    t.width = t.height = 64;
    h.app->image_loaded(url, t);
  }
  CHECK(h.app->image_bytes() == first.size() * 64 * 64 * 4);
  for (unsigned name : names) CHECK(glIsTexture(name));
  h.app->set_image_budget(8u << 20);
  CHECK(h.app->image_bytes() == 0);
  for (unsigned name : names) CHECK_FALSE(glIsTexture(name));  // deleted, not just forgotten
  h.frame();
  CHECK(h.requested.size() == 2 * first.size());  // the cards still on screen ask again
}

TEST_CASE("an opaque picture covers its placeholder: the placeholder is not drawn under it") {
  // A fully transparent picture shows what is drawn under it: the placeholder when the
  // picture is not known to be opaque, the page's colour when it is said to be.
  auto pixel_under_picture = [](bool said_opaque) {
    Harness h;
    REQUIRE(h.app->set_feed(feed_of({"a", "b"}), kFeedUrl));
    h.frame();
    REQUIRE(!h.requested.empty());
    const std::vector<unsigned char> clear(64 * 64 * 4, 0);
    Texture t;
    t.id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(upload_rgba_texture(0, clear.data(), 64, 64)));
    t.width = t.height = 64;
    t.opaque = said_opaque;
    h.app->image_loaded(h.requested[0], t);
    h.frame();
    const Shape* picture = nullptr;
    for (const Shape& s : h.app->scene().shapes)
      if (s.kind == Shape::Kind::image && s.text == h.requested[0]) picture = &s;
    REQUIRE(picture);
    unsigned char rgba[4] = {};
    const int x = static_cast<int>(picture->rect.x + 16), y = static_cast<int>(picture->rect.y + 16);
    glReadPixels(x, 420 - 1 - y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, rgba);  // GL's rows count from the bottom
    const Theme& theme = h.app->theme();
    return std::vector<Color>{Color{rgba[0], rgba[1], rgba[2], 255}, theme.placeholder, theme.page};
  };
  auto same = [](Color a, Color b) { return std::abs(a.r - b.r) <= 2 && std::abs(a.g - b.g) <= 2 && std::abs(a.b - b.b) <= 2; };
  const std::vector<Color> maybe = pixel_under_picture(false), opaque = pixel_under_picture(true);
  CHECK_FALSE(same(maybe[1], maybe[2]));  // the test can tell them apart
  CHECK(same(maybe[0], maybe[1]));        // the placeholder under it
  CHECK(same(opaque[0], opaque[2]));      // the page's colour: no placeholder
}

TEST_CASE("a picture shown by the page: the frame cuts its hole and says where it goes") {
  Harness h;
  REQUIRE(h.app->set_feed(feed_of({"a", "b", "c"}), kFeedUrl));
  h.frame();
  REQUIRE(!h.requested.empty());
  CHECK(h.app->page_pictures().empty());
  h.app->image_in_page(h.requested[0]);
  CHECK(h.frame().page_pictures);
  REQUIRE(h.app->page_pictures().size() == 1);
  const PagePicture& p = h.app->page_pictures()[0];
  CHECK(p.url == h.requested[0]);
  CHECK(p.rect.w > 100);
  CHECK(p.rect.h > 50);
  CHECK(p.radius > 0);
}

TEST_CASE("widgets with the same fonts share one atlas; new fonts make a new one") {
  Harness a;
  REQUIRE(a.app->set_feed(feed_of({"a"}), kFeedUrl));
  a.frame();
  const int before = FontSet::shared_count();
  CHECK(before >= 1);
  {
    auto b = std::make_unique<App>(AppDesc{}, AppHooks{});
    std::string error;
    REQUIRE(native::load_fonts(*b, error));
    b->set_feed(feed_of({"b"}), kFeedUrl);
    b->frame(1);
    CHECK(FontSet::shared_count() == before);  // the same fonts: the same atlas
    b->resize(800, 420, 2);                    // another pixel ratio: other glyphs
    b->frame(2);
    CHECK(FontSet::shared_count() == before + 1);
  }
  CHECK(FontSet::shared_count() == before);  // freed with the last widget that used it
  a.frame();  // and the first widget still draws from its own
}

TEST_CASE("Latin glyphs beyond ASCII are rasterized when text wants them, into the one shared atlas") {
  const auto has = [](const App& app, ImWchar c) {
    return app.fonts().font(TextRole::headline)->FindGlyphNoFallback(c) != nullptr;
  };
  Harness plain;
  REQUIRE(plain.app->set_feed(feed_of({"a"}), kFeedUrl));
  plain.frame();
  const int before = FontSet::shared_count();
  CHECK_FALSE(has(*plain.app, 0x00E9));  // no feed asked for é yet: not rasterized
  Harness accents;
  std::string feed = feed_of({"b"});
  feed.replace(feed.find("Story b"), 7, "Caf\u00e9 in Z\u00fcrich, \u0141\u00f3d\u017a");
  REQUIRE(accents.app->set_feed(feed, kFeedUrl));
  accents.frame();
  for (ImWchar c : {0x00E9, 0x00FC, 0x0141, 0x00F3, 0x017A}) CHECK(has(*accents.app, c));
  // The atlas grew for every widget of the same fonts: still one, and the first widget
  // draws from it too.
  CHECK(FontSet::shared_count() == before);
  CHECK(plain.app->fonts().atlas() == accents.app->fonts().atlas());
  CHECK(has(*plain.app, 0x00E9));
  CHECK(plain.frame().drew);
}

TEST_CASE("a hook may destroy the App: changed and open run only once the call that raised them has returned") {
  // As a page's carta:change or carta:open listener that removes the widget. Before hook
  // calls were deferred, the App was freed inside its own key(), pointer_up() or frame():
  // ASan (the sanitize preset) reports the use after free.
  SUBCASE("changed, from key()") {
    Harness h;
    int calls = 0;
    AppHooks hooks;
    hooks.changed = [&h, &calls](int index, const std::string&, ChangeCause) {
      if (index == 0) return;  // the first card, reported once the feed is in
      ++calls;
      h.app.reset();
    };
    remake_app(h, std::move(hooks));
    h.app->key(Key::right, h.t += 0.1);  // card 1: the hook destroys the App
    CHECK(calls == 1);
    CHECK(h.app == nullptr);
  }
  SUBCASE("changed and open, from key(enter) and a click") {
    for (int way = 0; way < 2; ++way) {
      CAPTURE(way);
      Harness h;
      REQUIRE(h.app->set_feed(feed_of({"a", "b", "c"}), kFeedUrl));
      h.frame();
      const HitRegion* card = h.hit(HitRegion::Kind::card, 0);
      REQUIRE(card != nullptr);
      const float x = card->rect.x + card->rect.w / 2, y = card->rect.y + card->rect.h / 3;
      std::vector<std::string> opened;
      AppHooks hooks;
      hooks.open = [&h, &opened](const std::string& url, const std::string&, const char*) {
        opened.push_back(url);
        h.app.reset();
      };
      remake_app(h, std::move(hooks));
      if (way == 0) {
        h.app->key(Key::enter, h.t += 0.1);
      } else {
        h.app->pointer_down(x, y, h.t);
        h.app->pointer_up(x, y, h.t + 0.1);
      }
      REQUIRE(opened.size() == 1);
      CHECK(opened[0] == "https://news.example/a");
      CHECK(h.app == nullptr);
    }
  }
}

TEST_CASE("a widget's first frame rasterizes its atlas once, with the glyphs beyond ASCII its feed wants") {
  // Atlas ids count builds process-wide: a glyph no other test uses makes `probe` build
  // one, so the next build gets the next id.
  Harness probe;
  std::string feed = feed_of({"p"});
  feed.replace(feed.find("Story p"), 7, "\u014A");
  REQUIRE(probe.app->set_feed(feed, kFeedUrl));
  probe.frame();
  const std::uint64_t last = probe.app->fonts().atlas_id();
  // A device pixel ratio no other widget has: no atlas to share. Before the feed's glyphs
  // were asked for up front, the first frame built an ASCII atlas, found the scene wanting
  // more, and built it all again.
  Harness h(800, 420, 1.25f);
  feed = feed_of({"a", "b"});
  feed.replace(feed.find("Story a"), 7, "Caf\u00e9 \u2018a\u2019 \u2014 \u0127");
  REQUIRE(h.app->set_feed(feed, kFeedUrl));
  CHECK(h.app->fonts().atlas_id() == 0);  // nothing is rasterized before the first frame
  CHECK(h.frame().drew);
  CHECK(h.app->fonts().atlas_id() == last + 1);
}

TEST_CASE("prepare() builds the atlas a role at a time, and widgets starting together share the steps") {
  // A device pixel ratio no other test uses: no atlas to share.
  Harness a(800, 420, 1.75f), b(800, 420, 1.75f);
  REQUIRE(a.app->set_feed(feed_of({"a"}), kFeedUrl));
  REQUIRE(b.app->set_feed(feed_of({"b"}), kFeedUrl));
  int steps_a = 0, steps_b = 0;
  CHECK(a.app->prepare(a.t));  // one role's glyphs; more to do
  ++steps_a;
  CHECK(a.app->fonts().atlas() == nullptr);
  while (b.app->prepare(b.t) && steps_b < 50) ++steps_b;  // b moves the same build on
  while (a.app->prepare(a.t) && steps_a < 50) ++steps_a;
  // Seven distinct roles (status is set as body), then stacking; one build for both.
  CHECK(steps_a + steps_b == 8);
  REQUIRE(a.app->fonts().atlas() != nullptr);
  CHECK(a.app->fonts().atlas() == b.app->fonts().atlas());
  CHECK(a.frame().drew);
  CHECK(b.frame().drew);
  CHECK_FALSE(a.app->prepare(a.t));  // nothing left
}

TEST_CASE("a refresh with the same fonts and text keeps the atlas: nothing is rasterized again") {
  Harness h;
  std::string feed = feed_of({"a", "b"});
  feed.replace(feed.find("Story a"), 7, "Caf\u00e9 a");
  REQUIRE(h.app->set_feed(feed, kFeedUrl));
  h.frame();
  const std::uint64_t atlas = h.app->fonts().atlas_id();
  REQUIRE(atlas != 0);
  REQUIRE(h.app->set_feed(feed, kFeedUrl));  // the refresh: the same bytes again
  h.frame();
  CHECK(h.app->fonts().atlas_id() == atlas);
  std::string error;
  REQUIRE(native::load_fonts(*h.app, error));  // the page handing the same font files again
  h.frame();
  CHECK(h.app->fonts().atlas_id() == atlas);
}

TEST_CASE("an empty feed is ready once its card is drawn (carta:ready with count 0), a broken one never") {
  Harness h;
  REQUIRE(h.app->set_feed(R"({"version":"https://jsonfeed.org/version/1.1","title":"Quiet","items":[]})", kFeedUrl));
  FrameResult r = h.frame();
  CHECK(r.drew);
  CHECK(r.headline_visible);
  Harness broken;
  CHECK_FALSE(broken.app->set_feed("{\"version\":", kFeedUrl));
  CHECK_FALSE(broken.frame().headline_visible);
}

TEST_CASE("each card is drawn once into its layer; later frames, mid-drag ones too, show the same pixels from it") {
  Harness h(1000, 420, 1.5f);  // two cards in view, on a fractional device pixel ratio
  const int w = 1500, hgt = 630;
  REQUIRE(h.app->set_feed(feed_of({"a", "b", "c", "d", "e"}), kFeedUrl));
  h.frame();
  REQUIRE(!h.requested.empty());
  std::vector<unsigned char> stripes(64 * 64 * 4);  // a picture with edges that would blur
  for (std::size_t i = 0; i < stripes.size(); ++i) stripes[i] = (i / 4 % 2) ? 250 : static_cast<unsigned char>(i % 4 == 3 ? 255 : 20);
  Texture t;
  t.id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(upload_rgba_texture(0, stripes.data(), 64, 64)));
  t.width = t.height = 64;
  t.opaque = true;
  h.app->image_loaded(h.requested[0], t);
  auto pixels = [&] {
    std::vector<unsigned char> out(static_cast<std::size_t>(w) * hgt * 4);
    glReadPixels(0, 0, w, hgt, GL_RGBA, GL_UNSIGNED_BYTE, out.data());
    return out;
  };
  // Pixels further apart than blending's rounding (premultiplied or not): how many.
  auto differ = [](const std::vector<unsigned char>& a, const std::vector<unsigned char>& b) {
    int n = 0;
    for (std::size_t i = 0; i < a.size(); ++i) n += std::abs(a[i] - b[i]) > 3;
    return n;
  };
  h.frame();
  const int cards = h.app->card_layers().shown();
  CHECK(cards == 2);
  CHECK(h.app->card_layers().redrawn() == 1);  // the picture arrived: the first card again
  const std::vector<unsigned char> first = pixels();
  h.frame();
  CHECK(h.app->card_layers().redrawn() == 0);
  CHECK(h.app->card_layers().shown() == cards);
  CHECK(differ(pixels(), first) == 0);
  h.app->set_card_layers(false);
  h.frame();
  CHECK(h.app->card_layers().shown() == 0);
  CHECK(differ(pixels(), first) == 0);  // painted directly: the same picture

  // Mid-drag, by a distance that is no whole number of device pixels.
  h.app->set_card_layers(true);
  h.frame();
  h.app->pointer_down(500, 200, h.t);
  h.app->pointer_move(420, 200, h.t + 0.01);
  h.app->pointer_move(377.3f, 200, h.t + 0.02);
  h.frame();
  CHECK(h.app->card_layers().redrawn() <= 1);  // only a card the drag brings in
  const std::vector<unsigned char> dragged = pixels();
  CHECK(differ(dragged, first) > 1000);  // it did move
  h.app->set_card_layers(false);
  h.frame();
  CHECK(differ(pixels(), dragged) == 0);
}

TEST_CASE("a look that names both fonts draws with no font file of Carta's: every line is the platform's") {
  native::HeadlessGl gl;
  std::string error;
  REQUIRE_MESSAGE(gl.open(800, 420, error), error);
  AppDesc desc;
  desc.style = parse_style("--carta-font-headline: serif; --carta-font-text: sans-serif");
  App app(desc, AppHooks{});  // no load_fonts: not one TrueType file
  native::PangoText text;
  app.set_platform_text(&text);
  REQUIRE(app.set_feed(feed_of({"a", "b"}), kFeedUrl));
  CHECK(app.frame(1).drew);
  int lines = 0, atlas_lines = 0;
  for (const Shape& s : app.scene().shapes) {
    lines += s.kind == Shape::Kind::text_image;
    atlas_lines += s.kind == Shape::Kind::text;
  }
  CHECK(lines >= 6);  // category, headline, byline, summary of two cards
  CHECK(atlas_lines == 0);

  // Without the platform's text, or with a role in Carta's face, the atlas needs its files.
  AppDesc half;
  half.style = parse_style("--carta-font-headline: serif");
  App without(half, AppHooks{});
  REQUIRE(without.set_feed(feed_of({"a"}), kFeedUrl));
  CHECK_FALSE(without.frame(1).drew);
}
