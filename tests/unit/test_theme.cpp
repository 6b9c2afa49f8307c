// Theme colours meet WCAG 2.2 AA for every text/background pair they are used in.
#include <doctest/doctest.h>

#include <cmath>

#include "core/layout.h"
#include "core/theme.h"
#include "fake_measure.h"

using namespace carta;

TEST_CASE("contrast ratio matches WCAG's definition") {
  CHECK(contrast_ratio({0, 0, 0, 255}, {255, 255, 255, 255}) == doctest::Approx(21.0));
  CHECK(contrast_ratio({255, 255, 255, 255}, {255, 255, 255, 255}) == doctest::Approx(1.0));
  CHECK(contrast_ratio({118, 118, 118, 255}, {255, 255, 255, 255}) == doctest::Approx(4.54).epsilon(0.01));
}

TEST_CASE("every text colour of both themes is AA on the card") {
  for (bool dark : {false, true}) {
    CAPTURE(dark);
    Theme t = make_theme(dark);
    CHECK(contrast_ratio(t.text, t.card) >= 4.5);
    CHECK(contrast_ratio(t.muted, t.card) >= 4.5);
    CHECK(contrast_ratio(t.accent_text, t.card) >= 4.5);
    CHECK(contrast_ratio(t.text, t.page) >= 4.5);
    CHECK(contrast_ratio(t.muted, t.chip) >= 4.5);  // tag text on its chip
    CHECK(contrast_ratio(t.text, t.hover) >= 4.5);  // a hovered related headline
    // Controls are graphics: 3:1 against the page (WCAG 1.4.11).
    CHECK(contrast_ratio(t.control, t.page) >= 3.0);
    // Caption text sits on the scrim's darkest part over any picture: white on ~80% black.
    Color scrim_over_white{static_cast<std::uint8_t>(255 - t.scrim.a), static_cast<std::uint8_t>(255 - t.scrim.a),
                           static_cast<std::uint8_t>(255 - t.scrim.a), 255};
    CHECK(contrast_ratio(t.caption_text, scrim_over_white) >= 4.5);
  }
}

TEST_CASE("a partner's accent is adjusted until it is readable") {
  Theme light = make_theme(false, Color{255, 220, 0, 255});  // yellow on white
  CHECK(contrast_ratio(light.accent_text, light.card) >= 4.5);
  Theme dark = make_theme(true, Color{20, 20, 120, 255});  // navy on near-black
  CHECK(contrast_ratio(dark.accent_text, dark.card) >= 4.5);
  Theme fine = make_theme(false, Color{0, 60, 140, 255});
  CHECK(fine.accent_text == fine.accent);  // already readable: left alone
}

TEST_CASE("hex colours") {
  CHECK(parse_hex_color("#B02026") == Color{176, 32, 38, 255});
  CHECK(parse_hex_color("#fff") == Color{255, 255, 255, 255});
  CHECK_FALSE(parse_hex_color("B02026"));
  CHECK_FALSE(parse_hex_color("#B0202"));
  CHECK_FALSE(parse_hex_color("#GG0000"));
}

TEST_CASE("every caption line keeps 4.5:1 over white, yellow and a pale photo, on the ramp the painter draws") {
  // Captions of one and two lines on cards of several widths; for each caption line, the
  // scrim's opacity at the top of the line, composited over the picture's lightest colours.
  const Color pictures[] = {{255, 255, 255, 255}, {255, 236, 0, 255}, {214, 228, 240, 255}, {250, 210, 160, 255}};
  FixedMeasure m;
  m.advance = 6;
  for (bool dark : {false, true}) {
    for (float width : {360.f, 800.f, 1280.f}) {
      for (const char* caption : {"Short caption", "A caption long enough to need two lines on a narrow card, and then "
                                                   "some more words so that it wraps on the widest card as well"}) {
        CAPTURE(dark);
        CAPTURE(width);
        CAPTURE(caption);
        Feed f;
        Item it;
        it.id = "a";
        it.title = "Headline";
        it.image = "https://news.example/a.jpg";
        it.image_caption = caption;
        f.items.push_back(it);
        SceneInput in;
        in.status = FeedStatus::ready;
        in.feed = &f;
        in.width = width;
        in.height = 450;
        const Theme theme = make_theme(dark);
        Scene s = build_scene(in, theme, m);
        const Shape* scrim = nullptr;
        int lines = 0;
        for (const Shape& sh : s.shapes) {
          if (sh.kind == Shape::Kind::scrim) scrim = &sh;
          if (sh.kind != Shape::Kind::text || sh.role != TextRole::caption) continue;
          REQUIRE(scrim);
          ++lines;
          const float a = scrim_alpha(*scrim, sh.rect.y);
          for (const Color& p : pictures) {
            auto over = [&](std::uint8_t c) { return static_cast<std::uint8_t>(c * (1 - a) + scrim->color.r * a + 0.5f); };
            const Color bg{over(p.r), over(p.g), over(p.b), 255};
            CHECK(contrast_ratio(theme.caption_text, bg) >= 4.5);
          }
        }
        CHECK(lines >= 1);
      }
    }
  }
}

TEST_CASE("forced colours: only the system's colours, cards outlined; more contrast: muted text as the text") {
  const SystemColors system{{0, 0, 0, 255}, {255, 255, 255, 255}, {255, 255, 0, 255}, {0, 255, 255, 255}};
  const Theme forced = forced_colors_theme(system);
  CHECK(forced.dark);
  for (const Color& c : {forced.page, forced.card, forced.placeholder, forced.hover, forced.chip})
    CHECK((c.r == 0 && c.g == 0 && c.b == 0));
  for (const Color& c : {forced.text, forced.muted, forced.border, forced.caption_text}) CHECK(c.r == 255);
  CHECK((forced.accent_text.r == 255 && forced.accent_text.g == 255 && forced.accent_text.b == 0));
  CHECK(forced.card_outline);
  CHECK_FALSE(make_theme(false).card_outline);
  // Each card of the scene is outlined in the system's text colour, over its picture.
  Feed f;
  for (const char* id : {"a", "b"}) {
    Item it;
    it.id = id;
    it.title = "Headline";
    it.image = "https://news.example/a.jpg";
    f.items.push_back(it);
  }
  SceneInput in;
  in.status = FeedStatus::ready;
  in.feed = &f;
  in.width = 800;
  in.height = 450;
  FixedMeasure m;
  auto outlined_cards = [&](const Theme& theme) {
    Scene s = build_scene(in, theme, m);
    int n = 0;
    for (const HitRegion& h : s.hits) {
      if (h.kind != HitRegion::Kind::card) continue;
      for (const Shape& sh : s.shapes)
        if (sh.kind == Shape::Kind::outline && sh.rect.x == h.rect.x && sh.rect.y == h.rect.y && sh.rect.w == h.rect.w)
          ++n;
    }
    return n;
  };
  CHECK(outlined_cards(forced) >= 1);
  CHECK(outlined_cards(make_theme(true)) == 0);

  Theme more = make_theme(false);
  strengthen_contrast(more);
  CHECK((more.muted.r == more.text.r && more.muted.g == more.text.g));
  CHECK(contrast_ratio(more.border, more.card) >= 4.5);
  CHECK(contrast_ratio(more.accent_text, more.card) >= 7);
  CHECK(more.scrim.a > make_theme(false).scrim.a);
}

TEST_CASE("luminance agrees with WCAG's formula (pow) for every 8-bit channel value") {
  for (int v = 0; v < 256; ++v) {
    const double c = v / 255.0;
    const double expected = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    const std::uint8_t b = static_cast<std::uint8_t>(v);
    CHECK(luminance({b, 0, 0, 255}) == doctest::Approx(0.2126 * expected).epsilon(1e-12));
  }
}
