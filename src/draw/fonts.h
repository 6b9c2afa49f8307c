// The card typefaces in an ImGui font atlas, one ImFont per text role, rasterized at the
// device pixel ratio so text is crisp on HiDPI screens. Also the TextMeasure the core's
// layout asks for widths.
#pragma once
#include <array>
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

// The glyphs a card draws come in two sets: the base (Basic Latin, Latin-1, punctuation),
// always loaded, and Latin Extended-A (Turkish, Polish, Czech... names: ş ğ İ ł č),
// which the web build fetches only when a feed uses it. Natively one full font file
// serves both.
bool needs_extended_latin(std::string_view utf8);

class FontSet final : public TextMeasure {
 public:
  // Rebuilds `atlas` with every role of `theme` at `dpr`. `extended` may hold a file per
  // face for Latin Extended-A; where one is empty the base file is asked for those glyphs.
  // Returns false when a base face is missing.
  bool build(ImFontAtlas& atlas, const FontFiles& files, const FontFiles& extended, const Theme& theme, float dpr);
  bool ready() const { return ready_; }
  ImFont* font(TextRole role) const { return fonts_[static_cast<int>(role)]; }
  float dpr() const { return dpr_; }
  float width(TextRole role, std::string_view text) const override;

 private:
  std::array<ImFont*, static_cast<int>(TextRole::count)> fonts_{};
  float dpr_ = 1;
  bool ready_ = false;
};

}  // namespace carta
