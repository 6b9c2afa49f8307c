#include "bench/frame_bench.h"

#include <algorithm>
#include <vector>

#include <imgui.h>

#include "bench/feed_bench.h"
#include "core/layout.h"
#include "draw/card_painter.h"

namespace carta::bench {

FrameFigures measure_frame(const FontFiles& files, int items, int frames) {
  FrameFigures out;
  out.items = items;
  Feed feed = generate_feed_model(items);
  ImGuiContext* ctx = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  Theme theme = make_theme(false);
  FontSet fonts;
  FontParts parts;
  parts[static_cast<int>(FontPart::base)] = files;
  fonts.build(*io.Fonts, parts, theme, 1.f);
  unsigned char* pixels;
  int w, h;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // built once, as a renderer would upload it
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
  io.DisplaySize = ImVec2(1200, 420);
  io.DeltaTime = 1.f / 60;
  Texture image{reinterpret_cast<ImTextureID>(2), 800, 450};
  TextureLookup lookup = [&image](const std::string&) { return &image; };

  std::vector<double> times;
  times.reserve(frames);
  for (int f = 0; f < frames; ++f) {
    double t0 = now_seconds();
    ImGui::NewFrame();
    SceneInput in;
    in.status = FeedStatus::ready;
    in.feed = &feed;
    in.width = 1200;
    in.height = 420;
    in.current = items / 2;
    in.position = items / 2 + (f % 10) * 0.1f;  // mid-slide: partial cards at both edges
    Scene scene = build_scene(in, theme, fonts);
    paint_scene(*ImGui::GetBackgroundDrawList(), scene, fonts, lookup);
    ImGui::Render();
    times.push_back((now_seconds() - t0) * 1e6);
    out.vertices = ImGui::GetDrawData()->TotalVtxCount;
  }
  ImGui::DestroyContext(ctx);
  std::sort(times.begin(), times.end());
  out.median_us = times[times.size() / 2];
  return out;
}

}  // namespace carta::bench
