#!/usr/bin/env bash
# The Spark run's outputs must be byte-identical to single-process `analyze` (run.json aside):
# on the embedded corpus, and on the national work reports when ../shared is there.
# Skips (exit 0, saying so) when pyspark or Java is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import pyspark' 2>/dev/null || ! command -v java >/dev/null; then
  echo "spark test: skipped (pip install pyspark, and Java 17, to run it)"
  exit 0
fi
bin=${NIANBAO:-.build/debug/nianbao}
[ -x "$bin" ] || bin=.build/release/nianbao
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check() {
  local name=$1; shift
  "$bin" analyze "$@" --out "$work/$name-single" --quiet --no-cache || true
  python3 spark/nianbao_spark.py "$@" --out "$work/$name-spark" --nianbao "$bin" 2>"$work/$name.log" || true
  if diff -r -x run.json -x .nianbao-files -x .cache "$work/$name-single" "$work/$name-spark" > "$work/$name.diff"; then
    echo "spark test: $name identical ($(find "$work/$name-spark" -type f | wc -l) files)"
  else
    echo "spark test: $name DIFFERS"; head -20 "$work/$name.diff"; tail -5 "$work/$name.log"; exit 1
  fi
}
check demo corpora --manifest corpora/manifest.csv
if [ -d ../shared/corpora/national-gwr ]; then check national ../shared/corpora/national-gwr; fi
