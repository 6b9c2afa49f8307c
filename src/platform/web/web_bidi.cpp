// The web widget's link to the right-to-left engine. FriBiDi is not linked into carta.wasm:
// the page instantiates carta-bidi.wasm (src/bidi, built alone) when a feed has
// right-to-left text and hands its exports to the module as Module.cartaBidi. These two
// functions copy the text into that module's memory, call it and copy the result back.
// Until it has loaded they fail, and core/bidi.cpp leaves the text as it is.
#include <emscripten.h>

#include "carta_bidi.h"

// op 0 shapes, op 1 reorders; returns the new length or -1.
EM_JS(int, carta_js_bidi, (int op, uint32_t* text, int length, int rtl), {
  var b = Module['cartaBidi'];
  if (!b || length < 0) return -1;
  var at = b['malloc'](length * 4 + 4);
  if (!at) return -1;
  var start = text >> 2;
  new Uint32Array(b['memory'].buffer, at, length).set(HEAPU32.subarray(start, start + length));
  var n = b[op ? 'carta_bidi_reorder' : 'carta_bidi_shape'](at, length, rtl);
  if (n >= 0 && n <= length) HEAPU32.set(new Uint32Array(b['memory'].buffer, at, n), start);
  b['free'](at);
  return n <= length ? n : -1;
});

extern "C" {
int carta_bidi_shape(uint32_t* text, int length, int rtl) { return carta_js_bidi(0, text, length, rtl); }
int carta_bidi_reorder(uint32_t* text, int length, int rtl) { return carta_js_bidi(1, text, length, rtl); }
}
