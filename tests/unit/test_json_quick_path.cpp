// The JSON reader's quick path against nlohmann's parser alone: natively read_json first
// reads with a parser of its own and hands over to nlohmann's at anything it does not take.
// Both must give the same answer, tree, streamed elements and diagnostics for every input:
// the project's feeds, the real-world conformance feeds, and thousands of damaged copies
// (truncated, bytes changed, inserted, removed). Under wasm there is no quick path and the
// two readings are the same reader; the test still runs there.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/feed.h"
#include "core/json_reader.h"
#include "test_files.h"

using namespace carta;

namespace {

// Every value with its type, numbers exactly, members with their names, in order.
void dump(JsonValue v, std::string& out) {
  char number[40];
  switch (v.type()) {
    case JsonType::null: out += "null"; break;
    case JsonType::boolean: out += v.boolean() ? "true" : "false"; break;
    case JsonType::integer: out += "i" + std::to_string(v.integer()); break;
    case JsonType::unsigned_integer: out += "u" + std::to_string(v.unsigned_integer()); break;
    case JsonType::floating:
      std::snprintf(number, sizeof number, "f%.17g", v.number());
      out += number;
      break;
    case JsonType::string: out += "s\"" + v.string() + "\""; break;
    case JsonType::array:
    case JsonType::object:
      out += v.is_array() ? "[" : "{";
      out += std::to_string(v.size()) + ":";
      for (JsonValue element : v) {
        if (v.is_object()) out += "\"" + std::string(element.key()) + "\"=";
        dump(element, out);
        out += ",";
      }
      out += v.is_array() ? "]" : "}";
      break;
  }
}

// Records what the stream is given, as the feed reader's stream of items would get it.
class Recorder : public JsonStream {
 public:
  Recorder() : JsonStream("items") {}
  void restart() override { calls += "restart;"; }
  bool element(JsonValue element, std::size_t index) override {
    calls += std::to_string(index) + "=";
    dump(element, calls);
    calls += ";";
    return index < 40;  // past 40 elements none is wanted, as past the item limit
  }
  std::string calls;
};

struct Reading {
  bool ok = false;
  std::string tree, stream, diagnostics;
};

Reading read(std::string_view bytes, bool quick, int depth, std::size_t values) {
  Reading r;
  Diagnostics diagnostics;
  JsonTree tree;
  Recorder stream;
  r.ok = read_json(bytes, depth, values, diagnostics, tree, &stream, quick);
  dump(tree.root(), r.tree);
  r.stream = stream.calls;
  for (const Diagnostic& d : diagnostics)
    r.diagnostics += std::to_string(static_cast<int>(d.severity)) + " " + d.pointer + " " + std::to_string(d.line) + ":" +
                     std::to_string(d.column) + " " + d.message + "\n";
  return r;
}

// Both readings of `bytes`, at the usual limits and at tight ones.
int compared = 0;
void same(std::string_view bytes, const std::string& what) {
  struct Limits { int depth; std::size_t values; } limits[] = {{64, 1000000}, {3, 40}};
  for (const Limits& l : limits) {
    const Reading quick = read(bytes, true, l.depth, l.values), plain = read(bytes, false, l.depth, l.values);
    ++compared;
    if (quick.ok == plain.ok && quick.tree == plain.tree && quick.stream == plain.stream &&
        quick.diagnostics == plain.diagnostics)
      continue;
    CAPTURE(what);
    CAPTURE(l.depth);
    CAPTURE(std::string(bytes.substr(0, 300)));
    CHECK(quick.ok == plain.ok);
    CHECK(quick.diagnostics == plain.diagnostics);
    CHECK(quick.tree == plain.tree);
    CHECK(quick.stream == plain.stream);
    return;
  }
}

std::vector<std::pair<std::string, std::string>> files_in(const std::string& dir, const char* extension) {
  std::vector<std::pair<std::string, std::string>> out;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error))
    if (entry.path().extension() == extension) out.emplace_back(entry.path().filename().string(), read_bytes(entry.path().string()));
  return out;
}

}  // namespace

TEST_CASE("the quick path reads every project and conformance feed as nlohmann's parser does") {
  const std::string root = CARTA_SOURCE_DIR;
  auto golden = files_in(root + "/tests/golden/feeds", ".json");
  auto demo = files_in(root + "/assets/feeds", ".json");
  auto words = files_in(root + "/assets/words", ".json");
  auto real = files_in(root + "/../shared/conformance/jsonfeed", ".json");
  REQUIRE(golden.size() > 50);
  REQUIRE(demo.size() >= 4);
  const char* optional = std::getenv("CARTA_CONFORMANCE");
  if (!(optional && std::string(optional) == "none"))
    REQUIRE_MESSAGE(real.size() >= 4, "no conformance feeds in " << root
                                                                   << "/../shared/conformance/jsonfeed (set CARTA_CONFORMANCE=none for a run without ../shared)");
  for (const auto* set : {&golden, &demo, &words, &real})
    for (const auto& [name, bytes] : *set) same(bytes, name);
}

TEST_CASE("the quick path and nlohmann's parser agree on damaged feeds") {
  // Values of every kind, escapes, non-ASCII text, numbers at the edges of each type.
  const std::string sample =
      "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Caf\\u00e9 \\\"news\\\" \xC3\xA9\\n\\ud83d\\ude00\","
      "\"n\":[0,-0,7,-7,18446744073709551615,18446744073709551616,-9223372036854775808,-9223372036854775809,"
      "1.5,-2e10,1E+2,0.000001],\"t\":true,\"f\":false,\"z\":null,\"items\":[{\"id\":\"a\",\"title\":\"One\","
      "\"tags\":[\"x\",\"y\"]},{\"id\":2,\"_carta\":{\"related\":[\"a\"]}},[],{}],\"title\":\"again\",\"e\":{}}";
  same(sample, "sample");
  for (std::size_t n = 0; n < sample.size(); ++n) same(std::string_view(sample).substr(0, n), "truncated sample");

  const std::string demo = read_bytes(std::string(CARTA_SOURCE_DIR) + "/assets/feeds/demo.json");
  REQUIRE(!demo.empty());
  const char interesting[] = {'"', '\\', '{', '}', '[', ']', ',', ':', '0', '-', '.', 'e', ' ', 'u', 'n', 't', '\n',
                              '\0', '\x7f', '\xC3', '\xA9', '\xFF', '\xED', '\xA0', 'x'};
  std::uint32_t seed = 12345;
  auto next = [&seed](std::uint32_t below) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % below;
  };
  for (const std::string* base : {&sample, &demo}) {
    for (int round = 0; round < 600; ++round) {
      std::string bytes = *base;
      for (int edits = 1 + static_cast<int>(next(3)); edits > 0; --edits) {
        const std::size_t at = next(static_cast<std::uint32_t>(bytes.size()));
        const char c = interesting[next(sizeof interesting)];
        switch (next(4)) {
          case 0: bytes[at] = c; break;
          case 1: bytes.insert(bytes.begin() + static_cast<std::ptrdiff_t>(at), c); break;
          case 2: bytes.erase(at, 1); break;
          default: bytes.resize(at); break;
        }
        if (bytes.empty()) break;
      }
      same(bytes, "damaged copy");
    }
  }
  CHECK(compared > 3000);
}

TEST_CASE("numbers with fractions and exponents are read exactly, natively and in the web build") {
  // Under wasm strtod is the browser's number parser (src/platform/web/web_numbers.cpp):
  // correctly rounded, as the C library is natively.
  struct Case { const char* text; double value; } cases[] = {
      {"0.1", 0.1}, {"-2.5", -2.5}, {"1e23", 1e23}, {"8.98846567431158e307", 8.98846567431158e307},
      {"2.2250738585072011e-308", 2.2250738585072011e-308}, {"4.9406564584124654e-324", 4.9406564584124654e-324},
      {"1.7976931348623157e308", 1.7976931348623157e308}, {"9007199254740993.0", 9007199254740992.0},
      {"0.30000000000000004", 0.30000000000000004}, {"123456.789e-3", 123.456789}, {"1E+2", 100.0},
      {"-0.0", -0.0}, {"1e-400", 0.0}, {"3.141592653589793238462643383279", 3.141592653589793}};
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const std::string doc = std::string("[") + c.text + "]";
    Diagnostics diagnostics;
    JsonTree tree;
    REQUIRE(read_json(doc, 8, 100, diagnostics, tree, nullptr, false));
    JsonValue v = tree.root().at(0);
    REQUIRE(v.type() == JsonType::floating);
    CHECK(v.number() == c.value);
    CHECK(std::signbit(v.number()) == std::signbit(c.value));
  }
  // Too large for a double: an error, with the number quoted.
  Diagnostics diagnostics;
  JsonTree tree;
  CHECK_FALSE(read_json("[1e400]", 8, 100, diagnostics, tree, nullptr, false));
  REQUIRE(!diagnostics.empty());
  CHECK(diagnostics[0].message.find("1e400") != std::string::npos);
}

TEST_CASE("the quick path reads the project's feeds itself; nlohmann's parser only what it gives up on") {
  const JsonReadCounts before = json_read_counts();
  int feeds = 0;
  for (const char* name : {"demo", "demo-ar", "demo-mixed", "demo-world"}) {
    const std::string bytes = read_bytes(std::string(CARTA_SOURCE_DIR) + "/assets/feeds/" + name + ".json");
    REQUIRE_FALSE(bytes.empty());
    CHECK(parse_feed(bytes, "https://news.example/feed.json").ok());
    ++feeds;
  }
  const JsonReadCounts plain = json_read_counts();
  // A fraction is not plain JSON for the quick path: nlohmann's parser reads it.
  CHECK(parse_feed(R"({"version":"https://jsonfeed.org/version/1.1","title":"t","x":1.5,"items":[]})",
                   "https://news.example/feed.json").ok());
  const JsonReadCounts after = json_read_counts();
  if (plain.quick_path_built) {  // natively
    CHECK(plain.quick - before.quick == static_cast<std::size_t>(feeds));
    CHECK(plain.full == before.full);
    CHECK(after.full == plain.full + 1);
  } else {  // the web build has none: every document is nlohmann's
    CHECK(plain.full - before.full == static_cast<std::size_t>(feeds));
    CHECK(after.quick == 0);
  }
}
