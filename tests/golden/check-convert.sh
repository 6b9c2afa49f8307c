#!/usr/bin/env bash
# Golden output of `carta convert`: each convert/NAME.xml must print exactly convert/NAME.json
# (plus the demo's RSS feed against demo-rss.json), and that JSON must itself be a valid
# JSON Feed with no warning. --update rewrites the references (read every diff first).
set -euo pipefail
carta="${1:?usage: check-convert.sh CARTA [--update]}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
update=0
[ "${2:-}" = "--update" ] && update=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
for xml in "$here"/convert/*.xml "$root/assets/feeds/demo-rss.xml"; do
  name="$(basename "$xml" .xml)"
  expected="$here/convert/$name.json"
  if ! "$carta" convert "$xml" >"$work/$name.json" 2>"$work/$name.log"; then
    echo "FAIL $name: carta convert failed"; cat "$work/$name.log"; failed=1; continue
  fi
  if [ -s "$work/$name.log" ]; then
    echo "FAIL $name: carta convert warned"; cat "$work/$name.log"; failed=1; continue
  fi
  if [ "$update" = 1 ]; then cp "$work/$name.json" "$expected"; echo "updated $name"; continue; fi
  if ! diff -u "$expected" "$work/$name.json"; then echo "FAIL $name: output differs"; failed=1; continue; fi
  if ! verdict=$("$carta" validate "$work/$name.json") || [[ "$verdict" != *"0 errors, 0 warnings"* ]]; then
    echo "FAIL $name: the converted JSON is not a clean JSON Feed: $verdict"; failed=1; continue
  fi
  echo "ok   $name: $verdict"
done
# The mapping table is documented twice, for publishers (README) and beside the schema.
table() { awk '/^\| JSON Feed \/ `_carta`/{on=1} on && /^\|/{print; next} on{exit}' "$1"; }
if [ -z "$(table "$root/README.md")" ] || ! diff -u <(table "$root/README.md") <(table "$root/schema/README.md"); then
  echo "FAIL the RSS and Atom mapping tables of README.md and schema/README.md differ (or are missing)"; failed=1
else
  echo "ok   the mapping table: README.md and schema/README.md agree"
fi
exit "$failed"
