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
