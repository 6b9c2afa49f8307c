// Line breaking and clamping for card text. Measuring is the drawing layer's job (it owns
// the fonts); the core only asks "how wide is this run in this role?".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace carta {

// The typographic roles a card uses; the theme maps each to a face and size.
enum class TextRole { caption, category, headline, meta, body, related_category, related_title, status, count };

// The language of a paragraph (BCP 47, "" when unknown) and its direction: the platform's
// text stack picks fonts by language (Tamil vowel signs, Japanese or Chinese forms of one
// character) and breaks lines by it.
struct Language {
  std::string code;
  bool rtl = false;
};

// Text takes one of two paths. The fast path: the drawing layer's font atlas has every
// character of the paragraph and nothing in it needs shaping the atlas cannot do; the core
// breaks its lines (wrap_text) and the painter draws glyphs from the atlas. The platform
// path: anything else (Cyrillic, Greek, CJK, Indic, Thai, emoji…), whose lines the
// platform's own text stack breaks and draws (the browser's on the web, Pango natively).
struct TextMeasure {
  virtual ~TextMeasure() = default;
  // Width in CSS pixels of `text` set in `role` (fast path).
  virtual float width(TextRole role, std::string_view text) const = 0;
  // Whether a paragraph (of direction `rtl`, set in `role`) must take the platform path.
  // Without a platform text stack (the tests' measures), never.
  virtual bool platform_text(std::string_view paragraph, bool rtl, TextRole role) const {
    (void)paragraph, (void)rtl, (void)role;
    return false;
  }
  // Platform path: `paragraph` (logical order) broken into lines no wider than `max_width`,
  // at most `max_lines` of them (0: no limit); when text is cut the last line ends in "…".
  virtual std::vector<std::string> platform_lines(std::string_view paragraph, float max_width, TextRole role,
                                                  int max_lines, const Language& language) const {
    (void)paragraph, (void)max_width, (void)role, (void)max_lines, (void)language;
    return {};
  }
  // Platform path: the width of one line as the platform draws it.
  virtual float platform_width(TextRole role, std::string_view line, const Language& language) const {
    (void)role, (void)line, (void)language;
    return 0;
  }
};

// Breaks `text` into lines no wider than `max_width`, at spaces where possible and inside
// a word only when the word alone is too wide. With `max_lines` > 0, text that does not fit
// ends in an ellipsis on the last line.
std::vector<std::string> wrap_text(std::string_view text, float max_width, TextRole role,
                                   const TextMeasure& measure, int max_lines);

// Shortens one line to fit `max_width`, ending it with "…" when anything was cut.
std::string fit_line(std::string_view text, float max_width, TextRole role, const TextMeasure& measure);

// Number of bytes in the UTF-8 sequence starting with `lead` (1 for stray bytes).
int utf8_length(unsigned char lead);

// Decodes the UTF-8 sequence at `i` and moves `i` past it; malformed bytes decode as
// U+FFFD (the feed reader has already replaced invalid UTF-8: this is only a guard).
std::uint32_t next_code_point(std::string_view utf8, std::size_t& i);

// Upper-cases ASCII letters (category labels); other characters are left as they are.
std::string ascii_upper(std::string_view text);
// Lower-cases ASCII letters (CSS keywords and units); other characters are left as they are.
std::string ascii_lower(std::string_view text);

}  // namespace carta
