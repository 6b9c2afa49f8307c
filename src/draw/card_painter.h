// Paints a Scene (from the core's layout) with Dear ImGui's draw lists: no windows, no
// widgets, no ImGui look — only rounded boxes, gradients, images and text in device pixels.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include <imgui.h>

#include "core/layout.h"
#include "draw/fonts.h"

namespace carta {

struct Texture {
  ImTextureID id = nullptr;
  int width = 0;
  int height = 0;
  // The page shows this picture itself, under the canvas (an <img> from a host that sends
  // no CORS headers, which WebGL may not read): the painter leaves a hole for it.
  bool in_page = false;
  // Every pixel opaque (a JPEG, or pixels seen to be): what lies under it is not drawn.
  bool opaque = false;
};

// What the painter draws its boxes, scrims, marks and lines with: no texture. The renderer
// fills them with their vertices' colour and samples nothing; sampling the atlas's white
// pixel for every pixel of every card was most of a frame's cost on a CPU rasterizer (and
// costs a phone's GPU too). ImGui's anti-aliasing of fills and lines is in the vertices.
inline const ImTextureID kNoTexture = nullptr;

// Returns the texture for an image URL, or nullptr when it is not (yet) available; the
// placeholder under it then stays visible.
using TextureLookup = std::function<const Texture*(const std::string& url)>;

// Returns the image of a text_image shape (the platform's drawing of that line), or nullptr.
using TextImageLookup = std::function<const Texture*(const Shape& line)>;

// Device pixels a line image reaches left of the line's start (and right of its end), for
// glyphs that overhang their advance (italics, marks, emoji): the painter and the
// platforms that draw lines (draw/text_engine.h) agree on it.
int text_image_pad(float dpr);

// `erase` switches the renderer to erasing (what is drawn next makes the canvas transparent);
// the painter uses it to cut the holes in_page pictures show through.
void paint_scene(ImDrawList& draw, const Scene& scene, const FontSet& fonts, const TextureLookup& textures,
                 const TextImageLookup& text_images = nullptr, ImDrawCallback erase = nullptr);
// The shapes [first, end) of `scene`, as paint_scene paints them.
void paint_shapes(ImDrawList& draw, const Scene& scene, std::size_t first, std::size_t end, const FontSet& fonts,
                  const TextureLookup& textures, const TextImageLookup& text_images = nullptr,
                  ImDrawCallback erase = nullptr);
// Whether a placeholder's box or mark `s` lies under its loaded, opaque picture (and is
// not drawn).
bool covered_by_picture(const Shape& s, const TextureLookup& textures);

// One frame's draw list, without ImGui's window system: the widget paints shapes and text
// and needs no NewFrame()/Render(), so none of ImGui's windows, widgets or tables reach the
// wasm. The renderer backend takes draw_data() as it would ImGui::GetDrawData().
class FrameDrawList {
 public:
  FrameDrawList();
  ~FrameDrawList();
  FrameDrawList(const FrameDrawList&) = delete;
  FrameDrawList& operator=(const FrameDrawList&) = delete;
  // An empty list for a `width` x `height` device-pixel frame, drawing with `atlas`.
  ImDrawList& begin(const ImFontAtlas& atlas, float width, float height);
  // An empty list that draws anywhere (a card's layer); set_area() says, once it is drawn,
  // which device pixels its frame covers.
  ImDrawList& begin_unbounded(const ImFontAtlas& atlas);
  void set_area(ImVec2 min, ImVec2 max);
  ImDrawData* draw_data();

 private:
  std::unique_ptr<ImDrawListSharedData> shared_;
  std::unique_ptr<ImDrawList> list_;
  ImDrawList* lists_[1] = {};
  ImDrawData data_;
  ImVec2 area_min_{0, 0};
};

}  // namespace carta
