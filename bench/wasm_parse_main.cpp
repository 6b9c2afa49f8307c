// The parse benchmark compiled to WebAssembly and run under Node, so the wasm/native
// ratio of the feed reader is known: prints the same figures as `carta bench --json`.
#include <cstdio>

#include "bench/feed_bench.h"

int main() {
  carta::bench::ParseFigures p = carta::bench::measure_parse(10000, 9);
  std::printf("{\"parse_items\": %d, \"parse_bytes\": %zu, \"parse_mb_s\": %.1f, \"nlohmann_parse_mb_s\": %.1f, "
              "\"parse_ratio\": %.3f, \"model_bytes_per_item\": %.0f}\n",
              p.items, p.bytes, p.carta_mb_s, p.nlohmann_mb_s, p.ratio, p.model_bytes_per_item);
  return p.items == 10000 && p.carta_mb_s > 0 ? 0 : 1;
}
