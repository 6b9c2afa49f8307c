// Line breaking and clamping for card text. Measuring is the drawing layer's job (it owns
// the fonts); the core only asks "how wide is this run in this role?".
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace carta {

// The typographic roles a card uses; the theme maps each to a face and size.
enum class TextRole { caption, category, headline, meta, body, related_category, related_title, status, count };

struct TextMeasure {
  virtual ~TextMeasure() = default;
  // Width in CSS pixels of `text` set in `role`.
  virtual float width(TextRole role, std::string_view text) const = 0;
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

// Upper-cases ASCII letters (category labels); other characters are left as they are.
std::string ascii_upper(std::string_view text);

}  // namespace carta
