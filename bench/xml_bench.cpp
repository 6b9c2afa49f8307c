#include "bench/xml_bench.h"

#include <algorithm>
#include <vector>

#include "bench/feed_bench.h"
#include "xml/xml_feed.h"

namespace carta::bench {

namespace {

std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

}  // namespace

std::string generate_feed_rss(int items) {
  // The JSON generator's texts, so that both formats carry the same words.
  FeedLimits limits;
  limits.max_items = static_cast<std::size_t>(items);
  const std::string json = generate_feed_json(items);
  limits.max_bytes = std::max(limits.max_bytes, json.size());
  FeedResult model = parse_feed(json, "https://bench.example/feed.json", limits);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
      "<channel>\n<title>Benchmark feed</title>\n<link>https://bench.example/</link>\n<language>en</language>\n"
      "<description>Generated for carta bench</description>\n";
  for (const Item& it : model.feed.items) {
    out += "<item>\n<title>" + escaped(it.title) + "</title>\n<link>" + it.url + "</link>\n<guid isPermaLink=\"false\">" +
           it.id + "</guid>\n<pubDate>Thu, 31 Jul 2025 15:20:00 +0300</pubDate>\n<dc:creator>Antoine Khoury</dc:creator>\n";
    for (const std::string& tag : it.tags) out += "<category>" + escaped(tag) + "</category>\n";
    out += "<description>" + escaped(it.summary) + "</description>\n<content:encoded><![CDATA[<p>" + it.summary +
           " &amp; more</p>]]></content:encoded>\n<media:content url=\"" + it.image +
           "\" medium=\"image\" width=\"1200\" height=\"800\">\n<media:description>" + escaped(it.image_caption) +
           "</media:description>\n<media:credit>" + escaped(it.image_credit) + "</media:credit>\n</media:content>\n</item>\n";
  }
  out += "</channel>\n</rss>\n";
  return out;
}

XmlParseFigures measure_xml_parse(int items, int runs) {
  XmlParseFigures out;
  const std::string xml = generate_feed_rss(items), json = generate_feed_json(items);
  out.bytes = xml.size();
  out.items = items;
  FeedLimits limits;
  limits.max_items = static_cast<std::size_t>(items);
  limits.max_bytes = std::max({limits.max_bytes, xml.size(), json.size()});
  std::vector<double> xml_times, json_times;
  for (int r = 0; r < runs; ++r) {
    double t0 = now_seconds();
    FeedResult from_xml = read_any_feed(xml, "https://bench.example/feed.xml", limits);
    double t1 = now_seconds();
    FeedResult from_json = parse_feed(json, "https://bench.example/feed.json", limits);
    double t2 = now_seconds();
    if (!from_xml.ok() || static_cast<int>(from_xml.feed.items.size()) != items || !from_json.ok()) return out;
    xml_times.push_back(t1 - t0);
    json_times.push_back(t2 - t1);
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  out.seconds = median(xml_times);
  out.carta_mb_s = xml.size() / 1e6 / out.seconds;
  out.json_mb_s = json.size() / 1e6 / median(json_times);
  return out;
}

}  // namespace carta::bench
