#include "app/app.h"

#include <algorithm>
#include <cmath>

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace carta {

App::App(const AppDesc& desc, AppHooks hooks) : desc_(desc), hooks_(std::move(hooks)) {
  theme_ = make_theme(desc.dark, desc.accent);
  current_ = std::max(0, desc.start_index);
  ImGuiContext* previous = ImGui::GetCurrentContext();
  imgui_ = ImGui::CreateContext();
  ImGui::SetCurrentContext(imgui_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no files, no settings: the widget keeps no state on disk
  io.LogFilename = nullptr;
  renderer_ready_ = ImGui_ImplOpenGL3_Init("#version 300 es");
  if (previous) ImGui::SetCurrentContext(previous);
}

App::~App() {
  ImGui::SetCurrentContext(imgui_);
  if (renderer_ready_) ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext(imgui_);
}

void App::set_font(Face face, std::vector<unsigned char> ttf) {
  font_files_[static_cast<int>(face)] = std::move(ttf);
  fonts_dirty_ = true;
}

void App::set_feed(std::string_view bytes, std::string_view location, const FeedLimits& limits) {
  feed_ = parse_feed(bytes, location, limits);
  if (feed_.ok()) {
    status_ = FeedStatus::ready;
    failure_.clear();
    int count = static_cast<int>(feed_.feed.items.size());
    current_ = count == 0 ? 0 : std::clamp(current_, 0, count - 1);
  } else {
    status_ = FeedStatus::failed;
    for (const Diagnostic& d : feed_.diagnostics) {
      if (d.severity == Severity::error) {
        failure_ = format_diagnostic(d);
        break;
      }
    }
  }
}

void App::set_feed_failure(std::string message) {
  status_ = FeedStatus::failed;
  failure_ = std::move(message);
}

void App::resize(float width, float height, float dpr) {
  if (dpr != desc_.dpr) fonts_dirty_ = true;  // glyphs are rasterized per device pixel ratio
  desc_.width = width;
  desc_.height = height;
  desc_.dpr = dpr;
}

void App::image_loaded(const std::string& url, Texture texture) {
  image_states_[url] = ImageState::loaded;
  textures_[url] = texture;
}

void App::image_failed(const std::string& url) { image_states_[url] = ImageState::failed; }

int App::framebuffer_width() const { return static_cast<int>(std::lround(desc_.width * desc_.dpr)); }
int App::framebuffer_height() const { return static_cast<int>(std::lround(desc_.height * desc_.dpr)); }

void App::ensure_fonts() {
  if (!fonts_dirty_) return;
  for (const auto& f : font_files_)
    if (f.empty()) return;  // wait until the platform has delivered every face
  ImGuiIO& io = ImGui::GetIO();
  if (fonts_.build(*io.Fonts, font_files_, theme_, desc_.dpr) && device_objects_) {
    // Before the first frame the backend creates the texture itself, from this atlas.
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  fonts_dirty_ = false;
}

SceneInput App::scene_input() const {
  SceneInput in;
  in.status = status_;
  in.feed = &feed_.feed;
  in.message = failure_;
  in.width = desc_.width;
  in.height = desc_.height;
  in.current = current_;
  in.position = static_cast<float>(current_);
  in.now_unix = now_unix_;
  in.locale = !desc_.locale.empty() ? desc_.locale : feed_.feed.language.empty() ? "en" : feed_.feed.language;
  return in;
}

FrameResult App::frame(double seconds) {
  FrameResult result;
  ImGui::SetCurrentContext(imgui_);
  ensure_fonts();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(framebuffer_width()), static_cast<float>(framebuffer_height()));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = last_frame_ < 0 || seconds <= last_frame_ ? 1.0f / 60 : static_cast<float>(seconds - last_frame_);
  last_frame_ = seconds;

  glViewport(0, 0, framebuffer_width(), framebuffer_height());
  const Color clear = theme_.page;
  glClearColor(clear.r / 255.f, clear.g / 255.f, clear.b / 255.f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (!fonts_.ready() || !renderer_ready_) return result;

  ImGui_ImplOpenGL3_NewFrame();
  device_objects_ = true;
  ImGui::NewFrame();
  Scene scene = build_scene(scene_input(), theme_, fonts_);
  for (const Shape& s : scene.shapes) {
    if (s.kind != Shape::Kind::image || image_states_.count(s.text)) continue;
    image_states_[s.text] = ImageState::requested;
    if (hooks_.request_image) hooks_.request_image(s.text);
  }
  paint_scene(*ImGui::GetBackgroundDrawList(), scene, fonts_, [this](const std::string& url) -> const Texture* {
    auto it = textures_.find(url);
    return it == textures_.end() ? nullptr : &it->second;
  });
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  result.drew = true;
  result.headline_visible = status_ == FeedStatus::ready && scene.headline_visible;
  return result;
}

}  // namespace carta
