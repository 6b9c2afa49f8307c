// Card text on its two paths (core/text.h), put together for layout and painting: the font
// atlas (FontSet) for paragraphs it covers, the platform's own text stack (PlatformText:
// the browser's on the web, Pango natively) for every other script. What the platform
// answers is remembered, because layout asks the same questions every frame; its line
// images stay on the GPU in an LRU cache with a byte budget.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <map>
#include <vector>

#include "core/image_cache.h"
#include "core/text.h"
#include "core/theme.h"
#include "draw/card_painter.h"
#include "draw/fonts.h"

namespace carta {

// What a platform's text stack does for Carta. Sizes are CSS px; `style` is the role's
// face, em size and line height from the theme.
class PlatformText {
 public:
  virtual ~PlatformText() = default;
  // `text` (logical order) in lines no wider than `max_width`, at most `max_lines` (0: no
  // limit), broken where the platform breaks lines (spaces, between ideographs, dictionary
  // breaks in Thai), never inside a grapheme cluster; when text is cut, the last line ends
  // in "…".
  virtual std::vector<std::string> lines(std::string_view text, const TypeStyle& style, float max_width,
                                         int max_lines, const Language& language) = 0;
  virtual float width(std::string_view line, const TypeStyle& style, const Language& language) = 0;
  // One line drawn in `color` as a new texture of the current GL context: the line box
  // (style.line_height * dpr device px tall, text centred in it as CSS does), its start
  // edge text_image_pad(dpr) px in from the texture's — the left edge, or the right one
  // for a right-to-left line, which is right-aligned: the text keeps the fraction of a
  // pixel the browser's own layout gives it there — and as much room after its end.
  // RGBA, not premultiplied. A zero id when it cannot.
  virtual Texture image(std::string_view line, const TypeStyle& style, Color color, const Language& language,
                        float dpr) = 0;
};

class TextEngine final : public TextMeasure {
 public:
  TextEngine(const FontSet& atlas, const Theme& theme) : atlas_(atlas), theme_(theme) {}
  // The platform's text stack, or nullptr (everything then goes to the atlas, whose
  // missing glyphs show as "?").
  void set_platform(PlatformText* platform);
  bool has_platform() const { return platform_ != nullptr; }

  float width(TextRole role, std::string_view text) const override { return atlas_.width(role, text); }
  bool platform_text(std::string_view paragraph, bool rtl, TextRole role) const override;
  std::vector<std::string> platform_lines(std::string_view paragraph, float max_width, TextRole role, int max_lines,
                                          const Language& language) const override;
  float platform_width(TextRole role, std::string_view line, const Language& language) const override;

  // The texture of a text_image shape at `dpr`, made on first use; nullptr when the
  // platform cannot draw it.
  const Texture* image(const Shape& shape, float dpr);
  // Textures evicted from the cache since the last call: the caller deletes them once the
  // frame that may still draw them has been rendered.
  std::vector<std::uint64_t> take_evicted();
  // The GL context was lost: forgets every line image and returns their textures (the
  // caller deletes the names, which on a lost context only frees them for reuse).
  std::vector<std::uint64_t> forget_images();
  std::size_t image_bytes() const { return images_.bytes(); }
  // The theme's fonts changed: every answer and line image is forgotten (the images' textures
  // are handed out by take_evicted).
  void restyle();

 private:
  const FontSet& atlas_;
  const Theme& theme_;
  PlatformText* platform_ = nullptr;
  mutable std::map<std::string, std::vector<std::string>> lines_;
  mutable std::map<std::string, float> widths_;
  ImageCache images_{16u << 20};
  Texture lookup_;
  std::vector<std::uint64_t> evicted_;
};

}  // namespace carta
