// Each card drawn once into a texture of its own (its layer) and from then on, frame after
// frame, as one textured rectangle. A slide only moves the layers, so each pixel of the
// strip is filled once per frame, not once for every box, picture, scrim and line on it:
// a CPU rasterizer (SwiftShader) and a phone's GPU pay by the pixel filled.
//
// A card is drawn into its layer again when what it shows changes (hover, a picture or a
// line image arriving, new glyphs, another size or theme). Its key says so: a hash of its
// shapes relative to its box and of the textures they draw. The layout puts every card's
// left edge on the device pixel grid (SceneInput::dpr), so mid-slide a card's pixels are
// the ones it has at rest, whole pixels away. Drawn as it is, a layer gives the card's
// pixels exactly (same blending, premultiplied; no resampling).
//
// Painted directly, as before: a card whose picture the page shows under the canvas (its
// hole must reach the page), a card too large for a texture, and all that is not on a
// card (controls, focus ring, skeleton and status cards).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include <imgui.h>

#include "core/layout.h"
#include "draw/card_painter.h"
#include "draw/fonts.h"
#include "draw/gl_renderer.h"

namespace carta {

class CardLayers {
 public:
  // Paints `scene` into `draw`, the canvas's list for this frame: its cards as their layers
  // (drawn into them first where their key changed, with `renderer`, before the canvas is
  // drawn), the rest as paint_scene does. `salt` is what else a card's pixels depend on
  // (the font atlas's version); `max_side`, the largest texture side.
  void paint(ImDrawList& draw, const Scene& scene, const FontSet& fonts, const TextureLookup& textures,
             const TextImageLookup& text_images, ImDrawCallback erase, GlRenderer& renderer, std::uint64_t salt,
             int max_side);
  // Deletes the layers' GL objects (on a lost context that only frees their names).
  void release();
  // Off: every card is painted directly, as paint_scene does (for comparisons).
  void set_enabled(bool enabled);
  // Layers drawn into by the last paint(); layers it drew from.
  int redrawn() const { return redrawn_; }
  int shown() const { return shown_; }

 private:
  struct Layer {
    RenderTarget target;
    std::uint64_t key = 0;
    int index = -1;   // the card's index in the feed; -1: free
    ImVec2 offset;    // the texture's top-left from the card's, device px
  };
  Layer* layer_for(Layer* own, int index, int width, int height);

  std::vector<Layer> layers_;
  FrameDrawList list_;
  bool enabled_ = true;
  int redrawn_ = 0, shown_ = 0;
};

// The key of `card`'s pixels: its shapes relative to its box, what they draw (the textures
// `textures` and `text_images` give, which it asks for as painting does), the device pixel
// ratio and `salt`. 0 when the card cannot have a layer (the page shows one of its
// pictures under the canvas).
std::uint64_t card_key(const Scene& scene, const CardSpan& card, float dpr, const TextureLookup& textures,
                       const TextImageLookup& text_images, std::uint64_t salt);

}  // namespace carta
