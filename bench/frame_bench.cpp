#include "bench/frame_bench.h"

#include <algorithm>
#include <vector>

#include <imgui.h>

#include "bench/feed_bench.h"
#include "core/layout.h"
#include "draw/card_painter.h"

namespace carta::bench {

FrameFigures measure_frame(const FontParts& parts, int items, int frames, bool arabic) {
  FrameFigures out;
  out.items = items;
  Feed feed = generate_feed_model(items);
  if (arabic) {
    feed.right_to_left = true;
    for (Item& item : feed.items) {
      item.right_to_left = true;
      item.language = "ar";
      // "Post-Assad Syria reaffirms its strategic partnership with Russia in a first visit to Moscow"
      item.title = "\xD8\xB3\xD9\x88\xD8\xB1\xD9\x8A\xD8\xA7 \xD9\x85\xD8\xA7 \xD8\xA8\xD8\xB9\xD8\xAF "
                   "\xD8\xA7\xD9\x84\xD8\xA3\xD8\xB3\xD8\xAF \xD8\xAA\xD8\xA4\xD9\x83\xD8\xAF "
                   "\xD8\xB4\xD8\xB1\xD8\xA7\xD9\x83\xD8\xAA\xD9\x87\xD8\xA7 \xD9\x85\xD8\xB9 "
                   "\xD8\xB1\xD9\x88\xD8\xB3\xD9\x8A\xD8\xA7 \xD9\x81\xD9\x8A \xD8\xB9\xD8\xA7\xD9\x85 2025";
      item.summary = item.title + " " + item.title + " (UNIFIL) " + item.title;
    }
  }
  Theme theme = make_theme(false);
  FontSet fonts;
  fonts.build(parts, theme, 1.f);
  ImGuiContext* ctx = ImGui::CreateContext(fonts.atlas());
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
  io.DisplaySize = ImVec2(1200, 420);
  io.DeltaTime = 1.f / 60;
  Texture image{reinterpret_cast<ImTextureID>(2), 800, 450};
  TextureLookup lookup = [&image](const std::string&) { return &image; };

  FrameDrawList draw_list;
  std::vector<double> times;
  times.reserve(frames);
  for (int f = 0; f < frames; ++f) {
    double t0 = now_seconds();
    ImDrawList& draw = draw_list.begin(*io.Fonts, 1200, 420);
    SceneInput in;
    in.status = FeedStatus::ready;
    in.feed = &feed;
    in.width = 1200;
    in.height = 420;
    in.current = items / 2;
    in.position = items / 2 + (f % 10) * 0.1f;  // mid-slide: partial cards at both edges
    Scene scene = build_scene(in, theme, fonts);
    paint_scene(draw, scene, fonts, lookup);
    ImDrawData* data = draw_list.draw_data();
    times.push_back((now_seconds() - t0) * 1e6);
    out.vertices = data->TotalVtxCount;
  }
  ImGui::DestroyContext(ctx);
  std::sort(times.begin(), times.end());
  out.median_us = times[times.size() / 2];
  return out;
}

}  // namespace carta::bench
