// One convention across commands (issue #11): --format with json, -o/--output (old names kept), --rules
// everywhere, usage errors on one line with a pointer to --help, and the README's exit-code table.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.ts';

// Every test runs the CLI several times; on a loaded machine one run takes seconds.
const SLOW = { timeout: 300_000 };
import { EXIT } from '../../cli/exit-codes.ts';

function huiqi(args: string[], input = '') {
  const run = spawnSync(process.execPath, ['bin/huiqi.js', ...args], { encoding: 'utf8', input, env: { ...process.env, CI: '1' }, timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dir = tempDir('conventions');
const fixtureRules = 'test/batch/fixtures/rules';
const profile = 'samples/dishonest-trader.json';

describe('one convention across commands', () => {
  it('gives every command that prints results --format with json', SLOW, () => {
    const json = (args: string[]) => {
      const run = huiqi(args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(args[1] === 'test' ? run.code : 0); // rules test exits 1 on a failing case
      return JSON.parse(run.stdout) as unknown;
    };
    expect(json(['check', profile, '--format', 'json', '--rules', fixtureRules])).toHaveProperty('results');
    expect(json(['report', profile, '--format', 'json', '--rules', fixtureRules, '--as-of', '2025-01-01'])).toHaveProperty('deadlines');
    expect(json(['rules', 'list', '--format', 'json', '--rules', fixtureRules])).toEqual(json(['rules', 'list', '--json', '--rules', fixtureRules]));
    expect(json(['rules', 'show', 'test-2024-1/not-dishonest', '--format', 'json', '--rules', fixtureRules])).toHaveProperty('id', 'test-2024-1/not-dishonest');
    expect(json(['rules', 'validate', '--format', 'json', '--rules', fixtureRules])).toMatchObject({ valid: true, rules: 3 });
    expect(json(['rules', 'test', '--format', 'json', '--rules', fixtureRules])).toHaveProperty('uncovered');
    expect(json(['ask', profile, '--non-interactive', '--format', 'json', '--rules', fixtureRules])).toHaveProperty('questions');
    expect(json(['calendar', profile, '--format', 'json', '--rules', fixtureRules])).toHaveProperty('events');
    const screened = huiqi(['screen', '-', '--format', 'json', '--rules', fixtureRules], '企业名称,统一社会信用代码\nA,91500000MA5U00000W\n');
    expect(JSON.parse(screened.stdout)).toMatchObject({ name: 'A', error: null });
  });

  it('gives every command that writes a file -o/--output, keeping --out (screen) and --save (ask)', SLOW, () => {
    const out = (name: string) => join(dir, name);
    expect(huiqi(['check', profile, '--rules', fixtureRules, '-o', out('check.txt')]).stdout).toBe('');
    expect(readFileSync(out('check.txt'), 'utf8')).toContain('重庆渝信进出口贸易有限公司');
    huiqi(['check', profile, '--rules', fixtureRules, '--output', out('check.json'), '--format', 'json']);
    expect(JSON.parse(readFileSync(out('check.json'), 'utf8'))).toHaveProperty('results');
    huiqi(['report', profile, '--rules', fixtureRules, '-o', out('report.md')]);
    expect(existsSync(out('report.md'))).toBe(true);
    const list = '企业名称,统一社会信用代码\nA,91500000MA5U00000W\n';
    huiqi(['screen', '-', '--rules', fixtureRules, '-o', out('new.csv')], list);
    huiqi(['screen', '-', '--rules', fixtureRules, '--out', out('old.csv')], list);
    expect(readFileSync(out('new.csv'), 'utf8')).toBe(readFileSync(out('old.csv'), 'utf8'));
    huiqi(['ask', profile, '--rules', fixtureRules, '--non-interactive', '-o', out('new.yaml')]);
    huiqi(['ask', profile, '--rules', fixtureRules, '--non-interactive', '--save', out('old.yaml')]);
    expect(readFileSync(out('new.yaml'), 'utf8')).toBe(readFileSync(out('old.yaml'), 'utf8'));
  });

  it('takes --rules everywhere, and the folder as a positional for rules validate|test as before', SLOW, () => {
    for (const args of [
      ['rules', 'validate', '--rules', fixtureRules],
      ['rules', 'validate', fixtureRules],
    ]) {
      expect(huiqi(args).stdout).toMatch(/^3 rules in 1 files are valid/);
    }
    expect(huiqi(['rules', 'test', '--rules', fixtureRules]).stdout).toBe(huiqi(['rules', 'test', fixtureRules]).stdout);
  });

  it('prints a usage error on one line with a pointer to --help, and exits 2 (bad --shard, --as-of, --format, option)', SLOW, () => {
    const cases: [string[], RegExp][] = [
      [['screen', 'samples/enterprises.csv', '--shard', '5/4'], /^huiqi screen: --shard must be i\/n .*\(got "5\/4"\) \(see `huiqi screen --help`\)\n$/],
      [['check', profile, '--as-of', '2024-02-30'], /^huiqi check: --as-of: must be a real calendar date \(got "2024-02-30"\) \(see `huiqi check --help`\)\n$/],
      [['check', profile, '--as-of', '20240101'], /^huiqi check: --as-of: must be a date YYYY-MM-DD \(got "20240101"\)/],
      [['report', profile, '--format', 'pdf'], /^huiqi report: Invalid values: Argument: format, Given: "pdf", Choices: .* \(see `huiqi report --help`\)\n$/],
      [['rules', 'test', '--verbos'], /^huiqi rules test: Unknown argument: verbos \(see `huiqi rules test --help`\)\n$/],
      [
        ['report', 'samples', '--format', 'html'],
        /^huiqi report: a folder of profiles needs -o FOLDER: where its reports, index and results.csv go \(see `huiqi report --help`\)\n$/,
      ],
      [['calendar', profile, '--from', '2025-13-01'], /^huiqi calendar: --from: must be a real calendar date \(got "2025-13-01"\) \(see `huiqi calendar --help`\)\n$/],
    ];
    for (const [args, message] of cases) {
      const run = huiqi(args);
      expect(run.code, args.join(' ')).toBe(EXIT.usage);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stdout).toBe('');
    }
  });
});

describe("the README's exit-code table", () => {
  // One command per code: a new code in cli/exit-codes.ts needs a row in the README and a command here.
  const scenario: Record<keyof typeof EXIT, string[]> = {
    ok: ['check', profile, '--rules', fixtureRules],
    invalidInput: ['check', 'samples/no-such-profile.yaml'],
    usage: ['check', profile, '--format', 'pdf'],
    unwritableOutput: ['check', profile, '--rules', fixtureRules, '-o', 'no-such-folder/result.txt'],
  };

  it('lists exactly the codes the CLI uses, and each is what its command gives', SLOW, () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('| exit code | meaning |'));
    const rows = [...table.matchAll(/^\| (\d+) \| (.+) \|$/gm)].map((m) => Number(m[1]));
    expect(rows).toEqual(Object.values(EXIT));
    for (const [name, args] of Object.entries(scenario)) expect(huiqi(args).code, name).toBe(EXIT[name as keyof typeof EXIT]);
  });
});
