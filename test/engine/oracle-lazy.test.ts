// json-rules-engine is the oracle, not the engine (#8 §2): `huiqi check` evaluates with our own code and
// must not load it (start-up time), while `huiqi rules test --oracle` does evaluate through it.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
/** Prints, as the process exits, whether any json-rules-engine module was loaded (it is CommonJS: the require cache holds it). */
const probe = `data:text/javascript,${encodeURIComponent(
  "import { createRequire } from 'node:module'; const cache = createRequire(process.cwd() + '/').cache; process.on('exit', () => process.stderr.write(`\\njre-loaded: ${Object.keys(cache).some((k) => k.includes('json-rules-engine'))}\\n`));",
)}`;

function loadsOracle(...args: string[]): boolean {
  const run = spawnSync(process.execPath, ['--import', probe, 'bin/huiqi.js', ...args], { cwd: root, encoding: 'utf8' });
  const answer = /jre-loaded: (true|false)\n$/.exec(run.stderr);
  expect(answer, run.stderr).not.toBeNull();
  return answer![1] === 'true';
}

describe('json-rules-engine is loaded only as the oracle', () => {
  it('huiqi check (with --all too) does not load it', () => {
    expect(loadsOracle('check', 'samples/aeo-manufacturer-chongqing.yaml', '--as-of', '2025-06-30')).toBe(false);
    expect(loadsOracle('check', 'samples/incomplete-profile.yaml', '--as-of', '2025-06-30', '--all', '--format', 'json')).toBe(false);
  });

  it('huiqi rules test --oracle loads it, and without --oracle it does not', () => {
    const fixtureRules = 'test/batch/fixtures/rules';
    expect(loadsOracle('rules', 'test', '--rules', fixtureRules)).toBe(false);
    expect(loadsOracle('rules', 'test', '--oracle', '--rules', fixtureRules)).toBe(true);
  });
});
