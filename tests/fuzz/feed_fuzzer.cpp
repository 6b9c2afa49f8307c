// libFuzzer target: any bytes through the feed reader (JSON Feed, RSS and Atom, by content) and the card layout. Whatever the
// input, the reader must return diagnostics (never crash, hang or leak) and every URL it
// keeps must be http(s) or resolved against the feed's own https location.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/feed.h"
#include "xml/xml_feed.h"
#include "core/layout.h"
#include "core/url.h"

namespace {

struct Measure final : carta::TextMeasure {
  float width(carta::TextRole, std::string_view text) const override { return 7.f * text.size(); }
};

void require_safe(const std::string& url) {
  if (!url.empty() && !carta::is_http_url(url)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  carta::FeedLimits limits;
  limits.max_items = 200;  // keep each run short; the limits themselves are unit-tested
  carta::FeedResult result = carta::read_any_feed(bytes, "https://fuzz.example/feeds/feed.json", limits);
  // A refused feed says why: at least one error (its pointer may be "", the whole document).
  if (!result.ok() && !carta::first_error(result.diagnostics)) std::abort();
  for (const carta::Item& item : result.feed.items) {
    require_safe(item.url);
    require_safe(item.image);
    for (const carta::Author& a : item.authors) require_safe(a.url), require_safe(a.avatar);
    for (const carta::RelatedItem& r : item.related) {
      require_safe(r.url);
      require_safe(r.image);
      if (r.item_index >= static_cast<int>(result.feed.items.size())) std::abort();
    }
  }
  carta::SceneInput in;
  in.status = result.ok() ? carta::FeedStatus::ready : carta::FeedStatus::failed;
  in.feed = &result.feed;
  in.width = 360 + static_cast<float>(size % 900);
  in.height = 420;
  Measure m;
  carta::Scene scene = carta::build_scene(in, carta::make_theme(size % 2 == 0), m);
  (void)carta::hit_test(scene, 100, 100);
  return 0;
}
