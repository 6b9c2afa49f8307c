#include "core/html_text.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace carta {
namespace {

struct NamedEntity {
  const char* name;
  char32_t code_point;
};

// The entities publishing tools actually emit in titles and summaries.
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},      {"copy", 0xA9},     {"reg", 0xAE},
    {"trade", 0x2122},  {"hellip", 0x2026},  {"mdash", 0x2014},  {"ndash", 0x2013},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},   {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"sbquo", 0x201A},  {"bdquo", 0x201E},   {"laquo", 0xAB},    {"raquo", 0xBB},
    {"middot", 0xB7},   {"bull", 0x2022},    {"deg", 0xB0},      {"euro", 0x20AC},
    {"pound", 0xA3},    {"yen", 0xA5},       {"cent", 0xA2},     {"sect", 0xA7},
    {"para", 0xB6},     {"times", 0xD7},     {"divide", 0xF7},   {"eacute", 0xE9},
    {"egrave", 0xE8},   {"aacute", 0xE1},    {"agrave", 0xE0},   {"ccedil", 0xE7},
    {"uuml", 0xFC},     {"ouml", 0xF6},      {"auml", 0xE4},     {"szlig", 0xDF},
    {"iacute", 0xED},   {"oacute", 0xF3},    {"uacute", 0xFA},   {"ntilde", 0xF1},
    {"thinsp", 0x2009}, {"ensp", 0x2002},    {"emsp", 0x2003},   {"zwnj", 0x200C},
    {"zwj", 0x200D},    {"lrm", 0x200E},     {"rlm", 0x200F},    {"prime", 0x2032},
};

bool iequals_prefix(std::string_view text, std::size_t at, const char* word) {
  std::size_t n = std::strlen(word);
  if (at + n > text.size()) return false;
  for (std::size_t i = 0; i < n; ++i)
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  return true;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Tags after which a reader expects a break between words.
bool is_block_tag(std::string_view name) {
  static const char* blocks[] = {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4",
                                 "h5", "h6", "blockquote", "tr", "td", "th", "section",
                                 "article", "figure", "figcaption", "hr", "pre", "table"};
  for (const char* b : blocks)
    if (name == b) return true;
  return false;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// The character reference that starts at text[i] (an '&'): its code point and its length
// with the ';', or false when there is none (a stray '&', an unknown name).
bool entity_at(std::string_view text, std::size_t i, char32_t& cp, std::size_t& length) {
  // Entities are short: look for the ';' in the next few bytes only, so a string full of
  // '&' costs linear time, not quadratic.
  std::size_t semi = text.substr(i + 1, 12).find(';');
  if (semi == std::string_view::npos) return false;
  std::string_view body = text.substr(i + 1, semi);
  length = semi + 2;
  cp = 0;
  if (!body.empty() && body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return false;
    for (char c : digits) {
      int v;
      if (c >= '0' && c <= '9') v = c - '0';
      else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
      else return false;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      if (cp > 0x10FFFF) cp = 0x110000;  // stays invalid, never overflows
    }
    if (cp == 0) cp = 0xFFFD;
    return true;
  }
  for (const NamedEntity& e : kEntities) {
    if (body == e.name) {
      cp = e.code_point;
      return true;
    }
  }
  return false;
}

}  // namespace

std::size_t utf8_length(std::string_view bytes) {
  if (bytes.empty()) return 0;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const unsigned char c = byte(0);
  if (c < 0x80) return 1;
  // The lead byte gives the length and the range of the second byte.
  std::size_t n;
  unsigned char low = 0x80, high = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) n = 3, low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4) n = 4, low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
  else return 0;  // 80..C1 (a continuation, or an overlong two-byte form) and F5..FF
  if (bytes.size() < n || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < n; ++i)
    if ((byte(i) & 0xC0) != 0x80) return 0;
  return n;
}

std::string decode_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);  // the common case
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '&') {  // copy the whole run up to the next entity at once
      std::size_t next = text.find('&', i);
      if (next == std::string_view::npos) next = text.size();
      out.append(text.data() + i, next - i);
      i = next;
      continue;
    }
    char32_t cp;
    std::size_t length;
    if (!entity_at(text, i, cp, length)) {
      out += text[i++];
      continue;
    }
    append_utf8(out, cp);
    i += length;
  }
  return out;
}

std::string escape_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char32_t cp;
    std::size_t length;
    if (text[i] == '&' && entity_at(text, i, cp, length)) out += "&amp;";
    else out += text[i];
  }
  return out;
}

namespace {

// Bytes that may start whitespace: ASCII spaces, and 0xC2, the first byte of U+00A0.
// `breaks` marks those that always need collapsing work (any 0xA0 byte, to be safe).
struct SpaceTable {
  bool may_be_space[256] = {};
  bool breaks[256] = {};
  constexpr SpaceTable() {
    const unsigned char spaces[] = {' ', '\t', '\n', '\r', '\f', 0xC2};
    for (unsigned char c : spaces) may_be_space[c] = true;
    const unsigned char others[] = {'\t', '\n', '\r', '\f', 0xA0};
    for (unsigned char c : others) breaks[c] = true;
  }
};
constexpr SpaceTable kSpaces;

// True when collapsing would change nothing: no leading/trailing space, no runs, no tabs,
// newlines or no-break spaces. Most titles and summaries are like this. Without branches
// in the loop, which a space every few bytes would make unpredictable.
bool already_collapsed(const char* p, std::size_t n) {
  if (n == 0) return true;
  if (p[0] == ' ' || p[n - 1] == ' ') return false;
  bool work = false;
  bool previous_space = false;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    const bool space = c == ' ';
    work |= kSpaces.breaks[c] | (space & previous_space);
    previous_space = space;
  }
  return !work;
}

// Collapses `text` where it lies: the result is never longer (a run becomes one space).
void collapse_in_place(std::string& text) {
  // Through a plain pointer: stores into the string's own buffer would otherwise make the
  // compiler reload its size and data after every byte.
  char* const p = text.data();
  const std::size_t n = text.size();
  if (already_collapsed(p, n)) return;
  std::size_t out = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (kSpaces.may_be_space[c]) {
      // U+00A0 no-break space counts as a space here: it only ever pads text in feeds.
      const bool nbsp = c == 0xC2 && i + 1 < n && static_cast<unsigned char>(p[i + 1]) == 0xA0;
      if (c != 0xC2 || nbsp) {
        pending_space = out > 0;
        if (nbsp) ++i;
        continue;
      }
    }
    if (pending_space) p[out++] = ' ';
    pending_space = false;
    p[out++] = static_cast<char>(c);
  }
  text.resize(out);
}

}  // namespace

std::string collapse_whitespace(std::string_view text) {
  std::string out(text);
  collapse_in_place(out);
  return out;
}

std::string plain_text(std::string_view text) {
  std::string out = text.find('&') == std::string_view::npos ? std::string(text) : decode_entities(text);
  collapse_in_place(out);
  return out;
}

std::string html_to_text(std::string_view html) {
  if (html.find('<') == std::string_view::npos) return plain_text(html);  // most titles: no tags
  std::string raw;
  raw.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c != '<') {
      std::size_t next = html.find('<', i);  // copy the whole run of text at once
      if (next == std::string_view::npos) next = html.size();
      raw.append(html.data() + i, next - i);
      i = next;
      continue;
    }
    if (html.compare(i, 4, "<!--") == 0) {
      std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const char after = i + 1 < html.size() ? html[i + 1] : '\0';
    if (after == '!' || after == '?') {  // <!DOCTYPE>, <![CDATA[…]]>, <?…>: skipped to the next '>'
      std::size_t end = html.find('>', i + 2);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    // As in HTML's tokenizer, a tag starts with a letter ("<b", "</b"): any other '<' is
    // text ("5<7", "<3", "a < b", "<=").
    std::size_t name_start = i + 1;
    bool closing = after == '/';
    if (closing) ++name_start;
    if (name_start >= html.size() || !is_ascii_letter(html[name_start])) {
      raw += c;
      ++i;
      continue;
    }
    std::size_t name_end = name_start;
    while (name_end < html.size() && (std::isalnum(static_cast<unsigned char>(html[name_end])) || html[name_end] == '-'))
      ++name_end;
    std::string name(html.substr(name_start, name_end - name_start));
    for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    // Skip the tag itself, honouring quoted attribute values that may hold '>'.
    std::size_t j = name_end;
    char quote = 0;
    for (; j < html.size(); ++j) {
      char ch = html[j];
      if (quote) {
        if (ch == quote) quote = 0;
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '>') {
        break;
      }
    }
    i = j < html.size() ? j + 1 : html.size();
    if (!closing && (name == "script" || name == "style" || name == "template")) {
      // Drop everything up to the matching end tag.
      std::size_t k = i;
      while (k < html.size()) {
        k = html.find("</", k);
        if (k == std::string_view::npos) break;
        if (iequals_prefix(html, k + 2, name.c_str())) break;
        k += 2;
      }
      if (k == std::string_view::npos) {
        i = html.size();
      } else {
        std::size_t close = html.find('>', k);
        i = close == std::string_view::npos ? html.size() : close + 1;
      }
      continue;
    }
    if (is_block_tag(name)) raw += ' ';
  }
  if (raw.find('&') != std::string::npos) raw = decode_entities(raw);
  collapse_in_place(raw);
  return raw;
}

std::string looks_like_html(std::string_view text) {
  // The elements publishers' tools put into titles and summaries: formatting, links, breaks,
  // paragraphs. "<canvas>" or "<T>" in a title about them is more likely text than markup.
  static const char* kTags[] = {"a",      "abbr", "b",    "big", "blockquote", "br",  "cite", "code", "del",
                                "div",    "em",   "font", "h1",  "h2",         "h3",  "h4",   "h5",   "h6",
                                "hr",     "i",    "img",  "ins", "li",         "mark", "ol",  "p",    "pre",
                                "q",      "s",    "small", "span", "strike",   "strong", "sub", "sup", "u",
                                "ul",     "script", "style", "iframe", "table", "td", "tr"};
  std::size_t close = 0;  // the first '>' after the name being looked at: found again only once passed
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    std::size_t name = at + 1 < text.size() && text[at + 1] == '/' ? at + 2 : at + 1;
    std::size_t end = name;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
    // A tag is closed, and what lies between its name and its '>' is nothing, a '/', or
    // attributes with values: "<b>", "<br />", "<a href=…>", but not "a<b and c>d".
    if (close < end) close = text.find('>', end);
    if (close == std::string_view::npos) break;  // no '>' ahead: no tag either
    if (end == name) continue;
    std::string_view inside = text.substr(end, close - end);
    const bool tag_like = inside.empty() || inside == "/" ||
                          ((inside[0] == ' ' || inside[0] == '\t' || inside[0] == '\n' || inside[0] == '\r') &&
                           (inside.find('=') != std::string_view::npos || inside.find_first_not_of(" \t\r\n/") == std::string_view::npos));
    if (!tag_like) continue;
    for (const char* tag : kTags)
      if (end - name == std::strlen(tag) && iequals_prefix(text, name, tag))
        return std::string(text.substr(at, std::min<std::size_t>(close + 1 - at, 60)));
  }
  return {};
}

}  // namespace carta
