/* Carta's right-to-left text engine: a C interface over GNU FriBiDi, linked into the native
 * tool, the tests and the fuzzer. The web widget has none: the browser's text stack sets
 * right-to-left text there (src/platform/web/web_bidi.cpp answers "no engine").
 * Text is UTF-32, changed in place. */
#ifndef CARTA_BIDI_H
#define CARTA_BIDI_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Shapes a paragraph, still in logical order: Arabic letters become their joined
 * presentation forms (initial, medial, final, isolated; U+FE70..U+FEFF and U+FB50..U+FDFF)
 * and lam + alef becomes one ligature. `rtl` is the paragraph's base direction (1 for
 * right-to-left). Returns the new length (ligatures make it shorter), or -1 on failure. */
int carta_bidi_shape(uint32_t* text, int length, int rtl);

/* Reorders one line of shaped text from logical to visual order (left to right on screen)
 * with the Unicode Bidirectional Algorithm, mirroring brackets inside right-to-left runs
 * with combining marks just left of their letter (where a mark without advance must start
 * to be drawn over it, left to right). Bidi controls, joiners and fillers,
 * which have nothing to draw, are dropped. Returns the new length, or -1. */
int carta_bidi_reorder(uint32_t* text, int length, int rtl);

#ifdef __cplusplus
}
#endif
#endif
