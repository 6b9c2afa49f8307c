#!/usr/bin/env bash
# Builds the libFuzzer target for the feed reader (clang, ASan + UBSan) and runs it for a
# bounded time. Fails on any crash, leak, hang or sanitizer report.
#   scripts/fuzz.sh [SECONDS]     default 60
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
out="$root/build/fuzz"
mkdir -p "$out/corpus" "$out/artifacts"
fuzzer="$out/feed_fuzzer"
# The XML reader (src/xml over pugixml) too: the target reads any feed by content.
pugixml="$("$root/scripts/fetch-source.sh" pugixml)"
# Natively, legacy encodings are decoded by iconv (decode_none.cpp is the web build's).
sources=("$root"/src/core/*.cpp "$root"/src/xml/xml_feed.cpp "$root"/src/xml/encodings.cpp "$root"/src/xml/decode_iconv.cpp
         "$pugixml/src/pugixml.cpp" "$root/tests/fuzz/feed_fuzzer.cpp" "$out/words.cpp")
mkdir -p "$out"
"$root/scripts/embed-words.sh" "$out/words.cpp.new" "$root"/assets/words/*.json
cmp -s "$out/words.cpp.new" "$out/words.cpp" 2>/dev/null || mv "$out/words.cpp.new" "$out/words.cpp"
rm -f "$out/words.cpp.new"
# The card layout shapes right-to-left text with src/bidi over GNU FriBiDi: fuzzed too.
fribidi="$("$root/scripts/fetch-source.sh" fribidi)"
bidi_sources=("$root/src/bidi/carta_bidi.c")
while read -r part; do
  if [[ "$part" =~ ^[a-z] ]]; then bidi_sources+=("$fribidi/lib/$part.c"); fi
done < "$root/src/bidi/fribidi-parts.txt"
newest=$(ls -t "${sources[@]}" "${bidi_sources[@]}" "$root"/src/core/*.h "$root"/src/xml/*.h "$root"/src/bidi/* | head -1)
if [ ! -x "$fuzzer" ] || [ "$newest" -nt "$fuzzer" ]; then
  mkdir -p "$out/include" "$out/obj"
  ln -sfn /usr/include/nlohmann "$out/include/nlohmann"
  objects=()
  for c in "${bidi_sources[@]}"; do
    o="$out/obj/$(basename "$c" .c).o"
    quiet=(); [ "$c" = "$root/src/bidi/carta_bidi.c" ] || quiet=(-w)  # FriBiDi is not our code
    clang -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined "${quiet[@]}" \
      -DDONT_HAVE_FRIBIDI_CONFIG_H -DHAVE_STDLIB_H=1 -DHAVE_STRING_H=1 -DHAVE_STRINGIZE=1 -DSTDC_HEADERS=1 \
      -I"$fribidi/lib" -c "$c" -o "$o"
    objects+=("$o")
  done
  clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DPUGIXML_NO_XPATH -DPUGIXML_NO_EXCEPTIONS -DPUGIXML_NO_STL -isystem "$pugixml/src" \
    -I"$root/src" -I"$root/src/bidi" -isystem "$out/include" "${sources[@]}" "${objects[@]}" -o "$fuzzer"
fi
seeds=("$root/tests/fuzz/corpus" "$root/assets/feeds")
[ -d "$root/tests/golden/feeds" ] && seeds+=("$root/tests/golden/feeds")
# New inputs go to build/fuzz/corpus; the seeds in the tree are only read.
set +e
"$fuzzer" "$out/corpus" "${seeds[@]}" -dict="$root/tests/fuzz/json.dict" \
  -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$out/artifacts/" -print_final_stats=1 > "$out/last-run.log" 2>&1
status=$?
set -e
grep -E "^#[0-9]+.*(DONE|INITED)|stat::(number_of_executed_units|average_exec_per_sec)|ERROR|SUMMARY|Test unit written" \
  "$out/last-run.log" || true
if [ "$status" -ne 0 ]; then
  echo "fuzz: the fuzzer found a problem (exit $status); see $out/last-run.log and $out/artifacts/" >&2
  exit 1
fi
echo "fuzz: clean after ${seconds} s"
