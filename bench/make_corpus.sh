#!/usr/bin/env bash
# Builds bench/out/segment-corpus.txt (≥ 5 MB, UTF-8) from corpora/ and ../shared's national
# work reports, repeated as needed.
set -euo pipefail
out=bench/out/segment-corpus.txt
mkdir -p bench/out
sources=$(find corpora -name '*.txt' | sort; ls ../shared/corpora/national-gwr/*.txt 2>/dev/null | sort || true)
: > "$out.tmp"
while [ "$(stat -c %s "$out.tmp")" -lt 5242880 ]; do
  # UTF-8 as it is, anything else is the demo's GB18030 file (`file` calls it iso-8859-1).
  for f in $sources; do
    if iconv -f UTF-8 -t UTF-8 "$f" > /dev/null 2>&1; then cat "$f"; else iconv -f GB18030 -t UTF-8 "$f"; fi >> "$out.tmp"
  done
done
mv "$out.tmp" "$out"
