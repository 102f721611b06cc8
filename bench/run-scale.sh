#!/usr/bin/env bash
# `make bench`, part 3 (issue: scale out): a generated corpus of SCALE_REPORTS reports (default
# 40,000 = 10,000 fictional counties × 4 years) through single-process `analyze`, the Spark local
# run (local[2]) and `xargs -P2` over `extract` + the reduce; wall time, reports/s, MB/s, peak
# memory of each stage; then the reduce alone on 1/4, 1/2 and all of the records, to show how it
# grows. Set SCALE_REPORTS=0 to skip (it takes a while).
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${SCALE_REPORTS:-40000}
[ "$reports" -gt 0 ] || { echo "scale: skipped (SCALE_REPORTS=0)"; exit 0; }
bin=$(pwd)/.build/release/nianbao
counties=$((reports / 4))
gen=bench/out/scale-$counties
[ -f $gen/manifest.csv ] || python3 tools/generate_corpus.py $gen $counties
mb=$(du -sb --exclude=manifest.csv $gen | awk '{printf "%.1f", $1/1048576}')
echo
echo "== scale: $reports reports ($mb MB) of $counties fictional counties"

# run NAME CMD...: wall time and peak RSS of one command.
run() {
  local name=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  local log="bench/out/scale-$(echo "$name" | tr -c 'A-Za-z0-9' '_').err"
  /usr/bin/time -f %M -o bench/out/rss "$@" > /dev/null 2>"$log" || true
  t1=$(date +%s.%N)
  local secs; secs=$(echo "$t1 - $t0" | bc)
  printf "%-34s %8.1f s %8.1f reports/s %6.2f MB/s %9d KB peak\n" "$name" "$secs" "$(echo "$reports / $secs" | bc -l)" \
    "$(echo "$mb / $secs" | bc -l)" "$(tail -n 1 bench/out/rss)"
}

run "analyze (one process, 2 jobs)" "$bin" analyze $gen --manifest $gen/manifest.csv --out bench/out/scale-single --no-cache --quiet --jobs 2
"$bin" inputs $gen --manifest $gen/manifest.csv > bench/out/scale-docs.jsonl
rm -f bench/out/scale-part-*
split -n l/8 bench/out/scale-docs.jsonl bench/out/scale-part-
run "xargs -P2 extract (map)" sh -c "ls bench/out/scale-part-?? | xargs -P 2 -I{} sh -c '$bin extract - --out - --manifest $gen/manifest.csv < {} > {}.records'"
cat bench/out/scale-part-??.records > bench/out/scale-records.jsonl
run "reduce (--from-extracted)" "$bin" analyze --from-extracted bench/out/scale-records.jsonl --out bench/out/scale-xargs --quiet
if python3 -c 'import pyspark' 2>/dev/null; then
  run "spark local[2] (map + reduce)" python3 spark/nianbao_spark.py $gen --manifest $gen/manifest.csv --out bench/out/scale-spark --nianbao "$bin"
  diff -rq -x run.json -x .nianbao-files -x .cache bench/out/scale-single bench/out/scale-spark > /dev/null && echo "spark outputs identical to analyze: yes" || echo "spark outputs identical to analyze: NO"
else
  echo "spark: pyspark not installed — skipped"
fi
diff -rq -x run.json -x .nianbao-files -x .cache bench/out/scale-single bench/out/scale-xargs > /dev/null && echo "xargs outputs identical to analyze: yes" || echo "xargs outputs identical to analyze: NO"
echo "-- reduce alone, growing with the records:"
total=$(wc -l < bench/out/scale-records.jsonl)
whole_mb=$mb
for part in 4 2 1; do
  n=$((total / part))
  head -n $n bench/out/scale-records.jsonl > bench/out/scale-records-$part.jsonl
  # MB/s of the reports' text these records came from (a 1/part share of the corpus).
  mb=$(echo "scale=1; $whole_mb / $part" | bc)
  reports=$n run "reduce of $n records" "$bin" analyze --from-extracted bench/out/scale-records-$part.jsonl --out bench/out/scale-reduce-$part --quiet
done
