// strtod for the web builds, linked with -Wl,--wrap=strtod (cmake/web.cmake). nlohmann's
// lexer hands every JSON number with a fraction or an exponent to strtod, and musl's strtod
// computes in long double, which WebAssembly has only in software: 11 KB of carta.wasm (6 KB
// gzip). The browser's own number parser is correctly rounded (ECMAScript's StringToNumber),
// so the decimal number at `text` is read by it instead. Only decimal numbers are read
// (optional sign, digits, fraction, exponent: what JSON writes); no hex, inf or nan.
#include <emscripten/emscripten.h>

namespace {

EM_JS(double, carta_js_number, (const char* text, int length), { return Number(UTF8ToString(text, length)); });

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
