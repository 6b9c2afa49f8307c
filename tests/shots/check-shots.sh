#!/usr/bin/env bash
# Renders every row of shots.tsv with `carta shot` and compares it with its reference in
# expected/ (per-channel tolerance 24) two ways: at most 0.2% of the whole image's pixels
# different, and line by line, at most 2% of each line of text's box (image_diff --boxes).
# The global cap alone is 720 px at 800x450, more than a card's whole byline and date line
# (469 to 1 199 px at dpr 1); a line that is gone changes 15-22% of its box (11% for the
# least inked box of all, two CJK characters), while on these references every box matches
# to the pixel, run after run, in both themes and at dpr 2. The boxes are those of the
# reference's run, checked in beside it (expected/NAME.boxes.tsv: a line the layout no
# longer gives is still looked for), and those of this run (a new line is looked at too).
# On a mismatch the actual image, its boxes and a diff image (failing boxes outlined in
# blue) are kept in actual/ beside the references.
#   tests/shots/check-shots.sh CARTA IMAGE_DIFF [--update]
# --update rewrites the references and their boxes (look at every image before committing).
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
  boxes="$work/$name.boxes.tsv"
  # shellcheck disable=SC2086  # options are words by design
  if ! "$carta" shot "$root/$feed" -o "$out" --boxes "$boxes" --now "$now" $options 2>"$work/$name.log"; then
    echo "FAIL $name: carta shot failed"; cat "$work/$name.log"; failed+=("$name"); continue
  fi
  if [ "$update" = 1 ]; then
    cp "$out" "$here/expected/$name.png"
    cp "$boxes" "$here/expected/$name.boxes.tsv"
    echo "updated $name"
    continue
  fi
  if [ ! -f "$here/expected/$name.png" ] || [ ! -f "$here/expected/$name.boxes.tsv" ]; then
    echo "FAIL $name: no reference expected/$name.png and its expected/$name.boxes.tsv (run with --update and look at it)"
    cp "$out" "$here/actual/$name.png"; cp "$boxes" "$here/actual/$name.boxes.tsv"; failed+=("$name"); continue
  fi
  if result=$("$image_diff" "$here/expected/$name.png" "$out" "$here/actual/$name.diff.png" \
                --boxes "$here/expected/$name.boxes.tsv" --boxes "$boxes"); then
    echo "ok   $name: $result"
    rm -f "$here/actual/$name.png" "$here/actual/$name.boxes.tsv" "$here/actual/$name.diff.png"
  else
    echo "FAIL $name: $result"
    echo "     expected: tests/shots/expected/$name.png  actual: tests/shots/actual/$name.png  diff: tests/shots/actual/$name.diff.png"
    cp "$out" "$here/actual/$name.png"
    cp "$boxes" "$here/actual/$name.boxes.tsv"
    failed+=("$name")
  fi
done < "$here/shots.tsv"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "${#failed[@]} screenshot(s) differ: ${failed[*]}"
  exit 1
fi
