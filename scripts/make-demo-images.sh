#!/usr/bin/env bash
# Generates the demo feed's pictures into OUT_DIR (default assets/feeds/images), compiling
# the small painter once into build/tools. Nothing is downloaded.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/assets/feeds/images}"
tool="$root/build/tools/demo_images"
mkdir -p "$root/build/tools" "$out"
if [ ! -x "$tool" ] || [ "$root/scripts/demo_images.cpp" -nt "$tool" ]; then
  c++ -std=c++17 -O2 -w -o "$tool" "$root/scripts/demo_images.cpp"
fi
stamp="$out/.generated"
if [ ! -f "$stamp" ] || [ "$tool" -nt "$stamp" ]; then
  "$tool" "$out"
  touch "$stamp"
fi
