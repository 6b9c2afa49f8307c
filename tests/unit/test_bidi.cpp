// The right-to-left text pipeline on known strings: Arabic joining forms, the lam-alef
// ligature, logical to visual order, numbers and Latin inside Arabic, mirrored brackets.
#include <doctest/doctest.h>

#include <cstdint>
#include <initializer_list>
#include <string>

#include "core/bidi.h"

using namespace carta;

namespace {

// UTF-8 for a list of code points, so expectations name the exact forms.
std::string cps(std::initializer_list<std::uint32_t> list) {
  std::string out;
  for (std::uint32_t c : list) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// What the painter gets: shaped, then in visual order.
std::string on_screen(const std::string& logical, bool rtl) {
  return visual_line(shape_paragraph(logical, rtl), rtl);
}

}  // namespace

TEST_CASE("the engine is linked into native builds and tests") { CHECK(bidi_engine_available()); }

TEST_CASE("right-to-left text is detected by script, not guessed") {
  CHECK(has_right_to_left_text("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"));  // سلام
  CHECK(has_right_to_left_text("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"));  // שלום
  CHECK(has_right_to_left_text(cps({0xFEFB})));                       // a presentation form
  CHECK(has_right_to_left_text("a\xE2\x80\x8F" "b"));                 // RIGHT-TO-LEFT MARK
  CHECK_FALSE(has_right_to_left_text("Beyrouth, \xC3\xA9t\xC3\xA9 2025 \xE2\x80\x94 \xE2\x80\x9Cok\xE2\x80\x9D"));
  CHECK_FALSE(has_right_to_left_text("\xC4\xB0stanbul \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"));  // İstanbul Москва
  CHECK_FALSE(has_right_to_left_text(""));
}

TEST_CASE("Latin in a left-to-right paragraph is left exactly as it is") {
  const std::string s = "Post-Assad Syria (2025): \xE2\x80\x9Cstrategic\xE2\x80\x9D ties \xE2\x80\xA6";
  CHECK(shape_paragraph(s, false) == s);
  CHECK(visual_line(s, false) == s);
}

TEST_CASE("joining forms: initial, medial and final letters of one word") {
  // بيت (beh yeh teh) → initial beh, medial yeh, final teh; on screen the first letter is
  // on the right.
  const std::string word = "\xD8\xA8\xD9\x8A\xD8\xAA";
  CHECK(shape_paragraph(word, true) == cps({0xFE91, 0xFEF4, 0xFE96}));
  CHECK(on_screen(word, true) == cps({0xFE96, 0xFEF4, 0xFE91}));
  // A lone letter takes its isolated form; alef never joins to the letter after it.
  CHECK(shape_paragraph("\xD9\x85", true) == cps({0xFEE1}));
  CHECK(shape_paragraph("\xD8\xA7\xD8\xA8", true) == cps({0xFE8D, 0xFE8F}));  // اب
}

TEST_CASE("lam followed by alef becomes one ligature") {
  // سلام: initial seen, final lam-alef (one glyph), isolated meem.
  const std::string salam = "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85";
  CHECK(shape_paragraph(salam, true) == cps({0xFEB3, 0xFEFC, 0xFEE1}));
  CHECK(on_screen(salam, true) == cps({0xFEE1, 0xFEFC, 0xFEB3}));
  // لا alone: the isolated ligature.
  CHECK(shape_paragraph("\xD9\x84\xD8\xA7", true) == cps({0xFEFB}));
}

TEST_CASE("numbers inside Arabic keep their left-to-right order") {
  // عام 2015 → the year reads 2015 at the left end, the word on the right.
  const std::string year = "\xD8\xB9\xD8\xA7\xD9\x85 2015";
  CHECK(on_screen(year, true) == "2015 " + cps({0xFEE1, 0xFE8E, 0xFECB}));
  // A number between two words stays in the middle, digits in order.
  const std::string phrase = "\xD9\x85\xD9\x86\xD8\xB0 31 \xD8\xAA\xD9\x85\xD9\x88\xD8\xB2";  // منذ 31 تموز
  std::string shown = on_screen(phrase, true);
  CHECK(shown.find(" 31 ") != std::string::npos);
  CHECK(shown.rfind(cps({0xFEE3}), 0) != 0);  // the first word (initial meem) is not on the left
}

TEST_CASE("mixed scripts: an Arabic name inside an English sentence, Latin inside Arabic") {
  // Minister (أسعد): the name is reversed and joined inside its brackets; English stays.
  const std::string en = "Minister (\xD8\xA3\xD8\xB3\xD8\xB9\xD8\xAF)";
  CHECK(on_screen(en, false) == "Minister (" + cps({0xFEAA, 0xFECC, 0xFEB3, 0xFE83}) + ")");
  // قوات UNIFIL: the Latin word reads left to right at the left end of the line.
  const std::string ar = "\xD9\x82\xD9\x88\xD8\xA7\xD8\xAA UNIFIL";
  CHECK(on_screen(ar, true) == "UNIFIL " + cps({0xFE95, 0xFE8D, 0xFEEE, 0xFED7}));  // waw and alef do not join forward
}

TEST_CASE("brackets are mirrored inside right-to-left runs") {
  // (بيت) in an Arabic paragraph: the opening bracket is on the right, drawn as ")" turned.
  CHECK(on_screen("(\xD8\xA8\xD9\x8A\xD8\xAA)", true) == "(" + cps({0xFE96, 0xFEF4, 0xFE91}) + ")");
  // «…» quotation marks mirror too.
  CHECK(on_screen("\xC2\xAB\xD9\x84\xD8\xA7\xC2\xBB", true) == "\xC2\xAB" + cps({0xFEFB}) + "\xC2\xBB");
}

TEST_CASE("a combining mark comes just before its letter, so it is drawn over it") {
  // تُ (teh, damma): on screen the damma is first, then the (isolated) teh.
  CHECK(on_screen("\xD8\xAA\xD9\x8F", true) == cps({0x064F, 0xFE95}));
  // The mark does not break joining: تُطلى keeps teh initial and tah medial.
  CHECK(shape_paragraph("\xD8\xAA\xD9\x8F\xD8\xB7", true) == cps({0xFE97, 0x064F, 0xFEC2}));
}

TEST_CASE("Hebrew is reordered, not shaped: letters right to left, numbers left to right") {
  // שלום 2025 → the year on the left, then the word's letters reversed (final mem first).
  const std::string shalom = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D 2025";
  CHECK(shape_paragraph(shalom, true) == shalom);
  CHECK(on_screen(shalom, true) == "2025 \xD7\x9D\xD7\x95\xD7\x9C\xD7\xA9");
}

TEST_CASE("a trailing ellipsis ends up at the left of a right-to-left line") {
  const std::string cut = "\xD8\xA8\xD9\x8A\xD8\xAA\xE2\x80\xA6";  // بيت…
  CHECK(on_screen(cut, true) == "\xE2\x80\xA6" + cps({0xFE96, 0xFEF4, 0xFE91}));
}

TEST_CASE("hostile text is returned whole or shaped, never broken") {
  std::string junk = "\xD8\xB3\xFF\xD9\x84\xE2\x80\xAE\xE2\x80\xAB\xE2\x80\xAC\xD8\xA7\xCC\x81";
  std::string out = on_screen(junk, true);
  CHECK(!out.empty());
  std::string many(3000, '(');
  CHECK(on_screen(many + "\xD8\xA8", true).size() == many.size() + 3);
}
