// Errors stay short whatever the input's size, and an empty option value is a usage error:
// - a list header with 100,000 unknown columns names the first few and counts the rest (exit 1, one short
//   message), and so does a profile with 50,000 unknown fields, on the CLI and the API;
// - `--as-of ""` (and any option given an empty value: `--opt=`, `-o ''`, a number) is exit 2 on every
//   command, never taken as "today" or "standard output".
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstFew } from '../../src/io/first-few.ts';
import { loadRuleSet } from '../../src/ruleset/rule-set.ts';
import { buildServer } from '../../src/server/app.ts';
import { tempDir } from '../support/temp.ts';

const dir = tempDir('short');
const USCC = '91500000MA5U00000W';
const huiqi = (args: string[]) => spawnSync(process.execPath, ['bin/huiqi.js', ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });

describe('many unknown columns or fields: the first few named, the rest counted', () => {
  it('firstFew names five and counts the rest', () => {
    expect(firstFew(['a', 'b'])).toBe('a, b');
    expect(firstFew(Array.from({ length: 6 }, (_, i) => `c${i}`))).toBe('c0, c1, c2, c3, c4, c5');
    expect(firstFew(Array.from({ length: 100_000 }, (_, i) => `c${i}`))).toBe('c0, c1, c2, c3, c4 and 99,995 more');
  });

  it('huiqi screen on a header of 100,000 unknown columns exits 1 with a message under 1,000 characters', () => {
    const header = ['企业名称', '统一社会信用代码', ...Array.from({ length: 100_000 }, (_, i) => `未知列${i}`)];
    const file = join(dir, 'wide.csv');
    writeFileSync(file, `${header.join(',')}\n测试,${USCC}${','.repeat(100_000)}\n`);
    const run = huiqi(['screen', file, '-o', join(dir, 'out.csv'), '--as-of', '2025-06-30', '--rules', 'test/batch/fixtures/rules']);
    expect(run.status, run.stderr.slice(0, 500)).toBe(1);
    expect(run.stderr).toContain('unknown columns "未知列0" (column 3), "未知列1" (column 4)');
    expect(run.stderr).toContain('and 99,995 more');
    expect(run.stderr.length).toBeLessThan(1_000);
  }, 60_000);

  it('huiqi check and POST /api/v1/check on a profile of 50,000 unknown fields: a short message, at most 100 listed errors', async () => {
    const profile: Record<string, unknown> = { name: '测试', uscc: USCC };
    for (let i = 0; i < 50_000; i++) profile[`x${i}`] = 1;
    const file = join(dir, 'wide.json');
    writeFileSync(file, JSON.stringify(profile));
    const run = huiqi(['check', file, '--as-of', '2025-06-30', '--rules', 'test/fixtures/gap/rules.yaml']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown fields "x0", "x1", "x2", "x3", "x4" and 49,995 more');
    expect(run.stderr.length).toBeLessThan(1_000);

    const app = await buildServer({ rules: loadRuleSet('test/fixtures/gap/rules.yaml'), asOf: '2025-06-30' });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/v1/check', payload: JSON.stringify(profile), headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(400);
      const problem = res.json() as { detail: string; errors: unknown[] };
      expect(problem.errors).toHaveLength(100);
      expect(problem.detail).toMatch(/… and 49,980 more$/);
      expect(res.body.length).toBeLessThan(10_000);
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe('an option given an empty value is a usage error (exit 2) on every command', () => {
  const profile = 'samples/aeo-manufacturer-chongqing.yaml';
  const cases: [string, string[]][] = [
    ['check --as-of ""', ['check', profile, '--as-of', '']],
    ['check --as-of=', ['check', profile, '--as-of=']],
    ['report --lang ""', ['report', profile, '--lang', '']],
    ['report -o ""', ['report', profile, '-o', '']],
    ['ask --answers ""', ['ask', profile, '--answers', '', '--non-interactive']],
    ['screen --as-of ""', ['screen', 'samples/enterprises.csv', '--as-of', '']],
    ['screen --sheet=', ['screen', 'samples/enterprises.xlsx', '--sheet=']],
    ['rules list --jurisdiction ""', ['rules', 'list', '--jurisdiction', '']],
    ['rules validate --seeds ""', ['rules', 'validate', '--seeds', '']],
    ['serve --port ""', ['serve', '--port', '']],
  ];
  it.each(cases)('%s', (_name, args) => {
    const run = huiqi(args);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/--?[a-z-]+: empty value \(give a value, or leave the option out\)/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });
});
