#!/usr/bin/env bash
# `make bench`, part 2: the whole pipeline (`nianbao analyze`, release, 2 jobs) on the national
# corpus in ../shared and on a generated corpus of fictional counties, beside raw ICU word breaking
# of the same text in the same run. Peak memory from /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/nianbao
icu=bench/out/icu_wordbreak
mkdir -p bench/out

# measure NAME CORPUS_ARGS...: analyse, then segment the same text with raw ICU.
measure() {
  local name=$1; shift
  local out=bench/out/analyze-$name
  rm -rf "$out"
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f %M -o bench/out/rss "$bin" analyze "$@" --out "$out" --jobs 2 --no-cache --quiet || true
  t1=$(date +%s.%N)
  local secs rss reports bytes
  secs=$(echo "$t1 - $t0" | bc)
  rss=$(cat bench/out/rss)
  reports=$(jq .reports "$out/run.json")
  bytes=$(jq -r '.inputs[].path' "$out/run.json" | while read -r p; do stat -c %s "$p" 2>/dev/null || echo 0; done | awk '{s+=$1} END {print s}')
  # Raw ICU on the same text (UTF-8 copies of the inputs, concatenated).
  jq -r '.inputs[].path' "$out/run.json" | while read -r p; do iconv -f "$(file -b --mime-encoding "$p" | sed 's/unknown-8bit\|iso-8859-1/GB18030/')" -t UTF-8 "$p" 2>/dev/null || cat "$p"; done > bench/out/$name-all.txt
  local i0 i1 icusecs
  i0=$(date +%s.%N); "$icu" bench/out/$name-all.txt > /dev/null; i1=$(date +%s.%N)
  icusecs=$(echo "$i1 - $i0" | bc)
  printf "%-22s %6d reports %8.2f MB %8.2f s %8.1f reports/s %6.2f MB/s %8d KB peak | raw ICU %6.3f s (%5.1fx) | extract %ss reduce %ss\n" \
    "$name" "$reports" "$(echo "$bytes / 1048576" | bc -l)" "$secs" "$(echo "$reports / $secs" | bc -l)" \
    "$(echo "$bytes / 1048576 / $secs" | bc -l)" "$rss" "$icusecs" "$(echo "$secs / $icusecs" | bc -l)" \
    "$(jq .timings.extract "$out/run.json")" "$(jq .timings.reduce "$out/run.json")"
}

echo
echo "== analyze (release, --jobs 2), beside raw ICU segmentation of the same text (1 core)"
if [ -d ../shared/corpora/national-gwr ]; then measure national ../shared/corpora/national-gwr; fi
for n in 125 500; do
  gen=bench/out/generated-$n
  [ -f $gen/manifest.csv ] || python3 tools/generate_corpus.py $gen $n
  measure "generated-$((n * 4))" $gen --manifest $gen/manifest.csv
done
echo "(peak memory across 500 → 2000 reports: records wait on disk and the reduce holds one window of units, so it should stay flat)"

# Issue #4: diffing every consecutive pair of the national corpus, from extracted records (so the
# time is the diff alone), one process per pair as a user would run `nianbao diff`.
if [ -d ../shared/corpora/national-gwr ]; then
  rec=bench/out/national-records
  rm -rf $rec; mkdir -p $rec
  files=(../shared/corpora/national-gwr/[0-9]*.txt)
  for f in "${files[@]}"; do "$bin" extract "$f" --out - > "$rec/$(basename "$f" .txt).json"; done
  t0=$(date +%s.%N)
  pairs=0
  for ((i = 0; i + 1 < ${#files[@]}; i++)); do
    a=$rec/$(basename "${files[$i]}" .txt).json; b=$rec/$(basename "${files[$((i + 1))]}" .txt).json
    "$bin" diff "$a" "$b" --format json > /dev/null
    pairs=$((pairs + 1))
  done
  t1=$(date +%s.%N)
  printf "diff, %d consecutive national pairs (from extracted records): %.2f s, %.3f s per pair\n" "$pairs" \
    "$(echo "$t1 - $t0" | bc)" "$(echo "($t1 - $t0) / $pairs" | bc -l)"
fi
