// The browser's text stack as the widget's PlatformText (see web_text.cpp).
#pragma once
#include "draw/text_engine.h"

namespace carta::web {

class BrowserText final : public PlatformText {
 public:
  explicit BrowserText(int host_id) : host_id_(host_id) {}
  std::vector<std::string> lines(std::string_view text, const TypeStyle& style, float max_width, int max_lines,
                                 const Language& language) override;
  float width(std::string_view line, const TypeStyle& style, const Language& language) override;
  Texture image(std::string_view line, const TypeStyle& style, Color color, const Language& language,
                float dpr) override;

 private:
  int host_id_;
};

}  // namespace carta::web
