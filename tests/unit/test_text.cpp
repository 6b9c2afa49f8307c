// Line breaking and clamping with an ellipsis.
#include <doctest/doctest.h>

#include "core/text.h"
#include "fake_measure.h"

using namespace carta;

namespace {
const std::string kEllipsis = "\xE2\x80\xA6";
}

TEST_CASE("wraps at spaces and keeps every word") {
  FixedMeasure m;  // 8 px per character
  auto lines = wrap_text("the quick brown fox jumps", 80, TextRole::body, m, 0);  // 10 chars per line
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "the quick");
  CHECK(lines[1] == "brown fox");
  CHECK(lines[2] == "jumps");
}

TEST_CASE("punctuation at a line end is kept") {
  FixedMeasure m;
  auto lines = wrap_text("Moscow, Damascus", 64, TextRole::body, m, 0);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "Moscow,");
}

TEST_CASE("clamps to max lines with an ellipsis on the last") {
  FixedMeasure m;
  auto lines = wrap_text("one two three four five six seven eight", 80, TextRole::body, m, 2);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "one two");
  CHECK(lines[1].size() >= kEllipsis.size());
  CHECK(lines[1].substr(lines[1].size() - kEllipsis.size()) == kEllipsis);
  CHECK(m.width(TextRole::body, lines[1]) <= 80);
}

TEST_CASE("text that fits is not given an ellipsis") {
  FixedMeasure m;
  auto lines = wrap_text("short", 80, TextRole::body, m, 1);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "short");
}

TEST_CASE("a word wider than the line is broken inside, never splitting UTF-8") {
  FixedMeasure m;
  std::string word;
  for (int i = 0; i < 30; ++i) word += "\xC3\xA9";  // é x 30
  auto lines = wrap_text(word, 80, TextRole::body, m, 0);
  REQUIRE(lines.size() == 3);
  for (const std::string& l : lines) CHECK(l.size() == 20);  // 10 characters of 2 bytes
}

TEST_CASE("fit_line cuts before the ellipsis without dangling punctuation") {
  FixedMeasure m;
  std::string line = fit_line("Syria, Russia and the bases", 96, TextRole::body, m);
  CHECK(m.width(TextRole::body, line) <= 96);
  CHECK(line.find(",\xE2\x80\xA6") == std::string::npos);
  CHECK(line.substr(line.size() - 3) == kEllipsis);
}

TEST_CASE("huge text is clamped without measuring all of it") {
  struct CountingMeasure final : TextMeasure {
    mutable std::size_t measured_bytes = 0;
    float width(TextRole, std::string_view t) const override {
      measured_bytes += t.size();
      return t.size() * 8.f;
    }
  } m;
  std::string huge(64 * 1024, 'x');
  auto lines = wrap_text(huge, 400, TextRole::body, m, 3);
  CHECK(lines.size() == 3);
  CHECK(m.measured_bytes < 200000);  // a few hundred measurements of short prefixes, not O(n^2)
}

TEST_CASE("degenerate widths give no lines rather than looping") {
  FixedMeasure m;
  CHECK(wrap_text("abc", 0, TextRole::body, m, 3).empty());
  CHECK(wrap_text("abc", 4, TextRole::body, m, 0).size() == 3);  // one character per line at minimum
  CHECK(wrap_text("", 100, TextRole::body, m, 3).empty());
  CHECK(wrap_text("   ", 100, TextRole::body, m, 3).empty());
}
