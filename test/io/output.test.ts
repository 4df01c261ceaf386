// Output files are never lost: written beside the target and renamed on success; an unwritable path
// is one line naming it and exit 3 (EXIT.unwritableOutput), never a stack trace or a silent exit.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/exit-codes.ts';
import { tempDir } from '../support/temp.ts';

const fixtureRules = 'test/batch/fixtures/rules';

function huiqi(args: string[], options: { input?: string; stdout?: number } = {}) {
  const run = spawnSync(process.execPath, ['bin/huiqi.js', ...args], {
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, CI: '1' },
    stdio: ['pipe', options.stdout ?? 'pipe', 'pipe'],
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const oneLine = (stderr: string) => stderr.trim().split('\n');

describe('output files are replaced only when complete', () => {
  it('leaves the earlier screen result untouched when the list is refused, and no temporary file behind', () => {
    const dir = tempDir('out');
    const previous = join(dir, 'prev.csv');
    writeFileSync(previous, 'the earlier result\n');
    writeFileSync(join(dir, 'bad.csv'), '企业名称,统一社会信用代码,手机\nA,91500000MA5U00000W,1\n');
    const run = huiqi(['screen', join(dir, 'bad.csv'), '--out', previous, '--rules', fixtureRules]);
    expect(run.code).toBe(EXIT.invalidInput);
    expect(readFileSync(previous, 'utf8')).toBe('the earlier result\n');
    expect(readdirSync(dir).sort()).toEqual(['bad.csv', 'prev.csv']);

    const good = huiqi(['screen', 'samples/enterprises.csv', '--out', previous, '--rules', fixtureRules, '--as-of', '2025-06-30']);
    expect(good.code).toBe(EXIT.ok);
    expect(readFileSync(previous, 'utf8').split('\r\n').length).toBe(302); // header, 300 rows, final line end
    expect(readdirSync(dir).sort()).toEqual(['bad.csv', 'prev.csv']);
  }, 60_000);

  it('replaces a report and a saved profile in one go', () => {
    const dir = tempDir('out');
    const report = join(dir, 'report.md');
    writeFileSync(report, 'old');
    expect(huiqi(['report', 'samples/incomplete-profile.yaml', '-o', report, '--as-of', '2025-01-01']).code).toBe(EXIT.ok);
    expect(readFileSync(report, 'utf8')).toMatch(/^# /);
    const saved = join(dir, 'answered.yaml');
    expect(huiqi(['ask', 'samples/incomplete-profile.yaml', '--save', saved, '--as-of', '2025-01-01'], { input: '' }).code).toBe(EXIT.ok);
    expect(readFileSync(saved, 'utf8')).toContain('uscc:');
    expect(readdirSync(dir).sort()).toEqual(['answered.yaml', 'report.md']);
  }, 60_000);
});

describe('an unwritable output is one line naming the path, exit 3', () => {
  const dir = tempDir('out');
  const missing = join(dir, 'no-such-folder', 'out.csv');
  const cases: [string, string[], RegExp][] = [
    ['screen to a missing folder', ['screen', 'samples/enterprises.csv', '--out', missing], /out\.csv: cannot write: no such folder$/],
    ['screen to a folder', ['screen', 'samples/enterprises.csv', '--out', dir], /: cannot write: is a folder$/],
    ['screen to a full disk', ['screen', 'samples/enterprises.csv', '--out', '/dev/full'], /^huiqi: \/dev\/full: cannot write: no space left on device$/],
    [
      'screen to a full disk as XLSX',
      ['screen', 'samples/enterprises.csv', '--out', '/dev/full', '--format', 'xlsx'],
      /^huiqi: \/dev\/full: cannot write: no space left on device$/,
    ],
    ['report -o to a full disk', ['report', 'samples/incomplete-profile.yaml', '-o', '/dev/full'], /^huiqi: \/dev\/full: cannot write: no space left on device$/],
    ['report -o to a missing folder', ['report', 'samples/incomplete-profile.yaml', '-o', missing], /cannot write: no such folder$/],
    ['ask --save to a folder', ['ask', 'samples/incomplete-profile.yaml', '--save', dir], /: cannot write: is a folder$/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const run = huiqi([...args, '--as-of', '2025-01-01'], { input: '' });
      expect(run.code).toBe(EXIT.unwritableOutput);
      expect(oneLine(run.stderr).filter((l) => !l.startsWith('huiqi screen') && !l.startsWith('  '))).toHaveLength(1);
      expect(oneLine(run.stderr).at(-1)).toMatch(message);
    });
  }

  it('stdout redirected to a full disk (check, report, screen)', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [
        ['check', 'samples/incomplete-profile.yaml'],
        ['report', 'samples/incomplete-profile.yaml'],
        ['screen', 'samples/enterprises.csv'],
      ]) {
        const run = huiqi(args, { stdout: full });
        expect(run.code, args.join(' ')).toBe(EXIT.unwritableOutput);
        expect(run.stderr).toMatch(/^huiqi: stdout: cannot write: no space left on device$/m);
        expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      }
    } finally {
      closeSync(full);
    }
  }, 120_000);
});
