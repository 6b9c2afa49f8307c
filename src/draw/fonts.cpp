#include "draw/fonts.h"

#include <cfloat>

#include <imgui.h>

namespace carta {
namespace {

// Latin with Latin-1 and Extended-A (names across Europe and transliterated Arabic names),
// general punctuation (’ “ ” — … •), the euro and trade marks.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x017F,  // Basic Latin, Latin-1 Supplement, Latin Extended-A
    0x2010, 0x205E,  // General Punctuation
    0x20AC, 0x20AC,  // €
    0x2122, 0x2122,  // ™
    0,
};

}  // namespace

bool FontSet::build(ImFontAtlas& atlas, const FontFiles& files, const Theme& theme, float dpr) {
  ready_ = false;
  dpr_ = dpr;
  atlas.Clear();
  for (const auto& f : files)
    if (f.empty()) return false;
  for (int r = 0; r < static_cast<int>(TextRole::count); ++r) {
    const TypeStyle& style = theme.type[r];
    const std::vector<unsigned char>& data = files[static_cast<int>(style.face)];
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the platform keeps the bytes alive
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = false;
    fonts_[r] = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data.data()), static_cast<int>(data.size()),
                                           style.size * dpr, &config, kGlyphRanges);
    if (!fonts_[r]) return false;
  }
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;
  if (!atlas.Build()) return false;
  ready_ = true;
  return true;
}

float FontSet::width(TextRole role, std::string_view text) const {
  ImFont* f = font(role);
  if (!f || text.empty()) return 0;
  return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x / dpr_;
}

}  // namespace carta
