#include "draw/gl_renderer.h"

#include <GLES3/gl3.h>
#ifdef __EMSCRIPTEN__
#include <emscripten/html5_webgl.h>
#endif

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace carta {
namespace {

const char* kVertexShader = R"(#version 300 es
precision highp float;
uniform mat4 projection;
layout (location = 0) in vec2 position;
layout (location = 1) in vec2 uv;
layout (location = 2) in vec4 colour;
out vec2 frag_uv;
out vec4 frag_colour;
void main() {
  frag_uv = uv;
  frag_colour = colour;
  gl_Position = projection * vec4(position, 0, 1);
}
)";

const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas_texture;
uniform bool coverage;  // the font atlas: one channel, how much of the pixel the glyph covers
in vec2 frag_uv;
in vec4 frag_colour;
layout (location = 0) out vec4 out_colour;
void main() {
  vec4 texel = texture(atlas_texture, frag_uv);
  out_colour = frag_colour * (coverage ? vec4(1.0, 1.0, 1.0, texel.r) : texel);
}
)";

// For commands with no texture (kNoTexture): the vertices' colour alone. A program of its
// own, not a branch in the one above: SwiftShader samples in a branch not taken.
const char* kSolidShader = R"(#version 300 es
precision mediump float;
in vec2 frag_uv;
in vec4 frag_colour;
layout (location = 0) out vec4 out_colour;
void main() {
  out_colour = frag_colour;
}
)";

// A shader of `source`, compiled in the GPU process while the page goes on: its status is
// not asked for (each question waits for the GPU process); a failure shows in the program's
// link status (GlRenderer::ready).
GLuint compile(GLenum kind, const char* source) {
  GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  return shader;
}

// The program of `vs` and a fragment shader of `fragment`, linked but not yet checked.
GLuint link(GLuint vs, const char* fragment) {
  GLuint fs = compile(GL_FRAGMENT_SHADER, fragment);
  GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDeleteShader(fs);  // freed with the program
  return program;
}

bool linked(GLuint program) {
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  return ok != 0;
}

// Binds texture `name` (a new one when 0), linear and clamped, for rows of packed pixels.
GLuint bind_texture(GLuint name) {
  if (!name) glGenTextures(1, &name);
  glBindTexture(GL_TEXTURE_2D, name);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  return name;
}

}  // namespace

unsigned upload_rgba_texture(unsigned name, const unsigned char* pixels, int width, int height) {
  const GLuint texture = bind_texture(name);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  return texture;
}

// Two numbers asked of the context without glGetIntegerv on the web, where it brings
// Emscripten's whole glGet into carta.js (1.3 KB) for them: there the frame's framebuffer
// is always the canvas's, 0; natively a shot renders into one of its own.
namespace {
#ifdef __EMSCRIPTEN__
GLint bound_framebuffer() { return 0; }
#else
GLint bound_framebuffer() {
  GLint framebuffer = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &framebuffer);
  return framebuffer;
}
#endif
}  // namespace

int max_texture_size() {
#ifdef __EMSCRIPTEN__
  return static_cast<int>(emscripten_webgl_get_parameter_d(GL_MAX_TEXTURE_SIZE));
#else
  GLint side = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &side);
  return side;
#endif
}

void make_target(RenderTarget& target, int width, int height) {
  const GLint canvas = bound_framebuffer();
  if (!target.framebuffer) glGenFramebuffers(1, &target.framebuffer);
  target.texture = bind_texture(target.texture);
  // Drawn pixel for pixel, on whole pixels: the nearest texel is the one, and a CPU
  // rasterizer reads one texel instead of four.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target.texture, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(canvas));
  target.width = width;
  target.height = height;
}

void delete_textures(const std::vector<std::uint64_t>& names) {
  for (std::uint64_t handle : names) {
    const GLuint name = static_cast<GLuint>(handle);
    glDeleteTextures(1, &name);
  }
}

void delete_target(RenderTarget& target) {
  if (target.framebuffer) glDeleteFramebuffers(1, &target.framebuffer);
  if (target.texture) glDeleteTextures(1, &target.texture);
  target = RenderTarget();
}

void premultiplied_blend(const ImDrawList*, const ImDrawCmd*) {
  glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

void erase_blend(const ImDrawList*, const ImDrawCmd*) {
  glBlendFuncSeparate(GL_ZERO, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE_MINUS_SRC_ALPHA);
}

bool GlRenderer::start() {
  shut_down();
  GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader);
  program_ = link(vs, kFragmentShader);
  solid_ = link(vs, kSolidShader);
  glDeleteShader(vs);
  if (!program_ || !solid_) {
    shut_down();
    return false;
  }
  checked_ = false;
  glGenVertexArrays(1, &vertex_array_);
  glGenBuffers(1, &vertices_);
  glGenBuffers(1, &indices_);
  glBindVertexArray(vertex_array_);
  glBindBuffer(GL_ARRAY_BUFFER, vertices_);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  const GLsizei stride = sizeof(ImDrawVert);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);  // part of the vertex array's state
  glBindVertexArray(0);
  return true;
}

void GlRenderer::shut_down() {
  if (font_) glDeleteTextures(1, &font_);
  if (vertices_) glDeleteBuffers(1, &vertices_);
  if (indices_) glDeleteBuffers(1, &indices_);
  if (vertex_array_) glDeleteVertexArrays(1, &vertex_array_);
  if (program_) glDeleteProgram(program_);
  if (solid_) glDeleteProgram(solid_);
  program_ = solid_ = vertex_array_ = vertices_ = indices_ = font_ = 0;
  checked_ = false;
}

ImTextureID GlRenderer::upload_font(const ImFontAtlas& atlas) {
  font_ = bind_texture(font_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.TexWidth, atlas.TexHeight, 0, GL_RED, GL_UNSIGNED_BYTE,
               atlas.TexPixelsAlpha8);
  return font_texture();
}

ImTextureID GlRenderer::font_texture() const {
  return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_));
}

void GlRenderer::set_state(const ImDrawData& data, int width, int height) {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glViewport(0, 0, width, height);
  // Pixels to clip space, y down.
  const float l = data.DisplayPos.x, r = l + data.DisplaySize.x, t = data.DisplayPos.y, b = t + data.DisplaySize.y;
  const float projection[16] = {
      2 / (r - l), 0, 0, 0, 0, 2 / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r), (t + b) / (b - t), 0, 1,
  };
  glUseProgram(solid_);
  glUniformMatrix4fv(solid_projection_, 1, GL_FALSE, projection);
  glUseProgram(program_);
  glUniform1i(texture_, 0);
  glUniform1i(coverage_, 0);
  coverage_on_ = false;
  solid_on_ = false;
  glUniformMatrix4fv(projection_, 1, GL_FALSE, projection);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vertex_array_);
  glBindBuffer(GL_ARRAY_BUFFER, vertices_);
}

bool GlRenderer::ready() {
  if (checked_) return true;
  if (!program_ || !linked(program_) || !linked(solid_)) {
    shut_down();
    return false;
  }
  projection_ = glGetUniformLocation(program_, "projection");
  texture_ = glGetUniformLocation(program_, "atlas_texture");
  coverage_ = glGetUniformLocation(program_, "coverage");
  solid_projection_ = glGetUniformLocation(solid_, "projection");
  checked_ = true;
  return true;
}

void GlRenderer::render(const ImDrawData& data, int width, int height) {
  if (!program_ || width <= 0 || height <= 0 || !ready()) return;
  set_state(data, width, height);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size) * sizeof(ImDrawVert), list.VtxBuffer.Data,
                 GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size) * sizeof(ImDrawIdx),
                 list.IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
        set_state(data, width, height);
        continue;
      }
      if (cmd.UserCallback) {
        cmd.UserCallback(&list, &cmd);
        continue;
      }
      // The clip rectangle in the framebuffer's pixels (FramebufferScale 1), within it.
      const float x0 = std::max(0.f, cmd.ClipRect.x - data.DisplayPos.x);
      const float y0 = std::max(0.f, cmd.ClipRect.y - data.DisplayPos.y);
      const float x1 = std::min(static_cast<float>(width), cmd.ClipRect.z - data.DisplayPos.x);
      const float y1 = std::min(static_cast<float>(height), cmd.ClipRect.w - data.DisplayPos.y);
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(static_cast<GLint>(x0), static_cast<GLint>(height - y1), static_cast<GLsizei>(x1 - x0),
                static_cast<GLsizei>(y1 - y0));
      const GLuint texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID()));
      if ((texture == 0) != solid_on_) {
        solid_on_ = texture == 0;
        glUseProgram(solid_on_ ? solid_ : program_);
      }
      if (texture) glBindTexture(GL_TEXTURE_2D, texture);
      if (texture && (texture == font_) != coverage_on_) {
        coverage_on_ = texture == font_;
        glUniform1i(coverage_, coverage_on_ ? 1 : 0);
      }
      // The draw list never sets a vertex offset (no ImDrawListFlags_AllowVtxOffset): past
      // 65 536 vertices it would need 32-bit indices, and a card frame uses a few thousand.
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(static_cast<std::intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
    }
  }
  glDisable(GL_SCISSOR_TEST);
  glBindVertexArray(0);
}

void GlRenderer::render_into(const RenderTarget& target, const ImDrawData& data) {
  if (!target.framebuffer || !program_ || !ready()) return;
  const GLint canvas = bound_framebuffer();  // the frame's own framebuffer (natively, a shot's may not be 0)
  glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer);
  glViewport(0, 0, target.width, target.height);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
  render(data, target.width, target.height);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(canvas));
}

}  // namespace carta
