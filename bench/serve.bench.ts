// `npm run bench:serve`: POST /api/v1/check under load, on loopback. The server runs in a child process
// (as `huiqi serve` would, rules loaded once) so that autocannon, in this process, does not share its
// event loop. Measures requests/s and latency percentiles over several runs (the median is reported),
// and the server's RSS after 1,000 requests and after all of them (default 100,000): no leak means the
// two stay close. RSS also holds garbage the heap has room for until its next full collection, so each
// point also gives the live heap (heapUsed right after a forced full GC, taken after the RSS): a leak
// grows that; heap sizing does not. Bounded in time: each run stops after --max-seconds.
// Options: --requests N (default 100000, split over the runs), --runs N (default 3), --connections N
// (default 10), --profile FILE (default samples/aeo-manufacturer-chongqing.yaml), --all (ask ?all=true),
// --as-of YYYY-MM-DD (default 2025-06-30), --max-seconds N per run (default 120).
// --upload N instead: the server's peak RSS while a generated list of N rows is uploaded to POST /screen
// and its result downloaded, against its peak after the 300-row sample list (memory must stay flat).
// Targets (issue #9), here and never in unit tests: ≥ 2,000 requests/s, p99 < 25 ms, RSS growth < 20 MB.
import { fork } from 'node:child_process';
import { once, type EventEmitter } from 'node:events';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { packagePath } from '../src/io/paths.ts';
import { readStructuredFile } from '../src/io/read.ts';
import { loadRuleSet } from '../src/ruleset/rule-set.ts';
import { buildServer } from '../src/server/app.ts';
import { writeGeneratedList } from './generate.ts';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
};
const asOf = opt('as-of', '2025-06-30');

/** CPU time (user + system) this process has used, in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Child mode: the server on a free loopback port; answers { rss } when asked. */
async function child() {
  const app = await buildServer({ rules: loadRuleSet(), asOf });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.on('message', (m) => {
    if (m === 'rss') {
      const rss = process.memoryUsage().rss;
      const maxRss = process.resourceUsage().maxRSS * 1024;
      (globalThis as { gc?: () => void }).gc?.();
      process.send!({ rss, maxRss, live: process.memoryUsage().heapUsed, cpu: cpuMs() });
    }
    if (m === 'stop') void app.close().then(() => process.exit(0));
  });
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
}

async function parent() {
  const requests = Number(opt('requests', '100000'));
  const runs = Number(opt('runs', '3'));
  const connections = Number(opt('connections', '10'));
  const maxSeconds = Number(opt('max-seconds', '120'));
  const profileFile = opt('profile', packagePath('samples/aeo-manufacturer-chongqing.yaml'));
  const body = JSON.stringify(readStructuredFile(profileFile));
  const path = `/api/v1/check${argv.includes('--all') ? '?all=true' : ''}`;

  // --expose-gc: the live heap at each point (see the top); the server itself never forces a collection.
  const server = fork(packagePath('bin/bench-serve.js'), ['--child', '--as-of', asOf], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...process.execArgv, '--expose-gc'],
  });
  const [{ port }] = (await once(server, 'message')) as [{ port: number }];
  const url = `http://127.0.0.1:${port}${path}`;
  const memory = async () => {
    server.send('rss');
    const [{ rss, live, cpu }] = (await once(server, 'message')) as [{ rss: number; live: number; cpu: number }];
    return { rss: rss / 1024 / 1024, live: live / 1024 / 1024, cpu };
  };
  // autocannon notices the end of a run of `amount` requests on its once-a-second tick, and its rate is an
  // average of per-second samples: the rate here is the responses over the time from the start to the
  // last response, measured at each response.
  const load = (amount: number) =>
    new Promise<{ result: autocannon.Result; rate: number }>((resolve, reject) => {
      const started = performance.now();
      let last = started;
      let responses = 0;
      const instance = autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, amount }, (err, result) =>
        err ? reject(err) : resolve({ result, rate: responses / ((last - started) / 1000) }),
      );
      // 'response' is emitted per response (autocannon's README) but missing from its type declarations.
      (instance as unknown as EventEmitter).on('response', () => {
        responses++;
        last = performance.now();
      });
      const timer = setTimeout(() => instance.stop(), maxSeconds * 1000);
      instance.on('done', () => clearTimeout(timer));
    });

  const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answer = await probe.text();
  if (probe.status !== 200) throw new Error(`POST ${path} answered ${probe.status}: ${answer}`);
  console.log(
    `bench:serve: POST ${path} with ${profileFile} (${body.length} bytes; answer ${Buffer.byteLength(answer)} bytes), ${connections} connections, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}`,
  );

  const { result: warm } = await load(1000);
  const at1k = await memory();
  console.log(`  after ${warm.requests.total} requests: RSS ${at1k.rss.toFixed(1)} MB, live heap ${at1k.live.toFixed(1)} MB`);
  const results: autocannon.Result[] = [];
  const rates: number[] = [];
  let total = warm.requests.total;
  // CPU per request, of the server and of the load generator (autocannon, in this process): on 2 cores
  // the two share the machine, so the rate is bounded by their sum as much as by the server's own work.
  let serverCpu = at1k.cpu;
  for (let i = 0; i < runs; i++) {
    const clientCpu = cpuMs();
    const { result: r, rate } = await load(Math.round((requests - 1000) / runs));
    const clientPerRequest = (cpuMs() - clientCpu) / r.requests.total;
    const { cpu } = await memory();
    const serverPerRequest = (cpu - serverCpu) / r.requests.total;
    serverCpu = cpu;
    results.push(r);
    rates.push(rate);
    total += r.requests.total;
    const failed = r.errors + r.timeouts + r.non2xx;
    console.log(
      `  run ${i + 1}: ${r.requests.total} requests in ${(r.requests.total / rate).toFixed(2)} s: ${Math.round(rate)} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms${failed ? `, ${failed} failed` : ''}; CPU per request: server ${serverPerRequest.toFixed(2)} ms, autocannon ${clientPerRequest.toFixed(2)} ms`,
    );
  }
  const atEnd = await memory();
  const change = (from: number, to: number) => `${to - from >= 0 ? '+' : ''}${(to - from).toFixed(1)} MB`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rps = median(rates);
  const p99 = median(results.map((r) => r.latency.p99));
  console.log(
    `  after ${total} requests: RSS ${atEnd.rss.toFixed(1)} MB (${change(at1k.rss, atEnd.rss)}; target within 20), live heap ${atEnd.live.toFixed(1)} MB (${change(at1k.live, atEnd.live)})`,
  );
  console.log(`  median of ${runs} runs: ${Math.round(rps)} req/s (target ≥ 2,000), p99 ${p99} ms (target < 25)`);
  server.send('stop');
  await once(server, 'exit');
}

/** The server's peak RSS over a small and then a large list upload, each result read to the end. */
async function uploads(rows: number) {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-bench-serve-'));
  const file = join(dir, 'list.csv');
  await writeGeneratedList(file, rows);
  const server = fork(packagePath('bin/bench-serve.js'), ['--child', '--as-of', asOf], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [{ port }] = (await once(server, 'message')) as [{ port: number }];
  const peak = async () => {
    server.send('rss');
    const [{ maxRss }] = (await once(server, 'message')) as [{ maxRss: number }];
    return maxRss / 1024 / 1024;
  };
  const upload = (path: string) =>
    new Promise<{ lines: number; seconds: number }>((resolve, reject) => {
      const started = performance.now();
      const req = request({ port, host: '127.0.0.1', path: '/api/v1/screen', method: 'POST', headers: { 'content-type': 'text/csv' } }, (res) => {
        let lines = 0;
        res.on('data', (d: Buffer) => {
          for (const c of d) if (c === 10) lines++;
        });
        res.on('end', () => resolve({ lines, seconds: (performance.now() - started) / 1000 }));
      });
      req.on('error', reject);
      createReadStream(path).pipe(req);
    });
  const small = await upload(packagePath('samples/enterprises.csv'));
  const afterSmall = await peak();
  const large = await upload(file);
  const afterLarge = await peak();
  console.log(`bench:serve --upload: load average ${loadavg()[0]!.toFixed(1)}`);
  console.log(`  300 rows: ${small.lines - 1} rows back; server peak RSS ${afterSmall.toFixed(0)} MB`);
  console.log(
    `  ${rows} rows (${(statSync(file).size / 1048576).toFixed(0)} MB): ${large.lines - 1} rows back in ${large.seconds.toFixed(1)} s; server peak RSS ${afterLarge.toFixed(0)} MB (+${(afterLarge - afterSmall).toFixed(0)} MB)`,
  );
  server.send('stop');
  await once(server, 'exit');
  rmSync(dir, { recursive: true, force: true });
}

if (argv[0] === '--child') await child();
else if (argv.includes('--upload')) await uploads(Number(opt('upload', '1000000')));
else await parent();
