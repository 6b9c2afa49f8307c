// The JSON reader: a small value tree, limits that stop the parse with a pointer to the
// place, and one array handed out element by element (how a feed's items are read).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/feed.h"
#include "core/json_reader.h"

using namespace carta;

namespace {

// Records what a stream is handed: "restart", then each element as "index:type".
struct Recorder final : JsonStream {
  explicit Recorder(std::size_t wanted = 1000) : JsonStream("items"), wanted(wanted) {}
  void restart() override { events.push_back("restart"); }
  bool element(JsonValue v, std::size_t index) override {
    std::string e = std::to_string(index) + ":";
    if (v.is_object()) e += v.find("id").string();
    else if (v.is_number()) e += std::to_string(v.integer());
    else e += "other";
    events.push_back(e);
    return index + 1 < wanted;
  }
  std::size_t wanted;
  std::vector<std::string> events;
};

}  // namespace

TEST_CASE("the tree: members, repeated keys, arrays and numbers") {
  Diagnostics d;
  JsonTree tree;
  REQUIRE(read_json(R"({"a": "x", "n": [1, -2, 3.5, 18446744073709551615], "a": "y", "t": true, "z": null})", 8, 100,
                    d, tree));
  JsonValue root = tree.root();
  CHECK(root.is_object());
  CHECK(root.size() == 5);  // the repeated key is read twice...
  CHECK(root.find("a").string() == "y");  // ...and the last one wins
  CHECK(root.find("missing").is_null());
  CHECK(root.find("z").is_null());
  CHECK(root.find("t").boolean());
  JsonValue n = root.find("n");
  REQUIRE(n.is_array());
  CHECK(n.size() == 4);
  CHECK(n.at(0).integer() == 1);
  CHECK(n.at(1).integer() == -2);
  CHECK(n.at(2).number() == 3.5);
  CHECK(n.at(3).unsigned_integer() == 18446744073709551615u);
  CHECK(n.at(3).is_integer());
  CHECK(n.at(4).is_null());
  int count = 0;
  for (JsonValue v : n) count += v.is_number();
  CHECK(count == 4);
  CHECK(d.empty());
}

TEST_CASE("a value kept from a tree outlives its clear()") {
  Diagnostics d;
  JsonTree tree, kept;
  REQUIRE(read_json(R"({"related": ["a", {"title": "T", "k": [1]}]})", 8, 100, d, tree));
  JsonValue copy = kept.keep(tree.root().find("related"));
  tree.clear();
  REQUIRE(read_json(R"({"other": "b"})", 8, 100, d, tree));
  REQUIRE(copy.is_array());
  CHECK(copy.size() == 2);
  CHECK(copy.at(0).string() == "a");
  CHECK(copy.at(1).find("title").string() == "T");
  CHECK(copy.at(1).find("k").at(0).integer() == 1);
}

TEST_CASE("the streamed array: one element at a time, its length kept, a repeated key starts over") {
  Diagnostics d;
  JsonTree tree;
  Recorder r;
  REQUIRE(read_json(R"({"items": [{"id": "a"}, 7, [1]], "x": {"items": [9]}, "items": [{"id": "b"}]})", 8, 100, d,
                    tree, &r));
  CHECK(r.events == std::vector<std::string>{"restart", "0:a", "1:7", "2:other", "restart", "0:b"});
  CHECK(tree.root().find("items").is_array());
  CHECK(tree.root().find("items").size() == 1);
  CHECK(tree.root().find("x").find("items").size() == 1);  // only the root's member is streamed

  Recorder few(2);  // wants two elements: the rest are counted, not built
  REQUIRE(read_json(R"({"items": [{"id": "a"}, {"id": "b"}, {"id": "c"}, 4]})", 8, 100, d, tree, &few));
  CHECK(few.events == std::vector<std::string>{"restart", "0:a", "1:b"});
  CHECK(tree.root().find("items").size() == 4);
  CHECK(d.empty());
}

TEST_CASE("limits and syntax errors inside a streamed element name the place") {
  Diagnostics d;
  JsonTree tree;
  Recorder r;
  CHECK_FALSE(read_json(R"({"items": [{"id": "a"}, {"id": "b", "k": [1, 2, tru]}]})", 8, 100, d, tree, &r));
  REQUIRE(d.size() == 1);
  CHECK(d[0].pointer == "/items/1/k/2");
  CHECK(d[0].line == 1);
  CHECK(d[0].column == 52);  // the "]" after "tru": nlohmann read that far
  CHECK(r.events == std::vector<std::string>{"restart", "0:a"});

  d.clear();
  CHECK_FALSE(read_json(R"({"items": [{"id": "a"}, {"id": [[[1]]]}]})", 4, 100, d, tree, &r));
  REQUIRE(d.size() == 1);
  CHECK(d[0].pointer == "/items/1/id/0");
  CHECK(d[0].message == "the feed nests arrays and objects more than 4 levels deep");

  d.clear();
  CHECK_FALSE(read_json(R"({"items": [1, 2, 3, 4, 5]})", 8, 5, d, tree, &r));
  REQUIRE(d.size() == 1);
  CHECK(d[0].pointer == "/items/3");  // the sixth value
}

TEST_CASE("feed fields after the items still reach them, and their warnings come first") {
  FeedResult r = parse_feed(R"({"items": [{"id": "a", "title": "A", "url": "javascript:1"}, {"id": "b", "title": "B"}],
                                "language": "ar", "authors": [{"name": "Desk"}], "version": 2})");
  REQUIRE(r.feed.items.size() == 2);
  CHECK(r.feed.items[0].language == "ar");
  CHECK(r.feed.items[0].right_to_left);
  REQUIRE(r.feed.items[1].authors.size() == 1);
  CHECK(r.feed.items[1].authors[0].name == "Desk");
  CHECK(r.feed.right_to_left);
  REQUIRE(r.diagnostics.size() == 3);
  CHECK(r.diagnostics[0].pointer == "/version");
  CHECK(r.diagnostics[1].pointer == "/version");
  CHECK(r.diagnostics[2].pointer == "/items/0/url");
}

TEST_CASE("a repeated \"items\" key: the last one wins, with only its warnings") {
  FeedResult r = parse_feed(R"({"version": "https://jsonfeed.org/version/1.1",
                                "items": [{"id": "a", "title": "A", "url": "javascript:1"}],
                                "items": [{"id": "b", "title": "B", "_carta": {"related": ["a"]}}]})");
  REQUIRE(r.feed.items.size() == 1);
  CHECK(r.feed.items[0].id == "b");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].pointer == "/items/0/_carta/related/0");

  FeedResult s = parse_feed(R"({"version": "https://jsonfeed.org/version/1.1",
                                "items": [{"id": "a", "title": "A"}], "items": "none"})");
  CHECK(s.feed.items.empty());
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].message == "\"items\" must be an array but is a string");
}

TEST_CASE("the diagnostics cap counts the feed's warnings before the items'") {
  FeedLimits limits;
  limits.max_diagnostics = 3;
  FeedResult r = parse_feed(R"({"items": [{"id": "a", "title": "A", "tags": [1, 2, 3]}], "title": 5})", {}, limits);
  REQUIRE(r.diagnostics.size() == 3);
  CHECK(r.diagnostics[0].pointer == "/version");
  CHECK(r.diagnostics[1].pointer == "/title");
  CHECK(r.diagnostics[2].message == "3 more warnings like the ones above were not listed");
}
