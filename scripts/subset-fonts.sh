#!/usr/bin/env bash
# Writes the widget's fonts to OUT_DIR, subset from Debian's fonts-noto-core to the glyphs
# a card draws — the same ranges src/draw/fonts.cpp rasterizes — with hinting and layout
# tables the atlas ignores dropped: carta-*.ttf (Latin, Latin-1, general punctuation, €, ™)
# and carta-ext-*.ttf (Latin Extended-A, fetched only when a feed needs it). Other scripts,
# right-to-left ones included, are set by the browser's own text stack in the page's fonts.
set -euo pipefail
out="${1:?usage: subset-fonts.sh OUT_DIR}"
src="${CARTA_FONT_DIR:-/usr/share/fonts/truetype/noto}"
mkdir -p "$out"
# The base set, always loaded, and Latin Extended-A, fetched only for feeds that use it.
base="U+0020-00FF,U+2010-2027,U+2030,U+2032-2033,U+2039-203A,U+2044,U+20AC,U+2122"
extended="U+0100-017F"
subset() {
  local from="$src/$1" to="$out/$2" unicodes="$3"
  if [ -f "$to" ] && [ "$to" -nt "$from" ] && [ "$to" -nt "$0" ]; then return; fi
  /usr/bin/python3 -m fontTools.subset "$from" --output-file="$to" --unicodes="$unicodes" \
    --layout-features='' --no-hinting --desubroutinize --drop-tables+=GSUB,GPOS,GDEF,DSIG \
    --name-IDs='0,1,2,3,4,5,6,13,14' --name-legacy --notdef-outline
}
subset NotoSans-Regular.ttf carta-sans.ttf "$base"
subset NotoSans-Bold.ttf carta-sans-bold.ttf "$base"
subset NotoSerif-Bold.ttf carta-serif-bold.ttf "$base"
subset NotoSans-Regular.ttf carta-ext-sans.ttf "$extended"
subset NotoSans-Bold.ttf carta-ext-sans-bold.ttf "$extended"
subset NotoSerif-Bold.ttf carta-ext-serif-bold.ttf "$extended"
