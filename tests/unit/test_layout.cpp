// Card layout: what is visible where, for a size, and what a pointer hits.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/datetime.h"
#include "core/layout.h"
#include "core/style.h"
#include "fake_measure.h"

using namespace carta;

namespace {

Feed sample_feed(int count) {
  Feed f;
  for (int i = 0; i < count; ++i) {
    Item it;
    it.id = "item-" + std::to_string(i);
    it.url = "https://news.example/" + it.id;
    it.title = "Headline number " + std::to_string(i);
    it.summary = "A summary that is long enough to wrap over a few lines in a narrow card layout.";
    it.image = "https://news.example/" + it.id + ".jpg";
    it.image_caption = "Caption";
    it.category = "Syria";
    it.authors.push_back({"Antoine Khoury", "", ""});
    it.published = parse_rfc3339("2025-07-31T15:20:00+03:00");
    f.items.push_back(it);
  }
  if (count > 1) f.items[0].related.push_back({1, f.items[1].url, f.items[1].title, "Lebanon", "", ""});
  return f;
}

// A feed that has been read, shown in a widget of width x height.
SceneInput ready_input(const Feed& f, float width, float height) {
  SceneInput in;
  in.status = FeedStatus::ready;
  in.feed = &f;
  in.width = width;
  in.height = height;
  return in;
}


bool has_text(const Scene& s, const std::string& text) {
  return std::any_of(s.shapes.begin(), s.shapes.end(),
                     [&](const Shape& sh) { return sh.kind == Shape::Kind::text && sh.text == text; });
}

int count_kind(const Scene& s, HitRegion::Kind kind) {
  return static_cast<int>(std::count_if(s.hits.begin(), s.hits.end(), [&](const HitRegion& h) { return h.kind == kind; }));
}

}  // namespace

TEST_CASE("cards per view by width") {
  CHECK(cards_per_view(320) == 1);
  CHECK(cards_per_view(599) == 1);
  CHECK(cards_per_view(600) == 2);
  CHECK(cards_per_view(1000) == 2);
  CHECK(cards_per_view(1001) == 3);
}

TEST_CASE("cover crop fills the target and keeps the aspect ratio") {
  Rect wide = cover_crop(1600, 900, {0, 0, 400, 400});  // crop the sides
  CHECK(wide.y == 0);
  CHECK(wide.h == 1);
  CHECK(wide.w == doctest::Approx(900.0 / 1600.0));
  CHECK(wide.x == doctest::Approx((1 - 900.0 / 1600.0) / 2));
  Rect tall = cover_crop(600, 1200, {0, 0, 400, 225});  // crop top and bottom
  CHECK(tall.w == 1);
  CHECK(tall.h == doctest::Approx((600.0 / 1200.0) / (400.0 / 225.0)));
  Rect same = cover_crop(1600, 900, {0, 0, 320, 180});
  CHECK(same.w == doctest::Approx(1));
  CHECK(same.h == doctest::Approx(1));
  Rect none = cover_crop(0, 0, {0, 0, 10, 10});
  CHECK(none.w == 1);
}

TEST_CASE("the first card shows category, headline, byline, date, read time, image and caption") {
  Feed f = sample_feed(3);
  SceneInput in = ready_input(f, 800, 450);
  FixedMeasure m;
  m.advance = 6;
  Scene s = build_scene(in, make_theme(false), m);
  CHECK(s.headline_visible);
  CHECK(has_text(s, "SYRIA"));
  CHECK(has_text(s, "Antoine Khoury  \xC2\xB7  31 Jul 2025  \xC2\xB7  1 min read"));
  CHECK(std::any_of(s.shapes.begin(), s.shapes.end(),
                    [&](const Shape& sh) { return sh.kind == Shape::Kind::image && sh.text == f.items[0].image; }));
  CHECK(has_text(s, "Caption"));
  CHECK(count_kind(s, HitRegion::Kind::card) == 2);  // two per view at 800 px
  CHECK(count_kind(s, HitRegion::Kind::prev) == 1);
  CHECK(count_kind(s, HitRegion::Kind::next) == 1);
  CHECK(count_kind(s, HitRegion::Kind::dot) == 2);  // one per resting position: 3 items, 2 in view
}

TEST_CASE("all shapes stay inside the view") {
  Feed f = sample_feed(5);
  FixedMeasure m;
  for (float w : {320.f, 599.f, 800.f, 1280.f}) {
    for (float h : {300.f, 420.f, 600.f}) {
      CAPTURE(w);
      CAPTURE(h);
      SceneInput in;
      in.status = FeedStatus::ready;
      in.feed = &f;
      in.width = w;
      in.height = h;
      Scene s = build_scene(in, make_theme(true), m);
      for (const Shape& sh : s.shapes) {
        CHECK(sh.rect.x >= 0);
        CHECK(sh.rect.y >= 0);
        CHECK(sh.rect.right() <= w + 0.5f);
        CHECK(sh.rect.bottom() <= h + 0.5f);
      }
    }
  }
}

TEST_CASE("only visible cards are laid out, however long the feed") {
  FixedMeasure m;
  Feed small = sample_feed(10), big = sample_feed(20000);
  SceneInput in;
  in.status = FeedStatus::ready;
  in.width = 1200;
  in.height = 420;
  in.feed = &small;
  std::size_t small_shapes = build_scene(in, make_theme(false), m).shapes.size();
  in.feed = &big;
  in.current = 15000;
  in.position = 15000;
  Scene s = build_scene(in, make_theme(false), m);
  CHECK(count_kind(s, HitRegion::Kind::card) == 3);
  CHECK(count_kind(s, HitRegion::Kind::dot) == 9);  // a window of dots, not 20 000
  CHECK(s.shapes.size() <= small_shapes + 4);
}

TEST_CASE("hit testing finds the topmost region") {
  Feed f = sample_feed(3);
  SceneInput in;
  in.status = FeedStatus::ready;
  in.feed = &f;
  in.width = 800;
  in.height = 450;
  FixedMeasure m;
  m.advance = 6;
  Scene s = build_scene(in, make_theme(false), m);
  const HitRegion* prev = nullptr;
  const HitRegion* related = nullptr;
  for (const HitRegion& h : s.hits) {
    if (h.kind == HitRegion::Kind::prev) prev = &h;
    if (h.kind == HitRegion::Kind::related) related = &h;
  }
  REQUIRE(prev);
  const HitRegion* hit = hit_test(s, prev->rect.x + 2, prev->rect.y + 2);
  REQUIRE(hit);
  CHECK(hit->kind == HitRegion::Kind::prev);
  if (related) {  // the related row sits on the card, and wins over it
    const HitRegion* r = hit_test(s, related->rect.x + 5, related->rect.y + 5);
    REQUIRE(r);
    CHECK(r->kind == HitRegion::Kind::related);
    CHECK(r->index == 0);
  }
  const HitRegion* card = hit_test(s, 100, 40);
  REQUIRE(card);
  CHECK(card->kind == HitRegion::Kind::card);
  CHECK(card->index == 0);
  CHECK(hit_test(s, 799, 449) == nullptr);
}

TEST_CASE("a current card without a headline counts as shown, so the page hears that the widget is ready") {
  Feed f = sample_feed(3);
  for (auto& item : f.items) item.title.clear();
  SceneInput in = ready_input(f, 800, 450);
  FixedMeasure m;
  m.advance = 6;
  CHECK(build_scene(in, make_theme(false), m).headline_visible);
  in.height = 60;  // no room below the picture: nothing of the card's text is on screen
  CHECK_FALSE(build_scene(in, make_theme(false), m).headline_visible);
}

TEST_CASE("loading, failed and empty states draw a card, not a blank") {
  FixedMeasure m;
  SceneInput in;
  in.width = 400;
  in.height = 420;
  in.status = FeedStatus::loading;
  Scene loading = build_scene(in, make_theme(false), m);
  CHECK(loading.shapes.size() > 2);
  CHECK_FALSE(loading.headline_visible);

  // Readers see a calm sentence in their language, never the parser's words…
  in.status = FeedStatus::failed;
  Scene failed = build_scene(in, make_theme(false), m);
  CHECK(has_text(failed, "Stories are unavailable right now"));
  CHECK(has_text(failed, "Please check back in a little while."));
  CHECK_FALSE(failed.headline_visible);
  // … and in debug mode (App gives the message only then) the diagnostic.
  in.message = "error line 1, column 2: not valid JSON";
  Scene debug = build_scene(in, make_theme(false), m);
  CHECK(has_text(debug, "error line 1, column 2: not valid JSON"));

  Feed empty;
  in.status = FeedStatus::ready;
  in.feed = &empty;
  Scene none = build_scene(in, make_theme(false), m);
  CHECK(has_text(none, "No articles yet"));
}

TEST_CASE("meta line joins authors and omits what is missing") {
  Item it;
  it.read_time_minutes = 4;
  CHECK(meta_line(it, 0, "en") == "4 min read");
  it.authors = {{"A", "", ""}, {"B", "", ""}, {"C", "", ""}};
  CHECK(meta_line(it, 0, "en") == "A, B and C  \xC2\xB7  4 min read");
  it.authors.pop_back();
  CHECK(meta_line(it, 0, "en") == "A and B  \xC2\xB7  4 min read");
}

TEST_CASE("keyboard focus draws a ring around its region; hover highlights links and buttons") {
  Feed f = sample_feed(3);
  FixedMeasure m;
  m.advance = 6;
  SceneInput in;
  in.status = FeedStatus::ready;
  in.feed = &f;
  in.width = 800;
  in.height = 450;
  const Theme theme = make_theme(false);
  auto rings = [&](const Scene& s) {
    return std::count_if(s.shapes.begin(), s.shapes.end(), [&](const Shape& sh) {
      return sh.kind == Shape::Kind::outline && sh.color == theme.accent_text && sh.stroke > 2;
    });
  };
  Scene plain = build_scene(in, theme, m);
  CHECK(rings(plain) == 0);

  HitRegion next;
  next.kind = HitRegion::Kind::next;
  in.focus = &next;
  Scene focused = build_scene(in, theme, m);
  REQUIRE(rings(focused) == 1);
  const Shape& ring = focused.shapes.back();
  const HitRegion* button = nullptr;
  for (const HitRegion& h : focused.hits)
    if (h.kind == HitRegion::Kind::next) button = &h;
  REQUIRE(button);
  CHECK(ring.rect.x < button->rect.x);  // around it, not on it
  CHECK(ring.rect.right() > button->rect.right());
  CHECK(ring.rect.right() <= in.width);  // never clipped by the view

  HitRegion card;
  card.kind = HitRegion::Kind::card;
  card.index = 1;
  in.focus = &card;
  CHECK(rings(build_scene(in, theme, m)) == 1);
  card.index = 2;  // not in view: nothing to ring
  CHECK(rings(build_scene(in, theme, m)) == 0);

  in.focus = nullptr;
  in.hover = &next;
  Scene hovered = build_scene(in, theme, m);
  CHECK(std::count_if(hovered.shapes.begin(), hovered.shapes.end(), [&](const Shape& sh) {
          return sh.kind == Shape::Kind::box && sh.color == theme.hover;
        }) == 1);
}

TEST_CASE("a feed with fewer cards than fit shares the width instead of leaving a gap") {
  CHECK(strip_metrics(1200).per_view == 3);
  CHECK(strip_metrics(1200, 2).per_view == 2);
  CHECK(strip_metrics(1200, 1).per_view == 1);
  CHECK(strip_metrics(1200, 50).per_view == 3);
  CHECK(strip_metrics(1200, 1).card_width == doctest::Approx(1200 - 32));
  Feed f = sample_feed(1);
  SceneInput in;
  in.status = FeedStatus::ready;
  in.feed = &f;
  in.width = 1200;
  in.height = 420;
  FixedMeasure m;
  Scene s = build_scene(in, make_theme(false), m);
  REQUIRE(count_kind(s, HitRegion::Kind::card) == 1);
  for (const HitRegion& h : s.hits)
    if (h.kind == HitRegion::Kind::card) CHECK(h.rect.w == doctest::Approx(1200 - 32));
}

TEST_CASE("on a narrow card the read time gives way before the byline is cut") {
  Feed f = sample_feed(1);
  f.items[0].authors = {{"Mena Today newsroom", "", ""}};
  SceneInput in;
  in.status = FeedStatus::ready;
  in.feed = &f;
  in.height = 450;
  FixedMeasure m;  // 8 px a character
  // 50 characters with the read time, 35 without; the text column is the width - 2 * (16 + 18).
  in.width = 35 * 8 + 68 + 8;
  Scene s = build_scene(in, make_theme(false), m);
  CHECK(has_text(s, "Mena Today newsroom  \xC2\xB7  31 Jul 2025"));
  in.width = 50 * 8 + 68;
  s = build_scene(in, make_theme(false), m);
  CHECK(has_text(s, "Mena Today newsroom  \xC2\xB7  31 Jul 2025  \xC2\xB7  1 min read"));
}

TEST_CASE("the partner's look: cards per view, gap, radius, padding and the picture's shape") {
  Feed f = sample_feed(5);
  FixedMeasure m;
  Theme t = styled_theme(false, std::nullopt,
                         parse_style("--carta-cards: 1, 500px 3; --carta-gap: 8px; --carta-radius: 0; "
                                     "--carta-padding: 30px; --carta-image-ratio: 1"));
  CHECK(strip_metrics(800, 5, t.geometry).per_view == 3);
  CHECK(strip_metrics(499, 5, t.geometry).per_view == 1);
  CHECK(strip_metrics(800, 5, t.geometry).stride == doctest::Approx((800 - 32 - 2 * 8) / 3.f + 8));
  Scene s = build_scene(ready_input(f, 800, 900), t, m);
  CHECK(s.cards[2].rect.right() == doctest::Approx(800 - 16).epsilon(0.001));  // three fill the view
  const CardSpan& card = s.cards[0];
  int checked = 0;
  for (std::size_t i = card.first; i < card.end; ++i) {
    const Shape& sh = s.shapes[i];
    if (sh.kind == Shape::Kind::image) CHECK(sh.radius == 0);
    if (sh.kind == Shape::Kind::image) checked += sh.rect.h == doctest::Approx(card.rect.w).epsilon(0.01);  // square
    if (sh.kind == Shape::Kind::text && sh.text == "SYRIA") checked += sh.rect.x == doctest::Approx(card.rect.x + 30);
  }
  CHECK(checked == 2);
}

TEST_CASE("--carta-show leaves parts out; arrows still come with keyboard focus") {
  Feed f = sample_feed(3);
  FixedMeasure m;
  m.advance = 6;
  Theme t = styled_theme(false, std::nullopt, parse_style("--carta-show: headline date summary"));
  SceneInput in = ready_input(f, 800, 450);
  Scene s = build_scene(in, t, m);
  CHECK_FALSE(has_text(s, "SYRIA"));
  CHECK(has_text(s, "31 Jul 2025"));  // no byline, no read time
  CHECK_FALSE(has_text(s, "Caption"));
  CHECK(has_text(s, "Headline number 0"));
  CHECK(count_kind(s, HitRegion::Kind::dot) == 0);
  CHECK(count_kind(s, HitRegion::Kind::related) == 0);
  auto chevrons = [](const Scene& sc) {
    return std::count_if(sc.shapes.begin(), sc.shapes.end(), [](const Shape& sh) {
      return sh.kind == Shape::Kind::chevron_left || sh.kind == Shape::Kind::chevron_right;
    });
  };
  CHECK(chevrons(s) == 0);
  CHECK(count_kind(s, HitRegion::Kind::next) == 1);  // the mirror's button keeps its place
  HitRegion next;
  next.kind = HitRegion::Kind::next;
  in.focus = &next;
  CHECK(chevrons(build_scene(in, t, m)) == 2);
}

TEST_CASE("strip_picture is the size the frame draws the first card's picture at (the page fetches it ahead)") {
  Feed f = sample_feed(5);
  FixedMeasure m;
  m.advance = 6;
  struct Case { float width, height; std::vector<CardsStep> cards; };
  // Two cards over their text; one per view on a phone; one wide card with its picture at its side.
  for (const Case& c : {Case{800, 420, {}}, Case{390, 420, {}}, Case{1400, 420, {{0, 1}}}}) {
    Theme theme = make_theme(false);
    if (!c.cards.empty()) theme.geometry.cards = c.cards;
    Scene s = build_scene(ready_input(f, c.width, c.height), theme, m);
    auto image = std::find_if(s.shapes.begin(), s.shapes.end(),
                              [&](const Shape& sh) { return sh.kind == Shape::Kind::image && sh.text == f.items[0].image; });
    REQUIRE(image != s.shapes.end());
    const Rect want = strip_picture(c.width, c.height, static_cast<int>(f.items.size()), theme.geometry);
    CAPTURE(c.width);
    CHECK(image->rect.w == want.w);
    CHECK(image->rect.h == want.h);
  }
  CHECK(strip_picture(800, 420, 5, Geometry()).w == 376);  // (800 - 2 * 16 - 16) / 2
  CHECK(strip_picture(800, 420, 5, Geometry()).h == 150);  // 42 % of the 356 px card
  Geometry one;
  one.cards = {{0, 1}};
  CHECK(strip_picture(1400, 420, 5, one).h == 356);  // wide: the card's whole height, at its side
}
