// strtod for the web builds, linked with -Wl,--wrap=strtod (cmake/web.cmake). nlohmann's
// lexer hands every JSON number with a fraction or an exponent to strtod, and musl's strtod
// computes in long double, which WebAssembly has only in software: 11 KB of carta.wasm (6 KB
// gzip). The browser's own number parser is correctly rounded (ECMAScript's StringToNumber),
// so the decimal number at `text` is read by it instead. Only decimal numbers are read
// (optional sign, digits, fraction, exponent: what JSON writes); no hex, inf or nan.
#include <emscripten/emscripten.h>

namespace {

EM_JS(double, carta_js_number, (const char* text, int length), { return Number(UTF8ToString(text, length)); });

EM_JS(float, carta_js_cos, (float x), { return Math.cos(x); });
EM_JS(float, carta_js_sin, (float x), { return Math.sin(x); });

bool digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

extern "C" double __wrap_strtod(const char* text, char** end) {
  const char* p = text;
  while (*p == ' ' || (*p >= '\t' && *p <= '\r')) ++p;
  const char* start = p;
  if (*p == '+' || *p == '-') ++p;
  const char* digits = p;
  while (digit(*p)) ++p;
  bool any = p > digits;
  if (*p == '.') {
    const char* fraction = ++p;
    while (digit(*p)) ++p;
    any = any || p > fraction;
  }
  if (!any) {  // no number here: nothing read, as strtod says it
    if (end) *end = const_cast<char*>(text);
    return 0;
  }
  if (*p == 'e' || *p == 'E') {
    const char* q = p + 1;
    if (*q == '+' || *q == '-') ++q;
    if (digit(*q)) {
      while (digit(*q)) ++q;
      p = q;
    }
  }
  if (end) *end = const_cast<char*>(p);
  return carta_js_number(start, static_cast<int>(p - start));
}

// sinf and cosf for the web builds, linked with -Wl,--wrap=sinf,--wrap=cosf: ImGui asks for
// them only to make its table of circle points, a few dozen calls per widget, and musl's
// (with their argument reduction for huge angles) are 2.8 KB of carta.wasm. The browser's
// Math.sin and Math.cos answer instead.
extern "C" float __wrap_cosf(float x) { return carta_js_cos(x); }
extern "C" float __wrap_sinf(float x) { return carta_js_sin(x); }
