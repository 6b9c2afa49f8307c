// The partner's look (core/style.h): the --carta-* declarations read from a style sheet or
// from the page's computed values, and the theme they make.
#include <doctest/doctest.h>

#include "core/style.h"

using namespace carta;

namespace {
bool warned(const std::vector<std::string>& warnings, const std::string& part) {
  for (const std::string& w : warnings)
    if (w.find(part) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("a style sheet's --carta- declarations are read, the rest ignored, the last one wins") {
  std::vector<std::string> warnings;
  Style s = parse_style(R"(
    /* the broadsheet */
    body { color: red; --other: 1px }
    .news carta-carousel {
      --carta-color-card: #fffdf7;
      --carta-color-text: rgb(20 20 20);
      --carta-color-accent: rgba(153, 0, 0, 1) !important;
      --carta-radius: 0.25rem;
      --carta-gap: 24px;
      --carta-padding: 20;
      --carta-image-ratio: 4 / 3;
      --carta-cards: 1, 640px 2, 1100px 3;
      --carta-show: category headline byline date summary dots arrows;
      --carta-font-headline: "Gazette Serif", Georgia, serif;
      --carta-gap: 12px;
      border: var(--carta-gap);
    })",
                        &warnings);
  CHECK(warnings.empty());
  REQUIRE(s.card);
  CHECK(*s.card == Color{255, 253, 247, 255});
  CHECK(*s.text == Color{20, 20, 20, 255});
  CHECK(*s.accent == Color{153, 0, 0, 255});
  CHECK(*s.radius == doctest::Approx(4));
  CHECK(*s.gap == doctest::Approx(12));  // the later declaration
  CHECK(*s.padding == doctest::Approx(20));
  CHECK(*s.image_ratio == doctest::Approx(4.0 / 3));
  REQUIRE(s.cards.size() == 3);
  CHECK(s.cards[1].min_width == doctest::Approx(640));
  CHECK(s.cards[2].cards == 3);
  CHECK(*s.show == (show_category | show_headline | show_byline | show_date | show_summary | show_dots | show_arrows));
  CHECK(s.font_headline == "\"Gazette Serif\", Georgia, serif");
  CHECK(s.font_text.empty());
  CHECK_FALSE(s.background);
}

TEST_CASE("cards per view: a number, a list by width, or the quoted form with semicolons") {
  CHECK(parse_style("--carta-cards: 2").cards.size() == 1);
  Style q = parse_style("--carta-cards: \"1; 600px 2; 1000px 3\"");
  REQUIRE(q.cards.size() == 3);
  CHECK(q.cards[2].min_width == doctest::Approx(1000));
  Style later = parse_style("--carta-cards: 800px 3, 2");  // below the first width: 2 from 0
  REQUIRE(later.cards.size() == 2);
  CHECK(later.cards[0].min_width == 0);
  CHECK(later.cards[0].cards == 2);
  Style gap = parse_style("--carta-cards: 500px 2");  // nothing said below 500 px: one card
  REQUIRE(gap.cards.size() == 2);
  CHECK(gap.cards[0].cards == 1);
}

TEST_CASE("a value Carta cannot use is named in a warning and left at its default") {
  std::vector<std::string> warnings;
  Style s = parse_style(
      "--carta-radius: -4px; --carta-gap: 1vw; --carta-image-ratio: wide; --carta-cards: 0; --carta-color-card: "
      "hsl(0 0% 100%); --carta-colour-text: #000; --carta-show: headline sparkles; --carta-font-text: a;b",
      &warnings);
  CHECK_FALSE(s.radius);
  CHECK_FALSE(s.gap);
  CHECK_FALSE(s.image_ratio);
  CHECK(s.cards.empty());
  CHECK_FALSE(s.card);
  CHECK(warned(warnings, "--carta-radius: \"-4px\""));
  CHECK(warned(warnings, "--carta-gap: \"1vw\""));
  CHECK(warned(warnings, "--carta-image-ratio"));
  CHECK(warned(warnings, "--carta-cards"));
  CHECK(warned(warnings, "--carta-color-card: \"hsl(0 0% 100%)\""));
  CHECK(warned(warnings, "--carta-colour-text is not a property Carta reads"));
  CHECK(warned(warnings, "\"sparkles\" is not a part"));
  REQUIRE(s.show);
  CHECK(*s.show == show_headline);  // the parts it knows still count
  CHECK(s.font_text == "a");        // ';' ends the declaration, as in CSS
}

TEST_CASE("CSS colours as the page and style sheets write them") {
  CHECK(*parse_css_color("#abc") == Color{170, 187, 204, 255});
  CHECK(*parse_css_color("#AABBCC80") == Color{170, 187, 204, 128});
  CHECK(*parse_css_color("rgb(10, 20, 30)") == Color{10, 20, 30, 255});
  CHECK(*parse_css_color("rgb(100% 0% 50% / 0.5)") == Color{255, 0, 128, 128});
  CHECK(*parse_css_color("Navy") == Color{0, 0, 128, 255});
  CHECK_FALSE(parse_css_color("#12"));
  CHECK_FALSE(parse_css_color("rgb(1, 2)"));
  CHECK_FALSE(parse_css_color("currentColor"));
  std::vector<std::string> warnings;
  Style s = parse_style("--carta-color-background: rgba(0, 0, 0, 0.5)", &warnings);
  CHECK(*s.background == Color{0, 0, 0, 255});
  CHECK(warned(warnings, "opaque"));
}

TEST_CASE("font-family lists as fontconfig names them") {
  CHECK(font_families("\"Gazette Serif\", 'Times New Roman' , serif") ==
        std::vector<std::string>{"Gazette Serif", "Times New Roman", "serif"});
  CHECK(font_families("system-ui, ui-serif") == std::vector<std::string>{"sans-serif", "serif"});
  CHECK(font_families("").empty());
}

TEST_CASE("the styled theme: partner colours, derived greys, shape, parts and fonts") {
  Style none;
  const Theme plain = make_theme(false), styled = styled_theme(false, std::nullopt, none);
  CHECK(styled.card == plain.card);
  CHECK(styled.accent_text == plain.accent_text);
  CHECK(styled.geometry.radius == plain.geometry.radius);
  CHECK(styled.show == show_all);

  Style dark = parse_style(
      "--carta-color-background:#101010;--carta-color-card:#1b1b1b;--carta-color-text:#f2efe8;"
      "--carta-color-accent:#e0b050;--carta-radius:0;--carta-font-headline:Georgia,serif;--carta-font-text:system-ui");
  Theme t = styled_theme(false, std::nullopt, dark);
  CHECK(t.dark);  // a dark card takes the dark theme's greys
  CHECK(t.page == Color{16, 16, 16, 255});
  CHECK(t.card == Color{27, 27, 27, 255});
  CHECK(contrast_ratio(t.muted, t.card) >= 4.5);   // derived from the partner's text and card
  CHECK(contrast_ratio(t.control, t.page) >= 3.0);  // buttons are graphics: 3:1
  CHECK_FALSE(t.border == plain.border);
  CHECK(t.geometry.radius == 0);
  CHECK(t.style(TextRole::headline).family == "Georgia,serif");
  CHECK(t.style(TextRole::related_title).family == "Georgia,serif");
  CHECK(t.style(TextRole::body).family == "system-ui");
  CHECK(t.style(TextRole::category).family == "system-ui");
  CHECK(contrast_warnings(t).empty());

  // Forced colours win over the partner's colours; the shape and fonts stay.
  Theme forced = forced_colors_theme({{0, 0, 0, 255}, {255, 255, 255, 255}, {255, 255, 0, 255}, {0, 255, 0, 255}});
  keep_look(forced, t);
  CHECK(forced.card == Color{0, 0, 0, 255});
  CHECK(forced.geometry.radius == 0);
  CHECK(forced.style(TextRole::headline).family == "Georgia,serif");
}

TEST_CASE("a partner colour pair under 4.5:1 is named with both colours") {
  Theme t = styled_theme(false, std::nullopt,
                         parse_style("--carta-color-card:#ffffff;--carta-color-text:#222;--carta-color-muted:#999999;"
                                     "--carta-color-category:#ff9900"));
  std::vector<std::string> w = contrast_warnings(t);
  REQUIRE(w.size() == 2);
  CHECK(w[0] == "the muted colour #999999 on the card colour #ffffff is 2.84:1; card text needs 4.5:1 (WCAG 2.2 AA)");
  CHECK(warned(w, "the category colour #ff9900"));
  // prefers-contrast: more still wins: muted becomes the text colour, the category 7:1.
  strengthen_contrast(t);
  CHECK(contrast_warnings(t).empty());
}

TEST_CASE("every property the page reads (protocol.h) is one the style reader knows") {
  std::vector<std::string> warnings;
#define CARTA_TEST_DECLARE(name) parse_style(std::string(name) + ": x", &warnings);
  CARTA_STYLE_PROPERTIES(CARTA_TEST_DECLARE)
  for (const std::string& w : warnings) CHECK(w.find("not a property") == std::string::npos);
  CHECK_FALSE(warnings.empty());  // "x" is no value of any of them
}
