// carta-xml.wasm: the RSS and Atom reader for the web, fetched only when a feed's bytes are
// XML (web/carta-xml-end.js wraps it as Carta.xml). It converts the XML to JSON Feed 1.1 +
// `_carta` with src/xml/xml_feed.cpp; carta.wasm then reads that JSON as any other feed.
#include <emscripten/emscripten.h>

#include <string>

#include "core/feed.h"
#include "xml/xml_feed.h"

namespace {
carta::XmlConversion last;  // the last conversion: its JSON, problems and element paths
std::string answer;
std::string named;  // carta_xml_encoding's answer
}  // namespace

extern "C" {

// The WHATWG name of the encoding `length` bytes of XML are in ("UTF-8", "windows-1256"):
// the byte order mark's, else `http_charset`'s (the Content-Type's charset, "" when none;
// one that names no encoding is passed over), else the XML declaration's, else UTF-8 —
// the one set of rules, src/xml's. "" when the label names no encoding: carta_xml_error
// then quotes it (and carta_xml_error_where is ""). The page decodes any other encoding
// than UTF-8 with TextDecoder and converts the UTF-8 with `utf8` set.
EMSCRIPTEN_KEEPALIVE const char* carta_xml_encoding(const char* bytes, int length, const char* http_charset) {
  const std::string_view xml(bytes, static_cast<std::size_t>(length));
  carta::XmlEncoding encoding = carta::xml_encoding(xml, http_charset);
  if (encoding.name.empty() && encoding.source == carta::XmlEncoding::Source::http)
    encoding = carta::xml_encoding(xml, {});
  last = carta::XmlConversion();
  if (encoding.name.empty()) last = carta::convert_xml_feed(xml, {}, {});  // its error names the label
  named = encoding.name;
  return named.c_str();
}

// Converts `length` bytes of XML; returns 1 when there is a JSON Feed to read (warnings
// or not), 0 when the XML could not be read (carta_xml_error says why and where). `utf8`:
// the page decoded the bytes already (the declaration's encoding is not applied again).
EMSCRIPTEN_KEEPALIVE int carta_xml_convert(const char* bytes, int length, const char* http_charset, int utf8) {
  carta::XmlOptions options;
  options.http_charset = http_charset;
  options.utf8 = utf8 != 0;
  last = carta::convert_xml_feed(std::string_view(bytes, static_cast<std::size_t>(length)), {}, options);
  return last.ok() ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* carta_xml_json() { return last.json.c_str(); }
EMSCRIPTEN_KEEPALIVE int carta_xml_json_length() { return static_cast<int>(last.json.size()); }
// The page has copied the JSON out: the module keeps only the element paths.
EMSCRIPTEN_KEEPALIVE void carta_xml_drop_json() { std::string().swap(last.json); }

// The first error, as the core reports its own: the message, and where ("line 3, column 7"
// or an element path); both "" when there is none.
EMSCRIPTEN_KEEPALIVE const char* carta_xml_error() {
  const carta::Diagnostic* d = carta::first_error(last.diagnostics);
  answer = d ? d->message : "";
  return answer.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* carta_xml_error_where() {
  const carta::Diagnostic* d = carta::first_error(last.diagnostics);
  answer = !d ? "" : d->line > 0 ? "line " + std::to_string(d->line) + ", column " + std::to_string(d->column) : d->pointer;
  return answer.c_str();
}

// The XML element a JSON pointer of the last conversion's JSON came from
// ("/items/2/date_published" -> "/rss/channel/item[3]/pubDate").
EMSCRIPTEN_KEEPALIVE const char* carta_xml_path(const char* pointer) {
  answer = last.element_path(pointer);
  return answer.c_str();
}

}  // extern "C"
