// Runs many `huiqi` command lines in one process, for the fuzz test (test/cli/fuzz.test.ts): each case
// imports cli/main.ts afresh (a new query string re-runs the module; its dependencies stay loaded) with
// its own argv, and records what it wrote, its exit code, and whether an error escaped (a crash: the
// real CLI would print a stack trace). One process instead of one per case keeps the fuzz to seconds.
// Usage: node --import tsx test/cli/fuzz-driver.ts cases.json results.json
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface Case {
  args: string[];
}
interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  crash?: string;
}

const [casesFile, resultsFile] = process.argv.slice(2) as [string, string];
const cases = JSON.parse(readFileSync(casesFile, 'utf8')) as Case[];
const main = pathToFileURL(new URL('../../cli/main.ts', import.meta.url).pathname).href;
const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
process.stdout.setMaxListeners(0); // main.ts adds its EPIPE listener once per run

process.setMaxListeners(0); // main.ts adds its beforeExit listener once per run
const outcomes: Outcome[] = [];
for (const [i, c] of cases.entries()) {
  const outcome: Outcome = { code: 0, stdout: '', stderr: '' };
  process.argv = [process.argv[0]!, 'huiqi', ...c.args];
  process.exitCode = 0;
  (process.stdout as { write: unknown }).write = (chunk: unknown, ...rest: unknown[]) => {
    outcome.stdout += String(chunk);
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
  (process.stderr as { write: unknown }).write = (chunk: unknown) => ((outcome.stderr += String(chunk)), true);
  try {
    await import(`${main}?case=${i}`);
  } catch (e) {
    outcome.crash = (e as Error).stack ?? String(e);
  }
  process.stdout.write = write.out;
  process.stderr.write = write.err;
  outcome.code = Number(process.exitCode ?? 0);
  outcomes.push(outcome);
}
process.exitCode = 0;
writeFileSync(resultsFile, JSON.stringify(outcomes));
