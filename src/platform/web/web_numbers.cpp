// strtod for the web builds, linked with -Wl,--wrap=strtod (cmake/web.cmake). nlohmann's
// lexer hands every JSON number with a fraction or an exponent to strtod, and musl's strtod
// computes in long double, which WebAssembly has only in software: 11 KB of carta.wasm (6 KB
// gzip). The browser's own number parser is correctly rounded (ECMAScript's StringToNumber),
// so the decimal number at `text` is read by it instead. Only decimal numbers are read
// (optional sign, digits, fraction, exponent: what JSON writes); no hex, inf or nan.
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

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

// snprintf and vsnprintf for the web builds, linked with -Wl,--wrap=snprintf,--wrap=vsnprintf:
// musl's printf core (with its long-double float formatting) is 8 KB of carta.wasm (about
// 3.5 KB gzip), for a handful of calls — hex colours, a JSON writer's "%.2f", a numeric id's
// "%.17g", nlohmann's "<U+%.4X>" in a syntax error. This one does what C99 says for the
// flags (- 0 + space #), width and precision (also *), the length modifiers, and d i u x X
// c s f F e E g G % (no octal, no pointers: nothing here asks for them); the browser's Number.prototype.toFixed and toExponential give a
// float's digits, rounded from its exact value as C does — except that a value exactly
// halfway between two outputs (2.5 at "%.0f") rounds up where musl rounds to even.
// tests/unit/test_format.cpp checks it against the C library natively, with the same
// expectations.
namespace {

// `x` (finite, not negative) with `digits` after the point, fixed ('f') or as d.ddde±X
// ('e', JavaScript's exponent: "e+0", "e-7"), into `out`; returns its length.
EM_JS(int, carta_js_digits, (double x, int exponential, int digits, char* out, int size), {
  var s = exponential ? x.toExponential(digits) : x.toFixed(digits);
  var n = Math.min(s.length, size);
  for (var i = 0; i < n; i++) HEAPU8[out + i] = s.charCodeAt(i);
  return n;
});

struct Sink {
  char* buf;
  size_t size;
  size_t length = 0;
  void put(char c) {
    if (length + 1 < size) buf[length] = c;
    ++length;
  }
  void put(const char* s, size_t n) {
    for (size_t i = 0; i < n; ++i) put(s[i]);
  }
  void repeat(char c, int n) {
    for (int i = 0; i < n; ++i) put(c);
  }
};

struct Spec {
  bool left = false, zero = false, plus = false, space = false, alt = false;
  int width = 0, precision = -1;
};

// A converted field: sign or prefix, then zeros, then the digits, padded to the width.
void field(Sink& out, const Spec& s, const char* prefix, int zeros, const char* body, size_t n) {
  const size_t p = std::char_traits<char>::length(prefix);
  const int used = static_cast<int>(p + n) + zeros, pad = s.width > used ? s.width - used : 0;
  if (!s.left && !s.zero) out.repeat(' ', pad);
  out.put(prefix, p);
  if (!s.left && s.zero) out.repeat('0', pad);
  out.repeat('0', zeros);
  out.put(body, n);
  if (s.left) out.repeat(' ', pad);
}

void integer(Sink& out, Spec s, unsigned long long v, bool negative, char conv) {
  const unsigned base = conv == 'x' || conv == 'X' ? 16 : 10;
  const char* digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  char tmp[32];
  int n = 0;
  for (; v; v /= base) tmp[31 - n++] = digits[v % base];
  if (s.precision >= 0) s.zero = false;
  const int min = s.precision < 0 ? 1 : s.precision;
  int zeros = n < min ? min - n : 0;
  const char* prefix = negative ? "-" : s.plus && base == 10 ? "+" : s.space && base == 10 ? " " : "";
  if (s.alt && base == 16 && n > 0) prefix = conv == 'X' ? "0X" : "0x";
  field(out, s, prefix, zeros, tmp + 32 - n, n);
}

void floating(Sink& out, Spec s, double v, char conv) {
  const bool upper = conv == 'F' || conv == 'E' || conv == 'G';
  const char lower = static_cast<char>(conv | 0x20);
  const char* sign = std::signbit(v) ? "-" : s.plus ? "+" : s.space ? " " : "";
  v = std::fabs(v);
  if (!std::isfinite(v)) {
    s.zero = false;
    const char* text = std::isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    field(out, s, sign, 0, text, 3);
    return;
  }
  int precision = s.precision < 0 ? 6 : s.precision;
  bool exponential = lower == 'e', trim = false;
  if (lower == 'g') {  // %e's exponent decides: fixed when -4 <= X < P
    const int p = precision == 0 ? 1 : precision;
    char e[128];
    const int n = carta_js_digits(v, 1, p - 1, e, sizeof e);
    const int x = std::atoi(std::find(e, e + n, 'e') + 1);
    exponential = x < -4 || x >= p;
    precision = exponential ? p - 1 : p - 1 - x;
    trim = !s.alt;
  }
  char d[160];
  int n = carta_js_digits(v, exponential, precision, d, sizeof d - 8);
  char* e = std::find(d, d + n, 'e');
  char* mantissa_end = e;
  if (trim && std::find(d, mantissa_end, '.') != mantissa_end) {  // %g drops trailing zeros, and a lone point
    while (mantissa_end[-1] == '0') --mantissa_end;
    if (mantissa_end[-1] == '.') --mantissa_end;
  } else if (s.alt && precision == 0) {
    *mantissa_end++ = '.';  // '#': the point stays
  }
  char body[176];
  int b = static_cast<int>(std::copy(d, mantissa_end, body) - body);
  if (exponential) {  // C writes at least two exponent digits: "e+05"
    body[b++] = upper ? 'E' : 'e';
    char* x = e + 1;
    body[b++] = *x == '-' ? '-' : '+';
    if (*x == '-' || *x == '+') ++x;
    const int digits = static_cast<int>(d + n - x);
    if (digits < 2) body[b++] = '0';
    b = static_cast<int>(std::copy(x, d + n, body + b) - body);
  }
  field(out, s, sign, 0, body, b);
}

}  // namespace

extern "C" int __wrap_vsnprintf(char* buf, size_t size, const char* format, va_list args) {
  va_list ap;
  va_copy(ap, args);
  Sink out{buf, size};
  for (const char* f = format; *f; ++f) {
    if (*f != '%') {
      out.put(*f);
      continue;
    }
    Spec s;
    for (++f;; ++f) {
      if (*f == '-') s.left = true;
      else if (*f == '0') s.zero = true;
      else if (*f == '+') s.plus = true;
      else if (*f == ' ') s.space = true;
      else if (*f == '#') s.alt = true;
      else break;
    }
    if (*f == '*') {
      s.width = va_arg(ap, int), ++f;
      if (s.width < 0) s.left = true, s.width = -s.width;
    }
    while (digit(*f)) s.width = s.width * 10 + (*f++ - '0');
    if (*f == '.') {
      ++f;
      s.precision = 0;
      if (*f == '*') s.precision = va_arg(ap, int), ++f;
      while (digit(*f)) s.precision = s.precision * 10 + (*f++ - '0');
    }
    int length = 0;  // -2 hh, -1 h, 1 l, 2 ll (j z t: 64 or 32 bits, as long long or long)
    for (;; ++f) {
      if (*f == 'h') length = length < 0 ? -2 : -1;
      else if (*f == 'l') length = length > 0 ? 2 : 1;
      else if (*f == 'j' || *f == 'z' || *f == 't') length = sizeof(size_t) == 8 ? 2 : 1;
      else if (*f == 'L') length = 0;
      else break;
    }
    const char conv = *f;
    if (s.left) s.zero = false;
    switch (conv) {
      case 'd':
      case 'i': {
        long long v = length >= 2 ? va_arg(ap, long long) : length == 1 ? va_arg(ap, long) : va_arg(ap, int);
        if (length == -1) v = static_cast<short>(v);
        if (length == -2) v = static_cast<signed char>(v);
        integer(out, s, v < 0 ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v), v < 0, conv);
        break;
      }
      case 'u':
      case 'x':
      case 'X': {
        unsigned long long v = length >= 2 ? va_arg(ap, unsigned long long) : length == 1 ? va_arg(ap, unsigned long)
                                                                                        : va_arg(ap, unsigned);
        if (length == -1) v = static_cast<unsigned short>(v);
        if (length == -2) v = static_cast<unsigned char>(v);
        integer(out, s, v, false, conv);
        break;
      }
      case 'c': {
        const char c = static_cast<char>(va_arg(ap, int));
        s.zero = false;
        field(out, s, "", 0, &c, 1);
        break;
      }
      case 's': {
        const char* text = va_arg(ap, const char*);
        if (!text) text = "(null)";
        size_t n = 0;
        while (text[n] && (s.precision < 0 || n < static_cast<size_t>(s.precision))) ++n;
        s.zero = false;
        field(out, s, "", 0, text, n);
        break;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
        floating(out, s, va_arg(ap, double), conv);
        break;
      case '%':
        out.put('%');
        break;
      default:  // not a conversion: as written, and the end of the format
        if (!conv) --f;
        break;
    }
  }
  va_end(ap);
  if (size) buf[out.length < size ? out.length : size - 1] = '\0';
  return static_cast<int>(out.length);
}

extern "C" int __wrap_snprintf(char* buf, size_t size, const char* format, ...) {
  va_list args;
  va_start(args, format);
  const int n = __wrap_vsnprintf(buf, size, format, args);
  va_end(args);
  return n;
}
