// The card typefaces in an ImGui font atlas, one ImFont per text role, rasterized at the
// device pixel ratio so text is crisp on HiDPI screens. Also the TextMeasure the core's
// layout asks for widths.
#pragma once
#include <array>
#include <memory>
#include <string_view>
#include <string>
#include <vector>

#include "core/text.h"
#include "core/theme.h"

struct ImFont;
struct ImFontAtlas;

namespace carta {

// TrueType bytes for each Face (sans, sans bold, serif bold). The platform supplies them.
using FontFiles = std::array<std::vector<unsigned char>, static_cast<int>(Face::count)>;

// The glyphs a card draws come in parts: the base (Basic Latin, Latin-1, punctuation),
// always loaded; Latin Extended-A (Turkish, Polish, Czech... names: ş ğ İ ł č); Arabic
// (letters, digits, and the presentation forms shaped text is drawn with; also Persian and
// Urdu); and Hebrew. The web build fetches all but the base only when a feed uses them.
// Natively the files come from Debian's font packages.
enum class FontPart { base, latin_extended, arabic, hebrew, count };
using FontParts = std::array<FontFiles, static_cast<int>(FontPart::count)>;

bool needs_extended_latin(std::string_view utf8);

// True when the atlas can draw `paragraph` (of direction `rtl`): every character in the
// ranges of the parts above, or a bidi or joining control that the right-to-left engine
// consumes (in text that goes through it). Anything else takes the platform's text path
// (draw/text_engine.h).
bool atlas_covers(std::string_view paragraph, bool rtl);

// A built atlas with one ImFont per role. Every FontSet that asks for the same fonts at the
// same sizes and device pixel ratio shares one (a page with many widgets rasterizes and
// keeps its glyphs once); it lives while a FontSet uses it.
struct BuiltFonts;

class FontSet final : public TextMeasure {
 public:
  // Points this set at the atlas with every role of `theme` at `dpr`, built from `parts`
  // unless another set already built the same. Returns false when a base face is missing.
  // Where a Latin Extended-A file is missing the base file is asked for those glyphs;
  // without an Arabic or Hebrew file that script is not drawn.
  bool build(const FontParts& parts, const Theme& theme, float dpr);
  bool ready() const { return built_ != nullptr; }
  // The atlas the fonts live in (its pixels are the font texture); nullptr before build.
  ImFontAtlas* atlas() const;
  ImFont* font(TextRole role) const;
  float dpr() const { return dpr_; }
  float width(TextRole role, std::string_view text) const override;
  // How many distinct atlases the FontSets of this process use now.
  static int shared_count();

 private:
  std::shared_ptr<BuiltFonts> built_;
  float dpr_ = 1;
};

}  // namespace carta
