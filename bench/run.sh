#!/usr/bin/env bash
# `make bench`: speed and memory, side by side with the anchors named in the issues, in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/nianbao
mkdir -p bench/out
bench/make_corpus.sh
corpus=bench/out/segment-corpus.txt
mb=$(awk -v b="$(stat -c %s $corpus)" 'BEGIN{printf "%.2f", b/1048576}')
cc -O2 -o bench/out/icu_wordbreak bench/icu_wordbreak.c $(pkg-config --cflags --libs icu-uc icu-i18n)

# time_cmd NAME CMD...: best of 3 wall times, and the peak RSS of the last run.
time_cmd() {
  local name=$1; shift
  local best=999999 rss=0
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N)
    /usr/bin/time -f %M -o bench/out/rss "$@" > /dev/null
    t1=$(date +%s.%N)
    best=$(awk -v a="$best" -v b="$(echo "$t1 - $t0" | bc)" 'BEGIN{print (b<a)?b:a}')
    rss=$(cat bench/out/rss)
  done
  printf "%-28s %8.3f s %8.2f MB/s %8d KB peak\n" "$name" "$best" "$(echo "$mb / $best" | bc -l)" "$rss"
  eval "T_${name//[^a-zA-Z]/_}=$best"
}

echo "== segmentation: $corpus ($mb MB), one core each"
time_cmd raw_icu bench/out/icu_wordbreak "$corpus"
time_cmd nianbao_segment "$bin" segment "$corpus"
if python3 -c 'import jieba' 2>/dev/null; then
  time_cmd jieba_precise python3 bench/jieba_cut.py "$corpus"
else
  echo "jieba: not installed (pip install jieba) — skipped"
fi
awk -v a="$T_raw_icu" -v b="$T_nianbao_segment" 'BEGIN{printf "nianbao/raw ICU throughput: %.0f%% (target >= 60%%)\n", 100*a/b}'
if [ -n "${T_jieba_precise:-}" ]; then
  awk -v a="$T_jieba_precise" -v b="$T_nianbao_segment" 'BEGIN{printf "nianbao/jieba throughput: %.1fx (target >= 10x)\n", a/b}'
fi
for extra in bench/run-analyze.sh bench/run-scale.sh; do "$extra"; done
exit 0
