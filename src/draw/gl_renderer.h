// Draws an ImDrawData with OpenGL ES 3 / WebGL 2: two shaders (textured, solid), one vertex
// array, the font atlas as a texture. What ImGui's own OpenGL backend does for this one target, without its
// ImGui context, its GL-version probing or its desktop paths (none of which the widget
// needs, and all of which stayed in the wasm).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <vector>

namespace carta {

// Uploads `width` x `height` RGBA pixels (not premultiplied, rows packed) into texture
// `name` of the current context, made first when `name` is 0, linear and clamped; returns
// the name. Pictures, line images and the font atlas all go through it.
unsigned upload_rgba_texture(unsigned name, const unsigned char* pixels, int width, int height);
// Deletes textures by name (pictures and line images, whose names the caches keep as handles).
void delete_textures(const std::vector<std::uint64_t>& names);
// The largest texture side the current context takes (GL_MAX_TEXTURE_SIZE).
int max_texture_size();

// A texture the renderer draws into (a card's layer, draw/card_layers.h). What is drawn
// into it from transparent is premultiplied by its alpha: draw it with
// premultiplied_blend.
struct RenderTarget {
  unsigned texture = 0, framebuffer = 0;
  int width = 0, height = 0;
};
// Makes `target` (or gives it a new size), RGBA, `width` x `height` pixels.
void make_target(RenderTarget& target, int width, int height);
void delete_target(RenderTarget& target);
// A draw callback: what is drawn next is premultiplied (a RenderTarget's texture).
void premultiplied_blend(const ImDrawList*, const ImDrawCmd*);
// A draw callback: what is drawn next erases (what stays is scaled by 1 - the source's
// alpha), so an antialiased rounded rectangle cuts a clean hole in the canvas.
void erase_blend(const ImDrawList*, const ImDrawCmd*);

class GlRenderer {
 public:
  GlRenderer() = default;
  ~GlRenderer() { shut_down(); }
  GlRenderer(const GlRenderer&) = delete;
  GlRenderer& operator=(const GlRenderer&) = delete;

  // Makes the shaders and buffers in the current context, without waiting for the GPU
  // process to compile them (the first render() asks whether they linked); false when it
  // cannot even make them.
  bool start();
  // Deletes them (on a lost context the deletes do nothing but free the names).
  void shut_down();
  bool started() const { return program_ != 0; }
  // Uploads `atlas`'s 8-bit coverage pixels as this context's font texture (replacing the
  // last one): one channel, a quarter of the RGBA copy ImGui's backends upload.
  ImTextureID upload_font(const ImFontAtlas& atlas);
  ImTextureID font_texture() const;
  // Draws `data` into the current framebuffer of `width` x `height` device pixels. A draw
  // command's callback runs in place; ImDrawCallback_ResetRenderState restores the state.
  // Commands with no texture (kNoTexture, draw/card_painter.h) are filled by a shader that
  // samples none.
  void render(const ImDrawData& data, int width, int height);
  // Clears `target` to transparent and draws `data` into it (its DisplayPos at the
  // target's top-left), then draws into the canvas again. Its texture's first row is the
  // bottom: sample it with v from 1 at the top to 0.
  void render_into(const RenderTarget& target, const ImDrawData& data);

 private:
  // Whether the programs linked, and their uniforms, asked once (before the first draw);
  // when they did not, shuts down: nothing is drawn.
  bool ready();
  void set_state(const ImDrawData& data, int width, int height);

  // program_ samples a texture (a picture, a line image, the atlas); solid_ samples none.
  unsigned program_ = 0, solid_ = 0, vertex_array_ = 0, vertices_ = 0, indices_ = 0, font_ = 0;
  int projection_ = -1, texture_ = -1, coverage_ = -1, solid_projection_ = -1;
  bool coverage_on_ = false;  // program_'s `coverage` as last set
  bool solid_on_ = false;     // solid_ in use
  bool checked_ = false;      // ready() has seen both programs linked
};

}  // namespace carta
