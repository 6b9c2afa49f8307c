// The XML feed reader: bytes -> UTF-8 (any WHATWG encoding, xml/encodings.h) -> pugixml's
// tree -> JSON Feed 1.1 + `_carta` text, remembering which element each JSON member came
// from. pugixml never processes a DTD (it skips <!DOCTYPE ...>, expands no entity but the
// five XML ones, reads no file or URL); on top of that a DTD's entities are never expanded
// by us either, and a document whose text uses them is refused, so billion laughs and XXE
// documents get an error at once instead of a quiet half-read. Entities are left to us
// (pugixml's parse_escapes is off) so that HTML's named entities and a stray '&' are read
// with a warning, not refused.
#include "xml/xml_feed.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <optional>

#include <pugixml.hpp>

#include "core/datetime.h"
#include "core/html_text.h"
#include "core/json_writer.h"
#include "core/url.h"
#include "xml/encodings.h"

namespace carta {

namespace {

// --- Encodings -----------------------------------------------------------------------------

// windows-1252's 0x80..0x9F; the rest of the byte range is ISO-8859-1, i.e. U+0080..U+00FF.
// Browsers read a declared ISO-8859-1 as windows-1252 too (WHATWG Encoding), and so do we.
constexpr char16_t kWindows1252[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

char32_t windows_1252(unsigned char c) { return c >= 0x80 && c < 0xA0 ? kWindows1252[c - 0x80] : c; }

// RFC 4648 base64, as Atom 0.3's mode="base64" carries content; whitespace is skipped, and
// decoding stops at '=' or at a character that is not base64.
std::string from_base64(std::string_view text) {
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (char c : text) {
    int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52
          : c == '+' ? 62 : c == '/' ? 63 : -1;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (v < 0) break;
    bits = (bits << 6) | static_cast<unsigned>(v);
    if ((count += 6) >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Line and column (1-based, in characters) of byte `offset` of UTF-8 `text`.
void locate(std::string_view text, std::size_t offset, int& line, int& column) {
  line = 1;
  column = 1;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') ++line, column = 1;
    else if ((c & 0xC0) != 0x80) ++column;
  }
}

// The encoding named in the XML declaration, as written, or "".
std::string declared_encoding(std::string_view bytes) {
  if (bytes.substr(0, 5) != "<?xml") return {};
  std::size_t end = bytes.find("?>");
  if (end == std::string_view::npos || end > 400) return {};
  std::string_view decl = bytes.substr(0, end);
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  at = decl.find_first_of("\"'", at);
  if (at == std::string_view::npos) return {};
  std::size_t close = decl.find(decl[at], at + 1);
  if (close == std::string_view::npos) return {};
  return std::string(decl.substr(at + 1, close - at - 1));
}

// UTF-16 in either byte order, from `bytes` after any byte order mark.
std::string from_utf16(std::string_view bytes, bool little_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t at) -> char32_t {
    unsigned char a = static_cast<unsigned char>(bytes[at]), b = static_cast<unsigned char>(bytes[at + 1]);
    return little_endian ? (b << 8 | a) : (a << 8 | b);
  };
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < bytes.size()) {
      char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low < 0xE000) cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00), i += 2;
    }
    append_utf8(out, cp);  // a lone surrogate becomes U+FFFD
  }
  return out;
}

// The document as UTF-8, whatever it was written in; problems go to `diagnostics` (an
// error when the document cannot be decoded).
std::string to_utf8(std::string_view bytes, const XmlOptions& options, Diagnostics& diagnostics) {
  XmlEncoding encoding = options.utf8 ? XmlEncoding{"UTF-8", "", XmlEncoding::Source::given}
                                      : xml_encoding(bytes, options.http_charset);
  if (encoding.name.empty() && encoding.source == XmlEncoding::Source::http) {
    // As browsers do, a charset the server got wrong is passed over for the document's own.
    diagnostics.push_back({Severity::warning, "",
                           "the HTTP Content-Type names the charset \"" + printable(encoding.label, 40) +
                               "\", which is not an encoding; the feed's own declaration is used",
                           0, 0});
    encoding = xml_encoding(bytes, {});
  }
  if (encoding.name.empty()) {
    diagnostics.push_back({Severity::error, "",
                           "the XML declaration names the encoding \"" + printable(encoding.label, 40) +
                               "\", which is not one of the WHATWG Encoding Standard's, so the feed cannot be read "
                               "(UTF-8 is best)",
                           0, 0});
    return {};
  }
  const std::string& name = encoding.name;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") bytes.remove_prefix(2);
  std::string out;
  if (name == "UTF-16LE" || name == "UTF-16BE") return from_utf16(bytes, name == "UTF-16LE");
  if (name == "windows-1252" || name == "x-user-defined") {
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
      unsigned char c = static_cast<unsigned char>(ch);
      if (c < 0x80) out += ch;
      else append_utf8(out, name == "windows-1252" ? windows_1252(c) : 0xF780 + c - 0x80);
    }
    return out;
  }
  if (name != "UTF-8") {
    if (!decode_legacy(name, bytes, out))
      diagnostics.push_back({Severity::error, "",
                             "the feed is in " + name + ", which this build of Carta cannot decode (UTF-8 is best)", 0, 0});
    return out;
  }
  // UTF-8: bytes that are not are read as windows-1252 (what a Latin-1 feed that forgot to
  // say so means), with one warning at the first of them.
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t first_bad = std::string_view::npos;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t n = utf8_length(bytes.substr(i, 4));
    if (n) {
      out.append(bytes.data() + i, n);
      i += n;
    } else {
      if (first_bad == std::string_view::npos) first_bad = out.size();
      append_utf8(out, windows_1252(p[i]));
      ++i;
    }
  }
  if (first_bad != std::string_view::npos) {
    Diagnostic d{Severity::warning, "", "bytes that are not UTF-8; read as windows-1252 (declare the feed's encoding)", 0, 0};
    locate(out, first_bad, d.line, d.column);
    diagnostics.push_back(std::move(d));
  }
  return out;
}

// --- The DTD -------------------------------------------------------------------------------

// The entities a DTD's internal subset declares: how many, and the names of the general
// ones ("<!ENTITY name ..."; "<!ENTITY % name ..." is a parameter entity, for the DTD only).
struct DeclaredEntities {
  std::size_t count = 0;
  std::vector<std::string> general;  // sorted
};

DeclaredEntities declared_entities(std::string_view dtd) {
  DeclaredEntities out;
  for (std::size_t at = dtd.find("<!ENTITY"); at != std::string_view::npos; at = dtd.find("<!ENTITY", at + 8)) {
    ++out.count;
    std::size_t b = dtd.find_first_not_of(" \t\r\n", at + 8);
    if (b == std::string_view::npos || dtd[b] == '%') continue;
    std::size_t e = dtd.find_first_of(" \t\r\n\"'>", b);
    out.general.emplace_back(dtd.substr(b, (e == std::string_view::npos ? dtd.size() : e) - b));
  }
  std::sort(out.general.begin(), out.general.end());
  return out;
}

// The first entity of `declared` that `body` refers to ("&name;") and HTML does not know,
// or "". One pass over the body, whatever the number of declarations.
std::string first_reference(std::string_view body, const DeclaredEntities& declared) {
  for (std::size_t amp = body.find('&'); amp != std::string_view::npos; amp = body.find('&', amp + 1)) {
    std::size_t semi = body.substr(amp + 1, 64).find(';');
    if (semi == std::string_view::npos || semi == 0) continue;
    const std::string name(body.substr(amp + 1, semi));
    const std::string_view reference = body.substr(amp, semi + 2);
    if (std::binary_search(declared.general.begin(), declared.general.end(), name) &&
        decode_entities(reference) == reference)
      return name;
  }
  return {};
}

// --- Names and paths -----------------------------------------------------------------------

constexpr const char* kMediaNs[] = {"http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss"};
constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";
constexpr const char* kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr const char* kDcTermsNs = "http://purl.org/dc/terms/";
constexpr const char* kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* kXhtmlNs = "http://www.w3.org/1999/xhtml";
// RSS's own vocabularies, when a document names them (RSS 1.0's, often with a prefix
// "rss:"; RSS 0.90's; the namespace some RSS 2.0 feeds give themselves).
constexpr const char* kRssNs[] = {"http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/",
                                  "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss"};

// The namespace URI bound to `prefix` ("" for the default) where `node` is, or nullptr.
const char* namespace_of(pugi::xml_node node, std::string_view prefix) {
  std::string attribute = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent())
    if (pugi::xml_attribute a = n.attribute(attribute.c_str())) return a.value();
  return nullptr;
}

// What an element is, spelled with the conventional prefix whatever the document chose:
// "media:content", "dc:creator", "dcterms:issued", "content:encoded", "atom:link" (in RSS), or the bare local
// name for the feed's own vocabulary (RSS, RSS 1.0 even as "rss:item", Atom in an Atom
// feed). Undeclared prefixes are taken at their word ("media:" is Media RSS even when
// never declared, "rss:" is RSS).
std::string kind_of(pugi::xml_node node, bool atom_feed) {
  std::string_view name = node.name();
  std::size_t colon = name.find(':');
  std::string_view prefix = colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
  std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  const char* ns = namespace_of(node, prefix);
  if (!ns) return prefix.empty() || prefix == "rss" ? std::string(local) : std::string(name);
  std::string_view uri = ns;
  auto with = [&](const char* p) { return std::string(p) + ":" + std::string(local); };
  for (const char* rss : kRssNs)
    if (uri == rss) return std::string(local);
  if (uri == kMediaNs[0] || uri == kMediaNs[1]) return with("media");
  if (uri == kXhtmlNs) return with("xhtml");
  if (uri == kDcNs) return with("dc");
  if (uri == kDcTermsNs) return with("dcterms");
  if (uri == kContentNs) return with("content");
  if (uri == kAtomNs) return atom_feed ? std::string(local) : with("atom");
  return prefix.empty() ? std::string(local) : std::string(name);
}

// One step of an element path: its name as written, with its position among same-named
// siblings when it has any ("category[2]").
std::string step(pugi::xml_node node) {
  std::string out = node.name();
  int index = 0, count = 0;
  for (pugi::xml_node s = node.parent().first_child(); s; s = s.next_sibling()) {
    if (s.type() != pugi::node_element || std::strcmp(s.name(), node.name()) != 0) continue;
    ++count;
    if (s == node) index = count;
  }
  if (count > 1) out += "[" + std::to_string(index) + "]";
  return out;
}

// The path of `node` below `top` ("media:group/media:content[2]"), or from the root.
std::string relative_path(pugi::xml_node node, pugi::xml_node top) {
  std::vector<pugi::xml_node> chain;
  for (pugi::xml_node n = node; n && n != top && n.type() == pugi::node_element; n = n.parent()) chain.push_back(n);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!out.empty() || !top) out += "/";
    out += step(*it);
  }
  return out;
}

// --- JSON text -----------------------------------------------------------------------------

// The converter's output is read back by the JSON reader, and `carta convert` prints it for
// people, so it is indented (core/json_writer.h).

// --- Dates (written by format_rfc3339, core/datetime.h) -----------------------------------

// RFC 822 dates as RSS feeds really write them: day names with or without a comma, full
// month names, two-digit years, one-digit hours, no seconds, "+02:00", "GMT+2", zone names
// beyond RFC 822's, no zone at all (read as UTC), and ISO dates with a space.
std::optional<Timestamp> parse_feed_date(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty() || text.size() > 64) return std::nullopt;
  if (auto t = parse_rfc3339(text)) return t;
  if (auto t = parse_rfc2822(text)) return t;
  // Tokens: words, numbers, times and zones.
  std::vector<std::string> tokens;
  std::string cur;
  for (char c : text) {
    if (c == ' ' || c == ',' || c == '\t' || (c == '-' && !cur.empty() && !std::isalpha(static_cast<unsigned char>(cur[0])) &&
                                              cur.find(':') == std::string::npos)) {
      if (!cur.empty()) tokens.push_back(cur), cur.clear();
      if (c == '-' ) cur.clear();
      continue;
    }
    if ((c == '+' || c == '-') && !cur.empty()) tokens.push_back(cur), cur.clear();
    cur += c;
  }
  if (!cur.empty()) tokens.push_back(cur);
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  struct Zone { const char* name; int minutes; };
  static const Zone kZones[] = {{"ut", 0},      {"utc", 0},     {"gmt", 0},     {"z", 0},       {"wet", 0},
                                {"bst", 60},    {"cet", 60},    {"cest", 120},  {"met", 60},    {"mest", 120},
                                {"eet", 120},   {"eest", 180},  {"msk", 180},   {"ist", 330},   {"jst", 540},
                                {"kst", 540},   {"hkt", 480},   {"sgt", 480},   {"aest", 600},  {"aedt", 660},
                                {"est", -300},  {"edt", -240},  {"cst", -360},  {"cdt", -300},  {"mst", -420},
                                {"mdt", -360},  {"pst", -480},  {"pdt", -420},  {"akst", -540}, {"hst", -600}};
  int y = -1, mo = 0, d = -1, h = 0, mi = 0, s = 0, offset = 0;
  bool have_time = false;
  std::vector<int> numbers;
  for (const std::string& raw : tokens) {
    std::string t = lower(raw);
    if (t.find(':') != std::string::npos && std::isdigit(static_cast<unsigned char>(t[0]))) {
      if (std::sscanf(t.c_str(), "%d:%d:%d", &h, &mi, &s) < 2) return std::nullopt;
      have_time = true;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(t[0]))) {
      bool known = false;
      for (int i = 0; i < 12 && !known; ++i)
        if (t.compare(0, 3, kMonths[i]) == 0) mo = i + 1, known = true;
      std::string zone = t;
      int extra = 0;
      if (std::size_t sign = zone.find_first_of("+-"); sign != std::string::npos && sign > 0) {
        extra = std::atoi(zone.c_str() + sign) * 60;  // "GMT+2"
        zone.resize(sign);
      }
      for (const Zone& z : kZones)
        if (zone == z.name) offset = z.minutes + extra, known = true;
      continue;  // day names and words ("at") are ignored
    }
    if (t[0] == '+' || t[0] == '-') {
      std::string digits;
      for (char c : t.substr(1))
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
      if (digits.size() != 4 && digits.size() != 2) return std::nullopt;
      int hh = std::atoi(digits.substr(0, 2).c_str()), mm = digits.size() == 4 ? std::atoi(digits.substr(2).c_str()) : 0;
      if (hh > 23 || mm > 59) return std::nullopt;
      offset = (t[0] == '-' ? -1 : 1) * (hh * 60 + mm);
      continue;
    }
    if (std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      numbers.push_back(std::atoi(t.c_str())), numbers.back() += t.size() == 4 ? 100000 : 0;  // mark 4-digit years
    else
      return std::nullopt;
  }
  // ISO order (2025 06 02) or RFC 822 order (02 Jun 2025 / 02 06 2025 is not guessed).
  if (mo == 0 && numbers.size() == 3 && numbers[0] >= 100000) {
    y = numbers[0] - 100000, mo = numbers[1], d = numbers[2];
  } else if (mo != 0 && numbers.size() == 2) {
    d = numbers[0] >= 100000 ? numbers[1] : numbers[0];
    y = numbers[0] >= 100000 ? numbers[0] - 100000 : numbers[1] >= 100000 ? numbers[1] - 100000 : numbers[1] + (numbers[1] < 70 ? 2000 : 1900);
  } else {
    return std::nullopt;
  }
  if (!have_time) h = mi = s = 0;
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
  char iso[40];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d, h, mi, s > 59 ? 59 : s,
                offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
  return parse_rfc3339(iso);  // checks the day of the month
}

// --- The converter -------------------------------------------------------------------------

struct Picture {
  std::string url, caption, credit, source;  // source: the element path of the url, from the item
  int width = 0;
};

class Converter {
 public:
  Converter(const std::string& text, const FeedLimits& limits, XmlConversion& out)
      : text_(text), limits_(limits), out_(out) {}

  void run(pugi::xml_node root) {
    std::string root_kind = kind_of(root, false);
    std::string local = root.name();
    if (std::size_t c = local.find(':'); c != std::string::npos) local = local.substr(c + 1);
    atom_ = local == "feed";
    if (local == "rss") {
      pugi::xml_node channel = child(root, "channel");
      if (!channel) return error_at(root, "an <rss> document needs a <channel> element");
      channel_ = channel;
      write_feed(channel, channel, "item");
    } else if (local == "RDF") {  // RSS 1.0: the items are siblings of the channel
      pugi::xml_node channel = child(root, "channel");
      channel_ = channel ? channel : root;
      write_feed(channel_, root, "item");
    } else if (atom_) {
      channel_ = root;
      write_feed(root, root, "entry");
    } else if (lower(local) == "html") {
      error_at(root, "this is an HTML page, not a feed (an error or login page where the feed should be?)");
    } else {
      error_at(root, "the document is XML but not a feed: its root element is <" + printable(root.name(), 60) +
                         ">, not <rss>, <rdf:RDF> or Atom's <feed>");
    }
  }

 private:
  // Whether an element is of a kind: the local names first, which settles nearly every
  // case without looking for namespace declarations (an item is asked for some twenty kinds).
  bool is_kind(pugi::xml_node node, std::string_view wanted) const {
    auto local = [](std::string_view name) {
      std::size_t colon = name.find(':');
      return colon == std::string_view::npos ? name : name.substr(colon + 1);
    };
    return local(node.name()) == local(wanted) && kind_of(node, atom_) == wanted;
  }
  // Children by kind ("media:content", "link"...).
  pugi::xml_node child(pugi::xml_node parent, std::string_view wanted) const {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element && is_kind(c, wanted)) return c;
    return {};
  }
  template <typename F>
  void each(pugi::xml_node parent, std::string_view wanted, F&& f) const {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element && is_kind(c, wanted)) f(c);
  }

  std::string path_of(pugi::xml_node node) const { return relative_path(node, pugi::xml_node()); }

  void error_at(pugi::xml_node node, std::string message) {
    Diagnostic d{Severity::error, path_of(node), std::move(message), 0, 0};
    out_.diagnostics.push_back(std::move(d));
  }
  void warn_at(pugi::xml_node node, std::string message) {
    if (warnings_++ >= 20) return;  // a feed with a stray '&' in every title says so 20 times, not 5 000
    out_.diagnostics.push_back({Severity::warning, path_of(node), std::move(message), 0, 0});
  }

  // XML text with the five XML entities and character references decoded, HTML's named
  // entities too (with a warning: XML does not know them), and a stray '&' kept as text.
  void decode(std::string_view raw, pugi::xml_node where, std::string& out) {
    for (std::size_t i = 0; i < raw.size();) {
      std::size_t amp = raw.find('&', i);
      if (amp == std::string_view::npos) amp = raw.size();
      out.append(raw.data() + i, amp - i);
      if (amp == raw.size()) break;
      std::size_t semi = raw.substr(amp + 1, 32).find(';');
      std::string_view body = semi == std::string_view::npos ? std::string_view() : raw.substr(amp + 1, semi);
      bool name = !body.empty();
      for (std::size_t k = 0; k < body.size() && name; ++k) {
        unsigned char c = static_cast<unsigned char>(body[k]);
        name = std::isalnum(c) || (k == 0 && c == '#') || c == '_' || c == '-' || c == '.';
      }
      if (!name) {
        out += '&';
        warn_at(where, "a bare \"&\" is read as text (XML wants &amp;)");
        i = amp + 1;
        continue;
      }
      std::string_view entity = raw.substr(amp, body.size() + 2);
      std::string decoded = decode_entities(entity);
      bool xml = body[0] == '#' || body == "amp" || body == "lt" || body == "gt" || body == "quot" || body == "apos";
      if (decoded == entity) {
        warn_at(where, "unknown entity " + printable(entity, 40) + " kept as typed");
      } else if (!xml && html_entity_warned_.size() < 8 &&
                 std::find(html_entity_warned_.begin(), html_entity_warned_.end(), body) == html_entity_warned_.end()) {
        html_entity_warned_.emplace_back(body);
        warn_at(where, "the HTML entity " + printable(entity, 40) + " is not declared in XML; read as HTML");
      }
      out += decoded;
      i = amp + entity.size();
    }
  }

  // Text of an element: character data decoded, CDATA as is; child elements (HTML written
  // without escaping, Atom's xhtml) as markup when `markup`, else as their text.
  void gather(pugi::xml_node node, bool markup, int depth, std::string& out, bool xhtml = false) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      switch (c.type()) {
        case pugi::node_pcdata:
          if (!xhtml) {
            decode(c.value(), node, out);
          } else {  // XHTML's text is text: an escaped "&lt;blink&gt;" stays words, not a tag
            std::string words;
            decode(c.value(), node, words);
            for (char ch : words) out += ch == '<' ? "&lt;" : ch == '&' ? "&amp;" : std::string(1, ch);
          }
          break;
        case pugi::node_cdata: out += c.value(); break;
        case pugi::node_element:
          if (depth >= limits_.max_depth) break;  // deeper markup is dropped, not followed
          if (markup) {
            std::string_view name = c.name();
            if (std::size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
            out += '<';
            out += name;
            for (pugi::xml_attribute a : c.attributes()) {
              if (std::strncmp(a.name(), "xmlns", 5) == 0) continue;
              out += ' ';
              out += a.name();
              out += "=\"";
              out += a.value();  // still escaped as in the document, which HTML reads alike
              out += '"';
            }
            out += '>';
            gather(c, markup, depth + 1, out, xhtml);
            out += "</";
            out += name;
            out += '>';
          } else {
            gather(c, markup, depth + 1, out, xhtml);
          }
          break;
        default: break;
      }
    }
  }
  std::string text(pugi::xml_node node, bool markup = false) {
    std::string out;
    if (node) gather(node, markup, 0, out);
    return out;
  }
  // XHTML written into the feed (Atom's type="xhtml", xhtml:body) as HTML source.
  std::string xhtml(pugi::xml_node node) {
    std::string out;
    if (node) gather(node, true, 0, out, true);
    return out;
  }

  // What an Atom text construct holds: Atom 1.0's type ("text", the default, "html",
  // "xhtml"), or Atom 0.3's MIME type ("text/plain", "text/html", "application/xhtml+xml")
  // with its mode ("xml", the default, "escaped", "base64").
  enum class Construct { text, html, xhtml };
  static Construct construct_of(pugi::xml_node node) {
    std::string_view type = node.attribute("type").value(), mode = node.attribute("mode").value();
    if (type == "html" || type == "text/html") return Construct::html;
    if (type == "xhtml" || type == "application/xhtml+xml") return mode == "escaped" || mode == "base64" ? Construct::html : Construct::xhtml;
    return Construct::text;
  }
  // The construct's content as text or HTML source (XHTML's as HTML source).
  std::string construct_text(pugi::xml_node node) {
    if (construct_of(node) == Construct::xhtml) return xhtml(node);
    std::string raw = text(node);
    return std::string_view(node.attribute("mode").value()) == "base64" ? from_base64(raw) : raw;
  }
  std::string attribute(pugi::xml_node node, const char* name) {
    std::string out;
    decode(node.attribute(name).value(), node, out);
    return out;
  }
  static std::string trim(std::string s) {
    std::size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  }

  // A title or summary as the plain text JSON Feed wants. Atom says what its text holds:
  // type "text" (the default) is text once the XML is read, never HTML a second time
  // ("5<7", "<canvas>" stay); "html" and "xhtml" are converted. RSS does not say, and real
  // titles hold text, escaped markup and entities escaped twice alike: a title is read as
  // HTML only when it holds a tag of a common HTML element (looks_like_html), else as text
  // with its entities decoded. RSS's description is HTML (`html`).
  std::string plain(pugi::xml_node node, bool html) {
    if (!node) return {};
    if (atom_) {
      std::string content = construct_text(node);
      return construct_of(node) == Construct::text ? collapse_whitespace(content) : html_to_text(content);
    }
    std::string raw = text(node, true);
    return html || !looks_like_html(raw).empty() ? html_to_text(raw) : plain_text(raw);
  }

  // The base URL in force at `node` (xml:base, resolved outward), "" when none is absolute.
  std::string base_of(pugi::xml_node node) const {
    std::vector<const char*> bases;
    for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent())
      if (pugi::xml_attribute a = n.attribute("xml:base")) bases.push_back(a.value());
    std::string base;
    for (auto it = bases.rbegin(); it != bases.rend(); ++it) base = is_http_url(base) ? resolve_url(*it, base) : *it;
    return is_http_url(base) ? base : std::string();
  }
  std::string link_at(pugi::xml_node node, std::string href) {
    href = trim(std::move(href));
    std::string base = base_of(node);
    return base.empty() || href.empty() ? href : resolve_url(href, base);
  }

  // Atom's <link rel=REL> (no rel is "alternate"), preferring an HTML page.
  pugi::xml_node atom_link(pugi::xml_node parent, std::string_view rel, std::string_view kind) const {
    pugi::xml_node found;
    each(parent, kind, [&](pugi::xml_node l) {
      std::string_view r = l.attribute("rel").value();
      if (r.empty()) r = "alternate";
      if (r != rel || !l.attribute("href")) return;
      std::string_view type = l.attribute("type").value();
      if (!found || (type == "text/html" && std::string_view(found.attribute("type").value()) != "text/html")) found = l;
    });
    return found;
  }

  static bool is_image(pugi::xml_node media) {
    std::string_view medium = media.attribute("medium").value(), type = media.attribute("type").value();
    if (!medium.empty()) return medium == "image";
    if (!type.empty()) return type.rfind("image/", 0) == 0;
    std::string url = lower(media.attribute("url").value());
    url = url.substr(0, url.find_first_of("?#"));
    for (const char* ext : {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"})
      if (url.size() > std::strlen(ext) && url.compare(url.size() - std::strlen(ext), std::string::npos, ext) == 0) return true;
    return false;
  }

  // Media RSS text: type="plain" (the default) or "html".
  std::string media_text(pugi::xml_node node) {
    return std::string_view(node.attribute("type").value()) == "html" ? html_to_text(text(node)) : trim(text(node));
  }

  // Caption and credit: from the picture's own element, else its group, else the item.
  void describe(Picture& p, std::initializer_list<pugi::xml_node> from) {
    for (pugi::xml_node n : from) {
      if (!n) continue;
      if (p.caption.empty()) p.caption = media_text(child(n, "media:description"));
      if (p.credit.empty()) p.credit = media_text(child(n, "media:credit"));
    }
    for (pugi::xml_node n : from) {
      if (!n) continue;
      if (p.caption.empty()) p.caption = media_text(child(n, "media:title"));
      if (p.credit.empty()) p.credit = media_text(child(n, "media:copyright"));
    }
  }

  // The item's picture, in the order of the mapping table (README, "RSS and Atom").
  Picture picture(pugi::xml_node item, const std::string& html) {
    Picture best;
    pugi::xml_node best_node, best_group;
    // The largest image that fits a card (2 000 px wide at most), else the smallest larger one.
    auto rank = [](int w) { return w > 0 && w <= 2000 ? 2.0 * 1e6 + w : w == 0 ? 1e6 : 1e6 - w; };
    double best_rank = -1e18;
    auto consider = [&](pugi::xml_node m, pugi::xml_node group) {
      if (!is_image(m) || trim(m.attribute("url").value()).empty()) return;
      int w = std::atoi(m.attribute("width").value());
      if (rank(w) > best_rank) best_rank = rank(w), best_node = m, best_group = group;
    };
    each(item, "media:content", [&](pugi::xml_node m) { consider(m, {}); });
    each(item, "media:group", [&](pugi::xml_node g) { each(g, "media:content", [&](pugi::xml_node m) { consider(m, g); }); });
    if (!best_node) {  // thumbnails: the largest
      auto thumb = [&](pugi::xml_node t, pugi::xml_node group) {
        if (trim(t.attribute("url").value()).empty()) return;
        int w = std::atoi(t.attribute("width").value());
        if (rank(w) > best_rank) best_rank = rank(w), best_node = t, best_group = group;
      };
      each(item, "media:thumbnail", [&](pugi::xml_node t) { thumb(t, {}); });
      each(item, "media:group", [&](pugi::xml_node g) { each(g, "media:thumbnail", [&](pugi::xml_node t) { thumb(t, g); }); });
      each(item, "media:content", [&](pugi::xml_node m) { each(m, "media:thumbnail", [&](pugi::xml_node t) { thumb(t, m); }); });
    }
    if (best_node) {
      best.url = link_at(best_node, attribute(best_node, "url"));
      best.source = relative_path(best_node, item) + "/@url";
      describe(best, {best_node, best_group, item});
      return best;
    }
    each(item, "enclosure", [&](pugi::xml_node e) {
      if (best.url.empty() && std::string_view(e.attribute("type").value()).rfind("image/", 0) == 0) {
        best.url = link_at(e, attribute(e, "url"));
        best.source = relative_path(e, item) + "/@url";
      }
    });
    if (best.url.empty()) {
      each(item, atom_ ? "link" : "atom:link", [&](pugi::xml_node l) {
        if (best.url.empty() && std::string_view(l.attribute("rel").value()) == "enclosure" &&
            std::string_view(l.attribute("type").value()).rfind("image/", 0) == 0) {
          best.url = link_at(l, attribute(l, "href"));
          best.source = relative_path(l, item) + "/@href";
        }
      });
    }
    if (best.url.empty()) {
      best.url = first_image(html);
      if (!best.url.empty()) best.source = html_source_;
    }
    if (!best.url.empty()) describe(best, {item});
    return best;
  }

  // The src of the first <img> of some HTML.
  static std::string first_image(const std::string& html) {
    std::string low = lower(html.substr(0, 200000));
    for (std::size_t at = low.find("<img"); at != std::string::npos; at = low.find("<img", at + 4)) {
      std::size_t end = low.find('>', at);
      std::size_t src = low.find("src", at);
      while (src != std::string::npos && src < end) {
        std::size_t eq = low.find_first_not_of(" \t\n", src + 3);
        if (eq != std::string::npos && low[eq] == '=' && std::isspace(static_cast<unsigned char>(low[src - 1]))) {
          std::size_t v = low.find_first_not_of(" \t\n", eq + 1);
          if (v == std::string::npos) return {};
          char q = html[v];
          std::size_t close = q == '"' || q == '\'' ? html.find(q, v + 1) : html.find_first_of(" \t\n>", v);
          if (close == std::string::npos) return {};
          std::size_t from = q == '"' || q == '\'' ? v + 1 : v;
          return trim(decode_entities(std::string_view(html).substr(from, close - from)));
        }
        src = low.find("src", src + 3);
      }
    }
    return {};
  }

  using Fields = std::vector<std::pair<std::string, std::string>>;

  void date_member(IndentedJsonWriter& w, Fields& fields, const char* key, pugi::xml_node node, pugi::xml_node from) {
    std::string raw = trim(text(node));
    if (raw.empty()) return;
    auto t = parse_feed_date(raw);
    if (!t) {  // said here, in the format's own terms, and left out
      warn_at(node, "could not read the date \"" + printable(raw, 64) + "\"; expected " +
                        (atom_ ? "RFC 3339 such as 2025-07-31T14:00:00+03:00"
                               : "RFC 822 such as Thu, 31 Jul 2025 14:00:00 +0300"));
      return;
    }
    w.member(key, format_rfc3339(*t));
    fields.emplace_back(key, relative_path(node, from));
  }

  // Seconds from Media RSS's duration="204", or as players write it ("3:24", "1:02:03");
  // -1 for anything else.
  static long duration_seconds(const std::string& text) {
    long total = 0, part = -1;
    int parts = 0;
    for (char c : text + ":") {
      if (c >= '0' && c <= '9') {
        part = (part < 0 ? 0 : part) * 10 + (c - '0');
        if (part > 10000000) return -1;
      } else if (c == ':' && part >= 0 && ++parts <= 3) {
        total = total * 60 + part;
        part = -1;
      } else {
        return -1;
      }
    }
    return total;
  }

  // A video story: Media RSS's media:content medium="video" (or of a video/* type), in the
  // item or a media:group, else an enclosure (RSS) or link rel="enclosure" (Atom) of a
  // video/* type — JSON Feed's attachment, with its duration="…" in seconds or H:MM:SS.
  void video_member(IndentedJsonWriter& w, Fields& fields, pugi::xml_node item) {
    pugi::xml_node found;
    const char* address = "url";
    auto consider = [&](pugi::xml_node m) {
      std::string_view medium = m.attribute("medium").value(), type = m.attribute("type").value();
      if (!found && (medium == "video" || type.rfind("video/", 0) == 0) && !trim(m.attribute("url").value()).empty())
        found = m;
    };
    each(item, "media:content", consider);
    each(item, "media:group", [&](pugi::xml_node g) { each(g, "media:content", consider); });
    each(item, "enclosure", consider);
    each(item, atom_ ? "link" : "atom:link", [&](pugi::xml_node l) {
      if (!found && std::string_view(l.attribute("rel").value()) == "enclosure" &&
          std::string_view(l.attribute("type").value()).rfind("video/", 0) == 0 && !trim(l.attribute("href").value()).empty())
        found = l, address = "href";
    });
    if (!found) return;
    const std::string url = link_at(found, attribute(found, address));
    if (url.empty()) return;
    std::string type = trim(found.attribute("type").value());
    if (type.rfind("video/", 0) != 0) type = "video/*";
    const std::string where = relative_path(found, item);
    w.key("attachments").open('[').open('{');
    w.member("url", url).member("mime_type", type);
    fields.emplace_back("attachments/0/url", where + "/@" + address);
    fields.emplace_back("attachments/0/mime_type", where);
    const std::string duration = trim(found.attribute("duration").value());
    if (!duration.empty()) {
      if (long seconds = duration_seconds(duration); seconds >= 0) {
        w.key("duration_in_seconds").integer(seconds);
        fields.emplace_back("attachments/0/duration_in_seconds", where + "/@duration");
      } else {
        warn_at(found, "a duration is a number of seconds (or H:MM:SS), not \"" + printable(duration, 32) + "\"; left out");
      }
    }
    w.close('}').close(']');
  }

  void authors_member(IndentedJsonWriter& w, Fields& fields, pugi::xml_node parent) {
    struct Person { std::string name, url, source; };
    std::vector<Person> people;
    if (atom_) {
      each(parent, "author", [&](pugi::xml_node a) {
        pugi::xml_node uri = child(a, "uri");
        if (!uri) uri = child(a, "url");  // Atom 0.3
        Person p{author_name(text(child(a, "name"))), trim(text(uri)), relative_path(a, parent)};
        if (p.name.empty() && !child(a, "name")) p.name = author_name(text(a));  // some write <author>Jane</author>
        if (!p.name.empty()) people.push_back(p);
      });
    } else {
      each(parent, "author", [&](pugi::xml_node a) {  // an address, by RSS 2.0: "jane@example.com (Jane Doe)"
        Person p{author_name(text(a)), "", relative_path(a, parent)};
        if (!p.name.empty()) people.push_back(p);
      });
    }
    // Names only, never addresses (author_name): "Jane Doe <jane@…>", "Jane Doe (jane@…)".
    // dc:author is not Dublin Core's, but feeds write it beside or instead of dc:creator.
    for (const char* kind : {"dc:creator", "dc:author"})
      each(parent, kind, [&](pugi::xml_node a) {
        Person p{author_name(text(a)), "", relative_path(a, parent)};
        if (!p.name.empty() && std::none_of(people.begin(), people.end(), [&](const Person& q) { return q.name == p.name; }))
          people.push_back(p);
      });
    if (!atom_)
      each(parent, "atom:author", [&](pugi::xml_node a) {
        Person p{author_name(text(child(a, "atom:name"))), trim(text(child(a, "atom:uri"))), relative_path(a, parent)};
        if (!p.name.empty()) people.push_back(p);
      });
    if (people.empty()) return;
    w.key("authors");
    w.open('[');
    for (std::size_t i = 0; i < people.size(); ++i) {
      w.open('{');
      w.member("name", escape_entities(people[i].name));
      if (!people[i].url.empty()) w.member("url", people[i].url);
      w.close('}');
      fields.emplace_back("authors/" + std::to_string(i), people[i].source);
    }
    w.close(']');
  }

  void write_feed(pugi::xml_node channel, pugi::xml_node items_parent, const char* item_kind) {
    IndentedJsonWriter& w = json_;
    out_.root_path = path_of(channel);
    Fields& fields = out_.fields;
    w.open('{');
    w.member("version", "https://jsonfeed.org/version/1.1");
    auto member = [&](const char* key, pugi::xml_node node, std::string value) {
      if (value.empty()) return;
      w.member(key, value);
      fields.emplace_back(key, relative_path(node, channel));
    };
    pugi::xml_node title = child(channel, "title");
    if (!title) title = child(channel, "dc:title");
    member("title", title, escape_entities(plain(title, false)));
    if (atom_) {
      pugi::xml_node home = atom_link(channel, "alternate", "link");
      member("home_page_url", home, link_at(home, attribute(home, "href")));
      pugi::xml_node self = atom_link(channel, "self", "link");
      member("feed_url", self, link_at(self, attribute(self, "href")));
      pugi::xml_node subtitle = child(channel, "subtitle");
      if (!subtitle) subtitle = child(channel, "tagline");  // Atom 0.3
      member("description", subtitle, plain(subtitle, false));
      member("language", channel, trim(channel.attribute("xml:lang").value()));
    } else {
      pugi::xml_node link = child(channel, "link");
      member("home_page_url", link, link_at(link, text(link)));
      pugi::xml_node self = atom_link(channel, "self", "atom:link");
      member("feed_url", self, link_at(self, attribute(self, "href")));
      member("description", child(channel, "description"), trim(text(child(channel, "description"))));
      pugi::xml_node language = child(channel, "language");
      if (!language) language = child(channel, "dc:language");
      member("language", language, trim(text(language)));
    }
    authors_member(w, fields, channel);
    w.key("items");
    w.open('[');
    std::size_t index = 0;
    // Item paths: "/rss/channel/item[3]", counted here rather than from each item's siblings.
    const std::string parent_path = relative_path(items_parent, pugi::xml_node()) + "/";
    std::vector<std::pair<std::string_view, int>> same_name;  // a channel's children have few names
    for (pugi::xml_node item = items_parent.first_child(); item; item = item.next_sibling()) {
      if (item.type() != pugi::node_element) continue;
      auto seen = std::find_if(same_name.begin(), same_name.end(), [&](const auto& n) { return n.first == item.name(); });
      if (seen == same_name.end()) seen = same_name.insert(seen, {item.name(), 0});
      const int position = ++seen->second;
      if (!is_kind(item, item_kind)) continue;
      // Past the item limit only the count matters: the JSON reader warns with it.
      if (index++ > limits_.max_items) {
        w.open('{');
        w.close('}');
        continue;
      }
      write_item(item, parent_path + item.name() + "[" + std::to_string(position) + "]");
    }
    w.close(']');
    w.close('}');
    out_.json = std::move(w.text);
  }

  void write_item(pugi::xml_node item, std::string path) {
    IndentedJsonWriter& w = json_;
    XmlConversion::ItemSource source;
    source.path = std::move(path);
    Fields& fields = source.fields;
    auto member = [&](const char* key, pugi::xml_node node, const std::string& value, std::string where = {}) {
      if (value.empty()) return;
      w.member(key, value);
      fields.emplace_back(key, where.empty() ? relative_path(node, item) : where);
    };
    // The first of some kinds of child the item has: its own element, then fallbacks.
    auto first_of = [&](std::initializer_list<const char*> kinds) {
      for (const char* kind : kinds)
        if (pugi::xml_node n = child(item, kind)) return n;
      return pugi::xml_node();
    };
    w.open('{');
    std::string id, url;
    pugi::xml_node id_node, url_node;
    if (atom_) {
      id_node = child(item, "id");
      id = trim(text(id_node));
      url_node = atom_link(item, "alternate", "link");
      url = link_at(url_node, attribute(url_node, "href"));
    } else {
      url_node = child(item, "link");
      url = link_at(url_node, text(url_node));
      id_node = child(item, "guid");
      if (!id_node) id_node = item.attribute("rdf:about") ? item : pugi::xml_node();
      id = trim(id_node == item ? std::string(item.attribute("rdf:about").value()) : text(id_node));
      if (url.empty() && id_node && id_node != item && std::string_view(id_node.attribute("isPermaLink").value()) != "false" &&
          is_http_url(id))
        url = id, url_node = id_node;
    }
    if (id.empty() && !url.empty()) id = url, id_node = url_node;  // RSS without guid: the link is its identity
    if (id.empty()) id = source.path, id_node = item;               // nor link: its place in the feed
    member("id", id_node, id);
    member("url", url_node, url);
    // Titles and summaries are plain text in JSON Feed, which reads entities in them: an
    // '&' that would start one is escaped, so the text arrives as it is here.
    pugi::xml_node title = first_of({"title", "dc:title", "media:title"});
    member("title", title, escape_entities(plain(title, false)));

    // Body and summary. RSS: content:encoded is the body, description the summary (or the
    // body when alone). Atom: content (text, html or xhtml) and summary.
    pugi::xml_node body, summary;
    bool body_text = false;
    if (atom_) {
      body = child(item, "content");
      summary = first_of({"summary", "dc:description"});
      body_text = body && construct_of(body) == Construct::text;
      if (!body) body = child(item, "xhtml:body");
    } else {  // xhtml:body is XHTML written into the item, dc:description a summary
      body = first_of({"content:encoded", "xhtml:body"});
      summary = first_of({"description", "dc:description"});
      if (!body) body = summary, summary = pugi::xml_node();
    }
    std::string html = trim(is_kind(body, "xhtml:body") ? xhtml(body) : atom_ && body ? construct_text(body) : text(body, true));
    html_source_ = body ? relative_path(body, item) : std::string();
    if (body_text) member("content_text", body, html);
    else member("content_html", body, html);
    if (summary) {
      member("summary", summary, escape_entities(plain(summary, !atom_)));
      if (html.empty()) html = trim(text(summary, true)), html_source_ = relative_path(summary, item);
    }

    Picture pic = picture(item, html);
    member("image", item, pic.url, pic.source);
    video_member(w, fields, item);

    // Dates: the format's own elements first, then Dublin Core's (dc:date, and the terms
    // namespace's dcterms:issued, dcterms:created, dcterms:modified).
    // Atom 0.3 wrote issued, created and modified.
    pugi::xml_node published = atom_ ? first_of({"published", "issued", "created", "dcterms:issued", "dcterms:created", "dc:date"})
                                     : first_of({"pubDate", "dc:date", "dcterms:issued", "dcterms:created"});
    pugi::xml_node updated = atom_ ? first_of({"updated", "modified", "dcterms:modified"})
                                   : first_of({"atom:updated", "dcterms:modified"});
    if (published) date_member(w, fields, "date_published", published, item);
    else if (updated) date_member(w, fields, "date_published", updated, item);
    if (published && updated) date_member(w, fields, "date_modified", updated, item);
    authors_member(w, fields, item);

    // Categories: the first is the card's section label, the others its tags.
    std::vector<std::pair<std::string, pugi::xml_node>> categories;
    auto add_category = [&](std::string name, pugi::xml_node node) {
      name = trim(std::move(name));
      if (!name.empty() && std::none_of(categories.begin(), categories.end(), [&](const auto& c) { return c.first == name; }))
        categories.emplace_back(name, node);
    };
    each(item, "category", [&](pugi::xml_node c) {
      if (atom_) add_category(c.attribute("label") ? attribute(c, "label") : attribute(c, "term"), c);
      else add_category(text(c), c);
    });
    each(item, "dc:subject", [&](pugi::xml_node c) { add_category(text(c), c); });
    if (categories.empty()) {  // Media RSS's, when the item names none of its own
      each(item, "media:category", [&](pugi::xml_node c) { add_category(text(c), c); });
      each(item, "media:group", [&](pugi::xml_node g) { each(g, "media:category", [&](pugi::xml_node c) { add_category(text(c), c); }); });
    }
    if (categories.size() > 1) {
      w.key("tags");
      w.open('[');
      for (std::size_t i = 1; i < categories.size(); ++i) {
        w.string(categories[i].first);
        fields.emplace_back("tags/" + std::to_string(i - 1), relative_path(categories[i].second, item));
      }
      w.close(']');
    }
    if (pugi::xml_node lang = child(item, "dc:language")) member("language", lang, trim(text(lang)));
    else if (atom_ && item.attribute("xml:lang")) member("language", item, trim(item.attribute("xml:lang").value()));

    if (!pic.caption.empty() || !pic.credit.empty() || !categories.empty()) {
      w.key("_carta");
      w.open('{');
      if (!pic.caption.empty()) {
        w.member("image_caption", escape_entities(pic.caption));
        fields.emplace_back("_carta/image_caption", pic.source);
      }
      if (!pic.credit.empty()) {
        w.member("image_credit", escape_entities(pic.credit));
        fields.emplace_back("_carta/image_credit", pic.source);
      }
      if (!categories.empty()) {
        w.member("category", escape_entities(categories[0].first));
        fields.emplace_back("_carta/category", relative_path(categories[0].second, item));
      }
      w.close('}');
    }
    w.close('}');
    out_.items.push_back(std::move(source));
  }

  const std::string& text_;
  const FeedLimits& limits_;
  XmlConversion& out_;
  IndentedJsonWriter json_;
  pugi::xml_node channel_;
  bool atom_ = false;
  std::size_t warnings_ = 0;
  std::vector<std::string> html_entity_warned_;
  std::string html_source_;
};

// pugixml's statuses in a publisher's words.
std::string syntax_message(const pugi::xml_parse_result& r, const std::string& text) {
  // pugixml reads all but the last byte first: a document cut right after a '>' is
  // reported at that '>'.
  const auto from = static_cast<std::size_t>(r.offset) + (r.offset + 1 == static_cast<std::ptrdiff_t>(text.size()) ? 1 : 0);
  const bool at_end = text.find_first_not_of(" \t\r\n", from) == std::string::npos;
  switch (r.status) {
    case pugi::status_end_element_mismatch:
      if (at_end) return "the document ends before its elements are closed (is it cut short?)";
      return "this end tag does not match the element it closes";
    case pugi::status_unrecognized_tag: return at_end ? "the document ends inside a tag (is it cut short?)"
                                                      : "this is not a valid tag";
    case pugi::status_bad_start_element: return "a start tag is malformed";
    case pugi::status_bad_end_element: return "an end tag is malformed";
    case pugi::status_bad_attribute: return "an attribute is malformed (a value needs quotes)";
    case pugi::status_bad_cdata: return "a CDATA section is not closed";
    case pugi::status_bad_comment: return "a comment is not closed";
    case pugi::status_bad_pi: return "a processing instruction or the XML declaration is malformed";
    case pugi::status_bad_doctype: return "the <!DOCTYPE> declaration is malformed";
    case pugi::status_no_document_element: return "there is no root element: the document is empty or has only a prolog";
    case pugi::status_out_of_memory: return "the document is too large to read";
    default: return std::string("the XML cannot be read: ") + r.description();
  }
}

}  // namespace

FeedFormat sniff_feed(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")  // UTF-16: '<' is 3C 00 or 00 3C
    return bytes.size() >= 4 && (bytes[2] == '<' || bytes[3] == '<') ? FeedFormat::xml : FeedFormat::json;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::size_t at = bytes.find_first_not_of(" \t\r\n");
  return at != std::string_view::npos && bytes[at] == '<' ? FeedFormat::xml : FeedFormat::json;
}

std::string XmlConversion::element_path(std::string_view pointer) const {
  auto best = [](const std::string& base, const std::vector<std::pair<std::string, std::string>>& fields,
                 std::string_view rest) -> std::string {
    const std::pair<std::string, std::string>* found = nullptr;
    for (const auto& f : fields)
      if ((rest == f.first || (rest.size() > f.first.size() && rest.compare(0, f.first.size(), f.first) == 0 &&
                               rest[f.first.size()] == '/')) &&
          (!found || f.first.size() > found->first.size()))
        found = &f;
    if (!found) return {};
    if (found->second.empty()) return base;
    return found->second[0] == '/' ? found->second : base + "/" + found->second;
  };
  if (pointer.rfind("/items/", 0) == 0) {
    std::string_view rest = pointer.substr(7);
    std::size_t slash = rest.find('/');
    std::string_view number = rest.substr(0, slash);
    std::size_t index = 0;
    for (char c : number) {
      if (c < '0' || c > '9') return std::string(pointer);
      index = index * 10 + static_cast<std::size_t>(c - '0');
      if (index > items.size()) return std::string(pointer);
    }
    if (index >= items.size()) return std::string(pointer);
    const ItemSource& item = items[index];
    if (slash == std::string_view::npos) return item.path;
    std::string found = best(item.path, item.fields, rest.substr(slash + 1));
    return found.empty() ? item.path : found;
  }
  if (pointer.size() > 1) {
    std::string found = best(root_path, fields, pointer.substr(1));
    if (!found.empty()) return found;
  }
  return pointer.empty() ? root_path : std::string(pointer);
}

XmlEncoding xml_encoding(std::string_view bytes, std::string_view http_charset) {
  using Source = XmlEncoding::Source;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return {"UTF-8", "UTF-8", Source::bom};
  if (bytes.substr(0, 2) == "\xFF\xFE") return {"UTF-16LE", "UTF-16LE", Source::bom};
  if (bytes.substr(0, 2) == "\xFE\xFF") return {"UTF-16BE", "UTF-16BE", Source::bom};
  // UTF-16 without a byte order mark, told by "<?" (XML 1.0, appendix F).
  if (bytes.substr(0, 4) == std::string_view("<\0?\0", 4)) return {"UTF-16LE", "UTF-16LE", Source::bom};
  if (bytes.substr(0, 4) == std::string_view("\0<\0?", 4)) return {"UTF-16BE", "UTF-16BE", Source::bom};
  if (!http_charset.empty()) return {std::string(encoding_for_label(http_charset)), std::string(http_charset), Source::http};
  std::string declared = declared_encoding(bytes);
  if (declared.empty()) return {"UTF-8", "", Source::none};
  std::string name(encoding_for_label(declared));
  // A declaration read as ASCII is not in UTF-16: the bytes are UTF-8 (as HTML decides).
  if (name == "UTF-16LE" || name == "UTF-16BE") name = "UTF-8";
  return {name, declared, Source::declaration};
}

XmlConversion convert_xml_feed(std::string_view bytes, const FeedLimits& limits, const XmlOptions& options) {
  XmlConversion out;
  if (bytes.size() > limits.max_bytes) {
    out.diagnostics.push_back(
        {Severity::error, "", too_large_message("the feed", std::to_string(bytes.size()), limits.max_bytes), 0, 0});
    return out;
  }
  const std::string text = to_utf8(bytes, options, out.diagnostics);
  if (!out.ok()) return out;
  pugi::xml_document doc;
  const unsigned flags = pugi::parse_cdata | pugi::parse_eol | pugi::parse_ws_pcdata | pugi::parse_wconv_attribute | pugi::parse_doctype;
  pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
  if (!parsed) {
    Diagnostic d{Severity::error, "", syntax_message(parsed, text), 0, 0};
    locate(text, static_cast<std::size_t>(parsed.offset), d.line, d.column);
    out.diagnostics.push_back(std::move(d));
    return out;
  }
  // No DTD is processed: no entity it declares is ever expanded, since that is how billion
  // laughs (entities that expand to entities) and XXE (entities that read files or URLs)
  // attack. A DTD that merely declares entities is skipped with a warning. A document that
  // uses one of them, other than a name HTML knows ("&nbsp;"), cannot be read without it
  // and is refused.
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_doctype) continue;
    const DeclaredEntities declared = declared_entities(n.value());
    if (declared.count == 0) continue;
    Diagnostic d{Severity::warning, "",
                 "the document declares entities in a DTD; Carta processes no DTD (no entity expansion, no external "
                 "entities), so it is skipped",
                 0, 0};
    locate(text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, n.offset_debug())), d.line, d.column);
    const std::size_t body = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, doc.document_element().offset_debug()));
    if (const std::string used = first_reference(std::string_view(text).substr(body), declared); !used.empty()) {
      d.severity = Severity::error;
      d.message = "the document declares entities in a DTD; Carta processes no DTD (no entity expansion, no "
                  "external entities), so it is refused: its text uses &" + printable(used, 40) + "; which only the DTD defines";
    }
    out.diagnostics.push_back(std::move(d));
    if (!out.ok()) return out;
  }
  pugi::xml_node root = doc.document_element();
  Converter converter(text, limits, out);
  converter.run(root);
  // The JSON is held to the same limit as the XML: it is what the JSON reader (on the web, in
  // carta.wasm) reads. It is rarely larger (escaped newlines in long bodies).
  if (out.ok() && out.json.size() > limits.max_bytes)
    out.diagnostics.push_back({Severity::error, out.root_path,
                               too_large_message("the feed, as JSON,", std::to_string(out.json.size()), limits.max_bytes),
                               0, 0});
  if (!out.ok()) out.json.clear();
  return out;
}

FeedResult read_any_feed(std::string_view bytes, std::string_view location, const FeedLimits& limits) {
  if (sniff_feed(bytes) == FeedFormat::json) return parse_feed(bytes, location, limits);
  return read_converted(convert_xml_feed(bytes, limits), location, limits);
}

FeedResult read_converted(const XmlConversion& xml, std::string_view location, const FeedLimits& limits) {
  FeedResult result;
  if (!xml.ok()) {
    result.diagnostics = xml.diagnostics;
    return result;
  }
  result = parse_feed(xml.json, location, limits);
  for (Diagnostic& d : result.diagnostics) d.pointer = xml.element_path(d.pointer);
  result.diagnostics.insert(result.diagnostics.begin(), xml.diagnostics.begin(), xml.diagnostics.end());
  return result;
}

}  // namespace carta
