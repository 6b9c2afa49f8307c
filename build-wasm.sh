#!/usr/bin/env bash
# Builds the WebAssembly widget and writes a self-contained site to dist/:
#   index.html (the demo page), server.html (the cards rendered by the server first: scripts/serve.mjs
#   renders them, as a partner's server would), carta.js (the loader, the one name that stays),
#   carta.<hash>.wasm, carta-text.<hash>.js (loaded only for right-to-left feeds and
#   scripts the font atlas lacks), carta-xml.<hash>.js + .wasm (only for RSS and Atom
#   feeds), integrity.json (every file's SRI hash), fonts/, demo.json, demo-ar.json,
#   demo-mixed.json, demo-world.json, demo-kinds.json, demo-rss.xml, images/,
#   embed.html (for iframes) and partner.html (every way to embed, side by side).
#   ./build-wasm.sh                  install what is missing, build, write dist/
#   ./build-wasm.sh --serve [--port N]   ...then serve dist/ on http://127.0.0.1:N/ (8080)
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"

serve=0
port=8080
while [ $# -gt 0 ]; do
  case "$1" in
    --serve) serve=1 ;;
    --port) port="${2:?--port needs a number}"; shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "build-wasm.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

scripts/deps.sh
export NODE_PATH=/usr/share/nodejs
cmake --preset wasm >/dev/null
cmake --build --preset wasm --target carta_web

dist="$root/dist"
rm -rf "$dist"
mkdir -p "$dist/fonts" "$dist/images"
cp build/wasm/carta.js build/wasm/carta.wasm build/wasm/carta-text.js build/wasm/carta-fallback.js build/wasm/carta-xml.js build/wasm/carta-xml.wasm "$dist/"
cp web/index.html web/server.html web/demo.css web/embed.html web/embed.css web/embed.js web/partner.html web/partner.js "$dist/"
# The gallery of publishers' looks, with the page fonts its looks name (Debian's fonts-noto-core).
cp web/gallery.html web/gallery.css web/carta-cards.css "$dist/"
mkdir -p "$dist/looks/fonts"
cp web/looks/*.css "$dist/looks/"
for f in NotoSerifDisplay-Bold NotoSansDisplay-Bold NotoSerif-Regular NotoSerif-Bold; do
  cp "/usr/share/fonts/truetype/noto/$f.ttf" "$dist/looks/fonts/"
done
cp assets/feeds/demo.json assets/feeds/demo-ar.json assets/feeds/demo-mixed.json assets/feeds/demo-world.json assets/feeds/demo-kinds.json assets/feeds/demo-rss.xml "$dist/"
scripts/make-demo-images.sh "$dist/images" >/dev/null
rm -f "$dist/images/.generated"
scripts/subset-fonts.sh "$dist/fonts"
mkdir -p "$dist/words"
cp assets/words/*.json "$dist/words/"
cp /usr/share/doc/fonts-noto-core/copyright "$dist/fonts/NOTICE-noto-fonts.txt"

# Content-hashed names for everything carta.js loads, its manifest inside carta.js, and
# dist/integrity.json with every file's SRI hash (scripts/release.mjs, docs/deploying.md).
node scripts/release.mjs "$dist"
# dist/npm/: the npm package carta-carousel (ES module, types, custom-elements.json).
node scripts/npm-package.mjs "$dist"

echo "dist/ written:"
(cd "$dist" && for f in carta.js carta*.wasm carta-*.js fonts/*.ttf; do
  printf '  %-36s %8d bytes  %7d gzip -9\n' "$f" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done)

if [ "$serve" = 1 ]; then
  exec node scripts/serve.mjs --dir "$dist" --port "$port"
fi
