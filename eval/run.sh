#!/usr/bin/env bash
# `make eval`: every accuracy figure, against the gold annotations in eval/gold/ (and the UD
# Chinese test split in ../shared when present). dev/ is what thresholds were calibrated on;
# test/ is what we report. Promise accuracy is also printed reweighed to 60% fulfilled, the mix
# PROMISES.md measured on other annotators' national pairs (ours have 31–38%).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/nianbao
v=${VERBOSE:+--verbose}
ud=../shared/corpora/ud-zh-gsdsimp/test.gold
if [ -f "$ud" ]; then $bin eval segmentation "$ud"; else echo "segmentation: $ud absent, skipped"; fi
echo
$bin eval extraction eval/gold/extraction $v
echo
$bin eval promise-listing eval/gold/promise-listing $v
echo
echo "== promises, calibration set (dev)"
$bin eval promises eval/gold/promises/dev --fulfilled-share 0.6 $v
echo
echo "== promises, dev, each pair judged by the model fitted on the other pairs"
$bin eval promises eval/gold/promises/dev --cross-validate
echo
echo "== promises, reported set (test)"
$bin eval promises eval/gold/promises/test --fulfilled-share 0.6 $v
echo
echo "== promises, reported set (test), words weighed over each pair's whole folder as analyze weighs them"
$bin eval promises eval/gold/promises/test --fulfilled-share 0.6 --corpus-idf
echo
$bin eval targets eval/gold/targets/targets.tsv $v
