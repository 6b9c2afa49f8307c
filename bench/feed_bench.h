// Benchmarks of the feed reader and the frame, shared by `carta bench` (native) and the
// parse benchmark compiled to WebAssembly (bench/wasm_parse_main.cpp). Figures, not tests.
#pragma once
#include <cstddef>
#include <string>

#include "core/feed.h"

namespace carta::bench {

// A realistic JSON Feed with `items` items (titles, summaries, HTML content, authors,
// tags, dates, images and _carta with related ids), about 500 bytes per item.
std::string generate_feed_json(int items);

// The same items as a model directly (for frame benchmarks on feeds past the parse limits).
Feed generate_feed_model(int items);

struct ParseFigures {
  std::size_t bytes = 0;
  int items = 0;
  double carta_mb_s = 0;      // parse_feed: bytes to model, diagnostics included
  double nlohmann_mb_s = 0;   // bare nlohmann::json::parse of the same bytes, same run
  double ratio = 0;           // carta / nlohmann (goal >= 0.8)
  double model_bytes_per_item = 0;
};

// Median of `runs` timings of each.
ParseFigures measure_parse(int items, int runs);

// Approximate heap bytes the model holds (strings, vectors), for bytes-per-item figures.
std::size_t model_bytes(const Feed& feed);

double now_seconds();

}  // namespace carta::bench
