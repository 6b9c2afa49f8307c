#!/usr/bin/env bash
# Writes the widget's fonts to OUT_DIR, subset from Debian's fonts-noto-core to the glyphs
# a card draws (Latin, Latin-1, Latin Extended-A, general punctuation, € and ™) — the same
# ranges src/draw/fonts.cpp rasterizes — with hinting and layout tables the atlas ignores
# dropped.
set -euo pipefail
out="${1:?usage: subset-fonts.sh OUT_DIR}"
src="${CARTA_FONT_DIR:-/usr/share/fonts/truetype/noto}"
mkdir -p "$out"
unicodes="U+0020-017F,U+2010-205E,U+20AC,U+2122"
subset() {
  local from="$src/$1" to="$out/$2"
  if [ -f "$to" ] && [ "$to" -nt "$from" ] && [ "$to" -nt "$0" ]; then return; fi
  /usr/bin/python3 -m fontTools.subset "$from" --output-file="$to" --unicodes="$unicodes" \
    --layout-features='' --no-hinting --desubroutinize --drop-tables+=GSUB,GPOS,GDEF,DSIG \
    --name-IDs='0,1,2,3,4,5,6,13,14' --name-legacy --notdef-outline
}
subset NotoSans-Regular.ttf carta-sans.ttf
subset NotoSans-Bold.ttf carta-sans-bold.ttf
subset NotoSerif-Bold.ttf carta-serif-bold.ttf
