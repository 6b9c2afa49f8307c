// Plain text from the HTML a feed carries in content_html (and sometimes in titles):
// tags dropped, script/style content removed, entities decoded, whitespace collapsed.
#pragma once
#include <string>
#include <string_view>

namespace carta {

std::string html_to_text(std::string_view html);
// Decodes &amp; &#8217; &#x2019; and the common named entities; unknown ones stay as typed.
std::string decode_entities(std::string_view text);
// Runs of whitespace become one space; leading and trailing whitespace go.
std::string collapse_whitespace(std::string_view text);
// Entities decoded, then whitespace collapsed: text that holds no tags.
std::string plain_text(std::string_view text);
// Appends code point `cp` to `out` as UTF-8 (U+FFFD for invalid values).
void append_utf8(std::string& out, char32_t cp);

}  // namespace carta
