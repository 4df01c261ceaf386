// json-rules-engine is the oracle, not the engine (#8 §2): `huiqi check` evaluates with our own code and
// must not load it (start-up time), while `huiqi check --oracle` and `huiqi rules test --oracle` evaluate
// through it, and say the same.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
/** Prints, as the process exits, whether any json-rules-engine module was loaded (it is CommonJS: the require cache holds it). */
const probe = `data:text/javascript,${encodeURIComponent(
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe's own code holds a template literal
  "import { createRequire } from 'node:module'; const cache = createRequire(process.cwd() + '/').cache; process.on('exit', () => process.stderr.write(`\\njre-loaded: ${Object.keys(cache).some((k) => k.includes('json-rules-engine'))}\\n`));",
)}`;

function run(...args: string[]): { loadsOracle: boolean; stdout: string } {
  const child = spawnSync(process.execPath, ['--import', probe, 'bin/huiqi.js', ...args], { cwd: root, encoding: 'utf8' });
  const answer = /jre-loaded: (true|false)\n$/.exec(child.stderr);
  expect(answer, child.stderr).not.toBeNull();
  return { loadsOracle: answer![1] === 'true', stdout: child.stdout };
}

describe('json-rules-engine is loaded only as the oracle', () => {
  it('huiqi check (with --all too) does not load it; with --oracle it does, and prints the same', () => {
    const check = ['check', 'samples/aeo-manufacturer-chongqing.yaml', '--as-of', '2025-06-30'];
    const ours = run(...check);
    expect(ours.loadsOracle).toBe(false);
    const oracle = run(...check, '--oracle');
    expect(oracle.loadsOracle).toBe(true);
    expect(oracle.stdout).toBe(ours.stdout);
    expect(run('check', 'samples/incomplete-profile.yaml', '--as-of', '2025-06-30', '--all', '--format', 'json').loadsOracle).toBe(false);
  });

  it('huiqi rules test --oracle loads it, and without --oracle it does not', () => {
    const fixtureRules = 'test/batch/fixtures/rules';
    expect(run('rules', 'test', '--rules', fixtureRules).loadsOracle).toBe(false);
    expect(run('rules', 'test', '--oracle', '--rules', fixtureRules).loadsOracle).toBe(true);
  });
});
