// `npm run bench`: screening throughput. Generates a seeded synthetic list (realistic field mix, 1% of
// rows broken on purpose) in a temp folder, then measures
//   1. end to end (read CSV → map → validate → evaluate → write CSV), fast path, in a fresh process: rows/s;
//   2. evaluation alone on rows already read: rows/s and rules evaluated/s;
//   3. json-rules-engine (the reference) and our native tree evaluator on a small slice, for comparison;
//   4. peak RSS of a fresh process screening a 1,000,000-row file end to end.
// Options: --rows N (default 200000), --rss-rows N (default 1000000, 0 skips), --slice N (default 1000),
// --as-of YYYY-MM-DD (default 2025-06-30), --rules DIR, --keep (keep the generated files).
// Performance targets live here, never in unit tests: ≥ 100,000 rows/s end to end, peak RSS < 200 MB at 1M rows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../src/io/paths.ts';
import { CompiledRuleSet } from '../src/engine/compiled.ts';
import { evaluateProfile } from '../src/engine/evaluate.ts';
import { openList, rowsOf, type RawRow } from '../src/batch/read.ts';
import { screenList } from '../src/batch/run.ts';
import { RowScreener } from '../src/batch/screen.ts';
import { defaultRulesDir, loadRules } from '../src/rules/load.ts';
import { parseProfile } from '../src/profile/load.ts';
import { writeGeneratedList, generatedHeader } from './generate.ts';
import type { Enterprise } from '../src/profile/enterprise.ts';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
};
const rules = opt('rules', defaultRulesDir);
const asOf = opt('as-of', '2025-06-30');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Child mode: screen one file end to end and report time and peak RSS as JSON on stdout. */
async function child(input: string, output: string) {
  const loaded = loadRules(rules);
  const summary = await screenList({ input, output, outputFormat: 'csv', rules: loaded, asOf, lang: 'zh', stderr: { write: () => true } as never, progress: false });
  process.stdout.write(JSON.stringify({ rows: summary.rowsIn, errors: summary.errors, seconds: summary.seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

function runChild(input: string, output: string): { rows: number; errors: number; seconds: number; maxRssBytes: number } {
  const self = packagePath('bin', 'bench.js');
  const run = spawnSync(process.execPath, [self, '--child', input, output, '--rules', rules, '--as-of', asOf], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`bench child failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

async function main() {
  const rows = Number(opt('rows', '200000'));
  const rssRows = Number(opt('rss-rows', '1000000'));
  const slice = Number(opt('slice', '1000'));
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-bench-'));
  const loaded = loadRules(rules);
  const enterpriseRules = loaded.filter((r) => r.appliesTo === 'enterprise').length;
  console.log(`huiqi bench: ${loaded.length} rules (${enterpriseRules} enterprise-level), as of ${asOf}, node ${process.version}`);
  console.log(`list: ${generatedHeader.length} columns, seeded, ~25% empty cells, 1% of rows broken on purpose; temp folder ${dir}`);

  const list = join(dir, `list-${rows}.csv`);
  let t = performance.now();
  await writeGeneratedList(list, rows, { brokenRate: 0.01 });
  console.log(`generated ${fmt(rows)} rows (${mb(statSync(list).size)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // 1. End to end, fast path, fresh process.
  const e2e = runChild(list, join(dir, 'out.csv'));
  console.log(`\nend to end (parse → map → validate → evaluate → write CSV), compiled fast path, one process:`);
  console.log(`  ${fmt(e2e.rows)} rows (${fmt(e2e.errors)} with errors) in ${e2e.seconds.toFixed(2)} s: ${fmt(e2e.rows / e2e.seconds)} rows/s, ${fmt((e2e.rows * enterpriseRules) / e2e.seconds)} rules evaluated/s, peak RSS ${mb(e2e.maxRssBytes)}`);

  // 2. Evaluation alone (map + validate + evaluate), rows already read.
  const raw: RawRow[] = [];
  for await (const r of rowsOf(await openList(list))) raw.push(r);
  const screener = new RowScreener({ rules: loaded, asOf, lang: 'zh' });
  for (let i = 0; i < Math.min(raw.length, 5000); i++) screener.screen(raw[i]!); // warm up
  t = performance.now();
  for (const r of raw) screener.screen(r);
  let seconds = (performance.now() - t) / 1000;
  console.log(`\nscreening alone (map + validate + evaluate ${enterpriseRules} rules), rows already read:`);
  console.log(`  ${fmt(raw.length / seconds)} rows/s, ${fmt((raw.length * enterpriseRules) / seconds)} rules evaluated/s`);

  // Profiles for the engines: the valid rows of the slice, validated once.
  const profiles: Enterprise[] = [];
  for (const r of raw.slice(0, slice * 2)) {
    const s = screener.screen(r);
    if (s.error || profiles.length >= slice) continue;
    profiles.push(profileOf(r, screener));
  }
  const compiled = new CompiledRuleSet(loaded);
  t = performance.now();
  for (let k = 0; k < 20; k++) for (const p of profiles) compiled.profileStatuses(p, asOf);
  const compiledPerSec = (profiles.length * 20) / ((performance.now() - t) / 1000);
  t = performance.now();
  for (const p of profiles) await evaluateProfile(p, loaded, { asOf, evaluator: 'native' });
  const nativePerSec = profiles.length / ((performance.now() - t) / 1000);
  const jreSlice = profiles.slice(0, Math.max(1, Math.floor(slice / 4)));
  await evaluateProfile(jreSlice[0]!, loaded, { asOf }); // builds the engine
  t = performance.now();
  for (const p of jreSlice) await evaluateProfile(p, loaded, { asOf });
  seconds = (performance.now() - t) / 1000;
  const jrePerSec = jreSlice.length / seconds;
  console.log(`\nengines on a slice of valid profiles (${enterpriseRules} enterprise rules each):`);
  console.log(`  compiled closures      ${fmt(compiledPerSec).padStart(10)} profiles/s  ${fmt(compiledPerSec * enterpriseRules).padStart(13)} rules/s`);
  console.log(`  native tree evaluator  ${fmt(nativePerSec).padStart(10)} profiles/s  ${fmt(nativePerSec * enterpriseRules).padStart(13)} rules/s  (with explanations)`);
  console.log(`  json-rules-engine      ${fmt(jrePerSec).padStart(10)} profiles/s  ${fmt(jrePerSec * enterpriseRules).padStart(13)} rules/s  (${jreSlice.length} profiles; ${((seconds * 1e6) / (jreSlice.length * enterpriseRules)).toFixed(1)} µs per rule)`);
  console.log(`  compiled is ${fmt(compiledPerSec / jrePerSec)}× json-rules-engine`);

  // 4. Peak RSS on a big file, against the same process on a 10-row file (what loading the CLI, tsx and the rules costs).
  if (rssRows > 0) {
    const tiny = join(dir, 'list-10.csv');
    await writeGeneratedList(tiny, 10);
    const base = runChild(tiny, join(dir, 'out-tiny.csv'));
    console.log(`\npeak RSS screening 10 rows (the cost of starting: node, tsx, rules, schemas): ${mb(base.maxRssBytes)}`);
    const big = join(dir, `list-${rssRows}.csv`);
    t = performance.now();
    await writeGeneratedList(big, rssRows, { brokenRate: 0.01, seed: 7 });
    console.log(`generated ${fmt(rssRows)} rows (${mb(statSync(big).size)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const run = runChild(big, join(dir, 'out-big.csv'));
    console.log(`end to end on ${fmt(run.rows)} rows: ${run.seconds.toFixed(1)} s, ${fmt(run.rows / run.seconds)} rows/s, peak RSS ${mb(run.maxRssBytes)} (${mb(run.maxRssBytes - base.maxRssBytes)} above the 10-row run)`);
  }
  if (!argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}

/** The validated profile of a raw row (the screener's own mapping and validation). */
function profileOf(raw: RawRow, screener: RowScreener): Enterprise {
  return screener.profile(raw)!;
}

if (argv[0] === '--child') await child(argv[1]!, argv[2]!);
else await main();
