#include "draw/fonts.h"

#include <cfloat>

#include <imgui.h>

namespace carta {
namespace {

// Latin with Latin-1 and Extended-A (names across Europe and transliterated Arabic names),
// general punctuation (’ “ ” — … •), the euro and trade marks.
// Must match scripts/subset-fonts.sh.
const ImWchar kBaseRanges[] = {
    0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement
    0x2010, 0x2027,  // dashes, quotes, daggers, bullet, ellipsis
    0x2030, 0x2030,  // per mille
    0x2032, 0x2033,  // primes
    0x2039, 0x203A,  // single guillemets
    0x2044, 0x2044,  // fraction slash
    0x20AC, 0x20AC,  // €
    0x2122, 0x2122,  // ™
    0,
};
const ImWchar kExtendedRanges[] = {0x0100, 0x017F, 0};  // Latin Extended-A

}  // namespace

bool needs_extended_latin(std::string_view utf8) {
  // U+0100..U+017F are the two-byte sequences C4 80 .. C5 BF.
  for (std::size_t i = 0; i + 1 < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if ((c == 0xC4 || c == 0xC5) && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) return true;
  }
  return false;
}

bool FontSet::build(ImFontAtlas& atlas, const FontFiles& files, const FontFiles& extended, const Theme& theme,
                    float dpr) {
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
                                           style.size * dpr, &config, kBaseRanges);
    if (!fonts_[r]) return false;
    const std::vector<unsigned char>& more = extended[static_cast<int>(style.face)];
    const std::vector<unsigned char>& ext = more.empty() ? data : more;
    ImFontConfig merge = config;
    merge.MergeMode = true;  // the extended glyphs join the same ImFont
    atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(ext.data()), static_cast<int>(ext.size()), style.size * dpr,
                               &merge, kExtendedRanges);
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
