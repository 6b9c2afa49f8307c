// Paints a Scene (from the core's layout) with Dear ImGui's draw lists: no windows, no
// widgets, no ImGui look — only rounded boxes, gradients, images and text in device pixels.
#pragma once
#include <functional>
#include <string>

#include <imgui.h>

#include "core/layout.h"
#include "draw/fonts.h"

namespace carta {

struct Texture {
  ImTextureID id = nullptr;
  int width = 0;
  int height = 0;
};

// Returns the texture for an image URL, or nullptr when it is not (yet) available; the
// placeholder under it then stays visible.
using TextureLookup = std::function<const Texture*(const std::string& url)>;

void paint_scene(ImDrawList& draw, const Scene& scene, const FontSet& fonts, const TextureLookup& textures);

}  // namespace carta
