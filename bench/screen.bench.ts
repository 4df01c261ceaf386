// `npm run bench`: screening throughput and start-up, measured on whole processes where it matters.
// Generates seeded synthetic lists (realistic field mix, 1% of rows broken on purpose) in a temp folder:
// a sparse one (the generated columns, ~25% empty) and a dense one (also most other facts the rules name,
// see dense.ts). For each list it measures
//   1. `huiqi screen` as a whole process (start-up, rule loading, read → map → validate → evaluate → write
//      CSV): wall time, rows/s and peak RSS; beside it the screening as timed inside that process;
//   2. screening alone on rows already read: rows/s and rules evaluated/s;
//   3. the compiled rule set, our tree evaluator and json-rules-engine (the reference) on a slice of
//      valid profiles, and whether all three give the same verdict on every rule of that slice.
// Then `huiqi screen` as a whole process on a 1,000,000-row sparse list (the throughput and RSS targets),
// and the cold-start table: `node -e 0`, `huiqi --help` and a cold `huiqi check`, run round-robin as whole
// processes, medians and ratios to `node -e 0`, peak RSS of the check.
// Options: --rows N (default 200000), --rss-rows N (default 1000000, 0 skips), --slice N (default 1000),
// --runs N (cold-start runs per command, default 7, at least 5 for the verdict), --lists sparse,dense,
// --parts personas,screen,big,cold (what to run; personas: the persona simulation of bench/personas.ts), --as-of YYYY-MM-DD (default 2025-06-30), --rules DIR, --keep,
// --baseline DIR (another huiqi checkout, built, timed in the same cold-start round-robin).
// Targets are printed as pass/fail lines, never unit tests (timings on a shared machine are not verdicts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packagePath } from '../src/io/paths.ts';
import { CompiledRuleSet } from '../src/engine/compiled.ts';
import { openList, rowsOf, type RawRow } from '../src/batch/read.ts';
import { screenList } from '../src/batch/run.ts';
import { RowScreener } from '../src/batch/screen.ts';
import { defaultRulesDir } from '../src/rules/load.ts';
import { loadRuleSet, type RuleSet } from '../src/ruleset/rule-set.ts';
import { writeGeneratedList, generatedHeader } from './generate.ts';
import { denseColumns, enterpriseRuleFacts, writeDenseList } from './dense.ts';
import { personaBench } from './personas.ts';
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
  const summary = await screenList({ input, output, outputFormat: 'csv', rules: loadRuleSet(rules), asOf, lang: 'zh', stderr: { write: () => true } as never, progress: false });
  process.stdout.write(JSON.stringify({ rows: summary.rowsIn, errors: summary.errors, seconds: summary.seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

function runChild(input: string, output: string): { rows: number; errors: number; seconds: number; maxRssBytes: number } {
  const self = packagePath('bin', 'bench.js');
  const run = spawnSync(process.execPath, [self, '--child', input, output, '--rules', rules, '--as-of', asOf], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`bench child failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** One whole process: wall time (spawn to exit, as a user waits), peak RSS and CPU time (rss-preload.mjs). */
function timeProcess(args: string[], rssFile: string): { seconds: number; maxRssBytes: number; cpuSeconds: number } {
  const t = performance.now();
  const run = spawnSync(process.execPath, ['--import', preload, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, HUIQI_BENCH_RSS: rssFile } });
  const seconds = (performance.now() - t) / 1000;
  if (run.status !== 0) throw new Error(`bench: ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  const { maxRssBytes, cpuMicros } = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssBytes: number; cpuMicros: number };
  return { seconds, maxRssBytes, cpuSeconds: cpuMicros / 1e6 };
}
const preload = pathToFileURL(packagePath('bench', 'rss-preload.mjs')).href;
const huiqi = packagePath('bin', 'huiqi.js');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const verdict = (ok: boolean, text: string) => console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${text}`);

async function main() {
  const rows = Number(opt('rows', '200000'));
  const rssRows = Number(opt('rss-rows', '1000000'));
  const slice = Number(opt('slice', '1000'));
  const runs = Math.max(1, Number(opt('runs', '7')));
  const lists = opt('lists', 'sparse,dense').split(',');
  const parts = opt('parts', 'personas,screen,big,cold').split(',');
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-bench-'));
  const ruleSet = loadRuleSet(rules);
  const loaded = ruleSet.rules;
  const enterpriseRules = loaded.filter((r) => r.appliesTo === 'enterprise').length;
  const fromBuild = fileURLToPath(import.meta.url).startsWith(packagePath('dist'));
  console.log(
    `huiqi bench: ${loaded.length} rules (${enterpriseRules} enterprise-level), as of ${asOf}, node ${process.version}, ${fromBuild ? 'from the build in dist/' : 'from the sources through tsx (the build is missing or stale: npm run build)'}`,
  );
  console.log(`temp folder ${dir}`);
  let failed = false;

  if (parts.includes('personas')) failed = !(await personaBench({ rules: ruleSet, asOf })) || failed;

  if (parts.includes('screen')) {
    const named = enterpriseRuleFacts(loaded);
    for (const kind of lists) {
      const list = join(dir, `${kind}-${rows}.csv`);
      const t = performance.now();
      let columns = generatedHeader.length;
      if (kind === 'dense') {
        const extra = denseColumns(ruleSet, asOf);
        columns += extra.length;
        await writeDenseList(list, rows, extra, { brokenRate: 0.01 });
      } else await writeGeneratedList(list, rows, { brokenRate: 0.01 });
      console.log(`\n${kind} list: ${fmt(rows)} rows, ${columns} columns (${mb(statSync(list).size)}), generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      failed = !(await screenBench(list, kind, named, ruleSet, enterpriseRules, slice, dir)) || failed;
    }
  }

  // Throughput and memory targets: the whole `huiqi screen` process on a big sparse list.
  if (parts.includes('big') && rssRows > 0) {
    const big = join(dir, `sparse-${rssRows}.csv`);
    const t = performance.now();
    await writeGeneratedList(big, rssRows, { brokenRate: 0.01, seed: 7 });
    console.log(`\n${fmt(rssRows)}-row sparse list (${mb(statSync(big).size)}) generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const whole = timeProcess([huiqi, 'screen', big, '--out', join(dir, 'out-big.csv'), '--as-of', asOf, '--rules', rules], join(dir, 'rss'));
    console.log(`huiqi screen as a whole process: ${whole.seconds.toFixed(1)} s, ${fmt(rssRows / whole.seconds)} rows/s, peak RSS ${mb(whole.maxRssBytes)}`);
    if (rssRows < 1_000_000) console.log('  (targets not judged: they are for 1,000,000 rows, --rss-rows is lower)');
    else {
      const ok1 = rssRows / whole.seconds >= 100_000;
      const ok2 = whole.maxRssBytes < 200 * 1024 * 1024;
      verdict(ok1, '≥ 100,000 rows/s end to end on 1,000,000 rows (whole process)');
      verdict(ok2, 'peak RSS < 200 MB on 1,000,000 rows (whole process)');
      failed = failed || !ok1 || !ok2;
    }
  }

  if (parts.includes('cold')) failed = !coldStart(runs, dir) || failed;
  if (!argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  if (failed) process.exitCode = 1;
}

/** The cold-start table: whole processes, run round-robin so a load change hits every command alike. */
function coldStart(runs: number, dir: string): boolean {
  const sample = packagePath('samples', 'aeo-manufacturer-chongqing.yaml');
  const commands: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['huiqi --help', [huiqi, '--help']],
    ['huiqi check (cold)', [huiqi, 'check', sample, '--as-of', asOf]],
  ];
  // Another checkout side by side (e.g. the commit before a change, built), in the same round-robin.
  const baseline = opt('baseline', '');
  if (baseline) {
    const other = join(baseline, 'bin', 'huiqi.js');
    commands.push(['baseline --help', [other, '--help']], ['baseline check', [other, 'check', sample, '--as-of', asOf]]);
  }
  const times = commands.map(() => [] as number[]);
  const rss = commands.map(() => [] as number[]);
  const cpu = commands.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    commands.forEach(([, args], k) => {
      const r = timeProcess(args, join(dir, 'rss'));
      times[k]!.push(r.seconds);
      rss[k]!.push(r.maxRssBytes);
      cpu[k]!.push(r.cpuSeconds);
    });
  }
  const base = median(times[0]!);
  console.log(`\ncold start, whole processes, ${runs} runs each round-robin (median wall time, ratio to node -e 0, median peak RSS):`);
  commands.forEach(([name], k) => {
    const m = median(times[k]!);
    console.log(
      `  ${name.padEnd(20)} ${(m * 1000).toFixed(0).padStart(6)} ms  ${(m / base).toFixed(2).padStart(5)}×  ${mb(median(rss[k]!)).padStart(7)}   (runs: ${times[k]!.map((x) => (x * 1000).toFixed(0)).join(' ')} ms)`,
    );
  });
  // CPU time (user + system, all threads) is what a loaded machine disturbs least: wall-time ratios shrink
  // when every process waits for a core alike, CPU-time ratios much less.
  const cpuBase = median(cpu[0]!);
  console.log(
    `  CPU time (user + system), medians: ${commands.map(([name], k) => `${name} ${(median(cpu[k]!) * 1000).toFixed(0)} ms (${(median(cpu[k]!) / cpuBase).toFixed(2)}×)`).join(', ')}`,
  );
  const check = median(times[2]!) / base;
  const help = median(times[1]!) / base;
  const checkRss = median(rss[2]!);
  if (baseline)
    console.log(
      `  baseline: ${baseline}; this checkout's check is ${(median(times[3 + 1]!) / median(times[2]!)).toFixed(2)}× faster than the baseline's, its --help ${(median(times[3]!) / median(times[1]!)).toFixed(2)}×`,
    );
  const ok = [check <= 4, help <= 2, checkRss <= 80 * 1024 * 1024, runs >= 5];
  verdict(ok[0]!, `cold check ≤ 4× node -e 0 (${check.toFixed(2)}×)`);
  verdict(ok[1]!, `--help ≤ 2× node -e 0 (${help.toFixed(2)}×)`);
  verdict(ok[2]!, `cold check peak RSS ≤ 80 MB (${mb(checkRss)})`);
  if (!ok[3]) verdict(false, `at least 5 runs for a median (--runs ${runs})`);
  return ok.every(Boolean);
}

/** Screening figures for one list; false if the engines disagree on a verdict. */
async function screenBench(list: string, kind: string, named: Set<string>, ruleSet: RuleSet, enterpriseRules: number, slice: number, dir: string): Promise<boolean> {
  // 1. The whole process as a user runs it, and the same screening as timed inside a process.
  const whole = timeProcess([huiqi, 'screen', list, '--out', join(dir, `out-${kind}.csv`), '--as-of', asOf, '--rules', rules], join(dir, 'rss'));
  const e2e = runChild(list, join(dir, 'out.csv'));
  console.log(`  huiqi screen, whole process: ${whole.seconds.toFixed(2)} s, ${fmt(e2e.rows / whole.seconds)} rows/s, peak RSS ${mb(whole.maxRssBytes)}`);
  console.log(
    `  inside a process (read → map → validate → evaluate → write CSV, without start-up and rule loading): ${e2e.seconds.toFixed(2)} s, ${fmt(e2e.rows / e2e.seconds)} rows/s, ${fmt((e2e.rows * enterpriseRules) / e2e.seconds)} rules evaluated/s (${fmt(e2e.errors)} rows with errors)`,
  );

  // 2. Evaluation alone (map + validate + evaluate), rows already read.
  const raw: RawRow[] = [];
  for await (const r of rowsOf(await openList(list))) raw.push(r);
  const screener = new RowScreener({ rules: ruleSet, asOf, lang: 'zh' });
  for (let i = 0; i < Math.min(raw.length, 5000); i++) screener.screen(raw[i]!); // warm up
  let t = performance.now();
  for (const r of raw) screener.screen(r);
  let seconds = (performance.now() - t) / 1000;
  console.log(
    `  screening alone (map + validate + evaluate ${enterpriseRules} rules), rows already read: ${fmt(raw.length / seconds)} rows/s, ${fmt((raw.length * enterpriseRules) / seconds)} rules evaluated/s`,
  );

  // Profiles for the engines: the valid rows of the slice, validated once.
  const profiles: Enterprise[] = [];
  for (const r of raw.slice(0, slice * 2)) {
    if (profiles.length >= slice) break;
    if (!screener.screen(r).error) profiles.push(profileOf(r, screener));
  }
  const known = profiles.reduce((n, p) => n + Object.entries(p).filter(([f, v]) => named.has(f) && v !== undefined).length, 0) / profiles.length;
  console.log(`  a valid row knows ${known.toFixed(1)} of the ${named.size} facts the enterprise rules name (before derived facts)`);

  // 3. The engines on the slice, and their verdicts side by side.
  const compiled = new CompiledRuleSet(ruleSet.rules);
  t = performance.now();
  for (let k = 0; k < 20; k++) for (const p of profiles) compiled.profileStatuses(p, asOf);
  const compiledPerSec = (profiles.length * 20) / ((performance.now() - t) / 1000);
  const native: string[][] = [];
  t = performance.now();
  for (const p of profiles) native.push((await ruleSet.evaluator.evaluateProfile(p, { asOf, evaluator: 'native' })).map((r) => r.status));
  const nativePerSec = profiles.length / ((performance.now() - t) / 1000);
  const jreSlice = profiles.slice(0, Math.max(1, Math.floor(slice / 4)));
  await ruleSet.evaluator.evaluateProfile(jreSlice[0]!, { asOf, evaluator: 'reference' }); // builds the engine
  const reference: Awaited<ReturnType<RuleSet['evaluator']['evaluateProfile']>>[] = [];
  t = performance.now();
  for (const p of jreSlice) reference.push(await ruleSet.evaluator.evaluateProfile(p, { asOf, evaluator: 'reference' }));
  seconds = (performance.now() - t) / 1000;
  const jrePerSec = jreSlice.length / seconds;
  console.log(`  engines on a slice of valid profiles (${enterpriseRules} enterprise rules each):`);
  console.log(`    compiled closures      ${fmt(compiledPerSec).padStart(10)} profiles/s  ${fmt(compiledPerSec * enterpriseRules).padStart(13)} rules/s`);
  console.log(`    native tree evaluator  ${fmt(nativePerSec).padStart(10)} profiles/s  ${fmt(nativePerSec * enterpriseRules).padStart(13)} rules/s  (with explanations)`);
  console.log(
    `    json-rules-engine      ${fmt(jrePerSec).padStart(10)} profiles/s  ${fmt(jrePerSec * enterpriseRules).padStart(13)} rules/s  (${jreSlice.length} profiles; ${((seconds * 1e6) / (jreSlice.length * enterpriseRules)).toFixed(1)} µs per rule)`,
  );
  console.log(`    compiled is ${fmt(compiledPerSec / jrePerSec)}× json-rules-engine`);
  // Every verdict json-rules-engine gave on the profiles it timed, against the compiled set and the tree evaluator.
  let verdicts = 0;
  const disagreements: string[] = [];
  jreSlice.forEach((p, i) => {
    const fast = new Map(compiled.profileStatuses(p, asOf).map((s) => [`${s.ruleId}#${s.incidentId ?? ''}`, s.status]));
    reference[i]!.forEach((r, j) => {
      verdicts++;
      const key = `${r.ruleId}#${r.incidentId ?? ''}`;
      if (fast.get(key) !== r.status || native[i]![j] !== r.status) {
        disagreements.push(`${p.uscc} ${key}: json-rules-engine ${r.status}, compiled ${fast.get(key)}, native ${native[i]![j]}`);
      }
    });
  });
  verdict(
    disagreements.length === 0,
    `the compiled set and the tree evaluator agree with json-rules-engine on all ${fmt(verdicts)} verdicts of the ${jreSlice.length} profiles it timed${disagreements.length ? `: ${disagreements.length} differ, e.g.\n        ${disagreements.slice(0, 5).join('\n        ')}` : ''}`,
  );
  return disagreements.length === 0;
}

/** The validated profile of a raw row (the screener's own mapping and validation). */
function profileOf(raw: RawRow, screener: RowScreener): Enterprise {
  return screener.profile(raw)!;
}

if (argv[0] === '--child') await child(argv[1]!, argv[2]!);
else await main();
