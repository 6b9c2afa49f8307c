// The native platform's text stack for the scripts the font atlas does not cover: Pango
// breaks, shapes (HarfBuzz) and lays out the line, Cairo draws it, fontconfig finds the
// fonts (Debian's fonts-noto-core, fonts-noto-cjk and fonts-noto-color-emoji).
//   [X] Line breaking by Pango (UAX #14, Thai dictionary breaks, between ideographs).
//   [X] Shaping and bidi by Pango; colour emoji; font fallback by fontconfig.
//   [X] Metrics unhinted, so a line measured in CSS px draws the same width at any dpr.
#pragma once
#include <memory>

#include "draw/text_engine.h"

namespace carta::native {

class PangoText final : public PlatformText {
 public:
  PangoText();
  ~PangoText() override;
  PangoText(const PangoText&) = delete;
  PangoText& operator=(const PangoText&) = delete;

  std::vector<std::string> lines(std::string_view text, const TypeStyle& style, float max_width, int max_lines,
                                 const Language& language) override;
  float width(std::string_view line, const TypeStyle& style, const Language& language) override;
  Texture image(std::string_view line, const TypeStyle& style, Color color, const Language& language,
                float dpr) override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace carta::native
