// Right-to-left cards and carousels: mirrored card layout, right-aligned lines, a strip that
// starts on the right, Arabic words on the canvas, and the string table shared with the
// page's mirror (web/carta/mirror.js).
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

#include "core/datetime.h"
#include "core/feed.h"
#include "core/layout.h"
#include "core/strings.h"
#include "fake_measure.h"
#include "test_files.h"

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

std::string read_source(const std::string& relative) { return read_bytes(std::string(CARTA_SOURCE_DIR) + "/" + relative); }

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
  CHECK(plural_category("ar", 0) == Plural::zero);
  CHECK(plural_category("ar", 1) == Plural::one);
  CHECK(plural_category("ar-LB", 2) == Plural::two);
  CHECK(plural_category("ar", 3) == Plural::few);
  CHECK(plural_category("ar", 10) == Plural::few);
  CHECK(plural_category("ar", 11) == Plural::many);
  CHECK(plural_category("ar", 100) == Plural::other);
  CHECK(plural_category("ar", 103) == Plural::few);
  CHECK(plural_category("arz", 3) == Plural::other);  // not Arabic's rules: English ones
  CHECK(read_time_text(11, "ar").find("11") != std::string::npos);  // "many" takes "other"'s words
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

  // A Pashto card (right to left; no words of its own yet) in an English feed: its English
  // date stays one left-to-right run.
  Item fa;
  fa.language = "ps";
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

TEST_CASE("every words file has every word, and the mirror reads the same files") {
  // The page's mirror takes its words from assets/words/ too (English built into carta.js,
  // the others fetched): one source, nothing kept twice by hand.
  const std::string js = read_source("web/carta/mirror.js") + read_source("web/carta/mirror-cards.js") +
                         read_source("web/carta/fallback.js");
  REQUIRE(js.size() > 1000);
  CHECK(js.find("minRead: [") == std::string::npos);  // no table of its own any more
  // Every word the mirror reads (strings.KEY in web/carta/), each in every language.
  std::vector<std::string> mirror_keys;
  for (std::size_t at = js.find("strings."); at != std::string::npos; at = js.find("strings.", at + 1)) {
    std::size_t end = at + 8;
    while (end < js.size() && std::isalnum(static_cast<unsigned char>(js[end]))) ++end;
    const std::string key = js.substr(at + 8, end - at - 8);
    if (!key.empty() && std::find(mirror_keys.begin(), mirror_keys.end(), key) == mirror_keys.end())
      mirror_keys.push_back(key);
  }
  CHECK(mirror_keys.size() >= 15);  // announce, articles, slideLabel, next, previous…
  for (const char* code : {"en", "ar", "he", "fa", "ur", "ru", "fr", "tr", "de", "es", "zh", "ja", "hi"}) {
    CAPTURE(code);
    const std::string text = read_source(std::string("assets/words/") + code + ".json");
    REQUIRE(!text.empty());
    for (const std::string& key : mirror_keys) {
      CAPTURE(key);
      CHECK(text.find("\"" + key + "\":") != std::string::npos);
    }
    CHECK(add_ui_strings(text));
    const UiStrings& w = ui_strings(code);
    CHECK(w.language == code);
    CHECK(!w.failed.empty());
    CHECK(!w.failed_detail.empty());
    CHECK(!w.empty_detail.empty());
    CHECK(!w.min_read[static_cast<int>(Plural::other)].empty());
    CHECK(w.date.find("{d}") != std::string::npos);
    for (const std::string& month : w.months) CHECK(!month.empty());
    CHECK(w.right_to_left == (std::string("ar he fa ur").find(code) != std::string::npos));
    // Every count reads with its number in it (or its own words for one / two).
    for (int n : {1, 2, 3, 5, 11, 21, 22, 25, 101}) CHECK(!read_time_text(n, code).empty());
  }
  CHECK_FALSE(add_ui_strings("{\"language\": \"xx\"}"));  // not a words file: refused
  CHECK_FALSE(add_ui_strings("not json"));
  CHECK(ui_strings("xx").language == "en");
}

TEST_CASE("plural categories follow CLDR for the languages Carta speaks") {
  CHECK(read_time_text(1, "ru") == "1 \xD0\xBC\xD0\xB8\xD0\xBD\xD1\x83\xD1\x82\xD0\xB0 \xD1\x87\xD1\x82\xD0\xB5\xD0\xBD\xD0\xB8\xD1\x8F");
  CHECK(plural_category("ru", 1) == Plural::one);
  CHECK(plural_category("ru", 21) == Plural::one);
  CHECK(plural_category("ru", 11) == Plural::many);
  CHECK(plural_category("ru", 3) == Plural::few);
  CHECK(plural_category("ru", 13) == Plural::many);
  CHECK(plural_category("ru", 24) == Plural::few);
  CHECK(plural_category("ru", 5) == Plural::many);
  CHECK(plural_category("fr", 0) == Plural::one);
  CHECK(plural_category("fr", 2) == Plural::other);
  CHECK(plural_category("hi", 0) == Plural::one);
  CHECK(plural_category("ja", 1) == Plural::other);
  CHECK(plural_category("he", 2) == Plural::two);
  CHECK(plural_category("en-GB", 1) == Plural::one);
  CHECK(plural_category("de", 0) == Plural::other);
  // Dates in each language's order.
  const Timestamp t = *parse_rfc3339("2025-07-31T12:00:00+03:00");
  CHECK(format_card_date(t, 0, "zh") == "2025\xE5\xB9\xB4" "7\xE6\x9C\x88" "31\xE6\x97\xA5");
  CHECK(format_card_date(t, 0, "de") == "31. Juli 2025");
  CHECK(format_card_date(t, 0, "en") == "31 Jul 2025");
}

TEST_CASE("a feed runs right to left by its language, or by most of its items") {
  auto direction = [](const std::string& json) { return parse_feed(json).feed.right_to_left; };
  const std::string items_ar = R"("items":[{"id":"1","language":"ar","content_text":"x"},{"id":"2","language":"ar","content_text":"y"},{"id":"3","content_text":"z"}])";
  CHECK(direction(R"({"version":"https://jsonfeed.org/version/1.1","title":"t","language":"ar-LB","items":[]})"));
  CHECK_FALSE(direction(R"({"version":"https://jsonfeed.org/version/1.1","title":"t","language":"en",)" + items_ar + "}"));
  CHECK(direction(R"({"version":"https://jsonfeed.org/version/1.1","title":"t",)" + items_ar + "}"));
}
