// HTML in feeds becomes plain text: tags gone, script/style gone, entities decoded.
#include <doctest/doctest.h>

#include "core/html_text.h"

using namespace carta;

TEST_CASE("entities") {
  CHECK(decode_entities("Blog &#8211; InfluxData") == "Blog \xE2\x80\x93 InfluxData");
  CHECK(decode_entities("Tom &amp; Jerry &lt;3") == "Tom & Jerry <3");
  CHECK(decode_entities("&#x2019;&rsquo;&#X2019;") == "\xE2\x80\x99\xE2\x80\x99\xE2\x80\x99");
  CHECK(decode_entities("&nosuch; & &;") == "&nosuch; & &;");
  CHECK(decode_entities("&#0;&#xD800;&#1114112;") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(decode_entities("&#99999999999;") == "&#99999999999;");  // too long to be an entity
}

TEST_CASE("html to text") {
  CHECK(html_to_text("<p>Hello <b>world</b></p><p>Second</p>") == "Hello world Second");
  CHECK(html_to_text("a<br>b<br/>c") == "a b c");
  CHECK(html_to_text("<script>alert('x<p>')</script>Safe") == "Safe");
  CHECK(html_to_text("<STYLE>p{}</STYLE>Text<!-- hidden <b> -->!") == "Text!");
  CHECK(html_to_text("<a href=\"x>y\" title='>'>link</a>") == "link");
  CHECK(html_to_text("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2");
  CHECK(html_to_text("<script>never closed") == "");
  CHECK(html_to_text("  lots \n\t of   space&nbsp; ") == "lots of space");
}

TEST_CASE("utf-8 encoder") {
  std::string s;
  append_utf8(s, 0x41);
  append_utf8(s, 0xE9);
  append_utf8(s, 0x20AC);
  append_utf8(s, 0x1F600);
  CHECK(s == "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
}

TEST_CASE("a '<' that starts no tag is text, as in HTML's tokenizer") {
  CHECK(html_to_text("Why <b>5<7</b> cards") == "Why 5<7 cards");
  CHECK(html_to_text("Tom &amp; Jerry <3 cheese; x<=y, a < b, 1<2.5 and </ 3") ==
        "Tom & Jerry <3 cheese; x<=y, a < b, 1<2.5 and </ 3");
  CHECK(html_to_text("a<b and c>d") == "ad");  // "<b and c>" is a tag with two attributes
  CHECK(html_to_text("<!DOCTYPE html><?xml x?>one</p>two<![CDATA[x]]>") == "one two");
  CHECK(html_to_text("\xD9\x85<\xD9\x86") == "\xD9\x85<\xD9\x86");  // not an ASCII letter after '<'
}

TEST_CASE("markup in plain text is found by its common tags only") {
  CHECK(looks_like_html("A <b>bold</b> move") == "<b>");
  CHECK(looks_like_html("one</p>") == "</p>");
  CHECK(looks_like_html("line<br/>break") == "<br/>");
  CHECK(looks_like_html("<a href=\"https://x.example/\">x</a>") == "<a href=\"https://x.example/\">");
  CHECK(looks_like_html("Why <canvas> beats SVG for 5<7 cards").empty());
  CHECK(looks_like_html("Tom & Jerry <3 cheese; a<b and c>d").empty());
  CHECK(looks_like_html("List<T> and <b").empty());
}

TEST_CASE("escaped text reads back as itself") {
  for (const char* s : {"Q&A", "AT&T &amp; co", "&#8217; &lt;b&gt; &nosuch; &", "no ampersand"})
    CHECK(decode_entities(escape_entities(s)) == s);
  CHECK(escape_entities("AT&T &amp; &#39;") == "AT&T &amp;amp; &amp;#39;");
}

TEST_CASE("UTF-8: every lead byte, with well-formed and ill-formed continuations") {
  for (int lead = 0; lead < 256; ++lead) {
    CAPTURE(lead);
    const char c = static_cast<char>(lead);
    // The smallest well-formed continuation for this lead byte (E0 needs A0.., F0 90..).
    const char second = static_cast<char>(lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80);
    const std::string sequence = std::string(1, c) + second + "\x80\x80";
    const std::size_t expected = lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
    CHECK(utf8_length(sequence) == expected);
    if (expected > 1) {
      CHECK(utf8_length(sequence.substr(0, expected - 1)) == 0);  // cut short
      std::string broken = sequence;
      broken[expected - 1] = 'A';  // a continuation that is not one
      CHECK(utf8_length(broken) == 0);
    }
  }
  CHECK(utf8_length("\xC0\xAF") == 0);              // overlong '/'
  CHECK(utf8_length("\xE0\x80\xAF") == 0);          // overlong, three bytes
  CHECK(utf8_length("\xF0\x80\x80\xAF") == 0);      // overlong, four bytes
  CHECK(utf8_length("\xED\xA0\x80") == 0);          // U+D800, a surrogate
  CHECK(utf8_length("\xED\x9F\xBF") == 3);          // U+D7FF
  CHECK(utf8_length("\xF4\x8F\xBF\xBF") == 4);      // U+10FFFF
  CHECK(utf8_length("\xF4\x90\x80\x80") == 0);      // past U+10FFFF
  CHECK(utf8_length("") == 0);
}
