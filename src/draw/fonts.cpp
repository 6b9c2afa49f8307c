#include "draw/fonts.h"

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>

#include <imgui.h>

#include "core/bidi.h"

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
// Arabic letters, digits and marks, and the presentation forms FriBiDi shapes them into
// (forms A for Persian and Urdu letters, forms B for Arabic). Must match subset-fonts.sh.
const ImWchar kArabicRanges[] = {0x0600, 0x06FF, 0xFB50, 0xFBFF, 0xFE70, 0xFEFE, 0};
// ZWNJ, ZWJ, LRM, RLM, the embeddings and isolates, ALM.
const ImWchar kBidiControls[] = {0x200C, 0x200F, 0x202A, 0x202E, 0x2066, 0x2069, 0x061C, 0x061C, 0};

bool in_ranges(const ImWchar* ranges, std::uint32_t c) {
  for (const ImWchar* r = ranges; r[0]; r += 2)
    if (c >= r[0] && c <= r[1]) return true;
  return false;
}

const ImWchar kHebrewRanges[] = {0x0590, 0x05FF, 0xFB1D, 0xFB4F, 0};  // letters, points, forms
// ImGui sizes a font by its line height (hhea ascender - descender), not by its em as CSS
// does, and the faces differ: Noto Sans's line is 1.36 em, Noto Sans Arabic's 2.11. Every
// face is therefore sized by em, the theme's size being the em as in CSS, times these
// factors for the other scripts. Arabic letters are short for their em (Noto Sans Arabic's
// x-height is 0.37 em against 0.54) and 1.1 read as the same size as Latin, but crowded
// the theme's line heights, made for Latin; at 1.0, as a browser sets them, they read well.
struct ScriptPart {
  FontPart part;
  const ImWchar* ranges;
  float em_scale[3];  // per Face: sans, sans bold, serif bold
};
const ScriptPart kScripts[] = {
    {FontPart::arabic, kArabicRanges, {1.0f, 1.0f, 1.0f}},
    {FontPart::hebrew, kHebrewRanges, {1.0f, 1.0f, 1.0f}},
};

std::uint16_t read_u16(const std::vector<unsigned char>& b, std::size_t at) {
  return at + 2 <= b.size() ? static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]) : 0;
}

// A TrueType file's line height in ems, (ascender - descender) / unitsPerEm from its hhea
// and head tables; 0 when the file is not readable as one.
float line_height_em(const std::vector<unsigned char>& ttf) {
  std::size_t head = 0, hhea = 0;
  const std::size_t tables = read_u16(ttf, 4);
  for (std::size_t i = 0; i < tables; ++i) {
    const std::size_t record = 12 + 16 * i;
    if (record + 16 > ttf.size()) return 0;
    const std::size_t offset = static_cast<std::size_t>(read_u16(ttf, record + 8)) << 16 | read_u16(ttf, record + 10);
    if (std::memcmp(&ttf[record], "head", 4) == 0) head = offset;
    if (std::memcmp(&ttf[record], "hhea", 4) == 0) hhea = offset;
  }
  const float units = head ? read_u16(ttf, head + 18) : 0;
  if (!hhea || units <= 0) return 0;
  const float ascender = static_cast<std::int16_t>(read_u16(ttf, hhea + 4));
  const float descender = static_cast<std::int16_t>(read_u16(ttf, hhea + 6));
  return (ascender - descender) / units;
}

}  // namespace

bool needs_extended_latin(std::string_view utf8) {
  // U+0100..U+017F are the two-byte sequences C4 80 .. C5 BF.
  for (std::size_t i = 0; i + 1 < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if ((c == 0xC4 || c == 0xC5) && (static_cast<unsigned char>(utf8[i + 1]) & 0xC0) == 0x80) return true;
  }
  return false;
}

std::vector<std::uint32_t> atlas_ranges(AtlasTable table) {
  const ImWchar* ranges = table == AtlasTable::base ? kBaseRanges : table == AtlasTable::latin_extended ? kExtendedRanges : kBidiControls;
  std::vector<std::uint32_t> out;
  for (const ImWchar* r = ranges; r[0]; ++r) out.push_back(*r);
  return out;
}

bool atlas_covers(std::string_view paragraph, bool rtl) {
  static const ImWchar* const kAll[] = {kBaseRanges, kExtendedRanges, kArabicRanges, kHebrewRanges};
  bool control = false;
  for (std::size_t i = 0; i < paragraph.size();) {
    if (static_cast<unsigned char>(paragraph[i]) < 0x80) {  // ASCII: the common case
      ++i;
      continue;
    }
    const std::uint32_t c = next_code_point(paragraph, i);
    bool found = false;
    for (const ImWchar* ranges : kAll) found = found || in_ranges(ranges, c);
    if (found) continue;
    // ZWNJ, ZWJ, LRM, RLM, the embeddings and isolates, ALM: the bidi engine steers by them
    // and drops them, but only text that goes through it (right-to-left text or paragraphs)
    // loses them.
    if (in_ranges(kBidiControls, c)) {
      control = true;
      continue;
    }
    return false;
  }
  return !control || rtl || has_right_to_left_text(paragraph);
}

struct BuiltFonts {
  ImFontAtlas atlas;
  std::uint64_t id = 0;
  std::u32string glyphs;  // the Latin glyphs beyond ASCII it holds (sorted)
  FontParts files;  // the bytes the atlas was built from: it keeps pointers into them
  std::array<ImFont*, static_cast<int>(TextRole::count)> fonts{};
};

// An atlas built a step at a time, so that no start-up task blocks the page for long: each
// step rasterizes one role's glyphs into an atlas of its own; the last stacks those into
// the one texture the fonts are drawn from.
struct PendingFonts {
  std::shared_ptr<BuiltFonts> built;  // its files, glyphs and id; its atlas comes last
  std::array<TypeStyle, static_cast<int>(TextRole::count)> type{};
  float dpr = 1;
  ImVector<ImWchar> latin;  // ASCII and each wanted glyph, as ImGui's 0-terminated pairs
  std::array<std::unique_ptr<ImFontAtlas>, static_cast<int>(TextRole::count)> parts;
  int next = 0;  // the next role to rasterize; at TextRole::count only stacking is left
};

// The atlas for one key, shared by every FontSet of that key. When text wants glyphs it
// lacks, a larger atlas replaces it here for all of them at once: the page keeps one atlas,
// not one per growth (each widget uploads the new one at its next frame). An atlas being
// built is shared too: every widget starting with these fonts moves the same build on.
struct SharedFonts {
  std::shared_ptr<BuiltFonts> built;
  std::unique_ptr<PendingFonts> pending;
};

namespace {

// What decides an atlas besides its Latin glyphs beyond ASCII (those only grow: a new atlas
// for the same key holds every glyph of the last one).
std::uint64_t fonts_key(const FontParts& parts, const Theme& theme, float dpr) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&h](const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  };
  mix(&dpr, sizeof dpr);
  for (const TypeStyle& style : theme.type) {
    mix(&style.face, sizeof style.face);
    mix(&style.size, sizeof style.size);
  }
  for (const FontFiles& files : parts)
    for (const std::vector<unsigned char>& file : files) {
      const std::uint64_t n = file.size();
      mix(&n, sizeof n);
      mix(file.data(), file.size());
    }
  return h;
}

std::map<std::uint64_t, std::weak_ptr<SharedFonts>>& shared_atlases() {
  static std::map<std::uint64_t, std::weak_ptr<SharedFonts>> all;
  return all;
}

// Latin beyond ASCII, rasterized on demand: the base part's ranges above U+007E, and
// Latin Extended-A.
bool on_demand(std::uint32_t c) {
  if (c < 0x80 || c > 0xFFFF) return false;
  for (const ImWchar* ranges : {kBaseRanges, kExtendedRanges})
    for (const ImWchar* r = ranges; r[0]; r += 2)
      if (c >= r[0] && c <= r[1]) return true;
  return false;
}

std::unique_ptr<PendingFonts> start_atlas(const FontParts& parts, const Theme& theme, float dpr,
                                          const std::u32string& glyphs) {
  static std::uint64_t last_id = 0;
  auto pending = std::make_unique<PendingFonts>();
  pending->built = std::make_shared<BuiltFonts>();
  pending->built->id = ++last_id;
  pending->built->files = parts;
  pending->built->glyphs = glyphs;
  std::copy(std::begin(theme.type), std::end(theme.type), pending->type.begin());
  pending->dpr = dpr;
  // ASCII always; each wanted glyph as a range of one (ImGui reads pairs, 0-terminated).
  ImVector<ImWchar>& latin = pending->latin;
  latin.push_back(0x0020);
  latin.push_back(0x007E);
  for (char32_t c : glyphs) {
    latin.push_back(static_cast<ImWchar>(c));
    latin.push_back(static_cast<ImWchar>(c));
  }
  latin.push_back(0);
  return pending;
}

// Rasterizes role `r` into an atlas of its own; false when a base face cannot be read.
bool build_role(PendingFonts& p, int r) {
  const TypeStyle& style = p.type[r];
  // Roles set in the same face at the same size (status and body) share one font: its
  // glyphs are rasterized once.
  for (int earlier = 0; earlier < r; ++earlier)
    if (p.type[earlier].face == style.face && p.type[earlier].size == style.size) return true;
  auto atlas = std::make_unique<ImFontAtlas>();
  atlas->Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoPowerOfTwoHeight;
  const FontParts& files = p.built->files;
  const int face = static_cast<int>(style.face);
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // p.built->files keeps the bytes
  config.OversampleH = 2;
  config.OversampleV = 1;
  config.PixelSnapH = false;
  auto add = [&](const std::vector<unsigned char>& data, float size, const ImWchar* ranges) {
    return atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(data.data()), static_cast<int>(data.size()),
                                       size * p.dpr, &config, ranges);
  };
  // The theme's sizes are ems, as CSS font sizes; ImGui wants the line height in pixels.
  const std::vector<unsigned char>& base = files[static_cast<int>(FontPart::base)][face];
  if (base.empty()) return true;  // drawn in the partner's font (FontSet::build checked)
  const float latin_em = line_height_em(base);
  const float latin_size = style.size * (latin_em > 0 ? latin_em : 1.f);
  // The base file and the Latin Extended-A file share the glyph list: each rasterizes the
  // wanted glyphs it has (a glyph already in the font is not added again).
  if (!add(base, latin_size, p.latin.Data)) return false;
  config.MergeMode = true;  // the other parts' glyphs join the same ImFont
  const std::vector<unsigned char>& ext = files[static_cast<int>(FontPart::latin_extended)][face];
  if (!ext.empty()) add(ext, latin_size, p.latin.Data);
  for (const ScriptPart& script : kScripts) {
    const std::vector<unsigned char>& data = files[static_cast<int>(script.part)][face];
    const float em = line_height_em(data);
    if (em > 0) add(data, style.size * script.em_scale[face] * em, script.ranges);
  }
  if (!atlas->Build()) return false;
  p.parts[r] = std::move(atlas);
  return true;
}

// Stacks the roles' atlases into one texture and moves their fonts into the atlas that is
// drawn from; each glyph keeps its pixels, so the text is the same as from one Build().
std::shared_ptr<BuiltFonts> stack_atlas(PendingFonts& p) {
  BuiltFonts& built = *p.built;
  ImFontAtlas& atlas = built.atlas;
  int width = 0, height = 0;
  for (const auto& part : p.parts)
    if (part) {
      width = std::max(width, part->TexWidth);
      height += part->TexHeight;  // each ends in a blank row (NoPowerOfTwoHeight): no bleeding
    }
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;
  width = std::max(width, 1);  // no part at all: every role is in the partner's fonts
  height = std::max(height, 1);
  atlas.TexWidth = width;
  atlas.TexHeight = height;
  atlas.TexUvScale = ImVec2(1.f / width, 1.f / height);
  atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(static_cast<std::size_t>(width) * height));
  std::memset(atlas.TexPixelsAlpha8, 0, static_cast<std::size_t>(width) * height);
  int top = 0;
  bool first = true;
  for (int r = 0; r < static_cast<int>(TextRole::count); ++r) {
    ImFontAtlas* part = p.parts[r].get();
    if (!part) continue;
    const int w = part->TexWidth, h = part->TexHeight;
    for (int y = 0; y < h; ++y)
      std::memcpy(atlas.TexPixelsAlpha8 + static_cast<std::size_t>(top + y) * width,
                  part->TexPixelsAlpha8 + static_cast<std::size_t>(y) * w, w);
    // Texture coordinates from the part's to the stack's.
    const float su = static_cast<float>(w) / width, sv = static_cast<float>(h) / height;
    const float dv = static_cast<float>(top) / height;
    auto move_uv = [&](float& u, float& v) {
      u *= su;
      v = v * sv + dv;
    };
    if (first) {  // the white pixel and the baked lines every draw list uses: the first part's
      atlas.TexUvWhitePixel = part->TexUvWhitePixel;
      move_uv(atlas.TexUvWhitePixel.x, atlas.TexUvWhitePixel.y);
      for (int i = 0; i <= IM_DRAWLIST_TEX_LINES_WIDTH_MAX; ++i) {
        atlas.TexUvLines[i] = part->TexUvLines[i];
        move_uv(atlas.TexUvLines[i].x, atlas.TexUvLines[i].y);
        move_uv(atlas.TexUvLines[i].z, atlas.TexUvLines[i].w);
      }
      first = false;
    }
    ImFont* font = part->Fonts[0];
    for (ImFontGlyph& g : font->Glyphs) {
      move_uv(g.U0, g.V0);
      move_uv(g.U1, g.V1);
    }
    font->ContainerAtlas = &atlas;
    font->ConfigData = nullptr;  // the part's, freed with it
    font->ConfigDataCount = 0;
    part->Fonts.clear();  // the font is the stack's now
    atlas.Fonts.push_back(font);
    built.fonts[r] = font;
    top += h;
  }
  for (int r = 0; r < static_cast<int>(TextRole::count); ++r)  // roles that share an earlier role's font
    if (!built.fonts[r])
      for (int earlier = 0; earlier < r && !built.fonts[r]; ++earlier)
        if (p.type[earlier].face == p.type[r].face && p.type[earlier].size == p.type[r].size)
          built.fonts[r] = built.fonts[earlier];
  atlas.TexReady = true;  // the renderer uploads TexPixelsAlpha8 as it is (one channel)
  return p.built;
}

}  // namespace

bool FontSet::build(const FontParts& parts, const Theme& theme, float dpr, int max_steps) {
  // A role in the partner's fonts (TypeStyle::family) needs no face of Carta's: a page that
  // names both its fonts fetches none, and its atlas holds no glyphs.
  for (const TypeStyle& style : theme.type)
    if (style.family.empty() && parts[static_cast<int>(FontPart::base)][static_cast<int>(style.face)].empty())
      return false;
  const std::uint64_t key = fonts_key(parts, theme, dpr);
  auto& all = shared_atlases();
  std::shared_ptr<SharedFonts> shared = all[key].lock();
  if (!shared) {
    shared = std::make_shared<SharedFonts>();
    all[key] = shared;
  }
  shared_ = shared;  // until the new atlas is ready this set draws from the last one, if any
  dpr_ = dpr;
  const auto holds_wanted = [this](const std::u32string& glyphs) {
    return std::includes(glyphs.begin(), glyphs.end(), wanted_.begin(), wanted_.end());
  };
  const BuiltFonts* last = shared->built.get();
  if (!last || !holds_wanted(last->glyphs)) {
    PendingFonts* p = shared->pending.get();
    if (!p || !holds_wanted(p->built->glyphs)) {
      std::u32string glyphs = wanted_;
      for (const BuiltFonts* earlier : {last, p ? static_cast<const BuiltFonts*>(p->built.get()) : nullptr}) {
        if (!earlier) continue;  // the next atlas for this key keeps what the earlier ones had
        std::u32string both;
        std::set_union(glyphs.begin(), glyphs.end(), earlier->glyphs.begin(), earlier->glyphs.end(),
                       std::back_inserter(both));
        glyphs.swap(both);
      }
      shared->pending = start_atlas(parts, theme, dpr, glyphs);
      p = shared->pending.get();
    }
    for (; max_steps > 0 && p->next < static_cast<int>(TextRole::count); --max_steps, ++p->next)
      if (!build_role(*p, p->next)) {
        shared->pending.reset();
        return false;
      }
    if (max_steps <= 0) return false;  // more steps to go
    shared->built = stack_atlas(*p);
    shared->pending.reset();
  }
  for (auto it = all.begin(); it != all.end();) it = it->second.expired() ? all.erase(it) : std::next(it);
  return true;
}

bool FontSet::building() const { return shared_ && shared_->pending; }

bool FontSet::want_glyphs(std::string_view utf8) {
  bool missing = false;
  for (std::size_t i = 0; i < utf8.size();) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {
      ++i;
      continue;
    }
    const char32_t c = next_code_point(utf8, i);
    if (!on_demand(c)) continue;
    auto at = std::lower_bound(wanted_.begin(), wanted_.end(), c);
    if (at == wanted_.end() || *at != c) wanted_.insert(at, c);
    const BuiltFonts* built = this->built();
    if (!built || !std::binary_search(built->glyphs.begin(), built->glyphs.end(), c)) missing = true;
  }
  return missing;
}

BuiltFonts* FontSet::built() const { return shared_ ? shared_->built.get() : nullptr; }

ImFontAtlas* FontSet::atlas() const { return built() ? &built()->atlas : nullptr; }

std::uint64_t FontSet::atlas_id() const { return built() ? built()->id : 0; }

ImFont* FontSet::font(TextRole role) const { return built() ? built()->fonts[static_cast<int>(role)] : nullptr; }

int FontSet::shared_count() {
  int n = 0;
  for (const auto& entry : shared_atlases()) n += entry.second.expired() ? 0 : 1;
  return n;
}

float FontSet::width(TextRole role, std::string_view text) const {
  ImFont* f = font(role);
  if (!f || text.empty()) return 0;
  return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x / dpr_;
}

}  // namespace carta
