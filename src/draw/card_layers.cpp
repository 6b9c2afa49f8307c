#include "draw/card_layers.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace carta {
namespace {

// FNV-1a, 64 bits.
struct Hash {
  std::uint64_t value = 1469598103934665603ull;
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) value = (value ^ p[i]) * 1099511628211ull;
  }
  void add(std::int64_t v) { bytes(&v, sizeof v); }
  // A length in CSS px, to 1/256 px: a card's shapes, taken from its box, come out a few
  // ulps apart wherever it is on the strip.
  void length(float v) { add(std::lround(v * 256)); }
  void text(const std::string& s) {
    add(static_cast<std::int64_t>(s.size()));
    bytes(s.data(), s.size());
  }
  void texture(const Texture* t) {
    if (!t) return add(-1);
    add(static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(t->id)));
    add(t->width);
    add(t->height);
    add(t->opaque);
  }
};

}  // namespace

std::uint64_t card_key(const Scene& scene, const CardSpan& card, float dpr, const TextureLookup& textures,
                       const TextImageLookup& text_images, std::uint64_t salt) {
  Hash h;
  h.add(static_cast<std::int64_t>(salt));
  h.length(dpr);
  // Where the card's corner falls inside its device pixel (0 once the layout aligned it).
  h.length(card.rect.x * dpr - std::round(card.rect.x * dpr));
  h.length(card.rect.y * dpr - std::round(card.rect.y * dpr));
  h.length(card.rect.w);
  h.length(card.rect.h);
  for (std::size_t i = card.first; i < card.end && i < scene.shapes.size(); ++i) {
    const Shape& s = scene.shapes[i];
    h.add(static_cast<int>(s.kind));
    h.length(s.rect.x - card.rect.x);
    h.length(s.rect.y - card.rect.y);
    h.length(s.rect.w);
    h.length(s.rect.h);
    h.add((std::int64_t{s.color.r} << 24) | (s.color.g << 16) | (s.color.b << 8) | s.color.a);
    h.length(s.radius);
    h.length(s.stroke);
    h.length(s.fade);
    h.add(s.corners);
    h.add(static_cast<int>(s.role));
    h.add(s.language.rtl);
    h.text(s.text);
    if (s.kind == Shape::Kind::image) {
      const Texture* t = textures ? textures(s.text) : nullptr;
      if (t && t->in_page) return 0;
      h.texture(t);
    } else if (s.kind == Shape::Kind::text_image) {
      h.texture(text_images ? text_images(s) : nullptr);
    } else if (!s.text.empty()) {  // a placeholder: drawn or not (covered_by_picture)
      h.add(covered_by_picture(s, textures));
    }
  }
  return h.value == 0 ? 1 : h.value;
}

void CardLayers::set_enabled(bool enabled) {
  enabled_ = enabled;
  if (!enabled_) release();
}

void CardLayers::release() {
  for (Layer& layer : layers_) delete_target(layer.target);
  layers_.clear();
}

// `own` (card `index`'s layer, when it has one) or one that is free (one of this size
// first), made `width` x `height`.
CardLayers::Layer* CardLayers::layer_for(Layer* own, int index, int width, int height) {
  Layer* pick = own;
  for (Layer& layer : layers_) {
    if (pick) break;
    if (layer.index == -1 && layer.target.width == width && layer.target.height == height) pick = &layer;
  }
  for (Layer& layer : layers_) {
    if (pick) break;
    if (layer.index == -1) pick = &layer;
  }
  if (!pick) {
    layers_.emplace_back();
    pick = &layers_.back();
  }
  if (pick->target.width != width || pick->target.height != height) make_target(pick->target, width, height);
  pick->index = index;
  return pick;
}

void CardLayers::paint(ImDrawList& draw, const Scene& scene, const FontSet& fonts, const TextureLookup& textures,
                       const TextImageLookup& text_images, ImDrawCallback erase, GlRenderer& renderer,
                       std::uint64_t salt, int max_side) {
  redrawn_ = shown_ = 0;
  if (!enabled_) {
    paint_scene(draw, scene, fonts, textures, text_images, erase);
    return;
  }
  // Layers of cards that left the view are free for the cards that come into it.
  for (Layer& layer : layers_) {
    const bool on = std::any_of(scene.cards.begin(), scene.cards.end(),
                                [&](const CardSpan& c) { return c.index == layer.index; });
    if (!on) layer.index = -1;
  }
  const float dpr = fonts.dpr();
  const ImFontAtlas* atlas = fonts.atlas();
  std::size_t next = 0;  // the first shape not yet painted
  for (const CardSpan& card : scene.cards) {
    paint_shapes(draw, scene, next, card.first, fonts, textures, text_images, erase);
    next = card.end;
    const std::uint64_t key = atlas ? card_key(scene, card, dpr, textures, text_images, salt) : 0;
    Layer* layer = nullptr;
    for (Layer& l : layers_)
      if (l.index == card.index) layer = &l;
    if (key == 0) {
      if (layer) layer->index = -1;
      paint_shapes(draw, scene, card.first, card.end, fonts, textures, text_images, erase);
      continue;
    }
    const ImVec2 origin(std::round(card.rect.x * dpr), std::round(card.rect.y * dpr));
    if (!layer || layer->key != key) {
      ImDrawList& list = list_.begin_unbounded(*atlas);
      paint_shapes(list, scene, card.first, card.end, fonts, textures, text_images, erase);
      if (list.VtxBuffer.Size == 0) {
        if (layer) layer->index = -1;
        continue;
      }
      ImVec2 min = list.VtxBuffer[0].pos, max = min;
      for (const ImDrawVert& v : list.VtxBuffer) {
        min = ImVec2(std::min(min.x, v.pos.x), std::min(min.y, v.pos.y));
        max = ImVec2(std::max(max.x, v.pos.x), std::max(max.y, v.pos.y));
      }
      min = ImVec2(std::floor(min.x), std::floor(min.y));
      max = ImVec2(std::ceil(max.x), std::ceil(max.y));
      const int width = static_cast<int>(max.x - min.x), height = static_cast<int>(max.y - min.y);
      if (width <= 0 || height <= 0 || width > max_side || height > max_side) {
        if (layer) layer->index = -1;
        paint_shapes(draw, scene, card.first, card.end, fonts, textures, text_images, erase);
        continue;
      }
      layer = layer_for(layer, card.index, width, height);
      list_.set_area(min, max);
      renderer.render_into(layer->target, *list_.draw_data());
      layer->key = key;
      layer->offset = ImVec2(min.x - origin.x, min.y - origin.y);
      ++redrawn_;
    }
    const ImVec2 a(origin.x + layer->offset.x, origin.y + layer->offset.y);
    const ImVec2 b(a.x + layer->target.width, a.y + layer->target.height);
    draw.AddCallback(premultiplied_blend, nullptr);
    draw.AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(layer->target.texture)), a, b,
                  ImVec2(0, 1), ImVec2(1, 0));
    draw.AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    ++shown_;
  }
  paint_shapes(draw, scene, next, scene.shapes.size(), fonts, textures, text_images, erase);
  // Two free layers are kept for the cards a slide brings in; the others are deleted.
  int spare = 0;
  for (auto it = layers_.begin(); it != layers_.end();) {
    if (it->index == -1 && ++spare > 2) {
      delete_target(it->target);
      it = layers_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace carta
