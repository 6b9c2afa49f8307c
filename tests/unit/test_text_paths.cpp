// The two text paths of the layout (core/text.h): paragraphs the atlas covers are broken by
// the core and drawn as text shapes; the others go to the platform, whose lines come back
// as text_image shapes carrying their language and direction.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/layout.h"
#include "fake_measure.h"

using namespace carta;

namespace {

// A platform that takes any paragraph with a three- or four-byte UTF-8 character (CJK,
// Thai, emoji…), puts at most 10 characters on a line and measures 10 px a character.
struct FakePlatform final : TextMeasure {
  mutable std::vector<std::string> asked_languages;
  float width(TextRole, std::string_view text) const override { return 8.f * static_cast<float>(text.size()); }
  bool platform_text(std::string_view paragraph, bool, TextRole) const override {
    return std::any_of(paragraph.begin(), paragraph.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE0; });
  }
  std::vector<std::string> platform_lines(std::string_view text, float, TextRole, int max_lines,
                                          const Language& language) const override {
    asked_languages.push_back(language.code + (language.rtl ? "/rtl" : ""));
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size() && (max_lines <= 0 || static_cast<int>(out.size()) < max_lines)) {
      std::size_t start = i;
      for (int n = 0; n < 10 && i < text.size(); ++n) i += utf8_length(static_cast<unsigned char>(text[i]));
      out.emplace_back(text.substr(start, i - start));
    }
    return out;
  }
  float platform_width(TextRole, std::string_view line, const Language&) const override {
    float n = 0;
    for (unsigned char c : line) n += (c & 0xC0) != 0x80;
    return 10 * n;
  }
};

const std::string kThai = "\xE0\xB8\x8B\xE0\xB8\xB5\xE0\xB9\x80\xE0\xB8\xA3\xE0\xB8\xB5\xE0\xB8\xA2";  // ซีเรีย

Feed feed_of(const std::string& title, const std::string& language, bool rtl) {
  Feed f;
  f.language = "en";
  Item it;
  it.id = "a";
  it.url = "https://news.example/a";
  it.title = title;
  it.summary = "Latin summary";
  it.language = language;
  it.right_to_left = rtl;
  f.items.push_back(it);
  return f;
}

Scene scene_of(const Feed& f, const TextMeasure& m) {
  SceneInput in;
  in.status = FeedStatus::ready;
  in.feed = &f;
  in.width = 400;
  in.height = 420;
  return build_scene(in, make_theme(false), m);
}

}  // namespace

TEST_CASE("a paragraph outside the atlas goes to the platform, line by line, with its language") {
  FakePlatform m;
  std::string title;
  for (int i = 0; i < 5; ++i) title += kThai;  // 30 characters: two platform lines of a 2-line headline
  Feed f = feed_of(title, "th", false);
  Scene s = scene_of(f, m);
  std::vector<const Shape*> images, texts;
  for (const Shape& sh : s.shapes) {
    if (sh.kind == Shape::Kind::text_image) images.push_back(&sh);
    if (sh.kind == Shape::Kind::text) texts.push_back(&sh);
  }
  REQUIRE(images.size() == 2);
  CHECK(images[0]->role == TextRole::headline);
  CHECK(images[0]->language.code == "th");
  CHECK_FALSE(images[0]->language.rtl);
  CHECK(images[0]->text == kThai + kThai.substr(0, 12));  // logical order, as the platform broke it
  CHECK(images[1]->rect.y > images[0]->rect.y);
  // The Latin summary beside it stays on the atlas path.
  CHECK(std::any_of(texts.begin(), texts.end(), [](const Shape* t) { return t->text == "Latin summary"; }));
  CHECK(std::find(m.asked_languages.begin(), m.asked_languages.end(), "th") != m.asked_languages.end());
  // The mirror's view of the headline: its lines and its box.
  REQUIRE(s.headlines.size() == 1);
  CHECK(s.headlines[0].index == 0);
  CHECK(s.headlines[0].lines.size() == 2);
  CHECK(s.headlines[0].rect.h == doctest::Approx(2 * make_theme(false).style(TextRole::headline).line_height));
}

TEST_CASE("a right-to-left card right-aligns platform lines by the platform's width") {
  FakePlatform m;
  Feed f = feed_of(kThai, "fa", true);  // a platform paragraph in a right-to-left card
  Scene s = scene_of(f, m);
  const Shape* line = nullptr;
  for (const Shape& sh : s.shapes)
    if (sh.kind == Shape::Kind::text_image && sh.role == TextRole::headline) line = &sh;
  REQUIRE(line);
  CHECK(line->language.rtl);
  CHECK(line->rect.w == doctest::Approx(60));  // six characters at 10 px
  const HitRegion* card = nullptr;
  for (const HitRegion& h : s.hits)
    if (h.kind == HitRegion::Kind::card) card = &h;
  REQUIRE(card);
  CHECK(line->rect.right() == doctest::Approx(card->rect.right() - 18));  // the card's inset
  CHECK(s.headlines[0].rect.right() == doctest::Approx(card->rect.right() - 18));  // mirrored too
}

TEST_CASE("without a platform every paragraph stays on the atlas") {
  FixedMeasure m;
  Feed f = feed_of(kThai, "th", false);
  Scene s = scene_of(f, m);
  CHECK(std::none_of(s.shapes.begin(), s.shapes.end(), [](const Shape& sh) { return sh.kind == Shape::Kind::text_image; }));
}
