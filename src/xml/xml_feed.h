// RSS 2.0 (and 0.91/0.92, 1.0 RDF) and Atom 1.0 feeds, read by converting them to JSON Feed
// 1.1 + `_carta`, which the one JSON reader (core/feed.h) then reads: every limit, URL rule
// and field diagnostic is the JSON reader's, reported back at the XML element it came from.
// Built on pugixml (Debian's source package); no DTD is processed, nothing is fetched.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/feed.h"

namespace carta {

enum class FeedFormat { json, xml };

// By content, never by name or MIME type: after a byte order mark and whitespace, '<'
// starts XML; anything else is read as JSON (and gets the JSON reader's diagnostics).
FeedFormat sniff_feed(std::string_view bytes);

struct XmlConversion {
  std::string json;          // JSON Feed 1.1 + `_carta`; empty when the XML could not be read
  Diagnostics diagnostics;   // XML problems: line:column for syntax, element paths for fields
  // Where each item came from: items[i] is the element path of the i-th item written, and
  // fields[i] the element each of its JSON members came from ("date_published" -> "pubDate").
  struct ItemSource {
    std::string path;
    std::vector<std::pair<std::string, std::string>> fields;
  };
  std::string root_path;                                    // "/rss/channel", "/feed"
  std::vector<std::pair<std::string, std::string>> fields;  // the feed's own members
  std::vector<ItemSource> items;
  bool ok() const { return !has_errors(diagnostics); }
  // The element path for a JSON pointer into `json` ("/items/2/date_published" ->
  // "/rss/channel/item[3]/pubDate"); the pointer itself when nothing maps it.
  std::string element_path(std::string_view pointer) const;
};

// The encoding of an XML feed's bytes, by the rules browsers follow for XML: a byte order
// mark's, else the HTTP Content-Type's charset (`http_charset`, "" when none), else the XML
// declaration's, else UTF-8. `name` is the WHATWG Encoding Standard's name ("UTF-8",
// "windows-1256", "Shift_JIS"), "" when `label` (as written) names no encoding.
struct XmlEncoding {
  enum class Source { none, bom, http, declaration, given };
  std::string name;
  std::string label;
  Source source = Source::none;
};
XmlEncoding xml_encoding(std::string_view bytes, std::string_view http_charset = {});

struct XmlOptions {
  std::string_view http_charset;  // the charset of the HTTP Content-Type, "" when none
  // The bytes are UTF-8 already, decoded by the caller (the browser's TextDecoder, from
  // the encoding xml_encoding named): the XML declaration's encoding is not applied again.
  bool utf8 = false;
};

// An unknown encoding label is an error naming it; legacy encodings are decoded natively
// (iconv), and on the web by the page (see XmlOptions::utf8).
XmlConversion convert_xml_feed(std::string_view bytes, const FeedLimits& limits = {}, const XmlOptions& options = {});

// Any feed Carta reads, by content: JSON directly, XML through convert_xml_feed, with the
// JSON reader's pointers mapped back to element paths and the XML reader's warnings first.
FeedResult read_any_feed(std::string_view bytes, std::string_view location = {}, const FeedLimits& limits = {});
// The second half of read_any_feed for an XML feed already converted (`carta convert`
// prints the JSON and reports the diagnostics of one conversion).
FeedResult read_converted(const XmlConversion& xml, std::string_view location = {}, const FeedLimits& limits = {});

}  // namespace carta
