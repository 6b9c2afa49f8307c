// The web widget's platform text path (draw/text_engine.h): the browser's own text stack
// sets what the font atlas cannot — any script, emoji — exactly as the page's DOM text.
// web/carta-text.js, fetched only for feeds that need it, breaks lines by laying the
// paragraph out in a hidden element and draws each line with Canvas 2D; these calls reach
// it through the widget's host object and upload the drawn line as a texture.
#include "platform/web/web_text.h"

#include <cstdlib>

// The browser's text stack, reached through src/platform/web/library.js.
extern "C" {
// Lines joined by '\n', in memory from malloc (the caller frees it).
// `face` is a carta::Face (its weight), `family` the partner's CSS font-family list or "".
char* carta_js_text_lines(int host_id, const char* text, int face, const char* family, float size, float line_height,
                          float max_width, int max_lines, int rtl, const char* lang);
double carta_js_text_width(int host_id, const char* text, int face, const char* family, float size, int rtl,
                           const char* lang);
// Draws a line and uploads it as a texture of the current context; writes its size to
// `size_out` and returns the texture's name (0 on failure).
int carta_js_text_image(int host_id, const char* text, int face, const char* family, float size, float line_height,
                        int rgba, int rtl, const char* lang, float dpr, int pad, int* size_out);
}

namespace carta::web {

std::vector<std::string> BrowserText::lines(std::string_view text, const TypeStyle& style, float max_width,
                                            int max_lines, const Language& language) {
  std::vector<std::string> out;
  char* joined = carta_js_text_lines(host_id_, std::string(text).c_str(), static_cast<int>(style.face),
                                     style.family.c_str(), style.size, style.line_height, max_width, max_lines, language.rtl, language.code.c_str());
  if (!joined) return out;
  std::string_view all(joined);
  while (!all.empty()) {
    const std::size_t end = all.find('\n');
    out.emplace_back(all.substr(0, end));
    if (end == std::string_view::npos) break;
    all.remove_prefix(end + 1);
  }
  std::free(joined);
  return out;
}

float BrowserText::width(std::string_view line, const TypeStyle& style, const Language& language) {
  return static_cast<float>(carta_js_text_width(host_id_, std::string(line).c_str(), static_cast<int>(style.face),
                                                style.family.c_str(), style.size, language.rtl, language.code.c_str()));
}

Texture BrowserText::image(std::string_view line, const TypeStyle& style, Color color, const Language& language,
                           float dpr) {
  int size[2] = {0, 0};
  const int rgba = static_cast<int>(static_cast<unsigned>(color.r) << 24 | color.g << 16 | color.b << 8 | color.a);
  const int name = carta_js_text_image(host_id_, std::string(line).c_str(), static_cast<int>(style.face),
                                       style.family.c_str(), style.size, style.line_height, rgba, language.rtl, language.code.c_str(), dpr,
                                       text_image_pad(dpr), size);
  Texture t;
  if (name <= 0) return t;
  t.id = reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(name));
  t.width = size[0];
  t.height = size[1];
  return t;
}

}  // namespace carta::web
