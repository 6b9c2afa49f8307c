// The XML feed reader (src/xml): RSS and Atom into the same model as JSON Feed, with
// line:column for XML errors, element paths for field problems, and no DTD processing.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "xml/encodings.h"
#include "xml/xml_feed.h"
#include "test_files.h"

using namespace carta;

namespace {

std::string rss(const std::string& items) {
  return "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel><title>T</title><link>https://news.example/</link>\n" +
         items + "</channel></rss>\n";
}

// The web build has no decoders of legacy encodings (the page decodes with TextDecoder
// first), and the unit tests run as wasm too: there, the cases that need them have nothing
// to test. Natively they always run (and the golden feeds in those encodings check it too).
bool have_legacy_decoders() {
  std::string out;
  return decode_legacy("windows-1256", "a", out);
}

}  // namespace

TEST_CASE("content, not name, tells XML from JSON") {
  CHECK(sniff_feed("  \n<rss/>") == FeedFormat::xml);
  CHECK(sniff_feed("\xEF\xBB\xBF<feed/>") == FeedFormat::xml);
  CHECK(sniff_feed("{\"items\":[]}") == FeedFormat::json);
  CHECK(sniff_feed("") == FeedFormat::json);
}

TEST_CASE("an RSS item with Media RSS gives picture, caption, credit, byline and date") {
  FeedResult r = read_any_feed(rss(R"(<item><title>Ministers meet</title><link>https://news.example/a</link>
<pubDate>Thu, 31 Jul 2025 14:00:00 +0300</pubDate><dc:creator>Jane Doe</dc:creator><category>Syria</category>
<description>Short &amp; sweet</description>
<media:content url="https://img.example/small.jpg" medium="image" width="300"/>
<media:content url="https://img.example/big.jpg" medium="image" width="1200">
<media:description>Foreign ministers in Moscow</media:description><media:credit>&#169; SANA</media:credit></media:content>
</item>)"), "https://news.example/feed.xml");
  REQUIRE(r.ok());
  REQUIRE(r.feed.items.size() == 1);
  const Item& item = r.feed.items[0];
  CHECK(item.title == "Ministers meet");
  CHECK(item.image == "https://img.example/big.jpg");
  CHECK(item.image_caption == "Foreign ministers in Moscow");
  CHECK(item.image_credit == "\xC2\xA9 SANA");
  CHECK(item.category == "Syria");
  REQUIRE(item.authors.size() == 1);
  CHECK(item.authors[0].name == "Jane Doe");
  REQUIRE(item.published);
  CHECK(item.published->offset_minutes == 180);
  CHECK(item.summary == "Short & sweet");
}

TEST_CASE("a bad pubDate is reported at its element") {
  FeedResult r = read_any_feed(rss("<item><title>a</title><link>https://n.example/1</link></item>"
                                   "<item><title>b</title><link>https://n.example/2</link></item>"
                                   "<item><title>c</title><link>https://n.example/3</link><pubDate>yesterday</pubDate></item>"));
  CHECK(r.ok());
  bool found = false;
  for (const Diagnostic& d : r.diagnostics) found |= d.pointer == "/rss/channel/item[3]/pubDate";
  CHECK(found);
}

TEST_CASE("malformed XML gets line and column") {
  FeedResult r = read_any_feed("<rss><channel>\n<title>x</titel></channel></rss>");
  REQUIRE_FALSE(r.ok());
  CHECK(r.diagnostics[0].line == 2);
  CHECK(r.diagnostics[0].column > 1);
}

TEST_CASE("billion laughs and XXE are refused at once") {
  std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int i = 1; i < 10; ++i) {
    bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) bomb += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    bomb += "\">";
  }
  bomb += "]><rss><channel><title>&lol9;</title></channel></rss>";
  auto start = std::chrono::steady_clock::now();
  FeedResult r = read_any_feed(bomb);
  const bool fast = std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500);
  CHECK(fast);
  REQUIRE_FALSE(r.ok());
  CHECK(r.diagnostics.back().message.find("DTD") != std::string::npos);
  FeedResult xxe = read_any_feed("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                 "<rss><channel><title>&x;</title></channel></rss>");
  CHECK_FALSE(xxe.ok());
}

TEST_CASE("windows-1252, HTML entities and a stray & are read with warnings") {
  std::string feed = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>" +
                     rss("<item><title>Caf\xE9 \x93quoted\x94 Q&A &eacute;t&eacute;&nbsp;!</title><link>https://n.example/1</link></item>")
                         .substr(22);
  FeedResult r = read_any_feed(feed);
  REQUIRE(r.ok());
  REQUIRE(r.feed.items.size() == 1);
  CHECK(r.feed.items[0].title == "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D Q&A \xC3\xA9t\xC3\xA9 !");
  int warnings = 0;
  for (const Diagnostic& d : r.diagnostics) warnings += d.severity == Severity::warning;
  CHECK(warnings >= 2);
}

TEST_CASE("the real-world RSS and Atom conformance feeds are read") {
  const std::string dir = std::string(CARTA_SOURCE_DIR) + "/../shared/conformance/rss/";
  struct Case { const char* file; std::size_t items; bool valid; } cases[] = {
      {"atom_mediarss_newscred_1.xml", 1, true}, {"atom_relative.xml", 1, true}, {"atom_xml_base.xml", 1, true},
      {"rss_0.91_encoding_1.xml", 1, true},      {"rss_0.92_spec_1.xml", 3, true}, {"rss_1.0_iso8859.xml", 1, true},
      {"rss_2.0_bbc.xml", 1, true},              {"rss_2.0_encoding_1.xml", 1, true}, {"rss_2.0_ilgiornale.xml", 1, true},
      {"rss_2.0_ilmessaggero.xml", 1, true},     {"rss_2.0_nbcny.xml", 1, true}, {"rss_2.0_relurl_1.xml", 2, true},
      {"rss_2.0_spiegel.xml", 1, true},          {"rss_2.0_wirecutter.xml", 1, true},
      {"rss_2.0_invalid_1.xml", 0, false},  // junk text after the channel's elements: an error with line:column
  };
  for (const Case& c : cases) {
    const std::string path = dir + c.file;  // doctest prints a char* as its address
    CAPTURE(path);
    std::string bytes = read_bytes(path);
    const char* optional = std::getenv("CARTA_CONFORMANCE");
    if (bytes.empty() && optional && std::string(optional) == "none") continue;
    REQUIRE_MESSAGE(!bytes.empty(), "cannot read " << path << " (set CARTA_CONFORMANCE=none for a run without ../shared)");
    FeedResult r = read_any_feed(bytes, "https://feeds.example/feed.xml");
    CHECK(r.ok() == c.valid);
    CHECK(r.feed.items.size() == c.items);
    for (const Item& item : r.feed.items) CHECK_FALSE((item.title.empty() && item.summary.empty()));
  }
}

TEST_CASE("ISO-8859-1 feeds read correctly") {
  std::string bytes = read_bytes(std::string(CARTA_SOURCE_DIR) + "/../shared/conformance/rss/rss_2.0_encoding_1.xml");
  if (bytes.empty()) return;  // the conformance case above fails loudly
  FeedResult r = read_any_feed(bytes);
  REQUIRE(r.feed.items.size() == 1);
  // Valid UTF-8 out: no byte of the Latin-1 input survives alone.
  for (std::size_t i = 0; i < r.feed.items[0].title.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(r.feed.items[0].title[i]);
    if (c >= 0x80 && c < 0xC0) CHECK(i > 0u);
  }
}

TEST_CASE("the JSON an XML feed becomes is held to the same byte limit") {
  // Every newline of a body becomes two bytes ("\n") in JSON.
  const std::string body(400, '\n');
  const std::string feed = rss("<item><title>a</title><link>https://n.example/1</link><description>x" + body +
                               "y</description></item>");
  FeedLimits limits;
  limits.max_bytes = feed.size() + 16;
  FeedResult r = read_any_feed(feed, {}, limits);
  REQUIRE_FALSE(r.ok());
  CHECK(r.diagnostics[0].pointer == "/rss/channel");
  CHECK(r.diagnostics[0].message.find("as JSON, is") != std::string::npos);
  limits.max_bytes = feed.size() * 2 + 400;
  CHECK(read_any_feed(feed, {}, limits).ok());
}

TEST_CASE("Atom xhtml keeps the spaces between inline elements, and an xhtml title is text") {
  FeedResult r = read_any_feed(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>a</id>"
      "<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><b>Beirut</b> <i>today</i></div></title>"
      "<link href=\"https://a.example/1\"/><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
      "<em>one</em> <strong>two</strong></div></content></entry></feed>");
  REQUIRE(r.ok());
  REQUIRE(r.feed.items.size() == 1);
  CHECK(r.feed.items[0].title == "Beirut today");
  CHECK(r.feed.items[0].text == "one two");
  XmlConversion c = convert_xml_feed("<rss><channel><title>t</title><item><title>A <b>bold</b> &amp; plain</title>"
                                     "<link>https://a.example/2</link></item></channel></rss>");
  CHECK(c.json.find("\"title\": \"A bold & plain\"") != std::string::npos);
}

TEST_CASE("Atom text and plain RSS titles are text: read once by the XML parser, never as HTML") {
  FeedResult atom = read_any_feed(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Q&amp;amp;A</title><entry><id>a</id>"
      "<title type=\"text\">Why &lt;canvas&gt; beats SVG for 5&lt;7 cards &amp;amp; more</title>"
      "<summary>Tom &amp; Jerry &lt;3 cheese; a&lt;b and c&gt;d</summary>"
      "<link href=\"https://a.example/1\"/></entry>"
      "<entry><id>b</id><title type=\"html\">A &lt;b&gt;bold&lt;/b&gt; 5&lt;7</title>"
      "<summary type=\"html\">&lt;p&gt;One&lt;/p&gt;&lt;p&gt;two &amp;amp; 1&lt;2&lt;/p&gt;</summary>"
      "<link href=\"https://a.example/2\"/></entry></feed>");
  REQUIRE(atom.ok());
  REQUIRE(atom.feed.items.size() == 2);
  CHECK(atom.feed.title == "Q&amp;A");
  CHECK(atom.feed.items[0].title == "Why <canvas> beats SVG for 5<7 cards &amp; more");
  CHECK(atom.feed.items[0].summary == "Tom & Jerry <3 cheese; a<b and c>d");
  CHECK(atom.feed.items[1].title == "A bold 5<7");
  CHECK(atom.feed.items[1].summary == "One two & 1<2");
  FeedResult rss_feed = read_any_feed(rss(
      "<item><title>Why &lt;canvas&gt; beats SVG for 5&lt;7 cards: Q&amp;amp;A</title><link>https://n.example/1</link>"
      "<description>&lt;p&gt;Tom &amp;amp; Jerry &lt;3 cheese&lt;/p&gt;</description></item>"));
  REQUIRE(rss_feed.feed.items.size() == 1);
  CHECK(rss_feed.feed.items[0].title == "Why <canvas> beats SVG for 5<7 cards: Q&A");
  CHECK(rss_feed.feed.items[0].summary == "Tom & Jerry <3 cheese");
  for (const Diagnostic& d : rss_feed.diagnostics) CHECK(d.message.find("markup") == std::string::npos);
}

TEST_CASE("Atom 0.3 says what its text holds by MIME type and mode: escaped HTML, base64, XHTML whose text is text") {
  const std::string atom03 =
      "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">"
      "<title type=\"text/html\" mode=\"escaped\">Fish &lt;b&gt;&amp;amp;&lt;/b&gt; chips</title>"
      "<tagline type=\"text/plain\">All about fish</tagline>"
      "<entry><id>urn:x:1</id><link rel=\"alternate\" type=\"text/html\" href=\"https://news.example/1\"/>"
      "<title type=\"text/plain\" mode=\"base64\">RmlzaCAmIGNoaXBz</title>"  // "Fish & chips"
      "<issued>2004-01-01T12:00:00Z</issued><modified>2004-01-02T12:00:00Z</modified>"
      "<author><name>Jane Doe</name><url>https://jane.example/</url></author>"
      "<content type=\"application/xhtml+xml\" mode=\"xml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
      "History of the &lt;blink&gt; tag</div></content></entry></feed>";
  FeedResult r = read_any_feed(atom03);
  REQUIRE(r.ok());
  CHECK(r.feed.title == "Fish & chips");
  REQUIRE(r.feed.items.size() == 1);
  const Item& it = r.feed.items[0];
  CHECK(it.title == "Fish & chips");
  CHECK(it.text == "History of the <blink> tag");
  REQUIRE(it.published);
  CHECK(it.published->unix_seconds == 1072958400);
  REQUIRE(it.modified);
  CHECK(it.modified->unix_seconds == 1072958400 + 86400);
  REQUIRE(it.authors.size() == 1);
  CHECK(it.authors[0].name == "Jane Doe");
  CHECK(it.authors[0].url == "https://jane.example/");
  CHECK(convert_xml_feed(atom03).json.find("\"description\": \"All about fish\"") != std::string::npos);
  // Atom 1.0's xhtml the same: escaped markup inside XHTML is words.
  FeedResult ten = read_any_feed(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>a</id>"
      "<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">History of the &lt;blink&gt; <b>tag</b></div></title>"
      "<link href=\"https://a.example/1\"/></entry></feed>");
  REQUIRE(ten.feed.items.size() == 1);
  CHECK(ten.feed.items[0].title == "History of the <blink> tag");
}

TEST_CASE("bylines from RSS author, dc:creator and dc:author are names, never addresses") {
  FeedResult r = read_any_feed(rss(
      "<item><title>a</title><link>https://n.example/1</link><author>me@example.com (Example editor)</author></item>"
      "<item><title>b</title><link>https://n.example/2</link><dc:creator>Rana Haddad &lt;rana@example.com&gt;</dc:creator></item>"
      "<item><title>c</title><link>https://n.example/3</link><dc:creator>Omar Ali (omar@example.com)</dc:creator></item>"
      "<item><title>d</title><link>https://n.example/4</link><dc:author>Lina Saad</dc:author></item>"
      "<item><title>e</title><link>https://n.example/5</link><author>desk@example.com</author></item>"));
  REQUIRE(r.feed.items.size() == 5);
  const char* names[] = {"Example editor", "Rana Haddad", "Omar Ali", "Lina Saad"};
  for (int i = 0; i < 4; ++i) {
    CAPTURE(i);
    REQUIRE(r.feed.items[i].authors.size() == 1);
    CHECK(r.feed.items[i].authors[0].name == names[i]);
  }
  CHECK(r.feed.items[4].authors.empty());  // only an address: no byline
  FeedResult atom = read_any_feed(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>a</id><title>x</title>"
      "<author><email>desk@example.com</email></author><link href=\"https://a.example/1\"/></entry></feed>");
  REQUIRE(atom.feed.items.size() == 1);
  CHECK(atom.feed.items[0].authors.empty());
}

TEST_CASE("dates from Dublin Core terms: dcterms:issued, created and modified") {
  const std::string terms = "xmlns:dcterms=\"http://purl.org/dc/terms/\"";
  FeedResult r = read_any_feed(
      "<rss version=\"2.0\" " + terms + "><channel><title>T</title>"
      "<item><title>a</title><link>https://n.example/1</link><dcterms:issued>2025-07-31T14:00:00+03:00</dcterms:issued>"
      "<dcterms:modified>2025-08-01T09:30:00Z</dcterms:modified></item>"
      "<item><title>b</title><link>https://n.example/2</link><dcterms:created>2025-06-02</dcterms:created></item>"
      "</channel></rss>");
  REQUIRE(r.ok());
  REQUIRE(r.feed.items.size() == 2);
  REQUIRE(r.feed.items[0].published);
  CHECK(r.feed.items[0].published->unix_seconds == 1753959600);
  CHECK(r.feed.items[0].published->offset_minutes == 180);
  REQUIRE(r.feed.items[0].modified);
  CHECK(r.feed.items[0].modified->unix_seconds == 1754040600);
  REQUIRE(r.feed.items[1].published);
  CHECK(r.feed.items[1].published->unix_seconds == 1748822400);
  // In an Atom feed too, and reported at the element when unreadable.
  FeedResult atom = read_any_feed(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" " + terms + "><title>t</title><entry><id>a</id><title>x</title>"
      "<link href=\"https://a.example/1\"/><dcterms:issued>soon</dcterms:issued></entry></feed>");
  bool found = false;
  for (const Diagnostic& d : atom.diagnostics) found |= d.pointer == "/feed/entry/dcterms:issued";
  CHECK(found);
}

TEST_CASE("a DTD that only declares entities is skipped, never expanded; one whose entities are used is refused") {
  FeedResult r = read_any_feed("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;\">"
                               "<!ENTITY x SYSTEM \"file:///etc/passwd\"><!ENTITY copy \"(c)\">]>" +
                               rss("<item><title>&copy; Ahmad</title><link>https://n.example/1</link></item>").substr(22));
  REQUIRE(r.ok());
  REQUIRE(r.feed.items.size() == 1);
  CHECK(r.feed.items[0].title == "\xC2\xA9 Ahmad");  // HTML's &copy;, not the DTD's "(c)"
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics[0].severity == Severity::warning);
  CHECK(r.diagnostics[0].message.find("skipped") != std::string::npos);
  FeedResult used = read_any_feed("<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
                                  rss("<item><title>a &x; b</title><link>https://n.example/1</link></item>").substr(22));
  REQUIRE_FALSE(used.ok());
  CHECK(used.diagnostics.back().message.find("&x;") != std::string::npos);
}

TEST_CASE("RSS 1.0 with a prefix, and Dublin Core, Media RSS and XHTML fallbacks") {
  FeedResult r = read_any_feed(
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:rss=\"http://purl.org/rss/1.0/\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"
      "<rss:channel rdf:about=\"https://n.example/\"><dc:title>Channel</dc:title><rss:link>https://n.example/</rss:link></rss:channel>"
      "<rss:item rdf:about=\"https://n.example/1\"><dc:title>From dc:title</dc:title><rss:link>https://n.example/1</rss:link>"
      "<dc:description>From dc:description</dc:description><media:category>Economy</media:category></rss:item>"
      "<rss:item rdf:about=\"https://n.example/2\"><media:title>From media:title</media:title><rss:link>https://n.example/2</rss:link>"
      "<xhtml:body><xhtml:p>From <xhtml:b>xhtml</xhtml:b>:body</xhtml:p></xhtml:body></rss:item>"
      "</rdf:RDF>");
  REQUIRE(r.ok());
  CHECK(r.feed.title == "Channel");
  REQUIRE(r.feed.items.size() == 2);
  CHECK(r.feed.items[0].title == "From dc:title");
  CHECK(r.feed.items[0].summary == "From dc:description");
  CHECK(r.feed.items[0].category == "Economy");
  CHECK(r.feed.items[1].title == "From media:title");
  CHECK(r.feed.items[1].text == "From xhtml:body");
  CHECK(r.feed.items[1].url == "https://n.example/2");
}

TEST_CASE("every WHATWG encoding is named by its labels; others are not") {
  CHECK(encoding_for_label(" CP1256\t") == "windows-1256");
  CHECK(encoding_for_label("latin1") == "windows-1252");
  CHECK(encoding_for_label("ISO-8859-6-I") == "ISO-8859-6");
  CHECK(encoding_for_label("tis-620") == "windows-874");
  CHECK(encoding_for_label("gb2312") == "GBK");
  CHECK(encoding_for_label("x-sjis") == "Shift_JIS");
  CHECK(encoding_for_label("ks_c_5601-1987") == "EUC-KR");
  CHECK(encoding_for_label("utf-16") == "UTF-16LE");
  CHECK(encoding_for_label("iso-2022-kr") == "");  // the replacement encoding: unreadable
  CHECK(encoding_for_label("x-klingon") == "");
  CHECK(encoding_for_label("utf-7") == "");
  CHECK(encoding_for_label("Latin-1") == "windows-1252");  // beyond the Standard, as before it
  CHECK(encoding_for_label("latin9") == "ISO-8859-15");
}

TEST_CASE("the encoding: byte order mark, else the HTTP charset, else the XML declaration") {
  const std::string declared = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss/>";
  CHECK(xml_encoding(declared).name == "windows-1256");
  CHECK(xml_encoding(declared).label == "windows-1256");
  CHECK(xml_encoding(declared, "koi8-r").name == "KOI8-R");
  CHECK(xml_encoding("\xEF\xBB\xBF" + declared, "koi8-r").name == "UTF-8");
  CHECK(xml_encoding("<rss/>").name == "UTF-8");
  CHECK(xml_encoding("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss/>").name == "UTF-8");  // read as ASCII: not UTF-16
  CHECK(xml_encoding("<?xml version=\"1.0\" encoding='Big5'?><rss/>").name == "Big5");
  CHECK(xml_encoding("<?xml version=\"1.0\" encoding=\"nope\"?><rss/>").name == "");
}

TEST_CASE("feeds in every script's legacy encodings read right") {
  if (!have_legacy_decoders()) return;
  const std::string dir = std::string(CARTA_SOURCE_DIR) + "/tests/golden/feeds/";
  struct Case { const char* file; const char* title; } cases[] = {
      {"xml-windows-1256-arabic.xml", "وزيرا خارجية سوريا وروسيا يلتقيان في موسكو"},
      {"xml-iso-8859-6-arabic.xml", "ميناء اللاذقية يستأنف العمل"},
      {"xml-big5.xml", "台北股市今日上漲"},
      {"xml-euc-jp.xml", "東京で新しい駅が開業"},
      {"xml-euc-kr.xml", "서울에서 새로운 다리 개통"},
      {"xml-shift-jis.xml", "大阪の港にソフト開発の新拠点"},  // ソ is 83 5C: '\' as its second byte
      {"xml-koi8-r.xml", "Новый мост открыт в Казани"},
      {"xml-tis-620-thai.xml", "ตลาดหุ้นไทยปิดบวก"},
      {"xml-windows-1255-hebrew.xml", "שוק חדש נפתח בחיפה"},
      {"xml-gb2312.xml", "北京的新机场今天开放"},
      {"xml-gbk.xml", "喆和堃的新书发布"},
      {"xml-gb18030.xml", "𠮷野家在上海开新店"},
  };
  for (const Case& c : cases) {
    const std::string path = dir + c.file;
    CAPTURE(path);
    const std::string bytes = read_bytes(path);
    REQUIRE(!bytes.empty());
    FeedResult r = read_any_feed(bytes);
    CHECK(r.ok());
    CHECK(r.diagnostics.empty());
    REQUIRE(r.feed.items.size() == 1);
    CHECK(r.feed.items[0].title == c.title);
  }
}

TEST_CASE("bytes with no character in their encoding are U+FFFD, and the decoding goes on") {
  if (!have_legacy_decoders()) return;
  std::string out;
  REQUIRE(decode_legacy("Shift_JIS", "\x83\x5C\xA0" "a\x83", out));  // ソ, an unmapped byte, a, a cut sequence
  CHECK(out == "\xE3\x82\xBD\xEF\xBF\xBD" "a\xEF\xBF\xBD");
  REQUIRE(decode_legacy("gb18030", "a\x95\x34", out));  // the first half of a four-byte sequence, at the end
  CHECK(out == "a\xEF\xBF\xBD");
  REQUIRE(decode_legacy("windows-1256", "\xE3\xC7\x80", out));
  CHECK(out == "\xD9\x85\xD8\xA7\xE2\x82\xAC");  // ما€
}

TEST_CASE("bytes the caller decoded are UTF-8 whatever the declaration says; an unknown label is an error") {
  const std::string utf8 = "<?xml version=\"1.0\" encoding=\"windows-1256\"?>" +
                           rss("<item><title>\xD9\x85\xD9\x88\xD8\xB3\xD9\x83\xD9\x88</title><link>https://n.example/1</link></item>").substr(22);
  XmlOptions given;
  given.utf8 = true;
  XmlConversion decoded = convert_xml_feed(utf8, {}, given);
  REQUIRE(decoded.ok());
  CHECK(decoded.json.find("\xD9\x85\xD9\x88\xD8\xB3\xD9\x83\xD9\x88") != std::string::npos);  // موسكو
  XmlConversion unknown = convert_xml_feed("<?xml version=\"1.0\" encoding=\"x-klingon\"?><rss/>");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.diagnostics[0].message.find("\"x-klingon\"") != std::string::npos);
  CHECK(unknown.diagnostics[0].pointer.empty());
  // An HTTP charset that names no encoding is passed over, with a warning.
  XmlOptions http;
  http.http_charset = "utf8mb4";
  XmlConversion passed = convert_xml_feed(rss("<item><title>a</title><link>https://n.example/1</link></item>"), {}, http);
  CHECK(passed.ok());
  REQUIRE(passed.diagnostics.size() == 1);
  CHECK(passed.diagnostics[0].message.find("utf8mb4") != std::string::npos);
}

TEST_CASE("bytes F5..FF are not UTF-8: read as windows-1252 with a warning, never passed on") {
  XmlConversion c = convert_xml_feed(rss("<item><title>a\xF5\x80\x80 b\xFF</title><link>https://n.example/1</link></item>"));
  REQUIRE(c.ok());
  CHECK(c.json.find("a\xC3\xB5\xE2\x82\xAC\xE2\x82\xAC b\xC3\xBF") != std::string::npos);
  FeedResult r = read_converted(c);
  CHECK(r.ok());
}
