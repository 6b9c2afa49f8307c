// The feed model: JSON Feed 1.1 + _carta, bent the way publishing tools need, with a
// diagnostic (severity, JSON pointer, plain message) for everything that was off.
#include <doctest/doctest.h>

#include <cstdlib>

#include <algorithm>
#include <string>

#include "core/feed.h"
#include "test_files.h"

using namespace carta;

namespace {

const Diagnostic* find(const FeedResult& r, const std::string& pointer) {
  for (const Diagnostic& d : r.diagnostics)
    if (d.pointer == pointer) return &d;
  return nullptr;
}

std::string feed_with_items(const std::string& items) {
  return R"({"version":"https://jsonfeed.org/version/1.1","title":"T","items":[)" + items + "]}";
}

}  // namespace

TEST_CASE("a minimal valid feed") {
  FeedResult r = parse_feed(feed_with_items(R"({"id":"a","title":"Hello","url":"https://x.example/a"})"),
                            "https://x.example/feed.json");
  CHECK(r.ok());
  CHECK(r.diagnostics.empty());
  REQUIRE(r.feed.items.size() == 1);
  CHECK(r.feed.title == "T");
  CHECK(r.feed.items[0].id == "a");
  CHECK(r.feed.items[0].url == "https://x.example/a");
  CHECK(r.feed.items[0].read_time_minutes == 1);
}

TEST_CASE("ids: numeric ids become strings, url stands in for a missing id, neither drops the item") {
  FeedResult r = parse_feed(feed_with_items(
      R"({"id":42,"title":"n"},{"url":"https://x.example/b","title":"u"},{"title":"none"},{"id":7.0,"title":"f"})"));
  CHECK(r.ok());
  REQUIRE(r.feed.items.size() == 3);
  CHECK(r.feed.items[0].id == "42");
  CHECK(r.feed.items[1].id == "https://x.example/b");
  CHECK(r.feed.items[2].id == "7");
  const Diagnostic* no_id = find(r, "/items/1/id");
  REQUIRE(no_id);
  CHECK(no_id->severity == Severity::warning);
  const Diagnostic* dropped = find(r, "/items/2");
  REQUIRE(dropped);
  CHECK(dropped->message.find("dropped") != std::string::npos);
}

TEST_CASE("duplicate ids keep the first item") {
  FeedResult r = parse_feed(feed_with_items(R"({"id":"a","title":"1"},{"id":"a","title":"2"})"));
  REQUIRE(r.feed.items.size() == 1);
  CHECK(r.feed.items[0].title == "1");
  CHECK(find(r, "/items/1/id"));
}

TEST_CASE("JSON Feed 1.0 author, summary and image fall-backs") {
  FeedResult r = parse_feed(feed_with_items(
      R"({"id":"a","author":{"name":"Old Style"},"content_html":"<p>Body &amp; soul</p>","banner_image":"https://x.example/b.jpg"})"));
  REQUIRE(r.feed.items.size() == 1);
  const Item& it = r.feed.items[0];
  REQUIRE(it.authors.size() == 1);
  CHECK(it.authors[0].name == "Old Style");
  CHECK(it.text == "Body & soul");
  CHECK(it.summary == "Body & soul");
  CHECK(it.image == "https://x.example/b.jpg");
}

TEST_CASE("feed-level authors apply to items without their own") {
  FeedResult r = parse_feed(R"({"version":"https://jsonfeed.org/version/1.1","authors":[{"name":"Desk"}],
    "items":[{"id":"a"},{"id":"b","authors":[{"name":"Own"}]}]})");
  REQUIRE(r.feed.items.size() == 2);
  CHECK(r.feed.items[0].authors.at(0).name == "Desk");
  CHECK(r.feed.items[1].authors.at(0).name == "Own");
}

TEST_CASE("content_html becomes plain text; script content never reaches a card") {
  FeedResult r = parse_feed(feed_with_items(
      R"({"id":"a","content_html":"<script>steal()</script><p>Visible</p><style>p{}</style>"})"));
  CHECK(r.feed.items.at(0).text == "Visible");
}

TEST_CASE("wrong types warn with the exact pointer and keep the item") {
  FeedResult r = parse_feed(feed_with_items(R"({"id":"a","title":5,"tags":"x","authors":{},"_carta":[]})"));
  CHECK(r.ok());
  REQUIRE(r.feed.items.size() == 1);
  for (const char* p : {"/items/0/title", "/items/0/tags", "/items/0/authors", "/items/0/_carta"}) {
    CAPTURE(p);
    const Diagnostic* d = find(r, p);
    REQUIRE(d);
    CHECK(d->severity == Severity::warning);
  }
  CHECK(find(r, "/items/0/title")->message.find("a number") != std::string::npos);
}

TEST_CASE("top-level errors") {
  CHECK(parse_feed("[]").diagnostics.at(0).message.find("an array") != std::string::npos);
  CHECK_FALSE(parse_feed("[]").ok());
  FeedResult no_items = parse_feed(R"({"version":"https://jsonfeed.org/version/1.1"})");
  CHECK_FALSE(no_items.ok());
  CHECK(find(no_items, "/items"));
  FeedResult bad_items = parse_feed(R"({"version":"https://jsonfeed.org/version/1.1","items":{}})");
  CHECK_FALSE(bad_items.ok());
  CHECK(find(bad_items, "/items")->message.find("an object") != std::string::npos);
}

TEST_CASE("syntax errors carry line and column") {
  FeedResult r = parse_feed("{\n  \"items\": [\n    tru\n  ]\n}");
  CHECK_FALSE(r.ok());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].line == 3);
  CHECK(r.diagnostics[0].column == 5);
  CHECK(r.diagnostics[0].pointer == "/items/0");
  FeedResult empty = parse_feed("   ");
  CHECK_FALSE(empty.ok());
  CHECK(empty.diagnostics[0].message.find("empty") != std::string::npos);
  FeedResult truncated = parse_feed(R"({"items":[{"id":"a")");
  CHECK_FALSE(truncated.ok());
  CHECK(truncated.diagnostics[0].line == 1);
}

TEST_CASE("deep nesting fails cleanly before it can exhaust the stack") {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  FeedResult r = parse_feed(deep);
  CHECK_FALSE(r.ok());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.find("64 levels") != std::string::npos);
  std::string ok_depth = R"({"version":"https://jsonfeed.org/version/1.1","items":[],"x":)" + std::string(60, '[') +
                         std::string(60, ']') + "}";
  CHECK(parse_feed(ok_depth).ok());
  FeedLimits tight;
  tight.max_depth = 3;
  CHECK_FALSE(parse_feed(ok_depth, "", tight).ok());
}

TEST_CASE("limits: size, item count and string length") {
  FeedLimits limits;
  limits.max_bytes = 100;
  CHECK_FALSE(parse_feed(feed_with_items(std::string(200, ' ')), "", limits).ok());

  std::string items;
  for (int i = 0; i < 12; ++i) items += (i ? "," : "") + std::string(R"({"id":")") + std::to_string(i) + "\"}";
  FeedLimits few;
  few.max_items = 5;
  FeedResult r = parse_feed(feed_with_items(items), "", few);
  CHECK(r.ok());
  CHECK(r.feed.items.size() == 5);
  CHECK(find(r, "/items/5"));

  FeedLimits short_strings;
  short_strings.max_string_bytes = 10;
  FeedResult cut = parse_feed(feed_with_items(R"({"id":"a","title":"ééééééééé"})"), "", short_strings);
  CHECK(cut.feed.items.at(0).title == "ééééé");  // 10 bytes, never half a character
  CHECK(find(cut, "/items/0/title"));
}

TEST_CASE("unsafe URLs are removed with a warning naming the field") {
  FeedResult r = parse_feed(feed_with_items(
      R"J({"id":"a","url":" JavaScript:alert(1)","image":"data:image/png;base64,AA","external_url":"java\tscript:x"})J"),
      "https://x.example/feed.json");
  CHECK(r.ok());
  const Item& it = r.feed.items.at(0);
  CHECK(it.url.empty());
  CHECK(it.image.empty());
  REQUIRE(find(r, "/items/0/url"));
  CHECK(find(r, "/items/0/url")->message.find("javascript") != std::string::npos);
  CHECK(find(r, "/items/0/image"));
  CHECK(find(r, "/items/0/external_url"));
}

TEST_CASE("relative URLs resolve against the feed's own location") {
  FeedResult r = parse_feed(feed_with_items(R"({"id":"a","url":"../story","image":"img/a.jpg"})"),
                            "https://x.example/feeds/levant.json");
  CHECK(r.feed.items.at(0).url == "https://x.example/story");
  CHECK(r.feed.items.at(0).image == "https://x.example/feeds/img/a.jpg");
}

TEST_CASE("dates: RFC 3339 quietly, RFC 2822 with a warning, nonsense with a warning and the item kept") {
  FeedResult r = parse_feed(feed_with_items(
      R"({"id":"a","date_published":"2025-07-31T15:20:00+03:00"},
         {"id":"b","date_published":"Thu, 31 Jul 2025 15:20:00 +0300"},
         {"id":"c","date_published":"last Thursday"})"));
  REQUIRE(r.feed.items.size() == 3);
  CHECK(r.feed.items[0].published->unix_seconds == 1753964400);
  CHECK(r.feed.items[1].published->unix_seconds == 1753964400);
  CHECK_FALSE(r.feed.items[2].published);
  CHECK_FALSE(find(r, "/items/0/date_published"));
  CHECK(find(r, "/items/1/date_published")->message.find("RFC 2822") != std::string::npos);
  CHECK(find(r, "/items/2/date_published")->message.find("last Thursday") != std::string::npos);
}

TEST_CASE("_carta: caption, credit, alt, category and read time") {
  std::string words;
  for (int i = 0; i < 450; ++i) words += "word ";
  FeedResult r = parse_feed(feed_with_items(
      R"({"id":"a","_carta":{"image_caption":"Cap","image_credit":"© SANA","image_alt":"Alt","category":"Syria","read_time_minutes":3}},
         {"id":"b","content_text":")" + words + R"(","_carta":{"read_time_minutes":0}})"));
  REQUIRE(r.feed.items.size() == 2);
  const Item& a = r.feed.items[0];
  CHECK(a.image_caption == "Cap");
  CHECK(a.image_credit == "© SANA");
  CHECK(a.image_alt == "Alt");
  CHECK(a.category == "Syria");
  CHECK(a.read_time_minutes == 3);
  CHECK(r.feed.items[1].read_time_minutes == 3);  // 450 words at 200 per minute, rounded up
  CHECK(find(r, "/items/1/_carta/read_time_minutes"));
}

TEST_CASE("related: ids resolve within the feed; unknown, self, duplicate and beyond three are warnings") {
  FeedResult r = parse_feed(feed_with_items(R"(
    {"id":"a","_carta":{"related":["b","nope","a","b",{"title":"Outside","url":"https://o.example/x","category":"Lebanon"},"c","d"]}},
    {"id":"b","title":"Bee","_carta":{"category":"Syria","related":["a"]}},
    {"id":"c","title":"Cee"},{"id":"d","title":"Dee"})"));
  CHECK(r.ok());
  const Item& a = r.feed.items.at(0);
  REQUIRE(a.related.size() == 3);
  CHECK(a.related[0].item_index == 1);
  CHECK(a.related[0].title == "Bee");
  CHECK(a.related[0].category == "Syria");
  CHECK(a.related[1].item_index == -1);
  CHECK(a.related[1].url == "https://o.example/x");
  CHECK(a.related[2].item_index == 2);
  CHECK(find(r, "/items/0/_carta/related/1")->message.find("nope") != std::string::npos);
  CHECK(find(r, "/items/0/_carta/related/2")->message.find("itself") != std::string::npos);
  CHECK(find(r, "/items/0/_carta/related/3")->message.find("duplicate") != std::string::npos);
  CHECK(find(r, "/items/0/_carta/related/6"));
  // A cycle (a -> b -> a) is fine: each is simply related to the other.
  CHECK(r.feed.items.at(1).related.at(0).item_index == 0);
}

TEST_CASE("language and direction") {
  FeedResult r = parse_feed(R"({"version":"https://jsonfeed.org/version/1.1","language":"ar",
    "items":[{"id":"a","title":"سوريا"},{"id":"b","language":"en-GB"}]})");
  CHECK(r.feed.items.at(0).right_to_left);
  CHECK(r.feed.items.at(0).title == "سوريا");
  CHECK_FALSE(r.feed.items.at(1).right_to_left);
  CHECK(is_right_to_left_language("he-IL"));
  CHECK(is_right_to_left_language("fa"));
  CHECK(is_right_to_left_language("UR"));
  CHECK_FALSE(is_right_to_left_language("en"));
  CHECK_FALSE(is_right_to_left_language("ary-x"));  // not "ar": only the primary subtag counts
}

TEST_CASE("a byte order mark is skipped with a warning") {
  FeedResult r = parse_feed("\xEF\xBB\xBF" + feed_with_items(R"({"id":"a"})"));
  CHECK(r.ok());
  CHECK(r.feed.items.size() == 1);
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics[0].message.find("byte order mark") != std::string::npos);
}

TEST_CASE("the demo feed and the real-world conformance feeds are valid and keep every item") {
  const std::string root = CARTA_SOURCE_DIR;
  struct Case {
    std::string path;
    std::size_t items;
  } cases[] = {
      {root + "/assets/feeds/demo.json", 9},
      {root + "/../shared/conformance/jsonfeed/feed-rs_jsonfeed_elastic_1.1.json", 3},
      {root + "/../shared/conformance/jsonfeed/feed-rs_jsonfeed_example_1.json", 2},
      {root + "/../shared/conformance/jsonfeed/feed-rs_jsonfeed_spec_1.json", 1},
      {root + "/../shared/conformance/jsonfeed/feedparser_example.json", 2},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    std::string bytes = read_bytes(c.path);
    // The conformance feeds live beside the checkout (../shared); a run without them fails
    // unless it says it has none (CARTA_CONFORMANCE=none), so a missing folder never passes.
    const char* optional = std::getenv("CARTA_CONFORMANCE");
    if (bytes.empty() && c.path.find("/shared/") != std::string::npos && optional &&
        std::string(optional) == "none") {
      MESSAGE("skipped (CARTA_CONFORMANCE=none): " << c.path);
      continue;
    }
    REQUIRE_MESSAGE(!bytes.empty(), "cannot read " << c.path << " (set CARTA_CONFORMANCE=none for a run without ../shared)");
    FeedResult r = parse_feed(bytes, "https://feeds.example/feed.json");
    CHECK(r.ok());
    CHECK(r.feed.items.size() == c.items);
  }
}

TEST_CASE("a flood of tiny values is refused early, with the place it was reached") {
  FeedLimits limits;
  limits.max_values = 100;
  std::string tags;
  for (int i = 0; i < 1000; ++i) tags += (i ? ",1" : "1");
  FeedResult r = parse_feed(feed_with_items(R"({"id":"a","tags":[)" + tags + "]}"), "", limits);
  CHECK_FALSE(r.ok());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.find("more than 100 JSON values") != std::string::npos);
  CHECK(r.diagnostics[0].pointer.rfind("/items/0/tags/", 0) == 0);
  // The same feed is fine under the default limit (warnings for the number tags only).
  CHECK(parse_feed(feed_with_items(R"({"id":"a","tags":[)" + tags + "]}")).ok());
}

TEST_CASE("link-params reach every story link: cards and related entries, not pictures") {
  FeedResult r = parse_feed(feed_with_items(
      R"({"id":"a","url":"https://news.example/a?ref=home#top","title":"A","image":"https://img.example/a.jpg",)"
      R"("_carta":{"related":["b",{"url":"https://other.example/x","title":"X"}]}},)"
      R"({"id":"b","url":"https://news.example/b","title":"B"})"));
  REQUIRE(r.ok());
  add_link_params(r.feed, "utm_source=partner&utm_medium=carta");
  const Item& a = r.feed.items[0];
  CHECK(a.url == "https://news.example/a?ref=home&utm_source=partner&utm_medium=carta#top");
  CHECK(a.image == "https://img.example/a.jpg");
  REQUIRE(a.related.size() == 2);
  CHECK(a.related[0].url == "https://news.example/b?utm_source=partner&utm_medium=carta");
  CHECK(a.related[1].url == "https://other.example/x?utm_source=partner&utm_medium=carta");
  CHECK(r.feed.items[1].url == "https://news.example/b?utm_source=partner&utm_medium=carta");
}

TEST_CASE("titles and summaries are plain text: no word after a '<' is lost") {
  FeedResult r = parse_feed(feed_with_items(
      R"({"id":"a","url":"https://x.example/a","title":"Why <canvas> beats SVG for 5<7 cards",)"
      R"("summary":"Tom & Jerry <3 cheese; a<b and c>d"},)"
      R"({"id":"b","url":"https://x.example/b","title":"It&#8217;s Q&amp;A &nosuch; time","summary":"A <b>bold</b> move",)"
      R"("_carta":{"related":[{"title":"x<y and z>w","url":"https://x.example/r"}]}})"));
  REQUIRE(r.feed.items.size() == 2);
  CHECK(r.feed.items[0].title == "Why <canvas> beats SVG for 5<7 cards");
  CHECK(r.feed.items[0].summary == "Tom & Jerry <3 cheese; a<b and c>d");
  // Character references are decoded (tools write them into JSON titles); unknown ones stay.
  CHECK(r.feed.items[1].title == "It\xE2\x80\x99s Q&A &nosuch; time");
  // Markup in a plain field is shown as typed, with a warning where it is.
  CHECK(r.feed.items[1].summary == "A <b>bold</b> move");
  REQUIRE(r.feed.items[1].related.size() == 1);
  CHECK(r.feed.items[1].related[0].title == "x<y and z>w");
  const Diagnostic* d = find(r, "/items/1/summary");
  REQUIRE(d);
  CHECK(d->severity == Severity::warning);
  CHECK(d->message.find("\"<b>\"") != std::string::npos);
  CHECK_FALSE(find(r, "/items/0/title"));  // "<canvas>" and "5<7" are not the markup of a title
  CHECK_FALSE(find(r, "/items/0/summary"));
  CHECK(r.ok());
}

TEST_CASE("a byline is a name, never an e-mail address") {
  CHECK(author_name("me@example.com (Example editor)") == "Example editor");
  CHECK(author_name("Jane Doe <jane@example.com>") == "Jane Doe");
  CHECK(author_name("Jane Doe (jane@example.com)") == "Jane Doe");
  CHECK(author_name("  Jane   Doe, mailto:jane@example.com ") == "Jane Doe");
  CHECK(author_name("jane@example.com") == "");
  CHECK(author_name("<jane@example.com>") == "");
  CHECK(author_name("Jane Doe (Reuters)") == "Jane Doe (Reuters)");  // no address: as written
  CHECK(author_name("Jane Doe @jane") == "Jane Doe @jane");          // a handle is not an address
  FeedResult r = parse_feed(feed_with_items(
      R"({"id":"a","title":"t","authors":[{"name":"jane@example.com"},{"name":"Omar Ali <omar@example.com>"}]})"));
  REQUIRE(r.feed.items.size() == 1);
  REQUIRE(r.feed.items[0].authors.size() == 1);
  CHECK(r.feed.items[0].authors[0].name == "Omar Ali");
}
