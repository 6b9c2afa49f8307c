// The card typefaces in an ImGui font atlas, one ImFont per text role, rasterized at the
// device pixel ratio so text is crisp on HiDPI screens. Also the TextMeasure the core's
// layout asks for widths.
#pragma once
#include <array>
#include <cstdint>
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

// The tables atlas_covers reads, as pairs of first and last code point: the base part's
// characters, Latin Extended-A's, and the invisible controls the bidi engine consumes.
// The page's loader reads the same tables (protocol.js) to decide, before the module
// runs, which font parts and whether the browser's text stack a feed needs.
enum class AtlasTable { base, latin_extended, controls };
std::vector<std::uint32_t> atlas_ranges(AtlasTable table);

// A built atlas with one ImFont per role. Every FontSet that asks for the same fonts at the
// same sizes and device pixel ratio shares one (a page with many widgets rasterizes and
// keeps its glyphs once); it lives while a FontSet uses it.
struct BuiltFonts;
struct SharedFonts;

class FontSet final : public TextMeasure {
 public:
  // Points this set at the atlas with every role of `theme` at `dpr`, built from `parts`
  // unless another set already built one with every glyph this one wants. Returns false
  // when a base face is missing that a role without a partner's font (TypeStyle::family)
  // is set in; a role in the partner's font has no ImFont (font() is nullptr). Where a
  // Latin Extended-A file is missing the base file is asked for those glyphs; without an
  // Arabic or Hebrew file that script is not drawn.
  // Latin glyphs beyond ASCII are rasterized only once some text wants them (want_glyphs):
  // most feeds use a few dozen of the 300 the atlas could hold, and rasterizing is most of
  // a widget's start-up work.
  // At most `max_steps` steps of the work are done (one role's glyphs each, then stacking
  // them into one texture): false, with building() true, while steps remain.
  bool build(const FontParts& parts, const Theme& theme, float dpr, int max_steps = 1 << 20);
  bool building() const;
  // Notes the Latin glyphs beyond ASCII that `utf8` uses; true when some are not in the
  // atlas yet (build again before measuring it).
  bool want_glyphs(std::string_view utf8);
  bool ready() const { return built() != nullptr; }
  // The atlas the fonts live in (its pixels are the font texture); nullptr before build.
  ImFontAtlas* atlas() const;
  // Tells atlases apart (a new one may reuse a freed one's address); 0 before build.
  std::uint64_t atlas_id() const;
  ImFont* font(TextRole role) const;
  float dpr() const { return dpr_; }
  float width(TextRole role, std::string_view text) const override;
  // How many distinct atlases the FontSets of this process use now.
  static int shared_count();

 private:
  BuiltFonts* built() const;
  std::shared_ptr<SharedFonts> shared_;
  std::u32string wanted_;  // sorted: the Latin glyphs beyond ASCII text has asked for
  float dpr_ = 1;
};

}  // namespace carta
