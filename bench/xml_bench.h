// The RSS reader's benchmark for `carta bench` (natively; the web module is the same code).
#pragma once
#include <cstddef>
#include <string>

namespace carta::bench {

// The items of generate_feed_json as RSS 2.0 with Media RSS (picture, caption, credit),
// dc:creator, content:encoded, two categories and an RFC 822 pubDate each.
std::string generate_feed_rss(int items);

struct XmlParseFigures {
  std::size_t bytes = 0;
  int items = 0;
  double carta_mb_s = 0;     // read_any_feed: XML bytes to model (conversion + the JSON reader)
  double json_mb_s = 0;      // parse_feed of the same items as JSON Feed, same run
  double seconds = 0;        // median time of one XML read
};

// Median of `runs` timings of each, alternating.
XmlParseFigures measure_xml_parse(int items, int runs);

}  // namespace carta::bench
