// The web widget has no right-to-left engine of its own: the browser's text stack
// (carta-text.js, through web_text.cpp) breaks, shapes and orders every right-to-left
// paragraph, as it would in a DOM carousel, so core/bidi.cpp is never asked to on the web.
// These answer "no engine" (-1), and bidi.cpp then leaves text as it is.
#include "carta_bidi.h"

extern "C" {
int carta_bidi_shape(uint32_t*, int, int) { return -1; }
int carta_bidi_reorder(uint32_t*, int, int) { return -1; }
}
