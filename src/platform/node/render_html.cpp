// carta-html.wasm: `carta html` for Node, the npm package's `carta-carousel/html`
// (web/npm/html.mjs wraps it as renderHtml). The same reader (JSON Feed, RSS, Atom) and the
// same cards_html as the native command, so both print the same HTML for the same feed;
// the page layer never loads it. XML in another encoding than UTF-8 is decoded by Node's
// TextDecoder (the wasm carries no tables, as on the web): carta_html_encoding names it.
#include <emscripten/emscripten.h>

#include <string>

#include "core/html_cards.h"
#include "xml/xml_feed.h"

namespace {
std::string html;      // the last render's HTML
std::string messages;  // its diagnostics, one a line, as `carta html` prints them
std::string named;     // carta_html_encoding's answer
}  // namespace

extern "C" {

// The WHATWG name of the encoding of an XML feed's bytes (src/xml's rules: the byte order
// mark, else the declaration), "UTF-8" for JSON and for XML without one; "" when the label
// names no encoding (the render then says so).
EMSCRIPTEN_KEEPALIVE const char* carta_html_encoding(const char* bytes, int length) {
  const std::string_view feed(bytes, static_cast<std::size_t>(length));
  named = carta::sniff_feed(feed) == carta::FeedFormat::xml ? carta::xml_encoding(feed).name : "UTF-8";
  return named.c_str();
}

// Reads `length` bytes of a feed whose items' relative links resolve against `base` (its
// URL, "" when it has none) and renders its cards; returns 1 when there is HTML (warnings
// or not: carta_html_messages), 0 when the feed could not be read. `utf8`: XML the caller
// decoded already. `now` in seconds since 1970, for "2 h ago".
EMSCRIPTEN_KEEPALIVE int carta_html_render(const char* bytes, int length, int utf8, const char* base, const char* locale,
                                           const char* label, int heading_level, int json_ld, double now) {
  const std::string_view feed(bytes, static_cast<std::size_t>(length));
  carta::FeedResult result;
  if (carta::sniff_feed(feed) == carta::FeedFormat::xml) {
    carta::XmlOptions xml;
    xml.utf8 = utf8 != 0;
    result = carta::read_converted(carta::convert_xml_feed(feed, {}, xml), base);
  } else {
    result = carta::parse_feed(feed, base);
  }
  messages.clear();
  for (const carta::Diagnostic& d : result.diagnostics) messages += carta::format_diagnostic(d) + '\n';
  html.clear();
  if (!result.ok()) return 0;
  carta::HtmlOptions options;
  options.locale = locale;
  options.label = label;
  options.heading_level = heading_level;
  options.json_ld = json_ld != 0;
  options.now_unix = static_cast<std::int64_t>(now);
  html = carta::cards_html(result.feed, options);
  return 1;
}

EMSCRIPTEN_KEEPALIVE const char* carta_html_output() { return html.c_str(); }
EMSCRIPTEN_KEEPALIVE const char* carta_html_messages() { return messages.c_str(); }

}  // extern "C"
