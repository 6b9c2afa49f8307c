#!/usr/bin/env bash
# Installs the two other browser engines the browser tests run in (tests/browser/engines.test.mjs),
# from Debian's packages, and their npm driver. Idempotent and quiet when everything is present.
#   firefox-esr         Firefox ESR, driven over WebDriver BiDi by puppeteer-core (npm)
#   webkit2gtk-driver   WebKitWebDriver, which drives WebKitGTK's MiniBrowser (in
#                       libwebkit2gtk-4.1-0) over classic WebDriver (plain HTTP from the tests)
#   xvfb                the X display both run in (headless Firefox has no WebGL 2)
#   libgl1-mesa-dri     Mesa's llvmpipe: WebGL 2 in software under Xvfb
# puppeteer-core is in tests/browser/package-lock.json beside playwright-core; it downloads
# no browser of its own.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

packages=(firefox-esr webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb libgl1-mesa-dri)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "deps-engines: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The npm side, as scripts/deps.sh does it: npm ci when the lock file is newer than what npm
# last installed, or when puppeteer-core is not there at all.
installed="$root/tests/browser/node_modules/.package-lock.json"
if [ ! -f "$installed" ] || [ "$root/tests/browser/package-lock.json" -nt "$installed" ] ||
   [ ! -f "$root/tests/browser/node_modules/puppeteer-core/package.json" ]; then
  echo "deps-engines: npm ci in tests/browser"
  (cd "$root/tests/browser" && npm ci --silent --no-audit --no-fund)
fi
exit 0
