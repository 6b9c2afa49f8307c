// CPU cost of one frame, headless: ImGui's NewFrame, the card layout for the visible cards,
// painting into draw lists, Render — everything but the GPU (as ImGui's example_null).
#pragma once
#include "draw/fonts.h"

namespace carta::bench {

struct FrameFigures {
  int items = 0;
  double median_us = 0;
  int vertices = 0;  // in the last frame's draw lists
};

// `fonts` are the TrueType faces; the view is 1200x420 CSS px at DPR 1, the carousel
// sitting in the middle of the feed, moving by a fraction of a card every frame. With
// `arabic` every card is an Arabic, right-to-left one, in a right-to-left carousel: the
// cost of shaping and reordering its text every frame.
FrameFigures measure_frame(const FontParts& fonts, int items, int frames, bool arabic = false);

}  // namespace carta::bench
