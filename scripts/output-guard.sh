#!/usr/bin/env bash
# The behaviour-preserving guard of issue #8: writes, into OUT_DIR, what `huiqi check` prints for every
# sample (every format and language, with and without --all), what `huiqi report` writes for them, and
# what `huiqi screen` writes for the sample lists and a generated 200,000-row list (sparse and dense).
# Run it on the commit before a change and after it, then `diff -r BEFORE AFTER`: no line may differ.
# Usage: scripts/output-guard.sh OUT_DIR [ROWS]   (from a checkout whose dist/ is built: npm run build)
set -euo pipefail
out=${1:?usage: scripts/output-guard.sh OUT_DIR [ROWS]}
rows=${2:-200000}
here=$(cd "$(dirname "$0")/.." && pwd)
huiqi="node $here/bin/huiqi.js"
asof=2025-06-30
mkdir -p "$out"
lists=${GUARD_LISTS:-/tmp/huiqi-guard-lists}
mkdir -p "$lists"
# The generated lists are written once and shared by every checkout that runs the guard.
if [ ! -s "$lists/sparse-$rows.csv" ]; then
  cat > "$lists/write.mts" <<JS
import { writeGeneratedList } from '$here/bench/generate.ts';
import { denseColumns, writeDenseList } from '$here/bench/dense.ts';
import { loadRuleSet } from '$here/src/ruleset/rule-set.ts';
await writeGeneratedList('$lists/sparse-$rows.csv', $rows, { seed: 7, brokenRate: 0.01 });
await writeDenseList('$lists/dense-20000.csv', 20000, denseColumns(loadRuleSet(), '$asof'), { seed: 7, brokenRate: 0.01 });
JS
  (cd "$here" && npx tsx "$lists/write.mts")
fi
for sample in "$here"/samples/*.yaml "$here"/samples/*.json; do
  name=$(basename "$sample")
  for fmt in table json markdown; do
    for lang in zh en; do
      $huiqi check "$sample" --as-of $asof --format $fmt --lang $lang > "$out/check-$name-$fmt-$lang.txt" 2>&1 || echo "exit $?" >> "$out/check-$name-$fmt-$lang.txt"
    done
  done
  $huiqi check "$sample" --as-of $asof --format json --all > "$out/check-$name-all.json" 2>&1 || echo "exit $?" >> "$out/check-$name-all.json"
  for fmt in markdown html; do
    $huiqi report "$sample" --as-of $asof --format $fmt > "$out/report-$name.$fmt" 2>&1 || echo "exit $?" >> "$out/report-$name.$fmt"
  done
done
$huiqi screen "$here/samples/enterprises.csv" --as-of $asof -o "$out/screen-sample.csv" 2> "$out/screen-sample.err" || true
$huiqi screen "$here/samples/enterprises.xlsx" --as-of $asof --format jsonl -o "$out/screen-sample-xlsx.jsonl" 2> "$out/screen-sample-xlsx.err" || true
$huiqi screen "$lists/sparse-$rows.csv" --as-of $asof -o "$out/screen-sparse.csv" 2> /dev/null || true
[ -s "$lists/dense-20000.csv" ] && { $huiqi screen "$lists/dense-20000.csv" --as-of $asof -o "$out/screen-dense.csv" 2> /dev/null || true; }
# Progress lines carry timings; only the last line of each stderr (the summary) is kept, without figures of time.
for f in "$out"/*.err; do tail -n 3 "$f" | sed -E 's/[0-9.]+ ?(s|ms|rows\/s)\b/T/g' > "$f.tmp" && mv "$f.tmp" "$f"; done
echo "guard outputs in $out: $(ls "$out" | wc -l) files"
