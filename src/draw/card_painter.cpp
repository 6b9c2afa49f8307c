#include "draw/card_painter.h"

#include <algorithm>
#include <cmath>

#include <imgui_internal.h>  // ImDrawListSharedData

namespace carta {
namespace {

ImU32 to_imgui(Color c) { return IM_COL32(c.r, c.g, c.b, c.a); }

ImDrawFlags corner_flags(unsigned corners) {
  if (corners == corner_none) return ImDrawFlags_RoundCornersNone;
  ImDrawFlags f = 0;
  if (corners & corner_top_left) f |= ImDrawFlags_RoundCornersTopLeft;
  if (corners & corner_top_right) f |= ImDrawFlags_RoundCornersTopRight;
  if (corners & corner_bottom_left) f |= ImDrawFlags_RoundCornersBottomLeft;
  if (corners & corner_bottom_right) f |= ImDrawFlags_RoundCornersBottomRight;
  return f;
}

struct Device {
  float dpr;
  ImVec2 point(float x, float y) const { return {std::round(x * dpr), std::round(y * dpr)}; }
  ImVec2 min(const Rect& r) const { return point(r.x, r.y); }
  ImVec2 max(const Rect& r) const { return point(r.right(), r.bottom()); }
};

// A scrim (core/layout.h, scrim_alpha): a rectangle fading from transparent at the top to
// `color` over `fade` px, then solid down to its rounded bottom corners. ImGui's
// multi-colour rectangle is the fade; its vertices' alphas are interpolated linearly.
void scrim(ImDrawList& draw, ImVec2 a, ImVec2 b, float fade, Color color, float radius, ImDrawFlags flags) {
  const ImU32 solid = to_imgui(color), clear = solid & ~IM_COL32_A_MASK;
  const float mid = std::min(b.y, a.y + fade);
  if (mid > a.y) draw.AddRectFilledMultiColor(a, ImVec2(b.x, mid), clear, clear, solid, solid);
  if (b.y > mid) draw.AddRectFilled(ImVec2(a.x, mid), b, solid, radius, flags);
}

void chevron(ImDrawList& draw, const Device& d, const Rect& r, Color c, bool left) {
  float cx = r.x + r.w / 2, cy = r.y + r.h / 2, s = r.w * 0.16f;
  float dir = left ? 1 : -1;
  ImVec2 pts[3] = {{(cx + dir * s * 0.6f) * d.dpr, (cy - s) * d.dpr},
                   {(cx - dir * s * 0.6f) * d.dpr, cy * d.dpr},
                   {(cx + dir * s * 0.6f) * d.dpr, (cy + s) * d.dpr}};
  draw.AddPolyline(pts, 3, to_imgui(c), ImDrawFlags_None, 2.0f * d.dpr);
}

}  // namespace

int text_image_pad(float dpr) { return static_cast<int>(std::ceil(4 * dpr)); }

bool covered_by_picture(const Shape& s, const TextureLookup& textures) {
  if (s.text.empty() || !textures) return false;
  const Texture* t = textures(s.text);
  return t && t->id && t->opaque && !t->in_page;
}

void paint_scene(ImDrawList& draw, const Scene& scene, const FontSet& fonts, const TextureLookup& textures,
                 const TextImageLookup& text_images, ImDrawCallback erase) {
  paint_shapes(draw, scene, 0, scene.shapes.size(), fonts, textures, text_images, erase);
}

void paint_shapes(ImDrawList& draw, const Scene& scene, std::size_t first, std::size_t end, const FontSet& fonts,
                  const TextureLookup& textures, const TextImageLookup& text_images, ImDrawCallback erase) {
  const Device d{fonts.dpr()};
  // A placeholder's box and mark under a loaded opaque picture: each pixel filled once less
  // (a CPU rasterizer's frame costs by the pixel).
  auto covered = [&](const Shape& s) { return covered_by_picture(s, textures); };
  for (std::size_t i = first; i < end && i < scene.shapes.size(); ++i) {
    const Shape& s = scene.shapes[i];
    switch (s.kind) {
      case Shape::Kind::box:
        if (covered(s)) break;
        draw.AddRectFilled(d.min(s.rect), d.max(s.rect), to_imgui(s.color), s.radius * d.dpr, corner_flags(s.corners));
        break;
      case Shape::Kind::outline:
        draw.AddRect(d.min(s.rect), d.max(s.rect), to_imgui(s.color), s.radius * d.dpr, ImDrawFlags_None, s.stroke * d.dpr);
        break;
      case Shape::Kind::scrim:
        scrim(draw, d.min(s.rect), d.max(s.rect), std::round(s.fade * d.dpr), s.color, s.radius * d.dpr,
              corner_flags(s.corners));
        break;
      case Shape::Kind::image: {
        const Texture* t = textures ? textures(s.text) : nullptr;
        if (t && t->in_page && erase) {  // the page's <img> shows through, rounded as here
          draw.AddCallback(erase, nullptr);
          draw.AddRectFilled(d.min(s.rect), d.max(s.rect), IM_COL32_WHITE, s.radius * d.dpr, corner_flags(s.corners));
          draw.AddCallback(ImDrawCallback_ResetRenderState, nullptr);
          break;
        }
        if (!t || !t->id) break;  // the placeholder drawn before it stays
        Rect uv = cover_crop(static_cast<float>(t->width), static_cast<float>(t->height), s.rect);
        draw.AddImageRounded(t->id, d.min(s.rect), d.max(s.rect), ImVec2(uv.x, uv.y),
                             ImVec2(uv.right(), uv.bottom()), IM_COL32_WHITE, s.radius * d.dpr,
                             corner_flags(s.corners));
        break;
      }
      case Shape::Kind::text: {
        ImFont* font = fonts.font(s.role);
        if (!font) break;
        // Centre the font's line in the layout's line box.
        float line_px = s.rect.h * d.dpr;
        float y = s.rect.y * d.dpr + (line_px - font->FontSize) / 2;
        draw.PushTextureID(font->ContainerAtlas->TexID);
        draw.AddText(font, font->FontSize, ImVec2(std::round(s.rect.x * d.dpr), std::round(y)), to_imgui(s.color),
                     s.text.data(), s.text.data() + s.text.size());
        draw.PopTextureID();
        break;
      }
      case Shape::Kind::text_image: {
        // The platform drew the line box itself; its image starts a pad before the line's
        // start: the left edge, or the right one of a right-to-left (right-aligned) line.
        const Texture* t = text_images ? text_images(s) : nullptr;
        if (!t || !t->id) break;
        const float x = s.language.rtl ? std::round((s.rect.x + s.rect.w) * d.dpr) + text_image_pad(d.dpr) - t->width
                                       : std::round(s.rect.x * d.dpr) - text_image_pad(d.dpr);
        ImVec2 a(x, std::round(s.rect.y * d.dpr));
        draw.AddImage(t->id, a, ImVec2(a.x + t->width, a.y + t->height));
        break;
      }
      case Shape::Kind::picture_mark: {
        if (covered(s)) break;
        // A framed landscape: a sun and two hills.
        ImVec2 a = d.min(s.rect), b = d.max(s.rect);
        float w = b.x - a.x, h = b.y - a.y;
        ImU32 c = to_imgui(s.color);
        draw.AddRect(a, b, c, 4 * d.dpr, ImDrawFlags_None, 2 * d.dpr);
        draw.AddCircleFilled(ImVec2(a.x + w * 0.72f, a.y + h * 0.3f), h * 0.12f, c);
        draw.AddTriangleFilled(ImVec2(a.x + w * 0.1f, b.y - h * 0.1f), ImVec2(a.x + w * 0.38f, a.y + h * 0.42f),
                               ImVec2(a.x + w * 0.66f, b.y - h * 0.1f), c);
        draw.AddTriangleFilled(ImVec2(a.x + w * 0.45f, b.y - h * 0.1f), ImVec2(a.x + w * 0.68f, a.y + h * 0.58f),
                               ImVec2(a.x + w * 0.9f, b.y - h * 0.1f), c);
        break;
      }
      case Shape::Kind::play_mark: {  // a triangle pointing forward
        ImVec2 a = d.min(s.rect), b = d.max(s.rect);
        draw.AddTriangleFilled(a, ImVec2(b.x, (a.y + b.y) / 2), ImVec2(a.x, b.y), to_imgui(s.color));
        break;
      }
      case Shape::Kind::lock_mark: {  // a padlock: its body, and the shackle's arch over it
        ImVec2 a = d.min(s.rect), b = d.max(s.rect);
        const float w = b.x - a.x, body = a.y + (b.y - a.y) * 0.45f, inset = w * 0.2f, stroke = 1.6f * d.dpr;
        const ImU32 c = to_imgui(s.color);
        draw.AddRect(ImVec2(a.x + inset, a.y + stroke / 2), ImVec2(b.x - inset, body + stroke), c, w * 0.3f,
                     ImDrawFlags_RoundCornersTop, stroke);
        draw.AddRectFilled(ImVec2(a.x, body), b, c, 1.5f * d.dpr);
        break;
      }
      case Shape::Kind::chevron_left:
      case Shape::Kind::chevron_right:
        chevron(draw, d, s.rect, s.color, s.kind == Shape::Kind::chevron_left);
        break;
    }
  }
}

FrameDrawList::FrameDrawList() : shared_(std::make_unique<ImDrawListSharedData>()) {
  list_ = std::make_unique<ImDrawList>(shared_.get());
  lists_[0] = list_.get();
}

FrameDrawList::~FrameDrawList() = default;

ImDrawList& FrameDrawList::begin(const ImFontAtlas& atlas, float width, float height) {
  // What ImGui::NewFrame() would set up from its default style.
  ImDrawListSharedData& d = *shared_;
  d.TexUvWhitePixel = atlas.TexUvWhitePixel;
  d.TexUvLines = atlas.TexUvLines;
  d.CurveTessellationTol = 1.25f;
  d.SetCircleTessellationMaxError(0.30f);
  d.ClipRectFullscreen = ImVec4(0, 0, width, height);
  // Anti-aliased lines from vertices, not from the atlas's line texture: every shape but
  // text and pictures is drawn with kNoTexture.
  d.InitialFlags = ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill;
  ImDrawList& list = *list_;
  list._ResetForNewFrame();
  list.PushTextureID(kNoTexture);
  list.PushClipRect(ImVec2(0, 0), ImVec2(width, height));
  data_ = ImDrawData();
  data_.DisplaySize = ImVec2(width, height);
  area_min_ = ImVec2(0, 0);
  return list;
}

ImDrawList& FrameDrawList::begin_unbounded(const ImFontAtlas& atlas) {
  const float far = 1 << 20;
  ImDrawList& list = begin(atlas, far, far);
  list.PopClipRect();
  list.PushClipRect(ImVec2(-far, -far), ImVec2(far, far));
  shared_->ClipRectFullscreen = ImVec4(-far, -far, far, far);
  return list;
}

void FrameDrawList::set_area(ImVec2 min, ImVec2 max) {
  area_min_ = min;
  data_.DisplaySize = ImVec2(max.x - min.x, max.y - min.y);
}

ImDrawData* FrameDrawList::draw_data() {
  ImDrawList& list = *list_;
  list._PopUnusedDrawCmd();
  data_.Valid = true;
  data_.CmdLists = lists_;
  data_.CmdListsCount = list.CmdBuffer.Size > 0 ? 1 : 0;
  data_.TotalVtxCount = list.VtxBuffer.Size;
  data_.TotalIdxCount = list.IdxBuffer.Size;
  data_.DisplayPos = area_min_;
  data_.FramebufferScale = ImVec2(1, 1);
  return &data_;
}

}  // namespace carta
