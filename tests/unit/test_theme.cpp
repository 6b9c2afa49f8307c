// Theme colours meet WCAG 2.2 AA for every text/background pair they are used in.
#include <doctest/doctest.h>

#include "core/theme.h"

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
