#include "bench/feed_bench.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include "core/datetime.h"
#include "core/json_reader.h"

namespace carta::bench {

double now_seconds() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

namespace {

const char* const kWords[] = {"ministers", "met", "in", "Moscow", "on", "Thursday", "to", "discuss", "the",
                              "future", "of", "two", "bases", "along", "coast", "and", "reconstruction",
                              "after", "years", "war", "with", "partners", "region", "talks", "statement"};

std::string words(unsigned seed, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    if (i) out += ' ';
    seed = seed * 1103515245u + 12345u;
    out += kWords[(seed >> 16) % (sizeof(kWords) / sizeof(kWords[0]))];
  }
  return out;
}

}  // namespace

std::string generate_feed_json(int items) {
  Json feed = {{"version", "https://jsonfeed.org/version/1.1"},
               {"title", "Benchmark feed"},
               {"home_page_url", "https://bench.example/"},
               {"language", "en"}};
  Json list = Json::array();
  for (int i = 0; i < items; ++i) {
    std::string id = "item-" + std::to_string(i);
    Json item = {
        {"id", id},
        {"url", "https://bench.example/news/" + id},
        {"title", words(i * 7 + 1, 10)},
        {"summary", words(i * 13 + 5, 30)},
        {"content_html", "<p>" + words(i * 3 + 2, 40) + " &amp; more</p>"},
        {"image", "images/" + id + ".jpg"},
        {"date_published", "2025-07-31T15:20:00+03:00"},
        {"authors", Json::array({{{"name", "Antoine Khoury"}}})},
        {"tags", Json::array({"Syria", "Russia"})},
        {"_carta",
         {{"image_caption", words(i * 5 + 3, 12)},
          {"image_credit", "© SANA"},
          {"category", "Syria"},
          {"related", Json::array({"item-" + std::to_string((i + 1) % items), "item-" + std::to_string((i + 2) % items)})}}},
    };
    list.push_back(std::move(item));
  }
  feed["items"] = std::move(list);
  return feed.dump();
}

Feed generate_feed_model(int items) {
  Feed f;
  f.title = "Benchmark feed";
  f.language = "en";
  f.items.reserve(items);
  for (int i = 0; i < items; ++i) {
    Item it;
    it.id = "item-" + std::to_string(i);
    it.url = "https://bench.example/news/" + it.id;
    it.title = words(i * 7 + 1, 10);
    it.summary = words(i * 13 + 5, 30);
    it.image = "https://bench.example/images/" + it.id + ".jpg";
    it.image_caption = words(i * 5 + 3, 12);
    it.image_credit = "© SANA";
    it.category = "Syria";
    it.authors.push_back({"Antoine Khoury", "", ""});
    it.tags = {"Syria", "Russia"};
    it.published = parse_rfc3339("2025-07-31T15:20:00+03:00");
    if (items > 2) {
      RelatedItem r;
      r.item_index = (i + 1) % items;
      r.title = words((i + 1) * 7 + 1, 10);
      r.category = "Syria";
      it.related.push_back(r);
    }
    f.items.push_back(std::move(it));
  }
  return f;
}

std::size_t model_bytes(const Feed& feed) {
  auto str = [](const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; };  // beyond SSO
  std::size_t total = sizeof(Feed) + feed.items.capacity() * sizeof(Item);
  for (const Item& it : feed.items) {
    for (const std::string* s : {&it.id, &it.url, &it.title, &it.summary, &it.text, &it.image, &it.image_caption,
                                 &it.image_credit, &it.image_alt, &it.category, &it.language})
      total += str(*s);
    total += it.authors.capacity() * sizeof(Author) + it.tags.capacity() * sizeof(std::string) +
             it.related.capacity() * sizeof(RelatedItem);
    for (const Author& a : it.authors) total += str(a.name) + str(a.url) + str(a.avatar);
    for (const std::string& t : it.tags) total += str(t);
    for (const RelatedItem& r : it.related) total += str(r.url) + str(r.title) + str(r.category) + str(r.summary) + str(r.image);
  }
  return total;
}

ParseFigures measure_parse(int items, int runs) {
  ParseFigures out;
  std::string bytes = generate_feed_json(items);
  out.bytes = bytes.size();
  out.items = items;
  FeedLimits limits;
  limits.max_items = static_cast<std::size_t>(items);
  limits.max_bytes = std::max<std::size_t>(limits.max_bytes, bytes.size());
  std::vector<double> carta_times, nlohmann_times;
  std::size_t model = 0;
  for (int r = 0; r < runs; ++r) {
    // Alternate the two so that neither always runs on a warmer cache.
    double t0 = now_seconds();
    Json j = Json::parse(bytes, nullptr, /*allow_exceptions=*/false);
    double t1 = now_seconds();
    FeedResult result = parse_feed(bytes, "https://bench.example/feed.json", limits);
    double t2 = now_seconds();
    if (j.is_discarded() || !result.ok() || static_cast<int>(result.feed.items.size()) != items) return out;
    nlohmann_times.push_back(t1 - t0);
    carta_times.push_back(t2 - t1);
    model = model_bytes(result.feed);
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  double mb = bytes.size() / 1e6;
  out.carta_mb_s = mb / median(carta_times);
  out.nlohmann_mb_s = mb / median(nlohmann_times);
  out.ratio = out.carta_mb_s / out.nlohmann_mb_s;
  out.model_bytes_per_item = static_cast<double>(model) / items;
  return out;
}

}  // namespace carta::bench
