// Right-to-left cards and carousels: mirrored card layout, right-aligned lines, a strip that
// starts on the right, Arabic words on the canvas, and the string table shared with the
// page's mirror (web/carta-mirror.js).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/datetime.h"
#include "core/feed.h"
#include "core/layout.h"
#include "core/strings.h"
#include "fake_measure.h"

using namespace carta;

namespace {

const std::string kSalam = "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85";  // سلام

Feed arabic_feed(int count, bool rtl_feed) {
  Feed f;
  f.language = rtl_feed ? "ar" : "en";
  f.right_to_left = rtl_feed;
  for (int i = 0; i < count; ++i) {
    Item it;
    it.id = "item-" + std::to_string(i);
    it.url = "https://news.example/" + it.id;
    it.title = kSalam + " " + std::to_string(i);
    it.summary = kSalam;
    it.category = "Syria";
    it.language = "ar";
    it.right_to_left = true;
    it.read_time_minutes = 3;
    f.items.push_back(it);
  }
  return f;
}

const Shape* text_shape(const Scene& s, TextRole role) {
  for (const Shape& sh : s.shapes)
    if (sh.kind == Shape::Kind::text && sh.role == role) return &sh;
  return nullptr;
}

const HitRegion* hit(const Scene& s, HitRegion::Kind kind, int index = -1) {
  for (const HitRegion& h : s.hits)
    if (h.kind == kind && (index < 0 || h.index == index)) return &h;
  return nullptr;
}

SceneInput input(const Feed& f, float width) {
  SceneInput in;
  in.status = FeedStatus::ready;
  in.feed = &f;
  in.width = width;
  in.height = 450;
  return in;
}

std::string read_source(const std::string& relative) {
  std::ifstream in(std::string(CARTA_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("an Arabic card's lines are shaped, in visual order and right-aligned") {
  Feed f = arabic_feed(1, false);
  FixedMeasure m;
  Scene s = build_scene(input(f, 400), make_theme(false), m);
  const Shape* headline = text_shape(s, TextRole::headline);
  REQUIRE(headline);
  // "سلام 0": the number on the left, then meem, lam-alef, seen (presentation forms).
  CHECK(headline->text == "0 \xEF\xBB\xA1\xEF\xBB\xBC\xEF\xBA\xB3");
  const HitRegion* card = hit(s, HitRegion::Kind::card, 0);
  REQUIRE(card);
  // Right-aligned: the line ends where the card's text column ends (inset 18 px).
  CHECK(headline->rect.right() == doctest::Approx(card->rect.right() - 18));
  CHECK(headline->rect.w == doctest::Approx(m.width(TextRole::headline, headline->text)));
}

TEST_CASE("the same card in English is left-aligned: mirroring follows the item's language") {
  Feed f = arabic_feed(1, false);
  f.items[0].right_to_left = false;
  f.items[0].title = "Hello";
  FixedMeasure m;
  Scene s = build_scene(input(f, 400), make_theme(false), m);
  const Shape* headline = text_shape(s, TextRole::headline);
  REQUIRE(headline);
  CHECK(headline->rect.x == doctest::Approx(hit(s, HitRegion::Kind::card, 0)->rect.x + 18));
}

TEST_CASE("a right-to-left carousel starts on the right and puts 'next' on the left") {
  Feed f = arabic_feed(5, true);
  FixedMeasure m;
  Scene s = build_scene(input(f, 800), make_theme(false), m);  // two cards per view
  const HitRegion* first = hit(s, HitRegion::Kind::card, 0);
  const HitRegion* second = hit(s, HitRegion::Kind::card, 1);
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->rect.x > second->rect.x);
  CHECK(first->rect.right() == doctest::Approx(800 - 16));
  const HitRegion* next = hit(s, HitRegion::Kind::next);
  const HitRegion* prev = hit(s, HitRegion::Kind::prev);
  REQUIRE(next);
  REQUIRE(prev);
  CHECK(next->rect.x < 400);
  CHECK(prev->rect.x > 400);
  // The next button points left, the way the cards move.
  CHECK(std::any_of(s.shapes.begin(), s.shapes.end(), [&](const Shape& sh) {
    return sh.kind == Shape::Kind::chevron_left && sh.rect.x == next->rect.x;
  }));
  // The first dot is the rightmost.
  float first_dot = -1, last_dot = -1;
  for (const HitRegion& h : s.hits)
    if (h.kind == HitRegion::Kind::dot) (h.index == 0 ? first_dot : last_dot) = h.rect.x;
  CHECK(first_dot > last_dot);
  // Hit testing follows the drawing.
  const HitRegion* at = hit_test(s, 790 - 16, 200);
  REQUIRE(at);
  CHECK(at->index == 0);
}

TEST_CASE("a left-to-right feed with Arabic items keeps its direction") {
  Feed f = arabic_feed(5, false);
  FixedMeasure m;
  Scene s = build_scene(input(f, 800), make_theme(false), m);
  CHECK(hit(s, HitRegion::Kind::card, 0)->rect.x == doctest::Approx(16));
  CHECK(hit(s, HitRegion::Kind::next)->rect.x > 400);
}

TEST_CASE("read time and status cards speak the locale; Arabic plurals have their forms") {
  CHECK(read_time_text(1, "en") == "1 min read");
  CHECK(read_time_text(7, "en-GB") == "7 min read");
  CHECK(read_time_text(1, "ar") == "\xD9\x82\xD8\xB1\xD8\xA7\xD8\xA1\xD8\xA9 \xD9\x81\xD9\x8A \xD8\xAF\xD9\x82\xD9\x8A\xD9\x82\xD8\xA9");
  CHECK(plural_form("ar", 1) == 0);
  CHECK(plural_form("ar-LB", 2) == 1);
  CHECK(plural_form("ar", 3) == 2);
  CHECK(plural_form("ar", 10) == 2);
  CHECK(plural_form("ar", 11) == 3);
  CHECK(plural_form("ar", 103) == 2);
  CHECK(plural_form("arz", 3) == 3);  // not Arabic's table: English forms
  CHECK(read_time_text(5, "ar").find("5") != std::string::npos);
  CHECK(ui_strings("ar").right_to_left);
  CHECK_FALSE(ui_strings("fr").right_to_left);
  CHECK(ui_strings("he-IL").right_to_left);
  CHECK(read_time_text(1, "he") != read_time_text(1, "en"));
  CHECK(read_time_text(4, "iw").find("4") != std::string::npos);

  Item it;
  it.read_time_minutes = 2;
  it.language = "ar";
  it.right_to_left = true;
  it.authors = {{"A", "", ""}, {"B", "", ""}};
  // In an English page an Arabic card still gets its byline in Arabic ("A و B").
  // Each part of the line is a first-strong isolate (FSI … PDI) in a right-to-left card.
  CHECK(meta_line(it, 0, "en").rfind("\xE2\x81\xA8" "A \xD9\x88" "B\xE2\x81\xA9", 0) == 0);
  CHECK(meta_line(it, 0, "en").find("min read") == std::string::npos);

  // A Persian card in an English feed: its English date stays one left-to-right run.
  Item fa;
  fa.language = "fa";
  fa.right_to_left = true;
  fa.read_time_minutes = 1;
  fa.published = parse_rfc3339("2025-07-31T12:00:00Z");
  const std::string line = meta_line(fa, 0, "en");
  CHECK(line.find("\xE2\x81\xA8" "31 Jul 2025\xE2\x81\xA9") != std::string::npos);
  CHECK(line.find("\xE2\x81\xA8" "1 min read\xE2\x81\xA9") != std::string::npos);
  // A left-to-right card in a left-to-right page has nothing to isolate.
  Item en = fa;
  en.language = "en";
  en.right_to_left = false;
  CHECK(meta_line(en, 0, "en") == "31 Jul 2025  \xC2\xB7  1 min read");
}

TEST_CASE("an Arabic status card is right-aligned and in Arabic") {
  Feed f;
  f.language = "ar";
  SceneInput in = input(f, 800);
  in.locale = "ar";
  FixedMeasure m;
  Scene s = build_scene(in, make_theme(false), m);
  const Shape* title = text_shape(s, TextRole::headline);
  REQUIRE(title);
  CHECK(title->text != "No articles yet");
  CHECK(title->text.find("\xEF\xBB") != std::string::npos);  // shaped presentation forms
}

TEST_CASE("the canvas's strings are the mirror's: web/carta-mirror.js holds the same table") {
  const std::string js = read_source("web/carta-mirror.js");
  REQUIRE(!js.empty());
  for (const char* locale : {"en", "ar", "he"}) {
    const UiStrings& t = ui_strings(locale);
    CAPTURE(locale);
    for (const char* form : t.min_read) CHECK(js.find(std::string("'") + form + "'") != std::string::npos);
    CHECK(js.find(std::string("failed: '") + t.failed + "'") != std::string::npos);
    CHECK(js.find(std::string("empty: '") + t.empty + "'") != std::string::npos);
    CHECK(js.find(std::string("emptyDetail: '") + t.empty_detail + "'") != std::string::npos);
  }
}

TEST_CASE("a feed runs right to left by its language, or by most of its items") {
  auto direction = [](const std::string& json) { return parse_feed(json).feed.right_to_left; };
  const std::string items_ar = R"("items":[{"id":"1","language":"ar","content_text":"x"},{"id":"2","language":"ar","content_text":"y"},{"id":"3","content_text":"z"}])";
  CHECK(direction(R"({"version":"https://jsonfeed.org/version/1.1","title":"t","language":"ar-LB","items":[]})"));
  CHECK_FALSE(direction(R"({"version":"https://jsonfeed.org/version/1.1","title":"t","language":"en",)" + items_ar + "}"));
  CHECK(direction(R"({"version":"https://jsonfeed.org/version/1.1","title":"t",)" + items_ar + "}"));
}
