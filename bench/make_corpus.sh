#!/usr/bin/env bash
# Builds bench/out/segment-corpus.txt (≥ 5 MB, UTF-8) from corpora/ and ../shared's national
# work reports, repeated as needed.
set -euo pipefail
out=bench/out/segment-corpus.txt
mkdir -p bench/out
sources=$(find corpora -name '*.txt' | sort; ls ../shared/corpora/national-gwr/*.txt 2>/dev/null | sort || true)
: > "$out.tmp"
while [ "$(stat -c %s "$out.tmp")" -lt 5242880 ]; do
  for f in $sources; do iconv -f "$(file -b --mime-encoding "$f" | sed 's/unknown-8bit/GB18030/')" -t UTF-8 "$f" 2>/dev/null >> "$out.tmp" || cat "$f" >> "$out.tmp"; done
done
mv "$out.tmp" "$out"
