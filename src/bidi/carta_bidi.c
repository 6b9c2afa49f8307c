/* See carta_bidi.h. Every call analyses its own text: a paragraph for shaping, a line for
 * reordering. Splitting a paragraph into lines between the two calls is the caller's job. */
#include "carta_bidi.h"

#include <stdlib.h>

#include <fribidi.h>

/* The bidi classes, bracket pairs and resolved levels of `text` as one paragraph. */
typedef struct {
  FriBidiCharType* types;
  FriBidiBracketType* brackets;
  FriBidiLevel* levels;
  FriBidiParType base;
} Analysis;

static void release(Analysis* a) {
  free(a->types);
  free(a->brackets);
  free(a->levels);
}

static int analyse(const FriBidiChar* text, int length, int rtl, Analysis* a) {
  a->types = (FriBidiCharType*)malloc(sizeof(FriBidiCharType) * (size_t)length);
  a->brackets = (FriBidiBracketType*)malloc(sizeof(FriBidiBracketType) * (size_t)length);
  a->levels = (FriBidiLevel*)malloc(sizeof(FriBidiLevel) * (size_t)length);
  a->base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  if (!a->types || !a->brackets || !a->levels) return 0;
  fribidi_get_bidi_types(text, length, a->types);
  fribidi_get_bracket_types(text, length, a->types, a->brackets);
  return fribidi_get_par_embedding_levels_ex(a->types, a->brackets, length, &a->base, a->levels) != 0;
}

int carta_bidi_shape(uint32_t* text, int length, int rtl) {
  if (length <= 0) return length < 0 ? -1 : 0;
  FriBidiChar* str = (FriBidiChar*)text;
  Analysis a = {0};
  FriBidiArabicProp* joining = (FriBidiArabicProp*)malloc(sizeof(FriBidiArabicProp) * (size_t)length);
  int out = -1;
  if (joining && analyse(str, length, rtl, &a)) {
    fribidi_get_joining_types(str, length, joining);
    fribidi_join_arabic(a.types, length, a.levels, joining);
    fribidi_shape(FRIBIDI_FLAG_SHAPE_ARAB_PRES | FRIBIDI_FLAG_SHAPE_ARAB_LIGA, a.levels, length, joining, str);
    /* A ligature leaves a filler (U+FEFF) where its first letter was: nothing to draw. */
    out = 0;
    for (int i = 0; i < length; ++i)
      if (str[i] != FRIBIDI_CHAR_FILL) str[out++] = str[i];
  }
  free(joining);
  release(&a);
  return out;
}

/* Marks that steer bidi and joining but have nothing to draw. */
static int invisible(FriBidiChar c) {
  return c == 0x061C || (c >= 0x200C && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == FRIBIDI_CHAR_FILL;
}

int carta_bidi_reorder(uint32_t* text, int length, int rtl) {
  if (length <= 0) return length < 0 ? -1 : 0;
  FriBidiChar* str = (FriBidiChar*)text;
  Analysis a = {0};
  int out = -1;
  if (analyse(str, length, rtl, &a)) {
    fribidi_shape_mirroring(a.levels, length, str);
    /* Without FRIBIDI_FLAG_REORDER_NSM: in a right-to-left run a combining mark stays before
     * (left of) its letter in visual order. Noto's Arabic marks have no advance and draw to
     * the right of their origin, so drawn first, left to right, they land on the letter. */
    if (fribidi_reorder_line(0, a.types, length, 0, a.base, a.levels, str, NULL)) {
      out = 0;
      for (int i = 0; i < length; ++i)
        if (!invisible(str[i])) str[out++] = str[i];
    }
  }
  release(&a);
  return out;
}
