#!/usr/bin/env bash
# Installs everything Carta builds and tests with, from Debian's packages (and npm for the
# browser-test tooling). Idempotent and quiet when everything is already present.
#   scripts/deps.sh            native + wasm build and test dependencies
#   scripts/deps.sh --no-browser   skip chromium and the npm tooling
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

want_browser=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) want_browser=0 ;;
    *) echo "deps.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

packages=(
  cmake ninja-build g++ clang libclang-rt-14-dev pkg-config dpkg-dev xz-utils
  emscripten terser esbuild node-acorn node-typescript
  nlohmann-json3-dev doctest-dev libglfw3-dev libstb-dev libegl-dev libgles-dev
  fonts-noto-core fonts-dejavu-core fonts-dejavu-extra fonts-noto-cjk fonts-noto-color-emoji libpango1.0-dev libcairo2-dev python3-fonttools brotli
)
[ "$want_browser" = 1 ] && packages+=(chromium)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Dear ImGui 1.86 from Debian's source package, verified and cached outside the tree.
"$here/fetch-source.sh" imgui >/dev/null
"$here/fetch-source.sh" fribidi >/dev/null

# npm's own record of what it installed is older than the lock file when a package was
# added or changed since the last install.
installed="$root/tests/browser/node_modules/.package-lock.json"
if [ "$want_browser" = 1 ] && { [ ! -f "$installed" ] || [ "$root/tests/browser/package-lock.json" -nt "$installed" ]; }; then
  echo "deps: npm ci in tests/browser"
  (cd "$root/tests/browser" && npm ci --silent --no-audit --no-fund)
fi
exit 0
