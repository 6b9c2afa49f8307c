#!/usr/bin/env bash
# Runs every test Carta has, on a fresh Debian machine as on a developer's:
#   0. the page layer's JavaScript unit tests under Node (tests/js/: no browser, seconds)
#   1. the core's doctest unit tests, native, plus the native tool's own checks (ctest)
#   2. the same unit tests and tool checks under AddressSanitizer + UBSan
#   3. the same unit tests compiled to WebAssembly, run under Node
#   4. the feed reader's libFuzzer target for a bounded time (CARTA_FUZZ_SECONDS, 60)
#   5. browser tests: headless Chromium (playwright-core) against the built dist/ site, and
#      the demo's smoke tests in Firefox ESR and WebKitGTK under Xvfb (engines.test.mjs)
# Installs what is missing first (scripts/deps.sh, scripts/deps-engines.sh). Exits non-zero on
# the first failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export NODE_PATH=/usr/share/nodejs

step() { printf '\n=== %s ===\n' "$*"; }
start=$(date +%s)

step "dependencies"
scripts/deps.sh
scripts/deps-engines.sh
# Installed just above: a missing Firefox or WebKit fails engines.test.mjs instead of skipping it.
export CARTA_ENGINES=required

step "page layer unit tests (node --test tests/js, no browser)"
node --test tests/js/

step "native build + unit tests"
cmake --preset native >/dev/null
cmake --build --preset native
ctest --preset native

step "AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize
ctest --preset sanitize

step "WebAssembly build + unit tests under Node"
./build-wasm.sh
cmake --build --preset wasm
ctest --preset wasm
scripts/payload.sh --max-widget-gzip 170000   # 170 KB: carta.js + carta.wasm + base fonts

step "the npm package (dist/npm: imported under Node, npm pack, types under tsc --strict)"
node --test tests/npm/

step "fuzzing the feed reader (libFuzzer + ASan + UBSan, bounded)"
scripts/fuzz.sh "${CARTA_FUZZ_SECONDS:-60}"

step "browser tests (headless Chromium; Firefox and WebKit under Xvfb)"
(cd tests/browser && node --test)

echo
echo "all tests passed in $(( $(date +%s) - start )) s"
