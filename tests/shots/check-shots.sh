#!/usr/bin/env bash
# Renders every row of shots.tsv with `carta shot` and compares it with its reference in
# expected/ (per-channel tolerance 24, at most 0.2% of pixels different). On a mismatch the
# actual image and a diff image are kept in actual/ beside the references.
#   tests/shots/check-shots.sh CARTA IMAGE_DIFF [--update]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
carta="${1:?usage: check-shots.sh CARTA IMAGE_DIFF [--update]}"
image_diff="${2:?usage: check-shots.sh CARTA IMAGE_DIFF [--update]}"
update=0
[ "${3:-}" = "--update" ] && update=1
# The same moment for every run, so relative dates never drift.
now="2025-08-10T12:00:00Z"

"$root/scripts/make-demo-images.sh" >/dev/null
mkdir -p "$here/expected" "$here/actual"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"  # options may name folders of the repository (--image-root)
failed=()
while IFS=$'\t' read -r name feed options; do
  [ -z "$name" ] || [ "${name:0:1}" = "#" ] && continue
  out="$work/$name.png"
  # shellcheck disable=SC2086  # options are words by design
  if ! "$carta" shot "$root/$feed" -o "$out" --now "$now" $options 2>"$work/$name.log"; then
    echo "FAIL $name: carta shot failed"; cat "$work/$name.log"; failed+=("$name"); continue
  fi
  if [ "$update" = 1 ]; then
    cp "$out" "$here/expected/$name.png"
    echo "updated $name"
    continue
  fi
  if [ ! -f "$here/expected/$name.png" ]; then
    echo "FAIL $name: no reference expected/$name.png (run with --update and look at it)"
    cp "$out" "$here/actual/$name.png"; failed+=("$name"); continue
  fi
  if result=$("$image_diff" "$here/expected/$name.png" "$out" "$here/actual/$name.diff.png"); then
    echo "ok   $name: $result"
    rm -f "$here/actual/$name.png" "$here/actual/$name.diff.png"
  else
    echo "FAIL $name: $result"
    echo "     expected: tests/shots/expected/$name.png  actual: tests/shots/actual/$name.png  diff: tests/shots/actual/$name.diff.png"
    cp "$out" "$here/actual/$name.png"
    failed+=("$name")
  fi
done < "$here/shots.tsv"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "${#failed[@]} screenshot(s) differ: ${failed[*]}"
  exit 1
fi
