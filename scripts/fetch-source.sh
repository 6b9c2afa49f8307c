#!/usr/bin/env bash
# Fetches one of Debian's source packages that Carta compiles itself (Dear ImGui for both
# builds, GNU FriBiDi for both builds, pugixml for the XML feed reader), verifies every file against the SHA-256 sums in its
# .dsc, and unpacks it into a cache outside the source tree. Prints the unpacked directory.
# Nothing is downloaded when the cache is already complete.
#   scripts/fetch-source.sh imgui|fribidi|pugixml
set -euo pipefail
case "${1:-}" in
  imgui) package=imgui; version="1.86+ds-1" ;;
  fribidi) package=fribidi; version="1.0.8-2.1" ;;
  pugixml) package=pugixml; version="1.13-0.2" ;;
  *) echo "usage: fetch-source.sh imgui|fribidi|pugixml" >&2; exit 2 ;;
esac
cache="${CARTA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/carta}"
dest="$cache/$package-$version"

if [ -f "$dest/.verified" ]; then echo "$dest"; exit 0; fi

work="$cache/$package-download"
rm -rf "$work" && mkdir -p "$work/lists/partial" "$work/parts"
# A deb-src entry derived from this machine's own sources, in a private apt configuration
# so the system's apt state is left alone and no mirror is named here.
src_list=""
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  sed 's/^Types: deb$/Types: deb-src/' "$f" > "$work/parts/$(basename "$f")"
  src_list=1
done
if [ -f /etc/apt/sources.list ] && grep -q '^deb ' /etc/apt/sources.list; then
  sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > "$work/parts/sources-list.list"
  src_list=1
fi
[ -n "$src_list" ] || { echo "fetch-source: no apt sources found" >&2; exit 2; }

apt_opts=(-o "Dir::Etc::SourceParts=$work/parts" -o "Dir::Etc::SourceList=/dev/null"
          -o "Dir::State::Lists=$work/lists" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")
apt-get "${apt_opts[@]}" update -qq >&2
(cd "$work" && apt-get "${apt_opts[@]}" source --download-only -qq "$package=$version" >&2)

dsc="$(ls "$work"/${package}_*.dsc)"
# Check every file the .dsc lists against its SHA-256 sum.
awk '/^Checksums-Sha256:/{on=1; next} /^[^ ]/{on=0} on && NF==3 {print $1"  "$3}' "$dsc" \
  > "$work/sums"
[ -s "$work/sums" ] || { echo "fetch-source: no checksums in $dsc" >&2; exit 1; }
(cd "$work" && sha256sum --quiet -c sums >&2)

rm -rf "$dest"
(cd "$work" && dpkg-source --no-check -x "$(basename "$dsc")" "$dest" >/dev/null)
touch "$dest/.verified"
rm -rf "$work"
echo "$dest"
