#!/usr/bin/env bash
# `make eval`: every accuracy figure, against the gold annotations in eval/gold/ (and the UD
# Chinese test split in ../shared when present). dev/ is what thresholds were calibrated on;
# test/ is what we report.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/nianbao
v=${VERBOSE:+--verbose}
ud=../shared/corpora/ud-zh-gsdsimp/test.gold
if [ -f "$ud" ]; then $bin eval segmentation "$ud"; else echo "segmentation: $ud absent, skipped"; fi
echo
$bin eval extraction eval/gold/extraction $v
echo
echo "== promises, calibration set (dev)"
$bin eval promises eval/gold/promises/dev $v
echo
echo "== promises, reported set (test)"
$bin eval promises eval/gold/promises/test $v
echo
$bin eval targets eval/gold/targets/targets.tsv $v
