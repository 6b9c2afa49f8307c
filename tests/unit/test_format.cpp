// snprintf as the project uses it (hex colours, a JSON writer's "%.2f", a numeric id's
// "%.17g", nlohmann's "<U+%.4X>") and as C99 says it: natively the C library's; in the
// wasm tests the web builds' own (src/platform/web/web_numbers.cpp), which must agree.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace {

template <typename... Args>
std::string format(const char* f, Args... args) {
  char buf[256];
  const int n = std::snprintf(buf, sizeof buf, f, args...);
  REQUIRE(n == static_cast<int>(std::string(buf).size()));
  return buf;
}

}  // namespace

TEST_CASE("snprintf: the formats the project and nlohmann use") {
  CHECK(format("#%02x%02x%02x", 11, 92, 173) == "#0b5cad");
  CHECK(format("%.2f", 12.5) == "12.50");
  CHECK(format("%.2f", -0.004) == "-0.00");
  CHECK(format("%.2f", 1234.5678) == "1234.57");
  CHECK(format("%.17g", 1.5) == "1.5");
  CHECK(format("%.17g", 0.1) == "0.10000000000000001");
  CHECK(format("%.17g", 1e21) == "1e+21");
  CHECK(format("%.17g", 123456789012.25) == "123456789012.25");
  CHECK(format("%.17g", 2.5e-7) == "2.4999999999999999e-07");
  CHECK(format("<U+%.4X>", 0x1f) == "<U+001F>");
  CHECK(format("0x%04X", 0xAB) == "0x00AB");
  CHECK(format("%.*g", 17, 3.0) == "3");
#ifdef __EMSCRIPTEN__
  // The one known difference, and the proof that the web builds' formatter is the one
  // tested here: a value exactly halfway rounds up (musl and glibc: to even, "2").
  CHECK(format("%.0f", 2.5) == "3");
#endif
}

TEST_CASE("snprintf: flags, widths, precisions and every conversion") {
  CHECK(format("[%5d|%-5d|%05d|%+d|% d]", 42, 42, -42, 7, 7) == "[   42|42   |-0042|+7| 7]");
  CHECK(format("[%.3d|%8.3f|%-8.1e|%G]", 5, 3.14159, 31415.9, 0.0000123) == "[005|   3.142|3.1e+04 |1.23E-05]");
  CHECK(format("%lld %lu %hhd %hu %zu", -9000000000LL, 4000000000UL, 300, 70000, static_cast<size_t>(12)) ==
        "-9000000000 4000000000 44 4464 12");
  CHECK(format("%#x %x %X %#X", 255, 0, 255, 171) == "0xff 0 FF 0XAB");
  CHECK(format("%c%c|%3c|%-3c|", 'o', 'k', 'a', 'b') == "ok|  a|b  |");
  CHECK(format("%s|%.2s|%6s|%-6s|", "text", "text", "ab", "ab") == "text|te|    ab|ab    |");
  CHECK(format("%g %g %g %g %#g", 100000.0, 1000000.0, 0.0001, 0.00001, 1.0) == "100000 1e+06 0.0001 1e-05 1.00000");
  CHECK(format("%e %.0f %#.0f %.0e", 0.0, 2.6, 3.0, 16.0) == "0.000000e+00 3 3. 2e+01");
  CHECK(format("%f %F %5.1f", HUGE_VAL, -HUGE_VAL, std::nan("")) == "inf -INF   nan");
  CHECK(format("100%% %d", 1) == "100% 1");
}

TEST_CASE("snprintf: a short buffer holds what fits and says what would have") {
  char buf[6];
  CHECK(std::snprintf(buf, sizeof buf, "%s-%d", "abcdef", 12) == 9);
  CHECK(std::string(buf) == "abcde");
  CHECK(std::snprintf(nullptr, 0, "%d", 12345) == 5);
}
