// Text from the HTML fields of feeds (content_html, RSS description, Atom html and xhtml):
// tags dropped, script/style content removed, entities decoded, whitespace collapsed. Plain
// fields (titles, summaries) never come here: they only get plain_text.
#pragma once
#include <string>
#include <string_view>

namespace carta {

// Only a '<' that starts a tag as HTML's tokenizer reads one ('<' then a letter, '/' and a
// letter, '!' or '?') is markup; any other '<' ("5<7", "<3", "a < b") is text and kept.
std::string html_to_text(std::string_view html);
// The first tag of a common HTML element in `text` ("<b>", "</p>"), or "" when there is none:
// for warnings about plain-text fields that hold markup, and for RSS titles, which may.
std::string looks_like_html(std::string_view text);
// Decodes &amp; &#8217; &#x2019; and the common named entities; unknown ones stay as typed.
std::string decode_entities(std::string_view text);
// The inverse of decode_entities for text that is already plain: each '&' that would start
// a reference is written "&amp;", so decode_entities(escape_entities(s)) == s.
std::string escape_entities(std::string_view text);
// Runs of whitespace become one space; leading and trailing whitespace go.
std::string collapse_whitespace(std::string_view text);
// Entities decoded, then whitespace collapsed: text that holds no tags.
std::string plain_text(std::string_view text);
// Length of the well-formed UTF-8 sequence `bytes` starts with (1 to 4), or 0 when it is
// ill-formed: a continuation byte, C0, C1 or F5..FF, an overlong form, a surrogate, a code
// point past U+10FFFF, or a sequence cut short (Unicode's table 3-7).
std::size_t utf8_length(std::string_view bytes);
// Appends code point `cp` to `out` as UTF-8 (U+FFFD for invalid values).
void append_utf8(std::string& out, char32_t cp);

}  // namespace carta
