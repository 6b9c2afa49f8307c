#!/usr/bin/env bash
# Payload report: raw, gzip -9 and brotli sizes of every file a browser downloads to show
# the demo's first card, from dist/ (run ./build-wasm.sh first). The widget itself is
# carta.js + carta.wasm + fonts; the feed and pictures are the publisher's content.
#   scripts/payload.sh [--max-widget-gzip BYTES] [DIST]
# With --max-widget-gzip it fails (exit 1) when the widget's gzip -9 total is larger.
set -euo pipefail
max=""
if [ "${1:-}" = "--max-widget-gzip" ]; then max="${2:?--max-widget-gzip needs a number of bytes}"; shift 2; fi
dist="${1:-$(cd "$(dirname "$0")/.." && pwd)/dist}"
cd "$dist"
row() { printf '%-38s %10s %10s %10s\n' "$@"; }
group() {  # prints one row per file, then the group's total
  local name="$1"; shift
  local r=0 g=0 b=0 raw gz br
  for f in "$@"; do
    raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c); br=$(brotli -c -q 11 "$f" | wc -c)
    row "$f" "$raw" "$gz" "$br"
    r=$((r + raw)); g=$((g + gz)); b=$((b + br))
  done
  row "= $name" "$r" "$g" "$b"
  last_gzip=$g
}
# The release's content-hashed name of a file carta.js loads (carta.wasm is
# carta.<hash>.wasm), or the plain name in a dist/ written without scripts/release.mjs.
hashed() {
  local stem="${1%.*}" ext="${1##*.}" f
  for f in "$stem".[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]."$ext"; do
    [ -e "$f" ] && { echo "$f"; return; }
  done
  echo "$1"
}
row file raw gzip-9 brotli
group "widget (script, wasm, fonts)" carta.js "$(hashed carta.wasm)" "$(hashed fonts/carta-sans.ttf)" \
  "$(hashed fonts/carta-sans-bold.ttf)" "$(hashed fonts/carta-serif-bold.ttf)"
widget_gzip=$last_gzip
group "content (feed, first two pictures)" demo.json images/moscow-press-conference.jpg images/unifil-patrol.png
# Only for feeds that use Latin Extended-A (not the demo's):
group "extended Latin fonts, when needed" "$(hashed fonts/carta-ext-sans.ttf)" "$(hashed fonts/carta-ext-sans-bold.ttf)" \
  "$(hashed fonts/carta-ext-serif-bold.ttf)"
# Only for feeds with right-to-left text or scripts the atlas lacks (demo-ar.json, demo-world.json):
group "the browser's text stack, when needed" "$(hashed carta-text.js)"
# Only without WebGL 2 (or WebAssembly): the plain list.
group "the plain list, without WebGL 2" "$(hashed carta-fallback.js)"
if [ -n "$max" ]; then
  if [ "$widget_gzip" -gt "$max" ]; then
    echo "payload: the widget is $widget_gzip bytes gzip -9, over the budget of $max" >&2
    exit 1
  fi
  echo "payload: the widget is $widget_gzip bytes gzip -9, within the budget of $max"
fi
